"""`tonelint lsp` end to end: a real LSP client (pytest-lsp) drives the server in a subprocess."""
from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from .fake_languagetool import FakeLanguageTool

from tonelint.lsp.actions import ConfigTarget, Finding, code_actions, ignore_here_edit
from tonelint.lsp.config_edit import ConfigEditError, with_rule_off
from tonelint.lsp.conversion import LintedDraft, to_lsp
from tonelint.lsp.documents import OpenDocument
from tonelint.lsp.hover import hover
from tonelint.lsp.positions import PositionMap
from tonelint.lsp.tone import lens_title, profile_message
from tonelint.model import Diagnostic, Severity, Span

SERVER = [sys.executable, "-m", "tonelint.cli", "lsp"]
RULE = "fr.peer-jargon.anglicismes"

# Accents and an emoji (👩‍💻: three code points, five UTF-16 units, eleven UTF-8 bytes) before the finding.
DRAFT = (
    "# Nos nouvelles\n"
    "\n"
    "Chaque mois, nous écrivons pour vous.\n"
    "À l'été 👩‍💻 nous envoyons une newsletter pour vous tenir au courant.\n"
)
# "newsletter" starts at this character of line 3, in each encoding (counted by hand).
NEWSLETTER_AT = {"utf-16": 32, "utf-8": 41, "utf-32": 30}


def recording_client() -> LanguageClient:
    """pytest-lsp's client, also keeping every publishDiagnostics in order (with its version)
    and counting the server's requests to refresh code lenses."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []
    client.lens_refreshes = 0

    def publish(ls: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        ls.diagnostics[params.uri] = params.diagnostics
        ls.published.append(params)

    def refresh_lenses(ls: LanguageClient, params: None) -> None:
        ls.lens_refreshes += 1

    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish,
                                   types.WORKSPACE_CODE_LENS_REFRESH: refresh_lenses})
    return client


# A client like VS Code's: it answers workspace/configuration, shows related information
# and can be told to ask for code lenses again.
RICH_CLIENT = types.ClientCapabilities(
    workspace=types.WorkspaceClientCapabilities(
        configuration=True, code_lens=types.CodeLensWorkspaceClientCapabilities(refresh_support=True)),
    text_document=types.TextDocumentClientCapabilities(
        publish_diagnostics=types.PublishDiagnosticsClientCapabilities(related_information=True)))


async def initialize(client: LanguageClient, folder, encodings=None, capabilities=None, folders=None,
                     options=None, locale=None) -> types.InitializeResult:
    general = types.GeneralClientCapabilities(position_encodings=encodings) if encodings else None
    capabilities = capabilities or types.ClientCapabilities()
    capabilities.general = general
    return await client.initialize_session(types.InitializeParams(
        capabilities=capabilities, root_uri=folder.as_uri(), initialization_options=options, locale=locale,
        workspace_folders=[types.WorkspaceFolder(uri=f.as_uri(), name=f.name) for f in folders or [folder]]))


@contextlib.asynccontextmanager
async def session(client: LanguageClient, folder, **initialize_options):
    """An initialized session on `folder` (the fixtures' shared set-up), shut down afterwards."""
    client.folder = folder
    client.init_result = await initialize(client, folder, **initialize_options)
    yield
    if client._server.returncode is None:  # a test may have shut it down itself
        await client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, client_factory=recording_client))
async def client(lsp_client: LanguageClient, tmp_path):
    async with session(lsp_client, tmp_path):
        yield


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, client_factory=recording_client),
                    params=[None, ["utf-8"], ["utf-32"], ["utf-16"]], ids=["default", "utf-8", "utf-32", "utf-16"])
async def encoded_client(lsp_client: LanguageClient, tmp_path, request):
    async with session(lsp_client, tmp_path, encodings=request.param):
        yield


async def until(condition, timeout: float = 20.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        await asyncio.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def open_draft(client: LanguageClient, name: str = "billet.md", text: str = DRAFT, language_id: str = "markdown") -> str:
    path = client.folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language_id, version=1, text=text)))
    return uri


async def published(client: LanguageClient, uri: str, version: int) -> list[types.Diagnostic]:
    """The diagnostics published for `version` of `uri` (waits for them)."""
    # Generous: the first lint loads the French model, on a machine other tests may be loading too.
    try:
        found = await until(lambda: [p for p in client.published if p.uri == uri and p.version == version],
                            timeout=60, what=f"diagnostics of version {version}")
    except AssertionError as exc:
        raise AssertionError(f"{exc}; the server said: {[m.message for m in client.messages]}") from None
    return found[-1].diagnostics


async def linted_lens(client: LanguageClient, name: str, text: str) -> tuple[str, types.CodeLens]:
    """Open a draft, wait for its first lint, and return its uri and its one code lens."""
    uri = open_draft(client, name, text)
    await published(client, uri, 1)
    lens, = await client.text_document_code_lens_async(types.CodeLensParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    return uri, lens


def ours(diagnostics, rule: str = RULE) -> list[types.Diagnostic]:
    return [d for d in diagnostics if d.code == rule]


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """A client applying UTF-16 edits (written here independently of the server's code)."""
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        before = sum(len(line) + 1 for line in lines[:position.line])
        line = lines[position.line] if position.line < len(lines) else ""
        units, index = 0, 0
        while index < len(line) and units < position.character:
            units += 2 if ord(line[index]) > 0xFFFF else 1
            index += 1
        return before + index

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
        lines = text.split("\n")
    return text


def change(client: LanguageClient, uri: str, version: int, edit: types.TextEdit) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)]))


async def request_code_actions(client: LanguageClient, uri: str, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic])))


