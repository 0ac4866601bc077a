"""Where a table's columns part: at drawn vertical rules, and at rivers of white space that run down its lines
(the text-alignment idea of Nurminen and tabula). A phrase that crosses a river in a line or two (a group header,
a title) does not fill it: a river may be crossed by a few lines, never by most."""

from __future__ import annotations

from pipeline.extract.tables.rules import Rule
from pipeline.extract.tables.settings import TableSettings
from pipeline.extract.tables.values import YEAR, numbers_in, values_from, values_in
from pipeline.extract.tables.words import VALUE, Phrase, TextLine, phrase_of


class Cut(float):
    """A column boundary: a point, and the stretch of white space (the river) it lies in; a drawn rule's stretch
    is the rule itself."""

    lo: float
    hi: float
    headed: bool  # hi is where a header wider than its column's values starts: the column's text starts there

    def __new__(cls, at: float, lo: float | None = None, hi: float | None = None, headed: bool = False) -> Cut:
        cut = float.__new__(cls, at)
        cut.lo = at if lo is None else lo
        cut.hi = at if hi is None else hi
        cut.headed = headed
        return cut


def separators(lines: list[TextLine], verticals: list[Rule], settings: TableSettings) -> list[Cut]:
    """x positions between columns, left to right."""
    if not lines:
        return []
    phrases = [phrase for line in lines for phrase in _cells_of(line, settings)]
    if not phrases:
        return []
    left, right = min(p.x0 for p in phrases), max(p.x1 for p in phrases)
    inner_rules = sorted({round(rule.at, 1) for rule in verticals
                          if left + 1 < rule.at < right - 1 and _parts_lines(rule, lines, settings)})
    if inner_rules:
        # a ruled table: its rules part columns; white space parts them too where rules group several columns
        # (a river inside a ruled cell must part text on many lines: justified words in one line part none)
        bounds = [left - 1] + inner_rules + [right + 1]
        kept = [x for x in _rivers(lines, settings) if all(abs(x - rule) > 2 for rule in inner_rules) and
                _parts_many(x, lines, bounds)]
        return sorted([Cut(x) for x in inner_rules] + kept)
    return _rivers(lines, settings)


def _parts_lines(rule: Rule, lines: list[TextLine], settings: TableSettings) -> bool:
    """A vertical rule parts columns if it runs down several of the lines (a title or a note set over the
    whole table, outside its reach, does not count) and cuts through no word of those it runs down, but for a
    word running less than an em over it (text overflowing its cell: a bold name printed into the year beside
    it)."""
    reached = [line for line in lines if rule.start - 0.3 * line.size <= (line.top + line.bottom) / 2 <=
               rule.end + 0.3 * line.size]
    if len(reached) < settings.min_rows:
        return False
    crossed = sum(1 for line in reached for phrase in line.phrases for word in phrase.words
                  if word.x0 + word.size < rule.at < word.x1 - word.size)
    return crossed == 0


def _parts_many(x: float, lines: list[TextLine], bounds: list[float]) -> bool:
    """Text on both sides of x, inside the same ruled cell, on at least two lines and a third of those with
    text there."""
    index = next(i for i in range(1, len(bounds)) if x < bounds[i])
    low, high = bounds[index - 1], bounds[index]
    parted = filled = 0
    for line in lines:
        inside = [p for p in line.phrases if p.x1 > low and p.x0 < high]
        if inside:
            filled += 1
            parted += any(p.x1 <= x for p in inside) and any(p.x0 >= x for p in inside)
    return parted >= max(2, filled / 3)


def _extents(phrase: Phrase) -> list[tuple[float, float]]:
    """Where a phrase prints, for the rivers: the values in it each on their own (a run of numbers a space apart
    may be several tight columns, '9 340 306'; a name may run into the year beside it), its words before them as
    one stretch."""
    words = phrase.words
    end = values_from(phrase)
    if end == len(words) or words[end].typed and not words[end].glued:
        return [(phrase.x0, phrase.x1)]  # (no values; or typed a space after the words in one run of text, 'Rate
        # per 100,000' in a typewriter face: its gaps draw no river)
    spans = [(words[0].x0, words[end - 1].x1)] if end else []
    return spans + [(word.x0, word.x1) for word in words[end:]]


