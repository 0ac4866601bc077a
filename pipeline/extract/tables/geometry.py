"""What a PDF page draws, without meaning: its glyphs (PDFium places every character, with its size and
baseline), its drawn rules and its filled rectangles, all in the text's own reading frame (x to the right, y down
the page), so that a page printed sideways reads like an upright one."""

from __future__ import annotations

import ctypes
import functools
import math
from collections import Counter
from dataclasses import dataclass
from types import SimpleNamespace

from pipeline.extract.tables.model import record
from pipeline.extract.tables.settings import DEFAULT, TableSettings

MAX_OBJECTS = 200_000  # page objects visited per page (forms included): a page that draws more is refused
MAX_FORM_DEPTH = 8  # nested form XObjects followed; a form that draws itself stops here


class PageTooComplex(ValueError):
    """A page draws more objects than any table page needs (a self-referencing form, a drawing bomb)."""


@record
class Glyph:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    baseline: float
    size: float
    order: int  # position in the content stream: runs printed over each other come apart by it


@record
class Box:
    """A drawn rule (one side under `rule_thickness_pt`) or a filled rectangle, in the reading frame."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.x1 - self.x0 >= self.bottom - self.top


@dataclass(frozen=True)
class Frame:
    """The page's reading frame: PDFium measures text angles clockwise; 0 is upright."""

    angle: int
    width: float  # of the unrotated page (its media box), in points
    height: float
    rotation: int = 0  # the page's /Rotate: boxes given and reported are in the page as shown (a viewer's points)

    def point(self, x: float, y: float) -> tuple[float, float]:
        """PDF user space (origin bottom left) to the reading frame."""
        if self.angle == 90:
            return self.height - y, self.width - x
        if self.angle == 180:
            return self.width - x, y
        if self.angle == 270:
            return y, x
        return x, self.height - y

    def pdf_point(self, fx: float, fy: float) -> tuple[float, float]:
        if self.angle == 90:
            return self.width - fy, self.height - fx
        if self.angle == 180:
            return self.width - fx, fy
        if self.angle == 270:
            return fy, fx
        return fx, self.height - fy

    def from_shown(self, sx: float, sy: float) -> tuple[float, float]:
        """A point of the page as shown (rotated, origin bottom left) in PDF user space."""
        if self.rotation == 90:
            return self.width - sy, sx
        if self.rotation == 180:
            return self.width - sx, self.height - sy
        if self.rotation == 270:
            return sy, self.height - sx
        return sx, sy

    def to_shown(self, x: float, y: float) -> tuple[float, float]:
        if self.rotation == 90:
            return y, self.width - x
        if self.rotation == 180:
            return self.width - x, self.height - y
        if self.rotation == 270:
            return self.height - y, x
        return x, y

    def shown_box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """A box of the page as shown to (x0, top, x1, bottom) in the frame."""
        (ax, ay), (bx, by) = self.from_shown(x0, y0), self.from_shown(x1, y1)
        return self.box(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))

    def box(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        """A PDF box to (x0, top, x1, bottom) in the frame."""
        ax, ay = self.point(left, bottom)
        bx, by = self.point(right, top)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)

    def pdf_box(self, x0: float, top: float, x1: float, bottom: float) -> tuple[float, float, float, float]:
        """A frame box to (x0, y0, x1, y1) on the page as shown, origin bottom left."""
        ax, ay = self.to_shown(*self.pdf_point(x0, top))
        bx, by = self.to_shown(*self.pdf_point(x1, bottom))
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


@dataclass(frozen=True)
class PageGeometry:
    number: int  # 1-based
    frame: Frame
    glyphs: tuple[Glyph, ...]
    rules: tuple[Box, ...]
    fills: tuple[Box, ...]
    images: int
    curves: tuple[Box, ...] = ()  # bounds of paths with curved or slanted pieces: charts, logos, drawings
    turned: tuple[Glyph, ...] = ()  # glyphs set a quarter turn from the page's text (headers printed sideways)


