"""Verbatim runs copied from an identity map give the same offsets as counted ones."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tonelint.sources.block import BlockBuilder, identity_map


@given(st.lists(st.tuples(st.text(min_size=0, max_size=12), st.integers(0, 40)), max_size=8), st.integers(0, 60))
def test_identity_slices_match_counted_offsets(runs, length):
    counted, sliced = BlockBuilder(), BlockBuilder(identity_map(length))
    for text, start in runs:
        counted.add_verbatim(text, start)
        sliced.add_verbatim(text, start)  # past the map's end: counted as before
    assert (sliced.starts, sliced.ends) == (counted.starts, counted.ends)
