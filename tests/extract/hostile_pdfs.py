"""Hostile PDFs written byte by byte (no PDF library: nothing here shares code with the reader): each costs a
naive reader without limit, or breaks it with a traceback. Run as a script to write them into a folder:

    python -m tests.extract.hostile_pdfs OUT_DIR
"""

from __future__ import annotations

import sys
import zlib
from pathlib import Path

_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_TEXT = b"BT /F1 11 Tf 60 720 Td (Waterbury 17 4) Tj ET\n"


def pdf_of(objects: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1, the first the catalog) with its cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes, entries: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), entries) + data + b"\nendstream"


def _page(contents: bytes, resources: bytes) -> list[bytes]:
    return [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents " + contents + b" /Resources "
            + resources + b" >>"]


def form_drawing_itself() -> bytes:
    """A form XObject that draws itself twice: every level doubles what a reader that follows it must hold."""
    return pdf_of(_page(b"4 0 R", b"<< /XObject << /X 5 0 R >> /Font << /F1 6 0 R >> >>") + [
        _stream(_TEXT + b"/X Do\n"),
        _stream(b"0 0 m 9 9 l S /X Do /X Do\n",
                b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X 5 0 R >> >>"),
        _FONT])


def flate_inside_flate(mebibytes: int = 1024) -> bytes:
    """A content stream compressed twice that inflates to `mebibytes` of spaces, referred to twice."""
    packer, inner = zlib.compressobj(9), bytearray()
    block = b" " * 2**20
    for _ in range(mebibytes):
        inner += packer.compress(block)
    inner += packer.flush()
    bomb = _stream(zlib.compress(bytes(inner), 9), b"/Filter [/FlateDecode /FlateDecode]")
    return pdf_of(_page(b"[4 0 R 5 0 R 4 0 R]", b"<< /Font << /F1 6 0 R >> >>") + [bomb, _stream(_TEXT), _FONT])


def page_tree_listing_itself() -> bytes:
    """A page tree node whose kids include itself."""
    objects = _page(b"4 0 R", b"<< /Font << /F1 5 0 R >> >>") + [_stream(_TEXT), _FONT]
    objects[1] = b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"
    return pdf_of(objects)


def no_pages() -> bytes:
    return pdf_of([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


HOSTILE = {"form_drawing_itself.pdf": form_drawing_itself, "flate_inside_flate.pdf": flate_inside_flate,
           "page_tree_listing_itself.pdf": page_tree_listing_itself, "no_pages.pdf": no_pages}


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in HOSTILE.items():
        (folder / name).write_bytes(make())
        written.append(folder / name)
    return written


if __name__ == "__main__":
    for path in write_all(Path(sys.argv[1])):
        print(path, path.stat().st_size)
