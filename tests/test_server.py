"""The HTTP API: contract, errors, security, privacy and concurrency."""
from __future__ import annotations

import http.client
import json
import logging
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import jsonschema
import pytest

from tonelint import Config
from tonelint.cli import main
from tonelint.server import create_app, warm_up
from tonelint.server.logs import EscapingFormatter
from tonelint.server.openapi import openapi_document
from tonelint.server.settings import ServerSettings

from .fake_languagetool import FakeLanguageTool
from .rule_samples import TAGGED_PASSIVE_PACK

DOC = openapi_document()
PROMO = "😀 Nous sommes fiers d'annoncer notre solution clé en main. Notre équipe chevronnée vous attend !"


def schema(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}", "components": DOC["components"]}


def validate(body: dict, name: str) -> None:
    jsonschema.validate(body, schema(name), cls=jsonschema.Draft202012Validator)


@pytest.fixture(scope="module")
def app():
    made = create_app(ServerSettings(config=Config(), rate_limit_per_minute=0))
    # Warmed up as `tonelint serve` warms up before its port opens: the first request's time budget
    # (10 s) is then its lint's, not a cold cache's compiling of the rule packs.
    warm_up(made)
    return made


@pytest.fixture
def client(app):
    return app.test_client()


def post(client, body, **kwargs):
    return client.post("/v1/lint", data=json.dumps(body), content_type="application/json", **kwargs)


def test_lint_contract_and_utf16_offsets(client):
    response = post(client, {"text": PROMO, "lang": "fr"})
    assert response.status_code == 200
    body = response.get_json()
    validate(body, "LintResponse")
    assert body["offset_encoding"] == "utf-16" and body["lang"] == "fr"
    units = PROMO.encode("utf-16-le")
    for d in body["diagnostics"]:  # JavaScript's text.slice(start, end)
        assert units[2 * d["span"]["start"]:2 * d["span"]["end"]].decode("utf-16-le") == d["match"]
    first = body["diagnostics"][0]
    assert first["span"]["start"] == PROMO.index("fiers") + 1  # the emoji is two UTF-16 units


def test_codepoint_offsets_and_language_detection(client):
    body = post(client, {"text": PROMO, "offset_encoding": "codepoint"}).get_json()
    assert body["lang"] == "fr" and body["offset_encoding"] == "codepoint"
    for d in body["diagnostics"]:
        assert PROMO[d["span"]["start"]:d["span"]["end"]] == d["match"]


def test_markdown_and_html_formats(client):
    md = post(client, {"text": "# Titre\n\n`leader mondial` et un **leader mondial**.", "format": "markdown"}).get_json()
    assert [d["match"] for d in md["diagnostics"] if d["category"] == "press-release"] == ["leader mondial"]
    html = post(client, {"text": "<p>Un leader&nbsp;mondial</p><script>leader mondial</script>", "format": "html", "lang": "fr"})
    assert [d["match"] for d in html.get_json()["diagnostics"]] == ["leader&nbsp;mondial"]


def test_select_and_ignore_per_request(client):
    only = post(client, {"text": PROMO, "select": ["fr.press-release"]}).get_json()
    assert {d["category"] for d in only["diagnostics"]} == {"press-release"}
    whole = post(client, {"text": PROMO}).get_json()
    assert only["profile"]["self-promotion"]["score"] == whole["profile"]["self-promotion"]["score"] > 0  # the document's
    assert only["profile"]["self-promotion"]["evidence"] == []  # none of its findings is shown
    without = post(client, {"text": PROMO, "ignore": ["press-release"]}).get_json()
    assert "press-release" not in {d["category"] for d in without["diagnostics"]}


@pytest.mark.parametrize("body, status", [
    (b"{not json", 400), (b"[1, 2]", 400), (b'"text"', 400), (b"{}", 400),
    (b'{"text": 3}', 400), (b'{"text": "x", "format": 1}', 400), (b'{"text": "x", "select": "fr"}', 200),
    (b'{"text": "x", "select": [1]}', 400), (b'{"text": "x", "extra": 1}', 400), (b"\xff\xfe", 400),
    (b'{"text": "x", "lang": "de"}', 422), (b'{"text": "x", "format": "pdf"}', 422),
    (b'{"text": "x", "offset_encoding": "utf-8"}', 422), (b'{"text": "x", "select": ["fr.nope"]}', 422),
    (b"[" * 50_000 + b"]" * 50_000, 400),
])
def test_bad_requests_get_the_json_envelope(client, body, status):
    response = client.post("/v1/lint", data=body, content_type="application/json")
    assert response.status_code == status
    if status != 200:
        validate(response.get_json(), "Error")


