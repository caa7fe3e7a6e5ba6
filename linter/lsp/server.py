"""The language server: LSP messages wired to the documents, the scheduler, the settings,
the actions and the hover. Nothing here lints or converts by itself.

Whatever goes wrong while linting one draft (a bug included) is shown to the
writer once as a `window/showMessage` and the server goes on: the draft keeps
its last published diagnostics.
"""
from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method
from pygls.uris import to_fs_path

from .. import __version__
from ..config import CONFIG_NAMES
from ..runner import internal_error
from .actions import FIX_ALL_KIND, ConfigTarget, Finding, code_actions, fix_all_action, wanted
from .conversion import SOURCE, LintedDraft, format_for, safe_to_replace
from .documents import DocumentStore
from .hover import hover
from .options import EditorOptions, read_options
from .positions import UTF16, PositionMap
from .scheduler import LintScheduler, Snapshot
from .settings import CONFIG_FILE_NAME, WorkspaceSettings

# Configuration files, and the rule files and lexicons of a configuration's rule-dirs.
_WATCHED = ["**/{" + ",".join(CONFIG_NAMES) + "}", "**/*.{yaml,yml,txt,tsv}"]


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
    def __init__(self) -> None:
        super().__init__("tonelint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         protocol_cls=DraftsProtocol)
        self.documents = DocumentStore()
        self.settings = WorkspaceSettings(report_error=self.show_error)
        self.linted: dict[str, LintedDraft] = {}  # the last published lint of each open draft
        self.scheduler: LintScheduler[LintedDraft] = LintScheduler(self.snapshot, self.lint, self.publish)
        self.options = EditorOptions()  # from initializationOptions
        self.option_problems: list[str] = []
        self.loop: asyncio.AbstractEventLoop | None = None
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

    # -- linting (on the lint thread) ------------------------------------------------
    def lint(self, snapshot: Snapshot) -> LintedDraft | None:
        fmt = format_for(snapshot.language_id)
        if fmt is None:
            return None
        try:
            engine = self.settings.engine_for(draft_path(snapshot.uri) or self.root_folder())
            config = engine.config
            if len(snapshot.text.encode("utf-8", "surrogatepass")) > config.max_file_size:
                self.show_error(f"tonelint: {snapshot.uri}: not linted, larger than max-file-size "
                                f"({config.max_file_size} bytes)")
                return None
            options = self.options
            result = engine.lint(snapshot.text, fmt, options.lang, options.select, options.ignore)
            rules = {rule.id: rule for rule in engine.pack(result.lang).rules}
        except Exception as exc:  # noqa: BLE001 - one draft's problem must never stop the server
            self.show_error(f"tonelint: {snapshot.uri}: {_one_line(exc)}")
            return None
        return LintedDraft(snapshot.uri, snapshot.version, fmt, result.lang, result.diagnostics, rules,
                           PositionMap(snapshot.text, self.encoding))

    def publish(self, snapshot: Snapshot, draft: LintedDraft) -> None:
        self.linted[snapshot.uri] = draft
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=snapshot.uri, diagnostics=draft.lsp_diagnostics(), version=snapshot.version))

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


def build_server() -> ToneLanguageServer:
    server = ToneLanguageServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: ToneLanguageServer, params: types.InitializeParams) -> None:
        ls.options, ls.option_problems = read_options(params.initialization_options)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: ToneLanguageServer, params: types.InitializedParams) -> None:
        ls.loop = asyncio.get_running_loop()
        for problem in ls.option_problems:
            ls.show_error(f"tonelint: {problem}")
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
        actions = code_actions(uri, document.text, fmt, ls.encoding, findings,
                               ls.config_target(uri) if findings else None)
        if current is not None:
            fix_all = fix_all_action(uri, [(current.range_of(d), d.suggestions[0]) for d in current.diagnostics
                                           if d.suggestions and safe_to_replace(d.match)])
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
        ls.scheduler.shutdown()

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
