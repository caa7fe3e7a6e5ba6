"""Latency of a normal request while a pathological one is in flight on the same server.

Starts `tonelint serve` (waitress), measures small French lints alone, then again
while another client keeps a pathological draft in flight: 100,000 characters of
'A.' and a 900 KB realistic post. Prints p50/p95/p99/max per case and the
pathological requests' own outcome (status, seconds). Target: p99 < 50 ms.
Bounded in time: each case stops after --duration seconds even if the server is stuck.

Usage: python bench/server_latency.py [--samples 200] [--duration 60] [--max-lint-seconds 10]
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from drafts import make_draft  # noqa: E402

TARGET_P99_MS = 50.0
SMALL = ("Vous vous demandez combien coûte une toiture neuve ({n}), et c'est normal. Tout dépend de la pente "
         "et des matériaux. Nous sommes fiers d'annoncer notre solution clé en main : contactez-nous dès "
         "aujourd'hui ! Les demandes sont traitées par notre équipe en quarante-huit heures.")


def pathological_drafts() -> dict[str, str]:
    post = make_draft("fr", 150_000, seed=7)  # ≈ 900 KB of UTF-8
    return {"100,000 chars of 'A.'": "A." * 50_000, f"{len(post.encode()) // 1000} KB realistic post": post}


def request(port: int, text: str, timeout: float) -> tuple[int, float]:
    body = json.dumps({"text": text, "format": "markdown", "lang": "fr"}, ensure_ascii=False).encode()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    start = time.perf_counter()
    try:
        connection.request("POST", "/v1/lint", body=body, headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        return response.status, time.perf_counter() - start
    except OSError:
        return 0, time.perf_counter() - start  # 0: no answer within the timeout
    finally:
        connection.close()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def measure_small(port: int, samples: int, duration: float, first: int) -> tuple[list[float], int]:
    """Latencies (ms) of new small drafts, one after the other; and how many got no answer."""
    latencies, failures, stop = [], 0, time.monotonic() + duration
    for n in range(first, first + samples):
        if time.monotonic() > stop:
            break
        status, seconds = request(port, SMALL.format(n=n), timeout=max(1.0, stop - time.monotonic()))
        if status == 200:
            latencies.append(seconds * 1000)
        else:
            failures += 1
        time.sleep(0.01)  # a writer's pace, not a flood
    return latencies, failures


def report(name: str, latencies: list[float], failures: int) -> None:
    if not latencies:
        print(f"{name:<44} no answer ({failures} requests failed or timed out)")
        return
    verdict = "ok" if percentile(latencies, .99) < TARGET_P99_MS and not failures else "over target"
    print(f"{name:<44} n={len(latencies):<4} p50 {statistics.median(latencies):6.1f}   "
          f"p95 {percentile(latencies, .95):6.1f}   p99 {percentile(latencies, .99):6.1f}   "
          f"max {max(latencies):7.1f} ms   failed {failures}   [{verdict}]")


def start_server(max_lint_seconds: float) -> tuple[subprocess.Popen, int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "tonelint.cli", "serve", "--port", str(port), "--rate-limit", "0",
                               "--max-lint-seconds", str(max_lint_seconds)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = time.monotonic()
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server, port
        except OSError:
            if server.poll() is not None or time.monotonic() - started > 120:
                sys.exit("the server did not start")
            time.sleep(0.1)


def stop_server(server: subprocess.Popen) -> None:
    server.send_signal(signal.SIGTERM)  # drains: bounded by the lint time limit
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()  # stuck in one long C call (a regex) that no signal handler can interrupt
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--duration", type=float, default=60.0, help="bound per case, in seconds")
    parser.add_argument("--max-lint-seconds", type=float, default=10.0, help="the server's per-request budget")
    args = parser.parse_args()
    drafts = pathological_drafts()
    for name, text in drafts.items():
        # A fresh server per case: a request stuck in C code would otherwise spoil the next case.
        server, port = start_server(args.max_lint_seconds)
        try:
            request(port, SMALL.format(n=-1), timeout=30)
            print(f"\n{name} (server limit {args.max_lint_seconds:g} s per draft)")
            report("small drafts, alone", *measure_small(port, args.samples, args.duration, first=0))
            outcomes, stop = [], threading.Event()

            def keep_in_flight() -> None:
                while not stop.is_set():
                    outcomes.append(request(port, text, timeout=args.duration + 30))

            heavy = threading.Thread(target=keep_in_flight, daemon=True)
            heavy.start()
            time.sleep(0.5)  # the pathological body is sent and being linted
            loaded = measure_small(port, args.samples, args.duration, first=100_000)
            stop.set()
            report("small drafts, pathological draft in flight", *loaded)
            heavy.join(timeout=args.duration + 30)
            for status, seconds in outcomes:
                print(f"{'':<44} pathological request: status {status or 'no answer'} after {seconds:.1f} s")
        finally:
            stop_server(server)


if __name__ == "__main__":
    main()
