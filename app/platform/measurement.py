"""What produced a result: the software, the measured system it ran on, and whether it was a training run.

Pure values (no TPM, no I/O), so the counting shell, the EML writer, the PV and `verify` can all carry them:
`Measurement` is read by `app.platform.tpm` at login; `Provenance` travels with the logged-in bureau
(`LoadedStation.provenance`) into every output. A result made without a TPM says "development" everywhere, and a
training result says "training" everywhere: neither is ever silent, and `verify` refuses both as a real result
(training always; development unless the auditor allows it).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

import app


class Mode(enum.Enum):
    TPM = "tpm"
    DEVELOPMENT = "development"  # no TPM: explicit, shown on screen and in every output, never silent


@dataclass(frozen=True)
class Measurement:
    """Which software runs, on which system image, in which measured boot state."""

    software_version: str
    system_hash: str  # the dm-verity root hash of the image; "" where there is none (development)
    pcrs: Mapping[int, str] = field(default_factory=dict)  # PCR index -> SHA-256 value, lowercase hex
    mode: Mode = Mode.DEVELOPMENT

    def as_detail(self) -> dict[str, str]:
        """The measurement as the flat detail of the security log's `platform.measured` event (one field a PCR)."""
        detail = {"software_version": self.software_version, "system_hash": self.system_hash, "mode": self.mode.value}
        detail.update({f"pcr{index}": value for index, value in sorted(self.pcrs.items())})
        return detail

    def as_record(self) -> dict[str, object]:
        """The measurement as plain JSON values (the security log's detail, later `verify --json`)."""
        return {
            "software_version": self.software_version,
            "system_hash": self.system_hash,
            "pcrs": {str(index): value for index, value in sorted(self.pcrs.items())},
            "mode": self.mode.value,
        }


def development_measurement(software_version: str) -> Measurement:
    """The measurement of a machine without TPM: the development mode every caller shows as such."""
    return Measurement(software_version, "", {}, Mode.DEVELOPMENT)


@dataclass(frozen=True)
class Provenance:
    """Where a count ran: the platform's measurement and whether it is a training run (contract `--training`)."""

    measurement: Measurement = field(default_factory=lambda: development_measurement(app.__version__))
    training: bool = False
