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
