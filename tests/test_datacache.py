"""Derived data tables on disk: only in a real cache directory, never trusted when corrupt (issue 12)."""
from __future__ import annotations

import pickle

import pytest

from tonelint import datacache


@pytest.fixture
def elsewhere(tmp_path, monkeypatch):
    """The current folder: where a cache must never land by accident."""
    folder = tmp_path / "cwd"
    folder.mkdir()
    monkeypatch.chdir(folder)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    return folder


@pytest.mark.parametrize("home", ["", "/nonexistent-home-for-tonelint", "/", "relative/home"])
def test_without_a_real_home_nothing_is_written(elsewhere, monkeypatch, home):
    monkeypatch.setenv("HOME", home)
    assert datacache.cache_directory() is None
    assert datacache.load_or_build("table-v1", lambda: {"a": 1}) == {"a": 1}
    assert list(elsewhere.iterdir()) == []
    assert not datacache.Path("/nonexistent-home-for-tonelint").exists()


def test_a_real_home_keeps_the_table_under_dot_cache(elsewhere, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    calls = []
    build = lambda: calls.append(1) or {"a": 1}  # noqa: E731
    assert datacache.load_or_build("table-v1", build) == {"a": 1}
    assert datacache.load_or_build("table-v1", build) == {"a": 1}
    assert calls == [1], "built once, then read back"
    assert (home / ".cache" / "tonelint" / "table-v1.pickle").is_file()


def test_xdg_cache_home_wins_when_absolute_and_is_ignored_when_relative(elsewhere, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert datacache.cache_directory() == tmp_path / "xdg" / "tonelint"
    monkeypatch.setenv("XDG_CACHE_HOME", "xdg")  # the XDG rule: a relative path is invalid
    assert datacache.cache_directory() == tmp_path / ".cache" / "tonelint"


@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) // 2],  # truncated
    lambda data: data.replace(b"mot42", b"mut42"),  # a changed byte: still unpickles, wrongly
    lambda data: pickle.dumps({"words": None}),  # some other program's pickle in our place
    lambda data: b"",
])
def test_a_damaged_table_is_rebuilt_not_trusted(elsewhere, tmp_path, monkeypatch, damage):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    table = {"words": {f"mot{i}": i for i in range(500)}}
    datacache.load_or_build("table-v1", lambda: table)
    path = tmp_path / "xdg" / "tonelint" / "table-v1.pickle"
    path.write_bytes(damage(path.read_bytes()))
    assert datacache.load_or_build("table-v1", lambda: table) == table
    assert datacache.load_or_build("table-v1", lambda: pytest.fail("rebuilt twice")) == table


def test_a_table_stored_under_another_name_is_not_taken_for_this_one(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    datacache.load_or_build("table-v1", lambda: {"version": 1})
    folder = tmp_path / "tonelint"
    (folder / "table-v1.pickle").rename(folder / "table-v2.pickle")
    assert datacache.load_or_build("table-v2", lambda: {"version": 2}) == {"version": 2}


@pytest.mark.parametrize("stored", [1, 3], ids=["older", "newer"])
def test_a_table_in_another_format_is_rebuilt_and_replaced(tmp_path, monkeypatch, stored):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    datacache.load_or_build("table", lambda: ["a", "b"], version=stored)  # another tonelint's layout
    assert datacache.load_or_build("table", lambda: {"a": 1, "b": 2}, version=2) == {"a": 1, "b": 2}
    assert datacache.load_or_build("table", lambda: pytest.fail("rebuilt twice"), version=2) == {"a": 1, "b": 2}


def test_a_table_written_before_format_versions_is_rebuilt(tmp_path, monkeypatch):
    import zlib

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    payload = pickle.dumps(["old", "layout"])
    folder = tmp_path / "tonelint"
    folder.mkdir()
    # The header tonelint wrote before tables carried a format version: magic, name, checksum.
    (folder / "table.pickle").write_bytes(b"tonelint-table/1\ntable\n" + zlib.crc32(payload).to_bytes(4, "big") + payload)
    assert datacache.load_or_build("table", lambda: {"new": "layout"}) == {"new": "layout"}
