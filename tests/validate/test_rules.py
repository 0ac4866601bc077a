"""Reconciliation with suppressed cells: a gap is allowed only within what the suppressed cells can hide."""

import pandas as pd
import pytest

from pipeline.extract.tidy import conform
from pipeline.validate.rules import plausibility, reconciliation


def _tipc(total: int, cells: list[int | None]) -> pd.DataFrame:
    rows = [{"jurisdiction": town, "jurisdiction_type": "town", "row_label": town, "count": count,
             "cell_text": "*" if count is None else str(count), "printed_total": False, "row_index": i + 1}
            for i, (town, count) in enumerate(zip(["Avon", "Berlin", "Canton"], cells, strict=True))]
    rows.append({"jurisdiction": "Connecticut", "jurisdiction_type": "statewide", "row_label": "Total",
                 "count": total, "cell_text": str(total), "printed_total": True, "row_index": 4})
    frame = pd.DataFrame(rows).assign(source_id="r", source_sha256="0" * 64, page=3, table_index=1, column_index=2,
                                      column_header="2010", period_start=2010, period_end=2010, offense="53a-82",
                                      role="seller", breakdown="total", measure="arrests", synthetic=True)
    return conform(frame)


@pytest.mark.parametrize(("total", "cells", "suppression", "reconciles"), [
    (10, [3, 7, 0], (1, 4), True),
    (11, [3, 7, 0], (1, 4), False),          # no suppressed cell: the gap must be 0
    (12, [3, 7, None], (1, 4), True),        # one suppressed cell hides 2: within 1..4
    (15, [3, 7, None], (1, 4), False),       # hides 5: more than one cell can
    (12, [3, 7, None], (1, 1), False),       # this source suppresses only 1s
    (9, [3, 7, None], (1, 4), False),        # negative gap
])
def test_tipc_total_row(total, cells, suppression, reconciles):
    table = reconciliation(_tipc(total, cells), ["r"], {"r": suppression})
    (row,) = table.itertuples()
    assert row.rule == "total_row_equals_rows" and bool(row.reconciles) is reconciles
    assert row.location == "page 3, table 1, row 4, column 2 (2010)" and row.printed_total == total


def test_plausibility_flags_more_convictions_than_arrests():
    arrests = _tipc(10, [3, 7, 0])
    convictions = _tipc(12, [5, 7, 0]).assign(measure="convictions")
    table = plausibility(pd.concat([arrests, convictions], ignore_index=True))
    assert table[["role", "arrests", "convictions", "plausible"]].values.tolist() == [["seller", 10, 12, False]]
