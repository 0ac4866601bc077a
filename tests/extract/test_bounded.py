"""Untrusted files are read in a child process within limits: hostile PDFs written byte by byte end in one line
naming the file, exit 2, nothing written, in bounded memory and time; the limits themselves hold."""

import os
import resource
import subprocess
import time
from pathlib import Path

import pytest

from pipeline.extract.bounded import LimitExceeded, Limits, run_bounded
from pipeline.extract.tidy import ExtractionError
from tests.cli.test_tables_command import CTIP
from tests.conftest import REPO_ROOT, project_env
from tests.extract.bounded_calls import allocate, environment, refuse, sleep, spin
from tests.extract.hostile_pdfs import HOSTILE, write_all

# what each file must be refused for (the message names the file and the cause)
EXPECTED = {"form_drawing_itself.pdf": "could not be read within ctip's limits|needs more than",
            "flate_inside_flate.pdf": "could not be read within ctip's limits|needs more than",
            "page_tree_listing_itself.pdf": "corrupt PDF \\(its page tree",
            "no_pages.pdf": "corrupt PDF: PDFium cannot open it"}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("hostile")


@pytest.mark.parametrize("command", ["tables", "extract"])
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_pdf_is_refused_in_one_line_within_the_limits(hostile: Path, name: str, command: str):
    import re

    pdf = hostile / name
    if not pdf.exists():
        write_all(hostile)
    output = hostile / f"{name}.{command}.csv"
    arguments = [CTIP, command, str(pdf)] + (["-o", str(output)] if command == "extract" else ["--csv",
                                                                                                 str(output)])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    done = subprocess.run(arguments, capture_output=True, text=True, env=project_env(), cwd=REPO_ROOT, timeout=300)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert done.returncode == 2, done.stderr
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert lines[0].startswith(f"ctip {command}: {name}") and re.search(EXPECTED[name], lines[0]), lines[0]
    assert not output.exists()
    assert after.ru_maxrss <= 2 * 2**20 + 64 * 2**10  # KB: the largest child's peak, 2 GB and a margin
    assert after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime < 65  # CPU: the wall may stretch
    assert time.monotonic() - started < 300


def test_the_result_and_refusals_come_back_as_they_were():
    assert run_bounded(sleep, 0.0, name="x.pdf") == "woke"
    with pytest.raises(ExtractionError) as refused:
        run_bounded(refuse, "x.pdf", name="x.pdf")
    assert str(refused.value) == "x.pdf, page 3: a refusal made in the child"  # (its child's traceback: a note)


def test_each_limit_stops_the_child_and_is_named():
    with pytest.raises(LimitExceeded, match=r"x\.pdf: the PDF takes more than 1 s to read"):
        run_bounded(sleep, 30, name="x.pdf", what="PDF", limits=Limits(wall_seconds=1))
    with pytest.raises(LimitExceeded, match=r"x\.csv: the CSV needs more than 1 s of CPU"):
        run_bounded(spin, name="x.csv", what="CSV", limits=Limits(cpu_seconds=1, wall_seconds=60))
    with pytest.raises(LimitExceeded, match=r"x\.xlsx: the XLSX needs more than 1,024 MB of memory"):
        run_bounded(allocate, 3000, name="x.xlsx", what="XLSX", limits=Limits(memory_mb=1024))
    with pytest.raises(LimitExceeded, match=r"reading the PDF makes [\d,]+ bytes of tables, more than the 1 MB"):
        run_bounded(bytes, 3 * 2**20, name="x.pdf", what="PDF", limits=Limits(output_mb=1))
    assert run_bounded(allocate, 100, name="x.xlsx", limits=Limits(memory_mb=1024)) == 100 * 2**20


def test_limits_are_set_from_the_environment_and_a_bad_value_is_one_line(monkeypatch):
    monkeypatch.setenv("CTIP_PARSE_MEMORY_MB", "512")
    monkeypatch.setenv("CTIP_PARSE_WALL_SECONDS", "2.5")
    assert Limits.from_env() == Limits(memory_mb=512, wall_seconds=2.5)
    monkeypatch.setenv("CTIP_PARSE_CPU_SECONDS", "5000000000")
    with pytest.raises(LimitExceeded, match="CTIP_PARSE_CPU_SECONDS='5000000000': out of range"):
        Limits.from_env()


def test_a_threaded_caller_gets_the_same_answers_from_the_fork_server():
    import threading

    stop = threading.Event()
    waiting = threading.Thread(target=stop.wait, daemon=True)
    waiting.start()
    try:
        assert threading.active_count() > 1
        assert run_bounded(os.getpid, name="x.pdf") != os.getpid()
        with pytest.raises(LimitExceeded, match="needs more than 1,024 MB of memory"):
            run_bounded(allocate, 3000, name="x.pdf", limits=Limits(memory_mb=1024))
        with pytest.raises(ExtractionError, match=r"^x\.pdf, page 3: a refusal made in the child"):
            run_bounded(refuse, "x.pdf", name="x.pdf")
        with pytest.raises(LimitExceeded, match=r"x\.pdf: the PDF takes more than 1 s to read"):
            run_bounded(sleep, 30, name="x.pdf", what="PDF", limits=Limits(wall_seconds=1))
        assert run_bounded(sleep, 0.0, name="x.pdf") == "woke"  # (the server still answers after a kill)
        os.environ["CTIP_BOUNDED_PROBE"] = "first"  # the caller's environment as it is at each call
        assert run_bounded(environment, "CTIP_BOUNDED_PROBE", name="x.pdf") == "first"
        os.environ["CTIP_BOUNDED_PROBE"] = "second"
        assert run_bounded(environment, "CTIP_BOUNDED_PROBE", name="x.pdf") == "second"
    finally:
        os.environ.pop("CTIP_BOUNDED_PROBE", None)
        stop.set()
