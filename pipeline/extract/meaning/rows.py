"""A table's body rows as counts: each row's name (a town, the state police, a total, or a statute or measure
in a summary), the heading it sits under, and one record per count column. Row kinds are decided once: a row of
counts, a heading over the rows below it (a town over its statutes, a statute over its towns), or a name printed
with no count (a row of blank cells)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.extract.meaning.captions import CONTINUED, RUNS_ON
from pipeline.extract.meaning.columns import MARKED, Column, TableRefused, value_like
from pipeline.extract.meaning.columns import unmarked as _text
from pipeline.extract.tables.model import Cell, Table
from pipeline.extract.tables.words import BOUND
from pipeline.extract.vocabulary import FiscalYear, Legend, Mention, Vocabulary, periods_in, places_in, resolve_label


@dataclass
class Carry:
    """What a continued table takes over from the part before it: the last name and the heading in force."""

    label: str | None = None
    heading: str | None = None
    counted: dict[tuple, str] = field(default_factory=dict)  # each count's key, by the row that printed it


@dataclass(frozen=True)
class Where:
    file: str
    page: int | None  # None for CSV
    table: int
    grid: bool  # CSV/XLSX: rows are the file's lines

    def row(self, number: int) -> str:
        if self.grid:
            return f"{self.file}, line {number}"
        return f"{self.file}, page {self.page}, table {self.table}, row {number}"

    def table_text(self) -> str:
        if self.grid:
            return f"{self.file}, table {self.table}" + (f" (sheet {self.page})" if self.page else "")
        return f"{self.file}, page {self.page}, table {self.table}"


def resolve(text: str, towns) -> tuple[str, str]:
    """A row's name: the reference resolution, and the state's own name in a table's row is its total."""
    if _STATE.match(text):
        return "Connecticut", "statewide"
    return resolve_label(text, towns)


_STATE = re.compile(r"^\s*(?:the\s+)?(?:state\s+of\s+)?connecticut\s*[*†‡¹²³]*\s*$", re.IGNORECASE)


def name_kind(text: str, towns, vocabulary: Vocabulary) -> str:
    """place, names (a statute or measure), or unknown."""
    if resolve(text, towns)[1] != "unresolved":
        return "place"
    if vocabulary.statutes_in(text) or vocabulary.measures_in(text):
        return "names"
    return "unknown"


