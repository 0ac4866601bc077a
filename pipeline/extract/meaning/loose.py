"""Lines outside every table that read like one of its rows: the structure stage left them out, so their page
is refused rather than read without them. Running heads and feet, contents lines and titles are not rows."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from pipeline.extract.meaning.captions import CONTINUED, NOTE, TITLE, caption, prose
from pipeline.extract.meaning.columns import YEAR
from pipeline.extract.meaning.rows import name_kind, resolve, what_it_names
from pipeline.extract.tables.model import Cell, Page, Table
from pipeline.extract.tables.regions import LEADER
from pipeline.extract.vocabulary import Vocabulary

_TRAILING_COUNTS = re.compile(r"^(?P<name>.*?[^\W\d_].*?)(?P<counts>(?:(?:\s+|(?<=[^\W\d_]))"
                              r"(?:\d{1,3}(?:,\d{3})+|\d+)[*†‡¹²³]*)+)$")  # 'jurisdictions5,937 5,503' too
_COUNT_AT_END = re.compile(r"\s\d[\d,]*$")
_COUNT = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)[*†‡¹²³]*$")
_FOLIO = re.compile(r"^\s*\d{1,4}\s*$")  # a page number alone
_TABLE_TITLE = re.compile(r"^\s*(?:table|exhibit|schedule)\b", re.IGNORECASE)  # not a figure's or a chart's


def _masked(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip())).casefold()


def is_running(text: str, running: set[str]) -> bool:
    """One of the running heads and feet `running_lines` or `running_edges` found."""
    return _masked(text) in running


def without_folios(pages: list[Page]) -> list[Page]:
    """The pages without their page numbers: a number alone at a page's top or foot, before or after all else,
    that goes up with the page (the same offset from the page's place on two pages or more). A number alone is
    never a running line by its text ('2018' run on under a caption), only by where it stands on which page."""
    folios = {page.number: [i for i, text in enumerate(page.loose) if text in page.edges and _FOLIO.match(text)]
              for page in pages}
    offsets = Counter(int(page.loose[i]) - page.number for page in pages for i in folios[page.number])
    common = [offset for offset, count in offsets.items() if count >= 2]
    out = []
    for page in pages:
        drop = {i for i in folios[page.number] if int(page.loose[i]) - page.number in common}
        if not drop:
            out.append(page)
            continue

        def kept(items: tuple, drop: set[int] = drop) -> tuple:
            return tuple(item for i, item in enumerate(items) if i not in drop) if items else items

        out.append(replace(page, loose=kept(page.loose), tables_above=kept(page.tables_above),
                           loose_boxes=kept(page.loose_boxes), loose_pieces=kept(page.loose_pieces),
                           edges=tuple(text for text in page.edges if not _FOLIO.match(text))))
    return out


def running_edges(pages: list[Page]) -> set[str]:
    """Lines at a page's top or foot, before or after all else, printed so on several pages, numbers aside: the
    running heads and feet for certain (a legend repeated under tables is no edge of its page; a number alone,
    '2018' under a caption run on, is never taken for one)."""
    seen: dict[str, int] = {}
    for page in pages:
        for masked in {_masked(text) for text in page.edges if not _titled(text)}:
            seen[masked] = seen.get(masked, 0) + 1
    return {masked for masked, count in seen.items() if count >= 2 and re.search(r"[^\W\d_]", masked)}


def _titled(text: str) -> bool:
    """A table's title: printed again over each part of a table continued over pages, never a running head."""
    return bool(_TABLE_TITLE.match(text) and TITLE.match(text))


def running_lines(pages: list[Page]) -> set[str]:
    """Lines printed on several pages, numbers aside: running heads and feet ('Annual Report 2009  31')."""
    seen: dict[str, int] = {}
    for page in pages:
        for masked in {_masked(text) for text in page.loose if not _titled(text)}:
            seen[masked] = seen.get(masked, 0) + 1
    return {masked for masked, count in seen.items() if count >= 2}


def opening(page: Page, running: set[str]) -> tuple[str, ...]:
    """A table opened at the page's foot, below every table on it: its title line and the lines under it (column
    headers, a first heading), with no row of it on the page; the next page's first table may go on with it."""
    lines = [(text.strip(), above) for text, above in zip(page.loose, page.tables_above or (0,) * len(page.loose),
                                                          strict=True) if not is_running(text, running)]
    foot = [text for text, above in lines if above == len(page.tables)]
    titled = [index for index, text in enumerate(foot) if _TABLE_TITLE.match(text) and TITLE.match(text)]
    if not titled or titled[-1] == len(foot) - 1:
        return ()
    rest = foot[titled[-1]:]
    if any(NOTE.match(text) or prose(text) or LEADER.search(text) for text in rest[1:]):
        return ()
    return tuple(rest)


def _after_tables(page: Page, running: set[str]) -> list[str]:
    """The page's lines under its last table, running heads and feet aside."""
    return [text.strip() for text, above in zip(page.loose, page.tables_above, strict=True)
            if above == len(page.tables) and not is_running(text, running)]


def opened_as_table(page: Page, running: set[str]) -> tuple[str, ...]:
    """A table opened at the page's foot that the structure stage found as a table with no count in it: its
    caption, its column headers and a first heading, nothing after it on the page but running lines. Its lines,
    as `opening` gives them for one left loose, for the next page's first table to go on with."""
    if not page.tables:
        return ()
    last = page.tables[-1]
    if _after_tables(page, running) or \
            any(_COUNT.match(cell.text.strip()) and not YEAR.match(cell.text.strip()) for cell in last.cells):
        return ()
    return tuple(caption([text for text in (*last.above, *last.title) if not is_running(text, running)])) + \
        tuple(text for text in row_texts(last) if text.strip())


def row_texts(table: Table) -> tuple[str, ...]:
    """Each row's text, its cells left to right (the line it was printed as, spaces aside)."""
    return tuple(" ".join(text for text in row if text) for row in table.grid())


def headings_at_foot(page: Page, towns, vocabulary: Vocabulary, running: set[str]) -> tuple[str, ...]:
    """Lines set under the page's last table (its notes, or loose after it) that name one statute or one measure
    alone ('C.G.S. § 53a-87: Promoting prostitution 2nd deg.') and no count: a heading whose rows go on overleaf,
    if the table's rows were under headings of that kind (`read_document` decides, knowing them)."""
    if not page.tables:
        return ()
    last = page.tables[-1]
    after = [*last.notes, *last.below] + _after_tables(page, running)
    return tuple(dict.fromkeys(text for text in after if what_it_names(text, towns, vocabulary) and
                               len({m.value for m in vocabulary.statutes_in(text)}) <= 1 and
                               not _COUNT_AT_END.search(text)))


def rows_overleaf(before: Page, page: Page, towns, vocabulary: Vocabulary, running: set[str]) -> Table | None:
    """Lines opening a page, before any table on it (under a '(continued)' title at most), each printed in the
    columns of the table last on the page before: that table's rows going on overleaf, too few or too bare to
    form a table of their own (names whose every count is blank, a year alone where the years run, a last row of
    totals). A table of them, each piece of text in the column it was printed in, for the table before to go on
    with (its lines after them are its notes); None if the page opens otherwise."""
    if not before.tables or not page.loose_pieces or any(prose(text) for text in _after_tables(before, running)):
        return None  # (running text after the last table: it ended on its page)
    last = before.tables[-1]
    bands, kinds = _columns_of(last, towns, vocabulary)
    if not bands:
        return None
    rows: list[list[Cell]] = []
    below: list[str] = []  # the lines after them, before any table: their notes (a legend: 'Blank cells ...')
    for text, above, pieces in zip(page.loose, page.tables_above, page.loose_pieces, strict=True):
        if above:
            break
        if is_running(text, running) or not rows and TITLE.match(text) and CONTINUED.search(text):
            continue
        placed = None if below else _placed(pieces, bands, len(rows), kinds, towns, vocabulary)
        if placed is not None:
            rows.append(placed)
        elif not rows:
            return None
        else:
            below.append(text.strip())
    if not rows:
        return None
    cells = [cell for row in rows for cell in row]
    bbox = (min(c.box[0] for c in cells), min(c.box[1] for c in cells), max(c.box[2] for c in cells),
            max(c.box[3] for c in cells))
    return Table(page.number, bbox, tuple(cells), pages=(page.number,), below=tuple(below))


def part_overleaf(before: Page, page: Page, towns, vocabulary: Vocabulary, running: set[str]) -> Table | None:
    """A page's first table with no header of its own, under at most a '(continued)' title, whose every row is
    printed in the columns of the table last on the page before, though its own columns part otherwise (a column
    blank in it drew no river there): that table's rows going on, each cell in the column it was printed in;
    None if the page opens otherwise."""
    if not before.tables or not page.tables or any(prose(text) for text in _after_tables(before, running)):
        return None
    table, last = page.tables[0], before.tables[-1]
    over = [text for text, above in zip(page.loose, page.tables_above or [0] * len(page.loose), strict=True)
            if not above] + list(table.above) + list(table.title)
    if table.header_rows or table.cols == last.cols or not all(
            is_running(text, running) or TITLE.match(text) and CONTINUED.search(text) for text in over):
        return None
    bands, kinds = _columns_of(last, towns, vocabulary)
    if not bands:
        return None
    cells: list[Cell] = []
    for row in range(table.rows):
        pieces = [(cell.text, cell.box) for cell in sorted(table.cells, key=lambda cell: cell.col)
                  if cell.row == row and cell.text.strip()]
        placed = _placed(pieces, bands, row, kinds, towns, vocabulary) if pieces else []
        if placed is None:
            return None
        cells += placed
    return replace(table, cells=tuple(cells)) if cells else None


def _columns_of(table: Table, towns, vocabulary: Vocabulary) -> tuple[dict[int, tuple[float, float, float]], set[str]]:
    """Where each column of a table's body prints (`_bands`), and the kinds of names its rows have: what a row
    going on overleaf must be set in; no bands if its names column prints nothing."""
    bands = _bands(table)
    if 0 not in bands:
        return {}, set()
    return bands, {name_kind(cell.text, towns, vocabulary) for cell in table.cells
                   if cell.col == 0 and cell.row >= table.header_rows and cell.text.strip()}


def _bands(table: Table) -> dict[int, tuple[float, float, float]]:
    """Where each column of a table's body prints (x0, x1 in PDF points, and its font size), from its cells of
    one column."""
    bands: dict[int, tuple[float, float, float]] = {}
    for cell in table.cells:
        if cell.row >= table.header_rows and cell.col_span == 1 and cell.size and cell.text.strip():
            x0, x1, size = bands.get(cell.col, (cell.box[0], cell.box[2], cell.size))
            bands[cell.col] = (min(x0, cell.box[0]), max(x1, cell.box[2]), max(size, cell.size))
    return bands


def _placed(pieces, bands: dict[int, tuple[float, float, float]], row: int, kinds: set[str], towns,
            vocabulary: Vocabulary) -> list[Cell] | None:
    """A line's pieces as a row of the table the bands are of: each in the table's type size and within one
    column's band (a name of a kind its rows have, where its names are, flush with them or indented; values in
    value columns), left to right; None if any piece is set otherwise (a title, a line of other text)."""
    cells: list[Cell] = []
    size = bands[0][2]
    for text, box in pieces:
        if abs((box[3] - box[1]) - size) > 0.2 * size:
            return None
        inside = [col for col, (x0, x1, _) in bands.items()
                  if x0 - 0.6 * size <= (box[0] + box[2]) / 2 <= x1 + 0.6 * size]
        if len(inside) != 1 or cells and inside[0] <= cells[-1].col:
            return None
        col = inside[0]
        if any(box[2] > x0 + 0.3 * size and box[0] < x1 - 0.3 * size
               for other, (x0, x1, _) in bands.items() if other != col):
            return None  # reaching into another column: a line of other text
        if col == 0:
            if abs(box[0] - bands[0][0]) > 0.6 * size and not _indented(box, bands[0], size) or \
                    name_kind(text, towns, vocabulary) not in kinds - {"unknown"}:
                return None
        elif not _COUNT.match(text) and not YEAR.match(text):
            return None
        cells.append(Cell(row, col, text, 1, 1, box, (), size))
    return cells or None


def _indented(box, band: tuple[float, float, float], size: float) -> bool:
    """Set in from the names' left edge by an indent (a measure under its statute)."""
    return band[0] < box[0] <= band[0] + 3 * size


def lost_rows(page: Page, file: str, towns, vocabulary: Vocabulary, running: set[str],
              accounted: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """Lines outside every table that read like one of its rows: a place's name alone, a name with a count after
    it, a short line ending in several counts, or a name under a table's title (or '(continued)') with no table
    found under it. A row the structure stage did not place in a table would otherwise vanish without a word.
    Each refusal names the whole run of short lines around it (a name the reference does not know among them)."""
    lines = [text.strip() for text in page.loose]
    spaceless = {_spaceless(text) for text in accounted}  # (a count glued to its name read apart: 'Total5,937')
    flagged: set[int] = set()
    promised = False  # under a '(continued)' title no table was found for: its rows are somewhere below
    below = page.tables_above or tuple(0 for _ in lines)
    for index, line in enumerate(lines):
        if LEADER.search(line):  # a contents line ('Table 4. Arrests ..... 14') promises no table here, and the
            promised = False  # line it wraps onto is no row
            continue
        if TITLE.match(line):  # a table's title with no table found under it on the page, or '(continued)'
            promised = (bool(CONTINUED.search(line)) or bool(_TABLE_TITLE.match(line))) and below[index] == len(
                page.tables)
            continue
        if NOTE.match(line) or prose(line):
            promised = False
        if LEADER.search(line) or is_running(line, running) or _spaceless(line) in spaceless:
            continue  # a contents line ('Table 4. Arrests ..... 14'), a running head or foot, a table's opening
        if promised and name_kind(line, towns, vocabulary) != "unknown" or _row_like(line, towns, vocabulary):
            flagged.add(index)
    refusals: list[tuple[str, str]] = []
    done: set[int] = set()
    for index in sorted(flagged):
        if index in done:
            continue
        start, end = index, index + 1
        while start > 0 and _short(lines[start - 1], running):
            start -= 1
        while end < len(lines) and _short(lines[end], running):
            end += 1
        done |= set(range(start, end))
        shown = " / ".join(repr(line) for line in lines[start:end])
        refusals.append((f"{file}, page {page.number}",
                         f"{file}, page {page.number}: {shown} printed outside every table read (rows of a table "
                         "the reader did not find): refused rather than read without them"))
    return refusals


def _spaceless(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _row_like(line: str, towns, vocabulary: Vocabulary) -> bool:
    words = line.split()
    if len(words) >= 2 and YEAR.match(words[0]) and all(_COUNT.match(word) for word in words[1:]) and \
            not all(YEAR.match(word) for word in words[1:]):
        return True  # a year and its counts: a row of a table by year ('2017 15 3')
    found = _TRAILING_COUNTS.match(line) if len(words) <= 10 else None
    counts = [word for word in found.group("counts").split() if not YEAR.match(word)] if found else []
    name = found.group("name").strip() if counts else line
    kind = resolve(name, towns)[1]
    return kind in ("town", "state_police") or len(counts) >= 2 or bool(counts) and (
        kind != "unresolved" or name_kind(name, towns, vocabulary) != "unknown")


def _short(line: str, running: set[str]) -> bool:
    """A line that could be a row: a few words, no title, note, sentence, contents line or running head."""
    return 0 < len(line.split()) <= 6 and not (TITLE.match(line) or NOTE.match(line) or prose(line) or
                                               LEADER.search(line) or is_running(line, running))
