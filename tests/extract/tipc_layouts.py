"""An independent generator of TIPC-style report PDFs, for layout fuzzing (issue 13, point 3).

Independent on purpose: nothing here comes from `pipeline/` (no import, no copied pattern). It draws what real
statistical report tables print, every dimension at random and in any combination, renders the report with
reportlab's canvas (every string placed by hand, so margins, fonts, gaps, rules and rotation are ours), and keeps
the ground truth: one row per printed count cell.

    report = draw(reports(towns))            # a hypothesis strategy (or broken_reports(towns))
    render(report, "r.pdf")                 # the PDF
    write_truth_csv(report, "r.truth.csv")  # what a faithful reader must read from it

Ground truth (`Report.truth`, one dict per printed count cell; no rows for %-change, rank or rate cells):
    page            1-based PDF page on which the cell is printed
    table_no        the table's ordinal in the report (1-based; not its printed number)
    row_label       the row label as printed on that row ('' on a long table's continuation row)
    column_header   the column's own header as printed (its lines joined by one space)
    group_header    the header spanning this column ('' when none)
    cell_text       the cell as printed ('' for a blank cell)
    jurisdiction    official town name; 'Connecticut State Police'; 'Connecticut' (total rows, statewide summary
                    tables); a subtotal row's label as printed without its footnote marker
    jurisdiction_type  town | state_police | statewide | aggregate (subtotal rows)
    period_start, period_end   calendar years (a row-sum Total column spans its group's first..last year)
    statute         '53a-82', '53a-83', '53a-86', '53a-87', '53a-88' or '53a-192a'
    measure         arrests | convictions
    count           the integer, or None where the cell is suppressed or not reported
    printed_total   True for a Total row or column, statewide summary and subtotal rows, and multi-year periods
Symbols mean what real reports mean by default (a dash is zero; *, †, n/a and (s) are suppressed; a blank cell is
not reported), unless the table's own legend says otherwise, and then the legend wins ("– Not available.",
"Blank cells indicate zero.").

The numbers of a good report are consistent: a Total row is the sum of the rows it totals, a Total column the sum
of its years, a subtotal the sum of the towns, a statewide summary the sum over every jurisdiction; a suppressed
or unreported cell hides 1 to 4, included in the totals. A broken report (`broken_reports`) is a good one with
one defect, described by `Report.defect`: what must be refused and why.

`Report.features` records, from the report as finally laid out, which value of each dimension in DIMENSIONS it
shows: the fuzz test asserts that its sample covers every value. `Report.choices` is every value drawn, in order:
`replay(choices, towns)` rebuilds the same report (how a shrunk failure is kept as a regression test).
"""

from __future__ import annotations

import csv
import random
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas

MAX_PAGES = 4
LETTER = (612.0, 792.0)

# --- what real reports print ------------------------------------------------------------------------------

STATUTE_NAMES = {  # code -> (singular, plural), as the General Statutes title them
    "53a-82": ("Prostitution", "Prostitution"),
    "53a-83": ("Patronizing a prostitute", "Patronizing prostitutes"),
    "53a-86": ("Promoting prostitution in the first degree", "Promoting prostitution in the first degree"),
    "53a-87": ("Promoting prostitution in the second degree", "Promoting prostitution in the second degree"),
    "53a-88": ("Promoting prostitution in the third degree", "Promoting prostitution in the third degree"),
    "53a-192a": ("Trafficking in persons", "Trafficking in persons"),
}
STATUTES = list(STATUTE_NAMES)
MEASURES = ["arrests", "convictions"]
MEASURE_WORDS = {("arrests", "noun"): "Arrests", ("arrests", "participle"): "Arrested",
                 ("convictions", "noun"): "Convictions", ("convictions", "participle"): "Convicted"}
STATE_POLICE = "Connecticut State Police"
STATEWIDE = "Connecticut"
NOT_TOWNS = ["Springfield", "Worcester", "Providence", "Yonkers", "Pawtucket", "Albany", "Poughkeepsie",
             "Woonsocket", "Holyoke", "White Plains"]

NUMBER_FORMS = {
    "plain": "{c}", "section_space": "§ {c}", "section": "§{c}", "sec": "Sec. {c}",
    "cgs_dotted_upper": "C.G.S. SEC. {C}", "cgs": "CGS {c}",
}
TITLE_LABELS = {
    "table_dot": "Table {n}.", "table_colon": "Table {n}:", "TABLE_dot": "TABLE {n}.",
    "table_letter_dash": "Table B-{n}.", "table_number_letter": "Table {n}a", "table_roman": "Table {r}",
    "exhibit": "Exhibit {n}", "none": "",
}
LABEL_HEADERS = ["Town", "TOWN", "Municipality", "Jurisdiction", "Agency", "City/Town", "Department", ""]
SUMMARY_LABEL_HEADERS = ["Offense", "Statute", "Charge", ""]
STATE_POLICE_LABELS = ["State Police", "CT State Police Troops", "Connecticut State Police"]
TOTAL_LABELS = ["Total", "TOTAL", "Statewide Total", "Total, all jurisdictions"]
SUBTOTAL_LABELS = ["Subtotal, municipal departments", "Subtotal, municipal police departments"]
MARKERS = {"asterisk": "*", "double_asterisk": "**", "superscript_one": "¹", "superscript_two": "²",
           "letter_a": " (a)", "dagger": "†"}
MARKER_NOTES = {
    "asterisk": "* Department merged with a neighbouring town's in 2012.",
    "double_asterisk": "** Includes arrests by the housing authority police.",
    "superscript_one": "¹ Figures revised since the previous annual report.",
    "superscript_two": "² Partial year: the department reported from July.",
    "letter_a": "(a) Includes the resident state trooper program.",
    "dagger": "† Reporting changed in 2013; see the narrative.",
}
SUPPRESSION_SYMBOLS = {"asterisk": "*", "dagger": "†", "n_a": "n/a", "s": "(s)"}
SUPPRESSION_NOTES = {
    "asterisk": "* Suppressed: fewer than 5.",
    "dagger": "† Fewer than 5; not shown to protect confidentiality.",
    "n_a": "n/a Not shown (fewer than 5 cases).",
    "s": "(s) Suppressed to protect confidentiality.",
}
DASHES = {"en_dash": "–", "hyphen": "-", "em_dash": "—"}
FONTS = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

# Every dimension the fuzzer draws and the values it must cover (features are read from the report as laid out).
DIMENSIONS: dict[str, tuple[str, ...]] = {
    # pages and the report around the tables
    "page_orientation": ("portrait", "landscape", "rotated_90", "rotated_270"),
    "margin": ("quarter_inch", "19-40pt", "41-72pt"),
    "row_near_edge": ("within_40pt_of_edge", "not_near_edge"),
    "font": ("Helvetica", "Times-Roman", "Courier"),
    "font_size": ("7", "8", "9", "10", "11"),
    "header_bold": ("bold", "regular"),
    "running_header": ("none", "report_name", "agency_name"),
    "running_footer": ("none", "page_of", "appendix_page", "page_number", "name_and_page"),
    "cover_page": ("absent", "present"),
    "contents_page": ("absent", "present"),
    "narrative": ("paragraph_before_table", "narrative_page_between_tables"),
    "tables_on_a_page": ("one", "several"),
    "table_count": ("1", "2", "3"),
    # a table's kind, title and subtitle
    "table_kind": ("wide", "long", "summary"),
    "title_label": tuple(TITLE_LABELS),
    "title_lines": ("one", "two"),
    "subtitle": ("none", "statute", "period", "statute_and_period"),
    # what the headers say, and where
    "statute": tuple(STATUTES),
    "statute_number_form": (*NUMBER_FORMS, "none"),
    "statute_name": ("absent", "before_number", "after_number", "only"),
    "statute_name_case": ("as_is", "title", "upper", "lower"),
    "statute_name_number": ("singular", "plural"),
    "statute_place": ("title", "subtitle", "group", "column", "row"),
    "measure": tuple(MEASURES),
    "measure_word": ("Arrests", "Arrested", "Convictions", "Convicted"),
    "measure_case": ("as_is", "upper"),
    "measure_place": ("title", "group", "column", "row", "lone_column_header"),
    "column_header_axes": ("year", "statute", "measure", "statute_and_measure", "lone_column"),
    "period_mode": ("year_columns", "year_groups", "year_column", "single_year_title", "range_title"),
    "period_place": ("title", "subtitle", "group", "column", "row"),
    "single_year_form": ("calendar_year", "bare", "cy"),
    "range_form": ("en_dash", "hyphen", "through"),
    "header_wrap": ("one_line", "wrapped"),
    # rows
    "label_header": tuple(h or "none" for h in LABEL_HEADERS),
    "summary_label_header": tuple(h or "none" for h in SUMMARY_LABEL_HEADERS),
    "summary_rows": ("statute", "measure", "combined", "nested"),
    "name_case": ("as_is", "upper", "lower"),
    "name_marker": tuple(MARKERS),
    "state_police_label": tuple(STATE_POLICE_LABELS),
    "total_label": tuple(TOTAL_LABELS),
    "subtotal_label": tuple(SUBTOTAL_LABELS),
    "long_labels": ("every_row", "first_row_only"),
    # extra columns
    "extra_column": ("row_total", "pct_change", "rank", "rate"),
    "row_total_header": ("Total", "Total with range"),
    # cells and legends
    "zero_text": ("0", "en_dash", "hyphen", "em_dash", "blank"),
    "null_text": (*SUPPRESSION_SYMBOLS, "blank", "dash_not_available"),
    "thousands": ("comma",),
    "legend": ("dash_represents_zero", "dash_not_available", "symbol_suppressed", "blank_not_reported",
               "blank_zero"),
    # the drawing
    "number_align": ("right", "centre"),
    "ruling": ("none", "rules", "grid"),
    "row_height": ("tight", "normal", "loose"),
    "column_gap": ("narrow", "normal", "wide"),
    "continued": ("no", "yes"),
    "continued_marker": ("(continued)", "(cont.)", "none"),
    "header_repeated": ("yes", "no"),
}
BROKEN_KINDS = ("total_row", "total_column", "negative_count", "not_a_town", "fiscal_year")

