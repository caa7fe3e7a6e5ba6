"""Shape checks shared by configuration files, rule files and rule kinds (each raises its own
error, naming its own file and field)."""
from __future__ import annotations


def as_string_list(value, non_empty: bool = True) -> list[str] | None:
    """A string or a list of strings, as a list; None when the value is neither (or, with
    `non_empty`, holds a blank string)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and (v.strip() or not non_empty) for v in value):
        return None
    return value