def read_rows(table: Table, at: dict[tuple[int, int], Cell], headers: int, columns: list[Column], legend: Legend,
              towns, vocabulary: Vocabulary, where: Where, carry: Carry, statewide: bool = False,
              after: str | None = None) -> list[dict]:
    """One record per count cell of the body; a row that cannot be read refuses the table. Rows named by a
    year alone, in a table whose caption says it is statewide, are the state's. `after`: the name of the row
    printed next, overleaf, where the table goes on there (the last row here may head it)."""
    labels = [column.index for column in columns if column.kind == "label"]
    counted = [column for column in columns if column.kind == "count"]
    years = [column for column in columns if column.kind == "year"]
    body = list(range(headers, table.rows))
    try:
        side, labels = _side_cells(table, at, body, labels, lambda text: _note(text, towns, vocabulary))
    except TableRefused as exc:
        raise TableRefused(f"{where.table_text()}: {exc}") from None
    body = [row for row in body if row not in side.get("rows", {})]
    at = _own_cells(at, body, labels, [column.index for column in counted], where)
    named = {row: " ".join(text for col in labels if (text := _text(at.get((row, col))))) for row in body}
    filled = {row: [column for column in counted if _text(at.get((row, column.index)))] for row in body}
    bare = {row for row in body if not any(_text(at.get((row, col))) for col in range(table.cols)
                                           if col not in labels)}
    body = _join_wrapped(body, named, filled, bare, lambda text: name_kind(text, towns, vocabulary) != "unknown")
    records: list[dict] = []
    last_data = ""  # the name of the last row of counts: a blank row of the same kind is its sibling, no heading
    for position, row in enumerate(body):
        number = table.source_rows[row] if table.source_rows else position + 1
        label = named[row]
        if row in side.get("heads", {}):
            carry.heading = side["heads"][row]
        if not label and not filled[row] and not any(_text(at.get((row, c.index))) for c in years):
            continue
        if label and not filled[row] and _note(label, towns, vocabulary):
            continue  # 'Table continues →', '(continued)': a note set in the table, no row ('§ 53a-82 (continued)'
            # names what it heads: a heading)
        if label and not filled[row] and name_kind(label, towns, vocabulary) == "names" and \
                _what(last_data, towns, vocabulary) == "place" and \
                _what(label, towns, vocabulary) != _what(carry.heading or "", towns, vocabulary) and \
                not any(named[other] for other in body[position + 1:]):
            continue  # a statute alone under the last town ('53a-83: patronizing'), no heading of the kind the
            # rows above are under (that one heads the rows overleaf): a legend, no row of counts
        if label and not filled[row] and not years:
            following = next((named[other] for other in body[position + 1:] if named[other]), after)
            mine = _what(label, towns, vocabulary)
            sibling = mine == _what(last_data, towns, vocabulary) != ""  # a blank row like the row above
            child = _what(carry.heading or "", towns, vocabulary) not in ("", mine)  # under a heading of its own
            # the last row, of the kind the heading over the rows above it is: a heading whose rows go on overleaf
            last_heading = following is None and mine != "" and mine == _what(carry.heading or "", towns, vocabulary)
            if not sibling and (last_heading or not child and _heads(label, following, towns, vocabulary)):
                carry.heading = label
                if name_kind(label, towns, vocabulary) == "place":
                    carry.label = label
                continue
        if not label:
            label = carry.label or ("Connecticut" if statewide and not labels and years else None)
            if label is None:
                raise TableRefused(f"{where.row(number)}: a row of counts without a name and no named row above it")
        carry.label = label
        last_data = label
        if table.fields and table.fields[row] < max(column.index for column in columns) + 1:
            raise TableRefused(f"{where.row(number)}: row {label!r} has counts that do not line up with the "
                               f"{len(columns)} columns {[c.header for c in columns]}")
        found = _records(row, number, label, carry.heading, at, counted, years, legend, towns, vocabulary, where)
        _refuse_twins(found, where.row(number), label)
        _refuse_repeats(found, where.row(number), label, carry)
        records += found
    return records


def _count_key(record: dict) -> tuple:
    """What a count counts: place, statute, measure, period, and whether it is a printed total."""
    return (record["jurisdiction"], record["offense"], record["measure"], record["period_start"],
            record["period_end"], record["printed_total"])


def _refuse_twins(found: list[dict], at: str, label: str) -> None:
    """Two cells of one row that would be the same count (the same statute, measure and period): the columns
    were not told apart (their headers lost), so neither can be placed."""
    seen: dict[tuple, str] = {}
    for record in found:
        key = _count_key(record)
        if key in seen:
            raise TableRefused(f"{at}: row {label!r}: columns {seen[key] or '(no header)'!r} and "
                               f"{record['column_header'] or '(no header)'!r} would count the same thing: their "
                               "headers are not read right")
        seen[key] = record["column_header"]




def _refuse_repeats(found: list[dict], at: str, label: str, carry: Carry) -> None:
    """A table never prints one count twice: a row that would count what a row above it counted (the same place,
    statute, measure and period) was read under a name or a heading not its own (a stray line of marks taking the
    name above it), so the table is refused."""
    keys = [_count_key(record) for record in found]
    for key in keys:
        if key in carry.counted:
            first, last = key[3], key[4]
            period = str(first) if first == last else f"{first}-{last}"
            raise TableRefused(f"{at}: row {label!r} would count what row {carry.counted[key]!r} above it counts "
                               f"({key[1]} {key[2]}, {period}): read under a name or heading not its own?")
    carry.counted.update({key: label for key in keys})


