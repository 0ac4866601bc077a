"""The ICDAR 2013 relation metric (tests/benchmarks/icdar_metric.py) on the real competition files and on grids
built to show one property each: a scorer that is wrong makes every benchmark number wrong."""

from __future__ import annotations

import shutil
from collections import Counter

import pytest
from bench_icdar import Pdfplumber, PredictedTable, assemble, data_folder, pinned_url, run_complete, run_region, verify
from hypothesis import given, settings
from hypothesis import strategies as st
from icdar_metric import (
    DOWN,
    RIGHT,
    Cell,
    Document,
    Reading,
    Region,
    Score,
    TruthTable,
    as_cell,
    best_of,
    blocks_beside,
    cells_from_grid,
    compare,
    discover,
    normalise,
    parse_regions,
    parse_structure,
    place_blocks,
    relations,
    score_tables,
)

FOLDER = data_folder()


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    if not (FOLDER / "SHA256SUMS").is_file():
        pytest.skip(f"the ICDAR 2013 mirror is absent ({FOLDER}; set CTIP_DATA_MIRROR to the folder holding it)")
    try:
        verify(FOLDER)
    except SystemExit as refused:  # a changed or missing file: every number of the benchmark would be off
        pytest.fail(str(refused))
    return {document.name: document for document in discover(FOLDER)}


def reading(documents: dict[str, Document], name: str) -> Reading:
    return next(r for d in documents.values() for r in d.readings if r.name == name)


def all_tables(documents: dict[str, Document]) -> list[tuple[str, TruthTable]]:
    return [(r.name, t) for d in documents.values() for r in d.readings for t in r.tables]


# ---------------------------------------------------------------------------------------------------------------
# The real files


def test_the_folder_holds_the_competition_half(documents):
    odd = {f"eu-{n:03d}" for n in range(1, 28, 2)} | {f"us-{n:03d}" for n in range(1, 40, 2)}
    assert odd <= set(documents)  # the 34 odd-numbered documents (a full mirror would hold the even ones too)
    two = {d.name: ([r.name for r in d.readings], d.pdf) for d in documents.values() if len(d.readings) > 1}
    assert {name: two[name] for name in ("eu-009", "us-011", "us-031", "us-035")} == {
        "eu-009": (["eu-009a", "eu-009b"], "eu-009a.pdf"), "us-011": (["us-011a", "us-011b"], "us-011a.pdf"),
        "us-031": (["us-031a", "us-031b"], "us-031a.pdf"), "us-035": (["us-035a", "us-035b"], "us-035a.pdf")}
    assert pinned_url("us-035b-str.xml") == (
        "https://raw.githubusercontent.com/camelot-dev/camelot/2b80d0bc692d1b22203c3385e77da8201675aa50/"
        "tests/files/tabula/icdar2013-dataset/competition-dataset-us/us-035b-str.xml")


def test_truth_scored_against_itself_is_exactly_one_for_every_document(documents):
    for document in documents.values():
        for r in document.readings:
            score = score_tables([t.cells for t in r.tables], [t.cells for t in r.tables])
            assert score.truth > 0, r.name
            assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0), r.name


def test_first_table_of_eu_001_reads_as_printed(documents):
    (table, *_) = reading(documents, "eu-001").tables
    assert table.regions == (Region(1, (100.0, 451.0, 482.0, 543.0)),)
    found = relations(table.cells)
    assert found[("thresholdforreleases", "toairkg/year", DOWN)] == 1
    assert found[("carbondioxide(co2)", "100million", RIGHT)] == 1
    assert found[("100million", "-", RIGHT)] == 1


def test_swapping_two_columns_lowers_f1_in_every_real_table(documents):
    for name, table in all_tables(documents):
        cells = table.cells
        first, second = sorted({c.col for c in cells})[:2]
        swapped = [Cell(c.row, {first: second, second: first}.get(c.col, c.col) if c.col_span == 1 else c.col,
                        c.row_span, c.col_span, c.text) for c in cells]
        score = compare(relations(swapped), relations(cells))
        assert score.f1 < 1.0, (name, table.id)
        assert score.precision < 1.0, (name, table.id)


def test_dropping_the_last_row_lowers_recall_not_precision_in_every_real_table(documents):
    for name, table in all_tables(documents):
        cells = table.cells
        last = max(c.row for c in cells)
        score = compare(relations([c for c in cells if c.row != last]), relations(cells))
        assert score.precision == 1.0, (name, table.id)
        assert score.recall < 1.0, (name, table.id)


