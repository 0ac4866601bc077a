"""The words phase alone: a page's glyphs as lines of words and phrases. A phrase is one cell's text as a reader
sees it; two phrases on a line are candidates for two columns, so what joins and what parts is the whole game."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract.tables.settings import DEFAULT
from pipeline.extract.tables.words import TextLine
from tests.extract.tables.drawing import Sheet, lines, texts


def _one_line(sheet: Sheet) -> TextLine:
    (line,) = lines(sheet.save())
    return line


def test_lines_come_top_to_bottom_with_phrases_left_to_right(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "order.pdf")
    sheet.text(300, 686, "12").text(72, 686, "Avon").text(72, 700, "Town").text(300, 700, "Total")
    found = lines(sheet.save())
    assert texts(found) == [["Town", "Total"], ["Avon", "12"]]
    assert found[0].baseline == pytest.approx(92, abs=0.1) and found[1].baseline == pytest.approx(106, abs=0.1)
    assert found[1].x0 == pytest.approx(72, abs=0.1) and found[1].x1 == pytest.approx(300 + sheet.width("12"), abs=0.2)


def test_a_printed_space_parts_words_even_when_it_prints_no_gap(tmp_path: Path) -> None:
    """Word spacing squeezes the space to nothing: the glyphs touch, but the printed space still ends the word."""
    sheet = Sheet(tmp_path / "space.pdf")
    canvas = sheet.canvas
    canvas.saveState()
    squeezed = canvas.beginText(72, 700)
    squeezed.setFont("Helvetica", 10)
    squeezed.setWordSpace(-sheet.width(" "))
    squeezed.textOut("New Haven")
    canvas.drawText(squeezed)
    canvas.restoreState()
    line = _one_line(sheet)
    (phrase,) = line.phrases
    new, haven = phrase.words
    assert (new.text, haven.text) == ("New", "Haven")
    assert haven.x0 - new.x1 < DEFAULT.word_gap * line.size  # no gap a word break could be read from
    assert phrase.text == "New Haven"


def test_glyphs_set_close_without_a_space_are_one_word(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "kerned.pdf")
    sheet.text(72, 700, "Hav").text(72 + sheet.width("Hav") + 0.5, 700, "en")  # kerned apart by half a point
    sheet.text(72, 680, "New").text(72 + sheet.width("New") + 3, 680, "Haven")  # 3 pt: a word gap, no space
    first, second = lines(sheet.save())
    assert [w.text for p in first.phrases for w in p.words] == ["Haven"]
    assert texts([second]) == [["New Haven"]] and [w.text for w in second.phrases[0].words] == ["New", "Haven"]


@pytest.mark.parametrize("gap", [2.0, 4.0, 8.0])
def test_two_numbers_never_join(tmp_path: Path, gap: float) -> None:
    """Tight columns of counts ('12   7'): closer than a word space, two numbers are still two cells (closer than
    `word_gap`, about a point, they would be one word's glyphs)."""
    sheet = Sheet(tmp_path / "numbers.pdf")
    sheet.text(72, 700, "12").text(72 + sheet.width("12") + gap, 700, "7")
    assert texts([_one_line(sheet)]) == [["12", "7"]]


def test_spaces_between_numbers_part_them(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "spaced.pdf")
    sheet.text(72, 700, "12   7").text(72, 680, "12 7").text(72, 660, "1  204")
    assert texts(lines(sheet.save())) == [["12", "7"], ["12", "7"], ["1", "204"]]


def test_a_thousands_group_a_normal_space_apart_is_one_number(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "thousands.pdf")
    sheet.text(72, 700, "1 204").text(72, 680, "Total 1 204").text(72, 660, "1 2045").text(72, 640, "3 204,5")
    assert texts(lines(sheet.save())) == [["1 204"], ["Total 1 204"], ["1", "2045"], ["3 204,5"]]


def test_words_a_space_apart_are_one_phrase_and_wider_gaps_part_phrases(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "phrases.pdf")
    sheet.text(72, 700, "Windsor Locks").text(72 + sheet.width("Windsor Locks") + 12, 700, "Town")
    assert texts([_one_line(sheet)]) == [["Windsor Locks", "Town"]]


def test_a_bullet_joins_the_text_it_marks(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "bullets.pdf")
    sheet.text(72, 700, "•").text(90, 700, "Drug offenses")  # set well apart, as list bullets are
    sheet.text(72, 680, "-").text(80, 680, "Larceny")
    sheet.text(72, 660, "•").text(200, 660, "Far away")  # too far: a bullet column of its own
    assert texts(lines(sheet.save())) == [["• Drug offenses"], ["- Larceny"], ["•", "Far away"]]


def test_a_dash_before_a_number_is_a_value_not_a_bullet(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "dash.pdf")
    sheet.text(72, 700, "–").text(90, 700, "12")
    sheet.text(72, 680, "– 12")
    sheet.text(72, 660, "Avon").text(150, 660, "–").text(200, 660, "12")
    assert texts(lines(sheet.save())) == [["–", "12"], ["–", "12"], ["Avon", "–", "12"]]


def test_a_dash_inside_a_row_marks_no_text_after_it(tmp_path: Path) -> None:
    """A dash in a row's cells is a value sign, not a bullet: the 'n/a' (another sign) or word set after it in
    the next column stays apart; only a dash opening its line marks the text after it."""
    sheet = Sheet(tmp_path / "dash-row.pdf")
    sheet.text(72, 700, "Avon").text(150, 700, "–").text(170, 700, "n/a")
    sheet.text(72, 680, "Bristol").text(150, 680, "–").text(170, 680, "none")
    assert texts(lines(sheet.save())) == [["Avon", "–", "n/a"], ["Bristol", "–", "none"]]


@pytest.mark.parametrize("rise", [3.0, 5.0, 7.0])
def test_a_raised_smaller_mark_joins_its_word(tmp_path: Path, rise: float) -> None:
    """'Norwalk' with a superscript '1' is the word 'Norwalk1' marked '1', on Norwalk's line, never its own line
    (a rise of 5 or 7 pt puts the mark's baseline beyond the same-line reach: it joins the line below it)."""
    sheet = Sheet(tmp_path / "mark.pdf")
    sheet.text(72, 700, "Norwalk").raised(72 + sheet.width("Norwalk"), 700, "1", 6, rise)
    sheet.text(200, 700, "1,204")
    line = _one_line(sheet)
    assert texts([line]) == [["Norwalk1", "1,204"]]
    word = line.phrases[0].words[0]
    assert word.mark == "1" and line.phrases[1].words[0].mark == ""
    assert line.baseline == pytest.approx(92, abs=0.1)  # the full-size glyphs' baseline, not the mark's
    assert word.top == pytest.approx(line.phrases[1].top, abs=0.1)  # the word's box is its letters', not the mark's
    assert word.size == pytest.approx(line.size)


def test_a_mark_on_a_value_is_recorded_too(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "value-mark.pdf")
    sheet.text(72, 700, "Avon").text(200, 700, "12").raised(200 + sheet.width("12"), 700, "a", 6, 4)
    line = _one_line(sheet)
    assert texts([line]) == [["Avon", "12a"]] and line.phrases[1].words[0].mark == "a"


def test_a_smaller_line_set_close_is_not_a_mark(tmp_path: Path) -> None:
    """Small text set a little above a line but touching none of its words (a note, not a mark) stays a line."""
    sheet = Sheet(tmp_path / "note.pdf")
    sheet.text(72, 700, "Avon").text(200, 700, "12").text(300, 707, "note", 6)
    found = lines(sheet.save())
    assert texts(found) == [["note"], ["Avon", "12"]]
    assert all(word.mark == "" for line in found for phrase in line.phrases for word in phrase.words)


def test_sizes_set_by_the_text_matrix_are_the_printed_sizes(tmp_path: Path) -> None:
    """A font size operand of 1 scaled by the matrix: gaps are measured against the loose box's 10 pt, so a word
    space stays inside a phrase and two numbers 4 pt apart stay apart (at size 1 every gap would part phrases)."""
    sheet = Sheet(tmp_path / "scaled.pdf")
    sheet.scaled(72, 700, "12", 10).scaled(72 + sheet.width("12") + 4, 700, "7", 10)
    sheet.scaled(150, 700, "New Haven", 10).scaled(150 + sheet.width("New Haven") + 1, 700, "s", 10)
    sheet.text(72, 600, "New Haven")
    scaled, direct = lines(sheet.save())
    assert texts([scaled]) == [["12", "7", "New Havens"]]
    assert scaled.size == pytest.approx(direct.size, rel=0.01) and scaled.size > 9


def test_words_set_sideways_without_a_printed_space_are_parted_at_the_gap(tmp_path: Path) -> None:
    """'East' and 'Hampton' printed a quarter turn, a word space apart but with no space character (as browsers
    print): two words, 'East Hampton', never 'EastHampton'."""
    from pipeline.extract.tables.words import turned_lines
    from tests.extract.tables.drawing import geometry

    sheet = Sheet(tmp_path / "sideways.pdf")
    sheet.text(72, 700, "The page reads upright: this line and the next set the reading direction of the page.")
    sheet.text(72, 680, "Only the column header below is printed a quarter turn from the rest of the text.")
    sheet.turned(200, 600, "East", 90)
    sheet.turned(200, 600 + sheet.width("East "), "Hampton", 90)
    (line,) = turned_lines(geometry(sheet.save()).turned)
    assert line.text == "East Hampton"


def test_a_sideways_glyph_drawn_out_of_turn_takes_its_place_down_the_column() -> None:
    """'§53a' set reading upwards, the '§' (from a fallback font, as browsers print) drawn after the '5' it
    precedes: the glyphs go in the order they stand up the column, not the order they were drawn ('5§3a')."""
    from pipeline.extract.tables.geometry import Glyph
    from pipeline.extract.tables.words import turned_lines

    def glyph(text: str, foot: float, order: int) -> Glyph:
        return Glyph(text, 300.0, foot - 5, 309.0, foot, foot, 9.0, order)

    drawn = [glyph("5", 265, 1), glyph("§", 270, 2), glyph("3", 260, 3), glyph("a", 255, 4)]
    (line,) = turned_lines(drawn)
    assert line.text == "§53a"
    (line,) = turned_lines([glyph("5", 265, 1), glyph("3", 260, 2), glyph("a", 255, 3)])
    assert line.text == "53a"


def test_a_mark_raised_against_its_number_is_a_mark_though_the_line_sits_lower(tmp_path: Path) -> None:
    """'1' and a superscript '¹' on a row that a label's line beside it, a little higher, claims as one line
    (its baseline the line's, the mark barely above it): the mark is raised against the '1' it touches, so it
    is a mark, never a second digit."""
    sheet = Sheet(tmp_path / "mark-on-number.pdf")
    sheet.text(72, 703, "Receiving stolen goods", 10)  # a wrapped label's line, 3 pt higher than the row
    sheet.text(250, 700, "1").raised(250 + sheet.width("1"), 700, "1", 6, 4)
    found = lines(sheet.save())
    words = [word for line in found for phrase in line.phrases for word in phrase.words]
    assert [(word.text, word.mark) for word in words if word.text.startswith("1")] == [("11", "1")]


@pytest.mark.parametrize("kern", [0.0, -0.3])
def test_a_mark_clustered_with_a_label_above_its_row_goes_back_to_its_number(tmp_path: Path, kern: float) -> None:
    """'0' and a superscript '²' on a row, a label set 7 pt higher beside it: the mark's baseline is nearer the
    label's, but it touches the '0' (or is kerned a little into it) and is raised against it, so it is the '0''s
    mark, not a glyph of the label's line (where it was read as a count '2')."""
    sheet = Sheet(tmp_path / "mark-home.pdf")
    sheet.text(72, 707, "Promoting prostitution", 10)
    sheet.text(200, 700, "Hartford").text(250, 700, "0").raised(250 + sheet.width("0") + kern, 700, "2", 6, 5)
    found = lines(sheet.save())
    assert [[(word.text, word.mark) for phrase in line.phrases for word in phrase.words] for line in found] == [
        [("Promoting", ""), ("prostitution", "")], [("Hartford", ""), ("02", "2")]]


@pytest.mark.parametrize(("printed", "words"), [
    ("jurisdictions647", [("jurisdictions", False), ("647", True)]),
    ("Total5,937", [("Total", False), ("5,937", True)]),
    ("Q4", [("Q4", False)]), ("CY2010", [("CY2010", False)]), ("53a-82", [("53a-82", False)])])
def test_digits_set_hard_against_a_word_are_a_word_of_their_own(tmp_path: Path, printed: str,
                                                                 words: list[tuple[str, bool]]) -> None:
    """A count printed hard against the name before it ('jurisdictions647', no gap) is a word of its own, glued;
    short letter prefixes ('Q4', 'CY2010') and section numbers stay one word."""
    sheet = Sheet(tmp_path / "glued.pdf")
    sheet.text(72, 700, printed)
    (line,) = lines(sheet.save())
    assert [(word.text, word.glued) for word in line.phrases[0].words] == words


def test_a_raised_digit_after_a_name_stays_its_footnote_mark(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "raised.pdf")
    sheet.text(72, 700, "Norwalk").raised(72 + sheet.width("Norwalk"), 700, "2", 6, 4)
    (line,) = lines(sheet.save())
    (word,) = line.phrases[0].words
    assert (word.text, word.mark, word.glued) == ("Norwalk2", "2", False)


@pytest.mark.parametrize("order", ["name first", "year first"])
def test_a_run_printed_into_the_end_of_another_stays_whole(tmp_path: Path, order: str) -> None:
    """A bold name whose last letter overlaps the year set right after it ('jurisdictions' then '2015' printed
    from where the 's' starts): two runs laid over each other at their ends, read each whole, however the content
    stream orders them; never interleaved ('jurisdiction2s015')."""
    sheet = Sheet(tmp_path / "overprinted.pdf")
    name = "Total, all jurisdictions"
    year_at = 72 + sheet.width(name[:-1], font="Helvetica-Bold") - 0.2  # a hair left of where the s starts
    draws = [lambda: sheet.text(72, 700, name, font="Helvetica-Bold"), lambda: sheet.text(year_at, 700, "2015")]
    for draw in draws if order == "name first" else draws[::-1]:
        draw()
    (line,) = lines(sheet.save())
    assert [word.text for phrase in line.phrases for word in phrase.words] == ["Total,", "all", "jurisdictions",
                                                                                "2015"]


def test_a_word_after_one_printed_space_is_typed_one_set_apart_by_a_jump_is_not(tmp_path: Path) -> None:
    """'Rate per 100,000' typed as one run of text (a printed space before each word) against 'Avon' and '12'
    set apart by moving the pen: the typed space says one run of text, however wide the font sets it."""
    sheet = Sheet(tmp_path / "typed.pdf")
    sheet.text(72, 700, "Rate per 100,000", font="Courier")
    sheet.text(72, 686, "Avon").text(72 + sheet.width("Avon ") + 1, 686, "12")
    typed, moved = lines(sheet.save())
    assert [word.typed for phrase in typed.phrases for word in phrase.words] == [False, True, True]
    assert [word.typed for phrase in moved.phrases for word in phrase.words] == [False, False]
