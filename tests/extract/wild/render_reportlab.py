"""Draw a model report with reportlab, in real TrueType fonts (Debian's DejaVu and Liberation files).

Text goes down the way typesetters put it: kerned pairs as separately placed pieces, letter spacing, horizontal
scaling, f-ligature glyphs, superscript marks in a smaller raised font, headers turned 90 degrees, cells spanning
rows centred vertically. Every page carries a SYNTHETIC footer (and sometimes a diagonal watermark).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont as FTFont
from reportlab.pdfgen import canvas

from tests.extract.wild import model as M
from tests.extract.wild import vocabulary as V


@cache
def _cmap(family: str) -> frozenset[int]:
    return frozenset(FTFont(M.FONT_ROOT + M.FAMILIES[family][0], lazy=True).getBestCmap())


def _ligate(text: str, family: str) -> str:
    have = _cmap(family)
    for plain, glyph in V.LIGATURES:
        if ord(glyph) in have:
            text = text.replace(plain, glyph)
    return text


def _pieces(text: str, style: M.Style, size: float) -> list[tuple[str, float]]:
    """Split text at kerning pairs: (piece, extra advance after it) so each piece is placed on its own."""
    if not style.kerning:
        return [(text, 0.0)]
    out, start = [], 0
    for i in range(len(text) - 1):
        kern = V.KERN_PAIRS.get(text[i : i + 2])
        if kern:
            out.append((text[start : i + 1], kern * size))
            start = i + 1
    out.append((text[start:], 0.0))
    return out


def draw_runs(c: canvas.Canvas, x: float, y: float, runs: list[M.Run], style: M.Style, bold: bool) -> float:
    """Draw runs from (x, baseline y); returns the advance. Superscripts are smaller and raised."""
    start = x
    for run in runs:
        size = style.size * M.SUP_SCALE if run.sup else style.size
        rise = style.size * M.SUP_RISE if run.sup else 0.0
        font = M.font_name(style.family, bold)
        for piece, extra in _pieces(run.text, style, size):
            if not piece:
                continue
            shown = _ligate(piece, style.family) if style.ligatures and not run.sup else piece
            t = c.beginText(x, y + rise)
            t.setFont(font, size)
            if style.tracking:
                t.setCharSpace(style.tracking)
            if style.hscale != 1.0:
                t.setHorizScale(style.hscale * 100)
            t.textOut(shown)
            c.drawText(t)
            x += M.text_width(shown, style.family, size, bold) * style.hscale + style.tracking * len(shown) + extra
    return x - start


def runs_width(runs: list[M.Run], style: M.Style, bold: bool) -> float:
    w = 0.0
    for run in runs:
        size = style.size * M.SUP_SCALE if run.sup else style.size
        w += M.text_width(run.text, style.family, size, bold) * style.hscale + style.tracking * len(run.text)
        if style.kerning:
            w += sum(extra for _, extra in _pieces(run.text, style, size))
    return w


def _text(c: canvas.Canvas, x: float, y: float, text: str, size: float, style: M.Style, bold: bool = False) -> None:
    sized = M.Style(**{**style.__dict__, "size": size})
    draw_runs(c, x, y, [M.Run(text)], sized, bold)


def draw_cell(c: canvas.Canvas, cell: M.Cell, x: float, top: float, w: float, h: float, style: M.Style) -> None:
    """A cell's lines, vertically centred in its box, aligned left/right/centre; rotated cells read upwards."""
    fs = style.size
    lines = cell.lines()
    if cell.rotate:
        # turned 90 degrees: the text's baseline runs up the column, from the bottom of the box
        line = lines[0] if lines else []
        c.saveState()
        c.translate(x + w / 2 + 0.35 * fs, top - h + M.PAD_H * fs)
        c.rotate(90)
        draw_runs(c, 0, 0, line, style, cell.bold)
        c.restoreState()
        return
    block = len(lines) * M.LINE * fs
    y = top - (h - block) / 2 - 0.92 * fs
    for line in lines:
        lw = runs_width(line, style, cell.bold)
        if cell.align == "r":
            lx = x + w - M.PAD_H * fs - lw
        elif cell.align == "c":
            lx = x + (w - lw) / 2
        else:
            lx = x + M.PAD_H * fs
        draw_runs(c, lx, y, line, style, cell.bold)
        y -= M.LINE * fs


def draw_grid_table(c: canvas.Canvas, part: M.TablePart, x: float, top: float, width: float, style: M.Style) -> float:
    """The header and body grid at (x, top); returns its height."""
    grid = part.header + part.body
    ncols = len(grid[-1])
    widths = M.column_widths(grid, ncols, style)
    tw = sum(widths)
    if tw > width + 1:
        raise ValueError(f"table {part.table} is {tw:.0f} pt wide, the room is {width:.0f} pt")
    if style.centred:
        x += max(0.0, (width - tw) / 2)
    heights = [M.row_height(row, style) for row in grid]
    xs = [x]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [top]
    for h in heights:
        ys.append(ys[-1] - h)
    nh = len(part.header)
    # zebra fills first, under the text
    if part.zebra:
        c.saveState()
        c.setFillGray(0.88)
        for i in range(nh, len(grid)):
            if (i - nh) % 2 == 1:
                c.rect(x, ys[i + 1], tw, heights[i], stroke=0, fill=1)
        c.restoreState()
    c.saveState()
    c.setLineWidth(0.5)
    if part.grid == "full":
        for _, x0, x1, y0, y1 in _placed(grid, xs, ys, ncols):
            c.rect(x0, y1, x1 - x0, y0 - y1, stroke=1, fill=0)
    elif part.grid == "hrules":
        for i in range(len(grid) + 1):
            c.setLineWidth(0.9 if i in (0, nh, len(grid)) else 0.3)
            c.line(x, ys[i], x + tw, ys[i])
    elif part.grid == "zebra":
        c.line(x, ys[nh], x + tw, ys[nh])
    c.restoreState()
    for cell, x0, x1, y0, y1 in _placed(grid, xs, ys, ncols):
        draw_cell(c, cell, x0, y0, x1 - x0, y0 - y1, style)
    return top - ys[-1]


