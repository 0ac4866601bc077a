"""Lines outside every table: running heads and feet told from captions, legends and rows."""

from __future__ import annotations

from pipeline.extract.meaning.loose import running_edges
from pipeline.extract.tables.model import Page


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
