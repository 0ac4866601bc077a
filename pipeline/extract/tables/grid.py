"""A table region's text as a grid of cells: column bands from `columns`, row bands from the lines and the drawn
rules, each phrase placed in the bands it covers. A phrase running across a column boundary is split at its word
gap there, or stays one cell spanning the columns. Lines of one wrapped cell become one row: within a ruled band,
in a table's header, and where a line only continues the text above it."""

from __future__ import annotations

from bisect import bisect_left

from pipeline.extract.tables.columns import Cut, separators
from pipeline.extract.tables.geometry import Frame
from pipeline.extract.tables.headers import (
    centred_over,
    flush_left_groups,
    header_rows,
    is_valued,
    merge_header,
    stacked_groups,
)
from pipeline.extract.tables.model import Cell, Table, edges_where
from pipeline.extract.tables.parting import aligned_parts, parted_at_rivers
from pipeline.extract.tables.pieces import CONTINUES, Piece, Row
from pipeline.extract.tables.rules import Rule
from pipeline.extract.tables.settings import TableSettings
from pipeline.extract.tables.values import values_in
from pipeline.extract.tables.words import NUMBER, VALUE, TextLine, Word, joined


def build_table(page: int, frame: Frame, lines: list[TextLine], horizontals: list[Rule], verticals: list[Rule],
                settings: TableSettings, captions: bool = False) -> Table | None:
    """The grid of a region's lines, or None if they do not make one. With `captions` (a region found on a
    page, not given), lines set alone across the table at its top and bottom are its title and notes."""
    if not lines:
        return None
    cuts = separators(lines, verticals, settings)
    counts = [values_in(line) for line in lines]
    body = next((index for index, count in enumerate(counts) if count), 0)
    # the line right over the first values, under no line of several phrases: maybe headers run together
    headed = body - 1 if body and all(len(line.phrases) == 1 for line in lines[:body - 1]) else -1
    valued = [line for line, count in zip(lines, counts, strict=True) if count]
    edges = (min(line.x0 for line in valued), max(line.x1 for line in valued)) if valued else None
    placed = stacked_groups(flush_left_groups(centred_over(
        [(line, _place(line, cuts, settings, index == headed, edges if index < body else None,
                       index < body and any(len(other.phrases) >= 2 for other in lines[index + 1:body])))
         for index, line in enumerate(lines)], settings, body), settings, body), settings, body)
    rows = _rows(placed, horizontals, settings, gridded=bool(verticals))
    title, notes = _captions(rows, len(cuts) + 1, settings) if captions else ([], [])
    rows = rows[len(title):len(rows) - len(notes)]
    if not rows:
        return None
    header = header_rows(rows)
    body = len(rows) - header
    rows = merge_header(rows, header, horizontals, settings)
    header = len(rows) - body  # (merging joins header lines only: the body is as it was)
    cells = _cells(rows, frame)
    if not cells:
        return None
    kept = [line for row in rows for line in row.lines]
    bbox = frame.pdf_box(min(line.x0 for line in kept), min(line.top for line in kept),
                         max(line.x1 for line in kept), max(line.bottom for line in kept))
    ruled = bool(horizontals) and bool(verticals)
    return Table(page, bbox, tuple(cells), header_rows=header, ruled=ruled, pages=(page,),
                 title=tuple(" ".join(piece.text for piece in row.pieces) for row in title),
                 notes=tuple(" ".join(piece.text for piece in row.pieces) for row in notes))


def _captions(rows: list[Row], columns: int, settings: TableSettings) -> tuple[list[Row], list[Row]]:
    """Rows at the top and the bottom holding one piece of text across the table, or from its first column over
    at least half of them (a group header centred over some columns is no caption); a label set apart in the
    first column may open running text ('Table 2.' | 'Actual and projected numbers for enrollment in ...'), not
    a header ('Year' | 'Enrollment, in thousands'), and over another header line, not the values."""
    over_header = {id(row) for row, below in zip(rows, rows[1:], strict=False)
                   if not any(values_in(line) for line in below.lines)}

    def caption(row: Row) -> bool:
        pieces = row.pieces
        if columns < 3 or not 1 <= len(pieces) <= 2 or len(pieces) == 2 and (
                pieces[0].first != 0 or pieces[0].last != 0 or pieces[1].first != 1 or
                len(pieces[1].words) < settings.prose_words or id(row) not in over_header):
            return False
        piece = pieces[-1]
        return piece.last - pieces[0].first + 1 == columns or pieces[0].first == 0 and piece.last + 1 >= columns / 2

    top, bottom = edges_where(rows, caption)
    return rows[:top], rows[bottom:]


