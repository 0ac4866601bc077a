"""The header phase: which rows of a table's grid are its header, which header lines are one wrapped header, and
which header phrases head a group of columns (by their centre over the headers under them)."""

from __future__ import annotations

import re

from pipeline.extract.tables.pieces import CONTINUES, Piece, Placed, Row
from pipeline.extract.tables.rules import Rule
from pipeline.extract.tables.settings import TableSettings
from pipeline.extract.tables.values import values_in
from pipeline.extract.tables.words import NUMBER, VALUE, Phrase, TextLine, phrase_of


def centred_over(placed: Placed, settings: TableSettings, header: int = 0) -> Placed:
    """A header phrase placed in one column, alone on its line and centred over the headers of two or more
    neighbouring columns right below it, is their group header and spans them, wherever its own short width
    happens to sit ('§53a-86' over 'Arrests' and 'Convictions', in the white space between them). Bottom line
    first, so that a group over groups finds them spanning. Over the first line of values (`header` lines), a
    phrase cut into columns at word gaps on their edges yet centred over their headers as a whole is whole again."""
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
            if index < header and len(mine) >= 2 and all(p.first == p.last and not p.aligned for p in mine) and \
                    (mine[0].first, mine[-1].last) in (_group_of(phrase, line, spans, settings),
                                                       _group_of(phrase, line, _lower(spans, out, index, header),
                                                                 settings)) \
                    and not _each_on_own(mine, spans, out[index - 1][1] if further else [], settings):
                # cut at word gaps that fall on the columns' edges by chance, yet centred over their headers as a
                # whole: one group header ('Arrested, 2015' over two 'C.G.S.'), whole again
                whole = Piece([w for p in mine for w in p.words], mine[0].first, mine[-1].last)
                pieces = [whole if p is mine[0] else p for p in pieces if p is mine[0] or p not in mine]
                continue
            if len(mine) == 1 and mine[0].last != mine[0].first and index < header:
                reach = [p for p in spans if p.words[0].x0 < phrase.x1 and phrase.x0 < p.x1]
                if len(reach) == 1 and reach[0].first == reach[0].last and \
                        mine[0].first <= reach[0].first <= mine[0].last and \
                        min(phrase.x1, reach[0].x1) - max(phrase.x0, reach[0].words[0].x0) >= \
                        0.5 * (phrase.x1 - phrase.x0) and _group_of(phrase, line, spans, settings) is None:
                    # across a river's boundary, over the header of one column only: that column's
                    pieces = [Piece(p.words, reach[0].first, reach[0].first) if p is mine[0] else p for p in pieces]
                continue
            if len(mine) != 1 or mine[0].last != mine[0].first:
                continue  # already cut at the columns' boundaries, or spanning some: placed by its text
            first, last = _by_centre(phrase, mine[0], line, spans, further and out[index - 1][0], settings)
            pieces = [Piece(p.words, first, last) if p is mine[0] else p for p in pieces]
        out[index] = (line, pieces)
    return out


def _lower(spans: list[Piece], placed: Placed, index: int, header: int) -> list[Piece]:
    """The headers right below line `index`, and for a column with none there, its widest header piece further
    down the header lines, above the first line of values (a wrapped header that starts lower: a group is
    centred over its columns' headers)."""
    have = {piece.first for piece in spans}
    widest: dict[int, Piece] = {}
    for _, pieces in placed[index + 2:header]:
        if any(is_valued(piece) for piece in pieces):
            break  # (the body: values, no header)
        for piece in pieces:
            if piece.first == piece.last and piece.first not in have and (
                    piece.first not in widest or
                    piece.x1 - piece.words[0].x0 > widest[piece.first].x1 - widest[piece.first].words[0].x0):
                widest[piece.first] = piece
    return sorted([*spans, *widest.values()], key=lambda piece: piece.first)


def flush_left_groups(placed: Placed, settings: TableSettings, header: int = 0) -> Placed:
    """Group headers set flush left over the first column of each group (as a word processor sets a merged
    cell's text), their line right over a line of column headers: two or more, each flush with the header of
    one column, as many columns apart each, every column of every group headed on the line below, is a row of
    groups of that many columns ('Arrested' and 'Convicted' over four 'CGS'). Only over the body (`header`)."""
    out = list(placed)
    for index in range(min(header, len(out)) - 1):
        (line, pieces), (below, under) = out[index], out[index + 1]
        if below.top - line.bottom > settings.row_gap * line.size:
            continue
        heads = {p.first: p for p in under if p.first == p.last}
        groups = [p for p in pieces if p.first > 0]
        if len(groups) < 2 or len(groups) != len([p for p in pieces if p.first > 0 or p.last > 0]) or \
                any(p.first != p.last for p in groups):
            continue
        flush = settings.flush * line.size
        starts = []
        for piece in groups:
            head = heads.get(piece.first)
            if head is None or abs(head.words[0].x0 - piece.words[0].x0) > flush:
                break
            starts.append(piece.first)
        else:
            width = starts[1] - starts[0]
            if width >= 2 and all(b - a == width for a, b in zip(starts, starts[1:], strict=False)) and \
                    all(column in heads for start in starts for column in range(start, start + width)):
                out[index] = (line, [Piece(p.words, p.first, p.first + width - 1) if p in groups else p
                                     for p in pieces])
    return out


