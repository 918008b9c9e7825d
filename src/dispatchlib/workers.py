"""The worker processes of a batch: started so that they die with it, and stopped at once.

A batch's process pool (:func:`worker_pool`) has workers that leave Ctrl-C to the batch and end
when it ends, however it ends (even ``kill -9``); on Ctrl-C or SIGTERM the batch ends them itself
(:func:`stop_workers`), so that no input starts after the signal.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
    from types import FrameType

__all__ = ["signals_held", "stop_workers", "worker_pool"]


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Ctrl-C or SIGTERM waits for the block to end, then acts as it would have: a file the batch
    puts in place is also counted among those written. Only the main thread receives signals;
    elsewhere the block runs as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[tuple[int, FrameType | None]] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        caught.append((signum, frame))

    previous = {signum: signal.signal(signum, hold) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if caught:
            number, frame = caught[0]
            handler = previous[signal.Signals(number)]
            if callable(handler):
                handler(number, frame)  # Ctrl-C's KeyboardInterrupt, the command line's Terminated
            elif handler == signal.SIG_DFL:
                signal.raise_signal(number)


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """A process pool whose workers die with this process, however it ends (even ``kill -9``),
    and leave Ctrl-C to it: the batch stops them and reports what was done."""
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers, initializer=_worker_start, initargs=(os.getpid(),))


def _worker_start(parent: int) -> None:
    """In each worker: ignore SIGINT, take SIGTERM's default, and end when ``parent`` ends. On Linux the kernel sends
    SIGKILL when the process that started the worker dies (``PR_SET_PDEATHSIG``); elsewhere, and
    in case that happened before it was set, a thread looks every second."""
    import sys
    import time

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform == "linux":
        import ctypes

        with contextlib.suppress(AttributeError, OSError):  # if it fails, the thread below still ends the worker
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    started_by = os.getppid()

    def gone() -> bool:
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            return True
        except OSError:
            pass
        return os.getppid() != started_by

    def watch() -> None:
        while not gone():
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="dispatchlib-parent-watch", daemon=True).start()


def stop_workers(futures: Iterable[Future[Any]]) -> None:
    """After an interruption (Ctrl-C, SIGTERM) of a batch on a process pool: end the workers at
    once (an input they were converting is not finished, and no new one starts), and wait until
    the pool has marked every chunk as lost. (Cancelling the chunks first would make Python
    3.11's pool raise in its own thread when it finds them cancelled.)"""
    import multiprocessing
    from concurrent.futures import wait

    workers = multiprocessing.active_children()  # the pool's workers are this process's children
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.join(timeout=5)
    wait(list(futures), timeout=10)
