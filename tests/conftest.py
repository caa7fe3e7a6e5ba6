from __future__ import annotations

import pytest

from tonelint import Config, Engine


@pytest.fixture(scope="session")
def engine_fr() -> Engine:
    return Engine(Config(lang="fr"))


@pytest.fixture(scope="session")
def engine_en() -> Engine:
    return Engine(Config(lang="en"))
