"""Drawn rules as lines: pieces of one printed line (a grid is often drawn cell by cell) joined into one, so that
the grid they draw can be read: where columns and rows part, and which cells span."""

from __future__ import annotations

from pipeline.extract.tables.geometry import Box
from pipeline.extract.tables.model import record


@record
class Rule:
    at: float  # y of a horizontal rule, x of a vertical one (reading frame)
    start: float  # where it begins along its length
    end: float

    def covers(self, low: float, high: float, slack: float) -> bool:
        """It runs all along low..high (within slack at either end)."""
        return self.start <= low + slack and self.end >= high - slack


def join_rules(boxes: tuple[Box, ...] | list[Box], join: float, minimum: float) -> tuple[list[Rule], list[Rule]]:
    """Horizontal and vertical rules, collinear pieces joined where they touch or nearly so (within `join` pt);
    a rule shorter than `minimum` pt is a glyph's part, not a table line."""
    horizontal = [(round((b.top + b.bottom) / 2, 1), b.x0, b.x1) for b in boxes if b.horizontal]
    vertical = [(round((b.x0 + b.x1) / 2, 1), b.top, b.bottom) for b in boxes if not b.horizontal]
    return _join(horizontal, join, minimum), _join(vertical, join, minimum)


def _join(pieces: list[tuple[float, float, float]], join: float, minimum: float) -> list[Rule]:
    rules: list[Rule] = []
    lines: list[list[tuple[float, float, float]]] = []
    for piece in sorted(pieces):
        if lines and piece[0] - lines[-1][0][0] <= 1.0:  # thick or double-drawn rules within a point are one
            lines[-1].append(piece)
        else:
            lines.append([piece])
    for members in lines:
        at = sum(piece[0] for piece in members) / len(members)
        spans = sorted((start, end) for _, start, end in members)
        current = list(spans[0])
        for start, end in spans[1:]:
            if start <= current[1] + join:
                current[1] = max(current[1], end)
            else:
                rules.append(Rule(at, current[0], current[1]))
                current = [start, end]
        rules.append(Rule(at, current[0], current[1]))
    return [rule for rule in rules if rule.end - rule.start >= minimum]


def within(rules: list[Rule], low: float, high: float, start: float, end: float) -> list[Rule]:
    """Rules whose position lies in low..high and which overlap start..end along their length."""
    return [rule for rule in rules if low <= rule.at <= high and rule.end > start and rule.start < end]
