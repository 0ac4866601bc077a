"""The geometry phase alone: what a page draws (glyphs, rules, fills, curves) in the text's reading frame, x to the
right and y down the page as the text reads, whatever the page's /Rotate."""

from __future__ import annotations

from pathlib import Path

import pytest

import pipeline.extract.tables.geometry as geometry_module
from pipeline.extract.tables.geometry import Box, PageGeometry, PageTooComplex
from tests.extract.tables.drawing import Sheet, geometry

near = pytest.approx


def _text(page: PageGeometry) -> str:
    return "".join(glyph.text for glyph in page.glyphs)


def _long(boxes: tuple[Box, ...], minimum: float = 1.0) -> list[Box]:
    """Boxes with some length (a closed path also yields a zero-length closing piece, which carries nothing)."""
    return [box for box in boxes if max(box.x1 - box.x0, box.bottom - box.top) >= minimum]


def test_glyph_boxes_and_baselines_are_in_the_reading_frame(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "upright.pdf")
    sheet.text(72, 700, "Hello", 10).text(300, 650, "Ab", 20, "Times-Roman")
    page = geometry(sheet.save())
    assert page.frame.angle == 0 and page.frame.rotation == 0
    assert (page.frame.width, page.frame.height) == (612, 792)
    hello, big = page.glyphs[:5], page.glyphs[5:]
    assert _text(page) == "HelloAb"
    first = hello[0]
    assert first.x0 == near(72, abs=0.1) and first.x1 == near(72 + sheet.width("H"), abs=0.1)
    assert first.baseline == near(792 - 700, abs=0.1)  # y down the page
    assert first.top < first.baseline < first.bottom  # ascent above the baseline, descent under it
    assert 10 <= first.size <= 12.5  # the loose box: the font's height at 10 pt
    assert all(b.x0 == near(a.x1, abs=0.05) for a, b in zip(hello, hello[1:], strict=False))  # set solid
    assert [g.order for g in page.glyphs] == sorted(g.order for g in page.glyphs)
    assert big[0].x0 == near(300, abs=0.1) and big[0].baseline == near(142, abs=0.1)
    assert big[0].size > 1.8 * first.size  # 20 pt against 10 pt


def test_a_font_size_set_by_the_text_matrix_is_the_printed_size(tmp_path: Path) -> None:
    """Many producers print with a font size of 1 and scale by the text matrix: the glyph's size is still 10 pt."""
    sheet = Sheet(tmp_path / "scaled.pdf")
    sheet.text(72, 700, "Direct", 10).scaled(72, 600, "Scaled", 10)
    page = geometry(sheet.save())
    direct = [g for g in page.glyphs if g.baseline < 100]
    scaled = [g for g in page.glyphs if g.baseline > 150]
    assert scaled[0].size == near(direct[0].size, rel=0.01)
    assert scaled[0].baseline == near(192, abs=0.1)
    assert scaled[-1].x1 == near(72 + sheet.width("Scaled"), abs=0.2)


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_page_printed_sideways_reads_upright(tmp_path: Path, rotation: int) -> None:
    """Text drawn turned on a page with /Rotate reads left to right, top to bottom as shown, in the frame."""
    sheet = Sheet(tmp_path / f"rotate{rotation}.pdf").rotate(rotation)
    shown_width, shown_height = sheet.shown_size()
    sheet.upright(100, shown_height - 100, "Town  Total").upright(100, shown_height - 114, "Avon")
    sheet.upright(200, shown_height - 114, "12")
    page = geometry(sheet.save())
    assert page.frame.rotation == rotation and page.frame.angle != 0
    assert (page.frame.width, page.frame.height) == (612, 792)  # the unrotated media box
    by_line: dict[float, list] = {}
    for glyph in page.glyphs:
        by_line.setdefault(round(glyph.baseline), []).append(glyph)
    assert sorted(by_line) == [100, 114]  # the first line drawn is the top one
    head, body = (sorted(by_line[key], key=lambda g: g.x0) for key in sorted(by_line))
    assert "".join(g.text for g in head).replace(" ", "") == "TownTotal"  # not reversed, not mirrored
    assert "".join(g.text for g in body) == "Avon12"
    assert head[0].x0 == near(100, abs=0.1) and body[-1].x1 == near(200 + sheet.width("12"), abs=0.2)
    assert all(g.top < g.baseline < g.bottom for g in page.glyphs)
    assert body[0].size == near(head[0].size) and 10 <= body[0].size <= 12.5


def test_a_rotated_page_draws_its_rules_in_the_reading_frame(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "rotated-rule.pdf").rotate(90)
    sheet.upright(100, 500, "Town  Total")
    sheet.line(612 - 490, 90, 612 - 490, 300)  # under that line as shown: across the page as it reads
    page = geometry(sheet.save())
    (rule,) = page.rules
    assert rule.horizontal
    assert rule.x0 == near(90, abs=1) and rule.x1 == near(300, abs=1)
    assert (rule.top + rule.bottom) / 2 == near(612 - 490, abs=0.1)


def test_a_diagonal_watermark_is_no_text(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "watermark.pdf")
    sheet.text(72, 700, "Town").text(200, 700, "Total").text(72, 686, "Avon").text(200, 686, "12")
    sheet.turned(150, 300, "DRAFT", 45, 60)
    page = geometry(sheet.save())
    assert _text(page) == "TownTotalAvon12"


