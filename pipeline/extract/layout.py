"""Geometry without meaning: a table file (PDF, CSV, XLSX) as printed lines of positioned cells.

PDFs: PDFium places every character (pdfminer first checks every content stream, since PDFium silently skips a
damaged one); characters become words and cells by their gaps, lines by their baselines, in the text's own
orientation (a page drawn sideways reads like an upright one; a rotated watermark is the minority and is
dropped). CSV and XLSX give the same lines, one cell per column. Running headers and footers are recognised by
what they are, text repeated across pages at the same place, never by a fixed margin.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.extract.meaning.sheets import csv_lines, xlsx_lines
from pipeline.extract.tables.checks import PdfRefused, open_checked
from pipeline.extract.tidy import ExtractionError


@dataclass(frozen=True)
class Cell:
    text: str
    x0: float
    x1: float
    # PDF: where each printed space of the text lies (x0, x1), in order, so that a phrase set across two tight
    # columns can be split where the columns part
    gaps: tuple[tuple[float, float], ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class Line:
    page: int | None  # 1-based page (PDF) or sheet (XLSX); None for CSV
    number: int  # line number on the page (PDF) or in the file (CSV/XLSX), for messages
    cells: tuple[Cell, ...]
    top: float = 0.0  # PDF: distance from the top of the page, in points; CSV/XLSX: the line number
    bottom: float = 0.0
    grid: bool = False  # CSV/XLSX: x positions are column numbers, not points
    fields: int = 0  # CSV/XLSX: how many fields the row has (a short row is not a row of blank cells)

    @property
    def text(self) -> str:
        return " ".join(cell.text for cell in self.cells)


# ---------------------------------------------------------------------------------------------- readers
def _page_lines(page, number: int) -> tuple[list[Line], int, int]:
    """Characters of the page as lines of cells, plus how many characters and images the page holds.

    Text is read in its own orientation: the angle most characters share (0, 90, 180 or 270 degrees) is the
    page's reading direction, and every character box is turned into that frame. Characters at other angles
    (a diagonal watermark or stamp: 'SYNTHETIC', 'DRAFT') never become table text.
    """
    import math

    import pypdfium2.raw as pdfium_c

    width, height = page.get_width(), page.get_height()
    if page.get_rotation() in (90, 270):  # PDFium reports the shown size; character boxes are in the unrotated page
        width, height = height, width
    textpage = page.get_textpage()
    placed = []
    try:
        total = textpage.count_chars()
        text = textpage.get_text_range(0, total) if total else ""
        for index in range(total):
            character = text[index] if index < len(text) else ""
            if pdfium_c.FPDFText_IsGenerated(textpage.raw, index) == 1 or (character != " " and
                                                                            not character.strip()):
                continue  # a space PDFium inferred, a line break; a printed space is kept: it joins words
            angle = round(math.degrees(pdfium_c.FPDFText_GetCharAngle(textpage.raw, index))) % 360
            left, bottom, right, top = textpage.get_charbox(index, loose=True)
            placed.append((angle, left, bottom, right, top, character, index))
    finally:
        textpage.close()
    images = sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=1))
    if not placed:
        return [], total, images
    reading = Counter(angle for angle, *_ in placed).most_common(1)[0][0]
    chars = [_turn(left, bottom, right, top, reading, width, height) + (character, index)
             for angle, left, bottom, right, top, character, index in placed if abs(angle - reading) <= 1]
    return _lines_of(chars, number), total, images


def _turn(left: float, bottom: float, right: float, top: float, angle: int, width: float,
          height: float) -> tuple[float, float, float, float]:
    """A character box (PDF space, y up) as (top, bottom, left, right) in its reading frame (y down)."""
    # PDFium measures the angle clockwise: 90 is text running down the page (a /Rotate 270 page drawn to show
    # upright), 270 text running up it (/Rotate 90)
    if 45 <= angle < 135:  # runs down: lines stack leftwards
        return width - right, width - left, height - top, height - bottom
    if 135 <= angle < 225:  # upside down
        return bottom, top, width - right, width - left
    if 225 <= angle < 315:  # runs up: lines stack rightwards
        return left, right, bottom, top
    return height - top, height - bottom, left, right


def _lines_of(chars: list[tuple], page_number: int) -> list[Line]:
    """Characters (top, bottom, left, right, text) to lines by baseline, and to cells by the gaps between them.

    A gap wider than about half a character height separates cells, unless a printed space fills it: words of one
    phrase are joined by spaces, columns are set apart by position alone."""
    spaces = sorted(((ch[0] + ch[1]) / 2, (ch[2] + ch[3]) / 2) for ch in chars if ch[4] == " ")
    glyphs = sorted((ch for ch in chars if ch[4] != " "), key=lambda ch: (round(ch[0]), ch[2]))
    rows: list[list[tuple]] = []
    for ch in glyphs:
        if rows and abs(ch[0] - rows[-1][0][0]) <= 2.0:
            rows[-1].append(ch)
        else:
            rows.append([ch])
    lines = []
    for line_number, row in enumerate(rows, start=1):
        row.sort(key=lambda ch: ch[2])
        top, bottom = min(ch[0] for ch in row), max(ch[1] for ch in row)
        height = max(ch[1] - ch[0] for ch in row)
        low = bisect.bisect_left(spaces, (top - 2, float("-inf")))
        high = bisect.bisect_right(spaces, (bottom + 2, float("inf")))
        printed = sorted(x for _, x in spaces[low:high])
        cells = [cell for run in _runs(row) for cell in _cells_of(run, printed, height)]
        lines.append(Line(page_number, line_number, tuple(sorted(cells, key=lambda cell: cell.x0)),
                          top=top, bottom=bottom))
    return lines


def _overlaps(left: tuple, right: tuple) -> bool:
    """The right character starts before the middle of the left one: two texts printed over each other."""
    return right[2] < (left[2] + left[3]) / 2


def _runs(row: list[tuple]) -> list[list[tuple]]:
    """A line's characters as printed runs: all of them at once, unless two texts were set over each other (a
    name running into the year beside it, 'jurisdiction2s015'); then each run of the content stream on its own,
    cut where the next character steps back over the one before."""
    if not any(_overlaps(a, b) for a, b in zip(row, row[1:], strict=False)):
        return [row]
    runs: list[list[tuple]] = []
    for ch in sorted(row, key=lambda ch: ch[5]):
        if runs and not _overlaps(runs[-1][-1], ch) and ch[2] >= runs[-1][-1][2]:
            runs[-1].append(ch)
        else:
            runs.append([ch])
    return [sorted(run, key=lambda ch: ch[2]) for run in runs]


def _cells_of(row: list[tuple], printed: list[float], height: float) -> list[Cell]:
    """Characters (left to right) to cells: a gap wider than a third of the line height, with no printed space in
    it, separates two."""
    space = 0.33 * height
    cells: list[list[tuple]] = []
    joins: list[list[bool]] = []
    for ch in row:
        if cells:
            previous = cells[-1][-1]
            gap = ch[2] - previous[3]
            spaces_between = _spaces_between(printed, previous[3] - 1, ch[2] + 1) if gap > 0 else 0
            spaced = spaces_between > 0
            if gap <= space or spaces_between == 1 and gap <= 2.5 * height:  # two spaces: fixed-width columns
                cells[-1].append(ch)
                joins[-1].append(spaced or gap > space / 3)
                continue
        cells.append([ch])
        joins.append([])
    return [_cell_from_chars(group, spaced) for group, spaced in zip(cells, joins, strict=True)]


def _spaces_between(printed: list[float], left: float, right: float) -> int:
    return bisect.bisect_right(printed, right) - bisect.bisect_left(printed, left)


def _cell_from_chars(chars: list[tuple], spaced: list[bool]) -> Cell:
    """Join characters, with a space wherever one was printed or the gap is wider than a third of a space."""
    text = chars[0][4] + "".join((" " if gap else "") + ch[4] for ch, gap in zip(chars[1:], spaced, strict=True))
    gaps = tuple((left[3], ch[2]) for left, ch, gap in zip(chars, chars[1:], spaced, strict=False) if gap)
    return Cell(text, chars[0][2], chars[-1][3], gaps)


def read_pdf_lines(path: Path) -> list[Line]:
    """Every page's lines (PDFium reads the text; pdfminer checks the streams first)."""
    path = Path(path)
    try:  # bounds before the slow stream check: thousands of pages or poster-sized pages stop here
        document = open_checked(path)
    except PdfRefused as exc:
        raise ExtractionError(str(exc)) from None
    lines: list[Line] = []
    chars = images = 0
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                page_lines, page_chars, page_images = _page_lines(page, index + 1)
            finally:
                page.close()
            lines += page_lines
            chars += page_chars
            images += page_images
    finally:
        document.close()
    if chars == 0:
        if images:
            raise ExtractionError(f"{path.name}: no text layer (an image-only or scanned PDF): run OCR first, "
                                  "e.g. ocrmypdf, then extract the OCR'd file")
        raise ExtractionError(f"{path.name}: the PDF holds no text")
    return lines


