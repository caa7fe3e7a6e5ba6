"""The HTTP API: contract, errors, security, privacy and concurrency."""
from __future__ import annotations

import json
import logging
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import jsonschema
import pytest

from tonelint import Config
from tonelint.cli import main
from tonelint.server import create_app
from tonelint.server.openapi import openapi_document
from tonelint.server.settings import ServerSettings

DOC = openapi_document()
PROMO = "😀 Nous sommes fiers d'annoncer notre solution clé en main. Notre équipe chevronnée vous attend !"


def schema(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}", "components": DOC["components"]}


def validate(body: dict, name: str) -> None:
    jsonschema.validate(body, schema(name), cls=jsonschema.Draft202012Validator)


@pytest.fixture(scope="module")
def app():
    return create_app(ServerSettings(config=Config(), rate_limit_per_minute=0))


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
    assert only["profile"]["self-promotion"]["score"] == 0
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


def test_token():
    secured = create_app(ServerSettings(token="s3cret-token-0123456789", rate_limit_per_minute=0)).test_client()
    assert post(secured, {"text": "x"}).status_code == 401
    assert post(secured, {"text": "x"}, headers={"Authorization": "Bearer wrong"}).status_code == 401
    response = post(secured, {"text": "x"}, headers={"Authorization": "Bearer s3cret-token-0123456789"})
    assert response.status_code == 200
    assert secured.get("/v1/rules").status_code == 401
    assert secured.get("/v1/health").status_code == 200


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
        assert health["status"] == "ready" and "fr" in health["languages_loaded"]
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
