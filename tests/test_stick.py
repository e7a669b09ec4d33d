"""Writing results to the stick: Windows-safe names, atomic replacement, failures and interruptions (S1, S3)."""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app import stick
from app.errors import BadInput, Fixer, StorageError, UntrustedData
from app.i18n import LANGUAGES, catalogue

STATION = "A-001"
OLD = {"460.xml": b"<EML Id='460'>old</EML>", "pv.pdf": b"%PDF old", "security-log.jsonl": b"{}\n"}
NEW = {"460.xml": b"<EML Id='460'>new</EML>", "510.xml": b"<EML Id='510'/>", "pv.pdf": b"%PDF new" * 1000}

# Every os function the write sequence goes through: a crash or an error can come at any one of these calls.
STEP_FUNCTIONS = ("open", "write", "fsync", "close", "replace", "rename", "mkdir", "unlink", "rmdir", "read", "scandir")


class Crash(BaseException):
    """A power cut or a pulled stick in the middle of a call: nothing of the app runs after it."""


@contextmanager
def failing_at(step: int | None, make_error: Callable[[], BaseException]) -> Iterator[list[str]]:
    """Patch the os calls so that call number `step` raises `make_error()`; yields the names of the calls made."""
    calls: list[str] = []
    originals = {name: getattr(os, name) for name in STEP_FUNCTIONS}

    def wrap(name: str) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            calls.append(name)
            if len(calls) - 1 == step:
                if name == "close":  # the descriptor is gone whatever happens next
                    originals[name](*args, **kwargs)
                raise make_error()
            return originals[name](*args, **kwargs)

        return call

    try:
        for name in STEP_FUNCTIONS:
            setattr(os, name, wrap(name))
        yield calls
    finally:
        for name, original in originals.items():
            setattr(os, name, original)


def leftovers(stick_dir: Path) -> list[str]:
    results = stick_dir / "results"
    return sorted(p.name for p in results.iterdir() if p.name.startswith(".")) if results.exists() else []


def on_stick(stick_dir: Path) -> dict[str, bytes] | None:
    """The station's verified results, or None when nothing there verifies."""
    try:
        return stick.read_results(stick_dir, STATION)
    except UntrustedData:
        return None


def write_steps(tmp_path: Path, old: dict[str, bytes] | None) -> int:
    """How many os calls one complete write makes (on a stick holding `old`)."""
    probe = tmp_path / "probe"
    probe.mkdir()
    if old is not None:
        stick.write_results(probe, STATION, old)
    with failing_at(None, Crash) as calls:
        stick.write_results(probe, STATION, NEW)
    return len(calls)


# --- names ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "",
        ".",
        "..",
        "a" * 65,
        "café.xml",
        "tab\there",
        "del\x7f",
        "a<b",
        "a>b",
        "a:b",
        'a"b',
        "a/b",
        "a\\b",
        "a|b",
        "a?b",
        "a*b",
        "CON",
        "con.txt",
        "Nul",
        "COM1.xml",
        "lpt9",
        "AUX .txt",
        "trailing.",
        "trailing ",
        " leading",
        ".hidden",
    ],
)
def test_names_windows_cannot_read_are_refused(name: str) -> None:
    assert stick.name_problem(name) is not None
    with pytest.raises(stick.BadName) as caught:
        stick.check_name(name)
    assert caught.value.key == "stick.bad_name"
    assert caught.value.fixer is Fixer.HELPDESK
    assert isinstance(caught.value, BadInput)


@pytest.mark.parametrize("name", ["A-001", "460.xml", "security-log.jsonl", "CONSOLE.xml", "COM10", "a" * 64])
def test_names_windows_reads_are_kept_as_they_are(name: str) -> None:
    assert stick.check_name(name) == name
    assert stick.safe_name(name) == name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Liège: résultats?", "Liege_ resultats_"),
        ("CON", "_CON"),
        ("...", "_"),
        ("nul.txt", "_nul.txt"),
        (" x. ", "x"),
        ("ééé", "eee"),
        ("Ωμέγα", "_"),
    ],
)
def test_safe_name_turns_any_text_into_a_usable_name(text: str, expected: str) -> None:
    assert stick.safe_name(text) == expected


@given(st.text(max_size=100))
def test_safe_name_is_always_accepted(text: str) -> None:
    assert stick.check_name(stick.safe_name(text))


@pytest.mark.parametrize(
    "files",
    [
        {"manifest.json": b"x"},
        {"PV.pdf": b"a", "pv.pdf": b"b"},
        {"A.xml": b"", "B.xml": b"", "a.xml": b""},
        {"bad:name": b""},
    ],
)
def test_file_sets_that_would_clash_on_the_stick_are_refused(tmp_path: Path, files: dict[str, bytes]) -> None:
    with pytest.raises(stick.BadName):
        stick.write_results(tmp_path, STATION, files)
    assert not (tmp_path / "results").exists()


