"""A Dagster logger that prints one line per asset step, for people running `ctip run` in a terminal."""

import logging
import shutil
import sys
import textwrap
import time

from dagster import InitLoggerContext, logger

_SHOWN = {"STEP_START", "STEP_SUCCESS", "STEP_FAILURE", "ASSET_MATERIALIZATION", "STEP_SKIPPED",
          "ASSET_CHECK_EVALUATION"}


class _StepLines(logging.Handler):
    def __init__(self, total: int, stream, name_width: int = 34) -> None:
        super().__init__()
        self.total, self.stream, self.done, self.name_width = total, stream, 0, name_width
        self.rows: dict[str, dict[tuple, int]] = {}  # step -> (asset, partition) -> rows
        self.failures: list[tuple[str, str]] = []
        self.started = time.monotonic()

    def emit(self, record: logging.LogRecord) -> None:
        meta = getattr(record, "dagster_meta", None) or {}
        event = meta.get("dagster_event")
        if event is None or event.event_type_value not in _SHOWN:
            return
        step, kind, data = event.step_key, event.event_type_value, event.event_specific_data
        if kind == "ASSET_MATERIALIZATION":
            materialization = data.materialization
            row_count = materialization.metadata.get("dagster/row_count") or materialization.metadata.get("row_count")
            if row_count is not None:  # a partitioned step materializes once per partition: keep every one
                key = (materialization.asset_key.to_user_string(), materialization.partition)
                self.rows.setdefault(step, {})[key] = row_count.value
            return
        if kind == "STEP_START":
            return
        if kind == "ASSET_CHECK_EVALUATION":
            evaluation = data
            if not evaluation.passed or evaluation.severity.value == "WARN" and "warning" in (
                    evaluation.description or ""):
                label = "FAILED" if not evaluation.passed else "warning"
                line = summarised(f"check {evaluation.check_name}: {label}: {evaluation.description}",
                                  more="all of it in the version's validation/index.html")
                print(line, file=self.stream or sys.stdout, flush=True)
                if not evaluation.passed:
                    self.failures.append((f"check {evaluation.check_name}", evaluation.description or ""))
            return
        self.done += 1
        if kind == "STEP_SUCCESS":
            rows = _rows(self.rows.get(step, {}))
            status = f"ok   {data.duration_ms / 1000:6.2f} s{rows}"
        else:
            message = root_cause(data.error) if kind == "STEP_FAILURE" else "skipped"
            status = f"FAILED: {message}"
            if kind == "STEP_FAILURE":
                self.failures.append((step, message))
        width = len(str(self.total))
        print(f"[{self.done:>{width}}/{self.total}] {step:<{self.name_width}} {status}", file=self.stream or sys.stdout,
              flush=True)


def _rows(counts: dict[tuple, int]) -> str:
    """The step's total rows: over every partition it materialized, not the last one to finish."""
    if not counts:
        return ""
    partitions = {partition for _, partition in counts if partition is not None}
    total = f"  {sum(counts.values()):,} rows"
    return total + (f" in {len(partitions)} partitions" if len(partitions) > 1 else "")


def summarised(text: str, limit: int = 320, more: str = "", indent: str = "      ") -> str:
    """A long message as a few wrapped lines: cut at `limit` characters (at a '; ' where one is near), saying how
    much was left out and where to read it, so a 1,300-character warning reads as four lines, not one."""
    text = " ".join(text.split())
    if len(text) > limit:
        cut = text.find("; ", limit // 2)  # whole items of a list where one ends near the limit
        cut = cut if 0 < cut <= limit * 1.6 else text.rfind(" ", 0, limit)
        text = f"{text[:cut].rstrip(' ;,')} … ({len(text) - cut:,} more characters{'; ' + more if more else ''})"
    width = max(60, min(shutil.get_terminal_size((110, 24)).columns, 120))
    return textwrap.fill(text, width=width, initial_indent=indent, subsequent_indent=indent + "  ",
                         break_on_hyphens=False, break_long_words=False)


def root_cause(error) -> str:
    """Dagster wraps the real exception; the researcher needs the innermost message, not the wrapper."""
    while getattr(error, "cause", None) is not None:
        error = error.cause
    text = error.message.strip()
    qualified, _, rest = text.partition(": ")
    if error.cls_name and qualified.split(".")[-1] == error.cls_name:
        text = rest  # the message repeats the exception's dotted class name
    return f"{error.cls_name}: {text}" if error.cls_name else text


def progress_logger(total_steps: int, stream=None, name_width: int = 34):
    """Build the logger definition; the handler is returned too so the caller can read the failures."""
    handler = _StepLines(total_steps, stream, name_width)

    @logger(description="one line per finished asset step")
    def _progress(_: InitLoggerContext) -> logging.Logger:
        log = logging.Logger("ctip_progress", level=logging.DEBUG)
        log.addHandler(handler)
        return log

    return _progress, handler
