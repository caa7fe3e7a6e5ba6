"""Where sentences end (sentences.py): after end marks, and at the line breaks that end a heading or a list item."""
import pytest

from tonelint.sentences import split_sentences


def sentences(text):
    return [text[start:end] for start, end in split_sentences(text)]


def test_end_marks_end_sentences_but_not_abbreviations():
    assert sentences("Call Dr. Roy today. He answers fast!") == ["Call Dr. Roy today.", "He answers fast!"]


@pytest.mark.parametrize("text, expected", [
    # a short heading line, then a list of items without end marks
    ("Objectifs et critères de succès\n- Réduire les délais\n- Rendre les changements sûrs\nCe que nous avons fait\n- Une feuille de route.",
     ["Objectifs et critères de succès", "- Réduire les délais", "- Rendre les changements sûrs",
      "Ce que nous avons fait", "- Une feuille de route."]),
    ("Our steps\n1. Call us\n2) Book a visit", ["Our steps", "1. Call us", "2) Book a visit"]),
])
def test_a_heading_or_a_list_item_ends_at_its_line_break(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text", [
    # a hard-wrapped line of prose goes on, in lower case or after a long line
    "We work with small firms and\nwith their accountants every day.",
    "The firm announced today that it would work with\nMicrosoft on a new tool.",
    # a line that ends with a comma or a colon goes on
    "Three things matter:\nPrice, speed and trust.",
])
def test_a_wrapped_line_of_prose_is_one_sentence(text):
    assert len(sentences(text)) == 1
