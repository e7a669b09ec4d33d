"""`tabula provision ...` through its argument parser: exit codes, messages, files (contract)."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from app import station_login
from app.errors import BadInput
from app.signing import bundle, pki
from provisioning import commands, sticks
from tests.conftest import NOW
from tests.provisioning.helpers import CANDIDATE_HEADER, STATION_HEADER, special_rows, write_csv

PASS = "correct horse battery staple"
STATIONS = [
    ("V-001", "Telbureau 1", "VL", "Antwerpen", "nl"),
    ("V-002", "Bureau 2", "VL", "Antwerpen", "fr"),
    ("V-003", "Zählbüro 3", "VL", "Antwerpen", "de"),
]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A CA, input files and a master built through the CLI with the real KDF (3 bureaus, one worker)."""
    tmp = tmp_path_factory.mktemp("cli")
    (tmp / "pass.txt").write_text(PASS + "\n")
    assert (
        commands.main(["provision", "init-ca", "--out", str(tmp / "ca"), "--passphrase-file", str(tmp / "pass.txt")])
        == 0
    )
    write_csv(tmp / "stations.csv", STATION_HEADER, STATIONS)
    write_csv(tmp / "candidates.csv", CANDIDATE_HEADER, special_rows())
    argv = [*_build_args(tmp), "--letters", str(tmp / "letters.pdf"), "--workers", "1"]
    assert commands.main(argv) == 0
    return tmp


def _build_args(tmp: Path, out: str = "master") -> list[str]:
    return [
        "provision", "build-master", "--ca", str(tmp / "ca"), "--stations", str(tmp / "stations.csv"),
        "--candidates", str(tmp / "candidates.csv"), "--out", str(tmp / out),
        "--passwords-out", str(tmp / f"{out}.csv"),
        "--passphrase-file", str(tmp / "pass.txt"),
    ]  # fmt: skip


def test_build_master_writes_master_passwords_and_letters(workdir: Path) -> None:
    rows = (workdir / "master.csv").read_text().splitlines()
    assert rows[0] == "station,password" and len(rows) == 4
    station, password = rows[1].split(",")
    root = pki.load_certificate((workdir / "ca" / "root.pem").read_bytes())
    loaded = station_login.load_station(workdir / "master", root, station, password, dt.datetime.now(dt.UTC))
    assert loaded.station.id == "V-001"
    header = (workdir / "master" / "bundles" / "b00001.bin").read_bytes().split(b"\n", 1)[0]
    assert b'"memory_kib":65536' in header  # the command line always uses the real KDF parameters
    assert (workdir / "letters.pdf").read_bytes().startswith(b"%PDF")


def test_passwords_letters_and_ca_keys_only_their_owner_can_read(workdir: Path) -> None:
    for secret in ("master.csv", "letters.pdf", "ca/root.key.sealed", "ca/issuing.key.sealed"):
        assert stat.S_IMODE((workdir / secret).stat().st_mode) == 0o600, secret
    assert [p.name for p in workdir.iterdir() if p.name.endswith(".tmp")] == []


def test_letters_have_one_page_per_bureau_in_its_language(workdir: Path) -> None:
    assert shutil.which("pdftotext"), "install poppler-utils (scripts/setup.sh)"
    text = subprocess.run(
        ["pdftotext", str(workdir / "letters.pdf"), "-"], capture_output=True, check=True, text=True
    ).stdout
    pages = text.split("\f")
    passwords = dict(line.split(",") for line in (workdir / "master.csv").read_text().splitlines()[1:])
    assert "Wachtwoord" in pages[0] and "Mot de passe" in pages[1] and "Passwort" in pages[2]
    assert "Zählbüro 3" in pages[2] and "Parlement flamand" in pages[1]
    for page, (station, password) in zip(pages, passwords.items(), strict=False):
        assert station in page and password.replace("-", " ") in page