def watched_change(client: LanguageClient, path, kind=types.FileChangeType.Changed) -> None:
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=path.as_uri(), type=kind)]))


# -- positions ------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_ranges_follow_the_negotiated_position_encoding(encoded_client: LanguageClient):
    encoding = encoded_client.init_result.capabilities.position_encoding or "utf-16"
    uri = open_draft(encoded_client)
    diagnostic, = ours(await published(encoded_client, uri, 1))
    start = NEWSLETTER_AT[encoding]
    assert diagnostic.range == types.Range(start=types.Position(line=3, character=start),
                                           end=types.Position(line=3, character=start + len("newsletter")))
    assert diagnostic.source == "tonelint"
    assert diagnostic.severity == types.DiagnosticSeverity.Information  # a suggestion
    assert "newsletter" in diagnostic.message


@pytest.mark.asyncio
async def test_incremental_edit_before_a_finding_moves_it(client: LanguageClient):
    uri = open_draft(client)
    await published(client, uri, 1)
    # Insert an emoji and an accented word before the finding: 🎉 is two UTF-16 units, " désormais " eleven.
    insert = types.Position(line=3, character=NEWSLETTER_AT["utf-16"])
    change(client, uri, 2, types.TextEdit(types.Range(insert, insert), "🎉 désormais "))
    diagnostic, = ours(await published(client, uri, 2))
    assert diagnostic.range.start == types.Position(line=3, character=NEWSLETTER_AT["utf-16"] + 13)
    # Replace the word itself: the finding is gone.
    word = types.Range(types.Position(line=3, character=45), types.Position(line=3, character=55))
    change(client, uri, 3, types.TextEdit(word, "lettre"))
    assert ours(await published(client, uri, 3)) == []


@pytest.mark.asyncio
async def test_rapid_edits_never_publish_an_older_version_last(client: LanguageClient):
    uri = open_draft(client)
    await published(client, uri, 1)
    for version in range(2, 8):  # faster than the debounce
        end = types.Position(line=4, character=0)
        change(client, uri, version, types.TextEdit(types.Range(end, end), f"Ligne {version}.\n"))
    await published(client, uri, 7)
    versions = [p.version for p in client.published if p.uri == uri]
    assert versions == sorted(versions)
    assert versions[-1] == 7
    assert len(versions) < 7  # the debounce folded some of the six changes into one lint


# -- code actions and hover -----------------------------------------------------------


@pytest.mark.asyncio
async def test_preferred_quick_fix_applies_the_first_suggestion(client: LanguageClient):
    uri = open_draft(client)
    diagnostic, = ours(await published(client, uri, 1))
    actions = await request_code_actions(client, uri, diagnostic)
    preferred = [a for a in actions if a.is_preferred]
    assert [a.title for a in preferred] == ["Replace with “infolettre”"]
    assert any(a.title == "Replace with “lettre d'information”" for a in actions)
    fixed = apply_edits(DRAFT, preferred[0].edit.changes[uri])
    assert fixed == DRAFT.replace("newsletter", "infolettre")


@pytest.mark.asyncio
async def test_ignore_here_inserts_a_suppression_comment_that_silences_the_finding(client: LanguageClient):
    uri = open_draft(client)
    diagnostic, = ours(await published(client, uri, 1))
    action, = [a for a in await request_code_actions(client, uri, diagnostic) if a.title == f"Ignore {RULE} here"]
    edits = action.edit.changes[uri]
    fixed = apply_edits(DRAFT, edits)
    # Inside a paragraph the comment ends the line above, so the paragraph is not split in two.
    assert fixed == DRAFT.replace("pour vous.\n", f"pour vous. <!-- tonelint-disable-next-line {RULE} -->\n")
    change(client, uri, 2, edits[0])
    assert ours(await published(client, uri, 2)) == []


@pytest.mark.asyncio
async def test_ignore_here_in_mdx_inserts_a_jsx_comment_that_silences_the_finding(client: LanguageClient):
    text = "import Chart from './chart'\n\n" + DRAFT
    uri = open_draft(client, "billet.mdx", text, language_id="mdx")
    diagnostic, = ours(await published(client, uri, 1))
    action, = [a for a in await request_code_actions(client, uri, diagnostic) if a.title == f"Ignore {RULE} here"]
    edits = action.edit.changes[uri]
    assert apply_edits(text, edits) == text.replace(
        "pour vous.\n", f"pour vous. {{/* tonelint-disable-next-line {RULE} */}}\n")
    change(client, uri, 2, edits[0])
    assert ours(await published(client, uri, 2)) == []


@pytest.mark.asyncio
async def test_turn_off_rule_creates_the_workspace_config(client: LanguageClient):
    uri = open_draft(client)
    diagnostic, = ours(await published(client, uri, 1))
    action, = [a for a in await request_code_actions(client, uri, diagnostic) if a.title.startswith("Turn off")]
    create, edit = action.edit.document_changes
    config = client.folder / ".tonelint.toml"
    assert create.uri == edit.text_document.uri == config.as_uri()
    assert not config.exists()  # the editor applies the edit, not the server
    config.write_text(apply_edits("", edit.edits), encoding="utf-8")
    assert config.read_text(encoding="utf-8") == f'[severity]\n"{RULE}" = "off"\n'
    watched_change(client, config, types.FileChangeType.Created)
    await until(lambda: [p for p in client.published if p.uri == uri and p.version == 1 and not ours(p.diagnostics)],
                what="diagnostics without the rule")