def _each_on_own(pieces: list[Piece], spans: list[Piece], above: list[Piece], settings: TableSettings) -> bool:
    """Each piece centred on the header right below it in its own column, or each ending flush with the lines
    right below and right above it there: headers run together, each over its column (the lines of two stacks
    set flush right), not one group header whose words fall on the columns' edges by chance."""
    def own(piece: Piece, others: list[Piece]) -> list[Piece]:
        return [p for p in others if p.first == p.last == piece.first]

    def centred(piece: Piece) -> bool:
        return any(abs((p.words[0].x0 + p.x1 - piece.words[0].x0 - piece.x1) / 2) <=
                   settings.run_centred * piece.words[0].size for p in own(piece, spans))

    def flush(piece: Piece, others: list[Piece]) -> bool:
        return any(abs(p.x1 - piece.x1) <= settings.aligned * piece.words[0].size for p in own(piece, others))

    return all(centred(piece) for piece in pieces) or \
        all(flush(piece, spans) and flush(piece, above) for piece in pieces)


def _by_centre(phrase: Phrase, mine: Piece, line: TextLine, spans: list[Piece], above: TextLine | bool,
               settings: TableSettings) -> tuple[int, int]:
    """The columns a header phrase heads, by the headers right below it (see `centred_over`): a further line of
    a header over it heads what that header does."""
    if above and any(p.x0 < phrase.x1 and phrase.x0 < p.x1 for p in above.phrases):
        return mine.first, mine.last
    return _group_of(phrase, line, spans, settings) or (mine.first, mine.last)


def stacked_groups(placed: Placed, settings: TableSettings, header: int = 0) -> Placed:
    """A group header wrapped over lines ('PROMOTING' / 'PROSTITUTION IN THE' / 'SECOND DEGREE'): phrases stacked
    tight, one a line, each alone over the next and centred on it, centred as a whole over the headers of two or
    more neighbouring columns on the nearest header line below that reaches under them (two such stacks may
    stand side by side on the same lines), or, with a line of column headers still below it before the body
    (`header` lines), under a first line that already heads a group. A line between two of its lines printing
    only beside it (another cell's text centred at another height) does not part it. Every phrase of it spans
    those columns, however the rivers cut it."""
    out = list(placed)
    memo: dict[int, bool] = {}

    def valued(i: int) -> bool:  # asked of few lines: most are no stack's
        if i not in memo:
            memo[i] = bool(values_in(out[i][0]))
        return memo[i]

    taken: set[tuple[int, int]] = set()  # (line, phrase) already in a stack
    for start in range(len(out) - 1):
        if valued(start):
            break  # the body: no group header below its first line of values
        for first in range(len(out[start][0].phrases)):
            if (start, first) in taken:
                continue
            stack = [(start, first)]
            start_spans = any(p.first < p.last for p in out[start][1]
                              if any(p.words[0] is word for word in out[start][0].phrases[first].words))
            while stack[-1][0] + 1 < len(out):
                line, at = stack[-1]
                lower = _next_under(out, line, out[line][0].phrases[at], spanning=start_spans)
                under = None if lower is None else _stacked_under(out[line][0], at, out[lower][0], settings)
                if under is None:
                    break
                stack.append((lower, under))
            if len(stack) < 2 or any(valued(line) for line, _ in stack) or \
                    any(piece.aligned for line, at in stack for piece in out[line][1]
                        if any(piece.words[0] is word for word in out[line][0].phrases[at].words)):
                continue  # (a line of headers run together, each lined up with its column, is no group's)
            taken.update(stack)
            phrases = [out[line][0].phrases[at] for line, at in stack]
            whole = phrase_of([word for phrase in phrases for word in phrase.words])
            whole = Phrase(whole.words, whole.text, min(p.x0 for p in phrases), max(p.x1 for p in phrases),
                           whole.top, whole.bottom, whole.size)
            last = stack[-1][0]
            heads = _headers_under(out, valued, last, whole, settings)
            group = _group_of(whole, out[last][0], heads, settings, wrapped=True) if heads else None
            top = [p for p in out[start][1] if any(p.words[0] is word for word in phrases[0].words)]
            if group is None and len(top) == 1 and top[0].first < top[-1].last and last + 1 < header:
                group = (top[0].first, top[0].last)  # its first line already heads a group, column headers
                # under it (set further apart than a wrapped line: cells centred in a taller header row): all of it
            if group is None:
                continue
            for (line, _), phrase in zip(stack, phrases, strict=True):
                kept = [p for p in out[line][1] if not any(p.words[0] is word for word in phrase.words)]
                out[line] = (out[line][0], sorted(kept + [Piece(list(phrase.words), *group)], key=lambda p: p.first))
    return out


