"""The stable JSON report (schema_version 1), documented in README.md."""
from __future__ import annotations

import json

from ..engine import SCHEMA_VERSION


def render_json(reports) -> str:
    files = []
    for report in reports:
        entry = {"path": report.path}
        if report.error:
            entry["error"] = report.error
        else:
            entry.update(report.result.to_dict())
            if report.notices:
                entry["notices"] = report.notices
        files.append(entry)
    return json.dumps({"schema_version": SCHEMA_VERSION, "files": files}, ensure_ascii=False, indent=2)
