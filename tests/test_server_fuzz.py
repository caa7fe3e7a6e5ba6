"""Property-based robustness: whatever the body, a documented status and the JSON envelope, never a 500."""
from __future__ import annotations

import json

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tonelint.server import create_app
from tonelint.server.openapi import openapi_document
from tonelint.server.settings import ServerSettings

APP = create_app(ServerSettings(rate_limit_per_minute=0, max_body_bytes=200_000))
COMPONENTS = openapi_document()["components"]
DOCUMENTED = {200, 400, 413, 415, 422}

# Every kind of character, lone surrogates and control characters included.
ANY_TEXT = st.text(alphabet=st.characters(categories=["L", "M", "N", "P", "S", "Z", "Cc", "Cs", "Cf", "Co"]), max_size=400)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ANY_TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(ANY_TEXT, children, max_size=4),
    max_leaves=20,
)
FIELDS = st.fixed_dictionaries({}, optional={
    "text": ANY_TEXT | JSON_VALUES,
    "format": st.sampled_from(["text", "markdown", "html", "pdf"]) | JSON_VALUES,
    "lang": st.sampled_from(["fr", "en", "de"]) | JSON_VALUES,
    "select": st.lists(st.sampled_from(["fr", "en.press-release", "register", "nope"])) | JSON_VALUES,
    "ignore": st.lists(st.sampled_from(["fr.register", "grammar"])) | JSON_VALUES,
    "offset_encoding": st.sampled_from(["utf-16", "codepoint", "utf-8"]) | JSON_VALUES,
})


def check(response) -> None:
    assert response.status_code in DOCUMENTED, response.status_code
    body = response.get_json()
    name = "LintResponse" if response.status_code == 200 else "Error"
    jsonschema.validate(body, {"$ref": f"#/components/schemas/{name}", "components": COMPONENTS},
                        cls=jsonschema.Draft202012Validator)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FIELDS)
def test_random_requests(body):
    check(APP.test_client().post("/v1/lint", data=json.dumps(body), content_type="application/json"))


@settings(max_examples=80, deadline=None)
@given(JSON_VALUES)
def test_random_json_documents(value):
    check(APP.test_client().post("/v1/lint", data=json.dumps(value), content_type="application/json"))


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=600))
def test_random_bytes(data):
    check(APP.test_client().post("/v1/lint", data=data, content_type="application/json"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT, st.sampled_from(["text", "markdown", "html"]), st.sampled_from(["utf-16", "codepoint"]))
def test_any_text_lints_and_spans_stay_in_bounds(text, fmt, encoding):
    response = APP.test_client().post("/v1/lint", data=json.dumps({"text": text, "format": fmt, "offset_encoding": encoding}),
                                      content_type="application/json")
    check(response)
    length = len(text.encode("utf-16-le", "surrogatepass")) // 2 if encoding == "utf-16" else len(text)
    for d in response.get_json()["diagnostics"]:
        assert 0 <= d["span"]["start"] <= d["span"]["end"] <= length


def test_huge_and_deep_bodies():
    check(APP.test_client().post("/v1/lint", data=json.dumps({"text": "x" * 300_000}), content_type="application/json"))
    check(APP.test_client().post("/v1/lint", data="[" * 100_000, content_type="application/json"))
    check(APP.test_client().post("/v1/lint", data=json.dumps({"text": "é" * 60_000 + " leader mondial"}),
                                 content_type="application/json"))
