"""Serving the app with waitress: the socket, the connection limits, protocol errors and shutdown.

- The port is bound before the models load (a port in use fails at once) and
  listens only once they are loaded: until then connections are refused.
- Errors waitress answers itself (malformed HTTP, oversized headers or body,
  unsupported transfer coding) carry the API's JSON envelope.
- SIGTERM and SIGINT stop accepting connections, let the requests already
  received finish within a bound, then return; a second signal stops waiting.
"""
from __future__ import annotations

import gc
import json
import signal
import socket
import sys
import time
from dataclasses import dataclass

from waitress import wasyncore
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer
from waitress.task import ErrorTask

from .errors import envelope


@dataclass(frozen=True)
class Transport:
    threads: int = 8
    # Open connections served at once; past it, new ones wait in the kernel's queue. Loopback
    # clients need a handful: the headroom is for stalled or half-open connections.
    connection_limit: int = 500
    # A connection with no request in progress and no byte received for this long is closed
    # (looked for every `cleanup_interval` seconds): stalled clients free their slot quickly.
    channel_timeout: int = 15
    cleanup_interval: int = 2
    # The API's own limit (checked by the application, JSON 413 once the body is read).
    max_body_bytes: int = 1_000_000

    @property
    def read_limit(self) -> int:
        """waitress's own limit, above the API's, so the application answers ordinary
        oversized bodies after reading them (a client still sending cannot read an answer)."""
        return 2 * self.max_body_bytes


class ListenError(Exception):
    pass


def favour_short_requests() -> None:
    """Process settings so that a long lint stalls short ones as little as possible (the
    threads share one interpreter lock). Measured with bench/server_latency.py, small lints
    next to a 900 KB draft: p99 ≈ 300 ms with Python's defaults, ≈ 50-90 ms with these.
    - Threads take turns every 1 ms instead of 5 ms.
    - The cycle collector runs far less often: collecting a large draft's many objects holds
      the lock for up to ~250 ms, and linting makes almost no reference cycles.
    Call once the models are loaded and frozen (gc.freeze), before serving."""
    sys.setswitchinterval(0.001)
    gc.set_threshold(100_000, 50, 100)


def bind(host: str, port: int) -> socket.socket:
    """A socket bound to host:port and not yet listening (connections are refused until `serve`)."""
    sock = None
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # restart while old connections linger
        if family == socket.AF_INET6:
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        sock.bind(address)
    except OSError as exc:
        if sock is not None:
            sock.close()
        raise ListenError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    return sock


def serve(app, sock: socket.socket, transport: Transport, drain_seconds: float, on_listening=None) -> None:
    """Serve until SIGTERM or SIGINT, then drain (see the module's docstring). Main thread only."""
    channels: dict = {}
    adjustments = Adjustments(
        sockets=[sock], threads=transport.threads, ident="tonelint", connection_limit=transport.connection_limit,
        channel_timeout=transport.channel_timeout, cleanup_interval=transport.cleanup_interval,
        max_request_body_size=transport.read_limit, clear_untrusted_proxy_headers=True, asyncore_use_poll=True)
    try:
        server = _Server(app, map=channels, _sock=sock, adj=adjustments, bind_socket=False,
                         sockinfo=(sock.family, sock.type, sock.proto, sock.getsockname()))
    except OSError as exc:  # listen() on a port another process took after our bind
        sock.close()
        raise ListenError(f"cannot listen on {sock.getsockname()}: {exc.strerror or exc}") from None
    server.api_body_limit = transport.max_body_bytes
    with _StopSignals() as stop:
        if on_listening:
            on_listening()
        while not stop.requested:
            wasyncore.loop(timeout=0.5, map=channels, use_poll=True, count=1)
        wasyncore.dispatcher.close(server)  # the listening socket only: the trigger still wakes the loop
        deadline = time.monotonic() + drain_seconds
        while time.monotonic() < deadline and not stop.forced and _close_idle(channels):
            wasyncore.loop(timeout=0.1, map=channels, use_poll=True, count=1)
    server.task_dispatcher.shutdown(cancel_pending=True, timeout=0.5)
    wasyncore.close_all(channels)


def _close_idle(channels: dict) -> bool:
    """Close the connections with nothing in progress; whether any is still busy."""
    busy = False
    for channel in list(channels.values()):
        if not isinstance(channel, HTTPChannel):
            continue
        # waitress's channel state: a request being received (request), received or being
        # run (requests), an answer still being sent (total_outbufs_len).
        if channel.requests or channel.request is not None or channel.total_outbufs_len:
            busy = True
        else:
            channel.will_close = True
    return busy


class _StopSignals:
    """SIGTERM and SIGINT ask for a drain; a second one stops waiting for it."""

    def __init__(self) -> None:
        self.requested = False
        self.forced = False
        self._previous: dict = {}

    def __enter__(self) -> "_StopSignals":
        for number in (signal.SIGTERM, signal.SIGINT):
            self._previous[number] = signal.signal(number, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)

    def _handle(self, signum, frame) -> None:
        self.forced = self.requested
        self.requested = True


class _JsonErrorTask(ErrorTask):
    """waitress's own error answers (text/plain) with the API's JSON envelope."""

    def execute(self) -> None:
        error = self.request.error
        if error.code == 413:
            message = f"request body too large (limit {self.channel.server.api_body_limit} bytes)"
        else:
            message = f"{error.reason.lower()} ({error.body})"
        body = json.dumps(envelope(error.code, message)).encode()
        self.status = f"{error.code} {error.reason}"
        self.response_headers.append(("Content-Type", "application/json"))
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class _Channel(HTTPChannel):
    error_task_class = _JsonErrorTask


class _Server(TcpWSGIServer):
    channel_class = _Channel
    api_body_limit = 0