@pytest.mark.asyncio
async def test_turn_off_rule_edits_an_existing_config_keeping_its_comments(client: LanguageClient):
    config = client.folder / ".tonelint.toml"
    config.write_text('# our blog\nlang = "fr"\n', encoding="utf-8")
    uri = open_draft(client)
    diagnostic, = ours(await published(client, uri, 1))
    action, = [a for a in await request_code_actions(client, uri, diagnostic) if a.title.startswith("Turn off")]
    edit, = action.edit.document_changes
    assert apply_edits(config.read_text(encoding="utf-8"), edit.edits) == \
        f'# our blog\nlang = "fr"\n\n[severity]\n"{RULE}" = "off"\n'


@pytest.mark.asyncio
async def test_fix_all_applies_every_safe_first_suggestion(client: LanguageClient):
    text = DRAFT.replace("pour vous.", "pour vous par email.")
    uri = open_draft(client, text=text)
    await published(client, uri, 1)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(types.Position(line=0, character=0), types.Position(line=0, character=0)),
        context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll])))
    fix_all, = actions
    assert fix_all.kind == "source.fixAll.tonelint"
    fixed = apply_edits(text, fix_all.edit.changes[uri])
    assert "courriel" in fixed and "infolettre" in fixed and "email" not in fixed and "newsletter" not in fixed


@pytest.mark.asyncio
async def test_hover_shows_message_why_and_suggestions(client: LanguageClient):
    uri = open_draft(client)
    diagnostic, = ours(await published(client, uri, 1))
    inside = types.Position(line=3, character=diagnostic.range.start.character + 3)
    result = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=inside))
    text = result.contents.value
    assert "newsletter" in text and "“infolettre”" in text and RULE in text
    assert result.range == diagnostic.range
    nowhere = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=2)))
    assert nowhere is None


# -- the tone profile and the evidence behind findings ------------------------------------

SAMPLE = (Path(__file__).resolve().parent.parent / "samples" / "brouillon-fr.md").read_text(encoding="utf-8")


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, client_factory=recording_client))
async def rich_client(lsp_client: LanguageClient, tmp_path):
    async with session(lsp_client, tmp_path, capabilities=RICH_CLIENT):
        yield


@pytest.mark.asyncio
async def test_code_lens_and_command_show_the_tone_profile(rich_client: LanguageClient):
    client = rich_client
    uri, lens = await linted_lens(client, "billet.md", SAMPLE)
    assert lens.range.start == types.Position(line=0, character=0)
    assert lens.command.command == "tonelint.profile" and list(lens.command.arguments) == [uri]
    title = lens.command.title
    assert title.startswith("Tone: press-release strong ") and " · self-promotion strong " in title
    assert " · peer-jargon " in title and " · dialogue " in title and " · readability " in title
    await until(lambda: client.lens_refreshes >= 1, what="workspace/codeLens/refresh")
    result = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="tonelint.profile", arguments=[uri]))
    profile = result["profile"]
    assert result["version"] == 1 and result["lang"] == "fr" and result["summary"] == title
    assert profile["press-release"]["level"] == "strong" and profile["press-release"]["verdict"]["severity"] == "warning"
    assert f"press-release strong {profile['press-release']['score']}" in title  # the lens shows the scores
    message, = await until(lambda: client.messages, what="the profile shown")
    assert message.type == types.MessageType.Info
    threshold = profile["press-release"]["verdict"]["threshold"]
    assert "press-release: strong, score" in message.message and f"for a threshold of {threshold:g}" in message.message
    with pytest.raises(Exception, match="not open, or not linted yet"):
        await client.workspace_execute_command_async(types.ExecuteCommandParams(
            command="tonelint.profile", arguments=["file:///nowhere.md"]))


@pytest.mark.asyncio
async def test_findings_decided_by_the_whole_draft_point_at_their_evidence(rich_client: LanguageClient):
    client = rich_client
    uri = open_draft(client, text=SAMPLE)
    diagnostics = await published(client, uri, 1)
    press = [d for d in diagnostics if d.code.startswith("fr.press-release.")
             and d.severity == types.DiagnosticSeverity.Warning]
    first = press[0]
    verdict = [r for r in first.related_information if r.message.startswith("evidence for the press-release verdict")]
    others = {(d.range.start.line, d.range.start.character) for d in press[1:]}
    assert verdict and {(r.location.range.start.line, r.location.range.start.character) for r in verdict} <= others
    assert all(r.location.uri == uri and re.search(r"\(\d+\.\d, threshold \d+\.\d\): ", r.message) for r in verdict)
    # "fiers d'annoncer" is also an announcement: the merged rule is shown at its own words.
    merged = [r for r in first.related_information if r.message.startswith("also fr.press-release.annonce: ")]
    assert len(merged) == 1
    # Jargon's verdict did not pass here: its finding is a suggestion, with no evidence listed.
    jargon, = [d for d in diagnostics if d.code == RULE]
    assert jargon.related_information is None


@pytest.mark.asyncio
async def test_no_related_information_for_a_client_that_does_not_show_it(client: LanguageClient):
    uri = open_draft(client, text=SAMPLE)
    assert all(d.related_information is None for d in await published(client, uri, 1))


def test_the_readability_finding_points_at_the_hardest_paragraphs(engine_fr):
    from tonelint.lsp.related import Evidence

    hard = ("L'opérationnalisation des recommandations institutionnelles nécessite préalablement l'identification "
            "systématique des problématiques organisationnelles prioritaires, conformément aux orientations "
            "stratégiques déterminées collectivement par l'administration concernée, préalablement à l'élaboration "
            "méthodologique d'indicateurs quantitatifs permettant l'évaluation longitudinale des interventions "
            "gouvernementales. Cette planification intersectorielle présuppose l'harmonisation réglementaire des "
            "responsabilités administratives et la consolidation institutionnelle des mécanismes décisionnels.")
    text = f"# Titre\n\n{hard}\n\n{hard}\n"
    result = engine_fr.lint(text, "markdown")
    rules = {r.id: r for r in engine_fr.pack("fr").rules}
    draft = LintedDraft("file:///b.md", 1, "markdown", "fr", result.diagnostics, rules, PositionMap(text),
                        result.profile, result.verdicts, tuple(result.dimensions), result.words)
    readability, = [d for d in result.diagnostics if d.rule == "fr.register.lisibilite"]
    related = Evidence(draft).related(readability)
    assert [r.location.range.start.line for r in related] == [2, 4]
    assert all(r.message.startswith("paragraph readability ") for r in related)


