"""Benchmark (not a test): table readers on the ICDAR 2013 Table Competition, scored by its relation metric.

    uv run --locked python tests/benchmarks/bench_icdar.py [--tools ctip camelot-stream ...] [--docs us-035 ...]
        [--tasks region complete] [--dump DIR] [--timeout 300]

Data: the competition half in the shared mirror (`$CTIP_DATA_MIRROR/icdar2013`, default `../shared/data` beside the
repository); every file is checked against its `SHA256SUMS` first and named by its pinned URL in the output.

Two tasks, every tool with its DEFAULT settings (nothing tuned per file):
- region: structure given each true region; the tool reads only that box on that page. The tables a tool returns
  are matched to the regions by page and box overlap; several tables in one region are stacked top to bottom; the
  regions of one true table are joined as they lie (side by side on a page, else one below the other).
- complete: the tool reads every page with no area; all of its tables' relations are scored against all of the
  document's true relations (pooled per document).
A document with two readings (`a`, `b`) is scored against the one that gives it the higher F1. A tool that raises
(or runs past --timeout) on a document scores no relation there and the error is counted.

Results: `tests/benchmarks/results/icdar-<UTC time>.md` and `.csv` beside it (also printed); `--dump DIR` writes
every tool's tables and its missing/extra relations per document as JSON for inspection.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import json
import os
import platform
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from icdar_metric import (  # noqa: E402  (the scorer sits beside this file, not in the package)
    BBox,
    Cell,
    Document,
    Reading,
    Region,
    Score,
    TruthTable,
    as_cell,
    best_of,
    blocks_beside,
    cells_from_grid,
    compare,
    discover,
    mean_f1,
    overlap,
    place_blocks,
    tables_relations,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
RESULTS_DIR = Path(__file__).resolve().parent / "results"
SOURCE_REPO = "camelot-dev/camelot"
SOURCE_COMMIT = "2b80d0bc692d1b22203c3385e77da8201675aa50"
SOURCE_PATH = "tests/files/tabula/icdar2013-dataset/competition-dataset-{part}/{file}"
TASKS = ("region", "complete")
TOOLS = ("ctip", "camelot-stream", "camelot-lattice", "pdfplumber-lines", "pdfplumber-text")


def pinned_url(file: str) -> str:
    """Where a file of the competition half comes from (the mirror is a byte-for-byte copy of it)."""
    part = file.split("-", 1)[0]
    path = SOURCE_PATH.format(part=part, file=file)
    return f"https://raw.githubusercontent.com/{SOURCE_REPO}/{SOURCE_COMMIT}/{path}"


def data_folder() -> Path:
    """`icdar2013/` in the mirror: CTIP_DATA_MIRROR if set, else `../shared/data` beside the repository."""
    mirror = os.environ.get("CTIP_DATA_MIRROR")
    return (Path(mirror) if mirror else REPO_ROOT.parent / "shared" / "data") / "icdar2013"


def verify(folder: Path) -> dict[str, str]:
    """Every file listed in SHA256SUMS, hashed and compared; file -> sha256. Refuses to run on anything else."""
    sums = folder / "SHA256SUMS"
    if not sums.is_file():
        raise SystemExit(f"no {sums}: set CTIP_DATA_MIRROR to the folder holding icdar2013/")
    expected = {}
    for line in sums.read_text().splitlines():
        if line.strip():
            digest, name = line.split(maxsplit=1)
            expected[name.strip().lstrip("*")] = digest.lower()
    bad = []
    for name, digest in expected.items():
        path = folder / name
        actual = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"
        if actual != digest:
            bad.append(f"{name}: {actual} (want {digest})")
    if bad:
        raise SystemExit("files differ from SHA256SUMS:\n  " + "\n  ".join(bad))
    unlisted = sorted(p.name for p in folder.iterdir() if p.is_file() and p.name not in {*expected, "SHA256SUMS"})
    if unlisted:
        print(f"ignoring files not in SHA256SUMS: {', '.join(unlisted)}", file=sys.stderr)
    return expected


def private_copies(folder: Path, documents: Sequence[Document], sums: dict[str, str], target: Path) -> None:
    """Each PDF copied alone into `target` (hash checked again): a reader sees the PDF, never the answers beside it."""
    for document in documents:
        copy = target / document.pdf
        shutil.copyfile(folder / document.pdf, copy)
        if hashlib.sha256(copy.read_bytes()).hexdigest() != sums[document.pdf]:
            raise SystemExit(f"{document.pdf}: the copy in {target} differs from SHA256SUMS")


def page_count(pdf: Path) -> int:
    """Pages of a PDF (0 when PDFium cannot open it: the tools will fail on it and say why)."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(str(pdf))
    except pypdfium2.PdfiumError:
        return 0
    try:
        return len(document)
    finally:
        document.close()


