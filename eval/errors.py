"""The evaluation's named errors: each message says what to fix."""

from __future__ import annotations


class EvalError(ValueError):
    """The evaluation cannot run as asked; the message says what to change."""


class DatasetError(EvalError):
    """The question set is malformed; the message names the file and line to fix."""


class UnknownSystemError(EvalError):
    """A system name in ``--systems`` is not one the harness knows how to build."""