# -- the interface language of the lens and the profile message ----------------------------


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, client_factory=recording_client),
                    params=[None, {"uiLang": "en"}], ids=["locale", "setting"])
async def french_editor(lsp_client: LanguageClient, tmp_path, request):
    """An editor whose own language is French (InitializeParams.locale), with or without the
    `uiLang` setting that overrides it."""
    lsp_client.ui_lang = (request.param or {}).get("uiLang", "fr")
    async with session(lsp_client, tmp_path, capabilities=RICH_CLIENT, options=request.param, locale="fr-CA"):
        yield


@pytest.mark.asyncio
async def test_the_lens_and_the_profile_speak_the_editors_language(french_editor: LanguageClient):
    client = french_editor
    uri, lens = await linted_lens(client, "billet.md", SAMPLE)
    result = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="tonelint.profile", arguments=[uri]))
    message, = await until(lambda: client.messages, what="the profile shown")
    title, shown = lens.command.title, message.message
    threshold = result["profile"]["press-release"]["verdict"]["threshold"]
    assert result["summary"] == title and result["profile"]["press-release"]["level"] == "strong"  # data as it was
    if client.ui_lang == "fr":
        assert title.startswith("Ton : press-release marqué ") and " · lisibilité " in title
        assert "press-release : marqué, score" in shown and f"pour un seuil de {threshold:g}" in shown
        assert "constats" in shown and "mots par phrase" in shown
    else:  # uiLang wins over the editor's locale
        assert title.startswith("Tone: press-release strong ") and " · readability " in title
        assert "press-release: strong, score" in shown and f"for a threshold of {threshold:g}" in shown
    german = open_draft(client, "brief.md", GERMAN)
    await published(client, german, 1)
    notice, = await until(lambda: client.messages[1:], what="the not-linted notice")
    lens, = await client.text_document_code_lens_async(types.CodeLensParams(
        text_document=types.TextDocumentIdentifier(uri=german)))
    if client.ui_lang == "fr":
        assert lens.command.title == "Non analysé : le texte ne semble écrit ni en français ni en anglais"
        assert notice.message.startswith("tonelint : brief.md : non analysé : le texte ne semble écrit ni en français")
    else:
        assert lens.command.title == "Not linted: the text reads as neither French nor English"
        assert notice.message.startswith("tonelint: brief.md: not linted: the text reads as neither French nor English")


def test_the_profile_message_in_french_and_in_english(engine_fr):
    result = engine_fr.lint(SAMPLE, "markdown")
    said = {lang: LintedDraft("file:///d/billet.md", 1, "markdown", "fr", result.diagnostics, {}, PositionMap(SAMPLE),
                              result.profile, result.verdicts, tuple(result.dimensions), result.words, ui_lang=lang)
            for lang in ("fr", "en")}
    french, english = (profile_message(said[lang]).splitlines() for lang in ("fr", "en"))
    assert french[0] == f"tonelint : ton de billet.md (fr, {result.words} mots)"
    assert english[0] == f"tonelint: tone of billet.md (fr, {result.words} words)"
    assert len(french) == len(english) == len(result.dimensions) + 2
    dialogue = result.profile["dialogue"]
    level = "présent" if dialogue["level"] == "present" else "absent"
    assert f"dialogue : {level}, score {dialogue['score']}, {dialogue['findings']} constat" in "\n".join(french)
    assert lens_title(said["en"]).startswith("Tone: press-release strong ")
    assert lens_title(said["fr"]).startswith("Ton : press-release marqué ")


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, client_factory=recording_client),
                    params=[{"uiLang": "fr"}, None], ids=["uiLang-fr", "default"])
async def writer(lsp_client: LanguageClient, tmp_path, request):
    """A writer who asked for French (the `uiLang` setting), or one who asked for nothing."""
    lsp_client.ui_lang = (request.param or {}).get("uiLang", "en")
    async with session(lsp_client, tmp_path, options=request.param):
        yield


@pytest.mark.asyncio
async def test_hover_and_code_action_titles_speak_the_writers_language(writer: LanguageClient):
    client = writer
    uri = open_draft(client)
    diagnostic, = ours(await published(client, uri, 1))
    titles = [a.title for a in await request_code_actions(client, uri, diagnostic)]
    result = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(line=3, character=diagnostic.range.start.character + 3)))
    shown = result.contents.value
    if client.ui_lang == "fr":
        assert "Remplacer par « infolettre »" in titles and "Remplacer par « lettre d'information »" in titles
        assert f"Ignorer {RULE} ici" in titles and f"Désactiver {RULE} dans cet espace de travail" in titles
        assert "Corriger tous les constats sûrs de tonelint dans ce fichier" in titles
        assert "Suggestions : « infolettre », « lettre d'information »" in shown
        assert not any(t.startswith(("Replace ", "Ignore ", "Turn off ", "Fix all ")) for t in titles), titles
    else:  # English unless asked
        assert "Replace with “infolettre”" in titles and f"Ignore {RULE} here" in titles
        assert f"Turn off {RULE} in this workspace" in titles
        assert "Fix all safe tonelint findings in this file" in titles
        assert "Suggestions: “infolettre”, “lettre d'information”" in shown
    assert f"`{RULE}` (tonelint, suggestion)" in shown  # "suggestion" is French too