def test_a_station_id_windows_cannot_read_is_refused(tmp_path: Path) -> None:
    with pytest.raises(stick.BadName):
        stick.write_results(tmp_path, "A:001", NEW)


# --- writing ----------------------------------------------------------------------------------------------------


def test_results_are_written_with_the_manifest_last_and_read_back(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    receipt = stick.write_results(tmp_path, STATION, NEW, progress=lambda done, total: seen.append((done, total)))

    folder = tmp_path / "results" / STATION
    assert receipt.folder == folder
    assert sorted(p.name for p in folder.iterdir()) == sorted([*NEW, "manifest.json"])
    assert stick.read_results(tmp_path, STATION) == NEW
    manifest = json.loads((folder / "manifest.json").read_bytes())
    assert manifest == {"version": 1, "station": STATION, "files": {n: stick.sha256_hex(d) for n, d in NEW.items()}}
    assert receipt.hashes == manifest["files"]
    assert receipt.manifest_sha256 == stick.sha256_hex((folder / "manifest.json").read_bytes())
    assert seen[0] == (0, 3 * len(NEW) + 4)  # written, read back staged, read back final, done
    assert seen[-1] == (3 * len(NEW) + 4, 3 * len(NEW) + 4)
    assert [done for done, _ in seen] == list(range(len(seen)))
    assert leftovers(tmp_path) == []
    assert stick.list_result_stations(tmp_path) == [STATION]


def test_the_manifest_is_the_same_for_the_same_files() -> None:
    hashes = {"b.xml": "22", "a.xml": "11"}
    assert stick.make_manifest(STATION, hashes) == stick.make_manifest(STATION, dict(reversed(hashes.items())))
    assert stick.parse_manifest(stick.make_manifest(STATION, hashes)) == (STATION, hashes)


@pytest.mark.parametrize(
    "data",
    [
        b"[]",
        b'{"version": 2, "station": "A-001", "files": {}}',
        b'{"version": 1, "station": 1, "files": {}}',
        b'{"version": 1, "station": "A-001", "files": {"a": 1}}',
        b"not json",
    ],
)
def test_what_is_not_a_manifest_is_refused(data: bytes) -> None:
    with pytest.raises(ValueError):
        stick.parse_manifest(data)


def test_writing_again_replaces_the_folder_as_a_whole(tmp_path: Path) -> None:
    stick.write_results(tmp_path, STATION, OLD)
    stick.write_results(tmp_path, STATION, NEW)
    assert stick.read_results(tmp_path, STATION) == NEW  # security-log.jsonl of the old set is gone too
    assert leftovers(tmp_path) == []


def test_other_bureaus_on_the_same_stick_are_left_alone(tmp_path: Path) -> None:
    stick.write_results(tmp_path, "B-002", OLD)
    stick.write_results(tmp_path, STATION, NEW)
    assert stick.list_result_stations(tmp_path) == [STATION, "B-002"]
    assert stick.read_results(tmp_path, "B-002") == OLD


def test_no_stick_is_reported_as_missing(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as caught:
        stick.write_results(tmp_path / "absent", STATION, NEW)
    assert caught.value.key == "stick.missing"


def _raise_on(function: str, code: int, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, function, fail)


@pytest.mark.parametrize(
    ("function", "code", "key"),
    [
        ("write", errno.ENOSPC, "stick.full"),
        ("write", errno.EDQUOT, "stick.full"),
        ("open", errno.EROFS, "stick.read_only"),
        ("open", errno.EACCES, "stick.read_only"),
        ("mkdir", errno.EPERM, "stick.read_only"),
        ("replace", errno.ENOENT, "stick.removed"),
        ("fsync", errno.EIO, "stick.removed"),
        ("rename", errno.ENODEV, "stick.removed"),
        ("write", errno.ENAMETOOLONG, "stick.write_failed"),
    ],
)
def test_a_failing_stick_gets_a_clear_message_and_keeps_the_old_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, function: str, code: int, key: str
) -> None:
    stick.write_results(tmp_path, STATION, OLD)
    with monkeypatch.context() as patch:
        _raise_on(function, code, patch)
        with pytest.raises(StorageError) as caught:
            stick.write_results(tmp_path, STATION, NEW)
    assert caught.value.key == key
    assert caught.value.fixer is Fixer.BUREAU
    assert stick.read_results(tmp_path, STATION) == OLD
    assert leftovers(tmp_path) == []
    stick.write_results(tmp_path, STATION, NEW)  # retry, e.g. on another stick
    assert stick.read_results(tmp_path, STATION) == NEW


def test_a_read_back_that_differs_is_a_failed_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stick.write_results(tmp_path, STATION, OLD)
    real_read = os.read

    def altered(fd: int, size: int) -> bytes:
        data = real_read(fd, size)
        return bytes([data[0] ^ 1]) + data[1:] if data else data

    with monkeypatch.context() as patch:
        patch.setattr(os, "read", altered)
        with pytest.raises(StorageError) as caught:
            stick.write_results(tmp_path, STATION, NEW)
    assert caught.value.key == "stick.verify_failed"
    assert stick.read_results(tmp_path, STATION) == OLD
    assert leftovers(tmp_path) == []


def _losing_rename(lost: Callable[[Path, Path], bool]) -> Callable[..., None]:
    """os.rename as a FAT driver was seen doing it: a folder arrives under its new name, without its contents."""
    real_rename = os.rename

    def rename(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        real_rename(src, dst, *args, **kwargs)
        if Path(dst).is_dir() and lost(Path(src), Path(dst)):
            for entry in Path(dst).iterdir():
                entry.unlink()

    return rename


@pytest.mark.parametrize("old", [OLD, None], ids=["replacing", "first-write"])
def test_a_rename_that_loses_the_folder_contents_is_a_failed_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: dict[str, bytes] | None
) -> None:
    if old is not None:
        stick.write_results(tmp_path, STATION, old)
    with monkeypatch.context() as patch:
        patch.setattr(os, "rename", _losing_rename(lambda src, dst: ".new-" in src.name and dst.name == STATION))
        with pytest.raises(StorageError) as caught:
            stick.write_results(tmp_path, STATION, NEW)
    assert caught.value.key == "stick.verify_failed"  # the final folder is read back, not only the staged one
    assert on_stick(tmp_path) == old
    assert leftovers(tmp_path) == []
    stick.write_results(tmp_path, STATION, NEW)
    assert on_stick(tmp_path) == NEW


def test_recovery_brings_the_old_set_back_when_the_new_one_did_not_survive_the_swap(tmp_path: Path) -> None:
    results = tmp_path / "results"
    _folder(results, f".{STATION}.old-0a", OLD)
    _folder(results, STATION, NEW)
    (results / STATION / "pv.pdf").write_bytes(b"")  # cut off while reading back a folder the stick spoiled
    stick.recover_results(tmp_path, STATION)
    assert stick.read_results(tmp_path, STATION) == OLD
    assert leftovers(tmp_path) == []


def test_recovery_keeps_a_new_set_that_verifies(tmp_path: Path) -> None:
    results = tmp_path / "results"
    _folder(results, f".{STATION}.old-0a", OLD)
    _folder(results, STATION, NEW)
    stick.recover_results(tmp_path, STATION)
    assert stick.read_results(tmp_path, STATION) == NEW
    assert leftovers(tmp_path) == []


# --- the stick the count was loaded from ------------------------------------------------------------------------

MASTER = b'{"format": "tabula-master/1", "bureaus": []}'


def master_stick(folder: Path, manifest: bytes = MASTER) -> Path:
    folder.mkdir()
    (folder / "master.json").write_bytes(manifest)
    return folder


def test_results_go_to_a_copy_of_the_master_the_count_was_loaded_from(tmp_path: Path) -> None:
    master = stick.sha256_hex(MASTER)
    for copy in ("stick1", "stick2"):  # the bureau's stick, or another copy of the same master
        stick.write_results(master_stick(tmp_path / copy), STATION, NEW, master_id=master)
        assert on_stick(tmp_path / copy) == NEW


@pytest.mark.parametrize(
    ("manifest", "key"),
    [(None, "stick.no_master"), (MASTER + b" ", "stick.foreign"), (b"", "stick.foreign"), (b"sparse", "stick.foreign")],
    ids=["bare-mount-point", "another-master", "empty-manifest", "8-GB-manifest"],
)
def test_a_stick_that_is_not_the_master_of_the_count_gets_nothing(
    tmp_path: Path, manifest: bytes | None, key: str
) -> None:
    folder = tmp_path / "media" / "stick1"
    if manifest is None:
        folder.mkdir(parents=True)  # the folder a pulled stick was mounted on
    else:
        folder.parent.mkdir()
        master_stick(folder, manifest)
        if manifest == b"sparse":
            os.truncate(folder / "master.json", 8 * 1024**3)  # not read into memory
    before = sorted(p.name for p in folder.iterdir())
    with pytest.raises(StorageError) as caught:
        stick.write_results(folder, STATION, NEW, master_id=stick.sha256_hex(MASTER))
    assert caught.value.key == key
    assert caught.value.fixer is Fixer.BUREAU
    assert sorted(p.name for p in folder.iterdir()) == before  # nothing written, not even results/


def test_a_results_folder_on_another_file_system_than_the_master_gets_nothing(tmp_path: Path) -> None:
    import tempfile

    if not Path("/dev/shm").is_dir():
        pytest.fail("this test needs a second file system mounted at /dev/shm")

    folder = master_stick(tmp_path / "stick")
    with tempfile.TemporaryDirectory(dir="/dev/shm") as elsewhere:
        if os.stat(elsewhere).st_dev == os.stat(folder).st_dev:
            pytest.fail("/dev/shm is on the same file system as the temporary folder here: no second file system")
        (folder / "results").symlink_to(elsewhere)
        with pytest.raises(StorageError) as caught:
            stick.write_results(folder, STATION, NEW, master_id=stick.sha256_hex(MASTER))
        assert caught.value.key == "stick.removed"
        assert os.listdir(elsewhere) == []


def test_a_stray_file_in_the_staging_folder_fails_verification(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write_set = stick._write_set

    def with_stray(staging: Path, *args: Any) -> bytes:
        (staging / "stray.txt").write_bytes(b"?")
        return real_write_set(staging, *args)

    monkeypatch.setattr(stick, "_write_set", with_stray)
    with pytest.raises(StorageError) as caught:
        stick.write_results(tmp_path, STATION, NEW)
    assert caught.value.key == "stick.verify_failed"
    assert on_stick(tmp_path) is None


def test_a_stick_without_directory_fsync_is_fine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_fsync = os.fsync

    def fat_fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "Invalid argument")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fat_fsync)
    stick.write_results(tmp_path, STATION, NEW)
    assert stick.read_results(tmp_path, STATION) == NEW


