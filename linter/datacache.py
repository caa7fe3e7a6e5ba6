"""Tables derived from installed data packages, kept in the user's cache directory.

Some reference data is slow to turn into what the rules need (parsing the CMU
dictionary takes ≈1.2 s; importing wordfreq and decoding its lists ≈0.4 s),
and that cost would be paid by every run and every `--jobs` worker. The
derived table is pickled once per data-package version; it holds reference
data only, never text from a draft.

Where: `$XDG_CACHE_HOME/tonelint` when that is an absolute path (the XDG rule:
a relative one is ignored), else `~/.cache/tonelint` when the home directory is
real: absolute, existing, not the root. With neither (HOME empty, or
/nonexistent as for system users and many containers) nothing is written:
tables are rebuilt in memory on each run, silently, as black does when it
cannot keep its cache. The cache only saves start-up time, and writing it into
the current folder or "/" instead would leave files where nobody looks. A
read-only cache directory has the same effect.

A table is stored with its name, the format version of its layout and a
checksum: a truncated, corrupt or misplaced file, or one written in another
layout (by an older or newer tonelint), is rebuilt, never trusted.
"""
from __future__ import annotations

import os
import pickle
import zlib
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")

_MAGIC = b"tonelint-table/1\n"


def cache_directory() -> Path | None:
    """Where derived tables are kept, or None when there is no sensible place."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg) / "tonelint"
    home = _real_home()
    return home / ".cache" / "tonelint" if home else None


def _real_home() -> Path | None:
    home = os.path.expanduser("~")  # $HOME when set (even empty), else the password database
    if not os.path.isabs(home) or not os.path.isdir(home) or Path(home) == Path(home).parent:
        return None
    return Path(home)


def load_or_build(name: str, build: Callable[[], T], version: int = 1, fingerprint: str = "") -> T:
    """The table cached under `name` (include the source data's version in it), built on a miss.
    `version` is the format of what `build` returns: bump it when that layout changes, and a
    table kept in the old layout is rebuilt instead of being handed to code that reads the new one.
    `fingerprint`: what the table was built from (a digest of its sources), when that is not in
    its name: a table built from other sources is rebuilt and replaced, so one file per name is
    kept however often the sources change."""
    directory = cache_directory()
    if directory is None:
        return build()
    path = directory / f"{name}.pickle"
    found, table = _load(path, name, version, fingerprint)
    if found:
        return table
    table = build()
    _store(path, name, table, version, fingerprint)
    return table


def _header(name: str, version: int, fingerprint: str = "") -> bytes:
    header = _MAGIC + name.encode("utf-8") + b"\n" + f"format {version}\n".encode("ascii")
    return header + f"sources {fingerprint}\n".encode("ascii") if fingerprint else header


def _load(path: Path, name: str, version: int, fingerprint: str = "") -> tuple[bool, object]:
    try:
        data = path.read_bytes()
    except OSError:
        return False, None
    header = _header(name, version, fingerprint)
    checksum, payload = data[len(header):len(header) + 4], data[len(header) + 4:]
    if not data.startswith(header) or checksum != zlib.crc32(payload).to_bytes(4, "big"):
        return False, None
    try:
        return True, pickle.loads(payload)
    except Exception:  # noqa: BLE001 - e.g. a table pickled by another version: rebuilt
        return False, None


def _store(path: Path, name: str, table, version: int, fingerprint: str = "") -> None:
    payload = pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")  # concurrent workers never see half a file
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        temporary.write_bytes(_header(name, version, fingerprint) + zlib.crc32(payload).to_bytes(4, "big") + payload)
        temporary.replace(path)
    except OSError:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass
