"""Tables derived from installed data packages, kept in the user's cache directory.

Some reference data is slow to turn into what the rules need (parsing the CMU
dictionary takes ≈1.2 s; importing wordfreq and decoding its lists ≈0.4 s),
and that cost would be paid by every run and every `--jobs` worker. The
derived table is pickled once per data-package version; it holds reference
data only, never text from a draft. A read-only or missing home just means
the table is rebuilt in memory each time.
"""
from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")


def cache_directory() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tonelint"


def load_or_build(name: str, build: Callable[[], T]) -> T:
    """The table cached under `name` (include the source's version in it), built on a miss."""
    path = cache_directory() / f"{name}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    table = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")  # concurrent workers never see half a file
        with temporary.open("wb") as handle:
            pickle.dump(table, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
    except OSError:
        pass
    return table
