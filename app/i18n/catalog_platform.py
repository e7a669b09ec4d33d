"""Texts of the appliance itself (X2): the TPM, the measured boot state, the software version and system hash."""

_STOP = {
    "nl": "Werk niet verder op dit toestel: de telling blijft bewaard. Lees de helpdesk deze melding voor.",
    "fr": "Ne continuez pas sur cet appareil : le dépouillement reste conservé. Lisez ce message au helpdesk.",
    "de": "Arbeiten Sie auf diesem Gerät nicht weiter: Die Zählung bleibt gespeichert. Lesen Sie dem Helpdesk diese Meldung vor.",
}


def _then_stop(texts: dict[str, str]) -> dict[str, str]:
    return {language: f"{text} {_STOP[language]}" for language, text in texts.items()}


MESSAGES = {
    "platform.state_changed": _then_stop(
        {
            "nl": "De beveiligingschip (TPM) weigert te ondertekenen: het toestel is niet meer in de goedgekeurde toestand waarmee het opstartte.",
            "fr": "La puce de sécurité (TPM) refuse de signer : l'appareil n'est plus dans l'état approuvé dans lequel il a démarré.",
            "de": "Der Sicherheitschip (TPM) verweigert die Signatur: Das Gerät ist nicht mehr im genehmigten Zustand, in dem es gestartet wurde.",
        }
    ),
    "platform.pcr_mismatch": _then_stop(
        {
            "nl": "Dit toestel is niet opgestart met de goedgekeurde software (afwijkende meting in PCR {pcrs}).",
            "fr": "Cet appareil n'a pas démarré avec le logiciel approuvé (mesure différente dans le PCR {pcrs}).",
            "de": "Dieses Gerät wurde nicht mit der genehmigten Software gestartet (abweichende Messung in PCR {pcrs}).",
        }
    ),
    "platform.version_mismatch": _then_stop(
        {
            "nl": "De softwareversie of de systeemcode van dit toestel verschilt van de goedgekeurde.",
            "fr": "La version du logiciel ou l'empreinte du système de cet appareil diffère de celle approuvée.",
            "de": "Die Softwareversion oder der Systemhash dieses Geräts weicht von der genehmigten ab.",
        }
    ),
    "platform.tpm_unavailable": _then_stop(
        {
            "nl": "De beveiligingschip (TPM) van dit toestel is niet bereikbaar.",
            "fr": "La puce de sécurité (TPM) de cet appareil est inaccessible.",
            "de": "Der Sicherheitschip (TPM) dieses Geräts ist nicht erreichbar.",
        }
    ),
    "platform.tpm_failed": _then_stop(
        {
            "nl": "De beveiligingschip (TPM) van dit toestel gaf een fout.",
            "fr": "La puce de sécurité (TPM) de cet appareil a signalé une erreur.",
            "de": "Der Sicherheitschip (TPM) dieses Geräts hat einen Fehler gemeldet.",
        }
    ),
    "platform.expected_missing": _then_stop(
        {
            "nl": "Het bestand met de goedgekeurde metingen ontbreekt op dit toestel.",
            "fr": "Le fichier des mesures approuvées est absent de cet appareil.",
            "de": "Die Datei mit den genehmigten Messwerten fehlt auf diesem Gerät.",
        }
    ),
    "platform.expected_bad": _then_stop(
        {
            "nl": "Het bestand met de goedgekeurde metingen is beschadigd of niet correct ondertekend.",
            "fr": "Le fichier des mesures approuvées est endommagé ou mal signé.",
            "de": "Die Datei mit den genehmigten Messwerten ist beschädigt oder nicht korrekt signiert.",
        }
    ),
    "platform.blob_bad": _then_stop(
        {
            "nl": "De sleutel van het bureau kan niet in de beveiligingschip (TPM) geladen worden.",
            "fr": "La clé du bureau ne peut pas être chargée dans la puce de sécurité (TPM).",
            "de": "Der Schlüssel des Büros kann nicht in den Sicherheitschip (TPM) geladen werden.",
        }
    ),
    "platform.key_unsupported": _then_stop(
        {
            "nl": "De sleutel van het bureau is van een soort die de beveiligingschip (TPM) niet bewaart (alleen ECC P-256).",
            "fr": "La clé du bureau est d'un type que la puce de sécurité (TPM) ne conserve pas (ECC P-256 uniquement).",
            "de": "Der Schlüssel des Büros ist von einer Art, die der Sicherheitschip (TPM) nicht aufbewahrt (nur ECC P-256).",
        }
    ),
    "platform.key_mismatch": _then_stop(
        {
            "nl": "De sleutel in de beveiligingschip (TPM) hoort niet bij het certificaat van het bureau.",
            "fr": "La clé dans la puce de sécurité (TPM) ne correspond pas au certificat du bureau.",
            "de": "Der Schlüssel im Sicherheitschip (TPM) gehört nicht zum Zertifikat des Büros.",
        }
    ),
    # what the login screen shows under the form (software version and system hash, X2)
    "platform.identity": {
        "nl": "Software {version} · systeemcode {system_hash}",
        "fr": "Logiciel {version} · empreinte du système {system_hash}",
        "de": "Software {version} · Systemhash {system_hash}",
    },
    "platform.development": {
        "nl": "ONTWIKKELMODUS: geen beveiligingschip (TPM), niet-goedgekeurd systeem. Niet gebruiken voor een echte telling.",
        "fr": "MODE DÉVELOPPEMENT : pas de puce de sécurité (TPM), système non approuvé. Ne pas utiliser pour un vrai dépouillement.",
        "de": "ENTWICKLUNGSMODUS: kein Sicherheitschip (TPM), nicht genehmigtes System. Nicht für eine echte Zählung verwenden.",
    },
    # the permanent band on every screen of a kiosk without TPM (one line at 1024 px: keep it short)
    "platform.band.development": {
        "nl": "ONTWIKKELMODUS · zonder beveiligingschip (TPM): niet voor een echte telling",
        "fr": "MODE DÉVELOPPEMENT · sans puce de sécurité (TPM) : pas pour un vrai dépouillement",
        "de": "ENTWICKLUNGSMODUS · ohne Sicherheitschip (TPM): nicht für eine echte Zählung",
    },
    "platform.unverified": {"nl": "niet geverifieerd", "fr": "non vérifiée", "de": "nicht geprüft"},
    "seclog.event.platform.measured": {
        "nl": "Toestand van het toestel gemeten",
        "fr": "État de l'appareil mesuré",
        "de": "Zustand des Geräts gemessen",
    },
}
