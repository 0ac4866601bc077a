"""The header tree over a table's count columns: which header cells head which columns. A row with fewer cells
than columns is a row of group headers, each over a run of columns; a header wrapped over lines is one header;
one cell over each repeat of the column headers heads that repeat."""

from __future__ import annotations

from pipeline.extract.tables.model import Cell, Table


def wrapped_headers(table: Table, at: dict[tuple[int, int], Cell], headers: int,
             labels: int) -> tuple[int, dict[int, list[Cell]]]:
    """Column headers wrapped over several lines ('Total' / '2016 through' / '2019'): from a header row whose
    cells each sit in one column, through rows that print only in those columns, down to the lowest header row;
    over two lines only, each set tight over its column's header and aligned with it. Their lines are one header
    each (never group headers over the columns beside them). Returns the first such row (`headers` if none) and
    each wrapped column's lines, top first."""
    for row in range(headers - 1):
        cells = {at[(row, col)] for col in range(labels, table.cols) if (row, col) in at}
        cells = {cell for cell in cells if cell.row == row}
        cols = {cell.col for cell in cells}
        if not cells or any(cell.col_span > 1 for cell in cells):
            continue
        between = range(row + 1, headers - 1)
        extents = _extents(table, headers, labels)
        if not between and _over_blocks(cells, _repeats(table, at, headers, labels),
                                        _middles(table, headers, labels)) is not None:
            continue
        if not all(_wraps_onto(at.get((r, cell.col)), at.get((r + 1, cell.col)), extents)
                   for cell in cells for r in range(row, headers - 1)):
            continue  # (every line over the next, tight and aligned with it: one header's lines)
        if all({col for col in range(labels, table.cols) if (r, col) in at} <= cols for r in between) and \
                all((r, col) in at and at[(r, col)].col_span == 1 for r in range(row + 1, headers) for col in cols):
            return row, {col: [at[(r, col)] for r in range(row, headers)] for col in cols}
    return headers, {}


def _middles(table: Table, headers: int, labels: int) -> dict[int, float]:
    """Each count column's middle, from its lowest header and its body."""
    middles: dict[int, list[float]] = {}
    for cell in table.cells:
        if cell.col >= labels and cell.col_span == 1 and cell.row >= headers - 1 and cell.box[2] > cell.box[0]:
            middles.setdefault(cell.col, []).append((cell.box[0] + cell.box[2]) / 2)
    return {col: sum(values) / len(values) for col, values in middles.items()}


def group_headers(table: Table, at: dict[tuple[int, int], Cell], headers: int, labels: int,
                   group_rows: int) -> dict[tuple[int, int], Cell]:
    """A header row over the counts with fewer cells than there are count columns is a row of group headers:
    each count column sits under the one nearest its middle ('2017' centred over 'Arrests' and 'Convictions'
    heads both, wherever the grid put it); but a cell centred on its own column rather than between it and a
    neighbour is that column's header alone ('Rate per' over '100,000')."""
    centre = _middles(table, headers, labels)
    extents = _extents(table, headers, labels)
    blocks = _repeats(table, at, headers, labels)
    chosen: dict[tuple[int, int], Cell] = {}
    grouped: set[int] = set()  # columns under a group header lower down: a cell over one of them heads a group
    for row in reversed(range(group_rows)):
        cells = {at[(row, col)] for col in range(labels, table.cols) if (row, col) in at}
        cells = {cell for cell in cells if cell.row == row}
        if not cells or len(cells) >= len(centre):
            continue
        over = _over_blocks(cells, blocks, centre)
        if over is not None:  # one cell over each repeat of the column headers: each heads its repeat
            chosen.update({(row, col): cell for cell, block in over.items() for col in block})
            grouped |= {col for block in over.values() for col in block}
            continue
        own = {cell for cell in cells if cell.col_span == 1 and cell.col not in grouped and
               _wraps_onto(cell, at.get((row + 1, cell.col)), extents) and _centred_on_own(cell, centre)}
        for cell in own:
            chosen[(row, cell.col)] = cell
        groups = cells - own
        grouped |= {col for cell in groups for col in range(cell.col, cell.col + cell.col_span)}
        for col, middle in centre.items():
            if groups and (row, col) not in chosen:
                chosen[(row, col)] = min(groups, key=lambda cell: abs((cell.box[0] + cell.box[2]) / 2 - middle))
    return chosen


