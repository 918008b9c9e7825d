"""Coverage-guided fuzzing of the e-mail reader (``.eml``, ``.mbox``, ``.mhtml``) with atheris.

    pip install atheris
    python fuzz/fuzz_mail.py -runs=1000000 -seed=1 -max_len=16384 fuzz/mail-seeds

The seed folder starts from the e-mail and MHTML fixtures; copy them in first::

    mkdir -p fuzz/mail-seeds && cp tests/pages/*.eml tests/pages/*.mbox tests/pages/*.mhtml fuzz/mail-seeds

The first byte chooses the reader (a message, a mailbox or an MHTML page); the rest is the
input, as raw bytes, as a file would give them. The properties: a lenient read of any bytes
raises nothing but a built-in reader's one-line errors (:class:`~dispatchlib.InputError`, a
:class:`~dispatchlib.ParseError` such as "no dispatch"), never a plugin failure or anything
else; and what it reads exports as text.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import dispatchlib
    import dispatchlib.formats.mail
    import dispatchlib.reading.mail  # loaded on first use: load it here, instrumented
    import dispatchlib.reading.pages

_READERS = ("eml", "mbox", "mhtml")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    reader = _READERS[data[0] % len(_READERS)]
    try:
        document, _ = dispatchlib.read_bytes(data[1:], source=f"fuzz.{reader}", format=reader)
    except (dispatchlib.InputError, dispatchlib.ParseError):
        return
    dispatchlib.export(document, "txt")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
