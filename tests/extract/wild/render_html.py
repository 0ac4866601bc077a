"""Draw the same model report as an HTML page of <table> elements and print it to PDF with headless Chromium.

A browser lays text out its own way (HarfBuzz shaping, real kerning and ligatures, its own table algorithm,
rowspan/colspan, writing-mode for turned headers, <sup> marks): a second, independent drawing of one report.
A script in the page checks that no page box overflows; an overflow is written into the PDF's title and the
generator refuses such a file rather than keep a truth that was not printed.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.extract.wild import model as M
from tests.extract.wild.browser import BrowserError, print_to_pdf

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
)


def chromium() -> str | None:
    """The Chromium binary (Debian's `chromium` package), or None where it is not installed."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def _runs(runs: list[M.Run]) -> str:
    out = []
    for run in runs:
        text = html.escape(run.text).replace("\n", "<br>")
        out.append(f"<sup>{text}</sup>" if run.sup else text)
    return "".join(out)


def _cell(cell: M.Cell, tag: str) -> str:
    attrs = []
    if cell.colspan > 1:
        attrs.append(f'colspan="{cell.colspan}"')
    if cell.rowspan > 1:
        attrs.append(f'rowspan="{cell.rowspan}"')
    classes = [{"l": "al", "r": "ar", "c": "ac"}[cell.align]]
    if cell.bold:
        classes.append("b")
    attrs.append(f'class="{" ".join(classes)}"')
    inner = _runs(cell.runs)
    if cell.rotate:
        inner = f'<div class="rot">{inner}</div>'
    return f"<{tag} {' '.join(attrs)}>{inner}</{tag}>"


def _table(part: M.TablePart) -> str:
    rows = ["<thead>"]
    for row in part.header:
        rows.append("<tr>" + "".join(_cell(c, "th") for c in row if c is not None) + "</tr>")
    rows.append("</thead><tbody>")
    for i, row in enumerate(part.body):
        cls = ' class="z"' if part.zebra and i % 2 == 1 else ""
        rows.append(f"<tr{cls}>" + "".join(_cell(c, "td") for c in row if c is not None) + "</tr>")
    rows.append("</tbody>")
    return f'<table class="g-{part.grid}">{"".join(rows)}</table>'


def _part(part: M.TablePart) -> str:
    out = [f'<div class="title">{html.escape(part.title)}</div>']
    if part.subtitle:
        out.append(f'<div class="sub">{html.escape(part.subtitle)}</div>')
    out.append(_table(part))
    out.append('<div class="after"></div>')
    for note in part.notes + ([part.below] if part.below else []):
        out.append(f'<div class="note">{html.escape(note)}</div>')
    return f'<div class="part">{"".join(out)}</div>'


def page_html(report: M.Report) -> str:
    """The whole report as one HTML document, one fixed-size box per page."""
    s = report.style
    fs, ts, ns, hs = s.size, M.title_size(s), M.note_size(s), M.heading_size(s)
    top, right, bottom, left = s.margins
    pw, ph = s.page_size(False)
    gap = M.BLOCK_GAP * fs
    css = f"""
@page {{ size: {pw}pt {ph}pt; margin: 0 }}
@page land {{ size: {ph}pt {pw}pt; margin: 0 }}
html, body {{ margin: 0; padding: 0 }}
body {{ font-family: '{s.family}'; font-size: {fs}pt; line-height: {M.LINE};
  font-kerning: {"normal" if s.kerning else "none"};
  font-variant-ligatures: {"common-ligatures" if s.ligatures else "none"};
  letter-spacing: {s.tracking}pt; -webkit-print-color-adjust: exact; print-color-adjust: exact }}
.page {{ position: relative; box-sizing: border-box; width: {pw}pt; height: {ph}pt; overflow: hidden;
  padding: {top}pt {right}pt {bottom}pt {left}pt; break-after: page }}
.page.land {{ page: land; width: {ph}pt; height: {pw}pt }}
.block {{ margin-bottom: {gap}pt }}
.heading {{ font-size: {hs}pt; font-weight: bold }}
.title {{ font-size: {ts}pt; font-weight: bold; margin-bottom: {0.4 * fs}pt }}
.note {{ font-size: {ns}pt }}
.after {{ height: {0.5 * fs}pt }}
.pair {{ display: flex; gap: {2 * fs}pt; align-items: flex-start }}
.pair > div {{ flex: 0 0 calc((100% - {2 * fs}pt) / 2) }}
table {{ border-collapse: collapse; font-size: {fs}pt; {"margin: 0 auto;" if s.centred else ""} }}
td, th {{ padding: {M.PAD_V}em {M.PAD_H}em; vertical-align: middle; white-space: nowrap; font-weight: normal;
  line-height: {M.LINE} }}
.b {{ font-weight: bold }} .al {{ text-align: left }} .ar {{ text-align: right }} .ac {{ text-align: center }}
sup {{ font-size: {M.SUP_SCALE * 100:.0f}%; vertical-align: {M.SUP_RISE / M.SUP_SCALE:.2f}em; line-height: 0 }}
th:has(.rot) {{ vertical-align: bottom }}
.rot {{ writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; display: inline-block }}
table.g-full td, table.g-full th {{ border: 0.5pt solid #000 }}
table.g-hrules {{ border-top: 0.9pt solid #000; border-bottom: 0.9pt solid #000 }}
table.g-hrules tr {{ border-top: 0.3pt solid #000 }}
table.g-hrules thead tr:last-child, table.g-zebra thead tr:last-child {{ border-bottom: 0.9pt solid #000 }}
tr.z td {{ background: #e0e0e0 }}
.toc {{ display: flex; align-items: baseline; margin-bottom: {0.3 * fs * M.LINE}pt }}
.toc .t {{ max-width: 85%; }} .toc .d {{ flex: 1; overflow: hidden; white-space: nowrap; margin: 0 3pt }}
.footer {{ position: absolute; left: 0; right: 0; bottom: {bottom + 0.3 * fs - 0.2 * ns}pt; text-align: center;
  font-size: {ns}pt; letter-spacing: 0 }}
.wm {{ position: absolute; left: 0; right: 0; top: 45%; text-align: center; font-size: 60pt; font-weight: bold;
  color: #d9d9d9; transform: rotate(-40deg); z-index: -1 }}
"""
    pages = []
    n = len(report.pages)
    for page in report.pages:
        blocks = []
        if s.watermark:
            blocks.append('<div class="wm">SYNTHETIC</div>')
        for block in page.blocks:
            if block.kind == "heading":
                blocks.append(f'<div class="block heading">{html.escape(block.text)}</div>')
            elif block.kind == "para":
                blocks.append(f'<div class="block">{html.escape(block.text)}</div>')
            elif block.kind == "contents":
                lines = [f'<div class="title" style="font-size:{fs * 1.2}pt">{html.escape(block.text)}</div>']
                for title, num in block.entries:
                    lines.append(
                        f'<div class="toc"><span class="t">{html.escape(title)}</span>'
                        f'<span class="d">{"." * 400}</span><span>{num}</span></div>'
                    )
                blocks.append(f'<div class="block">{"".join(lines)}</div>')
            elif block.kind == "table":
                blocks.append(f'<div class="block">{_part(block.parts[0])}</div>')
            elif block.kind == "pair":
                inner = "".join(f"<div>{_part(p)}</div>" for p in block.parts)
                blocks.append(f'<div class="block pair">{inner}</div>')
        footer = html.escape(s.footer.format(p=page.number, n=n))
        blocks.append(f'<div class="footer">{footer}</div>')
        cls = "page land" if page.landscape else "page"
        pages.append(f'<div class="{cls}" data-page="{page.number}">{"".join(blocks)}</div>')
    check = """
<script>
const bad = [];
for (const p of document.querySelectorAll('.page')) {
  const limit = p.getBoundingClientRect().bottom - parseFloat(getComputedStyle(p).paddingBottom);
  const right = p.getBoundingClientRect().right + 1;
  for (const el of p.querySelectorAll('.block')) {
    const r = el.getBoundingClientRect();
    if (r.bottom > limit + 1 || r.right > right) { bad.push(p.dataset.page); break; }
  }
  for (const t of p.querySelectorAll('table')) {
    if (t.getBoundingClientRect().right > right) { bad.push(p.dataset.page); break; }
  }
}
document.title = bad.length ? 'OVERFLOW ' + bad.join(',') : document.title;
</script>"""
    title = f"SYNTHETIC test report {report.name}"
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{css}</style></head><body>{''.join(pages)}{check}</body></html>"
    )


