"""A stick that fails on purpose: a FUSE pass-through file system (fusepy) that injects faults at chosen calls.

Run as `python -m tests.faultfs BACKING MOUNTPOINT PLAN`: every file operation on MOUNTPOINT is done on BACKING,
unless the plan (a JSON file, read again whenever it changes) says otherwise:

- `faults`: a list of `{"op": "write", "errno": "ENOSPC", "nth": 0, "path": "substring", "times": 1}`: the `nth`
  call (counted from 0, since the plan was loaded) of operation `op` whose path contains `path` fails with `errno`,
  `times` times in a row (-1: for ever). `op` "*" is any operation.
- `pulled_after`: after that many operations every operation fails with ENODEV (the stick was pulled).
- `read_only`: every operation that changes something fails with EROFS.
- `space`: bytes that may still be written; a write beyond fails with ENOSPC (a full stick).
- `lose_rename`: `{"from": "substring", "to": "substring"}`; a folder renamed from a path containing `from` to a
  path containing `to` arrives empty (as a FAT driver was seen doing it), and the rename still reports success.

What it did is written to `PLAN.hits` when a fault fires, and after every operation with `"record": true`:
`{"ops": {op: count}, "hit": [faults that fired], "total": n}`, so a test can sweep a fault over every call a write
makes.

The kernel's caches are off (entry, attribute and negative timeouts 0), so every call reaches this process.
`mounted()` starts it for a test and unmounts it afterwards; `available()` says whether FUSE works here.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHANGING = frozenset(
    {"create", "write", "truncate", "mkdir", "rmdir", "unlink", "rename", "chmod", "chown", "utimens", "symlink"}
)


def available() -> str | None:
    """None when a FUSE file system can be mounted here, else why not (for a skip message)."""
    if not Path("/dev/fuse").exists():
        return "no /dev/fuse"
    if shutil.which("fusermount") is None and shutil.which("fusermount3") is None:
        return "no fusermount (Debian: fuse3)"
    try:
        import fuse  # noqa: F401  # fusepy; it loads libfuse.so.2 when imported
    except (ImportError, OSError) as error:
        return f"fusepy or libfuse2 missing: {error}"
    return None


class Plan:
    """The faults to inject, and what happened so far."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stamp: tuple[int, int] | None = None
        self.data: dict[str, Any] = {}
        self.ops: dict[str, int] = {}
        self.fired: list[dict[str, Any]] = []
        self.total = 0
        self.written = 0

    def reload(self) -> None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return
        stamp = (st.st_mtime_ns, st.st_size)
        if stamp != self.stamp:
            self.stamp = stamp
            self.data = json.loads(self.path.read_text(encoding="utf-8") or "{}")
            self.ops, self.fired, self.total, self.written = {}, [], 0, 0

    def check(self, op: str, path: str, size: int = 0) -> None:
        """Raise the fault planned for this call, if any; count the call."""
        self.reload()
        index = self.ops.get(op, 0)
        self.ops[op] = index + 1
        self.total += 1
        try:
            self._check(op, path, index, size)
        except Exception:
            self._report()
            raise
        if self.data.get("record"):
            self._report()

    def _check(self, op: str, path: str, index: int, size: int) -> None:
        pulled = self.data.get("pulled_after")
        if pulled is not None and self.total > pulled:
            self._fire({"op": op, "errno": "ENODEV", "pulled": True})
        if self.data.get("read_only") and op in CHANGING:
            self._fire({"op": op, "errno": "EROFS"})
        for fault in self.data.get("faults", []):
            if fault.get("op") not in (op, "*") or fault.get("path", "") not in path:
                continue
            nth, times = fault.get("nth", 0), fault.get("times", 1)
            counted = index if fault.get("op") != "*" else self.total - 1
            if counted >= nth and (times < 0 or counted < nth + times):
                self._fire({**fault, "at": path})
        space = self.data.get("space")
        if op == "write" and space is not None:
            if self.written + size > space:
                self._fire({"op": op, "errno": "ENOSPC"})
            self.written += size

    def _fire(self, fault: dict[str, Any]) -> None:
        self.fired.append(fault)
        raise _fuse_error(getattr(errno, fault["errno"]))

    def lose_rename(self, old: str, new: str) -> bool:
        rule = self.data.get("lose_rename")
        return bool(rule) and rule.get("from", "") in old and rule.get("to", "") in new

    def _report(self) -> None:
        hits = self.path.with_name(self.path.name + ".hits")
        temp = hits.with_name(hits.name + ".tmp")
        temp.write_text(json.dumps({"ops": self.ops, "hit": self.fired, "total": self.total}), encoding="utf-8")
        os.replace(temp, hits)


def _fuse_error(code: int) -> Exception:
    from fuse import FuseOSError

    return FuseOSError(code)