def test_a_spanning_header_looks_down_once_per_column_it_spans(documents):
    (table, *_) = reading(documents, "eu-001").tables
    header = next(c for c in table.cells if c.text == "THRESHOLD FOR RELEASES")
    assert (header.col, header.col_span) == (1, 3)
    below = {b for a, b, direction in relations(table.cells) if a == "thresholdforreleases" and direction == DOWN}
    assert below == {"toairkg/year", "towaterkg/year", "tolandkg/year"}


def test_increments_place_side_by_side_regions_in_one_grid(documents):
    table = reading(documents, "us-035a").tables[1]
    assert [(s.page, s.row_increment, s.col_increment) for s in table.structure] == [(3, 0, 0), (3, 0, 2), (3, 0, 4)]
    joined = relations(table.cells)
    # "Total population" heads blocks 1 and 2; the block to its right starts with "Age": two relations across blocks
    assert joined[("totalpopulation", "age", RIGHT)] == 2
    assert joined[("3,533,692", "40years", RIGHT)] == 1  # row 2: "Under 1 year | 3,533,692 | 40 years | ..."
    unplaced = relations(c for s in table.structure for c in s.cells)  # increments ignored: blocks on top of each other
    assert unplaced[("totalpopulation", "age", RIGHT)] == 0


def test_a_uniform_increment_changes_no_relation(documents):
    # us-017 writes row-increment -1 on every region, us-019 +1 on one single-region table: a shift of the whole grid
    for name in ("us-017", "us-019", "eu-009b"):
        for table in reading(documents, name).tables:
            raw = [c for s in table.structure for c in s.cells]
            assert relations(table.cells) == relations(raw), name


def test_regions_read_one_by_one_and_joined_as_they_lie_make_the_true_grid(documents):
    # us-035b gives the side-by-side table as three regions: each region's cells alone, joined by place_blocks,
    # must score exactly like the truth (the rule the benchmark applies to a reader's per-region tables)
    r = reading(documents, "us-035b")
    table = r.tables[1]
    assert len(table.regions) == len(table.structure) == 3
    assert blocks_beside(table.regions) == [False, True, True]
    blocks = [list(s.cells) for s in table.structure]
    assert compare(relations(place_blocks(blocks, blocks_beside(table.regions))), relations(table.cells)).f1 == 1.0
    # and the benchmark's assembly: tables matched to regions by page and box overlap, strays kept apart
    predicted = [PredictedTable(region.page, region.bbox, list(s.cells))
                 for t in r.tables for region, s in zip(t.regions, t.structure, strict=True)]
    stray = PredictedTable(1, (0.0, 0.0, 10.0, 10.0), cells_from_grid([["x", "y"]]))
    grids = assemble(r.tables, [*reversed(predicted), stray])
    assert score_tables(grids[:-1], [t.cells for t in r.tables]).f1 == 1.0
    assert score_tables(grids, [t.cells for t in r.tables]) == Score(543, 544, 543)


def test_blocks_on_different_pages_go_one_below_the_other():
    regions = [Region(2, (10, 10, 100, 100)), Region(3, (10, 10, 100, 100)), Region(3, (120, 10, 200, 100))]
    assert blocks_beside(regions) == [False, False, True]
    placed = place_blocks([cells_from_grid([["a"]]), cells_from_grid([["b"], ["c"]]), cells_from_grid([["d"]])],
                          blocks_beside(regions))
    assert {(c.row, c.col, c.text) for c in placed} == {(0, 0, "a"), (1, 0, "b"), (2, 0, "c"), (1, 1, "d")}


def test_the_col_end_quirk_of_us_002_parses(documents):
    # us-002 (in the half kept back) writes col-end= once for end-col=; eu-001 spells spans the usual way
    original = (FOLDER / "eu-001-str.xml").read_bytes()
    assert b"end-col=" in original
    quirky = original.replace(b"end-col=", b"col-end=")
    assert parse_structure(quirky) == parse_structure(original)
    assert any(c.col_span > 1 for s in parse_structure(quirky).values() for region in s for c in region.cells)


def test_region_boxes_are_normalised_to_x0_y0_x1_y1():
    xml = b"""<document><table id='1'><region id='1' page='2'>
      <bounding-box x1='300' y1='500' x2='100' y2='200'/></region></table></document>"""
    assert parse_regions(xml) == {"1": (Region(2, (100.0, 200.0, 300.0, 500.0)),)}