def test_the_hover_names_the_severity_as_the_cli_does_in_french():
    text = "Un KPI par mois.\n"
    finding = Diagnostic(rule="fr.peer-jargon.sigles", category="peer-jargon", severity=Severity.WARNING,
                         message="sigle", span=Span(3, 6), suggestions=["indicateur"], match="KPI")
    shown = {lang: hover(LintedDraft("file:///d/b.md", 1, "markdown", "fr", [finding], {}, PositionMap(text),
                                     ui_lang=lang), types.Position(line=0, character=4)).contents.value
             for lang in ("fr", "en")}
    assert "(tonelint, avertissement)" in shown["fr"] and "Suggestions : « indicateur »" in shown["fr"]
    assert "(tonelint, warning)" in shown["en"] and "Suggestions: “indicateur”" in shown["en"]


def test_the_interface_language_is_the_setting_then_ui_lang_then_the_editors_then_the_locale(monkeypatch):
    from tonelint.lsp.options import EditorOptions
    from tonelint.lsp.server import ToneLanguageServer

    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    server = ToneLanguageServer()
    assert server.ui_language(EditorOptions()) == "fr"  # the server's locale, as `tonelint check`
    server.client_locale = "en-US"
    assert server.ui_language(EditorOptions()) == "en"
    server.client_locale = "fr-CA"
    assert server.ui_language(EditorOptions()) == "fr"
    server.client_locale = "de"  # a language tonelint does not speak
    assert server.ui_language(EditorOptions()) == "en"
    assert ToneLanguageServer(ui_lang="en").ui_language(EditorOptions()) == "en"  # tonelint --ui-lang en lsp
    assert server.ui_language(EditorOptions(ui_lang="fr")) == "fr"
    # each step wins over the next one: --ui-lang over the editor's locale, the setting over --ui-lang
    asked = ToneLanguageServer(ui_lang="en")
    asked.client_locale = "fr-CA"
    assert asked.ui_language(EditorOptions()) == "en"
    assert asked.ui_language(EditorOptions(ui_lang="fr")) == "fr"


def test_the_ui_lang_setting_is_read_and_a_bad_one_reported():
    from tonelint.lsp.options import read_options

    assert read_options({"uiLang": "fr"})[0].ui_lang == "fr"
    assert read_options({"uiLang": "auto"})[0].ui_lang is None
    options, problems = read_options({"uiLang": "de"}, initialization=False)
    assert options.ui_lang is None and problems == ["setting 'tonelint.uiLang' must be en, fr or auto, not 'de'"]


# -- configuration --------------------------------------------------------------------


@pytest.mark.asyncio
async def test_config_change_is_reloaded_and_a_malformed_one_keeps_the_last_good(client: LanguageClient):
    config = client.folder / ".tonelint.toml"
    config.write_text('lang = "fr"\n', encoding="utf-8")
    uri = open_draft(client)
    assert ours(await published(client, uri, 1))
    config.write_text(f'lang = "fr"\n[severity]\n"{RULE}" = "off"\n', encoding="utf-8")
    watched_change(client, config)
    await until(lambda: [p for p in client.published if p.uri == uri and not ours(p.diagnostics)],
                what="the reloaded configuration")
    config.write_text('lang = "fr"\n[severity\n', encoding="utf-8")  # broken TOML
    watched_change(client, config)
    message = await until(lambda: client.messages, what="window/showMessage")
    assert message[0].type == types.MessageType.Error
    assert "invalid TOML" in message[0].message and "last good configuration" in message[0].message
    # Linting goes on, with the rule still off.
    end = types.Position(line=4, character=0)
    change(client, uri, 2, types.TextEdit(types.Range(end, end), "Encore une newsletter.\n"))
    assert ours(await published(client, uri, 2)) == []
    assert len(client.messages) == 1  # told once, not at every keystroke


@pytest.mark.asyncio
async def test_a_broken_config_from_the_start_falls_back_to_the_defaults(client: LanguageClient):
    (client.folder / ".tonelint.toml").write_text("lang = 'klingon'\n", encoding="utf-8")
    uri = open_draft(client)
    assert ours(await published(client, uri, 1))
    message, = await until(lambda: client.messages, what="window/showMessage")
    assert "'lang' must be fr, en or auto" in message.message and "default configuration" in message.message


def _house_rule(folder, message: str) -> Path:
    rule = folder / "style" / "fr" / "press-release" / "maison.yaml"
    rule.parent.mkdir(parents=True, exist_ok=True)
    rule.write_text(
        f"title: Maison\nkind: existence\nseverity: warning\nmessage: \"{message}\"\n"
        "description: Une formule maison.\nmatch:\n  phrases: [\"chaque mois\"]\n"
        "examples:\n  incorrect: [\"[[Chaque mois]], un billet.\"]\n  correct: [\"Un billet.\"]\n", encoding="utf-8")
    return rule


