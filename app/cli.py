"""The one command-line entry point, `tabula`: parse, call a service, map typed errors to exit codes and text.

Exit codes (contract): 0 success; 1 a check failed; 2 bad input or usage; 3 the count cannot be finished yet.
"""

from __future__ import annotations

import argparse
import contextvars
import datetime as dt
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from app.counting.model import Election, ElectionCode
from app.errors import BadInput, TabulaError
from app.i18n import LANGUAGES, describe_error, translate

EXIT_OK, EXIT_CHECK_FAILED, EXIT_BAD_INPUT, EXIT_OPEN = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    """argparse that exits with the contract's code 2 and one translated line, never a traceback."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, usage_error(self.prog, message, _usage_language.get()) + "\n")


# The language of usage errors: parsing failed, so it is read from the raw arguments before parsing (main).
_usage_language: contextvars.ContextVar[str] = contextvars.ContextVar("usage_language", default="nl")

# argparse's own messages (Python 3.11, never translated: argparse's gettext domain is not installed), each with
# the key of our translation; the named groups are its parameters. The first that matches wins.
_USAGE_ERRORS = (
    (re.compile(r"the following arguments are required: (?P<arguments>.+)"), "cli.usage.required"),
    (re.compile(r"unrecognized arguments: (?P<arguments>.+)"), "cli.usage.unrecognized"),
    (
        re.compile(r"argument (?P<argument>[^:]+): expected (?:one|at least one|at most one) argument"),
        "cli.usage.value",
    ),
    (
        re.compile(r"argument (?P<argument>[^:]+): invalid (?:choice|\S+ value): (?P<value>'[^']*'|\S+)"),
        "cli.usage.invalid",
    ),
    (re.compile(r"argument (?P<argument>[^:]+): not allowed with argument (?P<other>.+)"), "cli.usage.together"),
    (re.compile(r"argument (?P<argument>[^:]+): "), "cli.usage.argument"),  # a type's own refusal, in English
)


def usage_error(command: str, message: str, language: str) -> str:
    """argparse's complaint as one line in `language`, naming the command and the next step (its --help)."""
    message = " ".join(message.split())  # one line, whatever was typed
    for pattern, key in _USAGE_ERRORS:
        found = pattern.match(message)
        if found:
            return translate(key, language, command=command, **found.groupdict())
    return translate("cli.usage.other", language, command=command, detail=message)


def _raw_language(argv: Sequence[str]) -> str:
    """`--lang xx` / `--lang=xx` as given, else $TABULA_LANG, else Dutch: for messages said before parsing ends."""
    given = os.environ.get("TABULA_LANG", "nl")
    for index, word in enumerate(argv):
        if word == "--lang" and index + 1 < len(argv):
            given = argv[index + 1]
        elif word.startswith("--lang="):
            given = word.removeprefix("--lang=")
    return given if given in LANGUAGES else "nl"


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
    where = station.add_mutually_exclusive_group()  # training never touches a real master stick
    where.add_argument("--stick", type=Path, help="the stick folder (default: wait for a stick)")
    where.add_argument("--training", action="store_true", help="training mode on the embedded demo election")
    station.add_argument("--witness", action="store_true", help="show the witness screen as a window on one screen")
    station.set_defaults(handler=_station)

    demo = sub.add_parser("demo", help="the kiosk app on the embedded demo election")
    demo.add_argument("--headless", action="store_true", help="count the demo without a screen and print the result")
    demo.add_argument("--witness", action="store_true", help="show the witness screen as a window on one screen")
    demo.add_argument("--training", action="store_true", help="training mode: every screen and output marked")
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
        "--bureau", type=Path, help="the bureau file (JSON): receipts per polling station, members, remarks"
    )
    replay.add_argument(
        "--ca", type=Path, help="root certificate to trust (default: the appliance's, else the stick's)"
    )
    replay.add_argument(
        "--training", action="store_true", help="a training run: every output marked as training (verify refuses it)"
    )
    replay.set_defaults(handler=_replay)

    verify = sub.add_parser("verify", help="check every result on one or several sticks, with a full recount")
    verify.add_argument("sticks", type=Path, nargs="+", metavar="STICK_DIR", help="the stick folders (one or more)")
    verify.add_argument("--ca", type=Path, required=True, help="the root certificate (root.pem)")
    verify.add_argument("--json", action="store_true", help="print the report as JSON")
    verify.add_argument(
        "--at",
        type=_moment,
        help="check certificates as valid at this date (YYYY-MM-DD), e.g. election night, for a later audit",
    )
    verify.add_argument(
        "--definition",
        type=Path,
        help="the authority's candidates.csv or EML 230: each result must be of an official election, constituency "
        "and lists",
    )
    verify.add_argument(
        "--budget",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="stop one bureau's checks after this long and report it (default 60; 0: no limit)",
    )
    verify.set_defaults(handler=_verify)

    keys = sub.add_parser("keys", help="numeric-keypad keys of a pass, and the pass of keys (docs/keypad.md)")
    keys_sub: argparse._SubParsersAction[argparse.ArgumentParser] = keys.add_subparsers(
        dest="keys_command", metavar="{encode,decode}", parser_class=_Parser, required=True
    )
    encode = keys_sub.add_parser("encode", help="the shortest keys that enter a pass file, one keysym a line")
    encode.add_argument("pass_file", type=Path, metavar="PASS.csv", help="the pass file (pile,position,marks,status)")
    encode.set_defaults(handler=_keys_encode)
    decode = keys_sub.add_parser("decode", help="the pass file that a key file enters")
    decode.add_argument("keys_file", type=Path, metavar="KEYS.txt", help="one keysym a line (KP_0 … KP_Enter)")
    decode.set_defaults(handler=_keys_decode)
    for command in (encode, decode):
        command.add_argument("--candidates", type=Path, required=True, help="candidates.csv of the authority")
        command.add_argument("--election", required=True, help="the election code (CK, EU, VL, WL, BR, DE)")
        command.add_argument("--constituency", required=True, help="the constituency as named in candidates.csv")
    return parser


