"""Untrusted files are parsed in a child process with limits on memory, CPU time, wall time and the size of what
it hands back, as careful file-parsing services do: a decompression bomb or a page that draws itself forever
(PDFium aborts the whole process when it runs out of memory) costs a bounded amount and ends in one line naming
the file and the limit, never the machine's memory or a hung run. One mechanism for every reader: PDFs, CSVs,
XLSX workbooks and specs, for `ctip tables`, `ctip extract` and the pipeline's extraction assets."""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

MB = 2**20


class LimitExceeded(ValueError):
    """A file whose parsing needed more than a limit allows: refused, nothing written."""


class ChildFailed(RuntimeError):
    """The child raised an error that is no refusal (a bug): its traceback, for the report of it."""


@dataclass(frozen=True)
class Limits:
    """What reading one file may take. Settable through the environment (CTIP_PARSE_MEMORY_MB,
    CTIP_PARSE_CPU_SECONDS, CTIP_PARSE_WALL_SECONDS, CTIP_PARSE_OUTPUT_MB); far above any real report's needs
    (the 188-page benchmark report reads in under 100 MB and 10 s)."""

    memory_mb: int = 2048  # the reading process's address space in all
    cpu_seconds: int = 60  # (a hostile file refused within a minute; the 188-page benchmark report takes ~6 s)
    wall_seconds: float = 180.0
    output_mb: int = 512  # the pickled result handed back

    @classmethod
    def from_env(cls) -> Limits:
        def number(name: str, default: float, kind=int):
            text = os.environ.get(name, "").strip()
            if not text:
                return default
            try:
                value = kind(text)
            except ValueError:
                raise LimitExceeded(f"{name}={text[:40]!r}: not a number") from None
            if not 0 < value <= 10**7:
                raise LimitExceeded(f"{name}={text[:40]!r}: out of range (1 to 10,000,000)")
            return value

        return cls(number("CTIP_PARSE_MEMORY_MB", cls.memory_mb), number("CTIP_PARSE_CPU_SECONDS", cls.cpu_seconds),
                   number("CTIP_PARSE_WALL_SECONDS", cls.wall_seconds, float),
                   number("CTIP_PARSE_OUTPUT_MB", cls.output_mb))

    def described(self) -> str:
        return (f"{self.memory_mb:,} MB of memory, {self.cpu_seconds:,} s of CPU, {self.wall_seconds:,.0f} s in all, "
                f"{self.output_mb:,} MB of result")


_KINDS = {".pdf": "PDF", ".csv": "CSV", ".xlsx": "XLSX workbook", ".xlsm": "XLSX workbook", ".yaml": "spec"}


def kind_of(name: str) -> str:
    """What a file is called in a refusal, by its suffix."""
    return _KINDS.get(os.path.splitext(name)[1].lower(), "file")


def run_bounded(function: Callable[..., Any], *args: Any, name: str, what: str = "file",
                limits: Limits | None = None) -> Any:
    """function(*args) in a child process within `limits`; its result, or its exception raised here. `name`
    (the file's name) and `what` ('PDF', 'CSV', ...) word the refusal. A process with other threads spawns a
    fork server of ours (`_served`); a single-threaded one forks itself (no start-up cost)."""
    limits = limits or Limits.from_env()
    if threading.active_count() > 1:
        return _served(function, args, name, what, limits)
    return _forked(function, args, name, what, limits)


def _forked(function, args, name: str, what: str, limits: Limits) -> Any:
    read_end, write_end = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: limits, the call, the result down the pipe, and out without the parent's exit hooks
        os.close(read_end)
        try:
            _limit(limits)
            _reply(write_end, _call(function, args), limits)
        finally:
            os._exit(0)
    os.close(write_end)
    return _collect(pid, read_end, name, what, limits)


_SERVER: list[subprocess.Popen] = []  # the fork server of this process, once started
_SERVER_LOCK = threading.Lock()