# ---------------------------------------------------------------------------------------------------------------
# Tools: each reads regions (a list of true regions) or a whole document and returns its tables.


@dataclass
class PredictedTable:
    """A table as a tool returned it: page (1-based), box (PDF points, bottom-left origin) if known, cells, and the
    region it was read for when the tool says so (else matched by overlap)."""

    page: int
    bbox: BBox | None
    cells: list[Cell]
    region: int | None = None

    def as_json(self) -> dict:
        return {"page": self.page, "bbox": self.bbox, "region": self.region,
                "cells": [[c.row, c.col, c.row_span, c.col_span, c.text] for c in self.cells]}


class Tool:
    """A table reader with its default settings."""

    name = ""
    library = ""

    def regions(self, pdf: Path, regions: Sequence[Region]) -> list[PredictedTable]:
        raise NotImplementedError

    def document(self, pdf: Path) -> list[PredictedTable]:
        raise NotImplementedError

    def available(self) -> str | None:
        """None when the tool can run, else why not."""
        return None

    def startup_command(self) -> list[str]:
        """A fresh process that only loads the tool: its wall time is the tool's start-up."""
        return [sys.executable, "-c", f"import {self.library}"]

    def version(self) -> str:
        return ""


class Camelot(Tool):
    """camelot-py, flavor stream or lattice, defaults otherwise (lattice renders pages with PDFium, no Ghostscript)."""

    def __init__(self, flavor: str) -> None:
        self.flavor = flavor
        self.name = f"camelot-{flavor}"
        self.library = "camelot"
        import camelot

        self._camelot = camelot

    def version(self) -> str:
        return f"camelot-py {metadata.version('camelot-py')}"

    def _read(self, pdf: Path, pages: str, **kwargs) -> list[PredictedTable]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "No tables found ..." on every empty page
            found = self._camelot.read_pdf(str(pdf), pages=pages, flavor=self.flavor, **kwargs)
        return [PredictedTable(int(t.page), tuple(float(v) for v in t._bbox) if t._bbox else None,
                               cells_from_grid(t.df.values.tolist())) for t in found]

    def regions(self, pdf: Path, regions: Sequence[Region]) -> list[PredictedTable]:
        tables = []
        for page in sorted({r.page for r in regions}):
            # camelot's table_areas: "x_left,y_top,x_right,y_bottom" in PDF points, origin bottom left
            areas = [f"{r.bbox[0]:g},{r.bbox[3]:g},{r.bbox[2]:g},{r.bbox[1]:g}" for r in regions if r.page == page]
            tables.extend(self._read(pdf, str(page), table_areas=areas))
        return tables

    def document(self, pdf: Path) -> list[PredictedTable]:
        return self._read(pdf, "all")


class Pdfplumber(Tool):
    """pdfplumber's table finder: default settings (ruling lines), or the text strategy for both axes."""

    def __init__(self, strategy: str) -> None:
        self.name = f"pdfplumber-{strategy}"
        self.library = "pdfplumber"
        self.settings = {"vertical_strategy": "text", "horizontal_strategy": "text"} if strategy == "text" else {}
        import pdfplumber

        self._pdfplumber = pdfplumber

    def version(self) -> str:
        return f"pdfplumber {metadata.version('pdfplumber')}"

    def _tables(self, page, crop, region: int | None) -> list[PredictedTable]:
        height = page.height
        tables = []
        for table in crop.find_tables(self.settings):
            x0, top, x1, bottom = table.bbox
            tables.append(PredictedTable(page.page_number, (x0, height - bottom, x1, height - top),
                                         cells_from_grid(table.extract()), region))
        return tables

    def regions(self, pdf: Path, regions: Sequence[Region]) -> list[PredictedTable]:
        tables = []
        with self._pdfplumber.open(str(pdf)) as document:
            for index, region in enumerate(regions):
                page = document.pages[region.page - 1]
                x0, y0, x1, y1 = region.bbox
                px0, ptop, px1, pbottom = page.bbox
                # pdfplumber measures from the top; a truth box a point outside the page is clipped to it
                box = (max(x0, px0), max(page.height - y1, ptop), min(x1, px1), min(page.height - y0, pbottom))
                tables.extend(self._tables(page, page.crop(box), index))
        return tables

    def document(self, pdf: Path) -> list[PredictedTable]:
        with self._pdfplumber.open(str(pdf)) as document:
            return [table for page in document.pages for table in self._tables(page, page, None)]