# --- interruptions ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("old", [OLD, None], ids=["replacing", "first-write"])
def test_an_interruption_at_any_step_leaves_a_complete_set_or_nothing_that_verifies(
    tmp_path: Path, old: dict[str, bytes] | None
) -> None:
    total = write_steps(tmp_path, old)
    for step in range(total):
        stick_dir = tmp_path / f"crash-{step}"
        stick_dir.mkdir()
        if old is not None:
            stick.write_results(stick_dir, STATION, old)
        with failing_at(step, Crash), pytest.raises(Crash):
            stick.write_results(stick_dir, STATION, NEW)

        # Whatever verifies is one complete set, never a mix (None: nothing verifies, e.g. mid-swap).
        assert on_stick(stick_dir) in (old, NEW, None), f"crash at step {step}"
        stick.recover_results(stick_dir)
        assert on_stick(stick_dir) in (old, NEW), f"crash at step {step}, after recovery"
        assert leftovers(stick_dir) == [], f"crash at step {step}"
        stick.write_results(stick_dir, STATION, NEW)
        assert on_stick(stick_dir) == NEW
        assert leftovers(stick_dir) == []


@pytest.mark.parametrize("old", [OLD, None], ids=["replacing", "first-write"])
def test_an_error_at_any_step_is_reported_or_the_write_is_complete(
    tmp_path: Path, old: dict[str, bytes] | None
) -> None:
    total = write_steps(tmp_path, old)
    for step in range(total):
        stick_dir = tmp_path / f"error-{step}"
        stick_dir.mkdir()
        if old is not None:
            stick.write_results(stick_dir, STATION, old)
        try:
            with failing_at(step, lambda: OSError(errno.EIO, "I/O error")):
                stick.write_results(stick_dir, STATION, NEW)
        except StorageError:
            assert on_stick(stick_dir) in (old, NEW), f"error at step {step}"
        else:
            assert on_stick(stick_dir) == NEW, f"error at step {step}"
        stick.write_results(stick_dir, STATION, NEW)
        assert on_stick(stick_dir) == NEW
        assert leftovers(stick_dir) == []