@pytest.mark.asyncio
async def test_rule_files_of_the_workspace_are_recompiled_and_a_broken_one_keeps_the_last_good(client: LanguageClient):
    rule = _house_rule(client.folder, "première version")
    (client.folder / ".tonelint.toml").write_text('rule-dirs = ["style"]\n', encoding="utf-8")
    uri = open_draft(client)
    house, = ours(await published(client, uri, 1), "fr.press-release.maison")
    assert house.message == "première version"
    rule.write_text("title: [cassé\n", encoding="utf-8")
    watched_change(client, rule)
    message, = await until(lambda: client.messages, what="window/showMessage")
    assert "maison.yaml" in message.message and "last good configuration" in message.message
    change(client, uri, 2, types.TextEdit(types.Range(types.Position(line=0, character=2),
                                                      types.Position(line=0, character=2)), "Toutes "))
    house, = ours(await published(client, uri, 2), "fr.press-release.maison")  # still linting, old rule
    assert house.message == "première version"
    _house_rule(client.folder, "deuxième version")
    watched_change(client, rule)
    await until(lambda: [p for p in client.published if p.uri == uri and p.version == 2
                         and [d for d in ours(p.diagnostics, "fr.press-release.maison") if d.message == "deuxième version"]],
                what="the recompiled rule")


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, client_factory=recording_client))
async def client_with_options(lsp_client: LanguageClient, tmp_path):
    async with session(lsp_client, tmp_path,
                       options={"lang": "fr", "ignore": ["fr.peer-jargon", "fr.peer-jargn"], "colour": "blue"}):
        yield


@pytest.mark.asyncio
async def test_initialization_options_narrow_the_lint_and_bad_ones_are_reported(client_with_options: LanguageClient):
    client = client_with_options
    uri = open_draft(client)
    diagnostics = await published(client, uri, 1)
    assert not [d for d in diagnostics if d.code.startswith("fr.peer-jargon")]
    messages = " | ".join(m.message for m in await until(lambda: len(client.messages) >= 2 and client.messages))
    assert "unknown initialization option 'colour'" in messages
    assert "'fr.peer-jargn' (did you mean 'fr.peer-jargon'?)" in messages


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, client_factory=recording_client))
async def configured_client(lsp_client: LanguageClient, tmp_path):
    """Three workspace folders: alpha and beta have their own "tonelint" settings, gamma none;
    initializationOptions say fr-CA."""
    alpha, beta, gamma = (tmp_path / name for name in ("alpha", "beta", "gamma"))
    # VS Code answers with the extension's own keys too (path, trace): they are no concern of the server.
    lsp_client.set_configuration({"variant": "fr-FR", "path": "/opt/tonelint", "trace": {"server": "off"}},
                                 section="tonelint", scope_uri=alpha.as_uri())
    lsp_client.set_configuration({"ignore": ["fr.peer-jargon"]}, section="tonelint", scope_uri=beta.as_uri())
    async with session(lsp_client, tmp_path, capabilities=RICH_CLIENT, folders=[alpha, beta, gamma],
                       options={"variant": "fr-CA"}):
        yield


@pytest.mark.asyncio
async def test_settings_are_pulled_per_workspace_folder_over_the_initialization_options(
        configured_client: LanguageClient):
    client = configured_client
    in_alpha, in_beta, in_gamma = (open_draft(client, f"{name}/billet.md") for name in ("alpha", "beta", "gamma"))
    alpha, = ours(await published(client, in_alpha, 1))
    assert alpha.data["suggestions"] == ["lettre d'information"] and "(usage de France)" in alpha.message
    assert ours(await published(client, in_beta, 1)) == []
    gamma, = ours(await published(client, in_gamma, 1))  # no settings of its own: initializationOptions
    assert gamma.data["suggestions"] == ["infolettre"] and "(usage québécois)" in gamma.message
    # The writer changes a setting: the server asks again and lints again.
    client.set_configuration({"variant": "fr-CA"}, section="tonelint", scope_uri=(client.folder / "alpha").as_uri())
    before = len(client.published)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    await until(lambda: [p for p in client.published[before:] if p.uri == in_alpha
                         and [d for d in ours(p.diagnostics) if d.data["suggestions"] == ["infolettre"]]],
                what="the new variant")
    assert client.messages == []


@pytest.mark.asyncio
async def test_a_client_that_cannot_be_asked_pushes_its_settings(client: LanguageClient):
    uri = open_draft(client)
    first, = ours(await published(client, uri, 1))
    assert first.data["suggestions"][0] == "infolettre"
    before = len(client.published)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"tonelint": {"variant": "fr-FR"}, "other-tool": {"x": 1}}))
    await until(lambda: [p for p in client.published[before:] if p.uri == uri
                         and [d for d in ours(p.diagnostics) if d.data["suggestions"] == ["lettre d'information"]]],
                what="the pushed variant")


@pytest.mark.asyncio
async def test_a_bad_setting_is_reported_and_left_out(configured_client: LanguageClient):
    client = configured_client
    client.set_configuration({"variant": "fr-XX", "lang": "klingon", "grammarServer": "localhost:8081"},
                             section="tonelint")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    uri = open_draft(client, "gamma/billet.md")
    gamma, = ours(await published(client, uri, 1))
    assert gamma.data["suggestions"] == ["infolettre"]  # initializationOptions' variant stays
    messages = " | ".join(m.message for m in await until(lambda: len(client.messages) >= 3 and client.messages,
                                                          what="three messages"))
    assert "setting 'tonelint.variant': unknown variant 'fr-XX'" in messages
    assert "setting 'tonelint.lang' must be fr, en or auto" in messages
    assert "setting 'tonelint.grammarServer' must be an http:// or https:// URL" in messages


@pytest.mark.asyncio
async def test_the_grammar_server_setting_is_honoured(configured_client: LanguageClient):
    client = configured_client
    with FakeLanguageTool() as languagetool:
        client.set_configuration({"grammarServer": languagetool.url}, section="tonelint")
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
        uri = open_draft(client, "gamma/billet.md", DRAFT + "\nNous aidons des client chaque jour.\n")
        grammar, = ours(await published(client, uri, 1), "fr.grammar.lt.ACCORD_NOMBRE")
    assert grammar.range.start.line == 5 and grammar.data["suggestions"] == ["des clients"]
    assert languagetool.requests and all("newsletter" in r["text"] for r in languagetool.requests)


