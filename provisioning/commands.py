"""`tabula provision ...`: init-ca, build-master, copy-master (the contract's authority commands).

Thin handlers: parse, call the provisioning functions, turn typed errors into one translated line on stderr and
the contract's exit codes (0 ok, 1 a check failed, 2 bad input). The lead wires `add_provision_parser` into
`app/cli.py`; `main(argv)` runs the group on its own (tests, and `python -m provisioning.commands`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from app.errors import BadInput, TabulaError
from app.i18n import describe_error, translate
from app.signing import bundle, pki
from provisioning import ca, csv_import, letters, master, passwords, sticks

PASSPHRASE_ENV = "TABULA_CA_PASSPHRASE"  # the name of a variable, not its value  # noqa: S105  # nosec B105
LANGUAGE_ENV = "TABULA_LANG"
Handler = Callable[[argparse.Namespace], int]


def _language() -> str:
    lang = os.environ.get(LANGUAGE_ENV, "nl")
    return lang if lang in ("nl", "fr", "de") else "nl"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def read_passphrase(file: Path | None, *, confirm: bool = False) -> bytes:
    """The CA passphrase: from `--passphrase-file`, else TABULA_CA_PASSPHRASE, else typed (twice if `confirm`)."""
    if file is not None:
        try:
            text = file.read_text(encoding="utf-8").rstrip("\r\n")
        except (OSError, UnicodeDecodeError) as exc:
            raise BadInput("import.unreadable", file=str(file)) from exc
    elif PASSPHRASE_ENV in os.environ:
        text = os.environ[PASSPHRASE_ENV]
    else:
        text = getpass.getpass("CA passphrase: ")
        if confirm and getpass.getpass("CA passphrase (again): ") != text:
            raise BadInput("ca.no_passphrase")
    if not text:
        raise BadInput("ca.no_passphrase")
    return text.encode("utf-8")


def _write(path: Path, data: bytes, *, secret: bool = False) -> None:
    try:
        if secret:
            passwords.write_secret(path, data)
        else:
            path.write_bytes(data)
    except OSError as exc:
        raise BadInput("provision.cannot_write", file=str(path)) from exc


def cmd_init_ca(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(args.passphrase_file, confirm=True)
    ca.init_ca(args.out, passphrase, _now(), pki.KeyType(args.key_type))
    print(translate("ca.created", _language(), folder=args.out))
    return 0


def cmd_build_master(args: argparse.Namespace, *, kdf: bundle.KdfParams = bundle.REAL_KDF) -> int:
    """build-master. `kdf` exists for tests only; the command line always uses the real parameters."""
    started = time.perf_counter()
    now = _now()
    imported = csv_import.import_files(args.stations, args.candidates, args.election_date)
    for warning in imported.warnings:
        print(translate(warning.key, _language(), **warning.params), file=sys.stderr)
    issuing = ca.load_issuing(args.ca, read_passphrase(args.passphrase_file), now)
    result = master.build_master(
        issuing, imported, args.out, now, kdf=kdf, workers=args.workers, key_type=pki.KeyType(args.key_type)
    )
    rows = [(str(station.id), password) for station, password in result.passwords]
    _write(args.passwords_out, passwords.passwords_csv(rows), secret=True)
    if args.letters is not None:
        try:
            letters.write_letters(args.letters, result.passwords)
        except OSError as exc:
            raise BadInput("provision.cannot_write", file=str(args.letters)) from exc
    seconds = round(time.perf_counter() - started, 1)
    print(translate("master.built", _language(), count=len(rows), folder=args.out, seconds=seconds))
    return 0


def cmd_copy_master(args: argparse.Namespace) -> int:
    outcomes = sticks.copy_master(args.master, list(args.sticks))
    lang = _language()
    for outcome in outcomes:
        if outcome.error is None:
            print(translate("copy.ok", lang, stick=outcome.stick))
        else:
            print(describe_error(outcome.error, lang), file=sys.stderr)
    return 0 if all(o.error is None for o in outcomes) else 1


def _election_date(text: str) -> dt.date:
    """YYYY-MM-DD exactly (Python alone would also take 20240609 or 2024-W23-7)."""
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text) is None:
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def add_provision_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `provision` with its subcommands; each subparser's `handler` default is its function."""
    provision = subparsers.add_parser("provision", help="authority: CA, master, sticks")
    commands = provision.add_subparsers(dest="provision_command", required=True)
    key_types = [k.value for k in pki.KeyType]

    init = commands.add_parser("init-ca", help="create the root and issuing CA")
    init.add_argument("--out", type=Path, required=True, help="new folder for the CA")
    init.add_argument("--key-type", choices=key_types, default=pki.KeyType.EC_P256.value)
    init.add_argument("--passphrase-file", type=Path, help=f"else ${PASSPHRASE_ENV}, else a prompt")
    init.set_defaults(handler=cmd_init_ca)

    build = commands.add_parser("build-master", help="the master for all bureaus")
    build.add_argument("--ca", type=Path, required=True, help="the folder made by init-ca")
    build.add_argument("--stations", type=Path, required=True, help="stations.csv")
    build.add_argument("--candidates", type=Path, required=True, help="candidates.csv")
    build.add_argument("--out", type=Path, required=True, help="new, empty folder for the master")
    build.add_argument("--passwords-out", type=Path, required=True, help="passwords.csv to write")
    build.add_argument("--letters", type=Path, help="PDF of password letters to write")
    build.add_argument("--passphrase-file", type=Path, help=f"else ${PASSPHRASE_ENV}, else a prompt")
    build.add_argument("--workers", type=_positive_int, help="processes (default: all cores)")
    build.add_argument("--key-type", choices=key_types, default=pki.KeyType.EC_P256.value, help="bureau keys")
    build.add_argument(
        "--election-date", type=_election_date, metavar="YYYY-MM-DD", help="the day of the election (PV and EML)"
    )
    build.set_defaults(handler=cmd_build_master)

    copy = commands.add_parser("copy-master", help="copy the master onto sticks and verify each copy")
    copy.add_argument("master", type=Path, metavar="MASTER_DIR")
    copy.add_argument("sticks", type=Path, nargs="+", metavar="STICK_DIR")
    copy.set_defaults(handler=cmd_copy_master)


def run(handler: Handler, args: argparse.Namespace) -> int:
    """Call a handler; typed errors become one line on stderr and their exit code, never a traceback."""
    try:
        return handler(args)
    except TabulaError as error:
        print(describe_error(error, _language()), file=sys.stderr)
        return error.exit_code


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tabula")
    add_provision_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    return run(handler, args)


if __name__ == "__main__":
    sys.exit(main())