class Ctip(Tool):
    """Our reader, `ctip tables FILE --json [--area PAGE:x0,y0,x1,y1]...`, run as a subprocess so that its start-up
    is part of its time (once per document: all of a document's regions in one call)."""

    name = "ctip"

    def __init__(self) -> None:
        beside = Path(sys.executable).parent / "ctip"
        self.executable = str(beside) if beside.exists() else (shutil.which("ctip") or "ctip")

    def startup_command(self) -> list[str]:
        return [self.executable, "tables", "--help"]

    def available(self) -> str | None:
        try:
            probe = subprocess.run([self.executable, "tables", "--help"], capture_output=True, text=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as error:
            return f"`ctip tables --help` failed: {error}"
        if probe.returncode != 0:
            last = (probe.stderr or probe.stdout).strip().splitlines()[-1:] or [""]
            return f"`ctip tables --help` exits {probe.returncode}: {last[0]}"
        return None

    def version(self) -> str:
        commit = subprocess.run(["git", "-C", str(REPO_ROOT), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO_ROOT), "status", "--porcelain", "--", "pipeline"],
                               capture_output=True, text=True).stdout.strip()
        return f"ctip @ {commit or '?'}{' + uncommitted changes in pipeline/' if dirty else ''}"

    def _run(self, pdf: Path, extra: list[str]) -> list[PredictedTable]:
        done = subprocess.run([self.executable, "tables", str(pdf), "--json", *extra], capture_output=True, text=True)
        if done.returncode != 0:
            last = (done.stderr or done.stdout).strip().splitlines()[-1:] or [""]
            raise RuntimeError(f"ctip tables exits {done.returncode}: {last[0][:300]}")
        tables = []
        for table in json.loads(done.stdout)["tables"]:
            bbox = table.get("bbox")
            tables.append(PredictedTable(int(table["page"]), tuple(float(v) for v in bbox) if bbox else None,
                                         [as_cell(cell) for cell in table.get("cells", [])]))
        return tables

    def regions(self, pdf: Path, regions: Sequence[Region]) -> list[PredictedTable]:
        areas = [arg for r in regions for arg in ("--area", f"{r.page}:" + ",".join(f"{v:g}" for v in r.bbox))]
        return self._run(pdf, areas)

    def document(self, pdf: Path) -> list[PredictedTable]:
        return self._run(pdf, [])


def startup_seconds(tool: Tool) -> float:
    """Best of three fresh starts (the library's import; ctip's whole start-up, which it pays once per document)."""
    times = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(tool.startup_command(), capture_output=True, check=False)
        times.append(time.perf_counter() - started)
    return min(times)


def make_tool(name: str) -> Tool:
    """A tool by name, its library imported."""
    if name == "ctip":
        return Ctip()
    kind, variant = name.split("-", 1)
    return Camelot(variant) if kind == "camelot" else Pdfplumber(variant)


# ---------------------------------------------------------------------------------------------------------------
# Running and scoring


