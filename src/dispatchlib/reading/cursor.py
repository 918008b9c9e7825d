"""What every part of the reader shares: the text's lines with a place in them, and the findings."""

from __future__ import annotations

import itertools

import attrs

from ..diagnostics import Diagnostic, diagnostic


class Findings:
    """The diagnostics of one parse, each with its code's severity."""

    def __init__(self, source: str | None) -> None:
        self.source = source
        self.items: list[Diagnostic] = []

    def add(self, code: str, message: str, line: int | None = None, column: int | None = None) -> None:
        self.items.append(diagnostic(code, message, source=self.source, line=line, column=column))


@attrs.define
class Cursor:
    """The text's lines, each line's number in the file, and the line the reader stands on."""

    lines: list[str]
    numbers: list[int]  # each line's number in the file (split lines share their line's number)
    index: int = 0

    def skip_blank(self) -> int:
        while self.index < len(self.lines) and not self.lines[self.index]:
            self.index += 1
        return self.index

    def ahead(self, count: int) -> list[int]:
        """The indices of the next ``count`` lines with text, from the cursor on (it does not move)."""
        lines = (index for index in range(self.index, len(self.lines)) if self.lines[index])
        return list(itertools.islice(lines, count))

    def peek(self) -> str:
        return self.lines[self.skip_blank()] if self.skip_blank() < len(self.lines) else ""

    def line_number(self, index: int | None = None) -> int:
        index = self.index if index is None else index
        if index < len(self.numbers):
            return self.numbers[index]
        return (self.numbers[-1] if self.numbers else 0) + 1
