"""Which lines changed since a git revision (`--diff REV`): CI comments on the lines a change touched."""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from .reading import InputError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)


def _git(args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60)
    except FileNotFoundError:
        raise InputError("--diff needs git, which is not installed") from None
    except subprocess.TimeoutExpired:
        raise InputError("git did not answer within 60 s") from None
    if proc.returncode != 0:
        raise InputError(f"git {args[0]}: {proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else 'failed'}")
    return proc.stdout


class ChangedLines:
    """Lines added or modified since `revision`, per file (untracked files: every line), in
    whichever repository each file lives: the one around the files, not around the current
    directory (`tonelint check --diff main ../site/content` works from anywhere)."""

    def __init__(self, revision: str, paths: list[str] | None = None, cwd: Path | None = None) -> None:
        self.revision = revision
        self._repos: dict[Path, _RepositoryChanges] = {}
        self._root_of_folder: dict[Path, Path] = {}
        for path in paths or [str(cwd or Path.cwd())]:
            if os.path.exists(path):  # a missing file is already reported as such
                self._repository(Path(os.path.abspath(path)))  # errors (no repository, unknown revision) now

    def keeps(self, path: str, first_line: int, last_line: int) -> bool:
        resolved = Path(os.path.abspath(path)).resolve()
        return self._repository(resolved).keeps(resolved, first_line, last_line)

    def _repository(self, path: Path) -> "_RepositoryChanges":
        folder = path if path.is_dir() else path.parent
        root = self._root_of_folder.get(folder)
        if root is None:
            try:
                root = Path(_git(["rev-parse", "--show-toplevel"], folder).strip()).resolve()
            except InputError:
                raise InputError(f"--diff needs a git repository, and {folder} is not in one") from None
            self._root_of_folder[folder] = root
        if root not in self._repos:
            self._repos[root] = _RepositoryChanges(root, self.revision)
        return self._repos[root]


class _RepositoryChanges:
    def __init__(self, root: Path, revision: str) -> None:
        self.root = root
        try:
            _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], root)
        except InputError:
            raise InputError(f"--diff: unknown git revision {revision!r} in {root}") from None
        diff = _git(["diff", "--unified=0", "--no-color", "--no-ext-diff", "--relative", revision, "--"], root)
        self.lines: dict[Path, set[int]] = {}
        current: Path | None = None
        for line in diff.splitlines():
            if line.startswith("+++ "):
                name = line[4:].strip()
                current = None if name == "/dev/null" else (root / name[2:] if name.startswith("b/") else root / name)
                if current is not None:
                    current = current.resolve()
                    self.lines.setdefault(current, set())
            elif line.startswith("@@") and current is not None:
                match = _HUNK.match(line)
                if match:
                    start, count = int(match.group(1)), int(match.group(2) or 1)
                    self.lines[current].update(range(start, start + count))
        untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], root)
        self.new_files = {(root / name).resolve() for name in untracked.split("\0") if name}

    def keeps(self, resolved: Path, first_line: int, last_line: int) -> bool:
        if resolved in self.new_files:
            return True
        changed = self.lines.get(resolved)
        return bool(changed) and any(line in changed for line in range(first_line, last_line + 1))