def _own_cells(at: dict[tuple[int, int], Cell], body: list[int], labels: list[int], counted: list[int],
               where: Where) -> dict[tuple[int, int], Cell]:
    """The body's cells where each column reads only its own: a heading set across the counts from the names
    column is the row's name, never a count; one value printed across several count columns is no count of
    any one of them (refused)."""
    own = dict(at)
    for row in body:
        for col in counted:
            cell = at.get((row, col))
            if cell is None or cell.col == col:
                continue
            if cell.col in labels:
                del own[(row, col)]
            elif cell.col in counted and cell.text.strip():
                raise TableRefused(f"{where.table_text()}: {cell.text.strip()!r} is printed across several columns "
                                   "of counts: it cannot be placed under one")
    return own


def _join_wrapped(body: list[int], named: dict[int, str], filled: dict[int, list], bare: set[int],
                  known) -> list[int]:
    """A name's second line read as a row of its own ('State Police –' / 'all troops'): a row that prints
    nothing but a name starting in lower case, or following a name that runs on, is the name above, continued
    (unless it is a name of its own and the two together are none); and counts printed between a name's lines,
    with no name of their own, are that name's."""
    kept: list[int] = []
    for row in body:
        above = kept[-1] if kept else None
        text = named.get(row, "")
        if above is not None and not text and filled[row] and named.get(above) and above in bare:
            named[row] = named[above]  # counts set between a name's lines (centred on them): that name's
            kept[-1] = row
            continue
        if above is not None and text and row in bare and named.get(above) and (
                text[:1].islower() and not known(text) or RUNS_ON.search(named[above]) and (
                    not known(text) or known(f"{named[above]} {text}"))):
            named[above] = f"{named[above]} {text}"
            continue
        kept.append(row)
    return kept


def _note(text: str, towns, vocabulary: Vocabulary) -> bool:
    """'Continued on next page', 'Table 2 (cont.)': a note set in a table, naming nothing it could head."""
    return bool(CONTINUED.search(text)) and name_kind(CONTINUED.sub(" ", text), towns, vocabulary) == "unknown"