def _cells(values: Iterable[object]) -> tuple[Cell, ...]:
    """Non-empty cells at their column number (x0 = column, x1 = column + 0.9): a blank cell is a gap, as on
    paper, so that both formats are read by the same rules."""
    return tuple(Cell(text, float(i), i + 0.9) for i, value in enumerate(values)
                 if (text := "" if value is None else str(value).strip()))


def read_csv_lines(path: Path) -> Iterator[Line]:
    for _, number, fields in csv_lines(path):
        cells = _cells(fields)
        if cells:
            yield Line(None, number, cells, top=number, bottom=number + 0.9, grid=True, fields=len(fields))


def read_xlsx_lines(path: Path) -> Iterator[Line]:
    for sheet, number, fields in xlsx_lines(path):
        cells = _cells(fields)
        if cells:
            yield Line(sheet, number, cells, top=number, bottom=number + 0.9, grid=True, fields=len(fields))




_PAGE_MARK = re.compile(r"^(?:page\s+\d{1,4}|[A-Z]?-?\d{1,3})(?:\s+of\s+\d{1,4})?$|^-\s*\d{1,3}\s*-$", re.IGNORECASE)


def _shape(text: str) -> str:
    """The text with its counters blanked (page numbers, years of a running head), but not its codes: '53a-86'
    and '53a-82' are two different headings, never one line repeated."""
    return re.sub(r"\d+[a-z]?-\d+[a-z]?|(\d+)", lambda m: "#" if m.group(1) else m.group(0),
                  re.sub(r"\s+", " ", text.strip().casefold()))


