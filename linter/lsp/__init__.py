"""`tonelint lsp`: a language server for editors (pygls + lsprotocol).

Modules, one job each: positions (offsets <-> LSP positions in the negotiated
encoding), documents (open drafts kept in sync), conversion (findings -> LSP
diagnostics), settings (configuration per workspace and the engines built from
it), scheduler (debounced linting, never an older version over a newer one),
actions and config_edit (code actions), hover, related (the evidence behind a
finding), tone (the profile's code lens and command), options (the editor's
settings: initializationOptions and workspace/configuration), and server (the wiring).
"""
from __future__ import annotations

import logging
import socket
import sys


def serve(tcp_port: int | None = None, ui_lang: str | None = None) -> int:
    """Run the server on stdio, or on 127.0.0.1:`tcp_port` (for debugging). Returns the exit status.
    `ui_lang`: `tonelint --ui-lang`, the language of its own words unless the editor sets `uiLang`."""
    from .server import build_server

    # Only warnings, on stderr: pygls logs message parameters (drafts) at lower levels.
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="tonelint lsp: %(message)s")
    if tcp_port is not None:
        try:  # a port in use: one line and exit 2 before anything loads
            with socket.create_server(("127.0.0.1", tcp_port)):
                pass
        except OSError as exc:
            print(f"tonelint: error: cannot listen on 127.0.0.1:{tcp_port} ({exc.strerror or exc})", file=sys.stderr)
            return 2
        print(f"tonelint: language server on 127.0.0.1:{tcp_port}", file=sys.stderr, flush=True)
        server = build_server(ui_lang)
        server.start_tcp("127.0.0.1", tcp_port)
        return server.exit_status
    # The protocol owns stdout: anything a library prints goes to stderr instead.
    protocol_out = sys.stdout.buffer
    sys.stdout = sys.stderr
    server = build_server(ui_lang)
    server.start_io(sys.stdin.buffer, protocol_out)
    return server.exit_status  # 1 after an exit that no shutdown came before
