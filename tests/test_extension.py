"""The browser extension: its unit tests (node), manifest, permissions, locales and store packages."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

EXTENSION = Path(__file__).resolve().parents[1] / "extension"
MANIFEST = json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))
SCRIPTS = sorted(EXTENSION.glob("src/**/*.js"))


def test_node_unit_tests_pass():
    unit_tests = sorted(str(p.relative_to(EXTENSION)) for p in (EXTENSION / "test").glob("*.test.js"))
    proc = subprocess.run(["node", "--test", *unit_tests], cwd=EXTENSION, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert re.search(r"^# pass [1-9]", proc.stdout, re.M)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_scripts_parse(script):
    proc = subprocess.run(["node", "--check", str(script)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_manifest_files_exist():
    referenced = [MANIFEST["background"]["service_worker"], MANIFEST["action"]["default_popup"],
                  MANIFEST["options_ui"]["page"], *MANIFEST["icons"].values()]
    for entry in MANIFEST["content_scripts"]:
        referenced += entry["js"]
    for page in ("src/popup.html", "src/options.html"):
        referenced += ["src/" + src for src in re.findall(r'src="([^"]+)"', (EXTENSION / page).read_text(encoding="utf-8"))]
    for path in referenced:
        assert (EXTENSION / path).is_file(), path


def test_permissions_are_minimal():
    assert MANIFEST["manifest_version"] == 3
    assert MANIFEST["permissions"] == ["storage"]
    assert all(re.fullmatch(r"http://(127\.0\.0\.1|localhost):8765/\*", origin) for origin in MANIFEST["host_permissions"])
    assert "<all_urls>" not in json.dumps(MANIFEST)
    # the content scripts never talk to the network: only the service worker does
    content_scripts = [path for entry in MANIFEST["content_scripts"] for path in entry["js"]]
    assert "src/content/main.js" in content_scripts
    for path in content_scripts:
        content = (EXTENSION / path).read_text(encoding="utf-8")
        assert "fetch(" not in content and "XMLHttpRequest" not in content and "WebSocket" not in content, path


def _keys(lang: str) -> set[str]:
    return set(json.loads((EXTENSION / "_locales" / lang / "messages.json").read_text(encoding="utf-8")))


def test_french_and_english_ui_have_every_message():
    assert _keys("fr") == _keys("en")
    used = set(re.findall(r"__MSG_(\w+)__", json.dumps(MANIFEST)))
    for path in (p for p in EXTENSION.glob("src/**/*") if p.is_file()):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            used |= set(re.findall(r'data-i18n="(\w+)"', text))
        used |= set(re.findall(r'getMessage\("(\w+)"\)', text))
        used |= set(re.findall(r'\bmessage\("(\w+)", ', text))
    assert used and used <= _keys("fr"), used - _keys("fr")


def test_every_level_word_of_the_packs_is_translated_in_the_popup():
    """The popup shows a dimension's level as the packs' scale names it: each word needs its message."""
    from tonelint.rulepack import LANGUAGES, builtin_rules_dir
    from tonelint.rulepack.categories import declared_categories

    words = {word for lang in LANGUAGES for c in declared_categories(lang, [builtin_rules_dir()]).values()
             for word in c.scale}
    assert {"none", "some", "strong", "present", "missing"} <= words
    for ui in ("fr", "en"):
        assert {f"level_{w.replace('-', '_')}" for w in words} <= _keys(ui), ui


def test_store_packages(tmp_path):
    subprocess.run([sys.executable, str(EXTENSION / "build.py"), "--out", str(tmp_path)], check=True, capture_output=True)
    for browser in ("chrome", "firefox"):
        with zipfile.ZipFile(tmp_path / f"tonelint-{browser}.zip") as archive:
            names = set(archive.namelist())
            manifest = json.loads(archive.read("manifest.json"))
            assert {"src/content/main.js", "src/content/editors/rich-text.js", "src/background.js",
                    "_locales/fr/messages.json", "icons/icon-128.png"} <= names
            if browser == "chrome":
                assert manifest["background"] == {"service_worker": "src/background.js"}
            else:
                assert manifest["background"]["scripts"][-1] == "src/background.js"
                assert manifest["browser_specific_settings"]["gecko"]["id"]