def _next_under(out: Placed, line: int, phrase: Phrase, spanning: bool) -> int | None:
    """The next line down with a phrase under this one: under a stack whose first line heads a group, a line
    between them printing only beside it (another header cell's text, centred at another height in a taller
    cell) does not part it."""
    for index in range(line + 1, min(line + (3 if spanning else 2), len(out))):
        if any(other.x0 < phrase.x1 and phrase.x0 < other.x1 for other in out[index][0].phrases):
            return index
    return None


def _stacked_under(upper: TextLine, at: int, lower: TextLine, settings: TableSettings) -> int | None:
    """The phrase of the lower line that the upper line's phrase `at` is stacked on: tight under it, in its size,
    the one phrase of the lower line it overlaps and overlapping no other of the upper line, centred on it (not
    flush on one side only: a header wrapped flush right over its counts is centred on nothing)."""
    phrase = upper.phrases[at]
    if lower.top - upper.bottom > settings.row_gap * upper.size or abs(upper.size - lower.size) > 0.1 * upper.size:
        return None
    below = [k for k, other in enumerate(lower.phrases) if other.x0 < phrase.x1 and phrase.x0 < other.x1]
    if len(below) != 1:
        return None
    other = lower.phrases[below[0]]
    if sum(1 for p in upper.phrases if p.x0 < other.x1 and other.x0 < p.x1) != 1:
        return None
    flush = settings.flush * upper.size
    if (abs(phrase.x0 - other.x0) <= flush) != (abs(phrase.x1 - other.x1) <= flush):
        return None
    return below[0] if abs(phrase.x0 + phrase.x1 - other.x0 - other.x1) / 2 <= settings.centred * upper.size else None


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


def _group_of(phrase: Phrase, line: TextLine, spans: list[Piece], settings: TableSettings,
              wrapped: bool = False) -> tuple[int, int] | None:
    """The neighbouring columns (two or more) whose headers a phrase is centred over, alone on its line; None if
    it is centred over one header (that column's own, unless it reaches over the middle of its neighbours': a
    group of three is centred on the middle one too) or over none."""
    middle, tolerance = (phrase.x0 + phrase.x1) / 2, settings.centred * phrase.size
    own = [p for p in spans if abs((p.words[0].x0 + p.x1) / 2 - middle) <= tolerance]
    if own and not any(phrase.x0 < (p.words[0].x0 + p.x1) / 2 < phrase.x1 for p in spans if p not in own):
        return None  # centred over one header, reaching over no other's middle: that column's own
    runs = [spans[i:j] for i in range(len(spans)) for j in range(i + 2, len(spans) + 1)
            if all(b.first == a.last + 1 for a, b in zip(spans[i:j - 1], spans[i + 1:j], strict=False))]
    def middles_outside(run: list[Piece]) -> bool:  # reaching over the middle of a header beside the run
        return any(phrase.x0 < (p.words[0].x0 + p.x1) / 2 < phrase.x1 for p in spans
                   if p.last < run[0].first or p.first > run[-1].last)

    fits = [run for run in runs if abs((run[0].words[0].x0 + run[-1].x1) / 2 - middle) <= tolerance and
            (run[0].words[0].x0 - tolerance <= phrase.x0 and phrase.x1 <= run[-1].x1 + tolerance or
             wrapped and not middles_outside(run)) and
            not any(other.x0 < run[-1].x1 and run[0].words[0].x0 < other.x1 for other in line.phrases
                    if not any(other.words[0] is word for word in phrase.words))]
    return None if not fits else (min(fits, key=len)[0].first, min(fits, key=len)[-1].last)


def _counted(piece: Piece) -> bool:
    """A number that is no year: a line printing one is a row of values, not a header."""
    return bool(NUMBER.match(piece.text)) and not _YEAR.match(piece.text.strip())


def _numeric(piece: Piece) -> bool:
    return bool(NUMBER.match(piece.text))


