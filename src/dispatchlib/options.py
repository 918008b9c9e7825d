"""One options record for every exporter, as pandoc's writer options: a new option changes no
exporter's signature. Exporters read the fields they understand and ignore the rest."""

from __future__ import annotations

from attrs import field, frozen

__all__ = ["ExportOptions"]


def _wrap_width(_instance: object, _attribute: object, value: int | None) -> None:
    if value is not None and value < 20:
        raise ValueError(f"wrap_width: expected None or a width of at least 20, got {value!r}")


@frozen(kw_only=True)
class ExportOptions:
    """How to render a document.

    :param title: the title of a collection's output; empty means "made from the dispatches".
    :param wrap_width: plain text: wrap paragraphs at this width; None keeps one line each.
    """

    title: str = ""
    wrap_width: int | None = field(default=None, validator=_wrap_width)
