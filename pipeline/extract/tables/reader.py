"""The structure stage as one call: a PDF (or chosen pages, or chosen areas) to tables of cells. It knows
nothing of what the tables mean; `pipeline/extract` reads meaning on top of its grids."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.extract.tables.checks import PdfRefused, check_streams, open_checked
from pipeline.extract.tables.geometry import Frame, PageGeometry, PageTooComplex, read_page
from pipeline.extract.tables.grid import build_table
from pipeline.extract.tables.model import Page, Table
from pipeline.extract.tables.regions import find_regions
from pipeline.extract.tables.rules import Rule, join_rules, within
from pipeline.extract.tables.settings import DEFAULT, TableSettings
from pipeline.extract.tables.values import headed_values, value_parts
from pipeline.extract.tables.words import TextLine, joined, line_of, text_lines, turned_lines


class TableReadError(ValueError):
    """A file that cannot be read as a PDF, or a page or area that does not exist in it."""


@dataclass(frozen=True)
class Area:
    page: int  # 1-based
    box: tuple[float, float, float, float]  # PDF points x0, y0, x1, y1, origin bottom left


def read_tables(path: Path | str, pages: Iterable[int] | None = None, areas: Iterable[Area] = (),
                settings: TableSettings = DEFAULT) -> list[Table]:
    """Tables of the chosen pages (all by default), found on each page; or, where areas are given, the one
    table inside each area (in the order given)."""
    found = _read(Path(path), pages, list(areas), settings)
    return found if not found or isinstance(found[0], Table) else [t for page in found for t in page.tables]


def read_pages(path: Path | str, pages: Iterable[int] | None = None,
               settings: TableSettings = DEFAULT) -> list[Page]:
    """The chosen pages (all by default) as read: each page's tables and the lines outside them."""
    return _read(Path(path), pages, [], settings)


def _read(path: Path, pages: Iterable[int] | None, areas: list[Area], settings: TableSettings) -> list:
    try:
        document = open_checked(path, streams=False)
    except PdfRefused as exc:
        raise TableReadError(str(exc)) from None
    try:
        count = len(document)
        wanted = sorted({area.page for area in areas} if areas else set(pages or range(1, count + 1)))
        missing = [number for number in wanted if not 1 <= number <= count]
        if missing:
            raise TableReadError(f"{path.name}: no page {missing[0]} (the PDF has {count})")
        _check_text(path, document)
        if areas:
            _check_streams(path, set(wanted))
            tables: list[Table] = []
            by_page = {number: _geometry(document, number, settings, path) for number in wanted}
            for area in areas:
                table = table_in_area(by_page[area.page], area.box, settings)
                if table is not None:
                    tables.append(table)
            return tables
    finally:
        document.close()
    chunks = _chunks(wanted)
    if len(chunks) == 1:
        read = _read_pages(path, wanted, settings)
        if isinstance(read, tuple):
            raise TableReadError(read[1])
        return read
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(len(chunks) - 1, mp_context=multiprocessing.get_context("fork")) as pool:
        others = [pool.submit(_read_pages, path, chunk, settings) for chunk in chunks[1:]]
        parts = [_read_pages(path, chunks[0], settings)]  # this process reads its share meanwhile
        parts += [other.result() for other in others]
    refused = sorted(part for part in parts if isinstance(part, tuple))
    if refused:  # the first page refused, as one process reading them in order would have said
        raise TableReadError(refused[0][1])
    return sorted((page for part in parts for page in part), key=lambda page: page.number)


def _check_streams(path: Path, pages: set[int]) -> None:
    try:
        check_streams(path, pages)
    except PdfRefused as exc:
        raise TableReadError(str(exc)) from None


def _check_text(path: Path, document) -> None:
    """A PDF with no text layer at all is a scan: say so, rather than that it holds no tables; one whose content
    cannot be decoded is corrupt, not empty (PDFium shows a broken page as a blank one)."""
    import pypdfium2.raw as pdfium_c

    for index in range(len(document)):
        page = document[index]
        try:
            textpage = page.get_textpage()
            try:
                if textpage.count_chars() > 0:
                    return
            finally:
                textpage.close()
        finally:
            page.close()
    _check_streams(path, set(range(1, min(len(document), 20) + 1)))
    images = 0
    for index in range(min(len(document), 20)):
        page = document[index]
        try:
            images += sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))
        finally:
            page.close()
    if images:
        raise TableReadError(f"{path.name}: no text layer (an image-only or scanned PDF): run OCR first, e.g. "
                             "ocrmypdf, then read the OCR'd file")
    raise TableReadError(f"{path.name}: the PDF holds no text")


PARALLEL_FROM = 24  # pages: a longer document is read by one process per core, in page order