class RenderError(RuntimeError):
    """Chromium failed, or the printed pages do not hold what the model planned."""


def render(report: M.Report, out: Path, timeout: float = 120.0) -> None:
    """Write `report` as a PDF at `out` through headless Chromium; raise RenderError if a page overflowed."""
    binary = chromium()
    if binary is None:
        raise RenderError("chromium is not installed (Debian package `chromium`)")
    out = Path(out).resolve()
    with tempfile.TemporaryDirectory(prefix="ctip-wild-") as tmp:
        page = Path(tmp) / f"{report.name}.html"
        page.write_text(page_html(report), encoding="utf-8")
        try:
            print_to_pdf(binary, CHROMIUM_FLAGS, page, out, timeout)
        except BrowserError as exc:  # a browser kept open failed twice: print as one launch per page does
            out.unlink(missing_ok=True)
            cmd = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out}",
                   page.as_uri()]
            env = {**os.environ, "HOME": tmp}
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, check=False)
            if proc.returncode != 0 or not out.is_file():
                raise RenderError(f"chromium failed ({proc.returncode}; kept open: {exc}): "
                                  f"{proc.stderr.strip()[-400:]}") from None
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(out))
    try:
        title = pdf.get_metadata_dict().get("Title", "")
        n_pages = len(pdf)
    finally:
        pdf.close()
    if title.startswith("OVERFLOW"):
        raise RenderError(f"{report.name}: {title.lower()} (content past the page box)")
    if n_pages != len(report.pages):
        raise RenderError(f"{report.name}: printed {n_pages} pages, planned {len(report.pages)}")