class _Handle(ctypes.c_void_p):
    """A PDFium object returned by a call, kept a pointer (a plain c_void_p result turns into an int, which ctypes
    would pass on as a C int)."""


# name: its result type; every argument is an int, a handle or a byref() of an out-parameter
_CALLS = {
    "FPDFText_IsGenerated": ctypes.c_int, "FPDFText_GetLooseCharBox": ctypes.c_int,
    "FPDFText_GetCharOrigin": ctypes.c_int, "FPDFText_GetCharAngle": ctypes.c_float,
    "FPDFPage_CountObjects": ctypes.c_int, "FPDFPage_GetObject": _Handle, "FPDFFormObj_CountObjects": ctypes.c_int,
    "FPDFFormObj_GetObject": _Handle, "FPDFPageObj_GetType": ctypes.c_int, "FPDFPageObj_GetMatrix": ctypes.c_int,
    "FPDFPageObj_GetBounds": ctypes.c_int, "FPDFPath_GetDrawMode": ctypes.c_int,
    "FPDFPath_CountSegments": ctypes.c_int, "FPDFPath_GetPathSegment": _Handle,
    "FPDFPathSegment_GetPoint": ctypes.c_int, "FPDFPathSegment_GetType": ctypes.c_int,
    "FPDFPathSegment_GetClose": ctypes.c_int,
}


@functools.cache
def _pdfium() -> SimpleNamespace:
    """PDFium's functions that run for every character and drawing object of a page, called without ctypes'
    per-argument type checks (they cost more than the call itself: 1.6 against 0.6 µs a call, measured)."""
    import pypdfium2.raw as pdfium_c

    calls = {name: ctypes.CFUNCTYPE(restype)(ctypes.cast(getattr(pdfium_c, name), ctypes.c_void_p).value)
             for name, restype in _CALLS.items()}
    return SimpleNamespace(**calls, raw=pdfium_c)


def read_page(page, number: int, settings: TableSettings = DEFAULT) -> PageGeometry:
    """Glyphs, rules and fills of one pypdfium2 page."""
    pdfium_c = _pdfium()
    width, height = page.get_width(), page.get_height()
    rotation = page.get_rotation()
    if rotation in (90, 270):  # PDFium reports the shown size; boxes are in the unrotated page
        width, height = height, width
    glyphs = _characters(page, pdfium_c, height)
    if glyphs is not None:  # every character set upright (nearly every page): placed as read
        frame, turned = Frame(0, width, height, rotation), []
    else:
        raw_glyphs = _characters(page, pdfium_c, None)  # (read again: one was set at an angle)
        angles = Counter(raw[0] for raw in raw_glyphs)
        frame = Frame(_quarter(angles.most_common(1)[0][0]) if angles else 0, width, height, rotation)
        glyphs, turned = _placed(raw_glyphs, frame)
    rules, fills, curves, images = _drawing(page, frame, settings, pdfium_c)
    return PageGeometry(number, frame, tuple(glyphs), tuple(rules), tuple(fills), images, tuple(curves),
                        tuple(turned))


def _placed(raw_glyphs: list[tuple], frame: Frame) -> tuple[list[Glyph], list[Glyph]]:
    """Glyphs in the reading frame; those a quarter turn from it apart (headers set sideways); other angles
    (stamps) dropped. The loose box's height is the font size as printed (the size operand alone is often 1,
    scaled by a matrix)."""
    reading, height = frame.angle, frame.height
    upright = reading == 0
    glyphs, turned = [], []
    for angle, left, bottom, right, top, origin_x, origin_y, text, order in raw_glyphs:
        if angle != reading and abs((angle - reading + 180) % 360 - 180) > 1:
            if abs((angle - reading) % 90) <= 1 or abs((angle - reading) % 90) >= 89:  # a quarter turn: a header
                x0, y0, x1, y1 = frame.box(left, bottom, right, top)  # set sideways; other angles are stamps
                turned.append(Glyph(text, x0, y0, x1, y1, y1, x1 - x0, order))
            continue
        if upright:  # (nearly every page: no frame arithmetic)
            glyphs.append(Glyph(text, left, height - top, right, height - bottom, height - origin_y, top - bottom,
                                order))
            continue
        x0, y0, x1, y1 = frame.box(left, bottom, right, top)
        glyphs.append(Glyph(text, x0, y0, x1, y1, frame.point(origin_x, origin_y)[1], y1 - y0, order))
    return glyphs, turned


