"""The language server: LSP messages wired to the documents, the scheduler, the settings,
the actions and the hover. Nothing here lints or converts by itself.

Whatever goes wrong while linting one draft (a bug included) is shown to the
writer once as a `window/showMessage` and the server goes on: the draft keeps
its last published diagnostics.
"""
from __future__ import annotations

import asyncio
import os
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.exceptions import JsonRpcInvalidParams
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method
from pygls.uris import to_fs_path

from .. import __version__
from ..config import CONFIG_NAMES
from ..i18n import locale_language, say, translator, ui_language
from ..runner import internal_error
from .actions import FIX_ALL_KIND, ConfigTarget, Finding, code_actions, fix_all_action, wanted
from .conversion import SOURCE, LintedDraft, format_for, safe_to_replace
from .documents import DocumentStore
from .hover import hover
from .options import SECTION, EditorOptions, EditorSettings, read_options
from .positions import UTF16, PositionMap
from .scheduler import LintScheduler, Snapshot
from .settings import CONFIG_FILE_NAME, WorkspaceSettings
from .tone import PROFILE_COMMAND, lens_title, profile_lens, profile_message, profile_result

# Configuration files, and the rule files and lexicons of a configuration's rule-dirs.
_WATCHED = ["**/{" + ",".join(CONFIG_NAMES) + "}", "**/*.{yaml,yml,txt,tsv}"]
# How long lints wait for the client's answer to workspace/configuration: one that never
# answers must not stop linting.
CONFIGURATION_TIMEOUT = 5.0


class DraftsProtocol(LanguageServerProtocol):
    """pygls's protocol without its own copy of the open documents: DocumentStore keeps
    ours (pygls's raises on a change to a document never opened, and splits lines
    differently from LSP). The handlers below only pass each notification on."""

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams):
        yield self.fm.features[types.TEXT_DOCUMENT_DID_OPEN], (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams):
        yield self.fm.features[types.TEXT_DOCUMENT_DID_CHANGE], (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: types.DidCloseTextDocumentParams):
        yield self.fm.features[types.TEXT_DOCUMENT_DID_CLOSE], (params,), None


