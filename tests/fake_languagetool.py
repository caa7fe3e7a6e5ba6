"""A small local HTTP server that answers like LanguageTool's /v2 API.

It reproduces the real response shape (software, language, matches with
context, replacements, rule, category, issueType) and, like LanguageTool,
counts offsets and lengths in UTF-16 code units. `black_hole=True` accepts
connections and reads requests but never answers (a hung server).
"""
from __future__ import annotations

import json
import re
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LANGUAGES = [
    {"name": "French", "code": "fr", "longCode": "fr"},
    {"name": "French (Canada)", "code": "fr", "longCode": "fr-CA"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
]

# (pattern, rule id, category id, category name, issue type, message, replacement builder)
RULES = [
    (re.compile(r"\b(les|des|mes|ces) (enfant|client|maison|toiture)\b", re.IGNORECASE), "ACCORD_NOMBRE", "GRAMMAR", "Grammaire",
     "grammar", "Le nom devrait être au pluriel.", lambda m: [f"{m.group(1)} {m.group(2)}s"]),
    (re.compile(r"\bnoot\b"), "MORFOLOGIK_RULE_EN_US", "TYPOS", "Possible Typo", "misspelling",
     "Possible spelling mistake found.", lambda m: ["not", "note", "nook"]),
    (re.compile(r"  +"), "WHITESPACE_RULE", "TYPOGRAPHY", "Typography", "whitespace",
     "Whitespace repetition (bad formatting)", lambda m: [" "]),
]


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class FakeLanguageTool:
    def __init__(self, delay: float = 0.0, fail: bool = False, black_hole: bool = False) -> None:
        self.delay = delay
        self.fail = fail
        self.black_hole = black_hole
        self.released = threading.Event()  # set on exit: black-hole handlers return, unanswered
        self.requests: list[dict] = []
        handler = self._handler()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "FakeLanguageTool":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.released.set()
        self.server.shutdown()
        self.server.server_close()

    def check(self, params: dict) -> dict:
        text = params.get("text", "")
        matches = []
        for pattern, rule_id, cat_id, cat_name, issue, message, replace in RULES:
            for m in pattern.finditer(text):
                offset, length = utf16_len(text[:m.start()]), utf16_len(m.group(0))
                context_start = max(0, m.start() - 20)
                context = text[context_start:m.end() + 20]
                matches.append({
                    "message": message, "shortMessage": "",
                    "replacements": [{"value": v} for v in replace(m)],
                    "offset": offset, "length": length,
                    "context": {"text": context, "offset": utf16_len(text[context_start:m.start()]), "length": length},
                    "sentence": text, "type": {"typeName": "Other"},
                    "rule": {"id": rule_id, "description": message, "issueType": issue,
                             "category": {"id": cat_id, "name": cat_name}},
                    "ignoreForIncompleteSentence": False, "contextForSureMatch": 0,
                })
        matches.sort(key=lambda x: x["offset"])
        language = params.get("language", "fr")
        return {
            "software": {"name": "LanguageTool", "version": "6.5", "buildDate": "2024-09-27", "apiVersion": 1,
                         "premium": False, "status": ""},
            "warnings": {"incompleteResults": False},
            "language": {"name": language, "code": language,
                         "detectedLanguage": {"name": language, "code": language, "confidence": 0.99}},
            "matches": matches,
        }

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout tests): nothing to answer

            def do_GET(self) -> None:
                if fake.black_hole:
                    fake.released.wait()
                elif self.path.startswith("/v2/languages"):
                    self._send(200, json.dumps(LANGUAGES).encode())
                else:
                    self._send(404, b"not found", "text/plain")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                params = {k: v[0] for k, v in urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8")).items()}
                fake.requests.append(params)
                if fake.black_hole:
                    fake.released.wait()
                    return
                if fake.delay:
                    time.sleep(fake.delay)
                if fake.fail:
                    self._send(500, b"Error: internal error", "text/plain")
                elif self.path.startswith("/v2/check"):
                    self._send(200, json.dumps(fake.check(params)).encode())
                else:
                    self._send(404, b"not found", "text/plain")

        return Handler
