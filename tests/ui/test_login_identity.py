"""The login screen says which software runs on which system image (X2), and the development mode, never silently."""

from __future__ import annotations

import pytest

from app.platform import tpm
from app.platform.tpm import Measurement, Mode, PlatformRefused
from app.ui import login
from app.ui.main import MainWindow
from app.ui.texts import Texts
from tests.ui.conftest import FakeBackend

SYSTEM_HASH = "3f" * 32


def window(qtbot, tmp_path) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(FakeBackend(stick=tmp_path), Texts("nl"))
    qtbot.addWidget(win)
    return win


def test_without_a_tpm_the_login_shows_the_development_mode_as_a_warning(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("TABULA_TPM", raising=False)
    tpm.current_measurement.cache_clear()
    text = window(qtbot, tmp_path).login.identity.text()
    assert "ONTWIKKELMODUS" in text and "Software 0.1.0" in text and "niet geverifieerd" in text


def test_on_the_appliance_the_login_shows_version_and_system_hash_in_the_bureaus_language(  # type: ignore[no-untyped-def]
    qtbot, tmp_path, monkeypatch
) -> None:
    measured = Measurement("0.1.0", SYSTEM_HASH, {7: "00" * 32, 11: "11" * 32}, Mode.TPM)
    monkeypatch.setattr(login, "current_measurement", lambda: measured)
    win = window(qtbot, tmp_path)
    assert win.login.identity.text() == f"Software 0.1.0 · systeemcode {SYSTEM_HASH}"
    win.login.t.set_language("fr")
    win.login.retranslate()
    assert win.login.identity.text() == f"Logiciel 0.1.0 · empreinte du système {SYSTEM_HASH}"


def test_a_refused_platform_is_shown_as_a_helpdesk_error(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def refused() -> Measurement:
        raise PlatformRefused("platform.pcr_mismatch", pcrs="11")

    monkeypatch.setattr(login, "current_measurement", refused)
    text = window(qtbot, tmp_path).login.identity.text()
    assert "PCR 11" in text and "helpdesk" in text


@pytest.mark.parametrize("shows", [1, 2])
def test_the_service_manager_hears_ready_once_the_login_screen_is_shown(  # type: ignore[no-untyped-def]
    qtbot, tmp_path, monkeypatch, shows: int
) -> None:
    sent: list[str] = []
    monkeypatch.setattr(login.systemd, "notify", sent.append)
    win = window(qtbot, tmp_path)
    for _ in range(shows):
        win.show()
        qtbot.waitUntil(win.login.isVisible)
        win.hide()
    assert sent == ["READY=1"]
