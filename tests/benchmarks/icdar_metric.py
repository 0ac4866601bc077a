"""The ICDAR 2013 Table Competition's structure metric, so that any table reader can be scored on the same terms.

Göbel, Hassan, Oro, Orsi, "ICDAR 2013 Table Competition" (ICDAR 2013, pp. 1449-1453): a table is reduced to its
adjacency relations. For every non-empty cell, for each row it spans, its nearest non-empty cell to the right, and
for each column it spans, its nearest non-empty cell below; a relation is (text A, text B, direction) with the
texts normalised. Predicted and true relations are compared as multisets: precision, recall and F1 of relations.

Pure on purpose (standard library only, no project imports): the scorer must not depend on the reader it scores.

Ground truth files (the competition's XML, as distributed):
- `NAME-reg.xml`: `document > table > region(page) > bounding-box(x1, y1, x2, y2)`, PDF points, origin at the
  bottom left of the page as displayed (a rotated page's boxes are in its rotated frame).
- `NAME-str.xml`: `document > table > region(page, row-increment, col-increment) > cell(start-row, start-col,
  end-row?, end-col?) > content`. The increments shift a region's cell indices into its table's grid (a table
  printed as blocks side by side, or continued over pages). One file (us-002) writes `col-end` for `end-col`.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

RIGHT = "right"
DOWN = "down"

Relation = tuple[str, str, str]  # (normalised text A, normalised text B, RIGHT | DOWN)
BBox = tuple[float, float, float, float]  # x0, y0, x1, y1: PDF points, origin bottom left, x0 <= x1, y0 <= y1


# ---------------------------------------------------------------------------------------------------------------
# Text normalisation


_DASHES = "\u00ad\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2035\u0060\u00b4"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_TRANSLATE = str.maketrans(
    {**dict.fromkeys(_DASHES, "-"), **dict.fromkeys(_SINGLE_QUOTES, "'"), **dict.fromkeys(_DOUBLE_QUOTES, '"'),
     **dict.fromkeys(_INVISIBLE, "")}
)
_WHITESPACE = re.compile(r"\s+")


def normalise(text: str | None) -> str:
    """Text as the competition compares it: Unicode NFKC, every dash and quote unified, no whitespace, lower case.

    Readers differ in how they spell the same print (a ligature, U+2212 or U+00AD for a hyphen, curly quotes, a
    line break inside a cell); none of that is structure, so none of it may count as an error. U+00AD counts as a
    dash because WinAnsi-encoded PDFs use that code for their visible hyphen; an acute accent or backtick standing
    alone is a quote (mapped before NFKC, which would make it a combining accent). Two single quotes make a double.
    """
    if not text:
        return ""
    folded, previous = text, None
    for _ in range(4):  # a fixed point: removing a space can let NFKC compose again ("A ´" -> "A\u0301" -> "Á")
        if folded == previous:
            break
        previous = folded
        folded = unicodedata.normalize("NFKC", folded.translate(_TRANSLATE)).translate(_TRANSLATE)
        folded = _WHITESPACE.sub("", folded).replace("''", '"').lower()
    return folded


# ---------------------------------------------------------------------------------------------------------------
# Cells and relations


@dataclass(frozen=True)
class Cell:
    """One cell of a table grid: 0- or 1-based indices both work, only their order matters."""

    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    text: str = ""

    @property
    def last_row(self) -> int:
        return self.row + self.row_span - 1

    @property
    def last_col(self) -> int:
        return self.col + self.col_span - 1


CellLike = Cell | Sequence | Mapping


def as_cell(value: CellLike) -> Cell:
    """A `Cell` from a tool's cell: a `Cell`, a (row, col, row_span, col_span, text) tuple, or a mapping with those
    keys (spans default to 1), so that every tool's output goes through one scorer."""
    if isinstance(value, Cell):
        return value
    if isinstance(value, Mapping):
        return Cell(int(value["row"]), int(value["col"]), int(value.get("row_span", 1) or 1),
                    int(value.get("col_span", 1) or 1), str(value.get("text") or ""))
    row, col, row_span, col_span, text = value
    return Cell(int(row), int(col), int(row_span), int(col_span), str(text or ""))


