"""A SYNTHETIC TIPC report drawn as a PDF with reportlab: running heads, a watermark, contents, ruled and
whitespace tables over portrait and landscape pages."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import landscape, letter
from reportlab.pdfgen import canvas

from pipeline.synthetic import SYNTHETIC_AUTHOR
from pipeline.synthetic.tipc_spec import BANNER, ReportSpec, TableStyle, table_rows, table_title


# ---------------------------------------------------------------------------------------------- PDF layout
class Writer:
    """Draws pages with running header/footer and keeps track of page numbers for the ground truth."""

    MARGIN = 54

    def __init__(self, path: Path, spec: ReportSpec, encrypt: str | None = None) -> None:
        self.canvas = canvas.Canvas(str(path), pagesize=letter, invariant=1, encrypt=encrypt)
        self.canvas.setTitle(f"SYNTHETIC Trafficking in Persons Council Annual Report {spec.report_year}")
        self.canvas.setAuthor(SYNTHETIC_AUTHOR)
        self.spec = spec
        self.page = 0
        self.size = letter

    def new_page(self, landscape_page: bool = False) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        self.size = landscape(letter) if landscape_page else letter
        self.canvas.setPageSize(self.size)
        width, height = self.size
        c = self.canvas
        c.setFont("Helvetica", 7)
        running = f"Trafficking in Persons Council - Annual Report {self.spec.report_year}"
        c.drawString(self.MARGIN, height - 30, running)
        c.drawRightString(width - self.MARGIN, height - 30, BANNER)
        c.drawString(self.MARGIN, 24, "SYNTHETIC")
        c.drawRightString(width - self.MARGIN, 24, f"Page {self.page}")
        c.saveState()  # diagonal watermark, as stamped drafts carry
        c.setFillGray(0.88)
        c.setFont("Helvetica-Bold", 54)
        c.translate(width / 2, height / 2)
        c.rotate(35)
        c.drawCentredString(0, 0, "SYNTHETIC")
        c.restoreState()
        self.y = height - 70

    def text(self, line: str, size: float = 10, bold: bool = False, gap: float = 4) -> None:
        self.canvas.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        self.canvas.drawString(self.MARGIN, self.y, line)
        self.y -= size + gap

    def room(self, needed: float) -> bool:
        return self.y - needed > 60

    def save(self) -> None:
        self.canvas.showPage()
        self.canvas.save()


def front_matter(w: Writer, spec: ReportSpec, table_titles: list[str]) -> None:
    w.new_page()
    w.y -= 120
    w.text("STATE OF CONNECTICUT", 16, bold=True, gap=10)
    w.text("Trafficking in Persons Council", 22, bold=True, gap=10)
    w.text(f"Annual Report {spec.report_year}", 18, gap=30)
    w.text(BANNER, 11, bold=True, gap=8)
    w.text(f"Data: {spec.years[0]}-{spec.years[-1]}. Every town and year count in this document is invented.", 10)
    w.new_page()
    w.text("Contents", 14, bold=True, gap=12)
    for number, title in enumerate(["Introduction", "Findings", *table_titles], start=1):
        w.text(f"{number}.  {title} {'.' * 20} {number + 2}", 10)
    w.new_page()
    w.text("Introduction", 14, bold=True, gap=10)
    narrative = [
        f"In {spec.report_year} the Council reviewed arrests and convictions reported by the Judicial Branch",
        f"for {spec.years[0]} to {spec.years[-1]}. The tables that follow list, town by town, arrests and",
        "convictions under CGS 53a-82 (prostitution) and 53a-83 (patronizing a prostitute). Counts of",
        "1 or 2 are suppressed in some tables to protect privacy; a dash means none were reported.",
        "Findings: 12 towns reported more than 40 arrests; 3 of 5 recommendations were adopted.",
    ]
    for line in narrative:
        w.text(line, 10, gap=5)


def draw_table(w: Writer, number: int, style: TableStyle, spec: ReportSpec, counts, jurisdictions,
                truth: list[dict]) -> None:
    title = table_title(number, style, spec)
    font, size, row_height = "Helvetica", 8, 13
    if style.shape == "wide":
        header = ["Town", *map(str, spec.years), *(["Total"] if style.total_column else [])]
        widths = [120, *([34] * len(spec.years)), *([42] if style.total_column else [])]
    else:
        header = ["Town", "Year", *[f"{m.capitalize()} {s}" for s, m in style.measures]]
        widths = [150, 60, *([78] * len(style.measures))]
    rows = table_rows(style, spec, counts, jurisdictions)

    def start(continued: bool) -> None:
        w.new_page(style.landscape)
        w.text(title + (" (continued)" if continued else ""), 11, bold=True, gap=10)
        if continued and not style.repeat_header:
            return
        _draw_header(w, header, widths, style, size)

    start(False)
    table_on_page, row_on_page = 1, 0
    for row in rows:
        if not w.room(row_height):
            start(True)
            row_on_page = 0
        row_on_page += 1
        x = w.MARGIN
        w.canvas.setFont("Helvetica-Bold" if row["is_total"] else font, size)
        for i, (text, width) in enumerate(zip(row["cells"], widths, strict=True)):
            if i == 0 or (style.shape == "long" and i == 1):
                w.canvas.drawString(x + 3, w.y, text)
            else:
                w.canvas.drawRightString(x + width - 4, w.y, text)
            x += width
        if style.ruled:
            _rule_row(w, widths, row_height)
        for truth_row in row["truth"]:
            truth.append({**truth_row, "page": w.page, "table_index": table_on_page, "row_index": row_on_page})
        w.y -= row_height
    w.canvas.setFont(font, 7)
    w.y -= 6
    if style.suppress_below:
        w.text(f"{style.suppress_symbol} Counts of 1 to {style.suppress_below - 1} are suppressed.", 7)
    w.text("Source: Connecticut Judicial Branch (SYNTHETIC counts generated by ctip).", 7)


def _draw_header(w: Writer, header: list[str], widths: list[int], style: TableStyle, size: float) -> None:
    c = w.canvas
    c.setFont("Helvetica-Bold", size)
    lines = 2 if style.two_line_header else 1
    x = w.MARGIN
    for i, (text, width) in enumerate(zip(header, widths, strict=True)):
        parts = text.split(" ", 1) if (style.two_line_header and " " in text and i >= 2) else [text]
        for k, part in enumerate(parts):
            y = w.y - k * (size + 2)
            if i == 0 or (style.shape == "long" and i == 1):
                c.drawString(x + 3, y, part)
            else:
                c.drawRightString(x + width - 4, y, part)
        x += width
    height = 13 + (lines - 1) * (size + 2)
    if style.ruled:
        _rule_row(w, widths, height, top_offset=size + 2, bottom_extra=(lines - 1) * (size + 2))
    w.y -= height


def _rule_row(w: Writer, widths: list[int], height: float, top_offset: float = 10,
              bottom_extra: float = 0) -> None:
    c = w.canvas
    c.setLineWidth(0.4)
    top = w.y + top_offset
    bottom = w.y - 3 - bottom_extra
    x = w.MARGIN
    c.line(x, top, x + sum(widths), top)
    c.line(x, bottom, x + sum(widths), bottom)
    for width in [0, *widths]:
        x += width
        c.line(x, top, x, bottom)