class ToneLanguageServer(LanguageServer):
    def __init__(self, ui_lang: str | None = None) -> None:
        """`ui_lang`: `tonelint --ui-lang` on the server's command line."""
        super().__init__("tonelint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         protocol_cls=DraftsProtocol)
        self.documents = DocumentStore()
        self.settings = WorkspaceSettings(report_error=self.show_error)
        self.linted: dict[str, LintedDraft] = {}  # the last published lint of each open draft
        self.scheduler: LintScheduler[LintedDraft] = LintScheduler(self.snapshot, self.lint, self.publish,
                                                                   ready=self.configured)
        self.editor_settings = EditorSettings()  # initializationOptions and workspace/configuration
        self.option_problems: list[str] = []
        self.requested_ui_lang = ui_lang
        self.client_locale: str | None = None  # InitializeParams.locale (LSP 3.16), e.g. "fr-CA"
        self.loop: asyncio.AbstractEventLoop | None = None
        self.exit_status = 0  # 1 when the client says exit without shutdown first (LSP spec)
        self.shut_down = False
        self._configuration_pulled = asyncio.Event()  # set once the first pull is answered (or never will be)
        self._shown: set[str] = set()  # error messages already shown, until the configuration changes

    # -- state -----------------------------------------------------------------------
    @property
    def encoding(self) -> str:
        try:
            return self.workspace.position_encoding or UTF16
        except RuntimeError:  # not initialized yet
            return UTF16

    def snapshot(self, uri: str) -> Snapshot | None:
        document = self.documents.get(uri)
        if document is None:
            return None
        return Snapshot(uri, document.version, document.text, document.language_id)

    def show_error(self, message: str) -> None:
        """Tell the writer once; callable from the lint thread."""
        if self.loop is not None:
            self.loop.call_soon_threadsafe(self._show, message)

    def _show(self, message: str) -> None:
        if message in self._shown:
            return
        self._shown.add(message)
        self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=message))

    # -- the client's capabilities -----------------------------------------------------
    def _client_supports(self, *path: str) -> bool:
        """Whether the client's capabilities have `path` (attribute names) set to a true value."""
        value = self.client_capabilities
        for name in path:
            value = getattr(value, name, None)
        return bool(value)

    # -- the editor's settings -----------------------------------------------------------
    async def configured(self) -> None:
        """Lints wait for the client's settings the first time (bounded: see CONFIGURATION_TIMEOUT)."""
        try:
            await asyncio.wait_for(self._configuration_pulled.wait(), CONFIGURATION_TIMEOUT)
        except asyncio.TimeoutError:
            self._configuration_pulled.set()

    async def pull_configuration(self) -> None:
        """Ask the client for the "tonelint" section, without a folder and for each workspace
        folder (workspace/configuration), when it can answer; else initializationOptions stay."""
        try:
            if not self._client_supports("workspace", "configuration"):
                return
            folders = self.workspace_folder_uris()
            items = [types.ConfigurationItem(section=SECTION)] + \
                    [types.ConfigurationItem(scope_uri=uri, section=SECTION) for uri in folders.values()]
            try:
                answers = await asyncio.wait_for(
                    self.workspace_configuration_async(types.ConfigurationParams(items=items)), CONFIGURATION_TIMEOUT)
            except Exception:  # noqa: BLE001 - no answer, or an error: the options in force stay
                return
            if not isinstance(answers, (list, tuple)) or len(answers) != len(items):
                return
            self.apply_settings(answers[0], dict(zip(folders, answers[1:])))
        finally:
            self._configuration_pulled.set()

    def apply_settings(self, unscoped, per_folder: dict[Path, object]) -> None:
        general, problems = read_options(unscoped, initialization=False)
        folders: dict[Path, EditorOptions] = {}
        for folder, answer in per_folder.items():
            folders[folder], more = read_options(answer, initialization=False)
            problems += more
        self.editor_settings.pulled(general, folders)
        for problem in dict.fromkeys(problems):
            self.show_error(f"tonelint: {problem}")

    def options_for(self, path: Path | None) -> EditorOptions:
        return self.editor_settings.for_folder(self.folder_of(path) if path is not None else None)

    def ui_language(self, options: EditorOptions) -> str:
        """The language of tonelint's own words: the `uiLang` setting, else `tonelint --ui-lang`,
        else the editor's own language (the client's locale), else the server's locale, as the CLI's."""
        if options.ui_lang:
            return options.ui_lang
        if self.requested_ui_lang:
            return ui_language(os.environ, self.requested_ui_lang)
        if self.client_locale:
            return locale_language(self.client_locale)
        return ui_language(os.environ)

    # -- linting (on the lint thread) ------------------------------------------------
    def lint(self, snapshot: Snapshot) -> LintedDraft | None:
        fmt = format_for(snapshot.language_id)
        if fmt is None:
            return None
        try:
            path = draft_path(snapshot.uri)
            options = self.options_for(path)
            engine = self.settings.engine_for(path or self.root_folder(), options.grammar_server)
            config = engine.config
            if len(snapshot.text.encode("utf-8", "surrogatepass")) > config.max_file_size:
                self.show_error(f"tonelint: {snapshot.uri}: not linted, larger than max-file-size "
                                f"({config.max_file_size} bytes)")
                return None
            result = engine.lint(snapshot.text, fmt, options.lang, options.select or (), options.ignore or (),
                                 variant=options.variant)
            rules = {rule.id: rule for rule in engine.pack(result.lang).rules}
        except Exception as exc:  # noqa: BLE001 - one draft's problem must never stop the server
            self.show_error(f"tonelint: {snapshot.uri}: {_one_line(exc)}")
            return None
        return LintedDraft(snapshot.uri, snapshot.version, fmt, result.lang, result.diagnostics, rules,
                           PositionMap(snapshot.text, self.encoding), result.profile, result.verdicts,
                           tuple(result.dimensions), result.words, tuple(result.notices), result.linted,
                           self.ui_language(options))

    def publish(self, snapshot: Snapshot, draft: LintedDraft) -> None:
        previous = self.linted.get(snapshot.uri)
        self.linted[snapshot.uri] = draft
        related = self._client_supports("text_document", "publish_diagnostics", "related_information")
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=snapshot.uri, diagnostics=draft.lsp_diagnostics(related), version=snapshot.version))
        # A notice ("not linted: the text reads as neither French nor English") is shown when it
        # appears, not at every keystroke while it stays true (its figures may change meanwhile).
        shown_before = {_kind_of(n) for n in previous.notices} if previous is not None else set()
        words = translator(draft.ui_lang)
        for notice in draft.notices:
            if _kind_of(notice) not in shown_before:
                message = words.gettext("tonelint: {path}: {message}").format(
                    path=draft_name(snapshot.uri), message=say(notice, words))
                self.window_show_message(types.ShowMessageParams(type=types.MessageType.Info, message=message))
        # The profile lens changed: a client that can be told asks for code lenses again.
        if (previous is None or lens_title(previous) != lens_title(draft)) \
                and self._client_supports("workspace", "code_lens", "refresh_support"):
            self.workspace_code_lens_refresh(None)

    def relint_all(self) -> None:
        for uri in self.documents.uris():
            self.scheduler.schedule(uri, delay=0)

    # -- workspace -------------------------------------------------------------------
    def root_folder(self) -> Path | None:
        folders = self.workspace_folders()
        return folders[0] if folders else None

    def workspace_folders(self) -> list[Path]:
        try:
            workspace = self.workspace
        except RuntimeError:
            return []
        paths = [to_fs_path(folder.uri) for folder in workspace.folders.values()]
        if workspace.root_path:
            paths.append(workspace.root_path)
        return [Path(p) for p in dict.fromkeys(paths) if p]

    def workspace_folder_uris(self) -> dict[Path, str]:
        """Each workspace folder (or the root, without folders) and its URI as the client wrote it."""
        try:
            workspace = self.workspace
        except RuntimeError:
            return {}
        uris = [folder.uri for folder in workspace.folders.values()] or \
               ([workspace.root_uri] if workspace.root_uri else [])
        found = {}
        for uri in uris:
            path = to_fs_path(uri)
            if path:
                found.setdefault(Path(path), uri)
        return found

    def folder_of(self, path: Path) -> Path | None:
        containing = [f for f in self.workspace_folders() if path == f or f in path.parents]
        return max(containing, key=lambda f: len(f.parts)) if containing else None

    def config_target(self, uri: str) -> ConfigTarget | None:
        """The configuration file "turn off this rule" edits: the one in force if it is in
        the draft's workspace folder, else a new .tonelint.toml at the folder's root."""
        path = draft_path(uri)
        if path is None:
            return None
        folder = self.folder_of(path)
        found = self.settings.config_file_for(path)
        if found is not None and (folder is None or found == folder or folder in found.parents):
            target = found
        else:
            target = (folder or path.parent) / CONFIG_FILE_NAME
        pyproject = target.name == "pyproject.toml"
        open_copy = self.documents.get(target.as_uri())
        if open_copy is not None:
            return ConfigTarget(target, open_copy.text, open_copy.version, pyproject)
        try:
            text = target.read_text(encoding="utf-8") if target.is_file() else None
        except (OSError, UnicodeDecodeError):
            return None
        return ConfigTarget(target, text, None, pyproject)


