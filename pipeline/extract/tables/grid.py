"""A table region's text as a grid of cells: column bands from `columns`, row bands from the lines and the drawn
rules, each phrase placed in the bands it covers. A phrase running across a column boundary is split at its word
gap there, or stays one cell spanning the columns. Lines of one wrapped cell become one row: within a ruled band,
in a table's header, and where a line only continues the text above it."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from pipeline.extract.tables.columns import Cut, parted_at_rivers, separators, values_in
from pipeline.extract.tables.geometry import Frame
from pipeline.extract.tables.model import Cell, Table, edges_where
from pipeline.extract.tables.rules import Rule
from pipeline.extract.tables.settings import TableSettings
from pipeline.extract.tables.words import NUMBER, VALUE, Phrase, TextLine, Word, phrase_of

_CONTINUES = re.compile(r"(?:[-–,/&(]|\b(?:and|or|of|the|in|for|to|by|on|at|with|from|a|an))$", re.IGNORECASE)


@dataclass
class Piece:
    """Words of one line placed in columns first..last."""

    words: list[Word]
    first: int
    last: int

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

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


def build_table(page: int, frame: Frame, lines: list[TextLine], horizontals: list[Rule], verticals: list[Rule],
                settings: TableSettings, captions: bool = False) -> Table | None:
    """The grid of a region's lines, or None if they do not make one. With `captions` (a region found on a
    page, not given), lines set alone across the table at its top and bottom are its title and notes."""
    if not lines:
        return None
    cuts = separators(lines, verticals, settings)
    body = next((index for index, line in enumerate(lines) if values_in(line)), 0)
    # the line right over the first values, under no line of several phrases: maybe headers run together
    headed = body - 1 if body and all(len(line.phrases) == 1 for line in lines[:body - 1]) else -1
    placed = _stacked_groups(_centred_over([(line, _place(line, cuts, settings, index == headed))
                                            for index, line in enumerate(lines)], settings), settings)
    rows = _rows(placed, horizontals, settings, gridded=bool(verticals))
    title, notes = _captions(rows, len(cuts) + 1) if captions else ([], [])
    rows = rows[len(title):len(rows) - len(notes)]
    if not rows:
        return None
    header = _header_rows(rows)
    rows = _merge_header(rows, header, horizontals, settings)
    header = _header_rows(rows)
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


def _captions(rows: list[Row], columns: int) -> tuple[list[Row], list[Row]]:
    """Rows at the top and the bottom holding one piece of text across the table, or from its first column over
    at least half of them (a group header centred over some columns is no caption)."""
    def caption(row: Row) -> bool:
        if columns < 3 or len(row.pieces) != 1:
            return False
        piece = row.pieces[0]
        return piece.last - piece.first + 1 == columns or piece.first == 0 and piece.last + 1 >= columns / 2

    top, bottom = edges_where(rows, caption)
    return rows[:top], rows[bottom:]


# ----------------------------------------------------------------------------------------------- columns
def _place(line: TextLine, cuts: list[Cut], settings: TableSettings, header: bool = False) -> list[Piece]:
    """A line's phrases in columns; over the first line of values, one parted at every river it crosses is
    column headers run together (tight columns), never a heading across the row."""
    pieces: list[Piece] = []
    for phrase in line.phrases:
        pieces += _split(list(phrase.words), cuts, settings, header and parted_at_rivers(phrase, cuts, settings))
    return pieces


Placed = list[tuple[TextLine, list[Piece]]]


def _centred_over(placed: Placed, settings: TableSettings) -> Placed:
    """A header phrase placed in one column, alone on its line and centred over the headers of two or more
    neighbouring columns right below it, is their group header and spans them, wherever its own short width
    happens to sit ('§53a-86' over 'Arrests' and 'Convictions', in the white space between them). Bottom line
    first, so that a group over groups finds them spanning."""
    out = list(placed)
    counted = [any(_counted(p) for p in pieces) for _, pieces in placed]
    for index in range(len(out) - 2, -1, -1):
        (line, pieces), (below, under) = out[index], out[index + 1]
        if counted[index] or counted[index + 1] or below.top - line.bottom > settings.row_gap * line.size:
            continue
        further = index > 0 and line.top - out[index - 1][0].bottom <= settings.row_gap * line.size
        spans = sorted(under, key=lambda piece: piece.first)
        for phrase in line.phrases:
            mine = [p for p in pieces if any(p.words[0] is word for word in phrase.words)]
            if len(mine) != 1 or mine[0].last != mine[0].first:
                continue  # already cut at the columns' boundaries, or spanning some: placed by its text
            first, last = _by_centre(phrase, mine[0], line, spans, further and out[index - 1][0], settings)
            pieces = [Piece(p.words, first, last) if p is mine[0] else p for p in pieces]
        out[index] = (line, pieces)
    return out


def _by_centre(phrase: Phrase, mine: Piece, line: TextLine, spans: list[Piece], above: TextLine | bool,
               settings: TableSettings) -> tuple[int, int]:
    """The columns a header phrase heads, by the headers right below it (see `_centred_over`)."""
    middle, tolerance = (phrase.x0 + phrase.x1) / 2, settings.centred * phrase.size

    def alone(x0: float, x1: float) -> bool:
        return not any(other is not phrase and other.x0 < x1 and x0 < other.x1 for other in line.phrases)

    if any(abs((p.words[0].x0 + p.x1) / 2 - middle) <= tolerance for p in spans):
        return mine.first, mine.last  # centred over one header: its column's own
    if not (above and any(p.x0 < phrase.x1 and phrase.x0 < p.x1 for p in above.phrases)):  # not a further line
        runs = [spans[i:j] for i in range(len(spans)) for j in range(i + 2, len(spans) + 1)
                if all(b.first == a.last + 1 for a, b in zip(spans[i:j - 1], spans[i + 1:j], strict=False))]
        fits = [run for run in runs if abs((run[0].words[0].x0 + run[-1].x1) / 2 - middle) <= tolerance and
                run[0].words[0].x0 - tolerance <= phrase.x0 and phrase.x1 <= run[-1].x1 + tolerance and
                alone(run[0].words[0].x0, run[-1].x1)]  # alone on its line over them: their group's head
        if fits:
            run = min(fits, key=len)
            return run[0].first, run[-1].last
    return mine.first, mine.last


def _stacked_groups(placed: Placed, settings: TableSettings) -> Placed:
    """A group header wrapped over lines ('PROMOTING' / 'PROSTITUTION IN THE' / 'SECOND DEGREE'): lines of one
    phrase each, stacked tight and centred on one another, centred as a whole over the headers of two or more
    neighbouring columns on the nearest header line below that reaches under them. Every line of it spans
    those columns, however the rivers cut its words."""
    out = list(placed)
    memo: dict[int, bool] = {}

    def valued(i: int) -> bool:  # asked of few lines: most are no stack's
        if i not in memo:
            memo[i] = bool(values_in(out[i][0]))
        return memo[i]

    index = 0
    while index < len(out):
        stack = [index]
        while stack[-1] + 1 < len(out) and _stacks_on(out[stack[-1]][0], out[stack[-1] + 1][0], settings):
            stack.append(stack[-1] + 1)
        index = stack[-1] + 1
        if len(stack) < 2 or any(valued(i) for i in stack):
            continue
        whole = phrase_of([word for i in stack for word in out[i][0].phrases[0].words])
        x0, x1 = min(out[i][0].x0 for i in stack), max(out[i][0].x1 for i in stack)
        whole = Phrase(whole.words, whole.text, x0, x1, whole.top, whole.bottom, whole.size)
        under = _headers_under(out, valued, stack[-1], whole, settings)
        group = _group_of(whole, out[stack[-1]][0], under, settings) if under else None
        if group is not None:
            for i in stack:
                out[i] = (out[i][0], [Piece(list(out[i][0].phrases[0].words), *group)])
    return out


def _stacks_on(upper: TextLine, lower: TextLine, settings: TableSettings) -> bool:
    """Two lines of one phrase each, in one size, tight, centred on one another: one phrase wrapped and
    centred (a title over it is set in another size, or apart)."""
    if len(upper.phrases) != 1 or len(lower.phrases) != 1 or lower.top - upper.bottom > settings.row_gap * upper.size \
            or abs(upper.size - lower.size) > 0.1 * upper.size:
        return False
    return abs(upper.x0 + upper.x1 - lower.x0 - lower.x1) / 2 <= settings.centred * upper.size


def _headers_under(out: Placed, valued, index: int, phrase: Phrase,
                   settings: TableSettings) -> list[Piece]:
    """The pieces of the nearest line below, among the header lines stacked tight under this one, that reaches
    under the phrase; none if a line of values comes first."""
    above = out[index][0]
    for offset, (line, pieces) in enumerate(out[index + 1:], start=index + 1):
        if line.top - above.bottom > settings.row_gap * line.size or valued(offset):
            return []
        if any(p.words[0].x0 < phrase.x1 and phrase.x0 < p.x1 for p in pieces):
            return sorted(pieces, key=lambda piece: piece.first)
        above = line
    return []


def _group_of(phrase: Phrase, line: TextLine, spans: list[Piece], settings: TableSettings) -> tuple[int, int] | None:
    """The neighbouring columns (two or more) whose headers a phrase is centred over, alone on its line; None if
    it is centred over one header (that column's own) or over none."""
    middle, tolerance = (phrase.x0 + phrase.x1) / 2, settings.centred * phrase.size
    if any(abs((p.words[0].x0 + p.x1) / 2 - middle) <= tolerance for p in spans):
        return None
    runs = [spans[i:j] for i in range(len(spans)) for j in range(i + 2, len(spans) + 1)
            if all(b.first == a.last + 1 for a, b in zip(spans[i:j - 1], spans[i + 1:j], strict=False))]
    fits = [run for run in runs if abs((run[0].words[0].x0 + run[-1].x1) / 2 - middle) <= tolerance and
            run[0].words[0].x0 - tolerance <= phrase.x0 and phrase.x1 <= run[-1].x1 + tolerance and
            not any(other.x0 < run[-1].x1 and run[0].words[0].x0 < other.x1 for other in line.phrases
                    if other.words[0] not in phrase.words)]
    return None if not fits else (min(fits, key=len)[0].first, min(fits, key=len)[-1].last)


def _counted(piece: Piece) -> bool:
    """A number that is no year: a line printing one is a row of values, not a header."""
    return bool(NUMBER.match(piece.text)) and not _YEAR.match(piece.text.strip())


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
        gaps = [index for index in range(1, len(words))  # word gaps within the river the boundary runs down
                if words[index - 1].x1 <= cut.hi + 0.5 and words[index].x0 >= cut.lo - 0.5]
        if gaps:  # a gap flush with a bank of the river (a column's own edge), else the one nearest the boundary
            flush = settings.flush * words[0].size
            index = min(gaps, key=lambda i: (min(abs(words[i - 1].x1 - cut.lo), abs(words[i].x0 - cut.hi)) > flush,
                                             abs((words[i - 1].x1 + words[i].x0) / 2 - cut)))
            left, right = _cut(words[:index], cuts, settings, headers), _cut(words[index:], cuts, settings, headers)
            return None if left is None or right is None else left + right
    return None


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
    if any(_valued(piece) for piece in pieces):  # a count, or a sign printed for one ('n/a', '–')
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
    return len(wrapped) == len(pieces) == 1 and bool(above) and bool(_CONTINUES.search(above[-1].text))


def _no_room(row: Row, piece: Piece, edges: dict[int, float]) -> bool:
    """The text above this piece, in its column, could not have taken its first word: a wrap, not a new line.
    (A column is at least as wide as its widest text, so a line with room left was ended on purpose.)"""
    above = [p for p in row.pieces if p.first == piece.first and p.last == piece.last]
    if not above or piece.first != piece.last:
        return True
    word = piece.words[0]
    space = 0.25 * (word.x1 - word.x0) / max(len(word.text), 1)
    return above[-1].x1 + space + (word.x1 - word.x0) > edges.get(piece.first, above[-1].x1) + 0.5


# ----------------------------------------------------------------------------------------------- header
def _numeric(piece: Piece) -> bool:
    return bool(NUMBER.match(piece.text))


def _valued(piece: Piece) -> bool:
    """A number, or a sign printed for one (a dash, an asterisk for a suppressed count)."""
    return bool(NUMBER.match(piece.text) or VALUE.match(piece.text))


def _header_rows(rows: list[Row]) -> int:
    """Rows above the first that prints a number beside its label (the body); none if no row does. Years rising
    along a row (2005, 2006, ...) head columns, they are not counts. Rows right above the body that print in the
    first column alone, under a header that heads the other columns, are the body's: a heading over its rows,
    or a name whose cells are all blank."""
    for index, row in enumerate(rows):
        if _years_along(row):
            continue
        valued = sum(1 for piece in row.pieces if _valued(piece))
        worded = sum(1 for piece in row.pieces if piece.first > 0 and not _valued(piece))
        if any(_valued(piece) and piece.first > 0 for piece in row.pieces) and \
                valued >= max(1, len(row.pieces) // 2) and worded <= valued:  # not 'Year Number 100,000'
            while index > 1 and all(piece.first == 0 for piece in rows[index - 1].pieces) and \
                    any(piece.first > 0 for above in rows[:index - 1] for piece in above.pieces):
                index -= 1
            return index
    return 0


_YEAR = re.compile(r"^(?:FY\s*)?((?:19|20)\d\d)(?:\s*[-–—/]\s*(?:(?:19|20)?\d\d))?\W{0,2}$", re.IGNORECASE)


def _years_along(row: Row) -> bool:
    """Two or more cells right of the first column that are years, and no other number: a header of years
    (rising, or rising again under each group header: 2010 2011 2012 2010 2011 2012)."""
    years = [int(match.group(1)) for piece in sorted(row.pieces, key=lambda p: p.first) if piece.first > 0
             for match in [_YEAR.match(piece.text.strip())] if match]
    numbers = sum(1 for piece in row.pieces if piece.first > 0 and _numeric(piece))
    runs = [1]  # lengths of the rising runs the years make
    for before, after in zip(years, years[1:], strict=False):
        if after > before:
            runs[-1] += 1
        else:
            runs.append(1)
    return len(years) >= 2 and len(years) >= numbers and min(runs) >= 2


def _merge_header(rows: list[Row], header: int, horizontals: list[Rule], settings: TableSettings) -> list[Row]:
    """Header lines wrapped within their columns are one header row; a line with a phrase spanning columns (a
    group header), and a line of years (never the end of a wrapped phrase), stay rows of their own."""
    if header <= 1:
        return rows
    merged: list[Row] = []
    for row in rows[:header]:
        spanning = any(piece.first != piece.last for piece in row.pieces)
        spans = {(piece.first, piece.last) for piece in row.pieces}
        if merged and spanning and merged[-1].spanning and len(spans) == 1 and \
                spans == {(piece.first, piece.last) for piece in merged[-1].pieces} and \
                _wraps(merged[-1], row, settings) and \
                row.top - merged[-1].bottom <= settings.row_gap * row.lines[0].size:
            merged[-1].lines += row.lines  # one group header wrapped over lines, centred over the same columns
            merged[-1].pieces += row.pieces
            continue
        if merged and not spanning and not merged[-1].spanning and not _years_along(row) and \
                _wraps(merged[-1], row, settings) and \
                row.top - merged[-1].bottom <= settings.row_gap * row.lines[0].size and \
                not any(merged[-1].bottom - 1 <= rule.at <= row.top + 1 for rule in horizontals):
            merged[-1].lines += row.lines
            merged[-1].pieces += row.pieces
            continue
        merged.append(Row(list(row.lines), list(row.pieces), spanning))
    return merged + rows[header:]


def _wraps(upper: Row, lower: Row, settings: TableSettings) -> bool:
    """In every column, the upper row's text lines up with the lower row's (flush left, flush right or centred
    on it), or has none under it: one header wrapped over lines, not a label set over another."""
    def extents(row: Row) -> dict[tuple[int, int], tuple[float, float, float]]:
        spans: dict[tuple[int, int], tuple[float, float, float]] = {}
        for piece in row.pieces:
            x0, x1, size = spans.get((piece.first, piece.last), (piece.words[0].x0, piece.x1, piece.words[0].size))
            spans[(piece.first, piece.last)] = (min(x0, piece.words[0].x0), max(x1, piece.x1), size)
        return spans

    below = extents(lower)
    for key, (x0, x1, size) in extents(upper).items():
        if key in below:
            u0, u1, _ = below[key]
            if min(abs(x0 - u0), abs(x1 - u1), abs(x0 + x1 - u0 - u1) / 2) > settings.centred * size:
                return False
    return True


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
            for word in words:
                top, bottom = min(top, word.top), max(bottom, word.bottom)
                x0, x1, size = min(x0, word.x0), max(x1, word.x1), max(size, word.size)
            cells.append(Cell(index, first, " ".join(piece.text for piece in pieces), 1, last - first + 1,
                              frame.pdf_box(x0, top, x1, bottom), tuple(word.mark for word in words if word.mark),
                              size))
    return cells
