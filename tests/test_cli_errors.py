"""Every refusal is one line naming the file, entry or field, with exit code 2 and nothing written; a failing run
says its real cause first, whatever else fails after it."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.conftest import REPO_ROOT


def _one_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


@pytest.fixture
def isolated(monkeypatch, tmp_path: Path, pipeline_run) -> Path:
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    monkeypatch.setenv("CTIP_RAW_DIR", str(REPO_ROOT / "raw"))
    monkeypatch.setenv("CTIP_CACHE_DIR", str(pipeline_run.settings.cache_dir))
    monkeypatch.setenv("CTIP_WAREHOUSE", str(tmp_path / "warehouse" / "ctip.duckdb"))
    monkeypatch.setenv("CTIP_REPORTS_DIR", str(tmp_path / "reports"))
    (tmp_path / "warehouse").mkdir()
    shutil.copyfile(pipeline_run.settings.warehouse_path, tmp_path / "warehouse" / "ctip.duckdb")
    return tmp_path


def test_a_corrupt_warehouse_is_named_with_the_command_that_rebuilds_it(isolated: Path, monkeypatch, capsys):
    warehouse = isolated / "warehouse" / "ctip.duckdb"
    with open(warehouse, "r+b") as handle:
        handle.truncate(warehouse.stat().st_size // 3)
    # and the run record cannot be written either (a file where the reports folder should be): the real cause
    # still comes first, and the record's own failure is one more line, not a traceback in its place
    blocked = isolated / "not-a-folder"
    blocked.write_text("")
    monkeypatch.setenv("CTIP_REPORTS_DIR", str(blocked / "reports"))
    assert main(["run"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    (stopped,) = [n for n, line in enumerate(lines) if line.startswith("ctip run: stopped at")]
    assert lines[stopped].startswith("ctip run: stopped at warehouse_core_tables: WarehouseCorrupt: warehouse "
                                     f"{warehouse} cannot be read (")
    assert lines[stopped].endswith("rebuild it with `ctip run --rebuild-warehouse`")
    assert "the run record could not be written either" in lines[stopped + 1]
    assert main(["lineage", "ucr_town_female_arrests"]) == 2
    assert "cannot be read" in _one_line(capsys.readouterr().err)
    monkeypatch.setenv("CTIP_REPORTS_DIR", str(isolated / "reports"))
    assert main(["run", "--rebuild-warehouse"]) == 0
    assert f"removed {warehouse}" in capsys.readouterr().out
    assert main(["lineage", "ucr_town_female_arrests", "--town", "Hartford", "--year", "2013"]) == 0


def test_lineage_while_another_process_writes_the_warehouse_is_one_line(isolated: Path, capsys):
    warehouse = isolated / "warehouse" / "ctip.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, sys; c = duckdb.connect({str(warehouse)!r}); print('held', "
                               "flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert main(["lineage", "ucr_town_female_arrests"]) == 2
        line = _one_line(capsys.readouterr().err)
        assert line.startswith(f"ctip lineage: warehouse {warehouse} is in use by another process")
    finally:
        holder.communicate("", timeout=30)


@pytest.mark.parametrize("case", ["input itself", "a folder", "missing folder"])
def test_extract_refuses_an_output_it_must_not_write(tmp_path: Path, capsys, case):
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF-1.4 not read at all\n")
    output = {"input itself": tmp_path / "." / "report.pdf", "a folder": tmp_path,
              "missing folder": tmp_path / "nowhere" / "out.csv"}[case]
    assert main(["extract", str(report), "-o", str(output)]) == 2
    line = _one_line(capsys.readouterr().err)
    assert line.startswith(f"ctip extract: -o {output}: ")
    assert report.read_bytes() == b"%PDF-1.4 not read at all\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def _manifest_with(tmp: Path, edit) -> Path:
    """A copy of raw/ whose manifest text went through `edit` (a str -> str function)."""
    raw = tmp / "raw"
    shutil.copytree(REPO_ROOT / "raw", raw, ignore=shutil.ignore_patterns("cache"))
    manifest = raw / "sources.yaml"
    manifest.write_text(edit(manifest.read_text()))
    return raw


BOMB = ('x0: &a0 "lol"\n' + "".join(f"x{i}: &a{i} [{', '.join(['*a' + str(i - 1)] * 9)}]\n" for i in range(1, 9)))


def _with_alias_bomb(text: str) -> str:
    """9^8 copies of "lol" once expanded (a 'billion laughs'), one of them the title of source #1."""
    bomb = "  " + BOMB.replace("\n", "\n  ").rstrip() + "\n"
    return text.replace("sources:\n", f"bombs:\n{bomb}sources:\n", 1).replace(
        "title:", "title: *a8\n    old_title:", 1)