def _repeats(table: Table, at: dict[tuple[int, int], Cell], headers: int, labels: int) -> list[list[int]]:
    """The count columns as repeats of one run of column headers ('2013 2014 Total' twice: one run under each
    group header), when the lowest header row repeats so; none otherwise."""
    cols = list(range(labels, table.cols))
    texts = [at[(headers - 1, col)].text.strip().casefold() if (headers - 1, col) in at and
             at[(headers - 1, col)].col == col and at[(headers - 1, col)].col_span == 1 else None for col in cols]
    for period in range(1, len(cols) // 2 + 1):
        run = texts[:period]
        if None in run:
            return []
        repeats = 1
        while texts[repeats * period:(repeats + 1) * period] == run:
            repeats += 1
        if repeats >= 2:
            return [cols[start:start + period] for start in range(0, repeats * period, period)]
    return []


def _over_blocks(cells: set[Cell], blocks: list[list[int]], centre: dict[int, float]) -> dict[Cell, list[int]] | None:
    """Each cell over the repeat nearest it, when that pairs the cells and the repeats one to one."""
    if not blocks or len(cells) != len(blocks):
        return None
    placed: dict[Cell, list[int]] = {}
    for cell in cells:
        middle = (cell.box[0] + cell.box[2]) / 2
        nearest = min((col for block in blocks for col in block if col in centre),
                      key=lambda col: abs(centre[col] - middle), default=None)
        placed[cell] = next((block for block in blocks if nearest in block), [])
    if sorted(map(tuple, placed.values())) != sorted(map(tuple, blocks)):
        return None
    return placed


def _extents(table: Table, headers: int, labels: int) -> dict[int, tuple[float, float]]:
    """Where each count column prints, across its lowest header and its body."""
    extents: dict[int, tuple[float, float]] = {}
    for cell in table.cells:
        if cell.col >= labels and cell.col_span == 1 and cell.row >= headers - 1 and cell.box[2] > cell.box[0]:
            low, high = extents.get(cell.col, (cell.box[0], cell.box[2]))
            extents[cell.col] = (min(low, cell.box[0]), max(high, cell.box[2]))
    return extents


def _wraps_onto(cell: Cell | None, below: Cell | None, extents: dict[int, tuple[float, float]]) -> bool:
    """Set tight over the header under it, at a line's spacing, and aligned with it (left, right or centred),
    not reaching out past its column on both sides: one header's wrapped lines ('Rate per' / '100,000'), not a
    label set over several columns ('CONVICTIONS' centred over '2013 2014 Total')."""
    if cell is None or below is None or below.col != cell.col or below.col_span != 1:
        return False
    height = cell.size or (cell.box[3] - cell.box[1])
    near = 0.3 * height
    low, high = extents.get(cell.col, (below.box[0], below.box[2]))
    alone = not ({cell.col - 1, cell.col + 1} & extents.keys())  # (a lone count column: nothing else to head)
    if cell.box[0] < low - 0.5 * height and cell.box[2] > high + 0.5 * height and not alone:
        return False
    aligned = abs(cell.box[0] - below.box[0]) <= near or abs(cell.box[2] - below.box[2]) <= near or \
        abs(cell.box[0] + cell.box[2] - below.box[0] - below.box[2]) <= 2 * near
    return aligned and cell.box[1] - below.box[3] <= 0.5 * height


def _centred_on_own(cell: Cell, centre: dict[int, float]) -> bool:
    """Closer to its column's middle than to the middle between that column and either neighbour."""
    if cell.col not in centre:
        return False
    middle = (cell.box[0] + cell.box[2]) / 2
    own = abs(middle - centre[cell.col])
    pairs = [abs(middle - (centre[cell.col] + centre[other]) / 2) for other in (cell.col - 1, cell.col + 1)
             if other in centre]
    return not pairs or own < min(pairs)
