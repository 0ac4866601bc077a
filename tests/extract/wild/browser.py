"""One headless Chromium kept open per thread, driven over its DevTools pipe, to print many HTML pages to PDF.

Launching Chromium for every report (`--print-to-pdf`) costs about a second each; a browser kept open prints a page
in a fraction of that, with the same layout (same word boxes, same drawing objects, checked when this was built).
The protocol: `--remote-debugging-pipe` reads JSON commands on fd 3 and writes replies and events on fd 4, each
message ended by a NUL byte.
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import json
import os
import select
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path


class BrowserError(RuntimeError):
    """The browser could not start, stopped, answered with an error, or did not answer in time."""


class Browser:
    def __init__(self, binary: str, flags: tuple[str, ...]) -> None:
        self._home = tempfile.mkdtemp(prefix="ctip-wild-browser-")
        commands_in, commands_out = os.pipe()
        replies_in, replies_out = os.pipe()

        def onto_3_and_4() -> None:  # in the child: the ends it reads and writes at the numbers Chromium expects
            read_end, write_end = os.dup(commands_in), os.dup(replies_out)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)

        flags = tuple(flag for flag in flags if "pdf" not in flag)  # a print-to-pdf flag makes headless Chromium
        # print its first tab and close it; here each print says what it wants (no header or footer)
        self._process = subprocess.Popen(  # noqa: PLW1509 (the fds must be moved before exec; no threads there)
            [binary, *flags, "--remote-debugging-pipe", f"--user-data-dir={self._home}/profile", "about:blank"],
            close_fds=False, preexec_fn=onto_3_and_4, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, env={**os.environ, "HOME": self._home})
        os.close(commands_in)
        os.close(replies_out)
        self._commands, self._replies = commands_out, replies_in
        self._pending = b""
        self._last_id = 0
        self._events: list[dict] = []

    def _message(self, deadline: float) -> dict:
        while b"\0" not in self._pending:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._replies], [], [], left)[0]:
                raise BrowserError("Chromium did not answer in time")
            chunk = os.read(self._replies, 1 << 16)
            if not chunk:
                raise BrowserError(f"Chromium stopped (exit {self._process.poll()})")
            self._pending += chunk
        message, self._pending = self._pending.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, timeout: float, session: str | None = None, **params) -> dict:
        self._last_id += 1
        command = {"id": self._last_id, "method": method, "params": params}
        if session:
            command["sessionId"] = session
        try:
            os.write(self._commands, json.dumps(command).encode() + b"\0")
        except OSError as exc:
            raise BrowserError(f"Chromium stopped ({exc})") from None
        deadline = time.monotonic() + timeout
        while True:
            message = self._message(deadline)
            if message.get("id") == self._last_id:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error']}")
                return message["result"]
            if "method" in message:  # an event that came before this reply (a small page loads that fast)
                self._events.append(message)

    def _event(self, name: str, session: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            message = self._events.pop(0) if self._events else self._message(deadline)
            if message.get("method") == name and message.get("sessionId") == session:
                return

    def print_to_pdf(self, page: Path, out: Path, timeout: float) -> None:
        """Open the page in a new tab, wait for its load event (its inline scripts have run), print it as
        `--print-to-pdf` does (the page's own @page size, no header or footer), close the tab."""
        self._events.clear()
        target = self.call("Target.createTarget", timeout, url="about:blank")["targetId"]
        try:
            session = self.call("Target.attachToTarget", timeout, targetId=target, flatten=True)["sessionId"]
            self.call("Page.enable", timeout, session)
            self.call("Page.navigate", timeout, session, url=page.as_uri())
            self._event("Page.loadEventFired", session, timeout)
            printed = self.call("Page.printToPDF", timeout, session, printBackground=True, preferCSSPageSize=True,
                                displayHeaderFooter=False, generateDocumentOutline=False)
        finally:
            self.call("Target.closeTarget", timeout, targetId=target)
        out.write_bytes(base64.b64decode(printed["data"]))

    def close(self) -> None:
        with contextlib.suppress(BrowserError):
            self.call("Browser.close", 10)
        try:
            self._process.wait(10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for fd in (self._commands, self._replies):
            os.close(fd)
        shutil.rmtree(self._home, ignore_errors=True)


_OPEN = threading.local()
_ALL: list[Browser] = []
_LOCK = threading.Lock()


def print_to_pdf(binary: str, flags: tuple[str, ...], page: Path, out: Path, timeout: float) -> None:
    """Print with this thread's browser, started on first use; a browser that failed is closed and the page
    printed once more by a new one."""
    for attempt in (1, 2):
        browser = getattr(_OPEN, "browser", None)
        if browser is None:
            browser = _OPEN.browser = Browser(binary, flags)
            with _LOCK:
                _ALL.append(browser)
        try:
            browser.print_to_pdf(page, out, timeout)
            return
        except BrowserError:
            _OPEN.browser = None
            with _LOCK:
                _ALL.remove(browser)
            browser.close()
            if attempt == 2:
                raise


@atexit.register
def _close_all() -> None:
    with _LOCK:
        for browser in _ALL:
            browser.close()
        _ALL.clear()
