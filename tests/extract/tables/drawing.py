"""Tiny PDFs drawn for one test each, with reportlab, into tmp_path: text at exact positions in chosen fonts and
sizes, rules, rectangles, curves, rotated pages, superscripts and form XObjects. Every position is in PDF points,
origin bottom left, so that a test can say where a thing was printed and check where the reader puts it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from pipeline.extract.tables.geometry import PageGeometry, read_page
from pipeline.extract.tables.settings import DEFAULT, TableSettings
from pipeline.extract.tables.words import TextLine, text_lines

LETTER = (612.0, 792.0)
FONT = "Helvetica"


class Sheet:
    """A PDF being drawn, page by page; `save()` writes it. Methods return the sheet so calls can chain."""

    def __init__(self, path: Path, size: tuple[float, float] = LETTER, encrypt: str | None = None) -> None:
        self.path = Path(path)
        self.size = size  # the media box, (width, height): what drawing coordinates refer to
        self.canvas = Canvas(str(self.path), pagesize=size, encrypt=encrypt, invariant=1)
        self.pages = 1
        self.rotation = 0  # the current page's /Rotate

    # --------------------------------------------------------------------------------------------- text
    def text(self, x: float, y: float, text: str, size: float = 10, font: str = FONT) -> Sheet:
        """`text` with its baseline's left end at (x, y)."""
        self.canvas.setFont(font, size)
        self.canvas.drawString(x, y, text)
        return self

    def right(self, x: float, y: float, text: str, size: float = 10, font: str = FONT) -> Sheet:
        """`text` ending at x (numbers in a column are set flush right)."""
        self.canvas.setFont(font, size)
        self.canvas.drawRightString(x, y, text)
        return self

    def row(self, y: float, cells: Sequence[tuple[float, str]], size: float = 10, font: str = FONT) -> Sheet:
        """One line of cells: each (x, text), x its left edge; a negative x sets the text flush right at -x."""
        for x, text in cells:
            if x < 0:
                self.right(-x, y, text, size, font)
            else:
                self.text(x, y, text, size, font)
        return self

    def raised(self, x: float, y: float, text: str, size: float, rise: float, font: str = FONT) -> Sheet:
        """A superscript: smaller text whose baseline sits `rise` above y (a footnote mark)."""
        return self.text(x, y + rise, text, size, font)

    def scaled(self, x: float, y: float, text: str, size: float, font: str = FONT) -> Sheet:
        """Text drawn the way many producers do: font size operand 1, the size set by the text matrix."""
        obj = self.canvas.beginText()
        obj.setTextTransform(size, 0, 0, size, x, y)
        obj.setFont(font, 1)
        obj.textOut(text)
        self.canvas.drawText(obj)
        return self

    def turned(self, x: float, y: float, text: str, angle: float, size: float = 10, font: str = FONT) -> Sheet:
        """Text rotated `angle` degrees counter-clockwise about (x, y) (a sideways table, a diagonal watermark)."""
        self.canvas.saveState()
        self.canvas.translate(x, y)
        self.canvas.rotate(angle)
        self.canvas.setFont(font, size)
        self.canvas.drawString(0, 0, text)
        self.canvas.restoreState()
        return self

    def upright(self, sx: float, sy: float, text: str, size: float = 10, font: str = FONT) -> Sheet:
        """`text` reading upright on the page as shown (after its /Rotate), its baseline's left end at (sx, sy) of
        the shown page (origin bottom left): how a sideways-printed table looks in a viewer."""
        width, height = self.size
        x, y = {0: (sx, sy), 90: (width - sy, sx), 180: (width - sx, height - sy),
                270: (sy, height - sx)}[self.rotation]
        return self.turned(x, y, text, self.rotation, size, font)

    def shown_size(self) -> tuple[float, float]:
        """The current page's size as a viewer shows it."""
        width, height = self.size
        return (height, width) if self.rotation % 180 == 90 else (width, height)

    def width(self, text: str, size: float = 10, font: str = FONT) -> float:
        return self.canvas.stringWidth(text, font, size)

    # --------------------------------------------------------------------------------------------- drawings
    def line(self, x0: float, y0: float, x1: float, y1: float, width: float = 0.5) -> Sheet:
        """A stroked straight line."""
        self.canvas.setLineWidth(width)
        self.canvas.line(x0, y0, x1, y1)
        return self

    def rect(self, x: float, y: float, w: float, h: float, stroke: bool = True, fill: bool = False,
             width: float = 0.5) -> Sheet:
        """A rectangle drawn with the `re` operator (a shaded cell when filled, a box when stroked)."""
        self.canvas.setLineWidth(width)
        self.canvas.rect(x, y, w, h, stroke=int(stroke), fill=int(fill))
        return self

    def outline(self, x: float, y: float, w: float, h: float, width: float = 0.5) -> Sheet:
        """A rectangle drawn as one path of four line segments (moveto, 3 linetos, close), as many producers do."""
        path = self.canvas.beginPath()
        path.moveTo(x, y)
        path.lineTo(x + w, y)
        path.lineTo(x + w, y + h)
        path.lineTo(x, y + h)
        path.close()
        self.canvas.setLineWidth(width)
        self.canvas.drawPath(path, stroke=1, fill=0)
        return self

    def curve(self, x0: float, y0: float, x1: float, y1: float, fill: bool = False) -> Sheet:
        """One Bezier curve from (x0, y0) to (x1, y1), bulging upward (a chart's line, a logo's arc)."""
        path = self.canvas.beginPath()
        path.moveTo(x0, y0)
        path.curveTo(x0 + (x1 - x0) / 3, y1 + 40, x0 + 2 * (x1 - x0) / 3, y1 + 40, x1, y1)
        self.canvas.setLineWidth(1)
        self.canvas.drawPath(path, stroke=1, fill=int(fill))
        return self

    def grid(self, xs: Sequence[float], ys: Sequence[float], width: float = 0.5) -> Sheet:
        """A ruled grid: a vertical rule at each x from ys' lowest to highest, a horizontal one at each y."""
        for x in xs:
            self.line(x, min(ys), x, max(ys), width)
        for y in ys:
            self.line(min(xs), y, max(xs), y, width)
        return self

    @contextmanager
    def form(self, name: str, matrix: tuple[float, float, float, float, float, float]) -> Iterator[Sheet]:
        """Draw into a form XObject `name`, then place it on the page with `matrix` (a cm before its Do)."""
        self.canvas.beginForm(name)
        yield self
        self.canvas.endForm()
        self.canvas.saveState()
        self.canvas.transform(*matrix)
        self.canvas.doForm(name)
        self.canvas.restoreState()

    # --------------------------------------------------------------------------------------------- pages
    def rotate(self, degrees: int) -> Sheet:
        """The current page's /Rotate (a page printed sideways and shown turned); its media box stays the sheet's
        size, so drawing coordinates do not change (reportlab would swap the box's sides on a quarter turn)."""
        self.canvas.setPageRotation(degrees)
        self.rotation = degrees
        width, height = self.size
        self.canvas.setPageSize((height, width) if degrees % 180 == 90 else (width, height))
        return self

    def page(self) -> Sheet:
        """End the current page and start the next (upright, the sheet's size)."""
        self.canvas.showPage()
        self.canvas.setPageRotation(0)
        self.canvas.setPageSize(self.size)
        self.rotation = 0
        self.pages += 1
        return self

    def save(self) -> Path:
        self.canvas.save()
        return self.path


