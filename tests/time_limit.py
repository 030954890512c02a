"""A hard time limit for tests of input that once made the app hang: the test fails
with a TimeoutError instead of stopping the run."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


@contextmanager
def within(seconds: int) -> Iterator[None]:
    """Raise TimeoutError in the block if it runs longer than `seconds` (whole seconds).

    SIGALRM interrupts a blocking system call (opening a FIFO, reading it), so
    even a wait in C ends in the test's own thread.
    """
    if not hasattr(signal, "SIGALRM"):
        pytest.skip("no SIGALRM on this platform")

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
