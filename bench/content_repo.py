"""Lint a content repository of real prose with tonelint (--jobs 1 and 2) and proselint.

The posts are built from the Debian Reference, French and English (HTML shipped
by the Debian packages debian-reference-fr/-en), one post per section, written
as Markdown with front matter and fenced code. proselint is installed in this
benchmark's own virtual environment. Prints wall time, files/s, words/s and
peak RSS for each run, and the CPU time of all its processes (steadier than wall
time when other work shares the machine). This machine's timings vary by ±30%
from run to run, so each command runs --repeat times, interleaved, and the
median and the range are printed. Usage: python bench/content_repo.py [--max-posts N] [--repeat N]
"""
from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

DOCS = Path("/usr/share/debian-reference")
OUT = Path(__file__).parent / "out"
MEASURE = ("import resource, subprocess, sys; p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
           "stderr=subprocess.DEVNULL); u = resource.getrusage(resource.RUSAGE_CHILDREN); "
           "print(p.returncode, u.ru_maxrss, u.ru_utime + u.ru_stime)")


def ensure_docs() -> None:
    if (DOCS / "ch01.fr.html").exists() and (DOCS / "ch01.en.html").exists():
        return
    if os.geteuid() != 0:
        sys.exit("install the Debian packages debian-reference-fr and debian-reference-en first")
    subprocess.run(["apt-get", "install", "-y", "-qq", "debian-reference-fr", "debian-reference-en"], check=True,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


class SectionSplitter(HTMLParser):
    """Sections (h2/h3) of a Debian Reference chapter as Markdown posts."""

    def __init__(self) -> None:
        super().__init__()
        self.posts: list[tuple[str, list[str]]] = []
        self.title: list[str] | None = None
        self.block: list[str] | None = None
        self.block_kind = ""

    def handle_starttag(self, tag, attrs):
        if tag in ("h2", "h3"):
            self.title = []
        elif tag in ("p", "li", "dd", "pre") and self.posts and self.block is None:
            self.block, self.block_kind = [], tag

    def handle_endtag(self, tag):
        if tag in ("h2", "h3") and self.title is not None:
            self.posts.append((" ".join("".join(self.title).split()), []))
            self.title = None
        elif tag == self.block_kind and self.block is not None:
            text = "".join(self.block)
            if self.block_kind == "pre":
                self.posts[-1][1].append("```\n" + text.strip("\n") + "\n```")
            else:
                text = " ".join(text.split())
                if text:
                    self.posts[-1][1].append(("- " if self.block_kind == "li" else "") + text)
            self.block = None

    def handle_data(self, data):
        if self.title is not None:
            self.title.append(data)
        elif self.block is not None:
            self.block.append(data)


def build_repository(target: Path, max_posts: int, min_words: int = 400) -> tuple[int, int]:
    """One post per run of consecutive sections reaching `min_words` (a blog post's length)."""
    if target.exists():
        shutil.rmtree(target)
    files = words = 0
    for lang in ("fr", "en"):
        (target / lang).mkdir(parents=True)
        count = 0
        for chapter in sorted(DOCS.glob(f"ch*.{lang}.html")):
            splitter = SectionSplitter()
            splitter.feed(chapter.read_text(encoding="utf-8"))
            pending: list[tuple[str, list[str]]] = []
            for title, blocks in splitter.posts:
                pending.append((title, blocks))
                body = "\n\n".join(f"## {t}\n\n" + "\n\n".join(b) for t, b in pending[1:])
                body = "\n\n".join(pending[0][1]) + ("\n\n" + body if body else "")
                if len(body.split()) < min_words or count >= max_posts:
                    continue
                safe_title = re.sub(r"^[\d.]+\s*", "", pending[0][0]).replace('"', "'")
                text = f'---\ntitle: "{safe_title}"\nlang: {lang}\n---\n\n# {html.unescape(safe_title)}\n\n{body}\n'
                (target / lang / f"{chapter.stem.split('.')[0]}-{count:03d}.md").write_text(text, encoding="utf-8")
                pending = []
                count += 1
                files += 1
                words += len(text.split())
    return files, words


def cpu_steal() -> tuple[int, int]:
    """(steal, total) CPU ticks so far: on a shared virtual machine, time taken by neighbours."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (fields[7] if len(fields) > 7 else 0), sum(fields)


def measure(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak RSS in MB and CPU seconds (user + system, every process) of a command."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - start
    _code, peak_kb, cpu = proc.stdout.split()
    return elapsed, int(peak_kb) / 1024, float(cpu)


def proselint_command() -> list[str]:
    venv = OUT / "proselint-venv"
    binary = venv / "bin" / "proselint"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "proselint"], check=True)
    help_text = subprocess.run([str(binary), "--help"], capture_output=True, text=True).stdout
    return [str(binary), "check"] if re.search(r"^\s+check\b", help_text, re.M) else [str(binary)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-posts", type=int, default=1000, help="posts per language at most")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command (median reported)")
    args = parser.parse_args()
    ensure_docs()
    repo = OUT / "content"
    files, words = build_repository(repo, args.max_posts)
    en_files = sorted(str(p) for p in (repo / "en").glob("*.md"))
    en_words = sum(len(Path(p).read_text(encoding="utf-8").split()) for p in en_files)
    all_files = sorted(str(p) for p in repo.rglob("*.md"))
    # `python -m tonelint` runs what the `tonelint` command runs (console_main: the process's
    # collector settings); `-m tonelint.cli` would skip them, as a program embedding main() does.
    tonelint = [sys.executable, "-m", "tonelint", "check", "--format", "json", "--fail-on", "never"]
    proselint = proselint_command()
    print(f"content repository: {files} Markdown posts ({len(en_files)} in English), {words:,} words "
          "(Debian Reference, French and English)")
    runs = [
        ("tonelint --jobs 1, all posts", tonelint + ["--jobs", "1", str(repo)], files, words),
        ("tonelint --jobs 2, all posts", tonelint + ["--jobs", "2", str(repo)], files, words),
        ("proselint, all posts", proselint + all_files, files, words),
        ("tonelint --jobs 1, English posts", tonelint + ["--jobs", "1", str(repo / "en")], len(en_files), en_words),
        ("tonelint --jobs 2, English posts", tonelint + ["--jobs", "2", str(repo / "en")], len(en_files), en_words),
        ("proselint, English posts", proselint + en_files, len(en_files), en_words),
    ]
    timings: dict[str, list[tuple[float, float, float]]] = {name: [] for name, *_ in runs}
    steal_before, total_before = cpu_steal()
    for _ in range(args.repeat):  # interleaved, so a slow spell of the machine hits every command
        for name, command, *_ in runs:
            timings[name].append(measure(command))
    steal_after, total_after = cpu_steal()
    steal = 100 * (steal_after - steal_before) / max(1, total_after - total_before)
    print(f"CPU time taken by other virtual machines during the runs (steal): {steal:.0f}%")
    print(f"{'run':<34} {'files':>6} {'words':>9} {'wall s':>7} {'(range)':>13} {'files/s':>8} {'words/s':>9} "
          f"{'peak RSS MB':>12} {'CPU s':>6}")
    medians, cpu_medians = {}, {}
    for name, _command, count, total in runs:
        walls = sorted(wall for wall, _, _ in timings[name])
        medians[name] = median = statistics.median(walls)
        cpu_medians[name] = statistics.median(cpu for _, _, cpu in timings[name])
        peak = max(peak for _, peak, _ in timings[name])
        print(f"{name:<34} {count:>6} {total:>9,} {median:>7.2f} {f'{walls[0]:.2f}-{walls[-1]:.2f}':>13} "
              f"{count / median:>8.1f} {total / median:>9,.0f} {peak:>12.0f} {cpu_medians[name]:>6.2f}")
    for scope in ("all posts", "English posts"):
        one, two, other = (medians[f"{tool}, {scope}"] for tool in ("tonelint --jobs 1", "tonelint --jobs 2", "proselint"))
        cpu_two, cpu_other = cpu_medians[f"tonelint --jobs 2, {scope}"], cpu_medians[f"proselint, {scope}"]
        print(f"{scope}: --jobs 2 is {one / two:.2f}x --jobs 1; tonelint --jobs 2 / proselint speed = {other / two:.2f} "
              f"(CPU time: proselint's is {cpu_other / cpu_two:.2f}x tonelint --jobs 2's)")


if __name__ == "__main__":
    main()