_ORIENT = ("portrait", "landscape", "rotated_90", "rotated_270")


# --- the report model -------------------------------------------------------------------------------------

@dataclass
class Defect:
    """What must be refused in a broken report, and why."""

    kind: str  # one of BROKEN_KINDS
    reason: str
    page: int = 0
    row_label: str = ""
    column_header: str = ""
    cell_text: str = ""
    name: str = ""  # the printed name without markers (not_a_town) or the jurisdiction of the bad cell
    printed: int | None = None  # the printed value of the bad cell
    expected: int | None = None  # what it would be were the report consistent
    statute: str = ""
    measure: str = ""
    period: tuple[int, int] | None = None


@dataclass
class Item:
    x: float
    y: float
    text: str
    font: str
    size: float
    align: str = "left"  # left | right | centre


@dataclass
class Page:
    orientation: str
    width: float  # as displayed
    height: float
    items: list[Item] = field(default_factory=list)
    lines: list[tuple[float, float, float, float, float]] = field(default_factory=list)  # x0, y0, x1, y1, width
    segments: int = 0  # table segments on the page


@dataclass
class Report:
    pages: list[Page]
    truth: list[dict]
    first_year: int
    last_year: int
    features: set[tuple[str, str]]
    choices: list
    defect: Defect | None = None

    def __repr__(self) -> str:  # hypothesis prints the falsifying example: its files are named in the message
        defect = f", defect {self.defect.kind} on page {self.defect.page}" if self.defect else ""
        return f"<Report: {len(self.pages)} pages, {len(self.truth)} counts, {len(self.choices)} draws{defect}>"

    def _repr_pretty_(self, printer, cycle) -> None:  # hypothesis' pretty printer asks this first
        printer.text(repr(self))

    def dimension_values(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for dim, value in self.features:
            out.setdefault(dim, set()).add(value)
        return out


# --- drawing values: hypothesis, recorded; or a replay of recorded values ------------------------------------

class _Recorder:
    def __init__(self, draw: Callable):
        self._draw = draw
        self.choices: list = []

    def __call__(self, strategy):
        value = self._draw(strategy)
        self.choices.append(value)
        return value


class _Replay:
    def __init__(self, choices: list):
        self.choices = list(choices)
        self._at = 0

    def __call__(self, strategy):
        if self._at >= len(self.choices):
            raise ValueError("replay: more draws than recorded choices (the generator changed)")
        value = self.choices[self._at]
        self._at += 1
        return value


class _Gen:
    """Draw helpers over a draw function (hypothesis' or a replay)."""

    def __init__(self, draw: Callable):
        self.draw = draw

    def pick(self, values):
        values = list(values)
        return self.draw(st.sampled_from(values))

    def integer(self, low: int, high: int) -> int:
        return self.draw(st.integers(low, high))

    def flag(self) -> bool:
        return self.draw(st.booleans())

    def subset(self, values, low: int, high: int) -> list:
        values = list(values)
        return list(self.draw(st.lists(st.sampled_from(values), min_size=low, max_size=min(high, len(values)),
                                       unique=True)))


class _TooWide(Exception):
    pass


class _TooLong(Exception):
    pass


# --- text helpers -------------------------------------------------------------------------------------------

def _title_case(text: str) -> str:
    small = {"a", "an", "in", "the", "of", "for", "and"}
    words = text.split(" ")
    return " ".join(w if (i and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _case(text: str, case: str) -> str:
    return {"as_is": text, "title": _title_case(text), "upper": text.upper(), "lower": text.lower()}[case]


def _number(value: int) -> str:
    return f"{value:,}"


def _width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def _wrap_words(words: list[str], width: float, font: str, size: float) -> list[str]:
    lines: list[str] = []
    for word in words:
        if lines and _width(lines[-1] + " " + word, font, size) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _roll(*key) -> float:
    """A stable pseudo-random number in [0, 1) for a key (so rebuilding a table gives the same cells)."""
    return (zlib.crc32(repr(key).encode()) % 100_000) / 100_000


def period_text(first: int, last: int, single_form: str, range_form: str, fiscal: bool = False) -> str:
    if fiscal:
        fy = [f"FY {y - 1}-{str(y)[2:]}" for y in (first, last)]
        if first == last:
            return {"calendar_year": f"Fiscal Year {first - 1}-{str(first)[2:]}", "bare": fy[0], "cy": fy[0]}[
                single_form]
        return f"{fy[0]} through {fy[1]}"
    if first == last:
        return {"calendar_year": f"Calendar Year {first}", "bare": f"{first}", "cy": f"CY {first}"}[single_form]
    return {"en_dash": f"{first}–{last}", "hyphen": f"{first}-{last}", "through": f"{first} through {last}"}[
        range_form]


# --- the data a report's tables show -------------------------------------------------------------------------

@dataclass
class Jurisdiction:
    kind: str  # town | state_police | subtotal | total
    name: str  # official name (town), STATE_POLICE, or the subtotal's label
    label: str  # as printed, before case and markers
    key: str = ""  # whose values (towns and state police)


@dataclass
class Data:
    years: list[int]
    statutes: list[str]
    units: list[Jurisdiction]  # towns and state police: the rows that are summed
    values: dict  # (unit name, statute, measure, year) -> true count
    seed: int

    def value(self, keys: Iterable[str], statute: str, measure: str, first: int, last: int) -> int:
        return sum(self.values[(k, statute, measure, y)] for k in keys for y in range(first, last + 1))

    def keys(self, unit_kind: str, key: str) -> list[str]:
        """The units a row sums: itself, the towns (subtotal) or all (total, statewide summary)."""
        return [u.key for u in self.units if unit_kind in ("total", "summary")
                or (unit_kind == "subtotal" and u.kind == "town") or u.key == key]


def _draw_data(g: _Gen, towns: list[str]) -> Data:
    first = g.integer(2005, 2016)
    years = list(range(first, first + g.integer(1, 5)))
    statutes = g.subset(STATUTES, 1, 3)
    chosen = g.draw(st.lists(st.sampled_from(sorted(towns)), min_size=2, max_size=7, unique=True))
    units = [Jurisdiction("town", t, t, t) for t in chosen]
    if g.flag():
        units.append(Jurisdiction("state_police", STATE_POLICE, "", STATE_POLICE))
    scale = g.pick(["small", "medium", "large"])
    seed = g.integer(0, 2**32 - 1)
    rng = random.Random(seed)
    values = {}
    for i, unit in enumerate(units):
        big = scale == "large" and i < 2
        for statute in STATUTES:
            for year in years:
                if big:
                    arrests = rng.randint(150, 1500)
                elif scale == "small":
                    arrests = rng.choice([0, 0, 0, 1, 2, 3, 4, 5, 7, 9])
                else:
                    arrests = rng.choice([0, 1, 2, 3, 4, 6, 12, 25, 40, 75])
                values[(unit.key, statute, "arrests", year)] = arrests
                values[(unit.key, statute, "convictions", year)] = int(arrests * rng.uniform(0.0, 0.7))
    return Data(years, statutes, units, values, seed)


# --- one table: its axes, headers, rows and cells ------------------------------------------------------------

@dataclass
class Column:
    lines: list[str]  # header lines as printed
    kind: str  # label | year | count | pct | rank | rate
    group: str = ""  # the spanning header above it
    statute: str | None = None
    measure: str | None = None
    period: tuple[int, int] | None = None
    total: bool = False  # a row-sum Total column


@dataclass
class Row:
    cells: list[str]
    truths: list[dict | None]
    kind: str  # unit | subtotal | total | summary | heading
    indent: bool = False


@dataclass
class Style:
    font: str
    bold: str
    size: int
    header_bold: bool
    row_factor: float
    gap: float
    pad: float
    align: str
    ruling: str
    group_rule: bool
    header_wrap: bool
    title_centred: bool
    indent: float


@dataclass
class Table:
    no: int
    title_lines: list[str]
    continued_title: str | None
    subtitle_lines: list[str]
    columns: list[Column]
    rows: list[Row]
    notes: list[str]
    style: Style
    header_repeated: bool
    split_after: int | None
    features: set
    new_page: bool
    narrative: list[str]
    marker: str = "none"


@dataclass
class TableSpec:
    """Everything drawn for one table; build_table turns it into printed text."""

    no: int
    kind: str
    statutes: list[str]
    measures: list[str]
    years: list[int]  # the years it covers (one value in single_year_title mode)
    period_mode: str
    place: dict  # axis S/M/Y -> title | subtitle | group | column | row
    draws: dict  # every other choice


def _axis_places(g: _Gen, kind: str, n_s: int, n_m: int, period_mode: str, summary_rows: str | None) -> dict:
    place = {}
    if kind == "summary" and summary_rows in ("statute", "combined", "nested"):
        place["S"] = "row"
    else:
        place["S"] = g.pick(["title", "subtitle", "group", "column"] if n_s == 1 else ["group", "column"])
    if kind == "summary" and summary_rows in ("measure", "combined", "nested"):
        place["M"] = "row"
    else:
        place["M"] = g.pick(["title", "group", "column"] if n_m == 1 else ["group", "column"])
    place["Y"] = {"year_columns": "column", "year_groups": "group", "year_column": "row"}.get(period_mode) \
        or g.pick(["title", "subtitle"])
    if place["Y"] == "column":  # years stand alone in their column headers
        for axis in ("S", "M"):
            if place[axis] == "column":
                place[axis] = "group"
    columned = [a for a in "SMY" if place[a] == "column"]
    grouped = [a for a in "SMY" if place[a] == "group"]
    if not columned and grouped:  # a spanning header needs columns under it
        place[grouped[-1]] = "column"
    return place


def draw_table_spec(g: _Gen, no: int, number_offset: int, data: Data, style_base: dict,
                    broken: str | None) -> TableSpec:
    kinds = ["wide", "long"] if broken else ["wide", "long", "summary"]
    kind = g.pick(kinds)
    if broken == "total_column":
        kind = "wide"
    n_s = min(g.integer(1, 2), len(data.statutes))
    statutes = g.subset(data.statutes, n_s, n_s)
    measures = g.subset(MEASURES, 1, 2)
    many_years = len(data.years) >= 2
    if kind == "long":
        period_mode = "year_column"
    else:
        modes = ["year_columns", "year_groups", "single_year_title"] + (["range_title"] if many_years else [])
        if broken:
            modes = [m for m in modes if m != "range_title"]
        period_mode = g.pick(modes)
        if broken == "total_column":
            period_mode = "year_columns"
    if period_mode in ("year_columns", "year_groups", "year_column"):
        start = g.integer(0, len(data.years) - 1)
        years = data.years[start:]
        limit = 3 if kind == "long" else 4
        years = years[:limit]
        if broken == "total_column" and len(years) < 2:
            years = data.years[-2:] if many_years else years
    elif period_mode == "single_year_title":
        years = [g.pick(data.years)]
    else:
        years = list(data.years)
    summary_rows = g.pick(["statute", "measure", "combined", "nested"]) if kind == "summary" else None
    place = _axis_places(g, kind, len(statutes), len(measures), period_mode, summary_rows)
    if kind == "wide":  # at most 8 count columns
        while len(statutes) * len(measures) * (len(years) if place["Y"] in ("column", "group") else 1) > 8:
            years = years[:-1]
    d = dict(style_base)
    d["summary_rows"] = summary_rows
    d["label"] = g.pick(list(TITLE_LABELS))
    d["number"] = no + number_offset
    d["title_two_lines"] = g.flag()
    d["title_split"] = g.integer(1, 6)
    d["statute_number"] = g.pick([*NUMBER_FORMS, "none"])
    d["statute_name"] = "only" if d["statute_number"] == "none" else g.pick(["absent", "before_number",
                                                                             "after_number"])
    d["statute_case"] = g.pick(["as_is", "title", "upper", "lower"])
    d["statute_plural"] = g.flag()
    d["measure_form"] = g.pick(["noun", "participle"])
    d["measure_case"] = g.pick(["as_is", "upper"])
    d["lone_header"] = g.pick(["measure", "Number", "Count"])
    d["single_form"] = g.pick(["calendar_year", "bare", "cy"])
    d["range_form"] = g.pick(["en_dash", "hyphen", "through"])
    d["mention_varied"] = g.flag()
    d["by"] = g.pick(["by Town", "by Municipality", "by Police Department", "by Jurisdiction", ""])
    d["label_header"] = g.pick(LABEL_HEADERS if kind != "summary" else SUMMARY_LABEL_HEADERS)
    d["year_header"] = g.pick(["Year", "YEAR"])
    d["name_case"] = g.pick(["as_is", "upper", "lower"])
    d["markers"] = g.subset(list(MARKERS), 0, 2)
    d["marker_rows"] = g.integer(0, 50)
    d["sp_label"] = g.pick(STATE_POLICE_LABELS)
    d["sp_upper"] = g.flag()
    d["total"] = g.pick(["none", *TOTAL_LABELS])
    if broken == "total_row" and d["total"] == "none":
        d["total"] = "Total"
    d["subtotal"] = "none" if broken else g.pick(["none", *SUBTOTAL_LABELS])
    d["long_first_only"] = g.flag()
    d["row_total"] = g.flag() or broken == "total_column"
    d["row_total_range"] = g.flag()
    d["extras"] = g.subset(["pct_change", "rank", "rate"], 0, 3)
    d["rank_first"] = g.flag()
    d["zero_text"] = g.pick(["0", "en_dash", "hyphen", "em_dash", "blank"])
    d["null_share"] = g.pick([0.0, 0.35, 0.7])
    d["suppression"] = g.pick(list(SUPPRESSION_SYMBOLS))
    d["not_reported"] = g.pick(["none", "blank", "dash_not_available"])
    d["legend_defaults"] = g.flag()  # also print legend lines that only restate a default
    d["legend_one_line"] = g.flag()
    d["source_note"] = g.flag()
    d["continued_marker"] = g.pick(["(continued)", "(cont.)", "none"])
    d["header_repeated"] = g.flag()
    d["split"] = g.flag() and g.flag()  # about one table in four is pushed over a page break
    d["split_at"] = g.integer(1, 40)
    d["new_page"] = g.flag()
    d["narrative"] = g.flag()
    d["text_seed"] = g.integer(0, 999)
    return TableSpec(no, kind, statutes, measures, years, period_mode, place, d)


class _Words:
    """How one table spells statutes, measures and periods."""

    def __init__(self, spec: TableSpec, fiscal: bool):
        self.d = spec.draws
        self.fiscal = fiscal

    def statute(self, code: str) -> str:
        d = self.d
        singular, plural = STATUTE_NAMES[code]
        name = _case(plural if d["statute_plural"] else singular, d["statute_case"])
        if d["statute_number"] == "none":
            return name
        number = NUMBER_FORMS[d["statute_number"]].format(c=code, C=code.upper())
        return {"absent": number, "before_number": f"{name} ({number})", "after_number": f"{number} {name}"}[
            d["statute_name"]]

    def measure(self, measure: str) -> str:
        word = MEASURE_WORDS[(measure, self.d["measure_form"])]
        return word.upper() if self.d["measure_case"] == "upper" else word

    def measure_title(self, measure: str) -> str:
        word = self.measure(measure)
        if self.d["measure_form"] == "participle":
            return ("PERSONS " if self.d["measure_case"] == "upper" else "Persons ") + word
        return word

    def period(self, first: int, last: int) -> str:
        return period_text(first, last, self.d["single_form"], self.d["range_form"], self.fiscal)

    def year(self, year: int) -> str:
        return f"FY {year - 1}-{str(year)[2:]}" if self.fiscal else str(year)


def _feature(features: set, dim: str, value: str) -> None:
    assert value in DIMENSIONS[dim], (dim, value)
    features.add((dim, value))


def build_table(spec: TableSpec, data: Data, style: Style, fiscal: bool = False) -> Table:
    """The printed table: title, headers, rows of cell texts, notes; each count cell with its ground truth."""
    d, place, features = spec.draws, spec.place, set()
    words = _Words(spec, fiscal)
    f = lambda dim, value: _feature(features, dim, value)  # noqa: E731
    f("table_kind", spec.kind)
    years = spec.years
    fixed_period = (years[0], years[-1]) if place["Y"] in ("title", "subtitle") else None

    # --- axes: which values vary along the group header, the column header and the rows
    axis_values = {"S": list(spec.statutes), "M": list(spec.measures), "Y": [(y, y) for y in years]}
    if fixed_period:
        axis_values["Y"] = [fixed_period]
    group_axes = [a for a in "SMY" if place[a] == "group"]
    column_axes = [a for a in "SMY" if place[a] == "column"]
    row_axes = [a for a in "SMY" if place[a] == "row"]

    def text_of(axis: str, value) -> str:
        if axis == "S":
            return words.statute(value)
        if axis == "M":
            return words.measure(value)
        return words.year(value[0])

    def combos(axes: list[str]) -> list[dict]:
        out = [{}]
        for axis in axes:
            out = [{**c, axis: v} for c in out for v in axis_values[axis]]
        return out

    # --- columns
    columns: list[Column] = []
    label_header = d["label_header"]
    columns.append(Column([label_header] if label_header else [], "label"))
    if spec.kind == "long":
        columns.append(Column([d["year_header"]], "year"))
    extras = [e for e in d["extras"] if not (e == "rank" and spec.kind != "wide")]
    if "pct_change" in extras and not (place["Y"] in ("column", "row") and len(years) >= 2):
        extras.remove("pct_change")
    if spec.kind == "summary" and "rate" in extras:
        extras.remove("rate")
    if "rank" in extras and d["rank_first"]:
        columns.append(Column(["Rank"], "rank"))
    lone = not column_axes
    for group in combos(group_axes):
        group_text = ", ".join(text_of(a, group[a]) for a in group_axes)
        group_columns = []
        for combo in combos(column_axes):
            values = {**group, **combo}
            if lone:
                lone_text = words.measure(spec.measures[0]) if d["lone_header"] == "measure" and len(
                    spec.measures) == 1 and "M" not in row_axes else d["lone_header"]
                if lone_text == "measure":
                    lone_text = "Number"
                lines = [lone_text]
            else:
                lines = [" ".join(text_of(a, combo[a]) for a in column_axes)]
            column = Column(lines, "count", group_text, values.get("S"), values.get("M"), values.get("Y"))
            group_columns.append(column)
        columns += group_columns
        year_cols = [c for c in group_columns if c.period]
        if (d["row_total"] and column_axes == ["Y"] and len(year_cols) >= 2 and not fiscal):
            first, last = year_cols[0].period[0], year_cols[-1].period[1]
            header = "Total" if not d["row_total_range"] else f"Total {words.period(first, last)}"
            f("extra_column", "row_total")
            f("row_total_header", "Total" if not d["row_total_range"] else "Total with range")
            columns.append(Column([header], "count", group_text, group.get("S"), group.get("M"), (first, last),
                                  total=True))
    for extra in extras:
        if extra == "rank" and d["rank_first"]:
            f("extra_column", "rank")
            continue
        header = {"pct_change": "% change", "rank": "Rank", "rate": "Rate per 100,000"}[extra]
        columns.append(Column([header], {"pct_change": "pct", "rank": "rank", "rate": "rate"}[extra]))
        f("extra_column", extra)

    # --- places, as printed
    statute_place = place["S"]
    measure_place = place["M"] if not (lone and d["lone_header"] == "measure" and len(spec.measures) == 1
                                       and "M" not in row_axes) else "lone_column_header"
    if lone and measure_place == "title" and d["lone_header"] == "measure":
        measure_place = "lone_column_header"
    f("statute_place", statute_place)
    f("measure_place", measure_place)
    f("period_mode", spec.period_mode)
    f("period_place", place["Y"])
    axes_named = {"Y": "year", "S": "statute", "M": "measure"}
    if lone:
        f("column_header_axes", "lone_column")
    elif sorted(column_axes) == ["M", "S"]:
        f("column_header_axes", "statute_and_measure")
    else:
        f("column_header_axes", axes_named[column_axes[0]])
    for statute in spec.statutes:
        f("statute", statute)
    for measure in spec.measures:
        f("measure", measure)
        f("measure_word", MEASURE_WORDS[(measure, d["measure_form"])])
    f("measure_case", d["measure_case"])
    f("statute_number_form", d["statute_number"])
    f("statute_name", d["statute_name"])
    if d["statute_name"] != "absent":
        f("statute_name_case", d["statute_case"])
        if "53a-83" in spec.statutes:
            f("statute_name_number", "plural" if d["statute_plural"] else "singular")
    if fixed_period:
        f("single_year_form" if fixed_period[0] == fixed_period[1] else "range_form",
          d["single_form"] if fixed_period[0] == fixed_period[1] else d["range_form"])

    # --- title and subtitle
    title_parts = []
    if place["M"] == "title" and measure_place == "title":
        title_parts.append(words.measure_title(spec.measures[0]))
    elif d["mention_varied"] and len(spec.measures) == 2 and place["M"] != "row":
        title_parts.append(f"{words.measure_title('arrests')} and {words.measure_title('convictions')}")
    elif measure_place == "lone_column_header":
        title_parts.append("Offenses")
    if place["S"] == "title":
        statute = words.statute(spec.statutes[0])
        joiner = "under" if d["statute_name"] == "absent" else "for"
        title_parts.append(f"{joiner} {statute}" if title_parts else statute)
    if not title_parts:
        title_parts.append("Offenses" if spec.kind != "summary" else "Statewide Summary of Charges")
    description = " ".join(title_parts)
    if spec.kind != "summary" and d["by"]:
        description += " " + d["by"]
    if spec.kind == "summary" and "Statewide" not in description:
        description += ", Statewide"
    if place["Y"] == "title":
        description += ", " + words.period(*fixed_period)
    elif place["Y"] in ("column", "group", "row") and d["mention_varied"] and len(years) >= 2:
        description += ", " + words.period(years[0], years[-1])
    number = d["number"]
    label = TITLE_LABELS[d["label"]].format(n=number, r=ROMAN[(number - 1) % len(ROMAN)])
    f("title_label", d["label"])
    title = f"{label} {description}".strip()
    title_lines = [title]
    if d["title_two_lines"]:
        tokens = title.split(" ")
        keep = len(label.split(" ")) if label else 0  # the label stays whole on the first line
        if len(tokens) - keep >= 2 or (keep and len(tokens) > keep):
            first = max(1, keep)
            cut = first + d["title_split"] % (len(tokens) - first)
            title_lines = [" ".join(tokens[:cut]), " ".join(tokens[cut:])]
    f("title_lines", "two" if len(title_lines) == 2 else "one")
    subtitle = []
    if place["S"] == "subtitle":
        subtitle.append(words.statute(spec.statutes[0]))
    if place["Y"] == "subtitle":
        subtitle.append(words.period(*fixed_period))
    f("subtitle", {0: "none", 2: "statute_and_period"}.get(len(subtitle), "statute" if place["S"] == "subtitle"
                                                                    else "period"))
    subtitle_lines = [", ".join(subtitle)] if subtitle else []
    marker = d["continued_marker"]
    continued_title = None if marker == "none" else f"{label or description} {marker}".strip()

    # --- cells
    zero_text = {"0": "0", "blank": "", **DASHES}[d["zero_text"]]
    not_reported = d["not_reported"]
    if zero_text == "" and not_reported == "blank":
        not_reported = "none"
    if not_reported == "dash_not_available" and zero_text in DASHES.values():
        zero_text = "0"
    zero_name = {"0": "0", "": "blank", **{v: k for k, v in DASHES.items()}}[zero_text]
    na_dash = DASHES.get(d["zero_text"], "–")
    supp_symbol = SUPPRESSION_SYMBOLS[d["suppression"]]
    markers = [m for m in d["markers"] if MARKERS[m].strip() != supp_symbol]
    zero_seen = False
    null_kinds_seen: set[str] = set()

    def cell(value: int, printed_total: bool, key) -> tuple[str, int | None]:
        nonlocal zero_seen
        if (not printed_total and 1 <= value <= 4 and d["null_share"]
                and _roll(data.seed, spec.no, "null", key) < d["null_share"]):
            if not_reported != "none" and _roll(data.seed, spec.no, "kind", key) < 0.4:
                null_kinds_seen.add(not_reported)
                return ("" if not_reported == "blank" else na_dash), None
            null_kinds_seen.add(d["suppression"])
            return supp_symbol, None
        if value == 0:
            zero_seen = True
            return zero_text, 0
        if value >= 1000:
            f("thousands", "comma")
        return _number(value), value

    rows: list[Row] = []
    has_sp = any(u.kind == "state_police" for u in data.units)
    units: list[Jurisdiction] = []
    if spec.kind != "summary":
        units = [u for u in data.units if u.kind == "town"]
        if d["subtotal"] != "none" and has_sp and d["total"] != "none":
            units.append(Jurisdiction("subtotal", d["subtotal"], d["subtotal"]))
        units += [u for u in data.units if u.kind == "state_police"]
        if d["total"] != "none":
            units.append(Jurisdiction("total", STATEWIDE, d["total"]))
    marked: dict[int, str] = {}  # unit index -> marker name
    candidates = [i for i, u in enumerate(units) if u.kind in ("town", "subtotal", "state_police")]
    for k, m in enumerate(markers):
        if candidates:
            index = candidates[(d["marker_rows"] + 3 * k) % len(candidates)]
            if index not in marked:
                marked[index] = m
                f("name_marker", m)

    def printed_label(index: int, unit: Jurisdiction) -> str:
        if unit.kind == "town":
            f("name_case", d["name_case"])
            text = _case(unit.label, d["name_case"])
        elif unit.kind == "state_police":
            f("state_police_label", d["sp_label"])
            text = d["sp_label"].upper() if d["sp_upper"] else d["sp_label"]
        elif unit.kind == "subtotal":
            f("subtotal_label", unit.label)
            text = unit.label
        else:
            f("total_label", unit.label)
            text = unit.label
        return text + (MARKERS[marked[index]] if index in marked else "")

    def count_cell(unit_kind: str, unit: Jurisdiction | None, column: Column, y: tuple[int, int],
                   row_label: str, statute: str, measure: str) -> tuple[str, dict]:
        value = data.value(data.keys(unit_kind, unit.key if unit else ""), statute, measure, *y)
        printed_total = unit_kind in ("total", "subtotal", "summary") or column.total or y[0] != y[1]
        text, count = cell(value, printed_total, (unit.key if unit else unit_kind, statute, measure, y,
                                                  column.total))
        jurisdiction, jtype = {"town": (unit.name if unit else "", "town"),
                               "state_police": (STATE_POLICE, "state_police"),
                               "subtotal": (unit.name if unit else "", "aggregate"),
                               "total": (STATEWIDE, "statewide"), "summary": (STATEWIDE, "statewide")}[unit_kind]
        return text, {"row_label": row_label, "column_header": " ".join(column.lines), "group_header": column.group,
                      "cell_text": text, "jurisdiction": jurisdiction, "jurisdiction_type": jtype,
                      "period_start": y[0], "period_end": y[1], "statute": statute, "measure": measure,
                      "count": count, "printed_total": printed_total, "table_no": spec.no, "value": value}

    def body_row(label: str, unit_kind: str, unit: Jurisdiction | None, y_row: tuple[int, int] | None,
                 fixed: dict, rank: int | None) -> Row:
        cells: list[str] = []
        truths: list[dict | None] = []
        for column in columns:
            if column.kind == "count":
                statute = column.statute or fixed.get("S") or spec.statutes[0]
                measure = column.measure or fixed.get("M") or spec.measures[0]
                text, truth = count_cell(unit_kind, unit, column, y_row or column.period or fixed_period, label,
                                         statute, measure)
                cells.append(text)
                truths.append(truth)
            else:
                cells.append({"label": label, "year": words.year(y_row[0]) if y_row else ""}.get(column.kind, ""))
                truths.append(None)
        counted = [(c, t) for c, t in zip(columns, truths, strict=True) if t is not None and not c.total]
        series = [t["value"] for c, t in counted if c.group == counted[0][0].group] if counted else [0]
        if y_row is not None and counted:  # long: against the year before, same unit and count column
            t = counted[0][1]
            before = y_row[0] - 1
            series = ([data.value(data.keys(unit_kind, unit.key if unit else ""), t["statute"], t["measure"],
                                  before, before)] if before >= years[0] else []) + [t["value"]]
        for i, column in enumerate(columns):
            if column.kind == "rank":
                cells[i] = "" if rank is None else str(rank)
            elif column.kind == "rate":
                cells[i] = f"{(sum(series) * 37 % 1500) / 10:.1f}"
            elif column.kind == "pct":
                if len(series) < 2:
                    cells[i] = ""
                elif series[-2] == 0:
                    cells[i] = "n/a"
                else:
                    cells[i] = f"{(series[-1] - series[-2]) / series[-2] * 100:+.1f}%"
        return Row(cells, truths, unit_kind)

    # rank: by the unit's last count column, among towns and state police only
    count_columns = [c for c in columns if c.kind == "count" and not c.total]
    ranks: dict[str, int] = {}
    if any(c.kind == "rank" for c in columns) and count_columns:
        last = count_columns[-1]
        scores = {u.key: data.value([u.key], last.statute or spec.statutes[0], last.measure or spec.measures[0],
                                    *(last.period or fixed_period))
                  for u in units if u.kind in ("town", "state_police")}
        ordered = sorted(scores.values(), reverse=True)
        ranks = {key: 1 + ordered.index(score) for key, score in scores.items()}

    fixed = {a: axis_values[a][0] for a in "SMY" if place[a] in ("title", "subtitle")}
    if spec.kind == "wide":
        for index, unit in enumerate(units):
            rows.append(body_row(printed_label(index, unit), unit.kind, unit, None, fixed, ranks.get(unit.key)))
    elif spec.kind == "long":
        first_only = d["long_first_only"]
        f("long_labels", "first_row_only" if first_only else "every_row")
        for index, unit in enumerate(units):
            label = printed_label(index, unit)
            for i, y in enumerate(years):
                rows.append(body_row(label if (i == 0 or not first_only) else "", unit.kind, unit, (y, y), fixed,
                                     None))
    else:
        layout = d["summary_rows"]
        f("summary_rows", layout)
        if layout == "nested":
            for statute in spec.statutes:
                rows.append(Row([words.statute(statute)] + [""] * (len(columns) - 1), [None] * len(columns),
                                "heading"))
                for measure in spec.measures:
                    row = body_row(words.measure(measure), "summary", None, None,
                                   {**fixed, "S": statute, "M": measure}, None)
                    row.indent = True
                    rows.append(row)
        else:
            for combo in combos(row_axes):
                if layout == "combined":
                    label = (f"{words.statute(combo['S'])}: {words.measure(combo['M'])}" if d["mention_varied"]
                             else f"{words.measure(combo['M'])}, {words.statute(combo['S'])}")
                else:
                    label = text_of(row_axes[0], combo[row_axes[0]])
                rows.append(body_row(label, "summary", None, None, {**fixed, **combo}, None))
    if spec.kind == "summary":
        f("summary_label_header", label_header or "none")
    else:
        f("label_header", label_header or "none")

    # --- notes under the table: legend, footnotes for the markers, source
    legend = []
    if zero_seen and zero_text in DASHES.values() and d["legend_defaults"]:
        legend.append(f"{zero_text} Represents zero.")
        f("legend", "dash_represents_zero")
    if zero_seen and zero_text == "":
        legend.append("Blank cells indicate zero.")
        f("legend", "blank_zero")
    if "dash_not_available" in null_kinds_seen:
        legend.append(f"{na_dash} Not available.")
        f("legend", "dash_not_available")
    if d["suppression"] in null_kinds_seen and d["legend_defaults"]:
        legend.append(SUPPRESSION_NOTES[d["suppression"]])
        f("legend", "symbol_suppressed")
    if "blank" in null_kinds_seen and d["legend_defaults"]:
        legend.append("A blank cell indicates the count was not reported.")
        f("legend", "blank_not_reported")
    for kind in null_kinds_seen:
        f("null_text", kind)
    if zero_seen:
        f("zero_text", zero_name)
    notes = ["  ".join(legend)] if (legend and d["legend_one_line"]) else legend
    notes += [MARKER_NOTES[m] for m in MARKERS if m in marked.values()]
    if d["source_note"]:
        notes.append(f"Source: Connecticut Judicial Branch, data as of March {years[-1] + 1}.")
    narrative = _narrative(data, spec, d["text_seed"]) if d["narrative"] else []

    return Table(spec.no, title_lines, continued_title, subtitle_lines, columns, rows, notes, style,
                 d["header_repeated"], None, features, d["new_page"], narrative, marker)


SENTENCES = [
    "In {y}, police departments reported {n} arrests under the prostitution statutes, compared with {m} in {p}.",
    "The Council met {k} times during {y} and heard from {k2} service providers.",
    "Of the {n} cases disposed of in {y}, {m} ended in a conviction; the rest were nolled or dismissed.",
    "Table {t} shows each department's count; rates are per 100,000 residents (2010 Census).",
    "Arrests for patronizing remained rare: {k} in {y}, against {n} for prostitution itself.",
    "Since {p}, the number of trafficking referrals has risen by {k} percent.",
    "Figures for {y} are provisional and may change as departments submit late reports.",
]


def _narrative(data: Data, spec: TableSpec, seed: int) -> list[str]:
    rng = random.Random(seed)
    y = data.years[-1]
    return [rng.choice(SENTENCES).format(y=y, p=y - 1, n=rng.randint(20, 400), m=rng.randint(5, 300),
                                         k=rng.randint(2, 30), k2=rng.randint(2, 12), t=spec.draws["number"])
            for _ in range(rng.randint(2, 4))]


# --- layout: pages, running heads, table segments ------------------------------------------------------------

def _page_size(orientation: str) -> tuple[float, float]:
    return LETTER if orientation == "portrait" else (LETTER[1], LETTER[0])


@dataclass
class _Geometry:
    x: list[float]  # left edge of each column
    w: list[float]  # width of each column
    header_lines: list[list[str]]
    header_height: float
    row_height: float
    line_height: float
    width: float
    group_lines: dict[str, list[str]]


def _geometry(table: Table, max_width: float) -> _Geometry:
    s = table.style
    header_font = s.bold if s.header_bold else s.font
    size = s.size
    num_w = _width("0,000", s.font, size)
    header_lines = []
    widths = []
    for i, column in enumerate(table.columns):
        cell_w = max([_width(r.cells[i], s.font, size) + (10 if r.indent and i == 0 else 0) for r in table.rows]
                     + [0])
        lines = column.lines
        if s.header_wrap and column.kind != "label" and lines:
            words = " ".join(lines).split(" ")
            target = max([cell_w, num_w] + [_width(w, header_font, size) for w in words])
            lines = _wrap_words(words, target, header_font, size)
        header_lines.append(lines)
        widths.append(max([cell_w] + [_width(t, header_font, size) for t in lines]) + s.pad)
    # a spanning header wider than its columns wraps; a word wider than them widens them
    groups: dict[str, list[int]] = {}
    for i, column in enumerate(table.columns):
        if column.group:
            groups.setdefault(column.group, []).append(i)
    group_lines: dict[str, list[str]] = {}
    for text, members in groups.items():
        have = sum(widths[i] for i in members) + s.gap * (len(members) - 1)
        words = text.split(" ")
        need = max(_width(w, header_font, size) for w in words) + 4
        if need > have:
            for i in members:
                widths[i] += (need - have) / len(members)
            have = need
        group_lines[text] = _wrap_words(words, have - 4, header_font, size)
    width = sum(widths) + s.gap * (len(widths) - 1)
    if width > max_width:
        raise _TooWide
    x, at = [], 0.0
    for w in widths:
        x.append(at)
        at += w + s.gap
    line_height = size * 1.18
    n_lines = max([len(lines) for lines in header_lines] + [1])
    n_group = max([len(lines) for lines in group_lines.values()] + [0])
    header_height = n_lines * line_height + (n_group * line_height + line_height * 0.3 if groups else 0) \
        + size * 0.5
    return _Geometry(x, widths, header_lines, header_height, size * s.row_factor, line_height, width, group_lines)


class _Layout:
    def __init__(self, d: dict, features: set):
        self.d = d
        self.features = features
        self.pages: list[Page] = []
        self.truth: list[dict] = []
        self.orients = d["orientations"]
        self.margin = d["margin_pt"]
        self.cursor = 0.0
        self.near_edge = False

    # pages
    def new_page(self, orientation: str | None = None) -> Page:
        if len(self.pages) >= MAX_PAGES:
            raise _TooLong
        orientation = orientation or self.orients[len(self.pages) % len(self.orients)]
        w, h = _page_size(orientation)
        self.pages.append(Page(orientation, w, h))
        self.cursor = h - self.margin
        return self.pages[-1]

    def reorient(self, orientation: str) -> None:
        """Turn the current, still empty page."""
        page = self.page
        page.orientation = orientation
        page.width, page.height = _page_size(orientation)
        self.cursor = page.height - self.margin

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def left(self) -> float:
        return self.margin

    def content_width(self) -> float:
        return self.page.width - 2 * self.margin

    def room(self) -> float:
        return self.cursor - self.margin

    def text(self, x: float, y: float, text: str, font: str, size: float, align: str = "left") -> Item | None:
        if not text:
            return None
        item = Item(x, y, text, font, size, align)
        self.page.items.append(item)
        return item

    def line(self, x0, y0, x1, y1, width=0.5) -> None:
        self.page.lines.append((x0, y0, x1, y1, width))

    def paragraph(self, sentences: list[str], font: str, size: float) -> None:
        lines = _wrap_words(" ".join(sentences).split(" "), self.content_width(), font, size)
        leading = size * 1.35
        for line in lines:
            if self.room() < leading:
                self.new_page()
            self.cursor -= leading
            self.text(self.left(), self.cursor + size * 0.25, line, font, size)
        self.cursor -= leading * 0.8

    # tables
    def table(self, table: Table, geometry: _Geometry) -> None:
        wide = geometry.width > LETTER[0] - 2 * self.margin
        empty = not (self.page.items or self.page.lines)
        if empty and wide and self.page.orientation == "portrait":
            self.reorient(self.d["wide_orientation"])
        elif (table.new_page and not empty) or geometry.width > self.content_width():
            self.new_page(self.d["wide_orientation"] if wide else None)
            if geometry.width > self.content_width():
                self.reorient(self.d["wide_orientation"])
        rows, rh = table.rows, geometry.row_height
        head = self._title_height(table, first=True) + geometry.header_height
        notes_h = self._notes_height(table)
        if self.room() < head + rh + (notes_h if len(rows) == 1 else 0):
            self.new_page(self.page.orientation)
        if table.split_after and table.split_after < len(rows):
            spare = self.room() - head - table.split_after * rh
            if spare > rh * 0.5:  # push the table down so that its row `split_after` is the page's last
                self.cursor -= spare - rh * 0.4
        at, first, continued = 0, True, False
        while at < len(rows):
            if not first:
                continued = True
                self.new_page(self.page.orientation)
                self._feature("continued", "yes")
                self._feature("continued_marker", table.marker if table.continued_title else "none")
                self._feature("header_repeated", "yes" if table.header_repeated else "no")
            self.page.segments += 1
            x0 = self._table_x(geometry, table.style.indent)
            if first or table.continued_title:
                self._title(table, first)
            segment_top = self.cursor
            if first or table.header_repeated:
                self._header(table, geometry, x0)
            placed = 0
            while at < len(rows):
                need = rh + (notes_h if at == len(rows) - 1 else 0)
                if self.room() < need:
                    if placed == 0:
                        raise _TooLong  # not one row fits: the drawn layout needs more pages than we allow
                    break
                self._row(table, geometry, x0, rows[at], at + 1)
                placed += 1
                at += 1
            self._rules_after_rows(table, geometry, x0, segment_top, first or table.header_repeated)
            first = False
        if not continued:
            self._feature("continued", "no")
        self._notes(table)
        self.cursor -= table.style.size * 1.2

    def _feature(self, dim: str, value: str) -> None:
        _feature(self.features, dim, value)

    def _table_x(self, geometry: _Geometry, indent: float) -> float:
        spare = self.content_width() - geometry.width
        return self.left() + min(spare, indent) if spare > 0 else self.left()

    def _title_height(self, table: Table, first: bool) -> float:
        s = table.style
        lines = (len(table.title_lines) + len(table.subtitle_lines)) if first else (1 if table.continued_title
                                                                                     else 0)
        return lines * (s.size + 2) * 1.3 + (s.size * 0.6 if lines else 0)

    def _title(self, table: Table, first: bool) -> None:
        s = table.style
        size = s.size + 1.5
        lines = [(t, s.bold, size) for t in table.title_lines] + [(t, s.font, s.size) for t in table.subtitle_lines]
        if not first:
            lines = [(table.continued_title, s.bold, size)]
        for text, font, fsize in lines:
            self.cursor -= (s.size + 2) * 1.3
            if s.title_centred:
                self.text(self.page.width / 2, self.cursor + 3, text, font, fsize, "centre")
            else:
                self.text(self.left(), self.cursor + 3, text, font, fsize)
        self.cursor -= s.size * 0.6

    def _header(self, table: Table, g: _Geometry, x0: float) -> None:
        s = table.style
        font = s.bold if s.header_bold else s.font
        top = self.cursor
        if s.ruling != "none":
            self.line(x0, top, x0 + g.width, top, 0.8)
        y = top
        groups: dict[str, list[int]] = {}
        for i, column in enumerate(table.columns):
            if column.group:
                groups.setdefault(column.group, []).append(i)
        if groups:
            n_group = max(len(lines) for lines in g.group_lines.values())
            y -= g.line_height * (n_group + 0.3)
            for text, members in groups.items():
                left = x0 + g.x[members[0]]
                right = x0 + g.x[members[-1]] + g.w[members[-1]]
                lines = g.group_lines[text]
                for k, line in enumerate(lines):  # bottom-aligned, centred over the columns it spans
                    baseline = y + s.size * 0.45 + (len(lines) - 1 - k) * g.line_height
                    self.text((left + right) / 2, baseline, line, font, s.size, "centre")
                if s.group_rule or s.ruling == "grid":
                    self.line(left, y + s.size * 0.2, right, y + s.size * 0.2, 0.4)
        n_lines = max([len(lines) for lines in g.header_lines] + [1])
        for i, (column, lines) in enumerate(zip(table.columns, g.header_lines, strict=True)):
            for k, text in enumerate(lines):
                baseline = y - (n_lines - len(lines) + k + 1) * g.line_height + s.size * 0.2
                if column.kind == "label":
                    self.text(x0 + g.x[i], baseline, text, font, s.size)
                elif s.align == "right":
                    self.text(x0 + g.x[i] + g.w[i], baseline, text, font, s.size, "right")
                else:
                    self.text(x0 + g.x[i] + g.w[i] / 2, baseline, text, font, s.size, "centre")
        self.cursor = top - g.header_height
        if s.ruling != "none":
            self.line(x0, self.cursor, x0 + g.width, self.cursor, 0.5)

    def _row(self, table: Table, g: _Geometry, x0: float, row: Row, index: int) -> None:
        s = table.style
        top = self.cursor
        baseline = top - g.row_height / 2 - s.size * 0.33
        if baseline < 40 or self.page.height - baseline < 40:
            self.near_edge = True
        font = s.bold if row.kind in ("total", "heading") and s.header_bold else s.font
        for i, (column, text) in enumerate(zip(table.columns, row.cells, strict=True)):
            if column.kind == "label":
                item = self.text(x0 + g.x[i] + (10 if row.indent else 0), baseline, text, font, s.size)
            elif s.align == "right":
                item = self.text(x0 + g.x[i] + g.w[i], baseline, text, font, s.size, "right")
            else:
                item = self.text(x0 + g.x[i] + g.w[i] / 2, baseline, text, font, s.size, "centre")
            truth = row.truths[i]
            if truth is not None:
                self.truth.append({"page": len(self.pages), **truth, "row_index": index, "column_index": i + 1,
                                   "_item": item})
        self.cursor = top - g.row_height
        if s.ruling == "grid":
            self.line(x0, self.cursor, x0 + g.width, self.cursor, 0.3)

    def _rules_after_rows(self, table: Table, g: _Geometry, x0: float, segment_top: float, header: bool) -> None:
        s = table.style
        if s.ruling == "rules":
            self.line(x0, self.cursor, x0 + g.width, self.cursor, 0.8)
        if s.ruling == "grid":
            n_group = max([len(lines) for lines in g.group_lines.values()] + [0])
            below_groups = segment_top - (g.line_height * (n_group + 0.3) if header and n_group else 0)
            for i in range(1, len(g.x)):
                x = x0 + g.x[i] - s.gap / 2
                same_group = table.columns[i].group and table.columns[i].group == table.columns[i - 1].group
                self.line(x, self.cursor, x, below_groups if same_group else segment_top, 0.3)
            self.line(x0 - 2, self.cursor, x0 - 2, segment_top, 0.3)
            self.line(x0 + g.width + 2, self.cursor, x0 + g.width + 2, segment_top, 0.3)

    def _notes_height(self, table: Table) -> float:
        return len(table.notes) * (table.style.size * 1.25) + (table.style.size * 0.4 if table.notes else 0)

    def _notes(self, table: Table) -> None:
        s = table.style
        if table.notes:
            self.cursor -= s.size * 0.4
        for note in table.notes:
            self.cursor -= s.size * 1.25
            self.text(self.left(), self.cursor + 2, note, s.font, max(6, s.size - 1))


def _style(d: dict) -> Style:
    font = d["font"]
    factor = {"tight": 1.2, "normal": 1.5, "loose": 2.0}[d["row_height"]]
    gap = {"narrow": 4.0, "normal": 10.0, "wide": 22.0}[d["column_gap"]]
    return Style(font, FONTS[font], d["font_size"], d["header_bold"], factor, gap, d["pad"], d["align"],
                 d["ruling"], d["group_rule"], d["header_wrap"], d["title_centred"], d["indent"])


def _draw_report_style(g: _Gen) -> dict:
    d = {}
    d["margin"] = g.pick(["quarter_inch", "19-40pt", "41-72pt"])
    d["margin_pt"] = {"quarter_inch": 18, "19-40pt": g.integer(19, 40), "41-72pt": g.integer(41, 72)}[d["margin"]]
    d["orientations"] = [g.pick(_ORIENT) for _ in range(MAX_PAGES)]
    d["wide_orientation"] = g.pick(["landscape", "rotated_90", "rotated_270"])
    d["running_header"] = g.pick(["none", "report_name", "agency_name"])
    d["header_align"] = g.pick(["left", "centre", "right"])
    d["running_footer"] = g.pick(["none", "page_of", "appendix_page", "page_number", "name_and_page"])
    d["footer_align"] = g.pick(["left", "centre", "right"])
    d["page_offset"] = g.integer(0, 30)
    d["head_gap"] = g.integer(0, 40)
    d["cover"] = g.flag()
    d["contents"] = g.flag()
    d["narrative_page"] = g.flag()
    d["report_year"] = g.integer(0, 2)
    return d


def _draw_table_style(g: _Gen) -> dict:
    return {
        "font": g.pick(list(FONTS)), "font_size": g.pick([7, 8, 9, 10, 11]), "header_bold": g.flag(),
        "row_height": g.pick(["tight", "normal", "loose"]), "column_gap": g.pick(["narrow", "normal", "wide"]),
        "pad": g.pick([0.0, 2.0, 8.0, 16.0]), "align": g.pick(["right", "centre"]),
        "ruling": g.pick(["none", "rules", "grid"]), "group_rule": g.flag(), "header_wrap": g.flag(),
        "title_centred": g.flag(), "indent": g.pick([0.0, 12.0, 36.0]),
    }


def _shrunk_style(style: Style, step: int) -> Style:
    """Less room per column, step by step (how a typesetter fits a wide table)."""
    s = Style(**vars(style))
    if step >= 1:
        s.pad = 0.0
        s.gap = min(s.gap, 6.0)
    if step >= 2:
        s.header_wrap = True
        s.gap = 4.0
    if step >= 3:
        s.size = max(7, s.size - 2)
    if step >= 4:
        s.size = 7
        s.gap = 3.0
    return s


def build_report(draw: Callable, towns: list[str], broken: str | None = None) -> Report:
    """Draw one report (with `draw`, hypothesis' or a replay) and lay it out; `broken` adds one defect."""
    recorder = draw if isinstance(draw, _Replay) else _Recorder(draw)
    g = _Gen(recorder)
    data = _draw_data(g, towns)
    report = _draw_report_style(g)
    n_tables = 1 if broken else g.integer(1, 3)
    number_offset = g.integer(0, 4)
    specs = []
    for no in range(1, n_tables + 1):
        style_base = _draw_table_style(g)
        specs.append((draw_table_spec(g, no, number_offset, data, style_base, broken), style_base))
    choice = {"target": g.integer(0, 10_000), "name": g.pick(NOT_TOWNS), "delta": g.integer(1, 40),
              "up": g.flag()} if broken else {}
    if broken:
        _prepare_broken(broken, specs[0][0], data, choice, towns)
    # what does not fit in MAX_PAGES goes: extra pages first, then tables, then rows
    for _ in range(60):
        features: set = set()
        try:
            pages, truth, tables = _lay_out(data, report, specs, features, broken)
            break
        except _TooLong:
            spec0 = specs[0][0]
            if report["narrative_page"]:
                report["narrative_page"] = False
            elif report["contents"]:
                report["contents"] = False
            elif report["cover"]:
                report["cover"] = False
            elif any(spec.draws["narrative"] for spec, _ in specs):
                for spec, _ in specs:
                    spec.draws["narrative"] = False
            elif len(specs) > 1:
                specs = specs[:-1]
            elif spec0.draws["split"]:
                spec0.draws["split"] = False
            elif spec0.draws["row_height"] != "tight":
                spec0.draws["row_height"] = specs[0][1]["row_height"] = "tight"
            elif len(spec0.years) > 1:
                spec0.years = spec0.years[:-1]
            else:
                data.units = data.units[:-1]
    else:
        raise RuntimeError("tipc_layouts: no layout fits")
    defect = _apply_defect(broken, tables, truth, choice) if broken else None
    return Report(pages, truth, data.years[0], data.years[-1], features, list(recorder.choices), defect)


def _fitted(spec: TableSpec, data: Data, style: Style, fiscal: bool, widest: float) -> tuple[Table, _Geometry]:
    """Build the table and fit it to the widest page: less padding, wrapped headers, smaller type, fewer years."""
    while True:
        for step in range(5):
            table = build_table(spec, data, _shrunk_style(style, step), fiscal)
            try:
                return table, _geometry(table, widest)
            except _TooWide:
                continue
        if spec.draws["extras"]:
            spec.draws["extras"] = []
        elif len(spec.statutes) > 1 or len(spec.measures) > 1:
            spec.statutes, spec.measures = spec.statutes[:1], spec.measures[:1]
            spec.place = {a: ("title" if p in ("group", "column") and a != "Y" else p) for a, p in spec.place.items()}
        elif len(spec.years) > 2 or (len(spec.years) > 1 and not spec.draws["row_total"]):
            spec.years = spec.years[:-1]
        elif spec.draws["row_total"]:
            spec.draws["row_total"] = False
        else:
            raise RuntimeError("tipc_layouts: a one-column table does not fit the page")


def _lay_out(data: Data, report: dict, specs, features: set, broken: str | None):
    layout = _Layout(report, features)
    _feature(features, "margin", report["margin"])
    widest = LETTER[1] - 2 * report["margin_pt"]
    tables: list[tuple[Table, _Geometry]] = []
    for spec, style_base in specs:
        table, geometry = _fitted(spec, data, _style(style_base), broken == "fiscal_year", widest)
        if spec.draws["split"] and len(table.rows) >= 3:
            table.split_after = 1 + spec.draws["split_at"] % (len(table.rows) - 1)
        tables.append((table, geometry))
        s = table.style
        _feature(features, "font", s.font)
        _feature(features, "font_size", str(s.size))
        _feature(features, "header_bold", "bold" if s.header_bold else "regular")
        _feature(features, "number_align", s.align)
        _feature(features, "ruling", s.ruling)
        _feature(features, "row_height", style_base["row_height"])
        _feature(features, "column_gap", {4.0: "narrow", 10.0: "normal", 22.0: "wide"}.get(s.gap, "narrow"))
        _feature(features, "header_wrap", "wrapped" if s.header_wrap else "one_line")
        features |= table.features
    _feature(features, "table_count", str(len(tables)))
    body_font = tables[0][0].style.font
    name = _report_name(data, report)
    _feature(features, "cover_page", "present" if report["cover"] else "absent")
    _feature(features, "contents_page", "present" if report["contents"] else "absent")
    if report["cover"]:
        layout.new_page()
        _cover(layout, data, report, body_font)
    if report["contents"]:
        layout.new_page()
        _contents(layout, [t for t, _ in tables], body_font, report)
    layout.new_page()
    for i, (table, geometry) in enumerate(tables):
        if i == 1 and report["narrative_page"]:
            if layout.page.items or layout.page.lines:
                layout.new_page()
            layout.paragraph(_narrative(data, specs[i][0], 7) + _narrative(data, specs[i][0], 8), body_font, 10)
            table.new_page = True
            _feature(features, "narrative", "narrative_page_between_tables")
        if table.narrative:
            layout.paragraph(table.narrative, table.style.font, table.style.size + 1)
            _feature(features, "narrative", "paragraph_before_table")
        layout.table(table, geometry)
    for page in layout.pages:
        if page.segments:
            _feature(features, "tables_on_a_page", "several" if page.segments > 1 else "one")
        _feature(features, "page_orientation", page.orientation)
    _feature(features, "row_near_edge", "within_40pt_of_edge" if layout.near_edge else "not_near_edge")
    _running_heads(layout, name, report, features)
    return layout.pages, layout.truth, [t for t, _ in tables]


def _report_name(data: Data, report: dict) -> str:
    return f"Trafficking in Persons Council — Annual Report {data.years[-1] + 1 + report['report_year']}"


def _cover(layout: _Layout, data: Data, report: dict, font: str) -> None:
    page = layout.page
    y = page.height * 0.7
    for text, size in [("State of Connecticut", 16), ("Trafficking in Persons Council", 22),
                       (f"Annual Report {data.years[-1] + 1 + report['report_year']}", 18),
                       (f"Covering calendar years {data.years[0]} to {data.years[-1]}", 12),
                       ("Submitted to the General Assembly pursuant to C.G.S. § 46a-170", 10)]:
        layout.text(page.width / 2, y, text, FONTS[font] if size > 12 else font, size, "centre")
        y -= size * 2.2


def _contents(layout: _Layout, tables: list[Table], font: str, report: dict) -> None:
    page, size = layout.page, 10
    layout.cursor -= 30
    layout.text(layout.left(), layout.cursor, "Contents", FONTS[font], 16)
    entries = [("Introduction", 1), ("Findings of the Council", 3)]
    entries += [(" ".join(t.title_lines), 5 + 2 * i) for i, t in enumerate(tables)]
    entries += [("Appendix B. Data tables", 17)]
    right = page.width - layout.margin
    for text, number in entries:
        layout.cursor -= size * 2
        words = text.split(" ")
        while len(words) > 2 and _width(" ".join(words), font, size) > layout.content_width() - 80:
            words = words[:-1]
        text = " ".join(words)
        dots_from = layout.left() + _width(text, font, size) + 6
        layout.text(layout.left(), layout.cursor, text, font, size)
        layout.text(dots_from, layout.cursor, "." * max(0, int((right - 24 - dots_from) / _width(".", font, size))),
                    font, size)
        layout.text(right, layout.cursor, str(number + report["page_offset"]), font, size, "right")


def _running_heads(layout: _Layout, name: str, report: dict, features: set) -> None:
    """The same header and footer on every page but the cover, in the margin band."""
    _feature(features, "running_header", report["running_header"])
    _feature(features, "running_footer", report["running_footer"])
    m = layout.margin
    total = len(layout.pages) + report["page_offset"] + 7
    size = 7 if m < 30 else 8
    for index, page in enumerate(layout.pages, start=1):
        if report["cover"] and index == 1:
            continue
        number = index + report["page_offset"]
        header = {"none": "", "report_name": name,
                  "agency_name": "Office of Policy and Management, Criminal Justice Policy and Planning Division"}[
            report["running_header"]]
        footer = {"none": "", "page_of": f"Page {number} of {total}", "appendix_page": f"B-{number}",
                  "page_number": str(number), "name_and_page": f"{name}    {number}"}[report["running_footer"]]
        top_gap = min(m - size - 3, 4 + report["head_gap"] % max(1, m - size - 6))
        y_head = page.height - max(4, top_gap) - size * 0.8
        y_foot = min(max(6, m - size - 3), 6 + report["head_gap"] % max(1, m - size - 8))
        for text, y, align in ((header, y_head, report["header_align"]), (footer, y_foot, report["footer_align"])):
            if text:
                x = {"left": m, "centre": page.width / 2, "right": page.width - m}[align]
                page.items.append(Item(x, y, text, "Helvetica", size, align))


# --- broken reports -------------------------------------------------------------------------------------------

def _prepare_broken(kind: str, spec: TableSpec, data: Data, choice: dict, towns: list[str]) -> None:
    """Make the report's one table able to carry the defect, and nothing else wrong with it."""
    d = spec.draws
    d["subtotal"] = "none"  # (a subtotal has no parts the reconciliation can find)
    if kind in ("total_row", "total_column", "negative_count"):
        d["null_share"] = 0.0  # a suppressed part would widen what a total may differ by
        if d["zero_text"] == "blank":  # (every count drawn zero and printed blank: no cell left to carry it)
            d["zero_text"] = "0"
    if kind == "negative_count":  # nothing totals the bad cell, so that it is the one defect
        d["total"], d["row_total"] = "none", False
        d["zero_text"] = "0" if d["zero_text"] == "hyphen" else d["zero_text"]
    if kind == "total_row" and d["total"] == "none":
        d["total"] = "Total"
    if kind == "total_column":
        d["row_total"] = True
        if len(spec.years) < 2:  # a Total column needs two years
            extra = data.years[-1] + 1
            for unit in data.units:
                for statute in STATUTES:
                    for measure in MEASURES:
                        data.values[(unit.key, statute, measure, extra)] = data.values[
                            (unit.key, statute, measure, data.years[-1])]
            data.years.append(extra)
            spec.years = data.years[-2:]
    if kind == "not_a_town":
        name = choice["name"]
        assert name not in towns, name
        town_units = [u for u in data.units if u.kind == "town"]
        target = town_units[choice["target"] % len(town_units)]
        target.name = target.label = name


def _apply_defect(kind: str, tables: list[Table], truth: list[dict], choice: dict) -> Defect:
    cells = [t for t in truth if t["table_no"] == tables[0].no]
    if kind == "fiscal_year":
        where = min(cells, key=lambda t: t["page"])
        return Defect(kind, "a fiscal-year table (FY 2014-15 straddles two calendar years) must be refused, never "
                      "read as a calendar year", page=where["page"], column_header=where["column_header"])
    if kind == "not_a_town":
        name = choice["name"]
        first = min((t for t in cells if t["jurisdiction"] == name), key=lambda t: t["page"])
        return Defect(kind, f"{name!r} is no Connecticut town: its row must be refused, never dropped or guessed",
                      page=first["page"], row_label=first["row_label"], name=name)
    if kind == "negative_count":
        candidates = [t for t in cells if t["jurisdiction_type"] == "town" and t["count"] and t["cell_text"]]
        candidates = candidates or [t for t in cells if t["cell_text"] and t["count"] is not None]
    elif kind == "total_row":
        candidates = [t for t in cells if t["jurisdiction_type"] == "statewide" and t["cell_text"]]
    else:
        candidates = [t for t in cells if t["jurisdiction_type"] != "statewide" and t["cell_text"]
                      and t["printed_total"] and t["period_start"] != t["period_end"]]
    if not candidates:
        raise RuntimeError(f"tipc_layouts: no cell can carry a {kind} defect")
    target = candidates[choice["target"] % len(candidates)]
    right = target["count"]
    if kind == "negative_count":
        wrong = -5
        reason = f"a count is never negative: -5 printed (for {right})"
    else:
        wrong = right + choice["delta"] if (choice["up"] or right < choice["delta"]) else right - choice["delta"]
        what = "Total row" if kind == "total_row" else "Total column"
        reason = f"the {what} prints {_number(wrong)} where its parts sum to {_number(right)}"
    text = _number(wrong)
    item = target["_item"]
    assert item is not None and item.text == target["cell_text"], "the cell's printed item was not recorded"
    item.text = target["cell_text"] = text
    target["count"] = target["value"] = wrong
    return Defect(kind, reason, page=target["page"], row_label=target["row_label"],
                  column_header=target["column_header"], cell_text=text, name=target["jurisdiction"],
                  printed=wrong, expected=right, statute=target["statute"], measure=target["measure"],
                  period=(target["period_start"], target["period_end"]))


# --- the public face: strategies, replay, rendering, truth ----------------------------------------------------

class Towns(tuple):
    """The official names, with a short repr (hypothesis prints a strategy's arguments)."""

    def __repr__(self) -> str:
        return f"<{len(self)} towns>"


@st.composite
def reports(draw, towns: list[str]) -> Report:
    """A good report: every dimension drawn; its truth is what a faithful reader reads."""
    return build_report(draw, towns)


@st.composite
def broken_reports(draw, towns: list[str]) -> Report:
    """A report with one defect (Report.defect): a Total row or column that does not add up, a negative count, a
    name that is no Connecticut town, or a fiscal-year table."""
    kind = draw(st.sampled_from(BROKEN_KINDS))
    return build_report(draw, towns, broken=kind)


def replay(choices: list, towns: list[str], broken: str | None = None) -> Report:
    """The report whose draws were `choices` (Report.choices), e.g. a shrunk failure kept as a regression."""
    return build_report(_Replay(choices), towns, broken)


TRUTH_COLUMNS = ["page", "table_no", "row_index", "column_index", "row_label", "column_header", "group_header",
                 "cell_text", "jurisdiction", "jurisdiction_type", "period_start", "period_end", "statute", "measure",
                 "count", "printed_total"]


def truth_rows(report: Report) -> list[dict]:
    return [{c: t[c] for c in TRUTH_COLUMNS} for t in report.truth]


def write_truth_csv(report: Report, path: str | Path) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, TRUTH_COLUMNS)
        writer.writeheader()
        for row in truth_rows(report):
            writer.writerow({**row, "count": "" if row["count"] is None else row["count"]})


def render(report: Report, path: str | Path) -> None:
    """Draw the pages with reportlab's canvas. Rotated pages carry /Rotate and content drawn turned the other
    way, so that they display upright (as a landscape table in a portrait document often is)."""
    c = rl_canvas.Canvas(str(path), pagesize=LETTER, invariant=1, pageCompression=0)
    c.setTitle("Trafficking in Persons Council annual report (generated for layout fuzzing)")
    for page in report.pages:
        if page.orientation in ("rotated_90", "rotated_270"):
            c.setPageSize((LETTER[1], LETTER[0]))  # reportlab: the size as displayed; MediaBox stays portrait
            c.setPageRotation(90 if page.orientation == "rotated_90" else 270)
            if page.orientation == "rotated_90":  # display (x, y) -> user (612 - y, x)
                c.transform(0, 1, -1, 0, LETTER[0], 0)
            else:  # display (x, y) -> user (y, 792 - x)
                c.transform(0, -1, 1, 0, 0, LETTER[1])
        else:
            c.setPageSize((page.width, page.height))
            c.setPageRotation(0)
        for x0, y0, x1, y1, width in page.lines:
            c.setLineWidth(width)
            c.line(x0, y0, x1, y1)
        for item in page.items:
            c.setFont(item.font, item.size)
            if item.align == "right":
                c.drawRightString(item.x, item.y, item.text)
            elif item.align == "centre":
                c.drawCentredString(item.x, item.y, item.text)
            else:
                c.drawString(item.x, item.y, item.text)
        c.showPage()
    c.save()


def mirror_towns() -> Towns | None:
    """The 169 official town names from the shared data mirror ($CTIP_DATA_MIRROR or ../shared/data), or None."""
    import os

    configured = os.environ.get("CTIP_DATA_MIRROR")
    root = Path(configured) if configured else Path(__file__).resolve().parents[3] / "shared" / "data"
    path = root / "reference" / "ct-town-county-fips-list.csv"
    if not path.is_file():
        return None
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return Towns(row["Town"].strip() for row in csv.DictReader(handle) if row.get("Town", "").strip())
