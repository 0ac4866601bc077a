"""Acquisition over HTTP against a real server on 127.0.0.1 (never the internet): good file, wrong hash, 404,
a server that stalls, and one that fails once then answers."""

import hashlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from pipeline.sources.acquire import AcquisitionError, acquire
from pipeline.sources.manifest import Source

BODY = b"Town,2015\nHartford,12\n" * 100


class Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        if self.path == "/good.csv" or (self.path == "/flaky.csv" and Handler.hits[self.path] > 1):
            self.send_response(200)
            self.send_header("Content-Length", str(len(BODY)))
            self.end_headers()
            self.wfile.write(BODY)
        elif self.path == "/flaky.csv":
            self.send_error(503, "try later")
        elif self.path == "/stall.csv":
            self.send_response(200)
            self.send_header("Content-Length", str(len(BODY)))
            self.end_headers()
            self.wfile.write(BODY[:10])
            self.wfile.flush()
            time.sleep(3)
        else:
            self.send_error(404, "no such file")


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _source(url: str, sha256: str = hashlib.sha256(BODY).hexdigest()) -> Source:
    return Source(id="local", kind="download", dataset="test", title="t", publisher="p", filename="file.csv",
                  sha256=sha256, size=len(BODY), license="MIT", period=(2015, 2015), format="csv",
                  synthetic=True, url=url)


def _get(source: Source, tmp_path: Path) -> Path:
    return acquire(source, raw_dir=tmp_path, cache_dir=tmp_path / "cache", timeout=1, attempts=2, backoff=0.05)


def test_a_good_file_is_downloaded_verified_and_cached(server, tmp_path: Path):
    path = _get(_source(f"{server}/good.csv"), tmp_path)
    assert path.read_bytes() == BODY and [p.name for p in path.parent.iterdir()] == ["file.csv"]


def test_a_wrong_hash_is_refused_and_nothing_is_cached(server, tmp_path: Path):
    with pytest.raises(AcquisitionError, match=r"source local: sha256 mismatch for http://127\.0\.0\.1:\d+/good.csv"):
        _get(_source(f"{server}/good.csv", sha256="0" * 64), tmp_path)
    assert list((tmp_path / "cache" / "local").iterdir()) == []


def test_a_404_is_not_retried(server, tmp_path: Path):
    with pytest.raises(AcquisitionError, match="HTTP 404"):
        _get(_source(f"{server}/missing.csv"), tmp_path)
    assert Handler.hits["/missing.csv"] == 1


def test_a_stalled_server_times_out_after_its_retries(server, tmp_path: Path):
    started = time.monotonic()
    with pytest.raises(AcquisitionError, match="after 2 attempt"):
        _get(_source(f"{server}/stall.csv"), tmp_path)
    assert time.monotonic() - started < 10 and Handler.hits["/stall.csv"] == 2
    assert list((tmp_path / "cache" / "local").iterdir()) == []


def test_a_transient_error_is_retried(server, tmp_path: Path):
    assert _get(_source(f"{server}/flaky.csv"), tmp_path).read_bytes() == BODY
    assert Handler.hits["/flaky.csv"] == 2
