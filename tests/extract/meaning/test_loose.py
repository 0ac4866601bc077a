"""Lines outside every table: running heads and feet told from captions, legends and rows."""

from __future__ import annotations

import pytest

from pipeline.extract.meaning.loose import lost_rows, running_edges, running_lines
from pipeline.extract.tables.model import Page, Table
from pipeline.extract.vocabulary import Vocabulary, default_reference_dir


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary.from_reference_dir(default_reference_dir())


def _page(number: int, edges: tuple[str, ...], loose: tuple[str, ...] = ()) -> Page:
    return Page(number, (), loose or edges, (), edges)


def test_a_line_at_the_top_or_foot_of_several_pages_is_running_numbers_aside() -> None:
    pages = [_page(1, ("Annual Report 2015", "B-25")), _page(2, ("Annual Report 2015", "B-26"))]
    assert running_edges(pages) == {"annual report #", "b-#"}


def test_a_number_alone_is_never_a_running_line() -> None:
    """'2018', the end of a caption run on at the top of two pages, names the caption's year: not a page head."""
    pages = [_page(1, ("Summary of charges, 2015 through", "2018")), _page(2, ("Arrests, 2014 through", "2017"))]
    assert running_edges(pages) == set()


def test_a_legend_repeated_under_tables_mid_page_is_no_edge() -> None:
    pages = [_page(n, ("Report",), ("Report", "Blank cells indicate zero.")) for n in (1, 2)]
    assert running_edges(pages) == {"report"}


def test_a_year_and_its_counts_outside_every_table_is_a_lost_row(towns, vocabulary) -> None:
    """'2017 15 3' left outside every table (a statewide row by year carried overleaf) refuses its page; years
    alone ('2016 2017 2018', a header) and a page number do not."""
    page = Page(2, (), ("2016 2017 2018", "2017 15 3", "B-26"), (0, 0, 0))
    assert [where for where, _ in lost_rows(page, "r.pdf", _lookup(towns), vocabulary, set())] == ["r.pdf, page 2"]
    page = Page(2, (), ("2016 2017 2018", "B-26"), (0, 0))
    assert lost_rows(page, "r.pdf", _lookup(towns), vocabulary, set()) == []


def test_a_continued_title_with_its_table_under_it_promises_no_rows_below(towns, vocabulary) -> None:
    """Under 'Table 1 (continued)' with the table found under it, a statute legend after the table is no row the
    reader lost; with no table under the title, a statute named alone is (its rows are somewhere)."""
    texts = ("Table 1. Arrests by year (continued)", "53a-87: promoting prostitution, 2nd degree")
    found = Page(2, (Table(2, (0, 0, 1, 1), ()),), texts, (0, 1))
    assert lost_rows(found, "r.pdf", _lookup(towns), vocabulary, set()) == []
    missing = Page(2, (), texts, (0, 0))
    assert len(lost_rows(missing, "r.pdf", _lookup(towns), vocabulary, set())) == 1


def _lookup(towns) -> dict[str, str]:
    return {town.casefold(): town for town in towns}


def test_a_tables_title_printed_over_each_of_its_parts_is_no_running_head() -> None:
    """'Table 1 – Arrests ... § 53a-82' printed again at the top of each page the table goes on over is its title
    (its statute is the table's), never a running head dropped from its caption; the report's head still is."""
    title = "Table 1 – Arrests and persons convicted under Conn. Gen. Stat. § 53a-82, by town, 2012–2016"
    pages = [_page(n, ("Annual Report 2016", title, f"page {n}")) for n in (1, 2, 3)]
    assert running_edges(pages) == {"annual report #", "page #"}
    assert running_lines(pages) == {"annual report #", "page #"}
