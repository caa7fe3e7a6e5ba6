"""The extension in a real WordPress (Debian's package, a throwaway site on loopback), block editor and
classic editor, in headless Chromium and Firefox ESR, with the packed extension and the real server
run with a token (as a team's shared server): underlines under the exact words, the card, a suggestion
applied, WordPress's own undo and redo, the draft saved and read back through WordPress's REST API with
nothing of tonelint in it. One site and one server per module; each browser runs the whole scenario
once (extension/test/e2e/wordpress.mjs) and the tests below check what it saw.
Run alone: pytest -k real_wordpress"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .browser_harness import EXTENSION, PortBusy, tonelint_server
from .wordpress_site import WordPressUnavailable, wordpress_site

ARTEFACTS = Path(__file__).parent / ".cache" / "e2e"  # screenshots, to look at
BROWSERS = {"chromium": shutil.which("chromium") or "/usr/bin/chromium",
            "firefox": shutil.which("firefox-esr") or "/usr/bin/firefox-esr"}
PUPPETEER = EXTENSION / "node_modules" / "puppeteer-core"

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(
    not PUPPETEER.exists() or not shutil.which("node"),
    reason="needs node and npm's puppeteer-core (installed by `make test`)")]

TITLE = "Un leader mondial arrive"
HEADING = "Une newsletter pour nos clients"
FIRST = "Nous sommes fiers d'annoncer notre nouvelle newsletter."
SECOND = "Vous avez une question ? Écrivez-moi, je vous réponds."
FIXED = FIRST.replace("newsletter", "infolettre")  # the card's first suggestion, applied
UNDERLINED = {"tonelint-press-release": ["leader mondial", "fiers d'annoncer"],  # the title is part of the draft
              "tonelint-peer-jargon": ["newsletter", "newsletter"]}
BLOCKS = [["core/heading", HEADING], ["core/paragraph", FIRST], ["core/paragraph", SECOND]]
# Nothing of tonelint may reach a saved post: no markup, attribute or class, no zero-width character.
TRACES = re.compile(r"tonelint|data-|class=|style=|<span|<mark|[\u200b-\u200d\u2060\ufeff]", re.IGNORECASE)


@pytest.fixture(scope="module")
def site():
    try:
        with wordpress_site() as made:
            yield made
    except WordPressUnavailable as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="module")
def token() -> str:
    return "team-token-" + os.urandom(12).hex()


@pytest.fixture(scope="module")
def server(tmp_path_factory, token):
    token_file = tmp_path_factory.mktemp("token") / "token"
    token_file.write_text(token)
    try:
        with tonelint_server(args=("--token-file", str(token_file))):
            yield
    except PortBusy as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="module", params=sorted(BROWSERS))
def seen(request, site, server, token, tmp_path_factory) -> dict:
    """Everything one browser saw in the whole scenario (run once per browser)."""
    name = request.param
    if not Path(BROWSERS[name]).exists():
        pytest.skip(f"needs Debian's {name} (installed by `make test` as root)")
    home = tmp_path_factory.mktemp(name)
    args = [name, str(ARTEFACTS)]
    if name == "firefox":  # the Firefox package, installed as an add-on
        subprocess.run([sys.executable, str(EXTENSION / "build.py"), "--out", str(home)], check=True, capture_output=True)
        args.append(str(home / "tonelint-firefox.zip"))
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "CHROMIUM": BROWSERS["chromium"], "FIREFOX": BROWSERS["firefox"],
           "WP_URL": site.url, "WP_USER": site.user, "WP_PASSWORD": site.password, "TONELINT_TOKEN": token}
    proc = subprocess.run(["node", str(EXTENSION / "test" / "e2e" / "wordpress.mjs"), *args],
                          capture_output=True, text=True, timeout=400, env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    observed = json.loads(proc.stdout.strip().splitlines()[-1])
    assert "error" not in observed, observed["error"]
    return observed


def saved(site, post_id: int) -> dict:
    """The post as WordPress stored it, with its revisions and autosaves (raw, as the editor loads them)."""
    post = site.rest(f"/wp/v2/posts/{post_id}", context="edit")
    return {"title": post["title"]["raw"], "content": post["content"]["raw"], "status": post["status"],
            "revisions": site.rest(f"/wp/v2/posts/{post_id}/revisions", context="edit"),
            "autosaves": site.rest(f"/wp/v2/posts/{post_id}/autosaves", context="edit")}


def assert_untraced(stored: dict) -> None:
    for version in [stored, *stored["revisions"], *stored["autosaves"]]:
        for field in ("title", "content"):
            value = version[field] if isinstance(version[field], str) else version[field]["raw"]
            assert not TRACES.search(value), (field, value)


def block_markup(*blocks: tuple[str, str]) -> str:
    """What WordPress 6.1's block editor saves for headings and paragraphs."""
    tags = {"heading": "h2", "paragraph": "p"}
    return "\n\n".join(f"<!-- wp:{kind} -->\n<{tags[kind]}>{text}</{tags[kind]}>\n<!-- /wp:{kind} -->" for kind, text in blocks)


