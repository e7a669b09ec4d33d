"""`tabula verify`: everything an importer (Martine) or an auditor must check on a results stick.

For every bureau folder under `STICK/results/`: the manifest and every file hash; every EML file valid against the
OASIS EML 5.0 schemas; every XML signature (message and each ballot) and the PV's PAdES signature up to the given
root; the signer is the bureau the folder is named after; a full recount from the individual ballots of the 460
equal to the 510 results; both pass readings signed with the same bureau certificate, their comparison computed
again and every ballot of the result explained by them (`app.eml.pass_readings`); the control number and the files hash
printed in the PV equal to the recomputed ones; the security log's hash chain and seal; manifest.p7s, the bureau's
CMS signature over the exact bytes of manifest.json (so over every byte of every file).

What produced the result (X2, contract `--training`): the platform signed into each EML `Seal` (software version,
system hash, PCRs, mode) must be the same in every file of the bureau, in the PV's keywords and in the sealed
security log; `--json` reports it as `platform`, with `training`. A training result is a problem (it can never be
imported as a real one). A result made in development mode (no TPM) is a note, not a problem: tests, demos and
acceptance runs are made without TPM and must still verify, and the mode is printed on the PV, in every file and in
the report, so whoever imports results sees it; refusing it is the importer's decision, on `platform.mode`. When the
manifest or a file hash fails, training and platform are still read from every EML file whose own signature verifies
(`signed_messages`): a changed PV must not turn a training result into an unknown one; `--json` says "unknown" only
where nothing signed can be read.

The command takes several sticks (contract `verify STICK_DIR...`) and reports every bureau of each. Its own bad
input (an unreadable root, a stick folder that does not exist) is exit 2, said on stderr without the kiosk's "who can
fix it" sentence (whoever runs verify fixes their own command line), and with `--json` still as the JSON object on
stdout, which an import tool reads.

No file can hang or stop it (contract: one damaged bureau is that bureau's problems): files are refused by size
before they are read (`app.stick`), XML by shape before it is canonicalised (`app.eml.safe_xml`); whatever a
bureau's checks still raise becomes a problem of that bureau, and each bureau has a time budget (`--budget`,
60 s by default) after which its checks stop with a problem saying so. The other bureaus are verified all the same.

The parts: `report` (what is found), `sticks` (a stick's bureau folders, budget, manifest), `files` (every check of one
bureau's files, also the kiosk's self-check), `render` (the text and the `--json` object), `command` (the command line).
"""

from app.verify.command import (
    EXIT_BAD_INPUT,
    is_self_signed,
    read_definition,
    read_root,
    verify_command,
    verify_one_stick,
)
from app.verify.files import compare_tallies, election_from_count, verify_files
from app.verify.render import UNKNOWN, render_problem, report_text, sticks_json, sticks_text
from app.verify.report import TRAINING_PROBLEM, Message, Problem, StationReport, StickReport
from app.verify.sticks import DEFAULT_BUDGET, guarded, signed_messages, verify_results, verify_station, verify_stick

__all__ = [
    "DEFAULT_BUDGET",
    "EXIT_BAD_INPUT",
    "TRAINING_PROBLEM",
    "UNKNOWN",
    "Message",
    "Problem",
    "StationReport",
    "StickReport",
    "compare_tallies",
    "election_from_count",
    "guarded",
    "is_self_signed",
    "read_definition",
    "read_root",
    "render_problem",
    "report_text",
    "signed_messages",
    "sticks_json",
    "sticks_text",
    "verify_command",
    "verify_files",
    "verify_one_stick",
    "verify_results",
    "verify_station",
    "verify_stick",
]
