"""Where the tables on a page are, without being told: blocks of lines whose phrases sit in aligned columns
(several short pieces of text a line, not running prose), and grids of drawn rules with text inside. Running text
set in two or three page columns is prose, however well its columns align."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from pipeline.extract.tables.columns import separators
from pipeline.extract.tables.parting import aligned_parts, parted_at_rivers
from pipeline.extract.tables.rules import Rule
from pipeline.extract.tables.settings import TableSettings
from pipeline.extract.tables.values import YEAR, values_in
from pipeline.extract.tables.words import MARK, NUMBER, TextLine, line_of

_SIGN = re.compile(rf"^(?:[–—‒−-]{{1,2}}|{MARK}|\.{{2,3}}|\([a-z]\))$")
LEADER = re.compile(r"(?:\s?\.){4,}\s*\d+\s*$")  # a contents line: 'Notes on the data ..... 6'

Region = tuple[float, float, float, float]  # x0, top, x1, bottom in the reading frame


def find_regions(lines: list[TextLine], horizontals: list[Rule], verticals: list[Rule],
                 settings: TableSettings) -> list[Region]:
    """Table regions on a page, top to bottom. A grid of drawn rules bounds its table; text tables are found
    among the lines outside every grid, and one set tight against a grid's edge continues it (a ruled header
    over an unruled body)."""
    grids = [grid for grid in _ruled_boxes(horizontals, verticals)
             if sum(1 for line in lines if _inside(line, grid)) >= settings.min_rows]
    outside = [line for line in lines if not any(_inside(line, grid) for grid in grids)]
    regions = list(grids)
    for block in (block for side in _sides(outside, settings) for block in _text_blocks(side, settings)):
        box = _box(block)
        for index, grid in enumerate(regions[:len(grids)]):
            if _abuts(box, grid, block[0].size):
                regions[index] = _union(grid, box)
                break
        else:
            regions.append(box)
    return sorted(_merge_overlapping(regions), key=lambda region: (region[1], region[0]))


def _sides(lines: list[TextLine], settings: TableSettings) -> list[list[TextLine]]:
    """The page's lines as runs to look for tables in one by one: down a stretch of the page that a gutter parts
    (no line prints across it, every line of values wholly on one side, enough of them on each), each side on its
    own (and again on each side: three tables across). Two tables set side by side interleave their lines, rows
    at heights of their own; a note under one must not end the other."""
    valued = [bool(values_in(line)) for line in lines]
    ends = sorted(line.x1 for line, has in zip(lines, valued, strict=True) if has)
    starts = sorted(line.x0 for line, has in zip(lines, valued, strict=True) if has)
    gutters = sorted({round(phrase.x1 + 0.1, 1) for line, has in zip(lines, valued, strict=True) if has
                      for phrase in line.phrases})
    for gutter in gutters:  # (a cheap count first: most pages have no gutter with lines of values on each side)
        if min(bisect_left(ends, gutter), len(starts) - bisect_right(starts, gutter)) < settings.min_rows:
            continue
        run: list[int] = []
        for index, line in enumerate([*lines, None]):
            parted = line is not None and not any(p.x0 < gutter < p.x1 for p in line.phrases) and not (
                valued[index] and line.x0 < gutter < line.x1 and _across(line, gutter))
            if parted:
                run.append(index)
                continue
            left = sum(1 for at in run if valued[at] and lines[at].x1 < gutter)
            right = sum(1 for at in run if valued[at] and lines[at].x0 > gutter)
            if min(left, right) >= settings.min_rows:
                sides = [[part for at in run if (part := _side_of(lines[at], gutter, left))]
                         for left in (True, False)]
                return [*_sides(lines[:run[0]], settings), *_sides(sides[0], settings),
                        *_sides(sides[1], settings), *_sides(lines[run[-1] + 1:], settings)]
            run = []
    return [lines] if lines else []


def _side_of(line: TextLine, gutter: float, left: bool) -> TextLine | None:
    """The part of a line left (or right) of a gutter, or None if it prints nothing there."""
    kept = [p for p in line.phrases if (p.x1 < gutter) == left]
    return line_of(kept, line.baseline, line.size) if kept else None


def _across(line: TextLine, gutter: float) -> bool:
    """A line of values that is one row across the gutter: values on both sides, or a name on one side and its
    values on the other; not a row complete on one side (its name and values) beside words alone on the other (a
    note of the table beside, wrapped onto the row's baseline)."""
    parts = [part for left in (True, False) if (part := _side_of(line, gutter, left))]
    counted = [bool(values_in(part)) for part in parts]
    return all(counted) or not any(counted[i] and not NUMBER.match(parts[i].phrases[0].text) and
                                   len(parts[i].phrases) >= 2 for i in range(len(parts)))


def _abuts(box: Region, grid: Region, size: float) -> bool:
    """Set right above or below a grid, over most of its width."""
    overlap = min(box[2], grid[2]) - max(box[0], grid[0])
    narrower = min(box[2] - box[0], grid[2] - grid[0])
    gap = max(box[1] - grid[3], grid[1] - box[3])
    return overlap >= 0.8 * narrower and gap <= 1.5 * size


def _tabular(line: TextLine, settings: TableSettings) -> bool:
    """Several pieces of text a line, each short or a number: a table row, not prose in page columns."""
    if len(line.phrases) < settings.min_columns or LEADER.search(line.text):
        return False
    short = sum(1 for phrase in line.phrases if len(phrase.words) <= 4 or NUMBER.match(phrase.text))
    if short * 2 >= len(line.phrases) + (1 if len(line.phrases) == 2 else 0):
        return True
    name, value = line.phrases[0], line.phrases[-1]  # a long name and its count, set well apart
    return len(line.phrases) == 2 and bool(NUMBER.match(value.text) or _SIGN.match(value.text)) and \
        not name.text.rstrip().endswith((".", ";", ":")) and value.x0 - name.x1 >= settings.name_gap * line.size


def _text_blocks(lines: list[TextLine], settings: TableSettings) -> list[list[TextLine]]:
    """Runs of tabular lines, close together; a line or two of one piece between them (a section heading, a
    wrapped label) stays in, and so do names set under the last row in its first column at the rows' spacing
    (rows whose cells are all blank); the lines right above (headers) join when short."""
    blocks: list[list[TextLine]] = []
    current: list[TextLine] = []
    pending: list[TextLine] = []
    keyed = _keyed_lines(lines, settings)
    for line in lines:
        gap_limit = settings.table_gap * line.size
        previous = (pending or current)[-1] if (pending or current) else None
        if previous is not None and line.top - previous.bottom > gap_limit:
            _close(blocks, current + _blank_rows(current, pending), lines, settings, keyed)
            current, pending = [], []
        tabular = _tabular(line, settings) or id(line) in keyed
        if tabular and pending and _headed_anew(current, line) and \
                len(_blank_rows(current, pending)) < len(pending):
            _close(blocks, current + _blank_rows(current, pending), lines, settings, keyed)
            current, pending = [line], []  # a line between a body and a new line of column headers: a caption
        elif tabular:
            current += pending + [line]
            pending = []
        elif current and (len(pending) < 2 or _blank_rows(current, pending + [line])) and \
                len(line.phrases) <= 3 and all(len(phrase.words) < settings.prose_words for phrase in line.phrases):
            pending.append(line)
        else:
            _close(blocks, current + _blank_rows(current, pending), lines, settings, keyed)
            current, pending = [], []
    _close(blocks, current + _blank_rows(current, pending), lines, settings, keyed)
    return [_with_headers(block, lines, settings) for block in blocks]


def _keyed_lines(lines: list[TextLine], settings: TableSettings) -> set[int]:
    """Lines (by identity) of a short label and a long text set well apart, the text ending flush with the value
    of a row right above or under it: a row of a table of labels and values ('Statute   C.G.S. 53a-86 promoting
    prostitution' over 'Arrests   10'), not prose."""
    keyed: set[int] = set()
    for index, line in enumerate(lines):
        if len(line.phrases) != 2 or _tabular(line, settings) or len(line.phrases[0].words) > 4 or \
                line.phrases[1].x0 - line.phrases[0].x1 < settings.name_gap * line.size or \
                line.text.rstrip().endswith((".", ";", ":")):
            continue
        for other in (lines[index - 1] if index else None, lines[index + 1] if index + 1 < len(lines) else None):
            if other is not None and _tabular(other, settings) and len(other.phrases) == 2 and \
                    abs(other.phrases[-1].x1 - line.phrases[-1].x1) <= settings.flush * line.size and \
                    max(other.top - line.bottom, line.top - other.bottom) <= settings.table_gap * line.size:
                keyed.add(id(line))
    return keyed


def _headed_anew(block: list[TextLine], line: TextLine) -> bool:
    """A line of column headers (no values but years) after a block that has printed rows of values, with a line
    of one piece between them (not a row of blank cells: a caption): a new table under its caption, not the next
    section of this one."""
    return values_in(line) == 0 and any(values_in(row) >= 1 for row in block)


_NOTE_START = re.compile(r"^\s*(?:[–—‒−*†‡§¹²³⁴⁵⁶⁷⁸⁹(\[-]|(?:notes?|sources?|footnotes?)\b)", re.IGNORECASE)


def _blank_rows(block: list[TextLine], pending: list[TextLine]) -> list[TextLine]:
    """Lines after a block's last row that are rows of blank cells: one short name each, set flush with the
    names of rows above (indented ones too: a measure under its statute), or a year alone where the rows' years
    are, and spaced like them; not a note (a mark, 'Source', a sentence)."""
    if not block or not pending:
        return []
    names = [line.x0 for line in block if len(line.phrases) >= 2]
    years = [phrase for line in block for phrase in line.phrases[1:] if YEAR.match(phrase.text)]
    leading = [b.top - a.top for a, b in zip(block, block[1:], strict=False)]
    step = min(leading) if leading else 1.6 * block[-1].size
    kept: list[TextLine] = []
    above = block[-1]
    for line in pending:
        text = line.text.strip()
        named = bool(names) and min(abs(line.x0 - name) for name in names) <= 0.6 * line.size or \
            bool(kept) and 0.6 * line.size < line.x0 - kept[-1].x0 <= 3 * line.size  # (under a blank heading)
        dated = YEAR.match(text) and any(abs(line.x0 - year.x0) <= 0.6 * line.size for year in years)
        if len(line.phrases) != 1 or len(text.split()) > 5 or _NOTE_START.match(text) or \
                text.endswith((".", ":", ";")) or not (named or dated) or line.top - above.top > 1.3 * step:
            break
        kept.append(line)  # (a year alone where the Year column runs: the last name's blank row)
        above = line
    return kept


def _close(blocks: list[list[TextLine]], block: list[TextLine], lines: list[TextLine],
           settings: TableSettings, keyed: set[int] | None = None) -> None:
    """A block of enough tabular lines is a table; so is one line alone that prints a name and several values
    (the last row of a table carried over to the next page), or a row or two under a header of their own."""
    tabular = [line for line in block if _tabular(line, settings) or keyed and id(line) in keyed]
    if len(tabular) >= settings.min_rows or len(tabular) == 1 and (
            _row_of_values(tabular[0]) or _headed_rows(block, lines, settings)):
        blocks.append(block)


def _headed_rows(block: list[TextLine], lines: list[TextLine], settings: TableSettings) -> bool:
    """Rows too few to show their columns by alignment (one row; rows whose every cell is blank) set tight under
    a line of column headers of their own, maybe with headings over the names between: each value under a
    header word clear of the names, the names flush with the header's first word (or indented under it) where it
    heads them too. A table of a row or two."""
    index = next(i for i, line in enumerate(lines) if line is block[0])  # by identity: lines compare slowly
    header, rows = (block[0], block[1:]) if values_in(block[0]) == 0 and len(block[0].phrases) >= 2 else \
        (None, block)
    headings: list[TextLine] = []
    below = block[0]
    for above in reversed(lines[max(0, index - 3):index] if header is None else []):
        if below.top - above.bottom > 1.2 * below.size:
            return False
        if len(above.phrases) == 1 and values_in(above) == 0 and any(_over(above, row) for row in rows) and \
                above.size <= 1.15 * below.size:  # (not a title: set larger)
            header = above
            break
        headings.insert(0, above)  # a heading over the names, or what else is set there: judged below
        below = above
    words = [word for phrase in header.phrases for word in phrase.words] if header else []
    if header is None or not rows or len(words) >= settings.prose_words or len(words) < 2 and header is block[0] \
            or header.text.rstrip().endswith((".", ":", ";")):
        return False
    if any(len(heading.phrases) > 1 for heading in headings):
        return False  # (a heading over the names prints no value)
    for line in [*headings, *rows]:
        name = line.phrases[0]
        if NUMBER.match(name.text) and not YEAR.match(name.text) or words[0].x0 < name.x1 and \
                not -0.6 * line.size <= name.x0 - words[0].x0 <= 3 * line.size:
            return False
        if not all((NUMBER.match(value.text) or _SIGN.match(value.text)) and
                   any(_heads(word, name, value) for word in words) for value in line.phrases[1:]):
            return False
    return any(len(row.phrases) >= 2 for row in rows) or header is block[0]


def _over(header: TextLine, row: TextLine) -> bool:
    """A header with a word set over one of a row's values, clear of its name."""
    return any(_heads(word, row.phrases[0], value)
               for phrase in header.phrases for word in phrase.words for value in row.phrases[1:])


def _heads(word, name, value) -> bool:
    """A header word over a value (reaching over it), centred right of the name's end."""
    return word.x0 < value.x1 and value.x0 < word.x1 and (word.x0 + word.x1) / 2 > name.x1


def _row_of_values(line: TextLine) -> bool:
    """A name (or a year: a row of a table by year) and two values or more."""
    values = sum(1 for phrase in line.phrases[1:] if (NUMBER.match(phrase.text) or _SIGN.match(phrase.text)) and
                 not YEAR.match(phrase.text))  # (a line of years is a header)
    first = line.phrases[0].text
    return len(line.phrases) >= 3 and values >= 2 and (not NUMBER.match(first) or bool(YEAR.match(first)))


def _with_headers(block: list[TextLine], lines: list[TextLine], settings: TableSettings) -> list[TextLine]:
    """Up to four lines set tight above a block (more where a header wraps on), within its width, are its column
    headers; not a line in a larger size (a title), nor one whose text starts at the block's left edge and runs
    across the gap after its first column (a caption or subtitle set flush left), nor prose."""
    first = lines.index(block[0])
    left, right = min(line.x0 for line in block), max(line.x1 for line in block)
    size = sorted(line.size for line in block)[len(block) // 2]
    cuts = separators(block, [], settings)
    valued = [line for line in block if values_in(line)] or block
    edges = (min(line.x0 for line in valued), max(line.x1 for line in valued))  # the text edges of the counts
    added: list[TextLine] = []
    top = block[0]
    for line in reversed(lines[:first]):
        if len(added) >= 4 and not _stacked_on(line, top, settings):
            break  # (a header wrapped over more lines, each centred on the one under it, is still its column's)
        overhang = line.x1 > right + 2 * line.size and not (len(line.phrases) >= 2 and line.phrases[-1].x0 < right)
        run_together = len(line.phrases) == 1 and parted_at_rivers(line.phrases[0], cuts, settings) or \
            any(aligned_parts(phrase, cuts, edges, settings) for phrase in line.phrases) or \
            _wrapped_over(line, top, cuts, edges, settings)  # tight headers
        if top.top - line.bottom > 1.2 * line.size or line.x0 < left - 2 * line.size or overhang or \
                not run_together and any(_prose_piece(p, line, cuts, settings) for p in line.phrases):
            while added and _wraps_title(line, added[0], settings):
                added.pop(0)  # its further lines, wrapped under it in its size: a caption's, no header
            break  # apart, or wider than the block (a header over the last column may run past it), or prose
            # (a phrase of prose length that parts into a header for each column crossed is headers run together)
        if line.size > 1.15 * size or len(line.phrases) == 1 and (line.x1 - line.x0) > 0.6 * (right - left) and \
                not run_together:
            while added and _wraps_title(line, added[0], settings):
                added.pop(0)
            break  # a title
        if cuts and not run_together and any(p.x0 <= left + 0.5 * size and p.x1 > cuts[0] for p in line.phrases):
            break  # flush left across the first column's edge: a caption, not a header
        added.insert(0, line)
        top = line
    return added + block


def _stacked_on(line: TextLine, below: TextLine, settings: TableSettings) -> bool:
    """One phrase centred on the one phrase of the line right under it, in its size, a line's spacing above: the
    lines of one header wrapped over many."""
    if len(line.phrases) != 1 or len(below.phrases) != 1 or abs(line.size - below.size) > 0.05 * below.size:
        return False
    return below.top - line.bottom <= settings.row_gap * line.size and \
        abs(line.x0 + line.x1 - below.x0 - below.x1) / 2 <= settings.run_centred * line.size


def _wrapped_over(line: TextLine, below: TextLine, cuts, edges, settings: TableSettings) -> bool:
    """One phrase over two columns that parts into headers lined up with their columns, each also flush with the
    header line right below it in its column ('trafficking patronizing' over 'in' 'a', all flush right): the
    first lines of two wrapped headers run together, not a title."""
    if len(line.phrases) != 1:
        return False
    parts = aligned_parts(line.phrases[0], cuts, edges, settings, crossings=1)
    if not parts or any(first != last for _, first, last in parts):
        return False
    flush = settings.flush * line.size
    return all(any(abs(words[-1].x1 - p.x1) <= flush or abs(words[0].x0 - p.x0) <= flush for p in below.phrases
                   if p.x0 < words[-1].x1 and words[0].x0 < p.x1) for words, _, _ in parts)


def _wraps_title(title: TextLine, line: TextLine, settings: TableSettings) -> bool:
    """A line of one phrase right under a title, in its size (a header line is set smaller), centred on it or
    flush left with it: the title wrapped."""
    return len(line.phrases) == 1 and abs(line.size - title.size) <= 0.05 * title.size and \
        line.top - title.bottom <= settings.row_gap * title.size and \
        min(abs(line.x0 - title.x0), abs(line.x0 + line.x1 - title.x0 - title.x1) / 2) <= settings.flush * title.size


def _prose_piece(phrase, line: TextLine, cuts, settings: TableSettings) -> bool:
    """A phrase of prose length, unless it heads columns: set right of the first column beside a header of its own
    there (two long headers of tight columns run together, 'Prostitution (seller) Promoting prostitution ...')."""
    return len(phrase.words) >= settings.prose_words and (
        len(line.phrases) < 2 or not cuts or phrase.x0 <= cuts[0].lo)


def _box(lines: list[TextLine]) -> Region:
    return (min(line.x0 for line in lines), lines[0].top, max(line.x1 for line in lines), lines[-1].bottom)


def _ruled_boxes(horizontals: list[Rule], verticals: list[Rule]) -> list[Region]:
    """Boxes drawn by at least two crossing horizontal and two vertical rules."""
    boxes: list[Region] = []
    for rule in horizontals:
        crossing = [v for v in verticals if v.start - 2 <= rule.at <= v.end + 2 and rule.start - 2 <= v.at <=
                    rule.end + 2]
        if len(crossing) < 2:
            continue
        box = (rule.start, min(v.start for v in crossing), rule.end, max(v.end for v in crossing))
        if box[3] - box[1] >= 4:
            boxes = _merge_overlapping([*boxes, box])
    return boxes


def _inside(line: TextLine, box: Region) -> bool:
    middle = (line.top + line.bottom) / 2
    return box[1] - 1 <= middle <= box[3] + 1 and line.x0 >= box[0] - 2 and line.x1 <= box[2] + 2


def _overlap(a: Region, b: Region) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _union(a: Region, b: Region) -> Region:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _merge_overlapping(regions: list[Region]) -> list[Region]:
    merged: list[Region] = []
    for region in sorted(regions, key=lambda r: (r[1], r[0])):
        for index, other in enumerate(merged):
            if _overlap(region, other):
                merged[index] = _union(region, other)
                break
        else:
            merged.append(region)
    return merged
