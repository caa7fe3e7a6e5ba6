"""The stable JSON report (schema_version 1), documented in README.md."""
from __future__ import annotations

import json

from ..engine import SCHEMA_VERSION

# Indented down to each finding, which is written on one line: the document
# stays readable and diff-friendly, and most of the encoding runs in json's C
# encoder (fully indented output is encoded in pure Python, 10x slower).
_EXPANDED_LEVELS = 4  # report → files → file → findings


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
    return _encode({"schema_version": SCHEMA_VERSION, "files": files}, _EXPANDED_LEVELS, 0)


def _encode(value, levels: int, depth: int) -> str:
    if levels == 0 or not isinstance(value, (dict, list)) or not value:
        return json.dumps(value, ensure_ascii=False)
    inner = "  " * (depth + 1)
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(key, ensure_ascii=False)}: {_encode(item, levels - 1, depth + 1)}"
                 for key, item in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + "  " * depth + "}"
    items = [inner + _encode(item, levels - 1, depth + 1) for item in value]
    return "[\n" + ",\n".join(items) + "\n" + "  " * depth + "]"
