"""The extension in real headless Chromium against the real server (Debian chromium + npm playwright-core),
in a textarea, a plain contenteditable and real editors from npm: Quill, CKEditor 5, TinyMCE, ProseMirror, Lexical,
and WordPress's block editor (Gutenberg); the Firefox package in Debian's Firefox ESR."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .browser_harness import EXTENSION, PortBusy, extension_pages, tonelint_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PLAYWRIGHT = EXTENSION / "node_modules" / "playwright-core"

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(
    not Path(CHROMIUM).exists() or not PLAYWRIGHT.exists(),
    reason="needs Debian's chromium and npm's playwright-core (installed by `make test` as root)")]


@pytest.fixture(scope="module")
def server():
    try:
        with tonelint_server():
            yield
    except PortBusy as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="module")
def page_url():
    with extension_pages() as url:
        yield url


ARTEFACTS = Path(__file__).parent / ".cache" / "e2e"  # screenshots, to look at


def run_script(name: str, *args: str) -> dict:
    """Run one of extension/test/e2e/*.mjs and return the JSON line of observations it prints."""
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(["node", str(EXTENSION / "test" / "e2e" / name), *args], capture_output=True, text=True,
                          timeout=300, env={"PATH": "/usr/bin:/bin", "CHROMIUM": CHROMIUM})
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_underlines_card_apply_and_undo_in_textarea_and_contenteditable(server, page_url):
    seen = run_script("run.mjs", page_url + "page.html", str(ARTEFACTS))
    # a French draft in a contenteditable: exactly the flagged words
    assert seen["rich"]["tonelint-press-release"] == ["fiers d'annoncer"]
    assert seen["rich"]["tonelint-peer-jargon"] == ["newsletter"]
    assert seen["richApplied"] == "Nous sommes fiers d'annoncer notre nouvelle infolettre pour nos clients."
    assert seen["richUndone"] == "Nous sommes fiers d'annoncer notre nouvelle newsletter pour nos clients."
    assert seen["why"].startswith("Les anglicismes du milieu des affaires")  # the card's one-line "why"
    # an English draft in a textarea
    assert sorted(seen["plainUnderlines"]) == ["press-release", "self-promotion"]
    assert seen["plainApplied"] == "We are thrilled to announce our new service for you. Questions? Just reply!"
    assert seen["plainUndone"] == "We are thrilled to announce our new service for you. Call us today!"
    assert all(not ranges for ranges in seen["clean"].values()), seen["clean"]
    assert (ARTEFACTS / "card.png").stat().st_size > 1000


EDITORS = EXTENSION / "node_modules" / "tinymce"


@pytest.mark.skipif(not EDITORS.exists() or not (EXTENSION / "node_modules" / "ckeditor5").exists(),
                    reason="needs the editors from npm (quill, ckeditor5, tinymce), installed by `make test`")
def test_real_editor_libraries(server, page_url):
    seen = run_script("editors.mjs", page_url + "editors.html", str(ARTEFACTS))
    draft = "Nous sommes fiers d'annoncer notre nouvelle newsletter pour nos clients."
    fixed = draft.replace("newsletter", "infolettre")
    for name in ("quill", "ckeditor", "tinymce", "prosemirror", "lexical"):  # TinyMCE runs in its own iframe
        result = seen[name]
        assert "error" not in result, (name, result)
        assert result["underlined"] == {"tonelint-press-release": ["fiers d'annoncer"],
                                        "tonelint-peer-jargon": ["newsletter"]}, name
        assert result["applied"] == fixed, name  # read back through the editor's own API (its model)
    for name in ("quill", "ckeditor", "tinymce", "prosemirror", "lexical"):  # the editor's undo restores the words
        assert seen[name]["undone"] == draft, name
    for name in ("quill", "ckeditor", "tinymce", "prosemirror", "lexical"):  # then an English draft
        assert seen[name]["english"] == {"tonelint-press-release": ["thrilled to announce"],
                                         "tonelint-self-promotion": ["Call us today"]}, name


GUTENBERG = EXTENSION / "node_modules" / ".gutenberg" / "build-browser" / "isolated-block-editor.js"


@pytest.mark.skipif(not GUTENBERG.exists() or not (EXTENSION / "node_modules" / "react-dom").exists(),
                    reason="needs Gutenberg's browser build and React from npm, installed by `make test`")
def test_wordpress_block_editor_is_one_draft_across_its_blocks(server, page_url):
    seen = run_script("gutenberg.mjs", page_url + "gutenberg.html", str(ARTEFACTS))
    assert "error" not in seen, seen
    first = "Nous sommes fiers d'annoncer notre nouvelle newsletter."
    second = "Vous avez une question ? Écrivez-moi, je vous réponds."
    assert seen["paragraphs"] == [first, second]  # two blocks, two contenteditables
    # The cursor is in the second block: the first block's words are still underlined, exactly.
    assert seen["underlined"] == {"tonelint-press-release": ["fiers d'annoncer"], "tonelint-peer-jargon": ["newsletter"]}
    fixed = first.replace("newsletter", "infolettre")
    assert seen["applied"] == [fixed, second]
    assert f"<p>{fixed}</p>" in seen["savedApplied"]  # in Gutenberg's own model, as WordPress would save the post
    assert seen["undone"] == [first, second] and f"<p>{first}</p>" in seen["savedUndone"]  # Gutenberg's undo
    assert seen["underlinedAfterUndo"] == seen["underlined"]
    assert seen["multiSelected"] == 2 and seen["underlinedInMultiSelection"] == seen["underlined"]


FIREFOX = shutil.which("firefox-esr") or "/usr/bin/firefox-esr"


@pytest.mark.skipif(not Path(FIREFOX).exists() or not (EXTENSION / "node_modules" / "puppeteer-core").exists(),
                    reason="needs Debian's firefox-esr and npm's puppeteer-core, installed by `make test` as root")
def test_firefox_package_in_firefox(server, page_url, tmp_path):
    subprocess.run([sys.executable, str(EXTENSION / "build.py"), "--out", str(tmp_path)], check=True, capture_output=True)
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(["node", str(EXTENSION / "test" / "e2e" / "firefox.mjs"), page_url + "page.html",
                           str(tmp_path / "tonelint-firefox.zip"), str(ARTEFACTS)], capture_output=True, text=True,
                          timeout=300, env={"PATH": "/usr/bin:/bin", "FIREFOX": FIREFOX, "HOME": str(tmp_path)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    seen = json.loads(proc.stdout.strip().splitlines()[-1])
    assert "error" not in seen, seen
    assert seen["extension"] == "tonelint@tonelint.invalid"  # the Firefox build's add-on id
    assert seen["rich"] == {"tonelint-press-release": ["fiers d'annoncer"], "tonelint-peer-jargon": ["newsletter"]}
    assert seen["richApplied"] == "Nous sommes fiers d'annoncer notre nouvelle infolettre pour nos clients."
    assert seen["richUndone"] == "Nous sommes fiers d'annoncer notre nouvelle newsletter pour nos clients."
    assert sorted(seen["plainUnderlines"]) == ["press-release", "self-promotion"]
    assert seen["plainApplied"] == "We are thrilled to announce our new service for you. Questions? Just reply!"
    assert seen["plainUndone"] == "We are thrilled to announce our new service for you. Call us today!"
    assert seen["clean"] == {}


def test_popup_options_and_an_unreachable_server(server, page_url):
    seen = run_script("ui.mjs", page_url + "page.html")
    # headless Chromium keeps its English UI whatever --lang says; both locales are checked statically
    assert seen["popupStatus"].split(" (")[0] in ("connected", "connecté")
    assert seen["popupStatus"].endswith("(http://127.0.0.1:8765)")
    assert seen["popupTitle"] in ("Tone of the draft", "Ton du brouillon")
    assert seen["optionsRules"] >= 40 and seen["optionsServer"] == "http://127.0.0.1:8765"
    # unreachable: a badge and a title, no dialog, the writer's text untouched
    assert seen["badge"] == "!" and "unreachable" in seen["title"] and seen["dialogs"] == 0
    assert seen["text"] == "Nous sommes fiers d'annoncer notre solution clé en main. Encore un leader mondial."
    assert seen["popupStatusDown"].split(" (")[0] in ("unreachable", "injoignable")