def test_best_of_two_readings(documents):
    for name in ("eu-009", "us-011", "us-031"):
        a, b = documents[name].readings
        for chosen, other in ((a, b), (b, a)):
            prediction = chosen.relations()
            scores = {r.name: compare(prediction, r.relations()) for r in (a, b)}
            assert best_of(scores) == (chosen.name, scores[chosen.name])
            assert scores[chosen.name].f1 == 1.0 > scores[other.name].f1
    assert best_of({"x": Score(1, 2, 2), "y": Score(2, 2, 2)})[0] == "y"
    assert best_of({"x": Score(2, 2, 2), "y": Score(2, 2, 2)})[0] == "x"  # a tie keeps the first (the a reading)


# ---------------------------------------------------------------------------------------------------------------
# Normalisation


@pytest.mark.parametrize(("printed", "read"), [
    ("1990–2000", "1990-2000"),  # en dash
    ("1990—2000", "1990-2000"),  # em dash
    ("−5", "-5"),  # minus sign
    ("\u00ad5", "-5"),  # WinAnsi's hyphen comes out as a soft hyphen
    ("‐‑‒―", "----"),
    ("“Total”", '"total"'),
    ("„Total‟", '"total"'),
    ("men’s", "men's"),
    ("‘a’", "'a'"),
    ("men´s", "men's"),  # an acute accent typed as an apostrophe
    ("''a''", '"a"'),
    ("Total\npopulation", "Total population"),
    ("3 533 692", "3533692"),
    ("a\u00a0b\tc\u2003d", "abcd"),
    ("TOTAL", "total"),
    ("ﬁnancial", "financial"),  # NFKC: ligature
    ("１２３", "123"),  # NFKC: full width
    ("CO₂", "co2"),  # NFKC: subscript
    ("x\u200by", "xy"),  # zero-width space
])
def test_normalisation_makes_equal_what_should_be_equal(printed, read):
    assert normalise(printed) == normalise(read)


@pytest.mark.parametrize(("one", "other"), [("1,234", "1.234"), ("a-b", "ab"), ("(1)", "1"), ("26ß", "260")])
def test_normalisation_keeps_apart_what_differs(one, other):
    assert normalise(one) != normalise(other)


@given(st.text(max_size=40))
def test_normalised_text_is_a_fixed_point_without_whitespace(text):
    once = normalise(text)
    assert normalise(once) == once
    assert not any(ch.isspace() for ch in once)


def test_a_table_spelled_differently_scores_one():
    truth = cells_from_grid([["Age group", "Total – all"], ["“Under 5”", "3 533"]])
    read = cells_from_grid([["AGE\nGROUP", "Total - all"], ['"under 5"', "3533"]])
    assert score_tables([read], [truth]).f1 == 1.0


# ---------------------------------------------------------------------------------------------------------------
# Relations on small grids


def test_empty_cells_are_skipped_not_ends_of_relations():
    found = relations(cells_from_grid([["a", "", "c"], ["", None, " "], ["g", "h", "i"]]))
    assert found == Counter({("a", "c", RIGHT): 1, ("a", "g", DOWN): 1, ("c", "i", DOWN): 1,
                             ("g", "h", RIGHT): 1, ("h", "i", RIGHT): 1})


def test_a_cell_spanning_rows_looks_right_once_per_row():
    left = Cell(0, 0, row_span=2, text="S")
    found = relations([left, Cell(0, 1, text="x"), Cell(1, 1, text="y")])
    assert found == Counter({("s", "x", RIGHT): 1, ("s", "y", RIGHT): 1, ("x", "y", DOWN): 1})
    # the same neighbour on both rows is one relation: relations are between cells
    assert relations([left, Cell(0, 1, row_span=2, text="T")]) == Counter({("s", "t", RIGHT): 1})


def test_a_cell_spanning_columns_looks_down_once_per_column():
    found = relations([Cell(0, 0, col_span=3, text="H"), *cells_from_grid([[], ["a", "b", "c"]])])
    assert found == Counter({("h", "a", DOWN): 1, ("h", "b", DOWN): 1, ("h", "c", DOWN): 1,
                             ("a", "b", RIGHT): 1, ("b", "c", RIGHT): 1})


def test_relations_are_compared_as_multisets():
    pair = cells_from_grid([["n", "1"]])  # one relation: (n, 1, right)
    truth = [pair, pair]  # two tables of a document: the relation twice
    assert score_tables([pair], truth) == Score(1, 1, 2)
    assert score_tables([pair, pair, pair], truth) == Score(2, 3, 2)  # predicted thrice: one too many
    assert score_tables([], truth) == Score(0, 0, 2)
    assert Score(0, 0, 2).precision is None and Score(0, 0, 2).recall == 0.0 and Score(0, 0, 2).f1 == 0.0
    assert Score(0, 0, 0).f1 == 1.0  # nothing to find, nothing found


