"""A random TIPC-like report as data: pages of tables whose every printed count carries its ground truth.

The model decides everything a reader has to recover (which town, statute, measure and period a printed number
counts) and everything about how it is drawn (spans, rules, rotated headers, marks, pages); the two renderers only
draw it. One report is a pure function of (seed, index), so a failure can always be replayed. Every count is
SYNTHETIC: drawn from a random "world" made up per report, never from a real source.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field, replace
from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from tests.extract.wild import vocabulary as V

FONT_DIRS = {"dejavu": "/usr/share/fonts/truetype/dejavu/", "liberation": "/usr/share/fonts/truetype/liberation/"}

# family name (as fontconfig / Chromium knows it) -> (regular file, bold file)
FAMILIES: dict[str, tuple[str, str]] = {
    "DejaVu Sans": ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    "DejaVu Serif": ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf"),
    "DejaVu Sans Condensed": ("dejavu/DejaVuSansCondensed.ttf", "dejavu/DejaVuSansCondensed-Bold.ttf"),
    "Liberation Sans": ("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf"),
    "Liberation Serif": ("liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf"),
    "Liberation Sans Narrow": (
        "liberation/LiberationSansNarrow-Regular.ttf",
        "liberation/LiberationSansNarrow-Bold.ttf",
    ),
    "Liberation Mono": ("liberation/LiberationMono-Regular.ttf", "liberation/LiberationMono-Bold.ttf"),
}
FONT_ROOT = "/usr/share/fonts/truetype/"

PAPER = {"letter": (612.0, 792.0), "a4": (595.28, 841.89)}

# Geometry shared by both renderers (as fractions of the font size), so that the model's page plan holds.
PAD_V = 0.25
PAD_H = 0.4
LINE = 1.2
SUP_SCALE = 0.62
SUP_RISE = 0.38

FIRST_YEAR = 2005


def font_name(family: str, bold: bool = False) -> str:
    """The reportlab name of a registered family (registering it from Debian's TrueType file on first use)."""
    return _register(family)[1 if bold else 0]


@cache
def _register(family: str) -> tuple[str, str]:
    names = []
    for i, rel in enumerate(FAMILIES[family]):
        name = family.replace(" ", "") + ("-Bold" if i else "")
        pdfmetrics.registerFont(TTFont(name, FONT_ROOT + rel))
        names.append(name)
    return names[0], names[1]


def text_width(text: str, family: str, size: float, bold: bool = False) -> float:
    """Width of one line of text in points (the real font's advance widths)."""
    return pdfmetrics.stringWidth(text, font_name(family, bold), size)


@dataclass(frozen=True)
class Truth:
    """What a correct reader must emit for one printed count."""

    jurisdiction: str
    jurisdiction_type: str
    period_start: int
    period_end: int
    statute: str
    measure: str
    count: int | None
    printed_total: bool


@dataclass
class Run:
    """A piece of a cell's text; `sup` draws it small and raised (a footnote mark)."""

    text: str
    sup: bool = False


@dataclass
class Cell:
    """One cell of a drawn grid; a cell spanning rows/columns covers positions that hold None."""

    runs: list[Run]
    colspan: int = 1
    rowspan: int = 1
    align: str = "l"
    header: bool = False
    rotate: bool = False
    bold: bool = False
    truth: Truth | None = None

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    def lines(self) -> list[list[Run]]:
        """The cell's runs split at explicit line breaks."""
        out: list[list[Run]] = [[]]
        for run in self.runs:
            parts = run.text.split("\n")
            for i, part in enumerate(parts):
                if i:
                    out.append([])
                if part:
                    out[-1].append(Run(part, run.sup))
        return out


Grid = list[list["Cell | None"]]


@dataclass
class LogicalRow:
    """A body row before pagination: a data row, or a heading row naming the rows below it."""

    kind: str  # "data" | "heading"
    cells: list[Cell]
    group: str | None = None
    group_label: list[Run] | None = None


@dataclass
class TableSpec:
    """A whole table as the report means it, before it is cut into pages."""

    number: int
    kind: str
    title: str
    subtitle: str | None
    header: Grid
    rows: list[LogicalRow]
    notes: list[str]
    grid: str
    zebra: bool
    group_column: bool
    features: set[str]
    width: float = 0.0
    landscape: bool = False
    repeat_heading: bool = False
    continued_word: str = "(continued)"
    continued_below: str | None = None
    pages: list[int] = field(default_factory=list)


@dataclass
class TablePart:
    """The piece of a table printed on one page (a continued table has several)."""

    table: int
    title: str
    subtitle: str | None
    header: Grid
    body: Grid
    notes: list[str]
    grid: str
    zebra: bool
    below: str | None = None


@dataclass
class Block:
    """A vertical block of a page: a heading, a paragraph, a contents list, a table or two tables side by side."""

    kind: str
    text: str = ""
    parts: list[TablePart] = field(default_factory=list)
    entries: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class Page:
    number: int
    landscape: bool
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Style:
    """How the whole report is typeset."""

    family: str
    size: float
    margins: tuple[float, float, float, float]  # top, right, bottom, left
    paper: str
    watermark: bool
    footer: str
    kerning: bool
    tracking: float
    hscale: float
    ligatures: bool
    centred: bool

    def page_size(self, landscape: bool) -> tuple[float, float]:
        w, h = PAPER[self.paper]
        return (h, w) if landscape else (w, h)

    def text_box(self, landscape: bool) -> tuple[float, float]:
        """Width and height available for content, with room kept for the footer."""
        w, h = self.page_size(landscape)
        top, right, bottom, left = self.margins
        return w - left - right, h - top - bottom - 3.0 * self.size


@dataclass
class Report:
    name: str
    seed: int
    index: int
    style: Style
    pages: list[Page]
    tables: list[TableSpec]
    features: set[str]

    def truth_rows(self) -> list[dict[str, object]]:
        """One row per printed count, in page order."""
        rows: list[dict[str, object]] = []
        for page in self.pages:
            for block in page.blocks:
                for part in block.parts:
                    for grid_row in part.body:
                        for cell in grid_row:
                            if cell is None or cell.truth is None:
                                continue
                            t = cell.truth
                            rows.append(
                                {
                                    "page": page.number,
                                    "table": part.table,
                                    "jurisdiction": t.jurisdiction,
                                    "jurisdiction_type": t.jurisdiction_type,
                                    "period_start": t.period_start,
                                    "period_end": t.period_end,
                                    "statute": t.statute,
                                    "measure": t.measure,
                                    "count": "" if t.count is None else t.count,
                                    "printed_total": t.printed_total,
                                    "cell_text": cell.text,
                                    "synthetic": True,
                                }
                            )
        return rows

    def layout(self) -> dict[str, object]:
        """What was drawn where, for checking that a refusal names a real table."""
        return {
            "synthetic": True,
            "notice": "SYNTHETIC test report: every count is invented; none is a real figure.",
            "name": self.name,
            "seed": self.seed,
            "index": self.index,
            "pages": len(self.pages),
            "landscape_pages": [p.number for p in self.pages if p.landscape],
            "style": {
                "family": self.style.family,
                "size": self.style.size,
                "margins": list(self.style.margins),
                "paper": self.style.paper,
                "kerning": self.style.kerning,
                "tracking": self.style.tracking,
                "hscale": self.style.hscale,
                "ligatures": self.style.ligatures,
            },
            "features": sorted(self.features),
            "tables": [
                {
                    "table": t.number,
                    "kind": t.kind,
                    "pages": t.pages,
                    "title": t.title,
                    "features": sorted(t.features),
                    "counts": sum(1 for r in t.rows for c in r.cells if c.truth is not None),
                }
                for t in self.tables
            ],
        }


# --------------------------------------------------------------------------------------------------- the world


STATE_POLICE = "Connecticut State Police"
STATEWIDE = "Connecticut"
BASE_RATE = {"53a-82": 4.0, "53a-83": 2.0, "53a-86": 0.3, "53a-87": 0.5, "53a-88": 0.4, "53a-192a": 0.2}
CONVICTION_SHARE = {"53a-82": 0.5, "53a-83": 0.25, "53a-86": 0.4, "53a-87": 0.4, "53a-88": 0.4, "53a-192a": 0.3}


def _poisson(rng: random.Random, mean: float) -> int:
    if mean <= 0:
        return 0
    if mean > 40:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


class World:
    """Invented counts for every town, statute, measure and year: SYNTHETIC, consistent within one report."""

    def __init__(self, rng: random.Random, scale: float) -> None:
        self.rng = rng
        self.weight: dict[str, float] = {}
        for town in V.towns():
            active = rng.random() < 0.45
            self.weight[town] = rng.lognormvariate(-0.8, 1.1) * scale if active else 0.0
        for town in rng.sample(V.towns(), 6):
            self.weight[town] = rng.uniform(3, 12) * scale
        self.weight[STATE_POLICE] = rng.uniform(1, 4) * scale
        self.cache: dict[tuple[str, str, str, int], int] = {}

    def value(self, who: str, statute: str, measure: str, year: int) -> int:
        key = (who, statute, measure, year)
        if key not in self.cache:
            if who == STATEWIDE:
                juris = [*V.towns(), STATE_POLICE]
                self.cache[key] = sum(self.value(j, statute, measure, year) for j in juris)
            elif measure == "arrests":
                self.cache[key] = _poisson(self.rng, BASE_RATE[statute] * self.weight[who])
            else:
                arrests = self.value(who, statute, "arrests", year)
                share = CONVICTION_SHARE[statute]
                self.cache[key] = sum(1 for _ in range(arrests) if self.rng.random() < share)
        return self.cache[key]

    def total(self, who: str, statute: str, measure: str, first: int, last: int) -> int:
        return sum(self.value(who, statute, measure, y) for y in range(first, last + 1))


def jtype(who: str) -> str:
    return {STATE_POLICE: "state_police", STATEWIDE: "statewide"}.get(who, "town")


# ------------------------------------------------------------------------------------------------- tables


@dataclass
class Col:
    """A count column: what its cells count, apart from the row's jurisdiction."""

    statute: str | None
    measure: str | None
    first: int | None
    last: int | None
    total: bool


class TableMaker:
    """Draws one table's meaning and wording from the report's random stream."""

    def __init__(self, rng: random.Random, world: World, style: Style, last_year: int) -> None:
        self.rng = rng
        self.world = world
        self.style = style
        self.last_year = last_year
        self.suppress_mark = rng.choice(V.SUPPRESSION_MARKS)
        marks = [m for m in V.INLINE_MARKS if m not in self.suppress_mark]
        self.inline_marks = marks
        self.sup_marks = [m for m in V.SUPERSCRIPT_MARKS if m not in self.suppress_mark]

    # ---- small pieces

    def fmt(self, n: int, thousands: bool) -> str:
        return f"{n:,}" if thousands else str(n)

    def count_cell(self, t: Truth, feats: set[str], suppress: bool, marks: bool, thousands: bool) -> Cell:
        rng = self.rng
        if t.count is not None and suppress and not t.printed_total and 1 <= t.count <= 4 and rng.random() < 0.6:
            feats.add("suppressed")
            return Cell([Run(self.suppress_mark)], align="r", truth=replace(t, count=None))
        if t.count is not None and t.count >= 1000 and thousands:
            feats.add("thousands_sep")
        runs = [Run(self.fmt(t.count or 0, thousands))]
        if marks and rng.random() < 0.06:
            if rng.random() < 0.5:
                feats.add("count_marks_inline")
                runs.append(Run(rng.choice(self.inline_marks)))
            else:
                feats.add("count_marks_sup")
                runs.append(Run(rng.choice(self.sup_marks), sup=True))
        return Cell(runs, align="r", truth=t)

    def name_cell(self, who: str, feats: set[str], marks: bool, sp_word: str) -> Cell:
        rng = self.rng
        label = sp_word if who == STATE_POLICE else who
        if who == STATE_POLICE and len(label) > 24 and rng.random() < 0.5:
            cut = label.rfind(" ", 0, len(label) // 2 + 6)
            label = label[:cut] + "\n" + label[cut + 1 :]
            feats.add("wrapped_label")
        runs = [Run(label)]
        if marks and rng.random() < 0.08:
            if rng.random() < 0.5:
                feats.add("town_marks_inline")
                runs.append(Run(rng.choice(self.inline_marks)))
            else:
                feats.add("town_marks_sup")
                runs.append(Run(rng.choice(self.sup_marks), sup=True))
        return Cell(runs, align="l")

    def header_cell(self, text: str, colspan: int = 1, rotate: bool = False, align: str = "c") -> Cell:
        return Cell([Run(text)], colspan=colspan, header=True, rotate=rotate, align=align, bold=True)

    def title(self, number: int, what: str) -> str:
        return self.rng.choice(V.TITLE_FORMS).format(t=number, what=what)

    def period_words(self, first: int, last: int) -> str:
        return str(first) if first == last else f"{first}\u2013{last}"

    # ---- kinds

    def town_by_year(self, number: int, small: bool) -> TableSpec:
        """Towns down the side, years across; statute and measure from the title, a column group or row groups."""
        rng, feats = self.rng, {"kind:town_by_year"}
        n_stat = 1 if small or rng.random() < 0.55 else rng.choice((2, 2, 3))
        statutes = sorted(rng.sample(V.STATUTES[:2] if n_stat == 1 and rng.random() < 0.6 else V.STATUTES, n_stat))
        measure_groups = not small and rng.random() < 0.35
        measures = list(V.MEASURES) if measure_groups else [rng.choice(V.MEASURES)]
        n_years = min(rng.randint(2, 3) if small else rng.randint(3, 6 if measure_groups else 10), last_year_span(self))
        last = self.last_year
        years = list(range(last - n_years + 1, last + 1))
        row_total = rng.random() < 0.45
        multi = rng.random() < 0.3 and years[0] > FIRST_YEAR
        statute_in_groups = n_stat == 1 and not measure_groups and rng.random() < 0.3
        rotate = rng.random() < 0.2
        short_years = rng.random() < 0.7
        cols: list[Col] = []
        header_top: list[Cell] = []
        header_low: list[Cell] = []
        for m in measures:
            group_cols = [Col(None, m, y, y, False) for y in years]
            low = [self.header_cell(V.year_label(y, rng, short_years), rotate=rotate) for y in years]
            if row_total:
                group_cols.append(Col(None, m, years[0], years[-1], True))
                low.append(self.header_cell(rng.choice(V.ROW_TOTAL_WORDS), rotate=rotate))
                feats.add("total_column")
            if multi:
                group_cols.append(Col(None, m, FIRST_YEAR, last, True))
                low.append(self.header_cell(V.range_label(FIRST_YEAR, last, rng), rotate=rotate))
                feats.add("multiyear_total")
            cols += group_cols
            header_low += low
            if measure_groups:
                header_top.append(self.header_cell(V.measure_word(m, rng), colspan=len(group_cols)))
            elif statute_in_groups:
                label = V.statute_label(statutes[0], rng)
                header_top.append(self.header_cell(label, colspan=len(group_cols)))
        if measure_groups:
            feats.add("col_group_measure")
        if statute_in_groups:
            feats.add("col_group_statute")
        if rotate:
            feats.add("rotated_headers")
        if not short_years:
            feats.add("year_words")
        # how row groups (several statutes) are shown
        group_mode = None
        if n_stat > 1:
            group_mode = "span" if rng.random() < 0.5 else "heading"
            feats.add("statute_span" if group_mode == "span" else "statute_heading_rows")
        measure_phrase = (
            " and ".join(V.measure_word(m, rng).lower() for m in measures)
            if measure_groups
            else V.measure_word(measures[0], rng)
        )
        period = self.period_words(years[0], years[-1])
        subtitle = None
        if n_stat == 1 and not statute_in_groups:
            st = V.statute_label(statutes[0], rng)
            if rng.random() < 0.25:
                what = f"{st}, by town"
                subtitle = f"{measure_phrase.capitalize()}, {period}"
                feats.add("subtitle")
            else:
                what = f"{measure_phrase.capitalize()} under {st}, by town, {period}"
        else:
            what = f"{measure_phrase.capitalize()} by town, {period}"
        if measure_groups and rng.random() < 0.3:
            what = f"Case outcomes by town, {period}" if n_stat > 1 else what
        title = self.title(number, what)
        return self._town_rows(
            number, "town_by_year", title, subtitle, feats, statutes, cols, header_top, header_low, group_mode, small
        )

    def town_by_statute(self, number: int, small: bool) -> TableSpec:
        """Towns down the side, statutes (and measures) across, one year from the title."""
        rng, feats = self.rng, {"kind:town_by_statute"}
        year = self.last_year - rng.randint(0, 3)
        n_stat = rng.randint(2, 3) if small else rng.randint(2, 6)
        statutes = sorted(rng.sample(V.STATUTES, n_stat), key=V.STATUTES.index)
        both = not small and rng.random() < 0.4
        measures = list(V.MEASURES) if both else [rng.choice(V.MEASURES)]
        rotate = rng.random() < 0.3
        wrap = rng.random() < 0.3
        cols, top, low = [], [], []
        for s in statutes:
            label = V.statute_label(s, rng)
            if wrap and " " in label and not rotate:
                i = label.find(" ", len(label) // 3)
                label = label[:i] + "\n" + label[i + 1 :] if i > 0 else label
                feats.add("wrapped_headers")
            if both:
                top.append(self.header_cell(label, colspan=2))
                for m in measures:
                    cols.append(Col(s, m, year, year, False))
                    low.append(self.header_cell(V.measure_word(m, rng), rotate=rotate))
            else:
                cols.append(Col(s, measures[0], year, year, False))
                low.append(self.header_cell(label, rotate=rotate))
        if both:
            feats.add("col_group_statute")
        if rotate:
            feats.add("rotated_headers")
        year_text = V.year_label(year, rng)
        what = (
            f"Arrests and convictions by town and statute, {year_text}"
            if both
            else f"{V.measure_word(measures[0], rng)} by town and offence, {year_text}"
        )
        title = self.title(number, what)
        return self._town_rows(number, "town_by_statute", title, None, feats, statutes, cols, top, low, None, small)

    def _town_rows(
        self,
        number: int,
        kind: str,
        title: str,
        subtitle: str | None,
        feats: set[str],
        statutes: list[str],
        cols: list[Col],
        header_top: list[Cell],
        header_low: list[Cell],
        group_mode: str | None,
        small: bool,
    ) -> TableSpec:
        rng, world = self.rng, self.world
        suppress = rng.random() < 0.35
        marks = rng.random() < 0.35
        thousands = rng.random() < 0.5
        sp = rng.random() < 0.45
        sp_word = rng.choice(V.STATE_POLICE_WORDS)
        total_row = rng.random() < 0.55 and not small
        total_word = rng.choice(V.STATEWIDE_ROW_WORDS)
        group_keys = statutes if group_mode else [None]
        rows: list[LogicalRow] = []
        max_rows = rng.choice((12, 20, 40, 80, 400, 400)) if not small else rng.randint(4, 9)
        for g in group_keys:
            gstat = [g] if g else statutes

            def truth(who: str, c: Col, gstat: list[str] = gstat) -> Truth:
                s = c.statute or gstat[0]
                m = c.measure or "arrests"
                assert c.first is not None and c.last is not None
                v = world.total(who, s, m, c.first, c.last)
                total = c.total or who == STATEWIDE
                return Truth(who, jtype(who), c.first, c.last, s, m, v, total)

            listed = [t for t in V.towns() if any(truth(t, c).count for c in cols)]
            if len(listed) > max_rows:
                listed = sorted(rng.sample(listed, max_rows))
                total_here = False
                feats.add("selected_towns")
            else:
                total_here = total_row
            if not listed:
                listed = sorted(rng.sample(V.towns(), 3))
            juris = list(listed)
            if sp:
                feats.add("state_police")
                if rng.random() < 0.5:
                    juris.append(STATE_POLICE)
                else:
                    juris = sorted([*juris, STATE_POLICE], key=lambda j: sp_word if j == STATE_POLICE else j)
            group_label = None
            if g:
                text = V.statute_label(g, rng)
                if group_mode == "span" and len(text) > 18 and " " in text:
                    cut = text.find(" ", len(text) // 2 - 4)
                    text = text[:cut] + "\n" + text[cut + 1 :] if cut > 0 else text
                    feats.add("wrapped_group_label")
                group_label = [Run(text)]
                if group_mode == "heading":
                    head = Cell(group_label, colspan=1 + len(cols), bold=True)
                    rows.append(LogicalRow("heading", [head], group=g))
            for who in juris:
                cells = [self.name_cell(who, feats, marks, sp_word)]
                cells += [self.count_cell(truth(who, c), feats, suppress, marks, thousands) for c in cols]
                rows.append(LogicalRow("data", cells, group=g, group_label=group_label))
            if total_here:
                feats.add("total_row")
                label = total_word if not g or group_mode == "span" else f"{total_word}"
                cells = [Cell([Run(label)], bold=True)]
                cells += [self.count_cell(truth(STATEWIDE, c), feats, False, False, thousands) for c in cols]
                for c in cells:
                    c.bold = True
                rows.append(LogicalRow("data", cells, group=g, group_label=group_label))
        group_column = group_mode == "span"
        lead = 2 if group_column else 1
        header = self._header(lead, header_top, header_low, rng.choice(("Town", "Jurisdiction", "Municipality", "")))
        notes = self._notes(feats, statutes, suppress)
        return self._finish(number, kind, title, subtitle, header, rows, notes, feats, group_column)

    def _header(self, lead: int, top: list[Cell], low: list[Cell], corner: str) -> Grid:
        """Header rows: an optional group row over the count columns, then the column headers."""
        rows: Grid = []
        if top:
            first: list[Cell | None] = [self.header_cell("", align="l")] + [None] * (lead - 1)
            first[0] = Cell([Run("")], colspan=lead, header=True)
            for c in top:
                first.append(c)
                first += [None] * (c.colspan - 1)
            rows.append(first)
        second: list[Cell | None] = [Cell([Run(corner)], colspan=lead, header=True, bold=True)] + [None] * (lead - 1)
        second += low
        rows.append(second)
        return rows

    def _notes(self, feats: set[str], statutes: list[str], suppress: bool) -> list[str]:
        rng = self.rng
        notes = []
        if rng.random() < 0.4:
            notes.append(V.legend_line(statutes, rng))
            feats.add("legend")
        if "suppressed" in feats or (suppress and rng.random() < 0.5):
            notes.append(rng.choice(V.SUPPRESSION_NOTES).format(m=self.suppress_mark))
        if feats & {"town_marks_inline", "town_marks_sup", "count_marks_inline", "count_marks_sup"}:
            mark = rng.choice(self.inline_marks)
            notes.append(f"{mark} {rng.choice(V.FOOTNOTE_TEXTS)}")
        notes.append(rng.choice(V.SOURCE_NOTES))
        return notes

    def year_by_town(self, number: int, small: bool) -> TableSpec:
        """Transposed: years down the side, towns across; statute and measure from the title."""
        rng, feats = self.rng, {"kind:year_by_town"}
        statute = rng.choice(V.STATUTES[:3])
        measure = rng.choice(V.MEASURES)
        n_years = min(rng.randint(3, 6) if small else rng.randint(4, 10), self.last_year - FIRST_YEAR + 1)
        years = list(range(self.last_year - n_years + 1, self.last_year + 1))
        busy = sorted(V.towns(), key=lambda t: -self.world.weight[t])[:12]
        towns = sorted(rng.sample(busy, rng.randint(2, 3) if small else rng.randint(3, 6)))
        juris: list[str] = list(towns)
        if rng.random() < 0.3:
            juris.append(STATE_POLICE)
            feats.add("state_police")
        statewide_col = rng.random() < 0.4
        if statewide_col:
            juris.append(STATEWIDE)
            feats.add("statewide_column")
        rotate = rng.random() < 0.3
        marks = rng.random() < 0.3
        sp_word = rng.choice(V.STATE_POLICE_WORDS[:5])
        low = []
        for j in juris:
            cell = self.name_cell(j, feats, marks, sp_word)
            if j == STATEWIDE:
                cell = Cell([Run(rng.choice(("Statewide", "Connecticut", "State total", "All towns")))])
            cell.header, cell.bold, cell.align, cell.rotate = True, True, "c", rotate
            cell.runs = [Run(r.text.replace("\n", " "), r.sup) for r in cell.runs]
            low.append(cell)
        if rotate:
            feats.add("rotated_headers")
        suppress = rng.random() < 0.3
        thousands = rng.random() < 0.5
        rows = []
        for y in years:
            cells = [Cell([Run(V.year_label(y, rng, rng.random() < 0.8))])]
            for j in juris:
                t = Truth(j, jtype(j), y, y, statute, measure, self.world.value(j, statute, measure, y), j == STATEWIDE)
                cells.append(self.count_cell(t, feats, suppress, marks, thousands))
            rows.append(LogicalRow("data", cells))
        if rng.random() < 0.4 and not small:
            feats.add("total_row")
            cells = [Cell([Run(rng.choice(V.ROW_TOTAL_WORDS))], bold=True)]
            for j in juris:
                v = self.world.total(j, statute, measure, years[0], years[-1])
                t = Truth(j, jtype(j), years[0], years[-1], statute, measure, v, True)
                cells.append(self.count_cell(t, feats, False, False, thousands))
            rows.append(LogicalRow("data", cells))
        what = f"{V.measure_word(measure, rng)} under {V.statute_label(statute, rng)} by year, selected towns"
        header = self._header(1, [], low, rng.choice(("Year", "", "Calendar year")))
        notes = self._notes(feats, [statute], suppress)
        return self._finish(number, "year_by_town", self.title(number, what), None, header, rows, notes, feats, False)

    def statewide_by_year(self, number: int, small: bool) -> TableSpec:
        """Statewide summary keyed by year rows; statutes (and measures) across."""
        rng, feats = self.rng, {"kind:statewide_by_year"}
        n_years = min(rng.randint(3, 6) if small else rng.randint(4, 12), self.last_year - FIRST_YEAR + 1)
        years = list(range(self.last_year - n_years + 1, self.last_year + 1))
        statutes = sorted(
            rng.sample(V.STATUTES, rng.randint(2, 3) if small else rng.randint(2, 6)), key=V.STATUTES.index
        )
        both = not small and rng.random() < 0.45
        measures = list(V.MEASURES) if both else [rng.choice(V.MEASURES)]
        rotate = rng.random() < 0.2
        cols, top, low = [], [], []
        for s in statutes:
            label = V.statute_label(s, rng)
            if both:
                top.append(self.header_cell(label, colspan=2))
                for m in measures:
                    cols.append((s, m))
                    low.append(self.header_cell(V.measure_word(m, rng), rotate=rotate))
            else:
                cols.append((s, measures[0]))
                low.append(self.header_cell(label, rotate=rotate))
        if both:
            feats.add("col_group_statute")
        if rotate:
            feats.add("rotated_headers")
        thousands = rng.random() < 0.6
        rows = []
        for y in years:
            cells = [Cell([Run(V.year_label(y, rng, rng.random() < 0.8))])]
            for s, m in cols:
                t = Truth(STATEWIDE, "statewide", y, y, s, m, self.world.value(STATEWIDE, s, m, y), True)
                cells.append(self.count_cell(t, feats, False, rng.random() < 0.3, thousands))
            rows.append(LogicalRow("data", cells))
        if rng.random() < 0.4:
            feats.add("total_row")
            cells = [Cell([Run(V.range_label(years[0], years[-1], rng) if rng.random() < 0.5 else "Total")], bold=True)]
            for s, m in cols:
                v = self.world.total(STATEWIDE, s, m, years[0], years[-1])
                cells.append(
                    self.count_cell(
                        Truth(STATEWIDE, "statewide", years[0], years[-1], s, m, v, True),
                        feats,
                        False,
                        False,
                        thousands,
                    )
                )
            rows.append(LogicalRow("data", cells))
        mw = "arrests and convictions" if both else V.measure_word(measures[0], rng).lower()
        where = rng.choice(("statewide", "Connecticut, all towns", "statewide (Connecticut)", "for the state"))
        what = f"{mw.capitalize()} {where}, by statute and year"
        header = self._header(1, top, low, rng.choice(("Year", "", "Calendar year")))
        notes = self._notes(feats, statutes, False)
        return self._finish(
            number, "statewide_by_year", self.title(number, what), None, header, rows, notes, feats, False
        )

    def _finish(
        self,
        number: int,
        kind: str,
        title: str,
        subtitle: str | None,
        header: Grid,
        rows: list[LogicalRow],
        notes: list[str],
        feats: set[str],
        group_column: bool,
    ) -> TableSpec:
        rng = self.rng
        grid = rng.choice(("full", "hrules", "none", "zebra"))
        feats.add(f"grid:{grid}")
        spec = TableSpec(
            number,
            kind,
            title,
            subtitle,
            header,
            rows,
            notes,
            grid,
            grid == "zebra" or rng.random() < 0.1,
            group_column,
            feats,
        )
        if spec.zebra:
            feats.add("zebra")
        spec.repeat_heading = rng.random() < 0.5
        spec.continued_word = rng.choice(V.CONTINUED_WORDS)
        spec.continued_below = rng.choice(V.CONTINUED_BELOW_WORDS) if rng.random() < 0.4 else None
        spec.width = table_width(spec, self.style)
        return spec


# ------------------------------------------------------------------------------------------ geometry (estimates)


def cell_size(cell: Cell, style: Style) -> tuple[float, float]:
    """The natural (width, height) of a cell's content plus padding, as both renderers draw it."""
    fs = style.size
    lines = cell.lines()
    widths = []
    for line in lines:
        w = 0.0
        for run in line:
            size = fs * SUP_SCALE if run.sup else fs
            w += text_width(run.text, style.family, size, cell.bold) * style.hscale + style.tracking * len(run.text)
        widths.append(w)
    text_w = max(widths or [0.0])
    text_h = len(lines) * LINE * fs
    if cell.rotate:
        text_w, text_h = text_h, text_w
    return text_w + 2 * PAD_H * fs + 1, text_h + 2 * PAD_V * fs + 1


def column_widths(grid: Grid, ncols: int, style: Style) -> list[float]:
    """Column widths: single cells set them, then spanning cells widen their columns evenly if they need it."""
    widths = [2 * PAD_H * style.size] * ncols
    spans = []
    for row in grid:
        for j, cell in enumerate(row):
            if cell is None:
                continue
            w, _ = cell_size(cell, style)
            if cell.colspan == 1:
                widths[j] = max(widths[j], w)
            else:
                spans.append((j, cell.colspan, w))
    for j, n, w in spans:
        have = sum(widths[j : j + n])
        if w > have:
            for k in range(j, j + n):
                widths[k] += (w - have) / n
    return [math.ceil(w) + 1 for w in widths]


def table_grid(spec: TableSpec, rows: list[LogicalRow]) -> Grid:
    """The body grid of some of a table's rows: group cells span their run of rows (printed once, centred)."""
    ncols = len(spec.header[-1])
    body: Grid = []
    i = 0
    while i < len(rows):
        row = rows[i]
        if row.kind == "heading":
            cell = row.cells[0]
            body.append([Cell(cell.runs, colspan=ncols, bold=True)] + [None] * (ncols - 1))
            i += 1
            continue
        line: list[Cell | None] = []
        if spec.group_column:
            j = i
            while j < len(rows) and rows[j].group == row.group and rows[j].kind == "data":
                j += 1
            if i == 0 or rows[i - 1].group != row.group:
                line.append(Cell(row.group_label or [Run("")], rowspan=j - i, align="c", bold=False))
            else:
                line.append(None)
        line += row.cells
        body.append(line)
        i += 1
    return body


def grid_height(grid: Grid, style: Style) -> float:
    return sum(row_height(row, style) for row in grid)


def row_height(row: list[Cell | None], style: Style) -> float:
    h = (LINE + 2 * PAD_V) * style.size + 1
    for cell in row:
        if cell is not None and cell.rowspan == 1:
            h = max(h, cell_size(cell, style)[1])
    return h


def table_width(spec: TableSpec, style: Style) -> float:
    ncols = len(spec.header[-1])
    grid = spec.header + table_grid(spec, spec.rows)
    return sum(column_widths(grid, ncols, style))


def text_lines(text: str, width: float, size: float, style: Style, bold: bool = False) -> list[str]:
    """Greedy word wrap of a paragraph at `width` (used by both renderers, so lines match the plan)."""
    out: list[str] = []
    line = ""
    for word in text.split(" "):
        trial = f"{line} {word}" if line else word
        if line and text_width(trial, style.family, size, bold) * style.hscale + style.tracking * len(trial) > width:
            out.append(line)
            line = word
        else:
            line = trial
    out.append(line)
    return out


def title_size(style: Style) -> float:
    return round(style.size * 1.2, 1)


def note_size(style: Style) -> float:
    return max(5.5, round(style.size * 0.85, 1))


def part_height(part: TablePart, style: Style, width: float) -> float:
    """Height of a table part with its title and notes: the renderers stack exactly these pieces."""
    ts, ns = title_size(style), note_size(style)
    h = len(text_lines(part.title, width, ts, style, True)) * ts * LINE + 0.4 * style.size
    if part.subtitle:
        h += len(text_lines(part.subtitle, width, style.size, style)) * style.size * LINE
    h += grid_height(part.header, style) + grid_height(part.body, style) + 0.5 * style.size
    for note in part.notes + ([part.below] if part.below else []):
        h += len(text_lines(note, width, ns, style)) * ns * LINE
    return h


def heading_size(style: Style) -> float:
    return round(style.size * 1.45, 1)


def heading_height(text: str, width: float, style: Style) -> float:
    hs = heading_size(style)
    return len(text_lines(text, width, hs, style, True)) * hs * LINE


BLOCK_GAP = 1.6  # times the font size, between blocks


# --------------------------------------------------------------------------------------------------- the report


def make_style(rng: random.Random) -> Style:
    family = rng.choice(list(FAMILIES))
    size = rng.choice((6, 6.5, 7, 7.5, 8, 8, 9, 9, 10, 10, 11, 12))
    margin = rng.choice((18, 28, 36, 54, 72, 90))
    margins = (margin + rng.choice((0, 10, 20)), margin, margin + rng.choice((0, 10)), margin + rng.choice((0, 18)))
    return Style(
        family=family,
        size=float(size),
        margins=tuple(float(m) for m in margins),  # type: ignore[arg-type]
        paper=rng.choice(("letter", "letter", "a4")),
        watermark=rng.random() < 0.35,
        footer=rng.choice(V.FOOTER_FORMS),
        kerning=rng.random() < 0.5,
        tracking=rng.choice((0.0, 0.0, 0.0, 0.15, -0.1)),
        hscale=rng.choice((1.0, 1.0, 1.0, 0.9)),
        ligatures=rng.random() < 0.4,
        centred=rng.random() < 0.3,
    )


def make_report(seed: int, index: int) -> Report:
    """Report number `index` of the sample drawn from `seed` (the same for every engine)."""
    rng = random.Random(f"ctip-wild:{seed}:{index}")
    style = make_style(rng)
    world = World(rng, scale=rng.choice((0.3, 0.6, 1.0, 1.5)))
    last_year = rng.randint(2011, 2018)
    maker = TableMaker(rng, world, style, last_year)
    features: set[str] = {f"font:{style.family}", f"size:{int(style.size)}"}
    for flag in ("watermark", "kerning", "ligatures", "centred"):
        if getattr(style, flag):
            features.add(flag)
    if style.tracking:
        features.add("tracking")
    if style.hscale != 1.0:
        features.add("hscale")

    kinds = [maker.town_by_year, maker.town_by_statute, maker.year_by_town, maker.statewide_by_year]
    weights = [4, 2, 1.5, 1.5]
    n_tables = rng.randint(1, 4)
    tables: list[TableSpec] = []
    pair_at: set[int] = set()
    number = 1
    while len(tables) < n_tables:
        if rng.random() < 0.2:
            kind_a, kind_b = rng.choices(kinds, weights, k=2)
            a, b = kind_a(number, True), kind_b(number + 1, True)
            wbox = style.text_box(False)[0]
            if max(a.width, b.width) * 2 + 3 * style.size <= wbox:
                a.features.add("side_by_side")
                b.features.add("side_by_side")
                pair_at.add(len(tables))
                tables += [a, b]
                number += 2
                continue
        spec = rng.choices(kinds, weights)[0](number, False)
        if not _fit_width(spec, style, rng):
            continue
        tables.append(spec)
        number += 1
    _renumber(tables)
    contents = rng.random() < 0.35
    if contents:
        features.add("contents_page")
    pages = paginate(tables, pair_at, style, rng, contents)
    for t in tables:
        if any(pages[p - 1].landscape for p in t.pages):
            t.features.add("landscape")
        if len(t.pages) > 1:
            t.features.add("continued")
    for t in tables:
        features |= t.features
    name = f"wild_{seed}_{index:04d}"
    return Report(name, seed, index, style, pages, tables, features)


def _renumber(tables: list[TableSpec]) -> None:
    """Tables are numbered in order; a dropped draw must not leave a gap."""
    for i, t in enumerate(tables, start=1):
        if t.number != i:
            t.title = t.title.replace(f" {t.number}", f" {i}", 1)
            t.number = i


def _fit_width(spec: TableSpec, style: Style, rng: random.Random) -> bool:
    """Portrait if it fits, else landscape; a table too wide for either is redrawn (returns False)."""
    portrait, landscape = style.text_box(False)[0], style.text_box(True)[0]
    if spec.width <= portrait and rng.random() < 0.85:
        spec.landscape = False
    elif spec.width <= landscape:
        spec.landscape = True
    else:
        return False
    width, height = style.text_box(spec.landscape)
    title = f"{spec.title} {spec.continued_word}"
    room = height * 0.93 - heading_height(V.REPORT_TITLES[1], width, style) - BLOCK_GAP * style.size
    probe = TablePart(
        spec.number,
        title,
        spec.subtitle,
        spec.header,
        table_grid(spec, spec.rows[:4]),
        spec.notes,
        spec.grid,
        spec.zebra,
        spec.continued_below,
    )
    return part_height(probe, style, width) + 2 * style.size <= room


def paginate(
    tables: list[TableSpec], pair_at: set[int], style: Style, rng: random.Random, contents: bool
) -> list[Page]:
    """Cut the tables into parts that fit pages: repeated headers, "continued" titles, group spans re-printed."""
    pages: list[Page] = []
    fs = style.size
    gap = BLOCK_GAP * fs

    def new_page(landscape: bool) -> Page:
        page = Page(len(pages) + 1, landscape)
        pages.append(page)
        return page

    used = 0.0
    page: Page | None = None
    if contents:
        page = new_page(False)
        page.blocks.append(Block("heading", rng.choice(V.REPORT_TITLES)))
        page.blocks.append(Block("para", rng.choice(V.INTRO_PARAGRAPHS)))
        page.blocks.append(Block("contents", rng.choice(V.CONTENTS_WORDS)))
        page = None
    i = 0
    while i < len(tables):
        spec = tables[i]
        if i in pair_at:
            a, b = tables[i], tables[i + 1]
            half = (style.text_box(False)[0] - 2 * fs) / 2
            pa, pb = _whole_part(a), _whole_part(b)
            h = max(part_height(pa, style, half), part_height(pb, style, half))
            if page is None or page.landscape or used + h + gap > style.text_box(False)[1] * 0.93:
                page, used = new_page(False), 0.0
            page.blocks.append(Block("pair", parts=[pa, pb]))
            a.pages, b.pages = [page.number], [page.number]
            used += h + gap
            i += 2
            continue
        width = style.text_box(spec.landscape)[0]
        avail = style.text_box(spec.landscape)[1] * 0.93
        if page is None or page.landscape != spec.landscape:
            page, used = new_page(spec.landscape), 0.0
        if not contents and not pages[0].blocks and page.number == 1:
            heading = rng.choice(V.REPORT_TITLES)
            page.blocks.append(Block("heading", heading))
            used += heading_height(heading, width, style) + gap
        rows = spec.rows
        first = True
        while rows:
            title = spec.title if first else f"{spec.title} {spec.continued_word}"
            prefix: list[LogicalRow] = []
            if not first and spec.repeat_heading and rows[0].kind == "data" and rows[0].group:
                heads = [r for r in spec.rows if r.kind == "heading" and r.group == rows[0].group]
                if heads:
                    head = heads[0].cells[0]
                    cont = Cell([*head.runs, Run(" " + spec.continued_word)], colspan=head.colspan, bold=True)
                    prefix = [LogicalRow("heading", [cont], group=rows[0].group)]
            take = _rows_that_fit(spec, prefix, rows, title, style, width, avail - used, first)
            if take < min(3, len(rows)):
                if used == 0.0:
                    raise ValueError("a page cannot hold three rows of this table")
                page, used = new_page(spec.landscape), 0.0
                continue
            if prefix:
                spec.features.add("repeated_heading")
            chunk, rows = prefix + rows[:take], rows[take:]
            part = TablePart(
                spec.number,
                title,
                spec.subtitle if first else None,
                spec.header,
                table_grid(spec, chunk),
                spec.notes if not rows else [],
                spec.grid,
                spec.zebra,
                spec.continued_below if rows else None,
            )
            page.blocks.append(Block("table", parts=[part]))
            spec.pages.append(page.number)
            used += part_height(part, style, width) + gap
            first = False
            if rows:
                page, used = new_page(spec.landscape), 0.0
        i += 1
    if contents:
        entries = []
        for t in tables:
            entries.append((t.title, t.pages[0]))
        pages[0].blocks[2].entries = entries
    return pages


def _whole_part(spec: TableSpec) -> TablePart:
    return TablePart(
        spec.number,
        spec.title,
        spec.subtitle,
        spec.header,
        table_grid(spec, spec.rows),
        spec.notes,
        spec.grid,
        spec.zebra,
    )


def _rows_that_fit(
    spec: TableSpec,
    prefix: list[LogicalRow],
    rows: list[LogicalRow],
    title: str,
    style: Style,
    width: float,
    room: float,
    first: bool,
) -> int:
    """How many of `rows` fit in `room` points with the title, header and (if they end the table) the notes."""
    lo, hi = 0, len(rows)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        last = mid == len(rows)
        part = TablePart(
            spec.number,
            title,
            spec.subtitle if first else None,
            spec.header,
            table_grid(spec, prefix + rows[:mid]),
            spec.notes if last else [],
            spec.grid,
            spec.zebra,
            None if last else (spec.continued_below or ""),
        )
        if part_height(part, style, width) + 2 * style.size <= room:
            lo = mid
        else:
            hi = mid - 1
    return lo


def last_year_span(maker: TableMaker) -> int:
    """How many years a table may print without reaching before the first year of the series."""
    return maker.last_year - FIRST_YEAR + 1