# -- formats and lifecycle ------------------------------------------------------------


@pytest.mark.asyncio
async def test_languages_other_than_prose_are_left_alone_and_closing_clears(client: LanguageClient):
    code = open_draft(client, "script.py", "newsletter = 1\n", language_id="python")
    uri = open_draft(client, "notes.txt", "Abonnez-vous à notre newsletter, écrivez-nous par email.\n",
                     language_id="plaintext")
    assert len(ours(await published(client, uri, 1))) == 2
    assert not [p for p in client.published if p.uri == code]
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    await until(lambda: client.published[-1].uri == uri and len(client.published[-1].diagnostics) == 0,
                what="cleared diagnostics")


GERMAN = ("Wir freuen uns, Ihnen mitteilen zu können, dass unser Unternehmen im vergangenen Jahr stark "
          "gewachsen ist. Unsere Kunden schätzen die Qualität unserer Arbeit und die persönliche Beratung.\n")


@pytest.mark.asyncio
async def test_the_lens_of_a_draft_in_another_language_says_not_linted(rich_client: LanguageClient):
    client = rich_client
    uri, lens = await linted_lens(client, "brief.md", GERMAN)
    assert lens.command.title == "Not linted: the text reads as neither French nor English"
    result = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="tonelint.profile", arguments=[uri]))
    assert result["linted"] is False and result["summary"] == lens.command.title


@pytest.mark.asyncio
async def test_a_draft_in_another_language_is_said_not_linted_once(client: LanguageClient):
    german = GERMAN
    uri = open_draft(client, "brief.md", german)
    assert not await published(client, uri, 1)
    message, = await until(lambda: client.messages, what="window/showMessage")
    assert message.type == types.MessageType.Info
    assert "brief.md: not linted: the text reads as neither French nor English" in message.message
    end = types.Position(line=1, character=0)
    change(client, uri, 2, types.TextEdit(types.Range(end, end), "Wir helfen Ihnen gerne weiter.\n"))
    await published(client, uri, 2)
    assert len(client.messages) == 1  # told when it appears, not at every keystroke


@pytest.mark.asyncio
async def test_hostile_text_and_edits_never_stop_the_server(client: LanguageClient):
    hostile = "\ud800 Nous \x00 sommes\u2028 fiers d'annoncer \U0001F600\r\n" * 3
    uri = open_draft(client, "bizarre.md", "x")
    client.text_document_did_change(types.DidChangeTextDocumentParams(  # the whole text, then odd ranges
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=hostile)]))
    far = types.Position(line=999, character=999)
    change(client, uri, 3, types.TextEdit(types.Range(far, far), " newsletter"))
    backwards = types.Range(types.Position(line=2, character=5), types.Position(line=0, character=1))
    change(client, uri, 4, types.TextEdit(backwards, ""))
    await published(client, uri, 4)
    unknown = "file:///nowhere/never-opened.md"
    change(client, unknown, 2, types.TextEdit(types.Range(far, far), "x"))
    assert await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=unknown), position=far)) is None
    uri2 = open_draft(client, "ensuite.md")
    assert ours(await published(client, uri2, 1))  # still linting
    assert client.messages == []  # and no internal error on the way


@pytest.mark.asyncio
async def test_shutdown_then_exit_ends_the_server(client: LanguageClient):
    uri = open_draft(client)
    await published(client, uri, 1)
    await client.shutdown_session()
    assert client._server.returncode == 0


@pytest.mark.asyncio
async def test_exit_without_shutdown_ends_the_server_with_status_1(client: LanguageClient):
    uri = open_draft(client)
    await published(client, uri, 1)
    client.exit(None)  # no shutdown request first: the LSP spec asks for exit code 1
    assert await asyncio.wait_for(client._server.wait(), 20) == 1


def test_a_client_that_disappears_ends_the_server(tmp_path):
    body = b'{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}'
    server = subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    server.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
    server.stdin.close()  # the editor crashed
    try:
        assert server.wait(timeout=20) == 0
    finally:
        server.kill()
    assert b'"capabilities"' in server.stdout.read()


# -- the pure parts, in process -------------------------------------------------------

@pytest.mark.parametrize("encoding, character", [("utf-16", 5), ("utf-8", 7), ("utf-32", 4)])
def test_positions_count_units_of_the_encoding(encoding, character):
    text = "un\r\nx=\"😋\" fin\rdeux"
    positions = PositionMap(text, encoding)
    closing_quote = text.index('"', 7)
    assert positions.position(closing_quote) == types.Position(line=1, character=character)
    assert positions.offset(types.Position(line=1, character=character)) == closing_quote
    assert positions.position(len(text)) == types.Position(line=2, character=4)  # a lone \r breaks a line too


def test_only_lsp_line_breaks_count_as_lines():
    # U+2028 and form feeds are not LSP line breaks (str.splitlines() would say they are).
    text = "Texte collé\u2028suite\x0cfin\nnewsletter ici\n"
    document = OpenDocument("file:///x.md", "markdown", 1, text)
    assert PositionMap(text).position(text.index("newsletter")) == types.Position(line=1, character=0)
    edit = types.Range(types.Position(line=1, character=0), types.Position(line=1, character=10))
    document.apply(types.TextDocumentContentChangePartial(range=edit, text="infolettre"), "utf-16")
    assert document.text == text.replace("newsletter", "infolettre")


def _finding(line: int, rule: str = RULE) -> Finding:
    where = types.Range(types.Position(line=line, character=0), types.Position(line=line, character=4))
    return Finding(types.Diagnostic(range=where, message="m", code=rule, source="tonelint"), rule, ("mot",), True, where)


