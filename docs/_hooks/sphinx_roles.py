"""A Griffe extension for the documentation build: the docstrings' Sphinx roles
(``:func:`read_file```, ``:class:`~dispatchlib.Dispatch```) become Markdown code, which is how
mkdocstrings' Markdown shows them; the code keeps the roles that Python's help and IDEs read."""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:func|class|meth|mod|data|attr|exc|obj):`~?([^`]+)`")


class SphinxRoles(griffe.Extension):
    def on_instance(self, *, obj: griffe.Object, **_: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = _ROLE.sub(lambda match: f"`{match[1].rsplit('.', 1)[-1]}`", obj.docstring.value)