def _folder(results: Path, name: str, files: dict[str, bytes], station: str = STATION, manifest: bool = True) -> None:
    (results / name).mkdir(parents=True)
    for file, data in files.items():
        (results / name / file).write_bytes(data)
    if manifest:
        hashes = {file: stick.sha256_hex(data) for file, data in files.items()}
        (results / name / "manifest.json").write_bytes(stick.make_manifest(station, hashes))


def test_recovery_brings_the_old_set_back_when_the_swap_was_cut_off(tmp_path: Path) -> None:
    results = tmp_path / "results"
    _folder(results, f".{STATION}.old-0a", OLD)
    _folder(results, f".{STATION}.new-0b", NEW)
    stick.recover_results(tmp_path, STATION)
    assert stick.read_results(tmp_path, STATION) == OLD
    assert leftovers(tmp_path) == []


def test_recovery_drops_an_old_set_that_does_not_verify(tmp_path: Path) -> None:
    results = tmp_path / "results"
    _folder(results, f".{STATION}.old-0a", OLD, manifest=False)
    _folder(results, f".{STATION}.new-0b", NEW)
    (results / f".{STATION}.new-0b" / "sub").mkdir()
    stick.recover_results(tmp_path)
    assert on_stick(tmp_path) is None
    assert leftovers(tmp_path) == []


