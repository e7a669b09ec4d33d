"""The embedded demo election: provisioned for real, counted headless, and verified."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.demo import DEMO_PASSWORDS, DEMO_STATION_BY_LANGUAGE, demo_passes
from app.signing.control_number import is_well_formed
from tests.reference import chamber_2024


@pytest.mark.parametrize("language", ["fr"])
def test_headless_demo_counts_verifies_and_prints_the_result_table(
    language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", language, "demo", "--headless"]) == 0
    out = capsys.readouterr().out
    station = DEMO_STATION_BY_LANGUAGE[language]
    assert DEMO_PASSWORDS[station] in out  # the demo login is shown
    assert "Liste Orange" in out and "chiffre électoral" in out
    assert f"{station}: en ordre" in out
    number = out.strip().splitlines()[-1].removeprefix("control number: ")
    assert is_well_formed(number)


def test_demo_passes_hold_one_skip_and_one_mistake_that_the_decisions_settle() -> None:
    pass1, pass2, decided = demo_passes(chamber_2024(), piles=3, size=20)
    assert len(pass1.splitlines()) == 61 and len(pass2.splitlines()) == 60
    assert len(decided.splitlines()) == 41  # piles 1 and 2, as in pass 1


def test_demo_without_a_screen_counts_headless(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main(["--lang", "nl", "demo"]) == 0
    out = capsys.readouterr().out
    assert "geen scherm" in out and "DEMO-1: in orde" in out


# --- training: the real flow on the demo election, every screen and output marked ---


def kiosk_calls(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """Record what the kiosk would be started with, instead of starting it."""
    import app.ui.main

    calls: list[dict[str, object]] = []

    def run_station(stick: Path, language: str, **kwargs: object) -> int:
        assert (stick / "master.json").is_file()  # the demo master, provisioned for real
        calls.append({"stick": stick, "language": language, **kwargs})
        return 0

    monkeypatch.setattr(app.ui.main, "run_station", run_station)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    return calls


@pytest.mark.parametrize("command", [["station", "--training"], ["demo", "--training"]])
def test_training_runs_the_kiosk_on_the_demo_election_marked_as_training(
    command: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = kiosk_calls(monkeypatch)
    assert main(["--lang", "de", *command]) == 0
    (call,) = calls
    assert call["training"] is True and call["language"] == "de"
    assert call["demo_login"] == ("DEMO-3", DEMO_PASSWORDS["DEMO-3"])  # the trainees' bureau, shown on screen


def test_the_demo_without_training_is_not_marked(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = kiosk_calls(monkeypatch)
    assert main(["--lang", "nl", "demo"]) == 0
    assert calls[0]["training"] is False


def test_training_never_runs_on_a_real_stick(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as refused:
        main(["station", "--training", "--stick", str(tmp_path)])
    assert refused.value.code == 2 and "--training" in capsys.readouterr().err


def test_the_headless_training_demo_is_refused_by_verify_as_training_and_nothing_else(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--lang", "nl", "demo", "--headless", "--training"]) == 0
    out = capsys.readouterr().out
    assert "DEMO-1" in out and "oefen" in out.lower()  # verify's report says it is a training result