def table(sheet: Sheet, top: float, rows: Iterable[Sequence[str]], columns: Sequence[float], leading: float = 14,
          size: float = 10) -> float:
    """Rows of cells, the first column set flush left at columns[0], every other flush right at its x (a table of
    counts); returns the baseline of the last row."""
    y = top
    for cells in rows:
        for index, (x, text) in enumerate(zip(columns, cells, strict=False)):
            if index == 0:
                sheet.text(x, y, text, size)
            else:
                sheet.right(x, y, text, size)
        y -= leading
    return y + leading

def run_together(sheet: Sheet, x: float, y: float, words: list[str]) -> list[tuple[float, float]]:
    """Column headers set one space apart from x on: one phrase. Returns each one's left and right end."""
    spans = []
    for word in words:
        sheet.text(x, y, word)
        spans.append((x, x + sheet.width(word)))
        x = spans[-1][1] + sheet.width(" ")
    return spans


def tight_counts(sheet: Sheet, top: float, spans: list[tuple[float, float]], aligns: list[str]) -> list[list[str]]:
    """Five rows of counts, each column's centred on its header's span or flush with its left or right end."""
    rows = []
    for index, town in enumerate(["Avon", "Bristol", "Canton", "Danbury", "Enfield"]):
        y = top - 14 * index
        sheet.text(72, y, town)
        rows.append([town])
        for column, ((x0, x1), align) in enumerate(zip(spans, aligns, strict=True)):
            count = str((index * 7 + column * 3) % 20)
            width = sheet.width(count)
            sheet.text({"centre": (x0 + x1 - width) / 2, "left": x0, "right": x1 - width}[align], y, count)
            rows[-1].append(count)
    return rows


def geometry(path: Path, number: int = 1, settings: TableSettings = DEFAULT) -> PageGeometry:
    """One page's geometry as the reader sees it (PDFium opened and closed here)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        page = document[number - 1]
        try:
            return read_page(page, number, settings)
        finally:
            page.close()
    finally:
        document.close()


def lines(path: Path, number: int = 1, settings: TableSettings = DEFAULT) -> list[TextLine]:
    """The page's printed lines (the words phase alone, on the geometry phase's glyphs)."""
    return text_lines(geometry(path, number, settings).glyphs, settings)


def texts(found: list[TextLine]) -> list[list[str]]:
    """Each line as its phrases' texts: what a test compares."""
    return [[phrase.text for phrase in line.phrases] for line in found]