# ----------------------------------------------------------------------------------------------- columns
def _place(line: TextLine, cuts: list[Cut], settings: TableSettings, header: bool = False,
           edges: tuple[float, float] | None = None, titled: bool = False) -> list[Piece]:
    """A line's phrases in columns; over the first line of values, one parted at every river it crosses is
    column headers run together (tight columns), never a heading across the row; so is one over the values (its
    table's text `edges` given) parting into pieces each lined up with its column's text. Over a header line of
    several phrases (`titled`), running text across the columns is a title's, never cut into cells."""
    pieces: list[Piece] = []
    for phrase in line.phrases:
        parts = aligned_parts(phrase, cuts, edges, settings) if edges is not None else None
        if parts is not None:
            for part, first, last in parts:  # a group header over several columns spans them whole
                pieces += [Piece(piece.words, piece.first, piece.last, True) for piece in
                           _split(part, cuts, settings, True)] if first == last else [Piece(part, first, last)]
            continue
        if titled and len(phrase.words) >= settings.prose_words and \
                sum(1 for word in phrase.words if VALUE.match(word.text)) * 2 < len(phrase.words):
            first, last = _columns_of(phrase.x0, phrase.x1, cuts, settings)
            pieces.append(Piece(list(phrase.words), first, last))
            continue
        pieces += _split(list(phrase.words), cuts, settings, header and parted_at_rivers(phrase, cuts, settings))
    return _clear_of_others(pieces)


def _clear_of_others(pieces: list[Piece]) -> list[Piece]:
    """A piece across a boundary, into a column another piece of its line holds alone, gives that column up: two
    pieces of one line never share a cell ('2015' right-aligned over its counts, reaching left past the river a
    name set hard against them leaves, beside 'Town' over the names)."""
    held = {piece.first for piece in pieces if piece.first == piece.last}
    out = []
    for piece in pieces:
        first, last = piece.first, piece.last
        while first < last and first in held:
            first += 1
        while last > first and last in held:
            last -= 1
        out.append(piece if (first, last) == (piece.first, piece.last) or first in held else
                   Piece(piece.words, first, last, piece.aligned))
    return out


def _split(words: list[Word], cuts: list[Cut], settings: TableSettings, headers: bool = False) -> list[Piece]:
    """Words in the columns they cover; cut at word gaps where column boundaries run through them, if that
    leaves every part inside one column (a title or a group header across several columns stays whole)."""
    first, last = _columns_of(words[0].x0, words[-1].x1, cuts, settings)
    if first == last:
        return [Piece(words, first, last)]
    parts = _cut(words, cuts, settings, headers)
    if parts is not None:
        return parts
    return [Piece(words, first, last)]


def _cut(words: list[Word], cuts: list[Cut], settings: TableSettings, headers: bool = False) -> list[Piece] | None:
    first, last = _columns_of(words[0].x0, words[-1].x1, cuts, settings)
    if first == last:
        return [Piece(words, first, last)]
    if first == 0 and last >= 2 and not headers and not any(VALUE.match(word.text) for word in words):
        return None  # words alone from the names column across two boundaries or more: a heading over the row
    for cut in cuts[first:last]:
        gaps = [index for index in range(1, len(words))  # word gaps within the river the boundary runs down,
                if words[index - 1].x1 <= cut.hi + 0.5 and words[index].x0 >= cut.lo - 0.5 or
                _set_against(words, index) and (words[index].x0 + words[index].x1) / 2 > cut.hi > words[index - 1].x0]
        # (or before a count set hard against the name before it, or printed over its end, past the boundary)
        if gaps:  # before a count set hard against its name; a gap flush with a bank of the river (a column's
            # own edge), the most nearly flush first; else the one nearest the boundary
            flush = settings.flush * words[0].size
            index = min(gaps, key=lambda i: (not (words[i].glued and VALUE.match(words[i].text)),
                                             _banked(words, i, cut, flush),
                                             abs((words[i - 1].x1 + words[i].x0) / 2 - cut)))
            if cut.headed and words[index].x0 < cut.hi - flush and not _set_against(words, index) and \
                    abs(words[index - 1].x1 - cut.lo) > settings.aligned * words[0].size:
                return None  # the right part would start in white space left of its column's header, the left
                # one not set flush with its own column: one phrase over both
            left, right = _cut(words[:index], cuts, settings, headers), _cut(words[index:], cuts, settings, headers)
            if left is None and _set_against(words, index) and words[index - 1].x1 > cut.hi + 0.5:
                # the name the count is set hard against, run over the rule into the count's column: the name's
                left = [Piece(words[:index], _columns_of(words[0].x0, cut.lo, cuts, settings)[0], cuts.index(cut))]
            return None if left is None or right is None else left + right
    return None


