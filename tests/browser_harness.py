"""What the browser tests and the extension benchmark both need: the real tonelint server on the
extension's default port, and the extension's folder served over HTTP (its test pages, node_modules).

That port is fixed (the extension's only host permission): under pytest-xdist (`make test`) the test
modules that start the server run on one worker, one after the other (SAME_WORKER in conftest.py)."""
from __future__ import annotations

import contextlib
import functools
import http.server
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

EXTENSION = Path(__file__).resolve().parents[1] / "extension"
SERVER_PORT = 8765  # the extension's default server and its only host permission


class PortBusy(RuntimeError):
    pass


@contextlib.contextmanager
def tonelint_server(port: int = SERVER_PORT, timeout: float = 60, args: tuple[str, ...] = ()):
    """`tonelint serve` in a child process, ready (health answered) when the block starts; `args`: more
    options for `serve` (a --token-file, as a team's shared server would have)."""
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise PortBusy(f"port {port} is busy: stop the other tonelint server first")
    proc = subprocess.Popen([sys.executable, "-m", "tonelint.cli", "serve", "--port", str(port), *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=2).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the tonelint server did not start") from None
                time.sleep(0.2)
        yield
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@contextlib.contextmanager
def extension_pages():
    """The extension folder over HTTP on a free port; yields the base URL of its e2e pages."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(EXTENSION)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/test/e2e/"
    finally:
        httpd.shutdown()
