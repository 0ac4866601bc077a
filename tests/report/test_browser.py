"""The report as a reader sees it: headless Chromium loads report.html; every figure loads, nothing overflows."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

PROBE = """<script>
window.addEventListener('load', () => {
  const images = [...document.images];
  const broken = images.filter(i => !(i.complete && i.naturalWidth > 0)).length;
  const overflowing = [...document.querySelectorAll('p, h1, h2, h3, figcaption, caption')]
    .filter(e => e.scrollWidth > e.clientWidth + 1).length;
  document.title = 'PROBE' + JSON.stringify({images: images.length, broken,
    pageOverflow: document.documentElement.scrollWidth > window.innerWidth + 1, overflowing});
});
</script></body>"""


def probe(html: Path, tmp_path: Path) -> dict:
    page = tmp_path / "probe.html"
    page.write_text(html.read_text().replace("</body>", PROBE))
    dom = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,900",
                          "--virtual-time-budget=10000", "--dump-dom", page.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    match = re.search(r"<title>PROBE(.*?)</title>", dom)
    assert match, f"the probe did not run: {dom[:300]!r}"
    return json.loads(match.group(1).replace("&quot;", '"'))


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (.ci/run installs Debian's chromium)")
def test_report_renders_with_every_figure_and_no_overflow(pipeline_run, tmp_path: Path):
    reports = pipeline_run.settings.reports_dir
    html = reports / (reports / "LATEST").read_text().strip() / "report.html"
    result = probe(html, tmp_path)
    figures = len(list((html.parent / "figures").glob("*.png")))
    assert result == {"images": figures, "broken": 0, "pageOverflow": False, "overflowing": 0}
