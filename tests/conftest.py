from __future__ import annotations

import os

import pytest

# The suite expects tonelint's own words in English and no regional variant from the machine's
# locale: a developer's French locale must not change what the tests see (tests that want a
# locale set it themselves).
for _name in ("LC_ALL", "LC_MESSAGES", "LANG"):
    os.environ.pop(_name, None)
os.environ["LC_ALL"] = "C.UTF-8"

from tonelint import Config, Engine


@pytest.fixture(scope="session")
def engine_fr() -> Engine:
    return Engine(Config(lang="fr"))


@pytest.fixture(scope="session")
def engine_en() -> Engine:
    return Engine(Config(lang="en"))


# -- in parallel (pytest-xdist: `make test` runs one worker per core) ---------------------------------
#
# `--dist loadgroup` (pyproject.toml), by module: each test module runs whole on one worker, in its
# order (its module-scoped fixtures, a server or a WordPress site, are set up once), and the modules
# marked with one xdist_group (the ones on the extension's fixed port: browser_harness.py) run together
# on one worker. Tests are not sent one by one: xdist's per-test round trips cost more than most of
# them (the rule examples take a few milliseconds each). The longest modules start first, so that the
# workers finish together (measured on a 2-core machine; the others follow, most tests first).
LONGEST_FIRST = (
    "tonelint-server-port",  # tests/test_extension_e2e.py and tests/test_real_wordpress.py
    "tests/test_linear_time.py",
    "tests/test_lsp.py",
    "tests/test_ci.py",
    "tests/test_rule_examples.py",
    "tests/test_markdown_coverage.py",
)

try:
    from xdist.scheduler import LoadScopeScheduling
except ImportError:  # pragma: no cover - pytest without xdist runs everything in this process
    LoadScopeScheduling = None

if LoadScopeScheduling is not None:
    class ModuleScheduling(LoadScopeScheduling):
        """xdist's loadgroup, with a test module as the unit of the tests outside any group."""

        _ordered = False

        def _split_scope(self, nodeid: str) -> str:
            if "@" in nodeid:  # xdist_group(name) appends "@name" to the test's id
                return nodeid.rsplit("@", 1)[-1]
            return nodeid.split("::", 1)[0]

        def _assign_work_unit(self, node) -> None:
            if not self._ordered:  # the queue is complete at the first assignment
                self._ordered = True
                rank = {scope: i for i, scope in enumerate(LONGEST_FIRST)}
                for scope in sorted(self.workqueue, key=lambda scope: rank.get(scope, len(rank))):
                    self.workqueue.move_to_end(scope)  # a stable sort: the others keep xdist's order
            super()._assign_work_unit(node)

    @pytest.hookimpl(tryfirst=True)
    def pytest_xdist_make_scheduler(config, log):
        if config.getvalue("dist") == "loadgroup":
            return ModuleScheduling(config, log)
        return None
