"""SARIF 2.1.0, as GitHub code scanning reads it (rules with help text, region columns)."""
from __future__ import annotations

import json
import os
from pathlib import Path

from .. import __version__
from ..baseline import Fingerprints
from ..model import Severity

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
PROJECT_URI = "https://pypi.org/project/tonelint/"


def _uri(path: str) -> str:
    """Paths relative to the working directory (the repository root in CI), as code scanning expects."""
    if path == "-":
        return "stdin"
    relative = os.path.relpath(os.path.abspath(path))
    return Path(path if relative.startswith("..") else relative).as_posix()


def render_sarif(reports, rules: dict) -> str:
    used = sorted({d.rule for r in reports if r.result for d in r.result.diagnostics})
    rule_index = {rule_id: i for i, rule_id in enumerate(used)}
    descriptors = []
    for rule_id in used:
        rule = rules.get(rule_id)
        descriptor = {"id": rule_id}
        if rule is not None:
            doc = rule.doc()
            examples = "\n".join([f"- ✗ {e}" for e in doc["examples"]["incorrect"]] +
                                 [f"- ✓ {e}" for e in doc["examples"]["correct"]])
            descriptor.update({
                "name": "".join(part.capitalize() for part in rule.slug.split("-")),
                "shortDescription": {"text": rule.title},
                "fullDescription": {"text": rule.description},
                "help": {"text": rule.description,
                         "markdown": f"**{rule.title}**\n\n{rule.description}\n\nExamples:\n\n{examples}"},
                "helpUri": rule.link or PROJECT_URI,
                "defaultConfiguration": {"level": _LEVEL[rule.severity]},
                "properties": {"tags": ["tone", rule.category, rule.lang]},
            })
        descriptors.append(descriptor)
    results = []
    notifications = []
    for report in reports:
        if report.error:
            notifications.append({"level": "error", "message": {"text": f"{report.path}: {report.error}"}})
            continue
        fingerprint = Fingerprints(report.source)
        uri = _uri(report.path)
        for d in report.result.diagnostics:
            result = {
                "ruleId": d.rule,
                "ruleIndex": rule_index[d.rule],
                "level": _LEVEL[d.severity],
                "message": {"text": d.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": {"startLine": d.line, "startColumn": d.column,
                               "endLine": d.end_line, "endColumn": d.end_column,
                               "charOffset": d.span.start, "charLength": d.span.end - d.span.start},
                }}],
            }
            result["partialFingerprints"] = {"tonelint/v1": fingerprint(d)}
            if d.suggestions:
                result["properties"] = {"suggestions": d.suggestions}
            results.append(result)
    run = {
        "tool": {"driver": {"name": "tonelint", "version": __version__,
                            "informationUri": "https://pypi.org/project/tonelint/", "rules": descriptors}},
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    if notifications:
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": notifications}]
    return json.dumps({"version": "2.1.0", "$schema": SCHEMA, "runs": [run]}, ensure_ascii=False, indent=2)
