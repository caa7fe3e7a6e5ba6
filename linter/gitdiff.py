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
    """Lines added or modified since `revision`, per file (untracked files: every line)."""

    def __init__(self, revision: str, cwd: Path | None = None) -> None:
        cwd = cwd or Path.cwd()
        try:
            root = _git(["rev-parse", "--show-toplevel"], cwd).strip()
        except InputError:
            raise InputError(f"--diff needs a git repository, and {cwd} is not in one") from None
        self.root = Path(root).resolve()
        try:
            _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], self.root)
        except InputError:
            raise InputError(f"--diff: unknown git revision {revision!r}") from None
        diff = _git(["diff", "--unified=0", "--no-color", "--no-ext-diff", "--relative", revision, "--"], self.root)
        self.lines: dict[Path, set[int]] = {}
        current: Path | None = None
        for line in diff.splitlines():
            if line.startswith("+++ "):
                name = line[4:].strip()
                current = None if name == "/dev/null" else (self.root / name[2:] if name.startswith("b/") else self.root / name)
                if current is not None:
                    current = current.resolve()
                    self.lines.setdefault(current, set())
            elif line.startswith("@@") and current is not None:
                match = _HUNK.match(line)
                if match:
                    start, count = int(match.group(1)), int(match.group(2) or 1)
                    self.lines[current].update(range(start, start + count))
        untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], self.root)
        self.new_files = {(self.root / name).resolve() for name in untracked.split("\0") if name}

    def keeps(self, path: str, first_line: int, last_line: int) -> bool:
        resolved = Path(os.path.abspath(path)).resolve()
        if resolved in self.new_files:
            return True
        changed = self.lines.get(resolved)
        return bool(changed) and any(line in changed for line in range(first_line, last_line + 1))