class Overtime(BaseException):
    """A reader ran past --timeout. A BaseException, so that a library's own `except Exception` cannot swallow it."""


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise Overtime in this (main) thread after `seconds`: a reader that hangs costs one document, not the run."""
    if seconds <= 0:
        yield
        return

    def expire(signum, frame):
        raise Overtime(f"no answer in {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Timed:
    tables: list[PredictedTable]
    error: str | None
    wall: float
    cpu: float


def timed(call: Callable[[], list[PredictedTable]], timeout: float) -> Timed:
    """Run one reading; wall and CPU seconds (this process's threads and any child process it waited for)."""
    def cpu_now() -> float:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.process_time() + children.ru_utime + children.ru_stime

    wall0, cpu0 = time.perf_counter(), cpu_now()
    try:
        with deadline(timeout):
            tables, error = call(), None
    except (Exception, Overtime) as exc:  # a failing tool scores zero on this document, never ends the run
        tables, error = [], f"{type(exc).__name__}: {exc}".strip()[:500]
    return Timed(tables, error, time.perf_counter() - wall0, cpu_now() - cpu0)


def region_layout(reading: Reading) -> tuple[tuple[Region, ...], ...]:
    """The true regions of a reading, table by table (readings with the same layout need one run of a tool)."""
    return tuple(table.regions for table in reading.tables)


def match_region(table: PredictedTable, regions: Sequence[Region]) -> int | None:
    """The region on the table's page that its box overlaps most (None: it lies outside every region)."""
    if table.region is not None:
        return table.region
    if table.bbox is None:
        return None
    best, best_area = None, 0.0
    for index, region in enumerate(regions):
        if region.page == table.page and (area := overlap(region.bbox, table.bbox)) > best_area:
            best, best_area = index, area
    return best


def assemble(tables: Sequence[TruthTable], predicted: Sequence[PredictedTable]) -> list[list[Cell]]:
    """One predicted grid per true table (its regions' tables joined as the regions lie), then every table that
    overlaps no region (scored with the rest, so it costs precision unless its relations happen to be true)."""
    flat = [region for table in tables for region in table.regions]
    per_region: list[list[PredictedTable]] = [[] for _ in flat]
    strays = []
    for table in predicted:
        index = match_region(table, flat)
        (strays if index is None else per_region[index]).append(table)
    grids, k = [], 0
    for table in tables:
        blocks = []
        for _ in table.regions:
            found = sorted(per_region[k], key=lambda t: (-t.bbox[3], t.bbox[0]) if t.bbox else (0.0, 0.0))
            blocks.append(place_blocks([t.cells for t in found], [False] * len(found)))
            k += 1
        grids.append(place_blocks(blocks, blocks_beside(table.regions)))
    return grids + [t.cells for t in strays]


@dataclass
class DocResult:
    task: str
    tool: str
    document: Document
    reading: str
    score: Score
    scores: dict[str, Score]
    pages: int
    wall: float
    cpu: float
    errors: list[str] = field(default_factory=list)
    runs: list[dict] = field(default_factory=list)
    missing: Counter = field(default_factory=Counter)
    extra: Counter = field(default_factory=Counter)


def run_region(tool: Tool, pdfs: Path, document: Document, timeout: float) -> DocResult:
    """Structure given the true regions: one run per distinct region layout, each reading scored on its own run."""
    pdf = pdfs / document.pdf
    scores, predicted_by_reading, runs = {}, {}, []
    errors, pages, wall, cpu = [], 0, 0.0, 0.0
    layouts: dict[tuple, Timed] = {}
    for reading in document.readings:
        layout = region_layout(reading)
        if layout not in layouts:
            flat = [region for table in layout for region in table]
            layouts[layout] = result = timed(lambda flat=flat: tool.regions(pdf, flat), timeout)
            pages += len({region.page for region in flat})
            wall, cpu = wall + result.wall, cpu + result.cpu
            if result.error:
                errors.append(result.error)
            runs.append({"readings": [r.name for r in document.readings if region_layout(r) == layout],
                         "regions": [{"page": r.page, "bbox": r.bbox} for r in flat], "error": result.error,
                         "tables": [{**t.as_json(), "matched_region": match_region(t, flat)} for t in result.tables]})
        predicted = tables_relations(assemble(reading.tables, layouts[layout].tables))
        predicted_by_reading[reading.name] = predicted
        scores[reading.name] = compare(predicted, reading.relations())
    return finish("region", tool, document, scores, predicted_by_reading, pages, wall, cpu, errors, runs)


def run_complete(tool: Tool, pdfs: Path, document: Document, timeout: float) -> DocResult:
    """The complete process: every page, no area; every table's relations pooled against the document's."""
    pdf = pdfs / document.pdf
    result = timed(lambda: tool.document(pdf), timeout)
    predicted = tables_relations(t.cells for t in result.tables)
    scores = {reading.name: compare(predicted, reading.relations()) for reading in document.readings}
    runs = [{"readings": [r.name for r in document.readings], "error": result.error,
             "tables": [t.as_json() for t in result.tables]}]
    return finish("complete", tool, document, scores, dict.fromkeys(scores, predicted), page_count(pdf),
                  result.wall, result.cpu, [result.error] if result.error else [], runs)


def finish(task: str, tool: Tool, document: Document, scores: dict[str, Score],
           predicted_by_reading: dict[str, Counter], pages: int, wall: float, cpu: float, errors: list[str],
           runs: list[dict]) -> DocResult:
    """The document's score: its better reading; what the tool missed and added against that reading."""
    reading, score = best_of(scores)
    truth = next(r for r in document.readings if r.name == reading).relations()
    predicted = predicted_by_reading[reading]
    return DocResult(task, tool.name, document, reading, score, scores, pages, wall, cpu, errors, runs,
                     truth - predicted, predicted - truth)


@dataclass
class Summary:
    task: str
    tool: str
    score: Score
    mean_f1: float | None
    documents: int
    pages: int
    wall: float
    cpu: float
    errors: int
    startup_s: float

    def row(self) -> dict[str, object]:
        return {"task": self.task, "tool": self.tool, "precision": fmt(self.score.precision),
                "recall": fmt(self.score.recall), "f1_micro": fmt(self.score.f1 if self.documents else None),
                "f1_mean_doc": fmt(self.mean_f1), "correct": self.score.correct, "predicted": self.score.predicted,
                "truth": self.score.truth, "documents": self.documents, "pages": self.pages,
                "wall_s": f"{self.wall:.2f}", "cpu_s": f"{self.cpu:.2f}",
                "pages_per_s": f"{self.pages / self.wall:.1f}" if self.wall else "",
                "pages_per_cpu_s": f"{self.pages / self.cpu:.1f}" if self.cpu else "",
                "errors": self.errors, "startup_s": f"{self.startup_s:.2f}"}


def summarise(results: list[DocResult], task: str, tool: str, startup_s: float) -> Summary:
    mine = [r for r in results if r.task == task and r.tool == tool]
    total = sum((r.score for r in mine), Score())
    return Summary(task, tool, total, mean_f1(r.score for r in mine), len(mine), sum(r.pages for r in mine),
                   sum(r.wall for r in mine), sum(r.cpu for r in mine), sum(1 for r in mine if r.errors), startup_s)


def fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


# ---------------------------------------------------------------------------------------------------------------
# Output


def markdown(stamp: str, folder: Path, sums: dict[str, str], documents: list[Document], tools: list[str],
             tasks: list[str], summaries: list[Summary], results: list[DocResult], notes: list[str],
             versions: dict[str, str], elapsed: float) -> str:
    lines = [f"# ICDAR 2013 Table Competition: table readers ({stamp})", "",
             f"{len(documents)} documents ({sum(page_count(folder / d.pdf) for d in documents)} pages) of the "
             f"competition half in `{folder}` (every file checked against its SHA256SUMS; sources below). Metric: "
             "the competition's adjacency relations (tests/benchmarks/icdar_metric.py), each tool with its default "
             "settings. Machine: " + machine() + f". Whole run {elapsed:.1f} s.", ""]
    lines += [f"- {name}: {version}" for name, version in versions.items() if version]
    lines += [f"- {note}" for note in notes]
    lines += ["", "## Summary", "",
              "region = structure given each true region; complete = whole pages, no area. Precision, recall and "
              "F1 micro over all relations of all documents; mean F1 = mean of per-document F1. pages/s on wall "
              "time (region: pages holding a region, once per run). Errors = documents where the tool raised. "
              "Start-up = a fresh process loading the tool (best of 3): camelot and pdfplumber run in this process "
              "and pay it once, outside their wall time; ctip runs as one process per document and pays it in its "
              "wall time every time (its start-up here is `ctip tables --help`, which loads less than a reading "
              "does). True = true relations of the readings scored (a tool's better reading).", ""]
    header = ["task", "tool", "precision", "recall", "F1 micro", "mean doc F1", "correct", "predicted", "true",
              "pages", "wall s", "CPU s", "pages/s", "pages/CPU-s", "errors", "start-up s"]
    lines += [table_row(header), table_row(["---"] * len(header))]
    for s in summaries:
        row = s.row()
        lines.append(table_row([s.task, s.tool, row["precision"], row["recall"], row["f1_micro"], row["f1_mean_doc"],
                                s.score.correct, s.score.predicted, s.score.truth, s.pages, row["wall_s"],
                                row["cpu_s"], row["pages_per_s"], row["pages_per_cpu_s"], s.errors, row["startup_s"]]))
    by_key = {(r.task, r.tool, r.document.name): r for r in results}
    for task in tasks:
        lines += ["", f"## Per document: {task} (F1; the reading scored in brackets when there are two; "
                  "`err` = the tool raised)", ""]
        header = ["document", "true relations", *tools]
        lines += [table_row(header), table_row(["---"] * len(header))]
        for document in documents:
            truths = "/".join(str(sum(r.relations().values())) for r in document.readings)
            cells = []
            for tool in tools:
                result = by_key.get((task, tool, document.name))
                if result is None:
                    cells.append("")
                    continue
                text = f"{result.score.f1:.3f}"
                if len(document.readings) > 1:
                    text += f" ({result.reading[-1]})"
                cells.append(text + (" err" if result.errors else ""))
            lines.append(table_row([document.name, truths, *cells]))
    failures = [r for r in results if r.errors]
    if failures:
        lines += ["", "## Errors", ""]
        lines += [f"- {r.task} / {r.tool} / {r.document.name}: {'; '.join(r.errors)}" for r in failures]
    lines += ["", "## Sources", "", "| file | pinned URL | sha256 |", "|---|---|---|"]
    used = sorted({name for d in documents for name in document_files(d)})
    lines += [f"| {name} | {pinned_url(name)} | {sums[name]} |" for name in used]
    return "\n".join(lines) + "\n"


def table_row(values: Sequence[object]) -> str:
    return "| " + " | ".join(str(v).replace("|", "\\|") for v in values) + " |"


def document_files(document: Document) -> list[str]:
    return [document.pdf, *(f"{r.name}-{kind}.xml" for r in document.readings for kind in ("reg", "str"))]


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def write_csv(path: Path, summaries: list[Summary], results: list[DocResult], sums: dict[str, str]) -> None:
    """One row per tool and task (level=summary), then one per tool, task and document (level=document)."""
    fields = ["level", "task", "tool", "document", "reading", "pdf_url", "pdf_sha256", "precision", "recall",
              "f1_micro", "f1_mean_doc", "correct", "predicted", "truth", "documents", "pages", "wall_s", "cpu_s",
              "pages_per_s", "pages_per_cpu_s", "errors", "startup_s", "error", "machine"]
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        for s in summaries:
            writer.writerow({"level": "summary", **s.row(), "machine": machine()})
        for r in results:
            writer.writerow({
                "level": "document", "task": r.task, "tool": r.tool, "document": r.document.name,
                "reading": r.reading, "pdf_url": pinned_url(r.document.pdf), "pdf_sha256": sums[r.document.pdf],
                "precision": fmt(r.score.precision), "recall": fmt(r.score.recall), "f1_micro": fmt(r.score.f1),
                "correct": r.score.correct, "predicted": r.score.predicted, "truth": r.score.truth, "documents": 1,
                "pages": r.pages, "wall_s": f"{r.wall:.3f}", "cpu_s": f"{r.cpu:.3f}", "errors": len(r.errors),
                "error": "; ".join(r.errors), "machine": machine()})


def dump(folder: Path, result: DocResult, sums: dict[str, str]) -> None:
    """The tool's tables and what it missed and added, for one document and task, as JSON."""
    target = folder / result.task / result.tool
    target.mkdir(parents=True, exist_ok=True)

    def listed(counter: Counter) -> list:
        return [[a, b, direction, n] for (a, b, direction), n in sorted(counter.items())]

    payload = {
        "task": result.task, "tool": result.tool, "document": result.document.name,
        "pdf": {"file": result.document.pdf, "url": pinned_url(result.document.pdf),
                "sha256": sums[result.document.pdf]},
        "reading_scored": result.reading,
        "scores": {name: {"correct": s.correct, "predicted": s.predicted, "truth": s.truth, "precision": s.precision,
                          "recall": s.recall, "f1": s.f1} for name, s in result.scores.items()},
        "pages": result.pages, "wall_s": result.wall, "cpu_s": result.cpu, "errors": result.errors,
        "runs": result.runs, "missing_relations": listed(result.missing), "extra_relations": listed(result.extra),
    }
    (target / f"{result.document.name}.json").write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n")


def run_one(task: str, tool: Tool, pdfs: Path, document: Document, args: argparse.Namespace,
            sums: dict[str, str]) -> DocResult:
    """One tool on one document for one task; progress on stderr, the JSON dump if asked for."""
    run = run_region if task == "region" else run_complete
    result = run(tool, pdfs, document, args.timeout)
    if args.dump:
        dump(args.dump, result, sums)
    print(f"{task:8} {tool.name:16} {document.name}  F1 {result.score.f1:.3f}  {result.wall:6.2f} s"
          + (f"  ERROR {result.errors[0][:120]}" if result.errors else ""), file=sys.stderr, flush=True)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tools", nargs="+", choices=TOOLS, default=list(TOOLS))
    parser.add_argument("--docs", nargs="+", metavar="NAME", help="documents, e.g. us-035 eu-001 (default: all)")
    parser.add_argument("--tasks", nargs="+", choices=TASKS, default=list(TASKS))
    parser.add_argument("--dump", type=Path, metavar="DIR", help="write every prediction as JSON below DIR")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per tool, task and document (0: none)")
    parser.add_argument("--results", type=Path, default=RESULTS_DIR, help="folder for the .md and .csv")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    load_at_start = os.getloadavg()[0]
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H%M%SZ")
    folder = data_folder()
    sums = verify(folder)
    documents = discover(folder)
    if args.docs:
        wanted = {re.sub(r"^((?:eu|us)-\d{3})[ab]?(?:\.pdf)?$", r"\1", name) for name in args.docs}
        unknown = wanted - {d.name for d in documents}
        if unknown:
            raise SystemExit(f"no such documents: {', '.join(sorted(unknown))}")
        documents = [d for d in documents if d.name in wanted]
    for document in documents:
        unlisted = [name for name in document_files(document) if name not in sums]
        if unlisted:
            raise SystemExit(f"{document.name}: not in SHA256SUMS: {', '.join(unlisted)}")

    notes, versions, tools, startups = [], {}, [], {}
    for name in args.tools:
        tool = make_tool(name)
        why_not = tool.available()
        if why_not:
            notes.append(f"{name}: not run, {why_not}")
            print(f"{name}: not run, {why_not}", file=sys.stderr)
            continue
        versions[name] = tool.version()
        startups[name] = startup_seconds(tool)
        tools.append(tool)

    results: list[DocResult] = []
    pdfs = Path(tempfile.mkdtemp(prefix="icdar-pdfs-"))
    try:
        private_copies(folder, documents, sums, pdfs)
        for task in args.tasks:
            for tool in tools:
                for document in documents:
                    results.append(run_one(task, tool, pdfs, document, args, sums))
    finally:
        shutil.rmtree(pdfs)

    names = [tool.name for tool in tools]
    summaries = [summarise(results, task, name, startups[name]) for task in args.tasks for name in names]
    elapsed = time.perf_counter() - started
    notes.append(f"load average (1 min) {load_at_start:.2f} at the start, {os.getloadavg()[0]:.2f} at the end: wall "
                 "times share the machine with whatever else runs; CPU times do not")
    text = markdown(stamp, folder, sums, documents, names, args.tasks, summaries, results, notes, versions, elapsed)
    args.results.mkdir(parents=True, exist_ok=True)
    md_path = args.results / f"icdar-{stamp}.md"
    md_path.write_text(text)
    write_csv(md_path.with_suffix(".csv"), summaries, results, sums)
    print(text)
    print(f"written: {md_path} and {md_path.with_suffix('.csv').name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
