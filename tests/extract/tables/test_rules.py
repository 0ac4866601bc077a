"""The rules phase alone: drawn pieces of one printed line joined into one rule (a grid is often drawn cell by cell),
and pieces too short to be table lines (a letter's underline, a bullet's dash) dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract.tables.geometry import Box
from pipeline.extract.tables.rules import Rule, join_rules, within
from pipeline.extract.tables.settings import DEFAULT
from tests.extract.tables.drawing import Sheet, geometry

BODY = 11.69  # the loose-box size of 10 pt Helvetica, the size the reader scales its rule tolerances by
JOIN, MINIMUM = DEFAULT.rule_join * BODY, DEFAULT.rule_min_length * BODY  # about 2.9 and 9.4 pt

near = pytest.approx


def _rules(sheet: Sheet) -> tuple[list[Rule], list[Rule]]:
    return join_rules(geometry(sheet.save()).rules, JOIN, MINIMUM)


def test_collinear_pieces_within_the_join_distance_are_one_rule(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "pieces.pdf")
    sheet.line(72, 700, 150, 700).line(151, 700, 230, 700).line(232, 700, 300, 700)  # gaps of 1 and 2 pt
    sheet.line(400, 700, 400, 650).line(400, 648, 400, 600)  # a vertical in two pieces, 2 pt apart
    horizontals, verticals = _rules(sheet)
    assert len(horizontals) == 1 and len(verticals) == 1
    (rule,) = horizontals
    assert rule.at == near(92, abs=0.1) and rule.start == near(72, abs=0.6) and rule.end == near(300, abs=0.6)
    (vertical,) = verticals
    assert vertical.at == near(400, abs=0.1)
    assert vertical.start == near(92, abs=0.6) and vertical.end == near(192, abs=0.6)


def test_pieces_further_apart_than_the_join_distance_stay_apart(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "apart.pdf")
    sheet.line(72, 700, 150, 700).line(160, 700, 300, 700)  # 10 pt apart: two rules (two column groups' lines)
    horizontals, _ = _rules(sheet)
    assert [(round(r.start), round(r.end)) for r in horizontals] == [(72, 150), (160, 300)]


def test_pieces_on_different_lines_are_not_joined(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "lines.pdf")
    sheet.line(72, 700, 300, 700).line(72, 699.5, 300, 699.5)  # drawn twice, half a point apart: one rule
    sheet.line(72, 600, 300, 600).line(72, 597, 300, 597)  # a double rule 3 pt apart: two rules
    horizontals, _ = _rules(sheet)
    assert [round(r.at, 1) for r in horizontals] == [near(92.2, abs=0.3), 192.0, 195.0]


def test_short_pieces_are_dropped(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "short.pdf")
    sheet.line(72, 700, 78, 700)  # 6 pt: a dash drawn as a path, not a table line
    sheet.line(72, 650, 92, 650)  # 20 pt: a rule
    sheet.line(200, 700, 200, 694)  # a 6 pt vertical tick
    horizontals, verticals = _rules(sheet)
    assert [round(r.at) for r in horizontals] == [142] and verticals == []


def test_a_grid_drawn_cell_by_cell_is_whole_rules(tmp_path: Path) -> None:
    """Three columns by two rows of boxes, each drawn on its own, touching: full-length lines of the grid."""
    sheet = Sheet(tmp_path / "cells.pdf")
    xs, ys = (72, 200, 300, 400), (700, 680, 660)
    for left, right in zip(xs, xs[1:], strict=False):
        for high, low in zip(ys, ys[1:], strict=False):
            sheet.outline(left, low, right - left, high - low)
    horizontals, verticals = _rules(sheet)
    assert [(r.at, r.start, r.end) for r in horizontals] == [(792 - y, 72, 400) for y in ys]
    assert [(r.at, r.start, r.end) for r in verticals] == [(x, 92, 132) for x in xs]


def test_rule_tolerances_come_from_the_caller(tmp_path: Path) -> None:
    """The same pieces joined or not by the join distance, kept or not by the minimum length."""
    pieces = [Box(72, 100, 150, 100), Box(155, 100, 300, 100), Box(72, 200, 80, 200)]
    assert [(r.start, r.end) for r in join_rules(pieces, 3, 9)[0]] == [(72, 150), (155, 300)]
    assert [(r.start, r.end) for r in join_rules(pieces, 6, 9)[0]] == [(72, 300)]
    assert [(r.start, r.end) for r in join_rules(pieces, 6, 5)[0]] == [(72, 300), (72, 80)]


def test_covers_and_within() -> None:
    rule = Rule(100, 72, 300)
    assert rule.covers(75, 295, 5) and not rule.covers(60, 295, 5) and rule.covers(60, 295, 15)
    rules = [rule, Rule(200, 72, 150), Rule(300, 400, 500)]
    assert within(rules, 90, 250, 100, 200) == [rule, Rule(200, 72, 150)]
    assert within(rules, 90, 250, 160, 200) == [rule]  # the second ends before 160
    assert within(rules, 250, 400, 72, 600) == [Rule(300, 400, 500)]
