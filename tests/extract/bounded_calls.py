"""Calls for the bounded child to make in tests: importable by name, as a fresh interpreter (the fork server a
threaded caller uses) must import them; pytest's name for a test module is not importable there."""

import os
import time

from pipeline.extract.tidy import ExtractionError


def sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "woke"


def spin() -> None:
    while True:
        pass


def allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * 2**20))


def refuse(name: str) -> None:
    raise ExtractionError(f"{name}, page 3: a refusal made in the child")


def environment(name: str) -> str | None:
    return os.environ.get(name)