def test_copy_master_copies_and_verifies_each_stick(
    workdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sticks_ = [tmp_path / "s1", tmp_path / "s2"]
    for s in sticks_:
        s.mkdir()
    assert commands.main(["provision", "copy-master", str(workdir / "master"), *map(str, sticks_)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and all(str(s) in line for s, line in zip(sticks_, out, strict=True))
    for s in sticks_:
        assert sorted(p.relative_to(s).as_posix() for p in s.rglob("*")) == sorted(
            p.relative_to(workdir / "master").as_posix() for p in (workdir / "master").rglob("*")
        )


def test_copy_to_a_missing_stick_is_bad_input(
    workdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "s1").mkdir()
    code = commands.main(
        ["provision", "copy-master", str(workdir / "master"), str(tmp_path / "s1"), str(tmp_path / "nope")]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "nope" in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "s1" / "master.json").exists()  # checked before anything is copied


def test_short_copy_names_the_stick_and_exits_1(
    workdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    good, bad = tmp_path / "good", tmp_path / "bad"
    good.mkdir()
    bad.mkdir()
    real_write = sticks._write

    def short_write(source: Path, target: Path) -> None:
        real_write(source, target)
        if bad in target.parents and target.suffix == ".bin":
            target.write_bytes(target.read_bytes()[:-1])  # the stick silently lost a byte

    monkeypatch.setattr(sticks, "_write", short_write)
    assert commands.main(["provision", "copy-master", str(workdir / "master"), str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    assert str(good) in captured.out
    assert str(bad) in captured.err and "helpdesk" not in captured.out


def test_failed_write_names_the_stick(workdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(source: Path, target: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sticks, "_write", full)
    (tmp_path / "s").mkdir()
    [outcome] = sticks.copy_master(workdir / "master", [tmp_path / "s"])
    assert outcome.error is not None and outcome.error.key == "copy.write_failed"
    assert outcome.error.params["stick"] == str(tmp_path / "s")


def test_copy_of_a_damaged_or_absent_master_is_refused(workdir: Path, tmp_path: Path) -> None:
    damaged = Path(shutil.copytree(workdir / "master", tmp_path / "m"))
    (damaged / "bundles" / "b00002.bin").write_bytes(b"x")
    (tmp_path / "s").mkdir()
    assert commands.main(["provision", "copy-master", str(damaged), str(tmp_path / "s")]) == 1
    with pytest.raises(BadInput):
        sticks.copy_master(tmp_path / "s", [tmp_path / "s"])


def test_bad_csv_is_one_line_on_stderr_and_exit_2(
    workdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tmp = Path(shutil.copytree(workdir, tmp_path / "w", ignore=shutil.ignore_patterns("master*", "letters.pdf")))
    write_csv(tmp / "stations.csv", STATION_HEADER, [*STATIONS, ("bad id", "x", "VL", "Antwerpen", "nl")])
    assert commands.main(_build_args(tmp)) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "stations.csv" in err and "5" in err and "station" in err
    assert not (tmp / "master").exists()


def test_wrong_ca_passphrase_exits_2(workdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(commands.PASSPHRASE_ENV, "not the passphrase")
    args = [a for a in _build_args(workdir, out="x") if a not in ("--passphrase-file", str(workdir / "pass.txt"))]
    assert commands.main(args) == 2


def test_passphrase_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(commands.PASSPHRASE_ENV, raising=False)
    typed = iter(["from the prompt 1", "from the prompt 1"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt: next(typed))
    assert commands.read_passphrase(None, confirm=True) == b"from the prompt 1"
    monkeypatch.setattr(getpass, "getpass", lambda prompt: "")
    with pytest.raises(BadInput):
        commands.read_passphrase(None)
    answers = iter(["one passphrase", "another one"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt: next(answers))
    with pytest.raises(BadInput):
        commands.read_passphrase(None, confirm=True)
    monkeypatch.setenv(commands.PASSPHRASE_ENV, "from the environment")
    assert commands.read_passphrase(None) == b"from the environment"
    with pytest.raises(BadInput):
        commands.read_passphrase(tmp_path / "missing")


def test_init_ca_refuses_to_overwrite(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        commands.main(
            ["provision", "init-ca", "--out", str(workdir / "ca"), "--passphrase-file", str(workdir / "pass.txt")]
        )
        == 2
    )
    assert "ca" in capsys.readouterr().err


def test_unwritable_passwords_file_is_bad_input(workdir: Path, tmp_path: Path) -> None:
    with pytest.raises(BadInput) as caught:
        commands._write(tmp_path / "no" / "such" / "dir.csv", b"x", secret=True)
    assert caught.value.key == "provision.cannot_write"
    with pytest.raises(BadInput):
        commands._write(tmp_path / "no" / "dir.csv", b"x")


def test_build_handler_accepts_cheap_kdf_for_tests_only(workdir: Path, tmp_path: Path) -> None:
    tmp = Path(shutil.copytree(workdir, tmp_path / "w", ignore=shutil.ignore_patterns("master*", "letters.pdf")))
    parser = argparse.ArgumentParser()
    commands.add_provision_parser(parser.add_subparsers())
    args = parser.parse_args([*_build_args(tmp), "--letters", str(tmp_path / "no" / "l.pdf")])
    with pytest.raises(BadInput) as caught:
        commands.cmd_build_master(args, kdf=bundle.CHEAP_KDF)
    assert caught.value.key == "provision.cannot_write"


def test_language_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(commands.LANGUAGE_ENV, "fr")
    assert commands._language() == "fr"
    monkeypatch.setenv(commands.LANGUAGE_ENV, "xx")
    assert commands._language() == "nl"


def test_help_and_usage_errors_exit_like_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        commands.main(["provision", "build-master", "--help"])
    assert caught.value.code == 0
    with pytest.raises(SystemExit) as caught:
        commands.main(["provision", "build-master", "--workers", "0"])
    assert caught.value.code == 2


def test_now_is_aware_utc() -> None:
    assert commands._now().tzinfo is not None and NOW.tzinfo is not None