def cells_from_grid(rows: Sequence[Sequence[str | None]]) -> list[Cell]:
    """Cells of a plain grid of strings (a tool without spans: every cell spans one row and one column)."""
    return [Cell(r, c, 1, 1, text or "") for r, row in enumerate(rows) for c, text in enumerate(row)]


def relations(cells: Iterable[CellLike]) -> Counter[Relation]:
    """The adjacency relations of one table, as a multiset of (text A, text B, direction).

    Empty cells (after normalisation) are neither ends of a relation: the nearest neighbour skips them. A cell that
    spans rows looks right once per spanned row, one that spans columns looks down once per spanned column; when
    two of those looks find the same neighbour it is one relation (relations are between cells). Two cells that
    tie for nearest (overlapping cells, which no truth file has) are both neighbours.
    """
    nodes = [(cell, text) for cell in map(as_cell, cells) if (text := normalise(cell.text))]
    by_row: dict[int, list[int]] = defaultdict(list)
    by_col: dict[int, list[int]] = defaultdict(list)
    for index, (cell, _) in enumerate(nodes):
        for r in range(cell.row, cell.last_row + 1):
            by_row[r].append(index)
        for c in range(cell.col, cell.last_col + 1):
            by_col[c].append(index)
    pairs: set[tuple[int, int, str]] = set()
    for index, (cell, _) in enumerate(nodes):
        for r in range(cell.row, cell.last_row + 1):
            pairs.update((index, j, RIGHT) for j in _nearest(nodes, by_row[r], cell.last_col, RIGHT))
        for c in range(cell.col, cell.last_col + 1):
            pairs.update((index, j, DOWN) for j in _nearest(nodes, by_col[c], cell.last_row, DOWN))
    return Counter((nodes[a][1], nodes[b][1], direction) for a, b, direction in pairs)


def _nearest(nodes: list[tuple[Cell, str]], line: list[int], after: int, direction: str) -> list[int]:
    """The cells of one row (looking RIGHT) or column (looking DOWN) that start closest after index `after`."""
    starts = [(nodes[j][0].col if direction == RIGHT else nodes[j][0].row, j) for j in line]
    beyond = [(position, j) for position, j in starts if position > after]
    if not beyond:
        return []
    first = min(position for position, _ in beyond)
    return [j for position, j in beyond if position == first]


def tables_relations(tables: Iterable[Iterable[CellLike]]) -> Counter[Relation]:
    """All relations of several tables pooled (a document): each table's relations computed on its own grid."""
    pooled: Counter[Relation] = Counter()
    for table in tables:
        pooled.update(relations(table))
    return pooled


def place_blocks(blocks: Sequence[Iterable[CellLike]], beside: Sequence[bool]) -> list[Cell]:
    """Several blocks of cells made one grid: block k goes to the right of block k-1 (same top row) when
    `beside[k]`, else below every block placed so far (at column 0). Each block is first moved to start at (0, 0).

    Why: when a true table has several regions (blocks side by side, a table continued over pages) a reader is
    given each region on its own and returns one grid per region; its grids are joined the way the regions lie so
    that the relations across blocks can be found, without taking the truth's indices as given.
    """
    placed: list[Cell] = []
    top = 0  # first row of the previous block
    right = 0  # first column after the previous block
    bottom = 0  # first row below everything placed
    for k, block in enumerate(blocks):
        cells = [as_cell(cell) for cell in block]
        if not cells:
            continue
        row0 = min(cell.row for cell in cells)
        col0 = min(cell.col for cell in cells)
        height = max(cell.last_row for cell in cells) - row0 + 1
        width = max(cell.last_col for cell in cells) - col0 + 1
        if k and placed and beside[k]:
            dr, dc = top - row0, right - col0
        else:
            dr, dc = bottom - row0, -col0
        placed.extend(Cell(c.row + dr, c.col + dc, c.row_span, c.col_span, c.text) for c in cells)
        top, right = row0 + dr, col0 + dc + width
        bottom = max(bottom, top + height)
    return placed


# ---------------------------------------------------------------------------------------------------------------
# Scores