def _cell_like(phrase: Phrase, settings: TableSettings) -> bool:
    return len(phrase.words) < settings.prose_words


def _cells_of(line: TextLine, settings: TableSettings) -> list[Phrase]:
    """A line's phrases that are cells, not running text; a long name with a value right of it is a cell (the
    row of a summary, 'Promoting prostitution in the first degree (C.G.S. 53a-86): convictions  249')."""
    named = len(line.phrases) >= 2 and bool(VALUE.match(line.phrases[-1].text))
    return [p for p in line.phrases if _cell_like(p, settings) or named and p is line.phrases[0]]


def _rivers(lines: list[TextLine], settings: TableSettings) -> list[Cut]:
    """Columns of white space down the lines; each may be crossed by a few of them (spanning headers). Where
    enough lines print values (numbers, dashes), those lines alone draw the rivers: headers and headings over
    several columns then cross them however many they are."""
    numbers = [numbers_in(line) for line in lines]
    valued = [line for line, count in zip(lines, numbers, strict=True)
              if count >= 2 or count == 1 and len(line.phrases) >= 2]
    body = [line for line in valued if values_in(line)]  # lines of values proper: no header's '100,000'
    first = next(index for index, line in enumerate(lines) if line is body[0]) if body else 0  # (by identity:
    # lines compare slowly) the first line of values; the lines over it are headers
    if len(valued) >= max(1, len(lines) // 3):
        rivers = _white_space(valued, settings)
    elif (len(body) >= 2 or body and values_in(body[0]) >= 2) and len(body) * 2 >= len(lines) - first:
        # (lines of values under a header however tall, or one line of several: they draw the rivers)
        rivers = _white_space(body, settings)
    else:
        rivers = _white_space(lines, settings)
        below = next((index for index, line in enumerate(lines) if index and len(line.phrases) >= 2 and
                      all(YEAR.match(p.text) or VALUE.match(p.text) for p in line.phrases[1:])), None)
        # (names and years only, every count blank: the line over the first of them heads the columns)
        return rivers if below is None else _trailing_blank(lines[below - 1], lines[below:], rivers, settings)
    same = len(body) == len(valued) or len(body) < 2  # the lines of values drew the rivers already
    wide = [] if same else [cut for cut in _white_space(body, settings) if
                            cut.hi - cut.lo >= settings.wide_river * body[0].size and
                            not any(other.lo < cut.hi and cut.lo < other.hi for other in rivers)]
    rivers = sorted(rivers + wide)  # a wide river clear down every line of values parts columns, headers or not
    rivers = _headed_banks(lines, first, body, rivers, settings)
    rivers = _headed_blanks(lines, first, _beside(lines, valued, rivers, settings), settings)
    return _trailing_blank(lines[first - 1], lines[first:], rivers, settings) if first else rivers


def _trailing_blank(header: TextLine, below: list[TextLine], rivers: list[Cut],
                    settings: TableSettings) -> list[Cut]:
    """Headers run together past the last column's text ('Year CONVICTED' over years alone), right of the names:
    the words set wholly right of every line below, after a word lined up with the last column's text (flush or
    centred on it), head a column left blank all the way down, right of the others."""
    last = rivers[-1] if rivers else float("-inf")
    column = [p for line in below for p in line.phrases if (p.x0 + p.x1) / 2 > last]
    if not column:
        return rivers
    low, high = min(p.x0 for p in column), max(p.x1 for p in column)
    for phrase in header.phrases:
        if not rivers or phrase.x0 < rivers[0].lo:
            continue  # (a heading run across the row from the names is no column's header)
        words = phrase.words
        room, flush = settings.blank_column * phrase.size, settings.aligned * phrase.size
        start = next((index for index, word in enumerate(words) if word.x0 >= high + room), None)
        if not start:
            continue
        word = words[start - 1]
        if abs(word.x1 - high) <= flush or abs(word.x0 - low) <= flush or \
                abs(word.x0 + word.x1 - low - high) / 2 <= settings.run_centred * phrase.size:
            return [*rivers, Cut((word.x1 + words[start].x0) / 2, word.x1, words[start].x0)]
    return rivers


def _headed_banks(lines: list[TextLine], first: int, body: list[TextLine], rivers: list[Cut],
                  settings: TableSettings) -> list[Cut]:
    """A column's header, set flush with its values' edge and wider than them ('2005' over counts of one digit),
    reaches into the river beside it: the column's text starts there, so the river ends there. A header stack
    overhanging into that river then goes with the column it overhangs, and one reaching past that bank heads
    the next column too. (Values drew the rivers: where headers are wider than the values, the banks are the
    headers'.) `first`: the index of the first line of values (`body`), 0 if none."""
    if not first or not rivers:
        return rivers
    bounds = [float("-inf"), *rivers, float("inf")]
    spans = [[p for line in body for p in line.phrases if bounds[i] < (p.x0 + p.x1) / 2 < bounds[i + 1]]
             for i in range(len(bounds) - 1)]  # each column's values
    headers = [p for p in lines[first - 1].phrases if _cell_like(p, settings)]  # the line right over the values
    banked: list[Cut] = []
    for index, river in enumerate(rivers):
        low, high = river.lo, river.hi
        left, right = spans[index], spans[index + 1]
        for phrase in headers:
            flush = settings.aligned * phrase.size
            middle = (phrase.x0 + phrase.x1) / 2
            if right and river < middle < bounds[index + 2] and abs(phrase.x1 - max(p.x1 for p in right)) <= flush \
                    and river.lo + settings.blank_column * phrase.size <= phrase.x0 < high:
                high = phrase.x0  # right-aligned values under a wider header
            if left and bounds[index] < middle < river and abs(phrase.x0 - min(p.x0 for p in left)) <= flush \
                    and low < phrase.x1 <= river.hi - settings.blank_column * phrase.size:
                low = phrase.x1  # left-aligned values under a wider header
        if high != river.hi or low != river.lo:  # and so do the header lines above, where they reach further
            # (a stack centred on its column, wider than its last line)
            room = (bounds[index].hi if index else float("-inf"),
                    bounds[index + 2].lo if index + 2 < len(rivers) + 1 else float("inf"))
            for phrase in (p for line in lines[:first - 1] for p in line.phrases if _cell_like(p, settings)):
                if high != river.hi and river.lo < phrase.x0 < high and phrase.x1 <= room[1]:
                    high = phrase.x0
                if low != river.lo and low < phrase.x1 < river.hi and phrase.x0 >= room[0]:
                    low = phrase.x1
        if (low, high) == (river.lo, river.hi) or high <= low:
            banked.append(river)
        else:
            banked.append(Cut(river if low < river < high else (low + high) / 2, low, high, high != river.hi))
    return banked


def _headed_blanks(lines: list[TextLine], first: int, rivers: list[Cut], settings: TableSettings) -> list[Cut]:
    """A column left blank all the way down still has its header: a phrase of the line right over the first
    line of values (`lines[first]`: values proper, not a header's 'Rate per 100,000') that sits inside a river,
    clear of both its banks, is a column of its own there, when the values right of the river have a header of
    their own."""
    while first > 1 and _blank_row(lines[first - 1]):
        first -= 1  # (rows of a name and its year, every count blank, over the first line of values)
    if not first:
        return rivers
    cuts: list[Cut] = []
    header = lines[first - 1]
    for index, cut in enumerate(rivers):
        inside = [p for p in header.phrases if _cell_like(p, settings) and
                  min(p.x0 - cut.lo, cut.hi - p.x1) >= settings.blank_column * p.size]
        end = rivers[index + 1].lo if index + 1 < len(rivers) else float("inf")
        river = cut
        if not inside:  # a header run into the next column's: the white space left of that column's values
            column = [p for line in lines[first:] for p in line.phrases if cut < (p.x0 + p.x1) / 2 < end]
            river = Cut(cut, cut.lo, max(cut.hi, min(p.x0 for p in column))) if column else cut
            edge = max(p.x1 for p in column) if column else end  # (where that column's text ends)
            others = [other for other in rivers if other is not cut]
            runs = [run for p in header.phrases if (run := _run_in(p, river, edge, _narrowest(header, others),
                                                                  settings))]
            inside = runs[0] if len(runs) == 1 else []  # (each header of the blank columns in the run)
        if not inside or len(inside) != 1 and river is cut:
            cuts.append(cut)
            continue
        phrase = inside[0]
        left = Cut((cut.lo + phrase.x0) / 2, cut.lo, phrase.x0, True)
        between = [Cut((a.x1 + b.x0) / 2, a.x1, b.x0) for a, b in zip(inside, inside[1:], strict=False)]
        phrase = inside[-1]
        if any(p.x1 > river.hi and p.x0 < end for p in header.phrases):
            bank = min([river.hi] + [w.x0 for p in header.phrases for w in p.words if w.x0 > phrase.x1])
            cuts += [left, *between, Cut((phrase.x1 + bank) / 2, phrase.x1, bank)]
        else:  # the values right of the river print under no header of their own: it is theirs, centred over a
            cuts.append(left)  # wide cell whose values are set flush right
    return cuts


def _narrowest(line: TextLine, cuts: list[Cut]) -> float:
    """The narrowest gap between two words of a line that head different columns (their middles on either side
    of a cut): how far apart this line sets its columns' headers (0 if no two words do)."""
    words = [word for phrase in line.phrases for word in phrase.words]
    column = [sum(1 for cut in cuts if cut < (word.x0 + word.x1) / 2) for word in words]
    return min([b.x0 - a.x1 for a, b, i, j in zip(words, words[1:], column, column[1:], strict=False) if i != j],
               default=0.0)


def _run_in(phrase: Phrase, cut: Cut, end: float, narrowest: float, settings: TableSettings) -> list[Phrase]:
    """Words of a header line run together across a river that lie inside it clear of both its banks, before
    words lined up with the next column's text (which runs from the river to `end`): a blank column's header
    ('Rank  ARRESTED' over the counts of ARRESTED alone; 'Year CONVICTED change' between the years and the
    changes). Set apart from the words around them by more than a plain space (clearly more for one header alone
    at the head of the line), never by a printed one; parted as far apart, they head several ('Arrests
    Convictions  Arrests' over the counts of the last alone)."""
    words, size = phrase.words, phrase.size
    clear, flush = settings.blank_column * size, settings.flush * size
    inside = [i for i, word in enumerate(words) if cut.lo + clear <= word.x0 and word.x1 <= cut.hi - clear]
    if not inside or inside[-1] - inside[0] + 1 != len(inside) or inside[-1] + 1 == len(words):
        return []
    start, stop = inside[0], inside[-1] + 1
    if words[start].typed or words[stop].typed:
        return []  # (a printed space: one run of text, one header)
    apart = max(settings.cell_gap * size, narrowest - settings.gap_slack * size)  # (no closer than the line sets
    # its columns' headers elsewhere: 'C.G.S. § 53a-88' is one header where headers stand further apart)
    parts = [start] + [i for i in range(start + 1, stop)  # several blank columns' headers, parted as the run is
                       if not words[i].typed and words[i].x0 - words[i - 1].x1 >= apart] + [stop]
    if not start and len(parts) == 2:
        apart = max(apart, settings.space_gap * size)  # (one header alone at the head of the line: clearly apart)
    if start and (words[start - 1].x1 > cut.lo + flush or words[start].x0 - words[start - 1].x1 < apart):
        return []
    if words[stop].x0 - words[stop - 1].x1 < apart:
        return []  # (a plain space: one header, 'Number arrested', '% change')
    rest = [word for word in words[stop:] if word.x1 <= end + flush]
    if not rest or not (abs(rest[-1].x1 - end) <= flush or abs(rest[0].x0 - cut.hi) <= flush or
                        abs(rest[0].x0 + rest[-1].x1 - cut.hi - end) / 2 <= settings.run_centred * size):
        return []
    return [phrase_of(words[a:b]) for a, b in zip(parts, parts[1:], strict=False)]


def _blank_row(line: TextLine) -> bool:
    """A name and a year alone ('newtown  2005'): a body row whose every count is blank, no header line."""
    return len(line.phrases) == 2 and bool(YEAR.match(line.phrases[1].text)) and \
        not YEAR.match(line.phrases[0].text) and not VALUE.match(line.phrases[0].text)


def _white_space(lines: list[TextLine], settings: TableSettings) -> list[Cut]:
    """The rivers of these lines: stretches that at most `river_crossings` of them print across."""
    intervals: list[list[tuple[float, float]]] = []
    inset = settings.touch * lines[0].size if lines else 0.0  # (glyph boxes of two columns touching, or
    # overlapping a hair: a count parted from the long name it is set hard against still leaves a river)
    for line in lines:
        spans = sorted((*span, index) for index, p in enumerate(_cells_of(line, settings)) for span in _extents(p))
        merged: list[list[float]] = []
        for x0, x1, phrase in spans:
            if merged and (x0 <= merged[-1][1] if phrase == merged[-1][2] else x0 < merged[-1][1] - 2 * inset):
                merged[-1][1] = max(merged[-1][1], x1)
            else:
                merged.append([x0, x1, phrase])
        if merged:
            intervals.append([(a, b) for a, b, _ in merged])
    if not intervals:
        return []
    events: list[tuple[float, int]] = []
    for spans in intervals:
        for x0, x1 in spans:
            events += [(x0 + inset, 1), (x1 - inset, -1)] if x1 - x0 > 2 * inset else [(x0, 1), (x1, -1)]
    events.sort()
    allowed = int(settings.river_crossings * len(intervals))
    left, right = events[0][0], events[-1][0]
    # piecewise coverage: (x from, x to, how many lines print there)
    pieces: list[tuple[float, float, int]] = []
    depth, previous = 0, left
    for x, step in events:
        if x > previous:
            pieces.append((previous, x, depth))
        depth += step
        previous = x
    rivers: list[float] = []
    run: list[tuple[float, float, int]] = []
    peak = 0  # the most lines printing at one place left of here: a river is where fewer do than did before it
    # (the left edge of the first column, ragged by its glyphs' side bearings, rises to it: no river)
    for piece in pieces + [(right, right, allowed + 1)]:
        if piece[2] <= allowed and piece[2] < peak and piece[1] < right:
            run.append(piece)
            continue
        peak = max(peak, piece[2])
        if piece[2] <= allowed and piece[1] >= right:
            break  # white space running out to the right edge: a margin a line or two reach into, no river
        if run:
            lo, hi = run[0][0] + inset, run[-1][1] - inset  # the banks where the text prints
            rivers.append(Cut(_ford(run), lo, hi) if lo < hi else Cut(_ford(run), run[0][0], run[-1][1]))
            run = []
    return rivers


def _beside(lines: list[TextLine], valued: list[TextLine], rivers: list[Cut],
            settings: TableSettings) -> list[Cut]:
    """Text set wholly left (or right) of every line of values is a column of its own: a cell spanning rows,
    printed once beside them ('§53a-82' centred down the side of its towns)."""
    left = min(line.x0 for line in valued)
    right = max(line.x1 for line in valued)
    cuts = list(rivers)
    with_values = {id(line) for line in valued}  # by identity: comparing lines field by field is slow
    for outside, edge in ((True, left), (False, right)):
        ends = [p.x1 if outside else p.x0 for line in lines if id(line) not in with_values for p in line.phrases
                if _cell_like(p, settings) and (p.x1 < edge - 0.5 * p.size if outside else p.x0 > edge + 0.5 * p.size)]
        if ends:
            near = max(ends) if outside else min(ends)
            low, high = (near, edge) if outside else (edge, near)
            cuts.append(Cut((low + high) / 2, low, high))
    return sorted(cuts)


def _ford(run: list[tuple[float, float, int]]) -> float:
    """Where a river is crossed least: the middle of its widest least-covered stretch."""
    least = min(depth for _, _, depth in run)
    best = max((piece for piece in run if piece[2] == least), key=lambda piece: piece[1] - piece[0])
    return (best[0] + best[1]) / 2
