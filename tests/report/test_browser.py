"""The report as a reader sees it, in headless Chromium: every figure loads, nothing runs off a 1280 or an 800 px
screen, every link lands on a file of the version, an anchor of the page or a URL of the sources manifest, and
printed to PDF no table row, table header or figure is cut. Screenshots and the PDF are kept for reviewers."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]
WIDTHS = (1280, 800)
needs_chromium = pytest.mark.skipif(CHROMIUM is None,
                                    reason="no Chromium on this machine (.ci/run installs Debian's chromium)")

PROBE = """<script>
window.addEventListener('load', () => {
  const root = document.documentElement, width = root.clientWidth;
  const images = [...document.images];
  const wide = [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > width + 1 || e.scrollWidth > e.clientWidth + 1)
    .filter(e => getComputedStyle(e).display !== 'inline')
    .map(e => e.tagName + ': ' + e.textContent.slice(0, 60));
  document.title = 'PROBE' + JSON.stringify({images: images.length,
    broken: images.filter(i => !(i.complete && i.naturalWidth > 0)).length,
    scrollWidth: root.scrollWidth, clientWidth: width, wide: wide.slice(0, 10),
    links: [...document.links].map(a => a.href), ids: [...document.querySelectorAll('[id]')].map(e => e.id)});
});
</script></body>"""


def version_folder(pipeline_run) -> Path:
    reports = pipeline_run.settings.reports_dir
    return reports / (reports / "LATEST").read_text().strip()


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
                          capture_output=True, text=True, timeout=180)


def probe(html: Path, tmp_path: Path, width: int) -> dict:
    """Layout measured by the browser itself, on a copy of the page (beside the original, so links resolve)."""
    page = html.parent / f".probe-{width}.html"
    page.write_text(html.read_text(encoding="utf-8").replace("</body>", PROBE), encoding="utf-8")
    try:
        dom = chromium(tmp_path, f"--window-size={width},900", "--virtual-time-budget=10000", "--dump-dom",
                       page.as_uri()).stdout
    finally:
        page.unlink()
    match = re.search(r"<title>PROBE(.*?)</title>", dom)
    assert match, f"the probe did not run: {dom[:300]!r}"
    return json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&"))


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    """Where reviewers find the screenshots and the PDF: printed at the end of the test run (pytest -s)."""
    return tmp_path_factory.mktemp("report-screenshots")


@needs_chromium
@pytest.mark.parametrize("width", WIDTHS)
def test_report_fits_the_screen_with_every_figure(pipeline_run, tmp_path: Path, screenshots: Path, width: int):
    """Nothing wider than the window, not even inside a scrolling box: a table that scrolls or clips sideways
    hides its last columns from a reader and from the printer."""
    html = version_folder(pipeline_run) / "report.html"
    result = probe(html, tmp_path, width)
    figures = len(list((html.parent / "figures").glob("*.png")))
    assert (result["images"], result["broken"]) == (figures, 0)
    assert result["scrollWidth"] <= result["clientWidth"], f"the page scrolls sideways at {width} px"
    assert result["wide"] == [], f"wider than a {width} px window: {result['wide']}"
    validation = probe(html.parent / "validation" / "index.html", tmp_path, width)
    assert validation["scrollWidth"] <= validation["clientWidth"] and validation["wide"] == [], \
        f"the validation page at {width} px: {validation['wide']}"
    chromium(tmp_path, f"--window-size={width},1600", f"--screenshot={screenshots / f'report-{width}px.png'}",
             html.as_uri())
    print(f"screenshot: {screenshots / f'report-{width}px.png'}")


@needs_chromium
def test_every_link_resolves_to_the_version_or_the_manifest(pipeline_run, tmp_path: Path):
    folder = version_folder(pipeline_run)
    result = probe(folder / "report.html", tmp_path, WIDTHS[0])
    manifest = yaml.safe_load((pipeline_run.settings.raw_dir / "sources.yaml").read_text(encoding="utf-8"))
    manifest_urls = {entry[key] for entry in manifest["sources"] for key in ("url", "upstream_url") if key in entry}
    kinds = set()
    for href in result["links"]:
        url = urlparse(href)
        if url.scheme == "file":
            target = Path(unquote(url.path))
            assert target.is_relative_to(folder.resolve()), f"{href} leaves the report version"
            if target.name.startswith(".probe-"):  # a link to a place in the page itself
                assert url.fragment in result["ids"], f"{href}: no such anchor"
                kinds.add("anchor")
            else:
                assert target.is_file(), f"{href}: no such file in the version"
                kinds.add(target.relative_to(folder.resolve()).parts[0])
        else:
            assert href in manifest_urls, f"{href} is not a URL of raw/sources.yaml"
            kinds.add("source")
    assert {"anchor", "metrics", "validation", "lineage.json", "source"} <= kinds


class _Tables(HTMLParser):
    """Each table's header cells and each body row's cells, as text."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict] = []
        self._cell: list[str] | None = None
        self._row: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append({"header": [], "rows": []})
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell))
            self._cell = None
            if tag == "th":
                self.tables[-1]["header"].append(self._row.pop())
        elif tag == "tr" and self._row:
            self.tables[-1]["rows"].append(self._row)


def _squeezed(text: str) -> str:
    """Text without white space; PDFium reports a hyphen set at a line break as U+FFFE."""
    return re.sub(r"\s+", "", text.replace("\ufffe", "-"))


@needs_chromium
def test_printed_to_pdf_no_table_or_figure_is_cut(pipeline_run, tmp_path: Path, screenshots: Path):
    """A row is whole when one page holds every word of every cell; a table that runs over pages repeats its
    header on each; a figure is one image inside its page. A row cut at a page break, a column cut at the right
    margin or a figure split in two has some page that holds part of it and none that holds all."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    html = version_folder(pipeline_run) / "report.html"
    pdf = screenshots / "report.pdf"
    chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri())
    document = pdfium.PdfDocument(pdf)
    pages, images = [], []
    for page in document:
        pages.append(_squeezed(page.get_textpage().get_text_range()))
        width, height = page.get_size()
        for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
            left, bottom, right, top = obj.get_bounds()
            images.append(left >= -1 and bottom >= -1 and right <= width + 1 and top <= height + 1)
    print(f"PDF: {pdf} ({len(pages)} pages)")
    parser = _Tables()
    parser.feed(html.read_text(encoding="utf-8"))
    assert parser.tables and len(pages) > 1
    for number, table in enumerate(parser.tables, 1):
        page, used = 0, set()
        for row in table["rows"]:
            words = [_squeezed(w) for cell in row for w in cell.split()]
            holding = [p for p in range(page, len(pages)) if all(w in pages[p] for w in words)]
            assert holding, f"table {number} ({table['header'][:3]}...): row {row[:3]}... is on no page whole"
            page = holding[0]
            used.add(page)
        header = [_squeezed(h) for h in table["header"]]
        for p in sorted(used):
            assert all(h in pages[p] for h in header), f"table {number}: page {p + 1} has rows but no header"
    assert len(images) == html.read_text(encoding="utf-8").count("<img ") and all(images), \
        "a figure is split over pages or runs off its page"