def test_ignore_here_at_the_start_of_a_block_goes_on_its_own_line_with_the_indentation():
    text = "Titre\n\n  - Une newsletter\n"
    edit = ignore_here_edit(text, "utf-16", 2, RULE)
    assert edit.range.start == types.Position(line=2, character=0)
    assert edit.new_text == f"  <!-- tonelint-disable-next-line {RULE} -->\n"
    after_fence = ignore_here_edit("```\ncode\n```\nUne newsletter\n", "utf-16", 3, RULE)
    assert after_fence.range.start == types.Position(line=3, character=0)  # never appended to a fence


def test_no_ignore_comment_in_front_matter_and_a_jsx_comment_in_mdx():
    text = "---\ntitle: Notre newsletter\n---\n\nUne newsletter\n"
    for uri, fmt in (("file:///b.md", "markdown"), ("file:///b.mdx", "mdx")):
        actions = code_actions(uri, text, fmt, "utf-16", [_finding(1), _finding(4)], None)
        ignore, = [a for a in actions if a.title == f"Ignore {RULE} here"]  # for the body, not the YAML title
        comment = ignore.edit.changes[uri][0].new_text
        assert comment == (f"{{/* tonelint-disable-next-line {RULE} */}}\n" if fmt == "mdx"
                           else f"<!-- tonelint-disable-next-line {RULE} -->\n")  # MDX 2 rejects HTML comments


def test_no_replacement_over_markup():
    markup = Finding(_finding(0).diagnostic, RULE, ("mot",), False, _finding(0).range)
    titles = [a.title for a in code_actions("file:///b.md", "x\n", "markdown", "utf-16", [markup], None)]
    assert not any(t.startswith("Replace") for t in titles)


def test_turn_off_in_pyproject_edits_tool_tonelint_and_an_unreadable_config_gets_no_action(tmp_path):
    text = '[project]\nname = "blog"\n\n[tool.tonelint]\nlang = "fr"\n'
    assert with_rule_off(text, RULE, pyproject=True) == text + f'\n[tool.tonelint.severity]\n"{RULE}" = "off"\n'
    with pytest.raises(ConfigEditError):
        with_rule_off("lang = [", RULE)
    broken = ConfigTarget(tmp_path / ".tonelint.toml", "lang = [")
    titles = [a.title for a in code_actions("file:///b.md", "x\n", "markdown", "utf-16", [_finding(0)], broken)]
    assert not any(t.startswith("Turn off") for t in titles)


def test_code_description_only_when_the_rule_has_a_link(engine_fr):
    rule = next(r for r in engine_fr.all_rules("fr") if r.id == RULE)
    finding = Diagnostic(rule=RULE, category="peer-jargon", severity=Severity.WARNING, message="m",
                         span=Span(0, 4), suggestions=["a"], match="mail")
    positions = PositionMap("mail\n")
    assert to_lsp(finding, positions, rule).code_description is None
    rule.link = "https://example.org/rules/anglicismes"
    try:
        converted = to_lsp(finding, positions, rule)
    finally:
        rule.link = None
    assert converted.code_description.href == "https://example.org/rules/anglicismes"
    assert converted.severity == types.DiagnosticSeverity.Warning and converted.code == RULE


def test_a_diagnostic_sent_back_in_byte_columns_is_found_in_the_lint(engine_fr):
    result = engine_fr.lint(DRAFT, "markdown")
    draft = LintedDraft("file:///b.md", 1, "markdown", "fr", result.diagnostics, {}, PositionMap(DRAFT))
    finding, = [d for d in result.diagnostics if d.rule == RULE]
    in_bytes = types.Range(types.Position(line=3, character=41), types.Position(line=3, character=51))
    sent_back = types.Diagnostic(range=in_bytes, message="m", code=RULE, source="tonelint")
    assert draft.matching(sent_back) is finding
    assert draft.range_of(finding).start.character == NEWSLETTER_AT["utf-16"]


# -- a real editor ----------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(shutil.which("nvim") is None,
                    reason="nvim is not installed (Debian package neovim; `make e2e-deps` installs it as root)")
def test_neovim_applies_the_preferred_code_action_with_its_settings(tmp_path):
    draft = tmp_path / "billet.md"
    draft.write_text(DRAFT, encoding="utf-8")
    out = tmp_path / "out.json"
    env = {**os.environ, "TONELINT_NVIM_OUT": str(out), "TONELINT_DRAFT": str(draft), "TONELINT_RULE": RULE,
           "TONELINT_NVIM_CONFIG": str(ROOT / "editors" / "neovim" / "tonelint.lua"),
           "TONELINT_LSP_CMD": json.dumps(SERVER), "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path),
           # Neovim answers the server's workspace/configuration from these settings.
           "TONELINT_NVIM_SETTINGS": json.dumps({"tonelint": {"variant": "fr-FR"}})}
    subprocess.run(["nvim", "--headless", "--clean", "-c", f"luafile {ROOT / 'tests' / 'nvim' / 'code_action.lua'}"],
                   cwd=tmp_path, env=env, timeout=120, stdin=subprocess.DEVNULL, capture_output=True)
    seen = json.loads(out.read_text(encoding="utf-8"))
    assert "error" not in seen and seen["published"]
    # Neovim counts bytes: "À l'été 👩‍💻 nous envoyons une " is 41 of them.
    assert (seen["lnum"], seen["col"], seen["end_col"]) == (3, 41, 51)
    assert seen["line"] == DRAFT.splitlines()[3].replace("newsletter", "lettre d'information")  # France's usage
    assert seen["cleared"]
