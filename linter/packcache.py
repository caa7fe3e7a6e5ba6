"""Compiled rule packs kept on disk between runs (see datacache.py for where and how).

Compiling a language's rules (reading the YAML and lexicons, expanding verb and
adjective forms into regexes, indexing phrases) costs ≈0.2 s for French, paid by
every run and by every `--jobs` worker. The compiled pack is pickled once and
read back by the next processes.

A pack is reused only when everything it was compiled from is unchanged: the
content of every rule file and lexicon of the language in each rule directory,
the configuration fields that shape compilation, tonelint's own code (any
module: a check's fields may change with it), and the versions of Python,
PyYAML and the data package word classes are built from (wordclasses.py).
Anything else gives another fingerprint, and the pack is compiled anew and
replaces the kept one (one file per language and configuration). A pack
holds rules and reference data only, never a draft's text.
"""
from __future__ import annotations

import hashlib
import io
import os
import pickle
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Callable, TypeVar

from .config import Config
from .datacache import cache_directory, load_or_build
from .wordclasses import data_versions

try:  # the regex compiler `re` itself uses; private, so any surprise just means re.compile
    import _sre
    from re import _compiler as _sre_compiler
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover - another Python implementation
    _sre = _sre_compiler = _sre_parser = None

T = TypeVar("T")

PACK_FORMAT = 1  # bump when CompiledPack's layout changes without a change of code (never, so far)
_CODE_DIR = Path(__file__).resolve().parent


def load_or_compile(lang: str, config: Config, roots: list[Path], compile_pack: Callable[[], T]) -> T:
    """The pack `compile_pack()` would give, from the disk cache when its sources are unchanged."""
    if cache_directory() is None:
        return compile_pack()
    shape = _config_shape(config)
    # Named without the rule directories' paths (they are in the fingerprint): drafts linted from
    # throwaway folders (tests) replace one file instead of leaving one each.
    name = f"pack-{lang}-{hashlib.sha256(f'{shape} {len(roots)}'.encode('utf-8')).hexdigest()[:16]}"
    compiled = []

    def build() -> bytes:
        compiled.append(compile_pack())
        return dumps(compiled[0])

    data = load_or_build(name, build, version=PACK_FORMAT, fingerprint=pack_fingerprint(lang, shape, roots))
    if compiled:
        return compiled[0]
    try:
        return pickle.loads(data)
    except Exception:  # noqa: BLE001 - an unreadable pack is compiled again, never trusted
        return compile_pack()


def dumps(pack) -> bytes:
    """The pack pickled, its regexes with their compiled code (see _PackPickler)."""
    buffer = io.BytesIO()
    _PackPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(pack)
    return buffer.getvalue()


class _PackPickler(pickle.Pickler):
    """Pickles a compiled regex with the code `re` compiled it to, so that reading a pack does
    not compile its regexes again (half the time of reading one: `re` parses and compiles in
    Python). The code is kept only when rebuilding from it gives a pattern equal to the original
    (same source, flags and compiled code); the fingerprint holds Python's version, so the code
    is always read by the interpreter that wrote it."""

    def reducer_override(self, obj):
        if type(obj) is re.Pattern:
            arguments = _compiled_form(obj)
            if arguments is not None:
                return _rebuilt_pattern, arguments
        return NotImplemented


def _compiled_form(pattern: re.Pattern) -> tuple | None:
    if _sre is None or not isinstance(pattern.pattern, str):
        return None
    try:
        arguments = _code_of(pattern.pattern, pattern.flags)
        return arguments if _sre.compile(*arguments) == pattern else None
    except Exception:  # noqa: BLE001 - an optimisation must never break a rule
        return None


@lru_cache(maxsize=4096)
def _code_of(source: str, flags: int) -> tuple:
    """Memoised: every pack pickled in a process (another configuration) holds the same regexes,
    and parsing them again was a third of compiling a pack."""
    parsed = _sre_parser.parse(source, flags)
    code = [int(op) for op in _sre_compiler._code(parsed, flags)]  # opcodes are int subclasses
    indexgroup = [None] * parsed.state.groups
    for name, index in parsed.state.groupdict.items():
        indexgroup[index] = name
    return (source, flags | parsed.state.flags, code, parsed.state.groups - 1,
            dict(parsed.state.groupdict), tuple(indexgroup))


def _rebuilt_pattern(source: str, flags: int, code: list, groups: int, groupindex: dict, indexgroup: tuple):
    try:
        return _sre.compile(source, flags, code, groups, groupindex, indexgroup)
    except Exception:  # noqa: BLE001 - read by another `re`: compiled from the source instead
        return re.compile(source, flags)


def pack_fingerprint(lang: str, shape: str, roots: list[Path]) -> str:
    """A digest of everything a compiled pack depends on (see the module's notes)."""
    import yaml

    digest = hashlib.sha256()
    # The name tonelint was imported under: a pickle names its classes' modules, and a pack pickled
    # by a script that imported the source tree by another name holds classes tonelint's are not.
    digest.update(f"{sys.version}\nPyYAML {yaml.__version__}\n{__package__}\n{shape}\n".encode("utf-8"))
    digest.update(f"word classes from {data_versions(lang)}\n".encode("utf-8"))
    digest.update(_code_digest())
    for root in roots:
        digest.update(f"root {root}\n".encode("utf-8"))
        for path in _files(Path(root) / lang):
            digest.update(_entry(path, Path(root)))
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _code_digest() -> bytes:
    """tonelint's code as this process loaded it: read once, at the first pack, so that a process
    that outlives an upgrade (a server) never files a pack its old code compiled under the new
    code's fingerprint."""
    digest = hashlib.sha256()
    for path in _files(_CODE_DIR, ".py"):
        digest.update(_entry(path, _CODE_DIR))
    return digest.digest()


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