def test_real_wordpress_block_editor_draft_underline_apply_undo_save(seen, site):
    assert "blockError" not in seen, seen["blockError"]
    assert seen["adminBar"] and seen["dialogs"] == 0  # a full admin page: the admin bar, WordPress's scripts
    assert seen["typed"] == {"title": TITLE, "blocks": BLOCKS}
    assert seen["underlined"] == UNDERLINED  # exactly the flagged words, the title's included
    assert seen["suggestion"] == "infolettre"
    fixed = [BLOCKS[0], ["core/paragraph", FIXED], BLOCKS[2]]
    assert seen["applied"] == fixed  # in WordPress's own block store
    assert seen["underlinedAfterApply"]["tonelint-peer-jargon"] == ["newsletter"]
    assert seen["undone"] == BLOCKS and seen["underlinedAfterUndo"] == UNDERLINED  # WordPress's undo
    assert seen["redone"] == fixed  # and redo
    stored = saved(site, seen["block"]["id"])
    assert stored["status"] == "draft" and stored["title"] == TITLE
    assert stored["content"] == block_markup(("heading", HEADING), ("paragraph", FIXED), ("paragraph", SECOND))
    assert stored["revisions"], "two saves make revisions"
    assert any("newsletter.</p>" in r["content"]["raw"] for r in stored["revisions"])  # the first save, as typed
    assert_untraced(stored)


def test_real_wordpress_classic_editor_draft_underline_apply_undo_save(seen, site):
    assert "classicError" not in seen, seen["classicError"]
    classic = seen["classic"]
    assert classic["typed"] == f"<h2>{HEADING}</h2><p>{FIRST}</p><p>{SECOND}</p>"  # TinyMCE's "## " made a heading
    assert classic["underlined"] == {"tonelint-peer-jargon": ["newsletter", "newsletter"],
                                     "tonelint-press-release": ["fiers d'annoncer"]}  # inside TinyMCE's iframe
    assert classic["suggestion"] == "infolettre"
    assert classic["applied"] == f"<h2>{HEADING}</h2><p>{FIXED}</p><p>{SECOND}</p>"
    assert classic["undone"] == classic["typed"] and classic["redone"] == classic["applied"]  # TinyMCE's undo, redo
    assert classic["underlinedAfterRedo"]["tonelint-peer-jargon"] == ["newsletter"]
    assert classic["savedPage"] == f"?post={classic['id']}&action=edit"  # saved, and still the classic editor
    stored = saved(site, classic["id"])
    assert stored["title"] == TITLE
    assert stored["content"] == f"<h2>{HEADING}</h2>\r\n{FIXED}\r\n\r\n{SECOND}"  # the classic editor's own format
    assert_untraced(stored)


def test_real_wordpress_post_titles_are_linted(seen):
    assert seen["underlined"]["tonelint-press-release"][0] == "leader mondial"  # block editor: with the post
    classic = seen["classic"]  # classic editor: the one-line title field, underlined in an overlay
    assert classic["titleUnderlines"] == ["tonelint-press-release"]
    line, words = classic["titleLine"], classic["titleWords"]
    assert line["inside"]
    assert abs(line["left"] - words["left"]) <= 3 and abs(line["width"] - words["width"]) <= 3  # under those words


def test_real_wordpress_english_post(seen, site):
    assert "englishError" not in seen, seen["englishError"]
    english = seen["english"]
    assert english["underlined"] == {"tonelint-press-release": ["thrilled to announce"],
                                     "tonelint-self-promotion": ["Call us today"]}
    fixed = "We are thrilled to announce our new service for you. Questions? Just reply!"
    assert english["blocks"] == [["core/paragraph", fixed]]
    stored = saved(site, english["id"])
    assert stored["title"] == "Our news" and stored["content"] == block_markup(("paragraph", fixed))
    assert_untraced(stored)


def test_real_wordpress_blocks_rerendered_and_the_code_editor(seen, site):
    assert "rerenderError" not in seen, seen["rerenderError"]
    rerender = seen["rerender"]
    expected = {"tonelint-press-release": ["fiers d'annoncer", "leader mondial"], "tonelint-peer-jargon": ["newsletter"]}
    first, second, third = (FIRST, "Un leader mondial de la toiture vous répond.", "Vous avez une question ? Écrivez-moi.")
    assert rerender["typed"] == expected
    assert rerender["movedOrder"] == [second, first, third] and rerender["moved"] == expected  # block moved up
    assert rerender["split"] == [second, "Nous sommes fiers d'annoncer", " notre nouvelle newsletter.", third]
    assert rerender["splitUnderlined"] == expected  # split with Enter
    assert rerender["merged"] == [second, first, third] and rerender["mergedUnderlined"] == expected  # Backspace
    assert rerender["converted"] == ["core/paragraph", "core/list", "core/paragraph"]
    assert rerender["listUnderlined"] == expected  # the paragraph is now a list
    assert "tonelint-press-release" in rerender["codeEditorUnderlines"]  # the code editor is a textarea: linted
    assert rerender["backFromCode"] == expected  # and back in the visual editor
    assert_untraced(saved(site, rerender["id"]))


def test_real_wordpress_wrong_token_is_a_discreet_status(seen):
    wrong = seen["wrongToken"]  # the right token was set in the options page first: everything above used it
    assert wrong["badge"] == "!" and wrong["title"] == "tonelint: missing or wrong access token"
    assert wrong["underlined"] == {} and wrong["text"] == "Un leader mondial"  # the writer's text untouched
    assert seen["dialogs"] == 0  # never a dialog


def test_real_wordpress_screenshots_are_saved(seen):
    for name in ("block-editor", "block-editor-card", "classic-editor", "classic-editor-card"):
        assert (ARTEFACTS / f"wp-{name}-{seen['browser']}.png").stat().st_size > 10_000, name