def test_recovery_for_one_bureau_leaves_the_others_leftovers(tmp_path: Path) -> None:
    results = tmp_path / "results"
    _folder(results, ".B-002.new-0a", NEW, station="B-002", manifest=False)
    _folder(results, f".{STATION}.new-0b", NEW, manifest=False)
    (results / ".unrelated").mkdir()
    stick.recover_results(tmp_path, STATION)
    assert leftovers(tmp_path) == [".B-002.new-0a", ".unrelated"]


def test_recovery_on_a_stick_without_results_does_nothing(tmp_path: Path) -> None:
    stick.recover_results(tmp_path)
    assert not (tmp_path / "results").exists()


# --- reading (verifier) -----------------------------------------------------------------------------------------


def _tamper_edit(folder: Path) -> None:
    (folder / "pv.pdf").write_bytes(b"%PDF forged")


def _tamper_remove(folder: Path) -> None:
    (folder / "510.xml").unlink()


def _tamper_add(folder: Path) -> None:
    (folder / "extra.xml").write_bytes(b"<EML/>")


def _tamper_subfolder(folder: Path) -> None:
    (folder / "sub").mkdir()


def _tamper_no_manifest(folder: Path) -> None:
    (folder / "manifest.json").unlink()


def _tamper_bad_manifest(folder: Path) -> None:
    (folder / "manifest.json").write_bytes(b"\xff")


def _tamper_foreign_manifest(folder: Path) -> None:
    hashes = {n: stick.sha256_hex(d) for n, d in NEW.items()}
    (folder / "manifest.json").write_bytes(stick.make_manifest("B-002", hashes))


@pytest.mark.parametrize(
    ("tamper", "file"),
    [
        (_tamper_edit, "pv.pdf"),
        (_tamper_remove, "510.xml"),
        (_tamper_add, "extra.xml"),
        (_tamper_subfolder, "sub"),
        (_tamper_no_manifest, "manifest.json"),
        (_tamper_bad_manifest, "manifest.json"),
        (_tamper_foreign_manifest, "manifest.json"),
    ],
)
def test_altered_results_are_refused_naming_the_file(tmp_path: Path, tamper: Callable[[Path], None], file: str) -> None:
    stick.write_results(tmp_path, STATION, NEW)
    tamper(tmp_path / "results" / STATION)
    with pytest.raises(UntrustedData) as caught:
        stick.read_results(tmp_path, STATION)
    assert caught.value.key == "stick.results_altered"
    assert caught.value.params["file"] == file


def test_missing_results_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UntrustedData) as caught:
        stick.read_results(tmp_path, STATION)
    assert caught.value.key == "stick.results_missing"
    assert stick.list_result_stations(tmp_path) == []


def test_an_unreadable_stick_is_a_storage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stick.write_results(tmp_path, STATION, NEW)
    _raise_on("read", errno.EIO, monkeypatch)
    with pytest.raises(StorageError) as caught:
        stick.read_results(tmp_path, STATION)
    assert caught.value.key == "stick.read_failed"


def test_the_verifier_ignores_leftovers_and_files_in_results(tmp_path: Path) -> None:
    stick.write_results(tmp_path, STATION, NEW)
    (tmp_path / "results" / f".{STATION}.new-00").mkdir()
    (tmp_path / "results" / "readme.txt").write_bytes(b"")
    assert stick.list_result_stations(tmp_path) == [STATION]


# --- messages ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "key",
    [
        "stick.missing",
        "stick.no_master",
        "stick.foreign",
        "stick.full",
        "stick.read_only",
        "stick.removed",
        "stick.verify_failed",
        "stick.write_failed",
        "stick.read_failed",
        "stick.bad_name",
        "stick.results_missing",
        "stick.results_altered",
    ],
)
def test_every_stick_message_is_in_three_languages(key: str) -> None:
    texts = catalogue()[key]
    assert all(texts[language].strip() for language in LANGUAGES)