def _served(function, args, name: str, what: str, limits: Limits) -> Any:
    """For a threaded caller (forking a threaded process is unsafe): a fork server of our own, one
    single-threaded interpreter started once per process, forks the bounded child as a single-threaded caller
    does and hands back what it returned or raised. Its imports are paid once, not once per file."""
    request = pickle.dumps((function, args, name, what, limits, os.getcwd(), dict(os.environ)),
                           protocol=pickle.HIGHEST_PROTOCOL)  # (the caller's folder and environment as of now)
    with _SERVER_LOCK:
        reply = None
        for _ in range(2):  # (a server that died is started again once)
            server = _server()
            try:
                _send(server.stdin, request)
                reply = _receive(server.stdout.fileno(), limits.wall_seconds + 60)
                if reply is not None:
                    break
            except OSError:  # (a timeout too)
                reply = None
            if reply is None:
                _SERVER.clear()
                server.kill()
                server.wait()
        if reply is None:
            raise LimitExceeded(f"{name}: the {what} could not be read: ctip's bounded reader did not answer")
    return _unpacked(pickle.loads(reply), name, noted=True)


def _server() -> subprocess.Popen:
    if not _SERVER or _SERVER[0].poll() is not None:
        _SERVER[:] = [subprocess.Popen([sys.executable, "-m", "pipeline.extract.bounded"], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)]
    return _SERVER[0]


def _send(stream, data: bytes) -> None:
    """One message: its length, then its bytes (what `_receive` reads)."""
    stream.write(len(data).to_bytes(8, "little") + data)
    stream.flush()


def _receive(fd: int, seconds: float, cap: int | None = None) -> bytes | None:
    """One message sent by `_send`, within `seconds` (TimeoutError past them); None if the writer stopped
    before it was whole, or announced more than `cap` bytes."""
    deadline = time.monotonic() + seconds
    data = bytearray()
    expected: int | None = None
    while expected is None or len(data) < expected + 8:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
            raise TimeoutError(f"no answer in {seconds:,.0f} s")
        block = os.read(fd, 1 << 20)
        if not block:
            return None
        data += block
        if expected is None and len(data) >= 8:
            expected = int.from_bytes(data[:8], "little")
            if cap is not None and expected > cap:
                return None
    return bytes(data[8:])


def _limit(limits: Limits) -> None:
    import resource

    memory = max(limits.memory_mb * MB, _address_space() + 256 * MB)  # (what a fork holds already, and room)
    for limit, value in ((resource.RLIMIT_AS, memory), (resource.RLIMIT_CPU, limits.cpu_seconds),
                         (resource.RLIMIT_CORE, 0)):
        hard = resource.getrlimit(limit)[1]
        resource.setrlimit(limit, (value if hard == resource.RLIM_INFINITY else min(value, hard), hard))


