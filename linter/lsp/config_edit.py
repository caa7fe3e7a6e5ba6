"""The text of a configuration file with one rule turned off (`[severity]` "id" = "off").

tomlkit keeps the user's comments, order and layout; only the new key is added.
"""
from __future__ import annotations

import tomlkit
from tomlkit.exceptions import TOMLKitError


class ConfigEditError(ValueError):
    pass


def with_rule_off(text: str, rule_id: str, pyproject: bool = False) -> str:
    """`text` of a .tonelint.toml (or a pyproject.toml's [tool.tonelint]) with `rule_id` off."""
    try:
        document = tomlkit.parse(text)
        table = document
        if pyproject:
            table = document.setdefault("tool", tomlkit.table(True)).setdefault("tonelint", tomlkit.table())
        severity = table.get("severity")
        if severity is None:
            table["severity"] = tomlkit.table()
            severity = table["severity"]
        if not isinstance(severity, dict):
            raise ConfigEditError("'severity' is not a table")
        severity[rule_id] = "off"
        return tomlkit.dumps(document)
    except TOMLKitError as exc:
        raise ConfigEditError(str(exc)) from None
