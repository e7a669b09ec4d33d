"""One small hierarchy of typed errors.

Every error carries a message key (looked up in the translation catalogues), its parameters, and who can fix it:
the bureau itself or only the helpdesk. Only the edges (CLI, screens) turn an error into text, colour and exit code.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping


class Fixer(enum.Enum):
    """Who can put the problem right (requirement U5)."""

    BUREAU = "bureau"
    HELPDESK = "helpdesk"


class TabulaError(Exception):
    """Base of every error Tabula raises on purpose."""

    fixer: Fixer = Fixer.BUREAU
    exit_code: int = 2

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params: Mapping[str, object] = dict(params)

    def __str__(self) -> str:
        details = ", ".join(f"{k}={v}" for k, v in sorted(self.params.items()))
        return f"{self.key}({details})" if details else self.key


class BadInput(TabulaError):
    """Input the user can correct: a file, a mark, a password."""


class CountStateError(TabulaError):
    """An action not allowed in the current state of the count."""


class OpenDifferences(TabulaError):
    """The count cannot be finished: differences between the passes are not settled yet."""

    exit_code = 3


class UntrustedData(TabulaError):
    """Data that failed a signature, integrity or authenticity check: only the helpdesk can help."""

    fixer = Fixer.HELPDESK
    exit_code = 1


class StorageError(TabulaError):
    """The stick or the local storage failed (full, read-only, removed)."""
