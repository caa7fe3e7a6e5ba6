"""Files to leave alone: `exclude` globs from the configuration and `.tonelintignore`
files (gitignore syntax), applied when directories are walked."""
from __future__ import annotations

from pathlib import Path

import pathspec


class IgnoreRules:
    def __init__(self, root: Path, patterns: tuple[str, ...] = ()) -> None:
        self.root = root.resolve()
        lines = list(patterns)
        ignore_file = self.root / ".tonelintignore"
        if ignore_file.is_file():
            lines.extend(ignore_file.read_text(encoding="utf-8").splitlines())
        self.spec = pathspec.GitIgnoreSpec.from_lines(lines) if lines else None

    def ignored(self, path: Path) -> bool:
        if self.spec is None:
            return False
        try:
            relative = path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return False
        return self.spec.match_file(relative) or (path.is_dir() and self.spec.match_file(relative + "/"))
