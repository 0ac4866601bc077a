"""Hostile and absurd inputs: each stops with a clear message naming the file, quickly and in little memory."""

import resource
import time
from pathlib import Path

import pandas as pd
import pytest
from reportlab.pdfgen import canvas

from pipeline.extract.limits import MAX_PDF_PAGES
from pipeline.extract.meaning import extract_tipc
from pipeline.extract.tidy import ExtractionError, SourceRef
from pipeline.extract.ucr import extract_ucr_arrests
from tests.extract.hostile_pdfs import pdf_of

ROLES = {"53a-82": "seller", "53a-83": "buyer"}


def _extract(path: Path) -> pd.DataFrame:
    return extract_tipc(path, SourceRef(path.stem, "0" * 64, 2016, True, path.name), ["Hartford"], ROLES)


def _bounded(call, match: str, seconds: float = 20.0, extra_mb: int = 300) -> None:
    """The call raises the clear error, without taking long or growing the process much (peak RSS, in MB). Its
    CPU time is bounded, not the wall time: a loaded machine (make test runs files side by side) stretches the
    wait, never the work."""
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.process_time()
    with pytest.raises(ExtractionError, match=match):
        call()
    assert time.process_time() - started < seconds
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - peak_before < extra_mb


def test_a_gigabyte_csv_is_refused_before_it_is_read(tmp_path: Path):
    huge = tmp_path / "tipc_2016.csv"
    with open(huge, "wb") as handle:  # sparse: 3 GB long, no disk used
        handle.truncate(3 * 2**30)
    _bounded(lambda: _extract(huge), r"tipc_2016\.csv: 3,221,225,472 bytes, more than the .* bytes", 5, 50)
    ucr = SourceRef("ucr_arrests_2016", "0" * 64, 2016, False, huge.name)
    _bounded(lambda: extract_ucr_arrests(huge, ucr, pd.DataFrame(columns=["year", "column_header"])),
             "3,221,225,472 bytes", 5, 50)


def test_a_csv_with_one_endless_field_is_refused_with_its_line(tmp_path: Path):
    endless = tmp_path / "tipc_2016.csv"
    endless.write_text('Table 1,x\n"' + "9" * 2_000_000 + '",1\n')
    _bounded(lambda: _extract(endless), r"tipc_2016\.csv, line 2: unreadable CSV \(field larger than field limit")


def test_a_pdf_with_thousands_of_pages_is_refused(tmp_path: Path):
    pdf = tmp_path / "tipc_2016.pdf"
    document = canvas.Canvas(str(pdf), pagesize=(200, 200))
    for _ in range(MAX_PDF_PAGES + 1):
        document.showPage()
    document.save()
    _bounded(lambda: _extract(pdf), rf"tipc_2016\.pdf: {MAX_PDF_PAGES + 1:,} pages, more than the")


def test_a_poster_sized_page_is_refused(tmp_path: Path):
    pdf = tmp_path / "tipc_2016.pdf"
    document = canvas.Canvas(str(pdf), pagesize=(200, 200))
    document.drawString(10, 10, "Table 1")
    document.showPage()
    document.setPageSize((50_000, 300))
    document.drawString(10, 10, "Hartford 1 2")
    document.showPage()
    document.save()
    _bounded(lambda: _extract(pdf), r"tipc_2016\.pdf, page 2: 50,000 × 300 pt, larger than")


def _pdf_with_page_content(content_object: bytes) -> bytes:
    """A minimal PDF by hand, so that the malformed part is exactly what the test says."""
    return pdf_of([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                   b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>", content_object])


def test_deeply_nested_objects_are_a_clear_error(tmp_path: Path):
    pdf = tmp_path / "tipc_2016.pdf"
    depth = 100_000
    pdf.write_bytes(_pdf_with_page_content(b"[" * depth + b"]" * depth))
    _bounded(lambda: _extract(pdf), r"tipc_2016\.pdf: corrupt PDF \(page 1: ValueError: its content is a list")


def test_a_stream_that_lies_about_its_length_is_a_clear_error(tmp_path: Path):
    pdf = tmp_path / "tipc_2016.pdf"
    stream = b"BT /F1 12 Tf 10 10 Td (Hartford 1 2) Tj ET"
    pdf.write_bytes(_pdf_with_page_content(b"<< /Length 999999 /Filter /FlateDecode >>\nstream\n" + stream
                                           + b"\nendstream"))
    _bounded(lambda: _extract(pdf), r"tipc_2016\.pdf: corrupt PDF \(page 1: ")


def test_an_xlsx_that_unpacks_to_gigabytes_is_refused_before_openpyxl_reads_it(tmp_path: Path):
    import zipfile

    bomb = tmp_path / "tipc_2016.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as member:  # one 400 MB cell
            member.write(b'<sst><si><t>')
            block = b"A" * 2**20
            for _ in range(400):
                member.write(block)
            member.write(b"</t></si></sst>")
    assert bomb.stat().st_size < 3 * 2**20
    _bounded(lambda: _extract(bomb), r"tipc_2016\.xlsx: unpacks to 419,43\d,\d+ bytes, more than the", 10, 50)


def test_every_distinct_column_of_a_wide_table_is_read(tmp_path: Path):
    """2,400 columns, each a different statute, measure and year (every one the vocabulary can name): all read."""
    wide = tmp_path / "tipc_wide.csv"
    headers = [f"{statute} {measure} {year}" for statute in ("53a-82", "53a-83", "53a-86", "53a-87", "53a-88",
                                                             "53a-192a")
               for measure in ("Arrests", "Convictions") for year in range(1900, 2100)]
    wide.write_text("Table 1. Counts by statute\nTown," + ",".join(headers) + "\nHartford,"
                    + ",".join(str(i % 7) for i in range(len(headers))) + "\n")
    frame = _extract(wide)
    assert len(frame) == 2_400 and frame["count"].sum() == sum(i % 7 for i in range(2_400))
    assert frame[["offense", "measure", "period_start"]].drop_duplicates().shape[0] == 2_400


def test_twenty_thousand_columns_are_read_in_linear_time_and_refused_in_one_line(tmp_path: Path):
    """Each year printed a hundred times over: every column is read (column finding, header assignment and group
    spans are linear after one sort; they were quadratic: 120 s), then the table is refused, since one row cannot
    count the same statute, measure and year twice. tests/benchmarks/bench_extract.py measures the time; this
    bound only catches a relapse."""
    wide = tmp_path / "tipc_repeats.csv"
    years = [str(1900 + i % 200) for i in range(20_000)]
    wide.write_text("Table 1. Arrests under CGS 53a-82\nTown," + ",".join(years) + "\nHartford,"
                    + ",".join(str(i % 7) for i in range(20_000)) + "\n")
    started = time.process_time()  # (the work, not the wait: see _bounded)
    same = r"columns '1900' and '1900' \(and 98 more\) would count the same"
    with pytest.raises(ExtractionError, match=same) as raised:
        _extract(wide)
    assert time.process_time() - started < 15
    assert "\n" not in str(raised.value) and str(raised.value).startswith("tipc_repeats.csv, ")
