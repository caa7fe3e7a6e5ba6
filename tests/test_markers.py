"""The fast developer suite: `pytest -m "not e2e and not slow"` leaves out the browser tests and the slow ones."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARKED = {
    "tests/test_ci.py::test_pre_commit_hook_via_try_repo",
    "tests/test_markdown_coverage.py::test_real_markdown_loses_no_words",
    "tests/test_formatters.py::test_sarif_cost_does_not_grow_with_line_length",
    "tests/test_extension_e2e.py::test_underlines_card_apply_and_undo_in_textarea_and_contenteditable",
    "tests/test_extension_e2e.py::test_real_editor_libraries",
    "tests/test_extension_e2e.py::test_wordpress_block_editor_is_one_draft_across_its_blocks",
    "tests/test_extension_e2e.py::test_firefox_package_in_firefox",
    "tests/test_extension_e2e.py::test_popup_options_and_an_unreachable_server",
}


def _collected(expression: str) -> set[str]:
    files = sorted({node.split("::")[0] for node in MARKED})
    proc = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-o", "addopts=", "-q", "-p", "no:cacheprovider",
                           "-m", expression, *files], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode in (0, 5), proc.stdout[-2000:] + proc.stderr[-2000:]  # 5: nothing selected
    return {line.strip() for line in proc.stdout.splitlines() if "::" in line}


def test_browser_and_slow_tests_are_marked_and_left_out_of_the_fast_suite():
    assert _collected("e2e or slow") == MARKED
    fast = _collected("not e2e and not slow")
    assert fast and not fast & MARKED


def test_markers_are_registered_so_a_typo_is_an_error():
    proc = subprocess.run([sys.executable, "-m", "pytest", "--markers"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert "@pytest.mark.e2e:" in proc.stdout and "@pytest.mark.slow:" in proc.stdout
