"""Fault injection (issue 9): a stick that fails under the real file-system calls, and replay killed at random.

1. A FUSE stick (`tests/faultfs.py`, fusepy pass-through) that fills up, turns read-only, is pulled at chosen calls,
   fails one call of a kind with EIO, or loses a folder's contents on rename (as a FAT driver did): the writer reports
   a typed, translated StorageError, the stick keeps the old complete set (after recovery when it was pulled
   mid-swap), and a retry completes. A real FAT image through `fusefat` too, when it is installed.
2. `tabula replay` killed with SIGKILL at random moments: no result folder that verifies with anything but the
   whole count, no ballot journal left behind, and a rerun completes.
3. replay against a stick pulled (or swapped) after login: exit 2, a message, nothing written.

The FUSE tests are skipped, saying why, where FUSE cannot be mounted; the same faults are injected in-process at
every os call in tests/test_stick.py.
"""

from __future__ import annotations

import functools
import json
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app import stick
from app.cli import main
from app.errors import Fixer, StorageError, UntrustedData
from app.i18n import LANGUAGES, catalogue, describe_error
from tests import faultfs
from tests.contract_fixtures import PASSWORD, Master, as_piles, build_test_master, pile_csv
from tests.counting.generate import random_ballots

ROOT = Path(__file__).resolve().parents[1]
STATION = "A-001"
OLD = {"460.xml": b"<EML Id='460'>old</EML>", "pv.pdf": b"%PDF old", "security-log.jsonl": b"{}\n"}
NEW = {"460.xml": b"<EML Id='460'>new</EML>" * 50, "510.xml": b"<EML Id='510'/>", "pv.pdf": b"%PDF new" * 3000}
MASTER = b'{"format": "tabula-master/1", "bureaus": []}'


def on_stick(stick_dir: Path) -> dict[str, bytes] | None:
    try:
        return stick.read_results(stick_dir, STATION)
    except UntrustedData:
        return None


def leftovers(stick_dir: Path) -> list[str]:
    results = stick_dir / "results"
    return sorted(p.name for p in results.iterdir() if p.name.startswith(".")) if results.exists() else []


# --- 1. a FUSE stick that fails on purpose ------------------------------------------------------------------------

WHY_NOT = faultfs.available()
FULL = os.environ.get("TABULA_FULL_FAULTS") == "1"  # every call, not a sample (about a minute; docs/security-report.md)


def needs_fuse(test: Callable[..., None]) -> Callable[..., None]:
    """A FUSE test fails, never skips, where FUSE cannot be mounted: a skipped test proves nothing."""

    @functools.wraps(test)
    def checked(*args: object, **kwargs: object) -> None:
        if WHY_NOT is not None:
            pytest.fail(f"FUSE cannot be mounted here ({WHY_NOT}): setup.sh installs fuse; /dev/fuse is needed")
        test(*args, **kwargs)

    return checked


class FuseStick:
    def __init__(self, mountpoint: Path, backing: Path, plan: Path) -> None:
        self.path, self.backing, self.plan = mountpoint, backing, plan

    def faults(self, **plan: object) -> None:
        faultfs.write_plan(self.plan, **plan)

    def hits(self) -> dict[str, object]:
        return faultfs.hits(self.plan)


@pytest.fixture
def fuse_stick(tmp_path: Path) -> Iterator[FuseStick]:
    # the medium behind the stick in memory where there is a tmpfs: the calls are what is tested, not the disk
    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(dir=shm if shm.is_dir() else tmp_path) as medium:
        backing, mountpoint, plan = Path(medium) / "backing", tmp_path / "mnt", tmp_path / "plan.json"
        backing.mkdir()
        (backing / "master.json").write_bytes(MASTER)
        with faultfs.mounted(backing, mountpoint, plan):
            yield FuseStick(mountpoint, backing, plan)


def write(fuse: FuseStick, files: dict[str, bytes]) -> stick.ResultsReceipt:
    return stick.write_results(fuse.path, STATION, files, master_id=stick.sha256_hex(MASTER))


def assert_translated(error: StorageError) -> None:
    assert error.fixer is Fixer.BUREAU
    for language in LANGUAGES:
        assert error.key in catalogue() and describe_error(error, language).strip()


@needs_fuse
def test_through_fuse_a_write_is_read_back_from_the_stick(fuse_stick: FuseStick) -> None:
    write(fuse_stick, OLD)
    fuse_stick.faults(record=True)
    write(fuse_stick, NEW)
    assert on_stick(fuse_stick.path) == NEW
    assert stick.read_results(fuse_stick.backing, STATION) == NEW  # what is really on the medium
    ops = fuse_stick.hits()["ops"]
    assert isinstance(ops, dict) and ops["read"] >= 2 * len(NEW) and ops["fsync"] >= len(NEW)


