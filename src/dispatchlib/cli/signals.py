"""SIGTERM stops a command as cleanly as Ctrl-C, and each says how it stopped."""

from __future__ import annotations

import signal
from types import FrameType


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is so that it stops as cleanly as on Ctrl-C."""


def terminate(_signal: int, _frame: FrameType | None) -> None:
    raise Terminated


def stop_reason(stop: KeyboardInterrupt) -> str:
    return "terminated" if isinstance(stop, Terminated) else "interrupted"


def stop_code(stop: KeyboardInterrupt) -> int:
    return 128 + (signal.SIGTERM if isinstance(stop, Terminated) else signal.SIGINT)