def _chunks(pages: list[int]) -> list[list[int]]:
    """Pages dealt over the cores in turn (long tables and short notes fall evenly on each), when there are
    enough of both and forking is safe (one thread)."""
    import os
    import threading

    cores = min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 8)
    if cores < 2 or len(pages) < PARALLEL_FROM or threading.active_count() > 1:
        return [pages]
    return [pages[start::cores] for start in range(cores)]


def _read_pages(path: Path, pages: list[int], settings: TableSettings) -> list[Page] | tuple[int, str]:
    """Some pages as read, their content streams checked first (a refusal comes back as its page and
    message)."""
    import pypdfium2 as pdfium

    try:
        check_streams(path, set(pages))
    except PdfRefused as exc:
        return exc.page, str(exc)
    document = pdfium.PdfDocument(str(path))
    collecting = gc.isenabled()  # the cycle collector, run every 700 new objects, walks every glyph and word the
    gc.disable()  # pages hold: 5 % of the reading time, for the few cycles reading makes (collected when it ends)
    try:
        read: list[Page] = []
        for number in pages:
            try:
                read.append(page_as_read(_geometry(document, number, settings, path), settings))
            except TableReadError as exc:
                return number, str(exc)
        return read
    finally:
        if collecting:
            gc.enable()
        document.close()


def _geometry(document, number: int, settings: TableSettings, path: Path) -> PageGeometry:
    import pypdfium2 as pdfium

    try:
        page = document[number - 1]
    except pdfium.PdfiumError as exc:
        raise TableReadError(f"{path.name}, page {number}: corrupt PDF ({exc})") from None
    try:
        return read_page(page, number, settings)
    except PageTooComplex as exc:
        raise TableReadError(f"{path.name}, page {number}: the page draws {exc} (a self-referencing form or a "
                             "drawing bomb?)") from None
    finally:
        page.close()


def table_in_area(geometry: PageGeometry, box: tuple[float, float, float, float],
                  settings: TableSettings = DEFAULT) -> Table | None:
    """The table printed inside a box of the page as shown: its glyphs by their centres, rules reaching in."""
    frame = geometry.frame
    x0, top, x1, bottom = frame.shown_box(*box)
    return _table(geometry, frame, (x0, top, x1, bottom), settings)


def _all_lines(glyphs, turned, settings: TableSettings) -> list[TextLine]:
    """The page's lines, those set sideways among them, top to bottom; counts run into their row's name parted
    from it where a column header stands over them."""
    lines = text_lines(glyphs, settings)
    if turned:
        lines = sorted(lines + turned_lines(turned, settings), key=lambda line: (line.baseline, line.x0))
    return headed_values(lines, settings)


def tables_on_page(geometry: PageGeometry, settings: TableSettings = DEFAULT) -> list[Table]:
    return list(page_as_read(geometry, settings).tables)


def page_as_read(geometry: PageGeometry, settings: TableSettings = DEFAULT) -> Page:
    """A page's tables, and its lines outside every table region."""
    lines = _all_lines(geometry.glyphs, geometry.turned, settings)
    horizontals, verticals = _rules(geometry, settings)
    regions = [region for region in find_regions(lines, horizontals, verticals, settings)
               if not _drawn_over(region, geometry.curves, settings)]
    tables = []
    tops: list[float] = []  # where each table starts down the page
    kept = []  # the regions that hold a table: a region that does not leaves its lines loose, never lost
    for region in regions:
        table = _table(geometry, geometry.frame, region, settings, captions=True, lines=_lines_in(lines, region),
                       rules=(horizontals, verticals))
        if table is not None and table.cols >= settings.min_columns:
            kept.append(region)
            tables.append(table)
            tops.append(region[1])
    for index, (table, region) in enumerate(zip(tables, kept, strict=True)):  # (captions: kept regions only)
        above, below = _context(lines, region, kept, settings)
        tables[index] = replace(table, above=above, below=below)
    inside = [any(_within(line, region) for region in kept) for line in lines]
    outside = [line for line, within in zip(lines, inside, strict=True) if not within]
    first = inside.index(True) if True in inside else len(lines)
    last = len(lines) - 1 - inside[::-1].index(True) if True in inside else -1
    edges = [line.text for line in lines[:min(first, 2)] + lines[max(last + 1, len(lines) - 2):]]
    frame = geometry.frame
    return Page(geometry.number, tuple(tables), tuple(line.text for line in outside),
                tuple(sum(1 for top in tops if top < line.top) for line in outside), tuple(edges),
                tuple(frame.pdf_box(line.x0, line.top, line.x1, line.bottom) for line in outside),
                tuple(tuple((joined(part), frame.pdf_box(part[0].x0, min(w.top for w in part), part[-1].x1,
                                                         max(w.bottom for w in part)))
                            for phrase in line.phrases for part in value_parts(phrase)) for line in outside))


def _within(line: TextLine, region) -> bool:
    x0, top, x1, bottom = region
    return top - 0.5 <= (line.top + line.bottom) / 2 <= bottom + 0.5 and line.x1 > x0 and line.x0 < x1