def test_wrong_content_type_404_405(client):
    response = client.post("/v1/lint", data="text=x", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415 and response.get_json()["error"]["code"] == "unsupported_media_type"
    for response, status in ((client.get("/v2/lint"), 404), (client.get("/v1/lint"), 405), (client.get("/"), 404)):
        assert response.status_code == status and response.is_json
        validate(response.get_json(), "Error")


def test_body_limit():
    small = create_app(ServerSettings(max_body_bytes=1000, rate_limit_per_minute=0)).test_client()
    response = post(small, {"text": "a" * 2000})
    assert response.status_code == 413
    validate(response.get_json(), "Error")


def test_rate_limit():
    limited = create_app(ServerSettings(rate_limit_per_minute=6)).test_client()
    statuses = [post(limited, {"text": "Bonjour à vous."}).status_code for _ in range(3)]
    assert statuses[0] == 200 and statuses[-1] == 429
    response = post(limited, {"text": "x"})
    assert response.status_code == 429 and int(response.headers["Retry-After"]) >= 1
    assert limited.get("/v1/health").status_code == 200  # health stays reachable


def test_rate_limit_is_keyed_on_the_address_not_on_headers():
    limited = create_app(ServerSettings(rate_limit_per_minute=6)).test_client()  # a burst of one
    statuses = [post(limited, {"text": "x"}, headers={"Authorization": f"Bearer attempt-{i:04d}"}).status_code
                for i in range(5)]
    assert statuses[0] == 200 and statuses[1:] == [429] * 4


def test_failed_tokens_are_limited_without_using_up_the_token_holders_budget():
    token = "s3cret-token-0123456789"
    limited = create_app(ServerSettings(token=token, rate_limit_per_minute=12)).test_client()  # bursts of two
    wrong = [post(limited, {"text": "x"}, headers={"Authorization": f"Bearer guess-{i}"}).status_code for i in range(4)]
    assert wrong == [401, 401, 429, 429]
    right = [post(limited, {"text": "x"}, headers={"Authorization": f"Bearer {token}"}).status_code for _ in range(3)]
    assert right == [200, 200, 429]


def test_token():
    secured = create_app(ServerSettings(token="s3cret-token-0123456789", rate_limit_per_minute=0)).test_client()
    assert post(secured, {"text": "x"}).status_code == 401
    assert post(secured, {"text": "x"}, headers={"Authorization": "Bearer wrong"}).status_code == 401
    response = post(secured, {"text": "x"}, headers={"Authorization": "Bearer s3cret-token-0123456789"})
    assert response.status_code == 200
    assert secured.get("/v1/rules").status_code == 401
    assert secured.get("/v1/health").status_code == 200


def test_notices_and_model_status_when_a_tagging_model_is_missing(monkeypatch):
    # A French pattern rule (a pack's own: no built-in rule needs the tagger) is skipped without the
    # model, and the API says so.
    app = create_app(ServerSettings(config=Config(rule_dirs=(TAGGED_PASSIVE_PACK,)), rate_limit_per_minute=0))
    monkeypatch.setattr(app.extensions["tonelint"].engine.pipelines, "model_installed", lambda lang: False)
    client = app.test_client()
    body = post(client, {"text": "Les demandes sont traitées par notre équipe.", "lang": "fr"}).get_json()
    validate(body, "LintResponse")
    assert any("skipped, no fr tagging model installed" in notice for notice in body["notices"])
    health = client.get("/v1/health").get_json()
    validate(health, "Health")
    assert health["models"]["fr"] == {"name": "fr_core_news_sm", "installed": False,
                                      "loaded": "fr" in health["languages_loaded"]}


def test_notices_are_empty_when_nothing_was_skipped(client):
    body = post(client, {"text": PROMO, "lang": "fr"}).get_json()
    assert body["notices"] == []
    assert client.get("/v1/health").get_json()["models"]["fr"]["installed"] is True


def test_a_text_in_neither_language_says_it_was_not_linted(client):
    german = ("Wir freuen uns, Ihnen mitteilen zu können, dass unser Unternehmen im vergangenen Jahr stark "
              "gewachsen ist. Unsere Kunden schätzen die Qualität unserer Arbeit.")
    body = post(client, {"text": german}).get_json()
    validate(body, "LintResponse")
    assert body["linted"] is False and body["diagnostics"] == []
    assert any("neither French nor English" in notice for notice in body["notices"])
    assert post(client, {"text": PROMO}).get_json()["linted"] is True


def test_lone_surrogate_reaching_the_tagger_is_linted(client):
    text = "Les demandes sont trait\ud800ées par notre équipe. \udfff"
    response = post(client, {"text": text, "lang": "fr"})
    assert response.status_code == 200
    body = response.get_json()
    validate(body, "LintResponse")
    for d in body["diagnostics"]:
        assert 0 <= d["span"]["start"] <= d["span"]["end"] <= len(text)


def test_time_budget_stops_a_long_lint_with_the_envelope():
    quick = create_app(ServerSettings(rate_limit_per_minute=0, max_lint_seconds=1e-9)).test_client()
    response = post(quick, {"text": PROMO, "lang": "fr"})
    assert response.status_code == 422 and response.get_json()["error"]["code"] == "time_limit"
    validate(response.get_json(), "Error")


def test_no_redirects_and_no_static_route(app, client):
    assert not any(rule.rule.startswith("/static") for rule in app.url_map.iter_rules())
    for path in ("/v1//lint", "//v1/lint", "/static/app.js", "/v1/lint/"):
        response = client.post(path, data="{}", content_type="application/json")
        assert response.status_code in (404, 405) and response.is_json, (path, response.status_code)
        validate(response.get_json(), "Error")


def test_control_characters_in_paths_and_request_ids_are_escaped_in_logs(client, caplog):
    with caplog.at_level(logging.INFO, logger="tonelint.server"):
        client.get("/v1/\x1b[2J\x00evil\nforged line", headers={"X-Request-Id": "id\x1b[31m"})
    assert caplog.records
    assert not any(c in caplog.text for c in "\x1b\x00") and "forged line" in caplog.text
    assert "\\x1b[2J" in caplog.text and "\n" not in caplog.text.rstrip("\n")


def test_log_formatter_escapes_every_logger():
    record = logging.LogRecord("waitress", logging.INFO, __file__, 1, "Client disconnected while serving %s",
                               ("/v1/\x1b]0;title\x07",), None)
    line = EscapingFormatter("%(name)s %(message)s").format(record)
    assert line == "waitress Client disconnected while serving /v1/\\x1b]0;title\\x07"


def test_rules_health_openapi(client):
    rules = client.get("/v1/rules?lang=fr").get_json()
    validate(rules, "RulesResponse")
    assert rules["rules"] and all(r["lang"] == "fr" for r in rules["rules"])
    assert client.get("/v1/rules?lang=xx").status_code == 422
    health = client.get("/v1/health").get_json()
    validate(health, "Health")
    assert client.get("/v1/openapi.json").get_json()["openapi"].startswith("3.")


def test_openapi_documents_every_route(app):
    routes = {(rule.rule, method.lower()) for rule in app.url_map.iter_rules() if rule.rule.startswith("/v1")
              for method in rule.methods - {"HEAD", "OPTIONS"}}
    documented = {(path, method) for path, item in DOC["paths"].items() for method in item}
    assert routes == documented
    jsonschema.Draft202012Validator.check_schema(schema("LintResponse"))


def test_cors_allows_extension_origins_only(client):
    allowed = client.options("/v1/lint", headers={"Origin": "chrome-extension://abcdefghijklmnopabcdefghijklmnop",
                                                  "Access-Control-Request-Method": "POST"})
    assert allowed.headers.get("Access-Control-Allow-Origin") == "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
    firefox = post(client, {"text": "x"}, headers={"Origin": "moz-extension://0b5e4f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b"})
    assert firefox.headers.get("Access-Control-Allow-Origin", "").startswith("moz-extension://")
    other = post(client, {"text": "x"}, headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_drafts_never_reach_the_logs(client, caplog):
    secret = "Zygomorphe-Quokka-4471"
    with caplog.at_level(logging.DEBUG):
        post(client, {"text": f"Nous sommes fiers d'annoncer {secret}."})
        client.post("/v1/lint", data=f'{{"text": "{secret}", "lang": "xx"}}', content_type="application/json")
        client.post("/v1/lint", data=f"{{broken {secret}", content_type="application/json")
    assert caplog.records, "requests are logged (ids, sizes, timings)"
    assert secret not in caplog.text


def test_concurrent_requests_do_not_leak_settings(app):
    texts = [PROMO, "We are thrilled to announce our award-winning turnkey solution. Call us today!"]
    selections = [["fr.press-release"], ["self-promotion"], ["en.press-release"], []]

    def call(i):
        body = {"text": texts[i % 2], "select": selections[i % 4]}
        return i, post(app.test_client(), body).get_json()

    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(call, range(64)))
    serial = {i: post(app.test_client(), {"text": texts[i % 2], "select": selections[i % 4]}).get_json()
              for i in range(4)}
    for i, body in results:
        assert body["diagnostics"] == serial[i % 4]["diagnostics"]


def test_serve_on_a_port_in_use_is_one_line_and_exit_2(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        start = time.monotonic()
        code = main(["serve", "--port", str(taken.getsockname()[1])])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "cannot listen on 127.0.0.1:" in err and "in use" in err
    assert "serving on" not in err and "Traceback" not in err
    assert time.monotonic() - start < 5  # before the models load


def test_serve_refuses_public_address_without_token(capsys, tmp_path):
    assert main(["serve", "--host", "0.0.0.0"]) == 2
    assert "without --token-file" in capsys.readouterr().err
    short = tmp_path / "token"
    short.write_text("short", encoding="utf-8")
    assert main(["serve", "--token-file", str(short)]) == 2


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_tonelint_serve_runs_waitress_and_is_ready_before_the_port_opens():
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "tonelint.cli", "serve", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=2) as response:
                    health = json.load(response)
                break
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None, proc.stderr.read().decode()
                time.sleep(0.2)
        # Ready with no tagging model loaded: no built-in rule needs one (they cost 0.4 s and 65 MB each).
        assert health["status"] == "ready" and health["languages_loaded"] == []
        request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/lint", method="POST",
                                         data=json.dumps({"text": PROMO}).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["Server"] == "tonelint"
            assert json.load(response)["diagnostics"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_unexpected_errors_are_json_and_keep_the_draft_out_of_the_logs(app, caplog, monkeypatch):
    secret = "Ornithorynque-Secret-9321"

    def explode(*args, **kwargs):
        raise ValueError(f"something broke while reading {secret}")

    monkeypatch.setattr(app.extensions["tonelint"].engine, "lint", explode)
    with caplog.at_level(logging.DEBUG):
        response = post(app.test_client(), {"text": secret})
    assert response.status_code == 500 and response.get_json()["error"]["code"] == "internal_error"
    assert "ValueError" in caplog.text and secret not in caplog.text


# -- the real server (`tonelint serve`, waitress) --------------------------------------------------

def _start_serve(tmp_path, *options: str, ready_timeout: float = 60) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    log = open(tmp_path / f"serve-{port}.log", "wb")  # a file, not a pipe: a full pipe would stall the server
    proc = subprocess.Popen([sys.executable, "-m", "tonelint.cli", "serve", "--port", str(port), *options],
                            stdout=subprocess.DEVNULL, stderr=log)
    log.close()
    deadline = time.monotonic() + ready_timeout
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=2) as response:
                if json.load(response)["status"] == "ready":
                    return proc, port
        except OSError:
            pass
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            raise AssertionError((tmp_path / f"serve-{port}.log").read_text(errors="replace"))
        time.sleep(0.1)


def _stop(proc: subprocess.Popen) -> int:
    proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    proc, port = _start_serve(tmp_path_factory.mktemp("serve"), "--max-body", "20000", "--rate-limit", "0")
    yield port
    assert _stop(proc) == 0


def raw_exchange(port: int, data: bytes) -> tuple[int, dict, bytes]:
    """Send raw bytes, read the answer until the server closes: (status, headers, body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        try:
            sock.sendall(data)
        except OSError:
            pass  # the server may answer and close before reading everything
        chunks = []
        while True:
            try:
                chunk = sock.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split()[1]), headers, body


@pytest.mark.parametrize("data, status", [
    (b"GARBAGE\r\n\r\n", 400),
    (b"GET /v1/health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", 400),
    (b"POST /v1/lint HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
     b"zz\r\n{}\r\n0\r\n\r\n", 400),
    (b"POST /v1/lint HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
    (b"GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Filler: " + b"a" * 263_000 + b"\r\n\r\n", 431),
    (b"POST /v1//lint HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", 404),
])
def test_protocol_errors_get_the_json_envelope(served, data, status):
    got, headers, body = raw_exchange(served, data)
    assert got == status and headers["content-type"] == "application/json"
    validate(json.loads(body), "Error")


@pytest.mark.parametrize("size", [20_001, 21_100, 39_000])
def test_oversized_bodies_get_a_readable_json_413(served, size):
    # The API's limit is 20,000 bytes here; waitress's own limit (twice that) stays out of the way.
    text = "a" * (size - len('{"text": ""}'))
    connection = http.client.HTTPConnection("127.0.0.1", served, timeout=10)
    connection.request("POST", "/v1/lint", body=json.dumps({"text": text}).encode(),
                       headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    body = response.read()
    assert response.status == 413 and response.getheader("Content-Type") == "application/json"
    assert json.loads(body)["error"]["code"] == "payload_too_large" and "limit 20000 bytes" in body.decode()


def test_bodies_past_the_servers_own_limit_still_get_the_envelope(served):
    data = b"POST /v1/lint HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n"
    status, headers, body = raw_exchange(served, data)
    assert status == 413 and headers["content-type"] == "application/json"
    assert json.loads(body)["error"]["message"] == "request body too large (limit 20000 bytes)"


def test_stalled_connections_do_not_starve_new_clients(served):
    stalled = []
    try:
        for _ in range(150):  # more than waitress's default limit of 100 connections
            sock = socket.create_connection(("127.0.0.1", served), timeout=5)
            sock.sendall(b"POST /v1/lint HTTP/1.1\r\nHost: x\r\n")  # and never the rest
            stalled.append(sock)
        start = time.monotonic()
        with urllib.request.urlopen(f"http://127.0.0.1:{served}/v1/health", timeout=5) as response:
            assert response.status == 200
        assert time.monotonic() - start < 2
    finally:
        for sock in stalled:
            sock.close()


SILENT_SERVER = """
import socket, sys
from tonelint.server.serving import Transport, bind, serve

def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "application/json")])
    return [b"{}"]