def test_an_upright_stamp_on_a_sideways_page_is_no_text(tmp_path: Path) -> None:
    """The reading angle is the one most glyphs share: an upright page number on a turned table is dropped."""
    sheet = Sheet(tmp_path / "stamp.pdf").rotate(90)
    for line in range(4):
        sheet.upright(72, 500 - 14 * line, f"Town{line}").upright(300, 500 - 14 * line, str(line * 11))
    sheet.turned(300, 30, "7", 0)
    page = geometry(sheet.save())
    assert _text(page) == "Town00Town111Town222Town333"


def test_stroked_lines_and_thin_filled_rectangles_become_rules(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "rules.pdf")
    sheet.line(72, 700, 300, 700, width=0.5)  # a stroked horizontal line
    sheet.line(400, 500, 400, 700, width=1)  # a stroked vertical line
    sheet.rect(72, 600, 228, 1.2, stroke=False, fill=True)  # a rule drawn as a thin filled rectangle
    sheet.rect(72, 300, 200, 50, stroke=False, fill=True)  # a shaded cell: a fill, not a rule
    page = geometry(sheet.save())
    assert len(page.rules) == 3
    top_rule, filled_rule = sorted((r for r in page.rules if r.horizontal), key=lambda box: box.top)
    (vertical,) = (r for r in page.rules if not r.horizontal)
    assert top_rule.x0 == near(72, abs=0.6) and top_rule.x1 == near(300, abs=0.6)
    assert (top_rule.top + top_rule.bottom) / 2 == near(92, abs=0.1)
    assert filled_rule.x0 == near(72, abs=0.1) and filled_rule.x1 == near(300, abs=0.1)
    assert filled_rule.top == near(792 - 601.2, abs=0.05) and filled_rule.bottom == near(792 - 600, abs=0.05)
    assert (vertical.x0 + vertical.x1) / 2 == near(400, abs=0.1)
    assert vertical.top == near(92, abs=1.1) and vertical.bottom == near(292, abs=1.1)
    assert page.fills == (Box(72, 442, 272, 492),)


@pytest.mark.parametrize("style", ["segments", "re operator"])
def test_a_stroked_rectangle_is_four_rules(tmp_path: Path, style: str) -> None:
    """A box drawn as four line segments (or with `re`) gives its four sides, each an axis-parallel rule."""
    sheet = Sheet(tmp_path / "box.pdf")
    if style == "segments":
        sheet.outline(100, 500, 200, 100)
    else:
        sheet.rect(100, 500, 200, 100)
    page = geometry(sheet.save())
    sides = sorted(_long(page.rules), key=lambda box: (box.horizontal, box.top, box.x0))
    assert sides == [Box(100, 192, 100, 292), Box(300, 192, 300, 292),  # left, right (y down: top 792-600)
                     Box(100, 192, 300, 192), Box(100, 292, 300, 292)]
    assert page.fills == () and page.curves == ()


def test_curves_and_slanted_lines_are_curve_boxes_not_rules(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "curve.pdf")
    sheet.curve(72, 100, 300, 100)
    sheet.line(400, 100, 500, 200)
    page = geometry(sheet.save())
    assert page.rules == ()
    curve, slanted = sorted(page.curves, key=lambda box: box.x0)
    assert curve.x0 == near(72, abs=2) and curve.x1 == near(300, abs=2)
    assert curve.bottom == near(692, abs=2) and curve.top < 692 - 20  # it bulges up the page
    assert slanted.x0 == near(400, abs=1) and slanted.bottom == near(692, abs=1) and slanted.top == near(592, abs=1)


def test_a_form_xobjects_rules_are_placed_by_its_matrix(tmp_path: Path) -> None:
    sheet = Sheet(tmp_path / "form.pdf")
    with sheet.form("Grid", (2, 0, 0, 2, 100, 50)):  # scaled twice and moved to (100, 50)
        sheet.line(0, 0, 50, 0, width=0.25)
        sheet.line(0, 0, 0, 30, width=0.25)
    page = geometry(sheet.save())
    horizontal = next(r for r in page.rules if r.horizontal)
    vertical = next(r for r in page.rules if not r.horizontal)
    assert horizontal.x0 == near(100, abs=1) and horizontal.x1 == near(200, abs=1)
    assert (horizontal.top + horizontal.bottom) / 2 == near(792 - 50, abs=0.1)
    assert (vertical.x0 + vertical.x1) / 2 == near(100, abs=0.1)
    assert vertical.top == near(792 - 110, abs=1) and vertical.bottom == near(792 - 50, abs=1)


def test_images_are_counted(tmp_path: Path) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    sheet = Sheet(tmp_path / "image.pdf")
    sheet.canvas.drawImage(ImageReader(Image.new("RGB", (4, 4), "white")), 400, 400, 20, 20)
    sheet.text(72, 700, "x")
    assert geometry(sheet.save()).images == 1


def test_a_page_drawing_too_many_objects_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Objects inside forms count too: 12 lines on the page and 12 in a form are 25 objects, over a limit of 20."""
    sheet = Sheet(tmp_path / "busy.pdf")
    for index in range(12):
        sheet.line(72, 100 + 10 * index, 300, 100 + 10 * index)
    with sheet.form("More", (1, 0, 0, 1, 0, 0)):
        for index in range(12):
            sheet.line(72, 400 + 10 * index, 300, 400 + 10 * index)
    path = sheet.save()
    monkeypatch.setattr(geometry_module, "MAX_OBJECTS", 30)
    assert len(geometry(path).rules) == 24
    monkeypatch.setattr(geometry_module, "MAX_OBJECTS", 20)
    with pytest.raises(PageTooComplex, match="more than 20 drawing objects"):
        geometry(path)