_NOTE_LINE = re.compile(r"^\s*(?:[–—‒−*†‡§¹²³⁴⁵⁶⁷⁸⁹-]+\s*\S|\(?[a-z0-9]\)\s|(?:notes?|sources?)\b)", re.IGNORECASE)


def running_lines(lines: list[Line], keep=lambda line: False) -> set[tuple[int | None, int]]:
    """(page, line) of running headers and footers: runs of lines from the top or bottom edge of a page whose text
    (digits aside) recurs at the same height (within 2 pt: a legend repeated under each part of a table sits
    wherever the part ends) on another page, each with at most two cells (a table's repeated column header has
    more) and not one that `keep` claims (a title, a row); and lone page marks ('Page 3 of 12', 'B-4', '- 7 -').
    Never a fixed margin."""
    by_page: dict[int | None, list[Line]] = {}
    for line in lines:
        if not line.grid:
            by_page.setdefault(line.page, []).append(line)
    placed: dict[str, list[tuple[int | None, float]]] = {}  # text shape -> (page, top) near an edge
    for page_lines in by_page.values():
        for line in page_lines[:3] + page_lines[-3:]:
            placed.setdefault(_shape(line.text), []).append((line.page, line.top))

    def elsewhere(line: Line, where: dict = placed) -> set:  # pages with the same text within 2 pt of its height
        return {page for page, top in where.get(_shape(line.text), ()) if page != line.page and abs(top - line.top)
                <= 2.0}

    fourth: dict[str, list[tuple[int | None, float]]] = {}  # the line under a page's first three, wherever it is
    for page_lines in by_page.values():
        for line in page_lines[3:4]:
            fourth.setdefault(_shape(line.text), []).append((line.page, line.top))

    def repeated(line: Line) -> bool:
        return (_PAGE_MARK.match(line.text.strip()) is not None or
                bool(elsewhere(line)) and len(line.cells) <= 2 and not keep(line))

    def set_under(line: Line, inner: Line | None) -> bool:  # a note set right under a table's last row
        if inner is None or not keep(inner) or not _NOTE_LINE.match(line.text):
            return False
        gap = line.top - inner.bottom if line.top >= inner.bottom else inner.top - line.bottom
        return gap < 1.5 * (line.bottom - line.top)

    def one_sentence(upper: Line | None, lower: Line | None) -> bool:  # a paragraph's lines, one running on into the
        # next ('... reported 274 arrests' / 'under the prostitution statutes, ...'): text, never a running head
        if upper is None or lower is None or len(upper.cells) != 1 or len(lower.cells) != 1:
            return False
        height = upper.bottom - upper.top
        return abs(upper.cells[0].x0 - lower.cells[0].x0) <= 1.0 and 0 <= lower.top - upper.bottom < 0.8 * height \
            and not re.search(r"[.!?:]$", upper.text.strip()) and bool(re.match(r"[a-z]", lower.text.strip()))

    running = set()
    for page_lines in by_page.values():
        count = len(page_lines)
        for edge, step in ((range(min(3, count)), 1), (range(count - 1, max(count - 4, -1), -1), -1)):
            run: list[Line] = []
            for index in edge:  # from the edge inwards; `inner` is the next line towards the middle
                line, inner = page_lines[index], page_lines[index + step] if 0 <= index + step < count else None
                if not repeated(line) or set_under(line, inner) or one_sentence(*((line, inner) if step == 1 else
                                                                                   (inner, line))):
                    break
                run.append(line)
            if step == 1 and run and len(run) < count:  # group headers of a table continued with its header
                below = page_lines[len(run)]  # repeated, set tight over its column-header line: the table's
                anchored = len(below.cells) >= 3 and bool(elsewhere(below) | elsewhere(below, fourth))  # (its
                # column headers repeated too: a running head set tight over a page's first row is still one)
                while anchored and run and below.top - run[-1].bottom < run[-1].bottom - run[-1].top:
                    below = run.pop()
            running |= {(line.page, line.number) for line in run}
    running |= {(line.page, line.number) for line in lines if not line.grid and _PAGE_MARK.match(line.text.strip())}
    return running