def _moment(text: str) -> dt.datetime:
    day = dt.date.fromisoformat(text)  # a ValueError is argparse's "invalid value", said with the value
    return dt.datetime(day.year, day.month, day.day, 23, 59, tzinfo=dt.UTC)


def _station(args: argparse.Namespace) -> int:
    if args.training:
        from app.demo import run_training_station

        return run_training_station(language=_language(args), witness=args.witness)
    from app.ui.main import run_station

    return run_station(stick=args.stick, language=_language(args), witness=args.witness)


def _demo(args: argparse.Namespace) -> int:
    from app.demo import run_demo

    return run_demo(headless=args.headless, language=_language(args), witness=args.witness, training=args.training)


def _replay(args: argparse.Namespace) -> int:
    from app.replay import replay_command

    return replay_command(args, _language(args))


def _verify(args: argparse.Namespace) -> int:
    from app.verify import verify_command

    return verify_command(args, _language(args))


def _keys_election(args: argparse.Namespace) -> Election:
    from provisioning.csv_import import read_candidates

    elections = read_candidates(args.candidates)
    codes = sorted({code.value for code, _ in elections})
    code = next((ElectionCode(c) for c in codes if c == args.election), None)
    if code is None:
        known = ", ".join(codes)
        raise BadInput("keys.unknown_election", election=args.election, file=args.candidates.name, known=known)
    election = elections.get((code, args.constituency))
    if election is None:
        known = ", ".join(sorted(name for c, name in elections if c is code))
        raise BadInput(
            "keys.unknown_constituency",
            constituency=args.constituency,
            election=code.value,
            file=args.candidates.name,
            known=known,
        )
    return election


def _keys_encode(args: argparse.Namespace) -> int:
    from app.counting.keypad import encode_pass
    from app.pass_files import read_pile_file

    election = _keys_election(args)
    piles = read_pile_file(args.pass_file, election)
    keys = encode_pass(election, [(pile.pile, pile.ballots) for pile in piles])
    sys.stdout.write("".join(f"{key.value}\n" for key in keys))
    return EXIT_OK


def _keys_decode(args: argparse.Namespace) -> int:
    from app.counting.keypad import decode_pass, parse_keys
    from app.pass_files import PileRows, format_pile_file, read_text

    election = _keys_election(args)
    piles = decode_pass(election, parse_keys(read_text(args.keys_file).split("\n")))
    sys.stdout.write(format_pile_file(PileRows(number, ballots) for number, ballots in piles))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    _usage_language.set(_raw_language(sys.argv[1:] if argv is None else argv))
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