def draw_part(c: canvas.Canvas, part: M.TablePart, x: float, top: float, width: float, style: M.Style) -> float:
    """Title, subtitle, grid, notes: returns the height used (as the model's plan expects)."""
    fs, ts, ns = style.size, M.title_size(style), M.note_size(style)
    y = top
    for line in M.text_lines(part.title, width, ts, style, True):
        _text(c, x, y - ts, line, ts, style, True)
        y -= ts * M.LINE
    y -= 0.4 * fs
    if part.subtitle:
        for line in M.text_lines(part.subtitle, width, fs, style):
            _text(c, x, y - fs, line, fs, style)
            y -= fs * M.LINE
    y -= draw_grid_table(c, part, x, y, width, style)
    y -= 0.5 * fs
    for note in part.notes + ([part.below] if part.below else []):
        for line in M.text_lines(note, width, ns, style):
            _text(c, x, y - ns, line, ns, style)
            y -= ns * M.LINE
    return top - y


def draw_contents(c: canvas.Canvas, block: M.Block, x: float, top: float, width: float, style: M.Style) -> float:
    """A contents list with dot leaders running to right-aligned page numbers."""
    fs = style.size
    y = top
    _text(c, x, y - fs * 1.2, block.text, fs * 1.2, style, True)
    y -= fs * 1.2 * M.LINE * 1.5
    dot = M.text_width(".", style.family, fs) * style.hscale + style.tracking
    for title, page in block.entries:
        lines = M.text_lines(title, width * 0.85, fs, style)
        for line in lines[:-1]:
            _text(c, x, y - fs, line, fs, style)
            y -= fs * M.LINE
        last = lines[-1]
        _text(c, x, y - fs, last, fs, style)
        used = M.text_width(last, style.family, fs) * style.hscale + style.tracking * len(last)
        num = str(page)
        nw = M.text_width(num, style.family, fs) * style.hscale
        n_dots = max(3, int((width - used - nw - 2 * dot) / dot))
        _text(c, x + used + dot, y - fs, "." * n_dots, fs, style)
        _text(c, x + width - nw, y - fs, num, fs, style)
        y -= fs * M.LINE * 1.3
    return top - y


def render(report: M.Report, out: Path) -> None:
    """Write `report` as a PDF at `out`."""
    style = report.style
    fs = style.size
    c = canvas.Canvas(str(out), pagesize=style.page_size(False), pageCompression=1, invariant=1)
    c.setTitle(f"SYNTHETIC test report {report.name}")
    c.setAuthor("ctip wild layout fuzzer (SYNTHETIC)")
    c.setSubject("SYNTHETIC: every count is invented")
    n_pages = len(report.pages)
    for page in report.pages:
        pw, ph = style.page_size(page.landscape)
        c.setPageSize((pw, ph))
        top_m, right_m, bottom_m, left_m = style.margins
        width, height = style.text_box(page.landscape)
        if style.watermark:
            c.saveState()
            c.setFillGray(0.85)
            c.translate(pw / 2, ph / 2)
            c.rotate(40)
            c.setFont(M.font_name(style.family, True), 60)
            c.drawCentredString(0, 0, "SYNTHETIC")
            c.restoreState()
        y = ph - top_m
        for block in page.blocks:
            if block.kind == "heading":
                hs = M.heading_size(style)
                for line in M.text_lines(block.text, width, hs, style, True):
                    _text(c, left_m, y - hs, line, hs, style, True)
                    y -= hs * M.LINE
            elif block.kind == "para":
                for line in M.text_lines(block.text, width, fs, style):
                    _text(c, left_m, y - fs, line, fs, style)
                    y -= fs * M.LINE
            elif block.kind == "contents":
                y -= draw_contents(c, block, left_m, y, width, style)
            elif block.kind == "table":
                y -= draw_part(c, block.parts[0], left_m, y, width, style)
            elif block.kind == "pair":
                half = (width - 2 * fs) / 2
                ha = draw_part(c, block.parts[0], left_m, y, half, style)
                hb = draw_part(c, block.parts[1], left_m + half + 2 * fs, y, half, style)
                y -= max(ha, hb)
            y -= M.BLOCK_GAP * fs
        if y < bottom_m + 2.0 * fs:
            raise ValueError(f"{report.name}: page {page.number} overflows its bottom margin")
        footer = style.footer.format(p=page.number, n=n_pages)
        ns = M.note_size(style)
        fw = M.text_width(footer, style.family, ns)
        c.setFont(M.font_name(style.family), ns)
        c.drawString((pw - fw) / 2, bottom_m + 0.3 * fs, footer)
        c.showPage()
    c.save()


def _placed(grid: list, xs: list[float], ys: list[float], ncols: int):
    """Every printed cell with its box: (cell, x0, x1, y0, y1), spans included."""
    for i, row in enumerate(grid):
        for j, cell in enumerate(row):
            if cell is not None:
                yield cell, xs[j], xs[min(j + cell.colspan, ncols)], ys[i], ys[min(i + cell.rowspan, len(grid))]