def _side_cells(table: Table, at, body: list[int], labels: list[int], note) -> tuple[dict, list[int]]:
    """A names column printed only now and then beside rows named in the next column: cells spanning those rows,
    each printed once and centred down their side ('§53a-82' / 'Prostitution' beside its towns). Their lines are
    no rows. Each such cell covers the run of rows it is centred on, the runs following one another from the
    first row; rows no cell covers, or a cell covering none, refuse the table (never the nearest guess). A note
    ('Continued on next page') set out to the left heads nothing."""
    for col in labels[:-1]:
        noted = {row for row in body if (row, col) in at and note(at[(row, col)].text)}
        rows = [row for row in body if (row, col) in at and at[(row, col)].col == col and row not in noted]
        alone = {row for row in rows if not any((row, other) in at for other in range(table.cols) if other != col)}
        if not rows or len(rows) >= len(body):
            continue
        data = [row for row in body if row not in alone and row not in noted]
        where = {row: _middle(table, at, row) for row in body}
        sign = 1.0 if len(data) < 2 or where[data[-1]] >= where[data[0]] else -1.0
        position = {row: sign * value for row, value in where.items()}
        blocks: list[list[int]] = []
        for row in rows:
            if blocks and row - blocks[-1][-1] <= 2:
                blocks[-1].append(row)
            else:
                blocks.append([row])
        steps = sorted(b - a for a, b in zip([position[r] for r in data], [position[r] for r in data[1:]],
                                             strict=False))
        step = steps[len(steps) // 2] if steps else 1.0
        boundary = position[data[0]] - step / 2 if data else 0.0
        heads: dict[int, str] = {}
        for block in blocks:
            ends = [sign * (at[(row, col)].box[1] + at[(row, col)].box[3]) / 2 for row in (block[0], block[-1])]
            centre = sum(ends) / 2  # the cell's own middle: its lines may share a row's baseline, or sit between
            end = 2 * centre - boundary
            covered = [row for row in data if boundary < position[row] <= end + step / 4 and row not in heads]
            if not covered:
                raise TableRefused("a cell printed down the side of the rows covers none of them")
            middle = (position[covered[0]] + position[covered[-1]]) / 2
            if abs(middle - centre) > 0.3 * step:  # not centred on its rows (cut by a page break?): ambiguous
                raise TableRefused(f"the cell {_text(at[(block[0], col)])!r} printed down the side of the rows is "
                                   "not centred on the rows it could head")
            text = " ".join(_text(at[(row, col)]) for row in block)
            heads.update({row: text for row in covered})
            boundary = max(end, max(position[row] for row in covered) + step / 4)
        if len(heads) < len(data):
            raise TableRefused("rows under no cell printed down their side")
        return {"rows": alone, "heads": heads}, [label for label in labels if label != col]
    return {}, labels


def _middle(table: Table, at, row: int) -> float:
    """Where a row lies down the table: the middle of its cells' boxes."""
    boxes = [at[(row, col)].box for col in range(table.cols) if (row, col) in at]
    return sum((box[1] + box[3]) / 2 for box in boxes) / len(boxes) if boxes else float(row)


def _heads(label: str, following: str | None, towns, vocabulary: Vocabulary) -> bool:
    """A name with no count heads the rows under it when they name the other kind of thing (a town over statutes,
    a statute or a measure over towns, a statute over measures)."""
    if following is None:
        return False
    mine, theirs = name_kind(label, towns, vocabulary), name_kind(following, towns, vocabulary)
    if mine == theirs == "names":  # a statute over its measures, or a measure over its statutes
        return _names_what(label, vocabulary) + _names_what(following, vocabulary) in ("SM", "MS")
    return mine != theirs and "unknown" not in (mine, theirs)


def what_it_names(text: str, towns, vocabulary: Vocabulary) -> str:
    """'S' for a statute alone, 'M' for a measure alone ('' otherwise, or a place): what a heading line heads by."""
    return _what(text, towns, vocabulary) if name_kind(text, towns, vocabulary) == "names" else ""


def _what(text: str, towns, vocabulary: Vocabulary) -> str:
    """What a name names, finely: a place, a statute alone, a measure alone; '' for anything else."""
    if not text:
        return ""
    kind = name_kind(text, towns, vocabulary)
    return "place" if kind == "place" else _names_what(text, vocabulary) if kind == "names" else ""


def _names_what(text: str, vocabulary: Vocabulary) -> str:
    """'S' for a statute alone, 'M' for a measure alone, '' for both or neither."""
    statute, measure = bool(vocabulary.statutes_in(text)), bool(vocabulary.measures_in(text))
    return "S" if statute and not measure else "M" if measure and not statute else ""


def _records(row: int, number: int, label: str, heading: str | None, at, counted: list[Column],
             years: list[Column], legend: Legend, towns, vocabulary: Vocabulary, where: Where) -> list[dict]:
    place = label
    if name_kind(label, towns, vocabulary) != "place" and heading and name_kind(heading, towns, vocabulary) == "place":
        place = heading
    jurisdiction, kind = resolve(place, towns)
    own = [text for text in (label, heading) if text]
    row_statutes = next((found for text in own if (found := {m.value: m for m in vocabulary.statutes_in(text)})),
                        {})
    row_measures = next((found for text in own if (found := {m.value: m for m in vocabulary.measures_in(text)})),
                        {})
    if kind == "unresolved" and name_kind(label, towns, vocabulary) == "names":  # the row's own name, not its heading
        named = places_in(label, towns)
        if len(named) > 1:
            raise TableRefused(f"{where.row(number)}: row {label!r} names a statute or measure and several places "
                               f"({', '.join(named)}): whose counts they are cannot be told")
        # a summary's row names a statute or measure: the state's; beside a place's name (a statute's cell printed
        # down the side of its towns, read into the row's name), that place's
        jurisdiction, kind = resolve(named[0], towns) if named else ("Connecticut", "statewide")
    if kind == "unresolved":
        try:
            periods_in(label)
        except FiscalYear as exc:
            raise TableRefused(f"{where.row(number)}: row {label!r} names a fiscal year ({exc}), not a calendar "
                               "year: the table is refused (its counts cannot be placed)") from None
        raise TableRefused(f"{where.row(number)}: row {label!r} names no town of the reference, nor the state police "
                           "or a total (a misspelt or unknown name, or a name and a count run together)")
    row_statute = next(iter(row_statutes.values())) if len(row_statutes) == 1 else None
    row_measure = next(iter(row_measures.values())) if len(row_measures) == 1 else None
    year_period = None
    if years:
        text = _text(at.get((row, years[0].index)))
        try:
            found = periods_in(text) if text else []
        except FiscalYear as exc:
            raise TableRefused(f"{where.row(number)}: {str(exc)!r} in the Year column is a fiscal year, not a "
                               "calendar year: the table is refused (its counts cannot be placed)") from None
        if len(found) != 1:
            raise TableRefused(f"{where.row(number)}: row {label!r} has no year in the Year column ({text!r})")
        year_period = found[0]
    out = []
    for column in counted:
        text = _text(at.get((row, column.index)))
        for said, row_says, column_says in (("statute", row_statute, column.statute),
                                            ("measure", row_measure, column.measure)):
            if row_says is not None and column_says is not None and not column_says.general and \
                    row_says.value != column_says.value:
                raise TableRefused(f"{where.row(number)}: row {label!r} is under {row_says.text!r} "
                                   f"({row_says.value}), column {column.header or '(no header)'!r} under "
                                   f"{column_says.text!r} ({column_says.value}): which {said} its count is cannot "
                                   "be told (a heading line read as the column's header?)")
        statute = _pick(row_statute, column.statute)
        measure = _pick(row_measure, column.measure)
        period = column.period if column.period is not None and not (year_period and column.period.general) \
            else year_period or column.period
        missing = [name for name, value in (("statute", statute), ("measure", measure), ("year", period))
                   if value is None]
        if missing:
            raise TableRefused(f"{where.table_text()}: column {column.header or '(no header)'!r} says no "
                               f"{' or '.join(missing)}, and neither does its group header, the row {label!r} or "
                               "the caption")
        if statute.value not in vocabulary.roles:
            raise TableRefused(f"{where.table_text()}: column {column.header or '(no header)'!r} names section "
                               f"{statute.text!r}, which the reviewed statutes (raw/reference/statutes.csv) do not "
                               "list: a misread number, or a statute to review and add there")
        count = _count(text, legend, where.row(number), label, column.header)
        first, last = period.value
        out.append({
            "page": where.page, "table_index": where.table, "row_index": number, "column_index": column.index + 1,
            "column_header": column.header, "row_label": label, "cell_text": text,
            "jurisdiction": jurisdiction, "jurisdiction_type": kind, "period_start": first, "period_end": last,
            "offense": statute.value, "role": vocabulary.roles.get(statute.value), "breakdown": "total",
            "measure": measure.value, "count": count,
            "printed_total": column.printed_total or kind in ("statewide", "aggregate") or first != last,
            "meaning_source": f"statute: {statute.text!r}; measure: {measure.text!r}; period: {period.text!r}",
        })
    return out


_BOUND = re.compile(rf"^{BOUND}$")


def _count(text: str, legend: Legend, at: str, label: str, header: str) -> int | None:
    """A printed count: the legend reads signs and blanks; a footnote mark after a number is the number's
    ('12*', '0¹'); a bound ('<5', 'n<5') is a suppressed count; anything else refuses the table."""
    marked = MARKED.match(text)
    if marked:
        text = marked.group(1)
    if _BOUND.match(text):
        return None
    if text and not value_like(text) and text.casefold() not in legend.symbols:
        raise TableRefused(f"{at}: row {label!r}: cell {text!r} under {header!r} is not a count")
    try:
        return legend.value(text)
    except ValueError:
        raise TableRefused(f"{at}: row {label!r}: cell {text!r} under {header!r} is not a count") from None


def _pick(row: Mention | None, column: Mention | None) -> Mention | None:
    """A row's own words beat the caption's, never a column's or a group header's."""
    if row is not None and (column is None or column.general):
        return row
    return column or row

