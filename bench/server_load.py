"""Load the real server (`tonelint serve`, waitress) from this second process, on loopback.

Prints: full-lint and re-lint latency (p50/p95/p99) for 1,000-word French drafts,
then N concurrent clients for D seconds (req/s, latencies, errors), and the
server's RSS. Bounded in count and time; it stops the server itself.
Usage: python bench/server_load.py [--clients 16] [--duration 60]
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from drafts import make_draft  # noqa: E402


def unique_draft(seed: int) -> str:
    """A 1,000-word draft whose sentences the server has never seen (no cache help)."""
    paragraphs = make_draft("fr", 1000, seed=seed).split("\n\n")
    return "\n\n".join(p.replace(". ", f" ({seed}-{i}). ") for i, p in enumerate(paragraphs))


def edit_one_paragraph(draft: str, n: int) -> str:
    paragraphs = draft.split("\n\n")
    k = 1 + n % (len(paragraphs) - 1)
    paragraphs[k] = paragraphs[k].replace(".", f" (modif {n}).", 1)
    return "\n\n".join(paragraphs)


class Client:
    def __init__(self, port: int) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def lint(self, text: str) -> tuple[int, float]:
        body = json.dumps({"text": text, "format": "markdown", "lang": "fr"})
        start = time.perf_counter()
        self.connection.request("POST", "/v1/lint", body=body, headers={"Content-Type": "application/json"})
        response = self.connection.getresponse()
        response.read()
        return response.status, (time.perf_counter() - start) * 1000


def pct(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def row(name, values):
    return f"{name:<40} p50 {statistics.median(values):7.1f}   p95 {pct(values, .95):7.1f}   p99 {pct(values, .99):7.1f} ms"


def rss_mb(pid: int) -> tuple[float, float]:
    fields = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--samples", type=int, default=60)
    args = parser.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    started = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "tonelint.cli", "serve", "--port", str(port), "--threads", "8",
                               "--rate-limit", "0"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.perf_counter() - started > 120:
                    sys.exit("the server did not start")
                time.sleep(0.1)
        print(f"server ready (models loaded, port open) after {time.perf_counter() - started:.1f} s")
        client = Client(port)
        client.lint(make_draft("en", 300, seed=1).replace("#", ""))  # English rules compiled too
        full, relint = [], []
        for i in range(args.samples):
            draft = unique_draft(10_000 + i)
            status, ms = client.lint(draft)
            assert status == 200, status
            full.append(ms)
            status, ms = client.lint(edit_one_paragraph(draft, i))
            assert status == 200, status
            relint.append(ms)
        print(row("full lint, new 1,000-word draft", full))
        print(row("re-lint after a one-paragraph edit", relint))

        base = [unique_draft(20_000 + k) for k in range(args.clients)]
        latencies, errors, stop = [], [], time.perf_counter() + args.duration
        lock = threading.Lock()

        def worker(k: int) -> None:
            local, n, c = [], 0, Client(port)
            rng = random.Random(k)
            while time.perf_counter() < stop:
                text = edit_one_paragraph(base[k], rng.randrange(10**6)) if n % 4 else unique_draft(30_000 + k * 10_000 + n)
                try:
                    status, ms = c.lint(text)
                    if status != 200:
                        with lock:
                            errors.append(status)
                    local.append(ms)
                except OSError as exc:
                    with lock:
                        errors.append(repr(exc))
                    c = Client(port)
                n += 1
            with lock:
                latencies.extend(local)

        threads = [threading.Thread(target=worker, args=(k,)) for k in range(args.clients)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - t0
        print(f"{args.clients} concurrent clients for {elapsed:.0f} s (1 in 4 requests a new draft, the rest one-paragraph edits):")
        print(f"  {len(latencies)} requests, {len(latencies) / elapsed:.1f} req/s, {len(errors)} errors")
        print("  " + row("latency under load", latencies))
        rss, peak = rss_mb(server.pid)
        print(f"server RSS {rss:.0f} MB (peak {peak:.0f} MB) with French and English loaded")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