MANIFEST_DEFECTS = {
    "alias bomb in title": (_with_alias_bomb, "alias"),
    "period as a string": (lambda text: text.replace("period: [2012, 2012]", 'period: "2012"', 1), "period"),
    "id ending in a newline": (lambda text: text.replace("- id: ucr_arrests_2012", '- id: "ucr_arrests_2012\\n"', 1),
                               "id"),
    "tracked path through a symlink out of raw/": (
        lambda text: text.replace("path: \"published/pcsw_tipc_2005_2014.csv\"", "path: \"published/escape.csv\"", 1),
        "symlink"),
}


@pytest.mark.parametrize("defect", sorted(MANIFEST_DEFECTS))
def test_each_manifest_defect_is_one_line_and_exit_2_with_nothing_written(tmp_path: Path, monkeypatch, capsys,
                                                                           defect):
    edit, field = MANIFEST_DEFECTS[defect]
    raw = _manifest_with(tmp_path, edit)
    outside = tmp_path / "outside.csv"
    outside.write_text("secret\n")
    (raw / "published" / "escape.csv").symlink_to(outside)
    assert edit((REPO_ROOT / "raw" / "sources.yaml").read_text()) != (REPO_ROOT / "raw" / "sources.yaml").read_text()
    for name, value in {"CTIP_RAW_DIR": raw, "CTIP_CACHE_DIR": tmp_path / "cache",
                        "CTIP_WAREHOUSE": tmp_path / "w" / "ctip.duckdb", "CTIP_REPORTS_DIR": tmp_path / "r"}.items():
        monkeypatch.setenv(name, str(value))
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    before = sorted(p.name for p in tmp_path.iterdir())
    for command in (["run"], ["sources"]):
        assert main(command) == 2
        line = _one_line(capsys.readouterr().err)
        assert line.startswith(f"ctip {command[0]}: {raw / 'sources.yaml'}") and field in line, line
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no cache, warehouse or reports folder


@pytest.mark.parametrize(("extra", "field"), [
    (["--period", "2016", "2015"], "period"),
    (["--id", "bad\nid"], "id"),
    (["--id", "ucr_arrests_2012"], "already listed"),
    (["--url", "file:///etc/passwd"], "url"),
])
def test_add_source_validates_before_copying_anything(tmp_path: Path, monkeypatch, capsys, extra, field):
    raw = _manifest_with(tmp_path, lambda text: text)
    monkeypatch.setenv("CTIP_RAW_DIR", str(raw))
    report = tmp_path / "tipc_2015.pdf"
    report.write_bytes(b"%PDF-1.4\n")
    before = {p: p.read_bytes() for p in raw.rglob("*") if p.is_file()}
    arguments = {"--id": "tipc_2015", "--period": ["2015", "2015"]}
    for flag, *values in [extra[:1] + extra[1:]]:
        arguments[flag] = values if flag == "--period" else values[0]
    argv = ["add-source", str(report)]
    for flag, value in arguments.items():
        argv += [flag, *value] if isinstance(value, list) else [flag, value]
    assert main(argv) == 2
    line = _one_line(capsys.readouterr().err.replace("\\n", " "))
    assert line.startswith("ctip add-source: ") and field in line
    assert {p: p.read_bytes() for p in raw.rglob("*") if p.is_file()} == before  # nothing copied, manifest as it was