@dataclass(frozen=True)
class Score:
    """Counts of relations: found in both, predicted, true. Scores add (micro averaging is summing counts)."""

    correct: int = 0
    predicted: int = 0
    truth: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(self.correct + other.correct, self.predicted + other.predicted, self.truth + other.truth)

    @property
    def precision(self) -> float | None:
        """None when nothing was predicted (undefined, not zero)."""
        return self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.correct / self.truth if self.truth else None

    @property
    def f1(self) -> float:
        """2·correct / (predicted + truth), the harmonic mean of precision and recall; 0 when nothing was predicted
        but something was true, 1 when neither had any relation."""
        total = self.predicted + self.truth
        return 2 * self.correct / total if total else 1.0


def compare(predicted: Counter[Relation], truth: Counter[Relation]) -> Score:
    """Multiset comparison: a relation predicted twice and true once is one correct and one false."""
    return Score(sum((predicted & truth).values()), sum(predicted.values()), sum(truth.values()))


def score_tables(predicted: Iterable[Iterable[CellLike]], truth: Iterable[Iterable[CellLike]]) -> Score:
    """Score predicted tables (each a list of cells: `Cell`, (row, col, row_span, col_span, text) or a mapping)
    against true tables, all relations of each side pooled: the one entry point for every tool's output."""
    return compare(tables_relations(predicted), tables_relations(truth))


def best_of(scores: Mapping[str, Score]) -> tuple[str, Score]:
    """The reading that gives the higher F1 (the first one on a tie): a document with two equally valid readings
    is scored against the one the prediction agrees with more."""
    if not scores:
        raise ValueError("no reading to choose from")
    name = max(scores, key=lambda key: scores[key].f1)  # max keeps the first of equal keys
    return name, scores[name]


def mean_f1(scores: Iterable[Score]) -> float | None:
    """Mean of per-document F1 (every document weighs the same, however many relations it has)."""
    values = [score.f1 for score in scores]
    return sum(values) / len(values) if values else None


# ---------------------------------------------------------------------------------------------------------------
# Ground truth


@dataclass(frozen=True)
class Region:
    """Where a reader is told to look: a page (1-based) and a box (PDF points, origin bottom left)."""

    page: int
    bbox: BBox


@dataclass(frozen=True)
class StructureRegion:
    """One region of a table's structure: its page, increments and cells (indices as written in the file)."""

    page: int
    row_increment: int
    col_increment: int
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class TruthTable:
    """One true table: its regions (from -reg.xml) and its grid (from -str.xml, increments applied)."""

    id: str
    regions: tuple[Region, ...]
    structure: tuple[StructureRegion, ...]

    @property
    def cells(self) -> list[Cell]:
        """Every region's cells placed in the table's grid by the region's row- and col-increment."""
        return [Cell(c.row + s.row_increment, c.col + s.col_increment, c.row_span, c.col_span, c.text)
                for s in self.structure for c in s.cells]

    @property
    def pages(self) -> list[int]:
        return sorted({region.page for region in self.regions} | {s.page for s in self.structure})


@dataclass(frozen=True)
class Reading:
    """One reading of a document: its name (e.g. us-035b) and its tables."""

    name: str
    tables: tuple[TruthTable, ...]

    def relations(self) -> Counter[Relation]:
        return tables_relations(table.cells for table in self.tables)


@dataclass(frozen=True)
class Document:
    """A PDF and its readings (one, or two equally valid ones: `a` and `b`)."""

    name: str  # us-035
    pdf: str  # us-035a.pdf
    readings: tuple[Reading, ...]


def _xml_root(source: str | bytes | Path) -> ET.Element:
    if isinstance(source, Path):
        source = source.read_bytes()
    return ET.fromstring(source)


def _int(element: ET.Element, *names: str, default: int | None = None) -> int:
    for name in names:
        value = element.get(name)
        if value is not None and value.strip() != "":
            return int(value)
    if default is None:
        raise ValueError(f"<{element.tag}> has none of {names}: {element.attrib}")
    return default


