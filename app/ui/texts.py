"""The screens' current language (U1): one object every screen asks for its texts, and that tells it to re-read them."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.errors import TabulaError
from app.i18n import LANGUAGES, describe_error, translate


class Texts(QObject):
    """Translates catalogue keys into the language chosen on screen; emits `changed` when it is switched."""

    changed = Signal(str)

    def __init__(self, language: str = "nl") -> None:
        super().__init__()
        self._language = language if language in LANGUAGES else "nl"

    @property
    def language(self) -> str:
        return self._language

    def set_language(self, language: str) -> None:
        if language in LANGUAGES and language != self._language:
            self._language = language
            self.changed.emit(language)

    def __call__(self, key: str, /, **params: object) -> str:
        return translate(key, self._language, **params)

    def error(self, error: TabulaError) -> str:
        """A typed error as the next step plus who can fix it (U5)."""
        return describe_error(error, self._language)
