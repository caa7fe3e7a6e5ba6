from __future__ import annotations

import os
from pathlib import Path

import pytest

# The suite expects tonelint's own words in English and no regional variant from the machine's
# locale: a developer's French locale must not change what the tests see (tests that want a
# locale set it themselves).
for _name in ("LC_ALL", "LC_MESSAGES", "LANG"):
    os.environ.pop(_name, None)
os.environ["LC_ALL"] = "C.UTF-8"

# Derived tables and compiled packs (datacache.py) go to this checkout's own cache, shared by the test
# workers and the servers they start, and kept between runs (tests/.cache is ignored by git): not the
# user's ~/.cache, where another checkout or a tonelint running meanwhile files its packs under the
# same names (a pack's fingerprint holds its rule folder's path), so that each replaced the other's
# and both compiled again, and where the suite's hundreds of throwaway configurations piled up.
# Tests about the cache's location set their own.
os.environ["XDG_CACHE_HOME"] = str(Path(__file__).resolve().parent / ".cache" / "xdg")

from tonelint import Config, Engine


@pytest.fixture(scope="session")
def engine_fr() -> Engine:
    return Engine(Config(lang="fr"))


@pytest.fixture(scope="session")
def engine_en() -> Engine:
    return Engine(Config(lang="en"))


# -- in parallel (pytest-xdist: `make test` runs one worker per core) ---------------------------------
#
# `--dist loadfile` (pyproject.toml): each test module runs whole on one worker, in its order (its
# module-scoped fixtures, a server or a WordPress site, are set up once). Tests are not sent one by one:
# xdist's per-test round trips cost more than most of them (a rule example takes milliseconds).
# Modules that must not run at the same time share one unit (SAME_WORKER), and the longest units start
# first so that the workers finish together (LONGEST_FIRST, measured on a 2-core machine; the others
# follow, most tests first). xdist's own `xdist_group` marker is not used: with pytest 9 it no longer
# groups anything (xdist 3.8 renames `item._nodeid`, which pytest 9 does not read).

# Both start the tonelint server on the extension's fixed port 8765 (browser_harness.py) and write
# screenshots to tests/.cache/e2e: on two workers at once, one would find the port busy.
SAME_WORKER = {
    "tests/test_extension_e2e.py": "server-on-port-8765",
    "tests/test_real_wordpress.py": "server-on-port-8765",
}
LONGEST_FIRST = (
    "server-on-port-8765",
    "tests/test_linear_time.py",
    "tests/test_lsp.py",
    "tests/test_ci.py",
    "tests/test_markdown_coverage.py",
    "tests/test_engine.py",
    "tests/test_server.py",
    "tests/test_rule_examples.py",
    "tests/test_memory_bounds.py",
)

try:
    from xdist.scheduler import LoadFileScheduling
except ImportError:  # pragma: no cover - pytest without xdist runs everything in this process
    LoadFileScheduling = None

if LoadFileScheduling is not None:
    class ModuleScheduling(LoadFileScheduling):
        """xdist's loadfile, with the modules of SAME_WORKER as one unit and the longest units first."""

        _ordered = False

        def _split_scope(self, nodeid: str) -> str:
            module = super()._split_scope(nodeid)
            return SAME_WORKER.get(module, module)

        def _assign_work_unit(self, node) -> None:
            if not self._ordered:  # the queue is complete at the first assignment
                self._ordered = True
                rank = {scope: i for i, scope in enumerate(LONGEST_FIRST)}
                for scope in sorted(self.workqueue, key=lambda scope: rank.get(scope, len(rank))):
                    self.workqueue.move_to_end(scope)  # a stable sort: the others keep xdist's order
            super()._assign_work_unit(node)

    @pytest.hookimpl(tryfirst=True)
    def pytest_xdist_make_scheduler(config, log):
        if config.getvalue("dist") == "loadfile":
            return ModuleScheduling(config, log)
        return None