def _context(lines: list[TextLine], region, regions, settings: TableSettings) -> tuple[tuple[str, ...], ...]:
    """Text set close over and under a region, outside every region: walking away from it while the lines stay
    within `context_gap` line heights of each other (a running head far up the page is not its caption); of each
    line, the phrases not set nearer a table beside this one (two tables side by side each keep their own title, a
    line of it wrapped short of the table under it too)."""
    x0, top, x1, bottom = region
    free = [line for line in lines if not any(_within(line, other) for other in regions)]

    beside = [other for other in regions if other[1] < bottom and top < other[3] and (other[0] >= x1 or
                                                                                       other[2] <= x0)]

    def apart(p0: float, p1: float, r0: float, r1: float) -> float:
        return max(0.0, r0 - p1, p0 - r1)

    def theirs(p, other) -> bool:  # set over the table beside, or nearer to it than to this one
        nearer = apart(p.x0, p.x1, other[0], other[2]) - apart(p.x0, p.x1, x0, x1)
        return nearer < -1 or nearer <= 1 and other[0] - 1 <= (p.x0 + p.x1) / 2 <= other[2] + 1

    def over(line: TextLine) -> str:  # the line's text less what is set by a table beside this one (its caption)
        return " ".join(p.text for p in line.phrases if not any(theirs(p, other) for other in beside))

    above: list[str] = []
    edge = top
    for line in reversed([line for line in free if line.bottom <= top + 0.5]):
        if edge - line.bottom > settings.context_gap * line.size or len(above) >= settings.context_lines:
            break
        if over(line):
            above.insert(0, over(line))
        edge = line.top
    below: list[str] = []
    edge = bottom
    for line in [line for line in free if line.top >= bottom - 0.5]:
        if line.top - edge > settings.context_gap * line.size or len(below) >= settings.context_lines:
            break
        if over(line):
            below.append(over(line))
        edge = line.bottom
    return tuple(above), tuple(below)


def _drawn_over(region: tuple[float, float, float, float], curves, settings: TableSettings) -> bool:
    """A region a curved drawing covers much of is a chart's labels (axis ticks, a legend), not a table."""
    x0, top, x1, bottom = region
    area = max((x1 - x0) * (bottom - top), 1.0)
    covered = sum(max(0.0, min(x1, c.x1) - max(x0, c.x0)) * max(0.0, min(bottom, c.bottom) - max(top, c.top))
                  for c in curves)
    return covered >= settings.chart_cover * area


def _rules(geometry: PageGeometry, settings: TableSettings) -> tuple[list[Rule], list[Rule]]:
    size = _body_size(geometry)
    return join_rules(geometry.rules, settings.rule_join * size, settings.rule_min_length * size)


def _body_size(geometry: PageGeometry) -> float:
    sizes = sorted(glyph.size for glyph in geometry.glyphs)
    return sizes[len(sizes) // 2] if sizes else 10.0


def _lines_in(lines: list[TextLine], region: tuple[float, float, float, float]) -> list[TextLine]:
    """The page's lines cut to a region: phrases whose middle lies inside it."""
    x0, top, x1, bottom = region
    kept = []
    for line in lines:
        if top - 0.5 <= (line.top + line.bottom) / 2 <= bottom + 0.5:
            phrases = [p for p in line.phrases if x0 - 0.5 <= (p.x0 + p.x1) / 2 <= x1 + 0.5]
            if len(phrases) == len(line.phrases):
                kept.append(line)
            elif phrases:
                kept.append(line_of(phrases, line.baseline, line.size))
    return kept


def _table(geometry: PageGeometry, frame: Frame, region: tuple[float, float, float, float],
           settings: TableSettings, captions: bool = False, lines: list[TextLine] | None = None,
           rules: tuple[list[Rule], list[Rule]] | None = None) -> Table | None:
    x0, top, x1, bottom = region
    if lines is None:  # a given area: its glyphs by their centres (a line may run out of it)
        glyphs = [glyph for glyph in geometry.glyphs
                  if x0 - 0.5 <= (glyph.x0 + glyph.x1) / 2 <= x1 + 0.5 and
                  top - 0.5 <= (glyph.top + glyph.bottom) / 2 <= bottom + 0.5]
        turned = [glyph for glyph in geometry.turned
                  if x0 - 0.5 <= (glyph.x0 + glyph.x1) / 2 <= x1 + 0.5 and
                  top - 0.5 <= (glyph.top + glyph.bottom) / 2 <= bottom + 0.5]
        lines = _all_lines(glyphs, turned, settings)
    if not lines:
        return None
    horizontals, verticals = rules or _rules(geometry, settings)
    margin = settings.region_margin * lines[0].size
    horizontals = within(horizontals, top - margin, bottom + margin, x0, x1)
    verticals = within(verticals, x0 - margin, x1 + margin, top, bottom)
    return build_table(geometry.number, frame, lines, horizontals, verticals, settings, captions)
