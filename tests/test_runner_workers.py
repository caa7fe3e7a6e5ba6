"""--jobs workers: their own process, their own settings, their own tagging models."""
from __future__ import annotations

import gc
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from tonelint import runner


def _worker_state() -> tuple[int, bool, bool]:
    engines = runner._worker_engines
    return gc.get_freeze_count(), engines is not None, engines.pipelines.loaded_languages() == []


def test_a_worker_freezes_what_it_inherited_and_starts_with_engines_of_its_own():
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    frozen_here = gc.get_freeze_count()
    with ProcessPoolExecutor(1, mp_context=context, initializer=runner._start_worker) as pool:
        frozen, has_engines, nothing_loaded = pool.submit(_worker_state).result()
    assert frozen > 0 and has_engines and nothing_loaded
    assert gc.get_freeze_count() == frozen_here  # the parent (a host program) is left as it was