@needs_fuse
@pytest.mark.parametrize(
    ("plan", "key"),
    [
        ({"space": 2000}, "stick.full"),
        ({"read_only": True}, "stick.read_only"),
        ({"faults": [{"op": "create", "errno": "EACCES", "times": -1}]}, "stick.read_only"),
        ({"faults": [{"op": "fsync", "errno": "EIO", "nth": 2}]}, "stick.removed"),
        ({"faults": [{"op": "write", "errno": "ENAMETOOLONG", "nth": 1}]}, "stick.write_failed"),
    ],
    ids=["full", "read-only", "no-permission", "io-error", "other-error"],
)
def test_a_failing_stick_gets_a_clear_message_keeps_the_old_set_and_a_retry_works(
    fuse_stick: FuseStick, plan: dict[str, object], key: str
) -> None:
    write(fuse_stick, OLD)
    fuse_stick.faults(**plan)
    with pytest.raises(StorageError) as caught:
        write(fuse_stick, NEW)
    assert caught.value.key == key
    assert_translated(caught.value)
    assert fuse_stick.hits()["hit"], "the fault was injected"
    fuse_stick.faults()
    assert on_stick(fuse_stick.path) == OLD
    assert leftovers(fuse_stick.path) == []
    write(fuse_stick, NEW)  # the kiosk's 'retry'
    assert on_stick(fuse_stick.path) == NEW


def _ops_of_one_write(fuse: FuseStick) -> dict[str, int]:
    write(fuse, OLD)
    fuse.faults(record=True)
    write(fuse, NEW)
    ops = fuse.hits()["ops"]
    assert isinstance(ops, dict)
    write(fuse, OLD)
    return {op: int(n) for op, n in ops.items()}