def serve(backing: Path, mountpoint: Path, plan_path: Path) -> None:
    """The file system process: pass every call through to `backing`, through the plan."""
    from fuse import FUSE, FuseOSError, Operations

    plan = Plan(plan_path)

    class FaultFs(Operations):  # type: ignore[misc]
        def _real(self, path: str) -> str:
            return str(backing / path.lstrip("/"))

        def __call__(self, op: str, path: str, *args: Any) -> Any:
            size = len(args[0]) if op == "write" and args else 0
            plan.check(op, path, size)
            try:
                return super().__call__(op, path, *args)
            except OSError as error:
                raise FuseOSError(error.errno or errno.EIO) from None

        def getattr(self, path: str, fh: int | None = None) -> dict[str, Any]:
            st = os.lstat(self._real(path))
            keys = ("st_atime", "st_ctime", "st_gid", "st_mode", "st_mtime", "st_nlink", "st_size", "st_uid")
            return {key: getattr(st, key) for key in keys}

        def readdir(self, path: str, fh: int) -> list[str]:
            return [".", "..", *os.listdir(self._real(path))]

        def access(self, path: str, amode: int) -> None:
            if not os.access(self._real(path), amode):
                raise FuseOSError(errno.EACCES)

        def mkdir(self, path: str, mode: int) -> None:
            os.mkdir(self._real(path), mode)

        def rmdir(self, path: str) -> None:
            os.rmdir(self._real(path))

        def unlink(self, path: str) -> None:
            os.unlink(self._real(path))

        def rename(self, old: str, new: str) -> None:
            os.rename(self._real(old), self._real(new))
            if plan.lose_rename(old, new) and os.path.isdir(self._real(new)):
                for name in os.listdir(self._real(new)):
                    os.unlink(os.path.join(self._real(new), name))

        def chmod(self, path: str, mode: int) -> None:
            os.chmod(self._real(path), mode)

        def truncate(self, path: str, length: int, fh: int | None = None) -> None:
            os.truncate(self._real(path), length)

        def utimens(self, path: str, times: tuple[float, float] | None = None) -> None:
            os.utime(self._real(path), times)

        def statfs(self, path: str) -> dict[str, Any]:
            st = os.statvfs(self._real(path))
            keys = ("f_bavail", "f_bfree", "f_blocks", "f_bsize", "f_favail", "f_ffree", "f_files", "f_flag",
                    "f_frsize", "f_namemax")  # fmt: skip
            return {key: getattr(st, key) for key in keys}

        def create(self, path: str, mode: int, fi: Any = None) -> int:
            return os.open(self._real(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)

        def open(self, path: str, flags: int) -> int:
            return os.open(self._real(path), flags)

        def read(self, path: str, size: int, offset: int, fh: int) -> bytes:
            return os.pread(fh, size, offset)

        def write(self, path: str, data: bytes, offset: int, fh: int) -> int:
            return os.pwrite(fh, data, offset)

        def flush(self, path: str, fh: int) -> None:
            return None

        def fsync(self, path: str, datasync: int, fh: int) -> None:
            os.fsync(fh)

        def fsyncdir(self, path: str, datasync: int, fh: int) -> None:
            return None

        def release(self, path: str, fh: int) -> None:
            os.close(fh)

    FUSE(
        FaultFs(),
        str(mountpoint),
        foreground=True,
        nothreads=True,
        entry_timeout=0,
        attr_timeout=0,
        negative_timeout=0,
    )


def write_plan(plan: Path, **data: Any) -> dict[str, Any]:
    """Replace the plan (the file system reads it again at its next call); returns what has been hit so far."""
    hits = plan.with_name(plan.name + ".hits")
    before = json.loads(hits.read_text(encoding="utf-8")) if hits.exists() else {}
    temp = plan.with_name(plan.name + ".tmp")
    temp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(temp, plan)
    return dict(before)


def hits(plan: Path) -> dict[str, Any]:
    """What the file system did since the plan was last written: calls per operation, faults fired."""
    path = plan.with_name(plan.name + ".hits")
    return dict(json.loads(path.read_text(encoding="utf-8"))) if path.exists() else {"ops": {}, "hit": [], "total": 0}


def unmount(mountpoint: Path) -> None:
    tool = shutil.which("fusermount") or shutil.which("fusermount3") or "fusermount"
    subprocess.run([tool, "-u", "-z", str(mountpoint)], check=False, capture_output=True)


@contextlib.contextmanager
def mounted(backing: Path, mountpoint: Path, plan: Path) -> Iterator[Path]:
    """`mountpoint` showing `backing` through the fault plan, for the duration of the block."""
    backing.mkdir(parents=True, exist_ok=True)
    mountpoint.mkdir(parents=True, exist_ok=True)
    write_plan(plan)
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.faultfs", str(backing), str(mountpoint), str(plan)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30  # a loaded CI machine starts Python slowly
        while not os.path.ismount(mountpoint):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"faultfs did not mount: {process.stderr.read() if process.stderr else b''!r}")
            time.sleep(0.02)
        yield mountpoint
    finally:
        unmount(mountpoint)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr is not None:
            process.stderr.close()


if __name__ == "__main__":
    serve(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