def _kind_of(notice: str) -> str:
    """A notice's template when it has one (a Message), so that new figures are not a new notice."""
    return getattr(notice, "singular", notice)


def draft_name(uri: str) -> str:
    """The draft's file name for a message; the URI when it has none (an untitled buffer)."""
    path = draft_path(uri)
    return path.name if path is not None else uri


def draft_path(uri: str) -> Path | None:
    path = to_fs_path(uri)
    return Path(path) if path else None


def _one_line(exc: Exception) -> str:
    from ..config import ConfigError
    from ..engine import UnknownRuleError
    from ..rulepack import RuleError

    if isinstance(exc, (ConfigError, RuleError, UnknownRuleError, ValueError)):
        return " ".join(str(exc).split())
    return internal_error(exc)


def build_server(ui_lang: str | None = None) -> ToneLanguageServer:
    """`ui_lang`: `tonelint --ui-lang` (the editor's `uiLang` setting wins over it)."""
    server = ToneLanguageServer(ui_lang)

    @server.feature(types.INITIALIZE)
    def initialize(ls: ToneLanguageServer, params: types.InitializeParams) -> None:
        options, ls.option_problems = read_options(params.initialization_options)
        ls.editor_settings = EditorSettings(options)
        ls.client_locale = params.locale if isinstance(params.locale, str) else None

    @server.feature(types.INITIALIZED)
    async def initialized(ls: ToneLanguageServer, params: types.InitializedParams) -> None:
        ls.loop = asyncio.get_running_loop()
        for problem in ls.option_problems:
            ls.show_error(f"tonelint: {problem}")
        await ls.pull_configuration()
        capability = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if capability and capability.dynamic_registration:
            watchers = [types.FileSystemWatcher(glob_pattern=pattern) for pattern in _WATCHED]
            options = types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
            registration = types.Registration(id="tonelint-config-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                              register_options=options)
            try:
                await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))
            except Exception:  # noqa: BLE001 - a client that refuses: configuration changes apply on reopen
                pass

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: ToneLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.loop = ls.loop or asyncio.get_running_loop()
        document = ls.documents.open(params.text_document)
        if format_for(document.language_id) is not None:
            ls.scheduler.schedule(document.uri, delay=0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: ToneLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        document = ls.documents.change(params, ls.encoding)
        if document is not None and format_for(document.language_id) is not None:
            ls.scheduler.schedule(document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(ls: ToneLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.documents.close(uri)
        ls.scheduler.forget(uri)
        if ls.linted.pop(uri, None) is not None:
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def did_change_watched_files(ls: ToneLanguageServer, params: types.DidChangeWatchedFilesParams) -> None:
        paths = [Path(p) for p in (to_fs_path(change.uri) for change in params.changes) if p]
        if ls.settings.files_changed(paths):
            ls._shown.clear()
            ls.relint_all()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: ToneLanguageServer, params: types.DidChangeConfigurationParams) -> None:
        ls._shown.clear()
        if ls._client_supports("workspace", "configuration"):
            await ls.pull_configuration()
        elif isinstance(params.settings, dict) and SECTION in params.settings:  # a client that only pushes
            ls.apply_settings(params.settings[SECTION], {})
        ls.relint_all()

    @server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    async def did_change_workspace_folders(ls: ToneLanguageServer,
                                           params: types.DidChangeWorkspaceFoldersParams) -> None:
        await ls.pull_configuration()  # pygls has updated the folders: each new one has its settings
        ls.relint_all()

    @server.feature(types.TEXT_DOCUMENT_CODE_LENS, types.CodeLensOptions(resolve_provider=False))
    def code_lens(ls: ToneLanguageServer, params: types.CodeLensParams) -> list[types.CodeLens]:
        draft = ls.linted.get(params.text_document.uri)
        return [profile_lens(draft)] if draft is not None else []  # the top of a draft is always there

    @server.command(PROFILE_COMMAND)
    def profile_command(ls: ToneLanguageServer, *arguments) -> dict:
        """The tone profile of the draft (its URI the only argument), shown and returned."""
        uri = arguments[0] if len(arguments) == 1 else None
        if not isinstance(uri, str):
            raise JsonRpcInvalidParams(f"{PROFILE_COMMAND} takes one argument, the draft's URI")
        draft = ls.linted.get(uri)
        if draft is None:
            raise JsonRpcInvalidParams(f"{PROFILE_COMMAND}: {uri} is not open, or not linted yet")
        ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Info, message=profile_message(draft)))
        return profile_result(draft)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND]))
    def code_action(ls: ToneLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        document = ls.documents.get(uri)
        fmt = format_for(document.language_id) if document else None
        if document is None or fmt is None:
            return []
        draft = ls.linted.get(uri)
        current = draft if draft is not None and draft.version == document.version else None
        findings = [_finding(diagnostic, current) for diagnostic in params.context.diagnostics
                    if diagnostic.source == SOURCE and isinstance(diagnostic.code, str)]
        # Titles in the language the draft's lens and hover use (before its first lint: the settings').
        ui_lang = draft.ui_lang if draft is not None else ls.ui_language(ls.options_for(draft_path(uri)))
        actions = code_actions(uri, document.text, fmt, ls.encoding, findings,
                               ls.config_target(uri) if findings else None, ui_lang)
        if current is not None:
            fix_all = fix_all_action(uri, [(current.range_of(d), d.suggestions[0]) for d in current.diagnostics
                                           if d.suggestions and safe_to_replace(d.match)], ui_lang)
            if fix_all is not None:
                actions.append(fix_all)
        return [action for action in actions if wanted(action, params.context.only)]

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: ToneLanguageServer, params: types.HoverParams) -> types.Hover | None:
        document = ls.documents.get(params.text_document.uri)
        draft = ls.linted.get(params.text_document.uri)
        if document is None or draft is None or draft.version != document.version:
            return None  # typed since the last lint: the positions no longer hold
        return hover(draft, params.position)

    @server.feature(types.SHUTDOWN)
    def on_shutdown(ls: ToneLanguageServer, params: None) -> None:
        ls.shut_down = True
        ls.scheduler.shutdown()

    @server.feature(types.EXIT)
    def on_exit(ls: ToneLanguageServer, params: None) -> None:
        ls.exit_status = 0 if ls.shut_down else 1

    return server


def _finding(diagnostic: types.Diagnostic, draft: LintedDraft | None) -> Finding:
    """The editor's diagnostic, located in the last lint when it is of the current text (its
    range then comes from the lint, whatever units the client sent it back in). Suggestions
    ride in the diagnostic's data; clients that drop it get them from the lint."""
    ours = draft.matching(diagnostic) if draft is not None else None
    where = draft.range_of(ours) if ours is not None else diagnostic.range
    data = diagnostic.data if isinstance(diagnostic.data, dict) else None
    if data is not None:
        suggestions = tuple(s for s in data.get("suggestions", ()) if isinstance(s, str))
        return Finding(diagnostic, diagnostic.code, suggestions, data.get("replaceable") is True, where)
    if ours is None:
        return Finding(diagnostic, diagnostic.code, (), False, where)
    return Finding(diagnostic, diagnostic.code, tuple(ours.suggestions), safe_to_replace(ours.match), where)
