"""``python -m dispatchlib``: the same as the ``dispatchlib`` command."""

from .cli import main

main()
