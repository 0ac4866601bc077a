"""A PDF checked before it is read: what it is, that it is whole, that every content stream decodes, and that it
is within the bounds any report keeps to. PDFium silently skips a damaged stream (rows lost without a word), so
pdfminer decodes each one first."""

from __future__ import annotations

from pathlib import Path

MAX_PDF_PAGES = 2_000
# 200 inches, PDF's own limit for a page side at the default user unit (ISO 32000-1, annex C); A0 is 2,384 pt.
MAX_PAGE_SIDE_PT = 14_400.0


class PdfRefused(ValueError):
    """A file that is no PDF, or a damaged, locked, image-only or oversized one: said in one line."""

    def __init__(self, message: str, page: int = 0) -> None:
        super().__init__(message)
        self.page = page  # the damaged page (1-based), 0 when the fault is the whole file's


def check_bytes(path: Path) -> None:
    with open(path, "rb") as handle:
        head = handle.read(1024)
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - 2048))
        tail = handle.read()
    if b"%PDF-" not in head:
        raise PdfRefused(f"{path.name}: not a PDF file (it starts with {head[:16]!r})")
    if b"%%EOF" not in tail:
        raise PdfRefused(f"{path.name}: truncated or corrupt PDF: no %%EOF marker at its end (incomplete download?)")


def open_checked(path: Path, streams: bool = True):
    """The PDF open in PDFium after every check (streams: unless the caller checks them page by page)."""
    import pypdfium2 as pdfium

    check_bytes(path)
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise PdfRefused(f"{path.name}: password-protected PDF: remove the password (e.g. qpdf --decrypt) and "
                             "try again") from None
        if "PDFium: Success" in str(exc):  # PDFium gave no reason: an empty or broken page tree, seen so far
            raise PdfRefused(f"{path.name}: corrupt PDF: PDFium cannot open it (no pages, or a damaged page "
                             "tree?)") from None
        raise PdfRefused(f"{path.name}: corrupt PDF ({exc})") from None
    try:
        check_document(path, document, streams)
    except pdfium.PdfiumError as exc:  # (a page tree that lists itself: a page PDFium counts but cannot load)
        document.close()
        raise PdfRefused(f"{path.name}: corrupt PDF (its page tree: {exc})") from None
    except PdfRefused:
        document.close()
        raise
    return document


def check_document(path: Path, document, streams: bool = True) -> None:
    """Page count and sizes first (cheap), then every content stream (unless the caller checks them itself,
    page by page, in the processes that read the pages)."""
    count = len(document)
    if count == 0:
        raise PdfRefused(f"{path.name}: the PDF has no pages")
    if count > MAX_PDF_PAGES:
        raise PdfRefused(f"{path.name}: {count:,} pages, more than the {MAX_PDF_PAGES:,} ctip reads from one report")
    for number in range(count):
        width, height = document.get_page_size(number)
        if max(width, height) > MAX_PAGE_SIDE_PT:
            raise PdfRefused(f"{path.name}, page {number + 1}: {width:,.0f} × {height:,.0f} pt, larger than PDF's "
                             f"{MAX_PAGE_SIDE_PT:,.0f} pt page limit")
    if streams:
        check_streams(path)


def check_streams(path: Path, pages: set[int] | None = None) -> None:
    """Decode the content streams of the given pages (1-based; all by default)."""
    import pdfminer.settings as pdfminer_settings
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFStream, resolve1

    page_number, in_page = 0, False
    try:
        with open(path, "rb") as handle:
            document = PDFDocument(PDFParser(handle))
            for page in PDFPage.create_pages(document):
                in_page = True
                if pages is not None and page_number + 1 not in pages:
                    page_number += 1
                    in_page = False
                    continue
                for stream in page.contents:
                    if not isinstance(resolve1(stream), PDFStream):
                        raise ValueError(f"its content is a {type(resolve1(stream)).__name__}, not a stream")
                    lenient, pdfminer_settings.STRICT = pdfminer_settings.STRICT, True  # a damaged Flate stream
                    try:  # raises, instead of decoding to nothing (its page would read as empty)
                        resolve1(stream).get_data()
                    finally:
                        pdfminer_settings.STRICT = lenient
                page_number += 1
                in_page = False
    except PDFPasswordIncorrect:
        raise PdfRefused(f"{path.name}: password-protected PDF: remove the password (e.g. qpdf --decrypt) and try "
                         "again") from None
    except Exception as exc:  # pdfminer raises many types for damaged files
        where = f"page {page_number + 1}" if in_page else "document structure"
        raise PdfRefused(f"{path.name}: corrupt PDF ({where}: {type(exc).__name__}: {exc})",
                         page_number + 1 if in_page else 0) from None
    if page_number == 0:
        raise PdfRefused(f"{path.name}: corrupt PDF: no pages found")