def _set_against(words: list[Word], index: int) -> bool:
    """A value printed hard against the word before it ('jurisdictions647'), or a word printed over its end: the
    text of the next cell, the one before run on into it."""
    return bool(words[index].glued and VALUE.match(words[index].text)) or words[index].x0 < words[index - 1].x1 - 0.5


def _banked(words: list[Word], gap: int, cut: Cut, flush: float) -> float:
    """How far the word gap before words[gap] lies from a bank of the river (a column's own text edge); past
    `flush`, all alike."""
    off = min(abs(words[gap - 1].x1 - cut.lo), abs(words[gap].x0 - cut.hi))
    return off if off <= flush else flush + 1


def _columns_of(x0: float, x1: float, cuts: list[Cut], settings: TableSettings) -> tuple[int, int]:
    """The columns a stretch x0..x1 covers. Within a river, what starts right of its boundary belongs to the
    column on the right and what ends left of it to the column on the left, and so does what starts in it and
    runs on past it (a header wider than its column); what lies within it across the boundary covers both (a
    group header centred over two columns). A column it reaches only a little into is not one of them."""
    first = sum(1 for cut in cuts if x0 >= cut.hi - 0.5 or cut.lo <= x0 and (x0 > cut or x1 > cut.hi))
    last = sum(1 for cut in cuts if not (x1 <= cut.lo + 0.5 or x1 <= cut.hi and (x1 < cut or x0 < cut.lo)))
    last = max(first, last)
    width = max(x1 - x0, 1e-6)
    while last > first and (x1 - cuts[last - 1]) < settings.span_minimum * width and x1 <= cuts[last - 1].hi:
        last -= 1
    while first < last and (cuts[first] - x0) < settings.span_minimum * width and x0 >= cuts[first].lo:
        first += 1
    return first, last


# ----------------------------------------------------------------------------------------------- rows
def _rows(placed: list[tuple[TextLine, list[Piece]]], horizontals: list[Rule], settings: TableSettings,
          gridded: bool = True) -> list[Row]:
    """Lines grouped into rows: a band between two drawn rules holding one line of several cells and lines of
    one cell (a wrapped cell) is one row; otherwise each line is a row, unless it only continues the text above."""
    if not placed:
        return []
    left = min(line.x0 for line, _ in placed)
    right = max(line.x1 for line, _ in placed)
    across = sorted({rule.at for rule in horizontals if rule.covers(left, right, 0.4 * (right - left))})
    bands: dict[int, list[tuple[TextLine, list[Piece]]]] = {}
    for line, pieces in placed:
        bands.setdefault(bisect_left(across, line.baseline), []).append((line, pieces))
    wide = {band: sum(1 for _, pieces in members if len({p.first for p in pieces}) >= 2)
            for band, members in bands.items()}
    # rules part the rows when most bands between them, three at least, hold one line of several cells (a ruled
    # grid, rows ruled one by one); rules over and under a header and a body (booktabs) part no rows
    ruled_rows = sum(1 for count in wide.values() if count == 1) >= max(3, 0.6 * sum(1 for c in wide.values() if c))
    edges: dict[int, float] = {}  # each column's right edge: its widest text set in it alone
    for _, pieces in placed:
        for piece in pieces:
            if piece.first == piece.last:
                edges[piece.first] = max(edges.get(piece.first, piece.x1), piece.x1)
    rows: list[Row] = []
    for band, members in sorted(bands.items()):
        bounded = (gridded or ruled_rows) and 0 < band < len(across)
        if bounded and len(members) > 1 and wide[band] <= 1:
            for part in _parted(members, horizontals):  # a rule under part of the band (under a group header)
                row = Row([line for line, _ in part])
                for _, pieces in part:
                    row.pieces += pieces
                rows.append(row)
            continue
        start = len(rows)
        for line, pieces in members:
            if len(rows) > start and _continues(rows[-1], line, pieces, settings, edges):
                rows[-1].lines.append(line)
                rows[-1].pieces += pieces
            else:
                rows.append(Row([line], list(pieces)))
    return rows


