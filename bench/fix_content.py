"""`tonelint check --fix` on the content benchmark's posts (bench/content_repo.py builds them).

Copies the posts to a temporary folder, runs --fix there (never on the originals), then again to
show that a second run changes nothing, and prints: files changed, fixes applied, findings with a
suggestion left (and why), wall time of each run. Usage: python bench/fix_content.py [--jobs N]
"""
from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

POSTS = Path(__file__).parent / "out" / "content"


def run_fix(folder: Path, jobs: int) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "tonelint.cli", "check", "--fix", "--jobs", str(jobs),
                           "--format", "concise", str(folder)], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    summary = next((line for line in done.stderr.splitlines() if " fixed " in line), done.stderr.strip()[-300:])
    return elapsed, summary


def changed_files(before: Path, after: Path) -> int:
    return sum(1 for path in before.rglob("*") if path.is_file()
               and not filecmp.cmp(path, after / path.relative_to(before), shallow=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    if not POSTS.is_dir():
        sys.exit("no posts: run `python bench/content_repo.py` first")
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "content"
        shutil.copytree(POSTS, copy)
        files = sum(1 for p in copy.rglob("*") if p.is_file())
        first, summary = run_fix(copy, args.jobs)
        print(f"posts: {files}; first --fix: {first:.2f} s; files changed: {changed_files(POSTS, copy)}")
        print(f"  {summary}")
        second, summary = run_fix(copy, args.jobs)
        print(f"second --fix: {second:.2f} s")
        print(f"  {summary}")


if __name__ == "__main__":
    main()
