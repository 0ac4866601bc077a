"""Words of a table's lines placed in its columns (pieces), and rows of them: what the grid phase builds cells
from and the header phase reads."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.extract.tables.words import TextLine, Word, joined

CONTINUES = re.compile(r"(?:[-–,/&(]|\b(?:and|or|of|the|in|for|to|by|on|at|with|from|per|a|an))$", re.IGNORECASE)
"""Text that visibly runs on to the next line: a joining sign or word at its end ('Rate per' / '100,000')."""


@dataclass
class Piece:
    """Words of one line placed in columns first..last."""

    words: list[Word]
    first: int
    last: int
    aligned: bool = False  # parted from a phrase whose parts each line up with one column (headers run together)

    @property
    def text(self) -> str:
        return joined(self.words)

    @property
    def x1(self) -> float:
        return self.words[-1].x1



@dataclass
class Row:
    lines: list[TextLine]
    pieces: list[Piece] = field(default_factory=list)
    spanning: bool = False  # a header line with a phrase across columns (a group header)

    @property
    def top(self) -> float:
        return self.lines[0].top

    @property
    def bottom(self) -> float:
        return self.lines[-1].bottom

    def columns(self) -> set[int]:
        return {column for piece in self.pieces for column in range(piece.first, piece.last + 1)}



Placed = list[tuple[TextLine, list[Piece]]]
