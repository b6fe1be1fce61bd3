"""Run several callables at the same moment, each in its own thread, for the tests of races."""

import threading
from collections.abc import Callable


def run_at_once(*targets: Callable[[], object], timeout: float = 60) -> None:
    """Start every target in its own thread, then wait up to ``timeout`` seconds for each to end.

    Each target opens its own database connection and should close it when done.
    """
    threads = [threading.Thread(target=target) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
