"""Captions and notes among the lines around a table, as text (no PDF needed for this phase)."""

from __future__ import annotations

import pytest

from pipeline.extract.meaning.captions import caption, notes_under, prose


@pytest.mark.parametrize("title", ["Table 3a Arrests by town", "Table A-2. Arrests", "Table IV Arrests",
                                   "Exhibit XII: Arrests", "Schedule 7 Arrests"])
def test_a_numbered_title_starts_the_caption(title: str) -> None:
    lines = ["The council met often and heard from many providers.", "Section two", title, "CY 2008"]
    assert caption(lines) == [title, "CY 2008"]


@pytest.mark.parametrize("sentence", ["Table is below, by town", "table iv shows the rest"])
def test_words_after_table_that_number_nothing_are_no_title(sentence: str) -> None:
    """A roman number is upper case; 'Table is' and a lower-case 'iv' in running text number no table."""
    assert caption(["Table 1 Arrests", sentence]) == ["Table 1 Arrests", sentence]
    assert notes_under(["Source: courts.", sentence, "more"]) == ["Source: courts.", sentence, "more"]


def test_notes_end_at_the_next_tables_title() -> None:
    assert notes_under(["Source: courts.", "Blank cells are zero.", "Table II Convictions", "x"]) == \
        ["Source: courts.", "Blank cells are zero."]


def test_a_statute_line_starting_with_a_section_sign_is_caption_not_note() -> None:
    """'§ 53a-87' under a title names the table's statute; '§ Revised figures' is a note's mark."""
    assert caption(["Offenses by town, 2011-2015", "§ 53a-87"]) == ["Offenses by town, 2011-2015", "§ 53a-87"]
    assert caption(["§ Revised figures", "Offenses by town"]) == ["Offenses by town"]


def test_a_statute_heading_ending_in_an_abbreviation_is_no_sentence() -> None:
    """'... § 53a-87 Promoting prostitution 2nd deg.' ends in a full stop after seven words, but it names a
    statute's section: a heading, not running text; a sentence of as many words is prose."""
    assert not prose("Conn. Gen. Stat. § 53a-87 Promoting prostitution 2nd deg.")
    assert prose("Blank cells mean that no case was recorded that year.")
