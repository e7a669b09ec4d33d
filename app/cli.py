"""The one command-line entry point, `tabula`: parse, call a service, map typed errors to exit codes and text.

Exit codes (contract): 0 success; 1 a check failed; 2 bad input or usage; 3 the count cannot be finished yet.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from app.errors import TabulaError
from app.i18n import LANGUAGES, describe_error, translate

EXIT_OK, EXIT_CHECK_FAILED, EXIT_BAD_INPUT, EXIT_OPEN = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    """argparse that exits with the contract's code 2 and one line, never a traceback."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message}\n")


def _language(args: argparse.Namespace) -> str:
    lang = getattr(args, "lang", None) or os.environ.get("TABULA_LANG", "nl")
    return lang if lang in LANGUAGES else "nl"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="tabula", description="Tabula: counting-station appliance for Belgian paper ballots.")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of messages (default: $TABULA_LANG or nl)")
    sub: argparse._SubParsersAction[argparse.ArgumentParser] = parser.add_subparsers(
        dest="command", parser_class=_Parser
    )

    station = sub.add_parser("station", help="the kiosk app for the counting bureau")
    station.add_argument("--stick", type=Path, help="the stick folder (default: wait for a stick)")
    station.set_defaults(handler=_station)

    demo = sub.add_parser("demo", help="the kiosk app on the embedded demo election")
    demo.add_argument("--headless", action="store_true", help="count the demo without a screen and print the result")
    demo.set_defaults(handler=_demo)

    from provisioning.commands import add_provision_parser

    add_provision_parser(sub)

    replay = sub.add_parser("replay", help="a whole count from pass files, without the screen")
    replay.add_argument("--stick", type=Path, required=True)
    replay.add_argument("--station", required=True)
    replay.add_argument("--password-file", type=Path, required=True)
    replay.add_argument("--pass1", type=Path, required=True)
    replay.add_argument("--pass2", type=Path, required=True)
    replay.add_argument("--decisions", type=Path)
    replay.add_argument("--received", type=int, help="ballots received from the polling stations")
    replay.add_argument(
        "--ca", type=Path, help="root certificate to trust (default: the appliance's, else the stick's)"
    )
    replay.set_defaults(handler=_replay)

    verify = sub.add_parser("verify", help="check every result on a stick, with a full recount")
    verify.add_argument("stick", type=Path)
    verify.add_argument("--ca", type=Path, required=True, help="the root certificate (root.pem)")
    verify.add_argument("--json", action="store_true", help="print the report as JSON")
    verify.add_argument(
        "--at",
        type=_moment,
        help="check certificates as valid at this date (YYYY-MM-DD), e.g. election night, for a later audit",
    )
    verify.set_defaults(handler=_verify)
    return parser


def _moment(text: str) -> dt.datetime:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None
    return dt.datetime(day.year, day.month, day.day, 23, 59, tzinfo=dt.UTC)


def _station(args: argparse.Namespace) -> int:
    from app.ui.main import run_station

    return run_station(stick=args.stick, language=_language(args))


def _demo(args: argparse.Namespace) -> int:
    from app.demo import run_demo

    return run_demo(headless=args.headless, language=_language(args))


def _replay(args: argparse.Namespace) -> int:
    from app.replay import replay_command

    return replay_command(args, _language(args))


def _verify(args: argparse.Namespace) -> int:
    from app.verify import verify_command

    return verify_command(args, _language(args))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        args = parser.parse_args(["station", *(argv or [])])
        handler = args.handler
    language = _language(args)
    try:
        return handler(args)
    except TabulaError as error:
        print(describe_error(error, language), file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the last line of defence: a user never sees a traceback
        print(translate("cli.internal_error", language, kind=type(error).__name__), file=sys.stderr)
        return EXIT_CHECK_FAILED


if __name__ == "__main__":
    sys.exit(main())