@needs_fuse
def test_one_failing_call_of_any_kind_is_reported_or_the_write_is_complete(fuse_stick: FuseStick) -> None:
    """EIO once at the first, a middle and the last call of every kind of operation a write makes (at every call
    with TABULA_FULL_FAULTS=1)."""
    ops = _ops_of_one_write(fuse_stick)
    kinds = ("mkdir", "create", "write", "flush", "fsync", "release", "rename", "open", "read", "readdir", "getattr")
    for op in kinds:
        count = ops.get(op, 1)
        for nth in range(count) if FULL else sorted({0, count // 2, count - 1}):
            fuse_stick.faults(faults=[{"op": op, "errno": "EIO", "nth": nth}])
            try:
                write(fuse_stick, NEW)
            except StorageError as error:
                assert error.key == "stick.removed", (op, nth)
                fuse_stick.faults()
                assert on_stick(fuse_stick.path) in (OLD, NEW), (op, nth)
            else:
                fuse_stick.faults()
                assert on_stick(fuse_stick.path) == NEW, (op, nth)
            write(fuse_stick, NEW)
            assert leftovers(fuse_stick.path) == [], (op, nth)
            write(fuse_stick, OLD)


@needs_fuse
def test_a_stick_pulled_at_any_moment_of_a_write_keeps_a_complete_set_and_the_retry_completes(
    fuse_stick: FuseStick,
) -> None:
    """Pulled after every 7th call of a write (every call with TABULA_FULL_FAULTS=1): every later call fails with
    ENODEV until it is put back."""
    total = sum(_ops_of_one_write(fuse_stick).values())
    for pulled_after in range(0, total, 1 if FULL else 7):
        fuse_stick.faults(pulled_after=pulled_after)
        try:
            write(fuse_stick, NEW)
        except StorageError as error:
            assert error.key in ("stick.removed", "stick.missing", "stick.no_master"), pulled_after
        fuse_stick.faults()  # put back in
        stick.recover_results(fuse_stick.path)  # as the writer does first on every write
        assert on_stick(fuse_stick.path) in (OLD, NEW), pulled_after
        assert leftovers(fuse_stick.path) == [], pulled_after
        write(fuse_stick, NEW)
        assert on_stick(fuse_stick.path) == NEW
        write(fuse_stick, OLD)


@needs_fuse
@pytest.mark.parametrize("old", [OLD, None], ids=["replacing", "first-write"])
def test_a_rename_that_loses_the_folder_contents_is_caught_by_reading_the_final_folder_back(
    fuse_stick: FuseStick, old: dict[str, bytes] | None
) -> None:
    if old is not None:
        write(fuse_stick, old)
    fuse_stick.faults(lose_rename={"from": ".new-", "to": f"/results/{STATION}"})
    with pytest.raises(StorageError) as caught:
        write(fuse_stick, NEW)
    assert caught.value.key == "stick.verify_failed"
    fuse_stick.faults()
    assert on_stick(fuse_stick.path) == old
    assert leftovers(fuse_stick.path) == []


@needs_fuse
def test_a_pulled_stick_leaves_a_bare_mount_point_that_gets_nothing(tmp_path: Path) -> None:
    backing, mountpoint, plan = tmp_path / "backing", tmp_path / "media" / "STICK", tmp_path / "plan.json"
    backing.mkdir()
    (backing / "master.json").write_bytes(MASTER)
    with faultfs.mounted(backing, mountpoint, plan):
        stick.write_results(mountpoint, STATION, OLD, master_id=stick.sha256_hex(MASTER))
    assert os.listdir(mountpoint) == []  # pulled: the folder it was mounted on is left, empty
    with pytest.raises(StorageError) as caught:
        stick.write_results(mountpoint, STATION, NEW, master_id=stick.sha256_hex(MASTER))
    assert caught.value.key == "stick.no_master"
    assert os.listdir(mountpoint) == []
    assert stick.read_results(backing, STATION) == OLD


FAT_TOOLS = shutil.which("fusefat") and shutil.which("mkfs.vfat")


@needs_fuse
def test_on_a_real_fat_driver_success_is_only_said_of_results_that_read_back(tmp_path: Path) -> None:
    """fusefat (Debian 12) loses a folder's contents when the folder is renamed: the writer must not say success."""
    if not FAT_TOOLS:
        pytest.fail("fusefat and mkfs.vfat are missing: ./scripts/setup.sh installs fusefat and dosfstools")
    image, mountpoint = tmp_path / "stick.img", tmp_path / "fat"
    subprocess.run(["mkfs.vfat", "-C", str(image), "8192"], check=True, capture_output=True)
    mountpoint.mkdir()
    subprocess.run(["fusefat", "-o", "rw+", str(image), str(mountpoint)], check=True, capture_output=True)
    try:
        try:
            stick.write_results(mountpoint, STATION, NEW)
        except StorageError as error:
            assert error.key == "stick.verify_failed"
            assert on_stick(mountpoint) is None
        else:  # a driver that keeps what it renames
            assert on_stick(mountpoint) == NEW
    finally:
        faultfs.unmount(mountpoint)


# --- 2. replay killed at random moments ---------------------------------------------------------------------------

# The soak figures in docs/security-report.md: TABULA_REPLAY_KILLS=50 TABULA_REPLAY_BALLOTS=2400 pytest -s -k killed
BALLOTS = int(os.environ.get("TABULA_REPLAY_BALLOTS", "150"))
KILLS = int(os.environ.get("TABULA_REPLAY_KILLS", "6"))


@pytest.fixture(scope="module")
def master(tmp_path_factory: pytest.TempPathFactory) -> Master:
    return build_test_master(tmp_path_factory.mktemp("master"))


class Replay:
    def __init__(self, master: Master, folder: Path) -> None:
        self.master, self.folder = master, folder
        self.stick = master.stick(folder / "stick")
        self.state, self.tmp = folder / "state", folder / "tmp"
        self.tmp.mkdir()
        self.pw = folder / "pw.txt"
        self.pw.write_text(PASSWORD + "\n", encoding="utf-8")
        self.pass_file = pile_csv(folder / "pass.csv", as_piles(random_ballots(master.election, BALLOTS, seed=5)))

    def args(self) -> list[str]:
        return [
            "replay", "--stick", str(self.stick), "--station", STATION, "--password-file", str(self.pw),
            "--pass1", str(self.pass_file), "--pass2", str(self.pass_file), "--received", str(BALLOTS),
            "--ca", str(self.master.root_pem),
        ]  # fmt: skip

    def start(self) -> subprocess.Popen[str]:
        env = {**os.environ, "XDG_STATE_HOME": str(self.state), "TMPDIR": str(self.tmp), "PYTHONHASHSEED": "0"}
        return subprocess.Popen(
            [sys.executable, "-m", "app.cli", *self.args()],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def run(self) -> tuple[int, str]:
        process = self.start()
        out, _ = process.communicate(timeout=120)
        return process.returncode, out

    def verified(self, capsys: pytest.CaptureFixture[str]) -> dict[str, object] | None:
        """The bureau's verified results on the stick (verify --json), or None when there are none."""
        capsys.readouterr()
        code = main(["verify", str(self.stick), "--ca", str(self.master.root_pem), "--json"])
        data = json.loads(capsys.readouterr().out)
        stations = [s for s in data["stations"] if s["station"] == STATION]
        if not (self.stick / "results" / STATION).exists():
            assert not stations or not stations[0]["ok"]
            return None
        assert code == 0 and stations and stations[0]["ok"], data  # a folder under the bureau's name verifies
        return dict(stations[0])

    def run_folders(self) -> list[Path]:
        root = self.state / "tabula" / "replay"
        return sorted(root.iterdir()) if root.exists() else []


def test_replay_killed_at_random_moments_never_leaves_a_partial_result_or_its_ballots(
    master: Master, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replay = Replay(master, tmp_path)
    started = time.monotonic()
    code, out = replay.run()
    duration = time.monotonic() - started
    assert code == 0, out
    expected = out.strip().splitlines()[-1].removeprefix("control number: ")
    rnd = random.Random(9)
    outcomes = {"a complete set": 0, "nothing until recovered": 0}
    for round_no in range(KILLS):
        process = replay.start()
        time.sleep(rnd.uniform(0.2, duration * 1.1))  # over the whole run: start, login, entry, building, writing
        process.send_signal(signal.SIGKILL)
        process.communicate()
        found = replay.verified(capsys)
        # the old complete set (or, killed mid-swap, nothing that verifies until the next write recovers it): never
        # a partial one, and every ballot in what verifies
        if found is not None:
            assert found["control_number"] == expected, round_no
            assert found["ballots"] == {**found["ballots"], "counted": BALLOTS}  # type: ignore[dict-item]
        outcomes["a complete set" if found is not None else "nothing until recovered"] += 1
        for folder in replay.run_folders():  # what the killed run left: private, and no ballot journal
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700
            assert not [p.name for p in folder.iterdir() if "journal" in p.name], round_no
        assert list(replay.tmp.iterdir()) == [], round_no  # nothing of it in the temporary folder
    started = time.monotonic()
    code, out = replay.run()  # a rerun completes, and removes what a killed run left
    assert code == 0, out
    print(f"\n{KILLS} kills of a {BALLOTS}-ballot replay ({duration:.1f} s a run): {outcomes}; "
          f"ballots lost 0; rerun after the last kill {time.monotonic() - started:.1f} s")  # fmt: skip
    assert out.strip().splitlines()[-1] == f"control number: {expected}"
    assert replay.run_folders() == []
    assert leftovers(replay.stick) == []


def test_replay_stopped_with_sigterm_removes_its_folder(master: Master, tmp_path: Path) -> None:
    replay = Replay(master, tmp_path)
    process = replay.start()
    deadline = time.monotonic() + 60
    while not replay.run_folders() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=60)
    assert replay.run_folders() == []


def test_replay_keeps_no_journal_and_a_private_folder(
    master: Master, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app import replay as replay_module

    replay = Replay(master, tmp_path)
    monkeypatch.setenv("XDG_STATE_HOME", str(replay.state))
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = replay.state / "tabula" / "replay" / f"run-{int(dead.stdout)}-killed"
    stale.mkdir(parents=True)
    (stale / f"{STATION}.security-log.jsonl").write_text("{}\n", encoding="utf-8")
    seen: dict[str, object] = {}
    real_write = replay_module.Session.write_results

    def spy(self: object, stick_dir: Path, *args: object, **kwargs: object) -> object:
        state = Path(self.log.path).parent  # type: ignore[attr-defined]
        seen["mode"] = stat.S_IMODE(state.stat().st_mode)
        seen["files"] = sorted(p.name for p in state.iterdir())
        seen["under"] = state.parent
        return real_write(self, stick_dir, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(replay_module.Session, "write_results", spy)
    assert main(replay.args()) == 0
    assert seen["mode"] == 0o700 and seen["under"] == replay.state / "tabula" / "replay"
    assert seen["files"] == [f"{STATION}.security-log.jsonl"]  # the ballots stayed in memory
    assert replay.run_folders() == []  # its own folder is gone, and so is the killed run's


# --- 3. replay against a stick pulled or swapped after login ------------------------------------------------------


@pytest.mark.parametrize("swap", ["pulled", "another-master"])
def test_replay_writes_nothing_when_the_stick_changed_after_login(
    master: Master, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], swap: str
) -> None:
    from app import replay as replay_module

    replay = Replay(master, tmp_path)
    monkeypatch.setenv("XDG_STATE_HOME", str(replay.state))
    real_load = replay_module.load_station

    def load_then_swap(stick_dir: Path, *args: object, **kwargs: object) -> object:
        loaded = real_load(stick_dir, *args, **kwargs)  # type: ignore[arg-type]
        shutil.rmtree(stick_dir)
        stick_dir.mkdir()  # the folder the stick was mounted on stays behind, empty
        if swap == "another-master":
            (stick_dir / "master.json").write_bytes(MASTER)
        return loaded

    monkeypatch.setattr(replay_module, "load_station", load_then_swap)
    assert main(replay.args()) == 2
    err = capsys.readouterr().err
    key = "stick.no_master" if swap == "pulled" else "stick.foreign"
    assert catalogue()[key]["nl"].split(":")[0] in err
    assert not (replay.stick / "results").exists()
