"""The grid reader on the line reader's own kept regression layouts (issue 23: before the line reader retires, the
grid reader reads every one of them the way it must: a good layout exactly, a broken one refused naming its
defect). The same layouts and checks as tests/extract/test_tipc_fuzz.py, read by `pipeline.extract.meaning`."""

import pytest

import tests.extract.test_tipc_fuzz as fuzz
from pipeline.extract.meaning import extract_tipc


@pytest.mark.parametrize(("shows", "broken", "choices"), fuzz.REGRESSIONS, ids=[r[0] for r in fuzz.REGRESSIONS])
def test_the_grid_reader_reads_each_regression_layout_as_the_line_reader_must(shows, broken, choices, tmp_path,
                                                                              monkeypatch):
    monkeypatch.setattr(fuzz, "extract_tipc", extract_tipc)
    report = fuzz.layouts.replay(choices, list(fuzz.TOWNS), broken)
    (fuzz.check_broken if broken else fuzz.check_good)(report, tmp_path)