def test_any_tools_cells_go_through_one_scorer():
    truth = [Cell(0, 0, 1, 2, "H"), Cell(1, 0, text="a"), Cell(1, 1, text="b")]
    as_tuples = [(0, 0, 1, 2, "H"), (1, 0, 1, 1, "a"), (1, 1, 1, 1, "b")]
    as_json = [{"row": 0, "col": 0, "col_span": 2, "text": "H"}, {"row": 1, "col": 0, "text": "a"},
               {"row": 1, "col": 1, "row_span": 1, "col_span": 1, "text": "b"}]
    assert [as_cell(c) for c in as_json] == [as_cell(c) for c in as_tuples] == truth
    assert score_tables([as_tuples], [truth]).f1 == score_tables([as_json], [truth]).f1 == 1.0
    # a tool without spans: the header sits in its first column only and loses its relation to "b"
    assert score_tables([cells_from_grid([["H", ""], ["a", "b"]])], [truth]) == Score(2, 2, 3)


grids = st.integers(2, 6).flatmap(lambda rows: st.integers(2, 6).flatmap(lambda cols: st.lists(
    st.text("abcdefghij0123456789", min_size=1, max_size=4), min_size=rows * cols, max_size=rows * cols,
    unique=True).map(lambda texts: [texts[r * cols:(r + 1) * cols] for r in range(rows)])))


@settings(max_examples=60, deadline=None)
@given(grids, st.data())
def test_swapping_two_columns_of_a_full_grid_lowers_f1(grid, data):
    first, second = data.draw(st.lists(st.integers(0, len(grid[0]) - 1), min_size=2, max_size=2, unique=True))
    swapped = [list(row) for row in grid]
    for row in swapped:
        row[first], row[second] = row[second], row[first]
    score = score_tables([cells_from_grid(swapped)], [cells_from_grid(grid)])
    assert score.f1 < 1.0
    assert score.predicted == score.truth  # as many relations, some of them wrong


@settings(max_examples=60, deadline=None)
@given(grids, st.sampled_from(["first", "last"]))
def test_dropping_an_outer_row_lowers_recall_not_precision(grid, which):
    kept = grid[1:] if which == "first" else grid[:-1]
    score = score_tables([cells_from_grid(kept)], [cells_from_grid(grid)])
    assert score.precision == 1.0
    assert score.recall < 1.0


@settings(max_examples=60, deadline=None)
@given(grids, st.integers(-5, 5), st.integers(-5, 5))
def test_relations_do_not_depend_on_where_the_grid_starts(grid, dr, dc):
    cells = cells_from_grid(grid)
    assert relations(Cell(c.row + dr, c.col + dc, 1, 1, c.text) for c in cells) == relations(cells)


def test_the_data_folder_is_checked_against_its_sums(documents):
    sums = verify(FOLDER)
    assert len(sums) == 110
    assert all(name in sums for d in documents.values() for name in (d.pdf, *(
        f"{r.name}-{kind}.xml" for r in d.readings for kind in ("reg", "str"))))



def test_the_runner_scores_a_real_tool_on_both_readings(documents, tmp_path):
    # us-011's readings differ in one region box: the region task runs the tool once per box layout
    document = documents["us-011"]
    shutil.copyfile(FOLDER / document.pdf, tmp_path / document.pdf)
    tool = Pdfplumber("lines")
    region = run_region(tool, tmp_path, document, timeout=120)
    assert not region.errors and len(region.runs) == 2
    assert set(region.scores) == {"us-011a", "us-011b"}
    assert region.score == region.scores[region.reading] == max(region.scores.values(), key=lambda s: s.f1)
    assert region.score.truth == sum(reading(documents, region.reading).relations().values())
    complete = run_complete(tool, tmp_path, document, timeout=120)
    assert not complete.errors and complete.pages == 3 and complete.score.predicted > 0
    assert sum(complete.missing.values()) == complete.score.truth - complete.score.correct
    assert sum(complete.extra.values()) == complete.score.predicted - complete.score.correct


def test_a_tool_that_raises_scores_zero_and_the_error_is_counted(documents, tmp_path):
    document = documents["eu-023"]
    (tmp_path / document.pdf).write_bytes((FOLDER / "eu-023-str.xml").read_bytes())  # not a PDF: the tool raises
    result = run_complete(Pdfplumber("lines"), tmp_path, document, timeout=120)
    assert len(result.errors) == 1
    assert result.score == Score(0, 0, 66) and result.score.f1 == 0.0