def parse_regions(source: str | bytes | Path) -> dict[str, tuple[Region, ...]]:
    """Table id -> its regions, from a `-reg.xml` (path, or the XML itself)."""
    tables: dict[str, tuple[Region, ...]] = {}
    for table in _xml_root(source).iter("table"):
        regions = []
        for region in table.findall("region"):
            box = region.find("bounding-box")
            if box is None:
                raise ValueError(f"table {table.get('id')}: region without bounding-box")
            x1, y1, x2, y2 = (float(box.get(k)) for k in ("x1", "y1", "x2", "y2"))
            regions.append(Region(_int(region, "page"), (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))))
        tables[_table_id(table, tables)] = tuple(regions)
    return tables


def parse_structure(source: str | bytes | Path) -> dict[str, tuple[StructureRegion, ...]]:
    """Table id -> its structure regions, from a `-str.xml` (path, or the XML itself). `end-row`/`end-col` default
    to the start (no span); `col-end` is read where `end-col` is missing (us-002 writes it once)."""
    tables: dict[str, tuple[StructureRegion, ...]] = {}
    for table in _xml_root(source).iter("table"):
        regions = []
        for region in table.findall("region"):
            cells = []
            for cell in region.findall("cell"):
                row, col = _int(cell, "start-row"), _int(cell, "start-col")
                last_row = _int(cell, "end-row", "row-end", default=row)
                last_col = _int(cell, "end-col", "col-end", default=col)
                if last_row < row or last_col < col:
                    raise ValueError(f"cell ends before it starts: {cell.attrib}")
                text = cell.findtext("content") or ""
                cells.append(Cell(row, col, last_row - row + 1, last_col - col + 1, text))
            regions.append(StructureRegion(_int(region, "page"), _int(region, "row-increment", default=0),
                                           _int(region, "col-increment", default=0), tuple(cells)))
        tables[_table_id(table, tables)] = tuple(regions)
    return tables


def _table_id(table: ET.Element, seen: Mapping[str, object]) -> str:
    table_id = table.get("id") or str(len(seen) + 1)
    if table_id in seen:
        raise ValueError(f"table id {table_id} twice")
    return table_id


def load_reading(reg_xml: str | bytes | Path, str_xml: str | bytes | Path, name: str) -> Reading:
    """One reading from its two files; the files must describe the same tables (same ids)."""
    regions, structure = parse_regions(reg_xml), parse_structure(str_xml)
    if set(regions) != set(structure):
        raise ValueError(f"{name}: -reg.xml tables {sorted(regions)} but -str.xml tables {sorted(structure)}")
    return Reading(name, tuple(TruthTable(tid, regions[tid], structure[tid]) for tid in structure))


_NAME = re.compile(r"^(?P<doc>(?:eu|us)-\d{3})(?P<reading>[ab]?)-str\.xml$")


def discover(folder: Path) -> list[Document]:
    """Every document of a competition folder: `NAME.pdf` with `NAME-reg.xml`, `NAME-str.xml`; `NAMEa.pdf` with the
    readings `NAMEa` and `NAMEb` (the `b` files have no PDF of their own)."""
    readings: dict[str, list[str]] = defaultdict(list)
    for path in sorted(folder.glob("*-str.xml")):
        match = _NAME.match(path.name)
        if match:
            readings[match["doc"]].append(match["doc"] + match["reading"])
    documents = []
    for doc, names in sorted(readings.items()):
        pdf = f"{doc}a.pdf" if (folder / f"{doc}a.pdf").exists() else f"{doc}.pdf"
        if not (folder / pdf).exists():
            raise FileNotFoundError(f"{doc}: no PDF ({pdf})")
        loaded = tuple(load_reading(folder / f"{name}-reg.xml", folder / f"{name}-str.xml", name)
                       for name in sorted(names))
        documents.append(Document(doc, pdf, loaded))
    return documents


def blocks_beside(regions: Sequence[Region]) -> list[bool]:
    """For `place_blocks`: a region goes right of the previous one when both are on one page and side by side (no
    horizontal overlap); otherwise below it (the next page, or further down)."""
    flags = [False]
    for previous, region in zip(regions, regions[1:], strict=False):
        side_by_side = region.page == previous.page and (region.bbox[0] >= previous.bbox[2]
                                                         or region.bbox[2] <= previous.bbox[0])
        flags.append(side_by_side)
    return flags


def overlap(a: BBox, b: BBox) -> float:
    """Area of the intersection of two boxes (0 when they do not meet)."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0