sock = bind("127.0.0.1", 0)
serve(app, sock, Transport(threads=1, channel_timeout=1, cleanup_interval=1), drain_seconds=1,
      on_listening=lambda: print(sock.getsockname()[1], flush=True))
"""


def test_silent_connections_are_closed_after_the_channel_timeout():
    proc = subprocess.Popen([sys.executable, "-c", SILENT_SERVER], stdout=subprocess.PIPE, text=True)
    try:
        port = int(proc.stdout.readline())
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            start = time.monotonic()
            assert sock.recv(1) == b""  # closed by the server, not by our timeout
            assert time.monotonic() - start < 5
    finally:
        _stop(proc)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_stop_signals_drain_in_flight_requests_then_exit_0(tmp_path, signum):
    with FakeLanguageTool(delay=2.0) as lt:  # each draft waits 2 s for grammar: in flight, without CPU
        config = tmp_path / "tonelint.toml"
        config.write_text(f'[grammar]\nserver = "{lt.url}"\ntimeout = 20\n', encoding="utf-8")
        proc, port = _start_serve(tmp_path, "--config", str(config), "--rate-limit", "0")
        answers = []

        def lint():
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("POST", "/v1/lint", body=json.dumps({"text": "Des client.", "lang": "fr"}),
                               headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            answers.append((response.status, json.loads(response.read())))

        client = threading.Thread(target=lint)
        client.start()
        time.sleep(0.8)
        proc.send_signal(signum)
        client.join(30)
        code = proc.wait(timeout=30)
    assert answers and answers[0][0] == 200 and answers[0][1]["grammar"]["checked"] is True
    assert code == 0
    assert "tonelint: stopped" in (tmp_path / f"serve-{port}.log").read_text()


def test_warm_up_loads_the_lemma_tables_before_the_port_opens(monkeypatch):
    # the rare-word rule reads inflected forms by their lemma: the first request must not pay for the tables
    import tonelint.server as server_module

    asked = []
    monkeypatch.setattr(server_module, "lemmas", lambda lang, word: asked.append(lang) or [])
    warm_app = create_app(ServerSettings(config=Config(), rate_limit_per_minute=0))
    server_module.warm_up(warm_app, langs=("fr", "en"))
    assert sorted(set(asked)) == ["en", "fr"]