def is_valued(piece: Piece) -> bool:
    """A number, or a sign printed for one (a dash, an asterisk for a suppressed count)."""
    return bool(NUMBER.match(piece.text) or VALUE.match(piece.text))


def header_rows(rows: list[Row]) -> int:
    """Rows above the first that prints a number beside its label (the body); none if no row does. Years rising
    along a row (2005, 2006, ...) head columns, they are not counts. Rows right above the body that print in the
    first column alone, under a header that heads the other columns, are the body's: a heading over its rows,
    or a name whose cells are all blank."""
    for index, row in enumerate(rows):
        if _years_along(row) or (_years_alone(row) or index and _years_and_wrapped(row, rows[index - 1])) and \
                index + 1 < len(rows) and not any(piece.first == 0 for above in rows[:index] for piece in above.pieces):
            continue  # (a year alone under a row naming the first column is a blank row's: 'Town Year' / '2015')
        valued = sum(1 for piece in row.pieces if is_valued(piece))
        worded = sum(1 for piece in row.pieces if piece.first > 0 and not is_valued(piece))
        counts = sum(1 for piece in row.pieces if piece.first > 0 and NUMBER.match(piece.text) and
                     not _YEAR.match(piece.text.strip()))
        named = any(piece.first == 0 for piece in row.pieces)
        if any(is_valued(piece) and piece.first > 0 for piece in row.pieces) and \
                (valued >= max(1, len(row.pieces) // 2) and worded <= valued or named and counts >= 2):
            # (not 'Year Number 100,000'; but a name with counts beside it is a row, whatever words its other
            # cells print: 'suppressed', 'S', a sign of the report's own)
            while index > 1 and all(piece.first == 0 for piece in rows[index - 1].pieces) and \
                    any(piece.first > 0 for above in rows[:index - 1] for piece in above.pieces):
                index -= 1
            return index
    return 0


_YEAR = re.compile(r"^(?:FY\s*)?((?:19|20)\d\d)(?:\s*[-–—/]\s*(?:(?:19|20)?\d\d))?\W{0,2}$", re.IGNORECASE)


def _years_alone(row: Row) -> bool:
    """Nothing in the first column and only years right of it ('2018' over the counts of one year), or years
    making most of its numbers ('2015' under each of four group headers, then '100,000' and 'Rank'): a header,
    never a row of counts without a name."""
    if not row.pieces or any(piece.first == 0 for piece in row.pieces):
        return False
    years = sum(1 for piece in row.pieces if _YEAR.match(piece.text.strip()))
    valued = sum(1 for piece in row.pieces if is_valued(piece))
    return years == len(row.pieces) or years >= 2 and valued > years and years * 2 > valued


def _years_and_wrapped(row: Row, above: Row) -> bool:
    """Nothing in the first column, years, and numbers that end a header wrapped from the row above in their
    column ('ARRESTED Rate per' over '2007 100,000'): a header line, no row of counts."""
    def wrapped(piece: Piece) -> bool:
        over = [p for p in above.pieces if p.first == piece.first and p.last == piece.last]
        return bool(over) and bool(CONTINUES.search(over[-1].text))

    return bool(row.pieces) and any(_YEAR.match(piece.text.strip()) for piece in row.pieces) and all(
        piece.first > 0 and (_YEAR.match(piece.text.strip()) or wrapped(piece)) for piece in row.pieces)


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


def merge_header(rows: list[Row], header: int, horizontals: list[Rule], settings: TableSettings) -> list[Row]:
    """Header lines wrapped within their columns are one header row; a line with a phrase spanning columns (a
    group header), and a line of years (never the end of a wrapped phrase), stay rows of their own."""
    if header <= 1:
        return rows
    merged: list[Row] = []
    for row in rows[:header]:
        spanning = any(piece.first != piece.last for piece in row.pieces)
        if merged and spanning and merged[-1].spanning and _same_groups(merged[-1], row) and \
                _wraps(merged[-1], row, settings) and \
                row.top - merged[-1].bottom <= settings.row_gap * row.lines[0].size:
            merged[-1].lines += row.lines  # group headers wrapped over lines, each centred over the same columns
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


def _same_groups(upper: Row, lower: Row) -> bool:
    """Every phrase of either row spans exactly the columns of any phrase of the other it shares a column with,
    and some do: the lines of the same group headers (two wrapped side by side may start on different lines),
    not a group over the groups under it."""
    shared = False
    for piece in lower.pieces:
        for other in upper.pieces:
            if piece.first <= other.last and other.first <= piece.last:
                if (piece.first, piece.last) != (other.first, other.last):
                    return False
                shared = True
    return shared


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
