"""Compiled rule packs kept on disk between runs (see datacache.py for where and how).

Compiling a language's rules (reading the YAML and lexicons, expanding verb and
adjective forms into regexes, indexing phrases) costs ≈0.2 s for French, paid by
every run and by every `--jobs` worker. The compiled pack is pickled once and
read back by the next processes.

A pack is reused only when everything it was compiled from is unchanged: the
content of every rule file and lexicon of the language in each rule directory,
the configuration fields that shape compilation, tonelint's own code (any
module: a check's fields may change with it), and the versions of Python and
PyYAML. Anything else gives another fingerprint, and the pack is compiled anew
and replaces the kept one (one file per language and configuration). A pack
holds rules and reference data only, never a draft's text.
"""
from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import Callable, TypeVar

from .config import Config
from .datacache import load_or_build

T = TypeVar("T")

PACK_FORMAT = 1  # bump when CompiledPack's layout changes without a change of code (never, so far)
_CODE_DIR = Path(__file__).resolve().parent


def load_or_compile(lang: str, config: Config, roots: list[Path], compile_pack: Callable[[], T]) -> T:
    """The pack `compile_pack()` would give, from the disk cache when its sources are unchanged."""
    shape = _config_shape(config)
    # Named without the rule directories' paths (they are in the fingerprint): drafts linted from
    # throwaway folders (tests) replace one file instead of leaving one each.
    name = f"pack-{lang}-{hashlib.sha256(f'{shape} {len(roots)}'.encode('utf-8')).hexdigest()[:16]}"
    return load_or_build(name, compile_pack, version=PACK_FORMAT, fingerprint=pack_fingerprint(lang, shape, roots))


def pack_fingerprint(lang: str, shape: str, roots: list[Path]) -> str:
    """A digest of everything a compiled pack depends on (see the module's notes)."""
    import yaml

    digest = hashlib.sha256()
    digest.update(f"{sys.version}\nPyYAML {yaml.__version__}\n{shape}\n".encode("utf-8"))
    for path in _files(_CODE_DIR, ".py"):
        digest.update(_entry(path, _CODE_DIR))
    for root in roots:
        digest.update(f"root {root}\n".encode("utf-8"))
        for path in _files(Path(root) / lang):
            digest.update(_entry(path, Path(root)))
    return digest.hexdigest()


def _config_shape(config: Config) -> str:
    """The configuration fields that compilation reads, but the rule directories (see
    pack_fingerprint), as text: all tuples, so a stable repr."""
    return repr((config.select, config.ignore, config.severity, config.rule_options, config.self_names,
                 config.known_terms))


def _files(directory: Path, suffix: str = "") -> list[Path]:
    found = []
    for folder, subfolders, names in os.walk(directory):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        found.extend(Path(folder) / name for name in sorted(names) if name.endswith(suffix))
    return found


def _entry(path: Path, root: Path) -> bytes:
    try:
        content = path.read_bytes()
    except OSError:
        content = b"\0unreadable"  # compiling will report it; the fingerprint just differs
    return f"{path.relative_to(root).as_posix()}\0{len(content)}\0".encode("utf-8") + content