def _address_space() -> int:
    """The address space this process holds already (a fork inherits the parent's): the limit comes on top."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def _call(function, args) -> tuple:
    try:
        return ("ok", function(*args))
    except MemoryError:
        return ("memory", None)
    except Exception as exc:  # handed to the parent: a refusal is raised there as it was here
        return ("raised", exc, traceback.format_exc())


def _payload(outcome: tuple, limits: Limits) -> bytes:
    try:
        payload = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        payload = pickle.dumps(("memory", None))
    except Exception:  # an exception that does not pickle: its type, message and traceback as text
        payload = pickle.dumps(("text", type(outcome[1]).__name__, str(outcome[1])[:2000], outcome[-1]))
    if len(payload) > limits.output_mb * MB:
        payload = pickle.dumps(("output", len(payload)))
    return payload


def _reply(fd: int, outcome: tuple, limits: Limits) -> None:
    with os.fdopen(fd, "wb") as handle:
        _send(handle, _payload(outcome, limits))


def _collect(pid: int, fd: int, name: str, what: str, limits: Limits) -> Any:
    """Read the child's reply within the wall time; kill it past that; say which limit stopped it."""
    payload, timed_out = None, False
    try:
        payload = _receive(fd, limits.wall_seconds, limits.output_mb * MB + 4096)
    except TimeoutError:
        timed_out = True
    finally:
        os.close(fd)
        if timed_out:
            _kill(pid)
        _, status, usage = os.wait4(pid, 0)
    signalled = os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0
    return _answer(payload, name, what, limits, timed_out, signalled,
                   os.WEXITSTATUS(status) if os.WIFEXITED(status) else 0, usage.ru_maxrss // 1024)


def _answer(payload: bytes | None, name: str, what: str, limits: Limits, timed_out: bool, signalled: int,
            exit_code: int, peak_mb: int | None) -> Any:
    """The child's result, or its refusal raised here, or which limit stopped it."""
    stopped = f"{name}: the {what} could not be read within ctip's limits for one file"
    if timed_out:
        raise LimitExceeded(f"{name}: the {what} takes more than {limits.wall_seconds:,.0f} s to read (a "
                            "decompression bomb or a page that draws itself?); limits: " + limits.described())
    if signalled == signal.SIGXCPU:
        raise LimitExceeded(f"{name}: the {what} needs more than {limits.cpu_seconds:,} s of CPU to read "
                            "(a decompression bomb or a page that draws itself?)")
    if signalled:
        peak = f" after {peak_mb:,} MB" if peak_mb is not None else ""
        raise LimitExceeded(f"{stopped} ({limits.memory_mb:,} MB of memory; the reader stopped with "
                            f"{signal.Signals(signalled).name}{peak}): a decompression bomb, a self-referencing "
                            "page or a damaged file?")
    if payload is None:
        raise LimitExceeded(f"{stopped}: the reader ended without a result (exit {exit_code})")
    outcome = pickle.loads(payload)
    if outcome[0] == "memory":
        raise LimitExceeded(f"{name}: the {what} needs more than {limits.memory_mb:,} MB of memory to read (a "
                            "decompression bomb or a self-referencing page?)")
    if outcome[0] == "output":
        raise LimitExceeded(f"{name}: reading the {what} makes {outcome[1]:,} bytes of tables, more than the "
                            f"{limits.output_mb:,} MB ctip takes from one file")
    return _unpacked(outcome, name, noted=False)


def _unpacked(outcome: tuple, name: str, noted: bool) -> Any:
    """What the call returned, or what it raised raised here (its child's traceback as a note, unless `noted`)."""
    if outcome[0] == "ok":
        return outcome[1]
    if outcome[0] == "raised":
        error = outcome[1]
        if not noted:
            error.add_note(f"(raised in the child process that read {name}:)\n{outcome[2]}")
        raise error
    raise ChildFailed(f"{name}: {outcome[1]}: {outcome[2]}\n{outcome[3]}")


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def _serve() -> None:
    """The fork server: requests on stdin, each read by a bounded child forked from here (single-threaded), what
    it returned or raised on stdout; until stdin closes."""
    requests, replies = sys.stdin.buffer, os.fdopen(os.dup(1), "wb")
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # (a stray print cannot break the replies)
    while len(header := requests.read(8)) == 8:
        request = requests.read(int.from_bytes(header, "little"))
        try:
            function, args, name, what, limits, folder, environment = pickle.loads(request)
            os.chdir(folder)
            os.environ.clear()
            os.environ.update(environment)
            outcome: tuple = ("ok", _forked(function, args, name, what, limits))
        except Exception as exc:
            outcome = ("raised", exc, traceback.format_exc())
        _send(replies, _payload(outcome, Limits(output_mb=2**20)))  # (the child's answer was capped already)


if __name__ == "__main__":  # (run by its own name: what it raises must unpickle in the caller as ours)
    from pipeline.extract import bounded

    bounded._serve()
