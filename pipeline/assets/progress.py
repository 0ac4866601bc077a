"""A Dagster logger that prints one line per asset step, for people running `ctip run` in a terminal."""

import logging
import sys
import time

from dagster import InitLoggerContext, logger

_SHOWN = {"STEP_START", "STEP_SUCCESS", "STEP_FAILURE", "ASSET_MATERIALIZATION", "STEP_SKIPPED",
          "ASSET_CHECK_EVALUATION"}


class _StepLines(logging.Handler):
    def __init__(self, total: int, stream) -> None:
        super().__init__()
        self.total, self.stream, self.done, self.rows = total, stream, 0, {}
        self.failures: list[tuple[str, str]] = []
        self.started = time.monotonic()

    def emit(self, record: logging.LogRecord) -> None:
        meta = getattr(record, "dagster_meta", None) or {}
        event = meta.get("dagster_event")
        if event is None or event.event_type_value not in _SHOWN:
            return
        step, kind, data = event.step_key, event.event_type_value, event.event_specific_data
        if kind == "ASSET_MATERIALIZATION":
            row_count = data.materialization.metadata.get("row_count")
            if row_count is not None:
                self.rows[step] = row_count.value
            return
        if kind == "STEP_START":
            return
        if kind == "ASSET_CHECK_EVALUATION":
            evaluation = data
            if not evaluation.passed or evaluation.severity.value == "WARN" and "warning" in (
                    evaluation.description or ""):
                label = "FAILED" if not evaluation.passed else "warning"
                line = f"      check {evaluation.check_name}: {label}: {evaluation.description}"
                print(line, file=self.stream or sys.stdout, flush=True)
                if not evaluation.passed:
                    self.failures.append((f"check {evaluation.check_name}", evaluation.description or ""))
            return
        self.done += 1
        if kind == "STEP_SUCCESS":
            rows = f"  {self.rows[step]:,} rows" if step in self.rows else ""
            status = f"ok   {data.duration_ms / 1000:6.2f} s{rows}"
        else:
            message = root_cause(data.error) if kind == "STEP_FAILURE" else "skipped"
            status = f"FAILED: {message}"
            if kind == "STEP_FAILURE":
                self.failures.append((step, message))
        width = len(str(self.total))
        print(f"[{self.done:>{width}}/{self.total}] {step:<34} {status}", file=self.stream or sys.stdout, flush=True)


def root_cause(error) -> str:
    """Dagster wraps the real exception; the researcher needs the innermost message, not the wrapper."""
    while getattr(error, "cause", None) is not None:
        error = error.cause
    text = error.message.strip()
    qualified, _, rest = text.partition(": ")
    if error.cls_name and qualified.split(".")[-1] == error.cls_name:
        text = rest  # the message repeats the exception's dotted class name
    return f"{error.cls_name}: {text}" if error.cls_name else text


def progress_logger(total_steps: int, stream=None):
    """Build the logger definition; the handler is returned too so the caller can read the failures."""
    handler = _StepLines(total_steps, stream)

    @logger(description="one line per finished asset step")
    def _progress(_: InitLoggerContext) -> logging.Logger:
        log = logging.Logger("ctip_progress", level=logging.DEBUG)
        log.addHandler(handler)
        return log

    return _progress, handler