def _parted(members: list[tuple[TextLine, list[Piece]]],
            horizontals: list[Rule]) -> list[list[tuple[TextLine, list[Piece]]]]:
    """A band's lines split where a shorter rule runs between two of them under text of the upper one."""
    parts = [[members[0]]]
    for (upper, pieces), below in zip(members, members[1:], strict=False):
        if any(upper.baseline < rule.at < below[0].top and
               any(rule.start - 1 <= piece.words[0].x0 and piece.words[-1].x1 <= rule.end + 1 for piece in pieces)
               for rule in horizontals):
            parts.append([])
        parts[-1].append(below)
    return parts


def _continues(row: Row, line: TextLine, pieces: list[Piece], settings: TableSettings,
               edges: dict[int, float]) -> bool:
    """A line that carries on the cells above it rather than starting a row: close below them, text only (no
    number), every piece under text of the same columns; and visibly unfinished above (a lowercase start in most
    pieces, a joining word or sign at the end) where the text above had no room left for the next word, or with
    no text of its own in the first column (a label's further lines, bullets of one cell)."""
    if not pieces or line.top - row.bottom > settings.row_gap * line.size:
        return False
    if any(is_valued(piece) for piece in pieces):  # a count, or a sign printed for one ('n/a', '–')
        return False
    spans = {(piece.first, piece.last) for piece in row.pieces}
    if not all((piece.first, piece.last) in spans for piece in pieces):
        return False  # narrower pieces under a wide one are its sub-headers, not its further lines
    filled = row.columns()
    first = min(piece.first for piece in pieces)
    if first > 0 and 0 in filled and not any(NUMBER.match(piece.text) for piece in row.pieces):
        return True
    wrapped = [piece for piece in pieces if _no_room(row, piece, edges)]
    lower = sum(1 for piece in wrapped if piece.text[:1].islower())
    if lower * 2 > len(pieces):
        return True
    above = [p for p in row.pieces if p.first == pieces[0].first]
    return len(wrapped) == len(pieces) == 1 and bool(above) and bool(CONTINUES.search(above[-1].text))


def _no_room(row: Row, piece: Piece, edges: dict[int, float]) -> bool:
    """The text above this piece, in its column, could not have taken its first word: a wrap, not a new line.
    (A column is at least as wide as its widest text, so a line with room left was ended on purpose.)"""
    above = [p for p in row.pieces if p.first == piece.first and p.last == piece.last]
    if not above or piece.first != piece.last:
        return True
    word = piece.words[0]
    space = 0.25 * (word.x1 - word.x0) / max(len(word.text), 1)
    return above[-1].x1 + space + (word.x1 - word.x0) > edges.get(piece.first, above[-1].x1) + 0.5


# ----------------------------------------------------------------------------------------------- cells
def _cells(rows: list[Row], frame: Frame) -> list[Cell]:
    """One cell per run of pieces in the same columns; a piece overlapping a cell already made joins it."""
    cells: list[Cell] = []
    for index, row in enumerate(rows):
        owners: dict[int, int] = {}  # column -> its cell's place in `groups`
        groups: list[tuple[int, int, list[Piece]]] = []
        for piece in sorted(row.pieces, key=lambda p: (p.first, -p.last)):
            taken = sorted({owners[c] for c in range(piece.first, piece.last + 1) if c in owners})
            if taken:
                groups[taken[0]][2].append(piece)
                continue
            groups.append((piece.first, piece.last, [piece]))
            owners.update({column: len(groups) - 1 for column in range(piece.first, piece.last + 1)})
        for first, last, pieces in groups:
            words = pieces[0].words if len(pieces) == 1 else [word for piece in pieces for word in piece.words]
            x0, top, x1, bottom, size = words[0].x0, words[0].top, words[-1].x1, words[0].bottom, words[0].size
            for word in words:  # (comparisons, not min/max: this runs for every word of every table)
                if word.top < top:
                    top = word.top
                if word.bottom > bottom:
                    bottom = word.bottom
                if word.x0 < x0:
                    x0 = word.x0
                if word.x1 > x1:
                    x1 = word.x1
                if word.size > size:
                    size = word.size
            cells.append(Cell(index, first, joined(words), 1, last - first + 1,
                              frame.pdf_box(x0, top, x1, bottom), tuple(word.mark for word in words if word.mark),
                              size))
    return cells