def _quarter(angle: int) -> int:
    return int(((angle + 45) % 360) // 90 * 90)


def _characters(page, pdfium_c, upright_height: float | None) -> list | None:
    """The characters PDFium places (spaces it inferred and line breaks left out; a printed space is kept: it
    parts words): as upright Glyphs given the page's height (None at the first set at an angle), else raw."""
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count else ""
        raw = textpage.raw
        origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
        box = pdfium_c.raw.FS_RECTF()
        x_ref, y_ref, box_ref = ctypes.byref(origin_x), ctypes.byref(origin_y), ctypes.byref(box)
        generated, loose, origin = pdfium_c.FPDFText_IsGenerated, pdfium_c.FPDFText_GetLooseCharBox, \
            pdfium_c.FPDFText_GetCharOrigin
        char_angle, radian = pdfium_c.FPDFText_GetCharAngle, math.pi / 180.0  # (as math.degrees divides)
        height = upright_height or 0.0
        found: list = []
        append = found.append
        for index, character in enumerate(text[:count]):
            if character == " ":
                if generated(raw, index) == 1:
                    continue
            elif not character.strip():
                continue
            angle = round(char_angle(raw, index) / radian) % 360
            if angle and upright_height is not None:
                return None
            loose(raw, index, box_ref)
            origin(raw, index, x_ref, y_ref)
            if upright_height is None:
                append((angle, box.left, box.bottom, box.right, box.top, origin_x.value, origin_y.value, character,
                        index))
            else:
                top, bottom = box.top, box.bottom
                append(Glyph(character, box.left, height - top, box.right, height - bottom,
                             height - origin_y.value, top - bottom, index))
        return found
    finally:
        textpage.close()


def _drawing(page, frame: Frame, settings: TableSettings, pdfium_c) -> tuple[list[Box], list[Box], list[Box], int]:
    """Rules, filled rectangles and curved drawings of every path object, forms followed (their matrices
    composed), bounded."""
    rules: list[Box] = []
    fills: list[Box] = []
    curves: list[Box] = []
    counter = {"objects": 0, "images": 0}
    scratch = _Scratch()  # one set of ctypes out-parameters for every path of the page

    def visit(get_count, get_object, parent, matrix: tuple, depth: int) -> None:
        for index in range(get_count(parent)):
            counter["objects"] += 1
            if counter["objects"] > MAX_OBJECTS:
                raise PageTooComplex(f"more than {MAX_OBJECTS:,} drawing objects")
            obj = get_object(parent, index)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == path_kind:
                _path(obj, matrix, frame, settings, pdfium_c, rules, fills, curves, scratch)
            elif kind == pdfium_c.raw.FPDF_PAGEOBJ_IMAGE:
                counter["images"] += 1
            elif kind == pdfium_c.raw.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
                inner = _compose(_matrix(obj, pdfium_c), matrix)
                visit(pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, obj, inner, depth + 1)

    path_kind = pdfium_c.raw.FPDF_PAGEOBJ_PATH
    visit(pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, page.raw, (1, 0, 0, 1, 0, 0), 0)
    return rules, fills, curves, counter["images"]


_IDENTITY = (1, 0, 0, 1, 0, 0)


def _matrix(obj, pdfium_c) -> tuple:
    matrix = pdfium_c.raw.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
        return (1, 0, 0, 1, 0, 0)
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def _compose(inner: tuple, outer: tuple) -> tuple:
    """inner then outer, PDF matrices [a b c d e f]."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer  # noqa: N806 (the matrix's own letters)
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(matrix: tuple, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


class _Scratch:
    """One set of out-parameters for every path of a page, each with its byref() made once."""

    __slots__ = ("fill_mode", "stroke", "left", "bottom", "right", "top", "x", "y", "draw_mode", "bounds", "point")

    def __init__(self) -> None:
        self.fill_mode, self.stroke = ctypes.c_int(), ctypes.c_int()
        self.left, self.bottom, self.right, self.top = (ctypes.c_float() for _ in range(4))
        self.x, self.y = ctypes.c_float(), ctypes.c_float()
        self.draw_mode = ctypes.byref(self.fill_mode), ctypes.byref(self.stroke)
        self.bounds = tuple(ctypes.byref(side) for side in (self.left, self.bottom, self.right, self.top))
        self.point = ctypes.byref(self.x), ctypes.byref(self.y)


def _path(obj, matrix: tuple, frame: Frame, settings: TableSettings, pdfium_c, rules: list, fills: list,
          curves: list, scratch: _Scratch) -> None:
    """A path's straight, axis-parallel pieces as rules; a filled rectangle as a fill (and its edges as rules when
    thin). Curves are no table lines."""
    fill_mode, stroke = scratch.fill_mode, scratch.stroke
    pdfium_c.FPDFPath_GetDrawMode(obj, *scratch.draw_mode)
    filled, stroked = fill_mode.value != 0, bool(stroke.value)
    if not (filled or stroked):
        return
    left, bottom, right, top = scratch.left, scratch.bottom, scratch.right, scratch.top
    if not pdfium_c.FPDFPageObj_GetBounds(obj, *scratch.bounds):
        return
    if matrix == _IDENTITY:
        box = Box(*frame.box(left.value, bottom.value, right.value, top.value))
    else:
        corners = [_apply(matrix, x, y) for x in (left.value, right.value) for y in (bottom.value, top.value)]
        xs, ys = [x for x, _ in corners], [y for _, y in corners]
        box = Box(*frame.box(min(xs), min(ys), max(xs), max(ys)))
    thin = settings.rule_thickness_pt
    if min(box.x1 - box.x0, box.bottom - box.top) <= thin:
        rules.append(box)
        return
    segments = pdfium_c.FPDFPath_CountSegments(obj)
    if filled and (segments <= 6):  # a rectangle: a shaded cell, a zebra stripe, a cell drawn as a filled box
        fills.append(box)
    if filled and not stroked and segments <= 6:
        return
    if not 0 < segments <= 400:
        if segments > 400:
            curves.append(box)  # a drawing of that many pieces is no table's grid
        return
    own = _compose(_matrix(obj, pdfium_c), matrix)
    found: list[Box] = []
    points, start, slanted = [], None, False
    x, y = scratch.x, scratch.y
    for index in range(segments):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, *scratch.point)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        point = frame.point(*_apply(own, x.value, y.value))
        if kind == pdfium_c.raw.FPDF_SEGMENT_MOVETO:
            points, start = [point], point
            continue
        if kind == pdfium_c.raw.FPDF_SEGMENT_LINETO and points:
            slanted |= not _straight(points[-1], point, found)
        elif kind == pdfium_c.raw.FPDF_SEGMENT_BEZIERTO:
            slanted = True
        points.append(point)
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            slanted |= not _straight(point, start, found)
    if slanted:
        curves.append(box)
    elif stroked:
        rules += found


def _straight(a: tuple[float, float], b: tuple[float, float], rules: list) -> bool:
    if abs(a[0] - b[0]) < 0.5 or abs(a[1] - b[1]) < 0.5:  # axis-parallel: a table line
        rules.append(Box(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])))
        return True
    return False
