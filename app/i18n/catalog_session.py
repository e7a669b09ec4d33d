"""Messages of the count session (results, PV wording built outside the PV module)."""

MESSAGES = {
    "session.not_final": {
        "nl": "De uitslag is nog niet vastgesteld. Beslis eerst alle verschillen en bevestig de controles.",
        "fr": "Le résultat n'est pas encore arrêté. Tranchez d'abord toutes les différences et confirmez les contrôles.",
        "de": "Das Ergebnis ist noch nicht festgestellt. Entscheiden Sie zuerst alle Abweichungen und bestätigen Sie die Kontrollen.",
    },
    "session.pv_reason": {
        "nl": "Proces-verbaal van het stemopnemingsbureau",
        "fr": "Procès-verbal du bureau de dépouillement",
        "de": "Protokoll des Zählbüros",
    },
    "session.pile_decided": {
        "nl": "stapel vastgesteld door het bureau ({ballots} stembiljetten)",
        "fr": "pile arrêtée par le bureau ({ballots} bulletins)",
        "de": "Stapel vom Büro festgestellt ({ballots} Stimmzettel)",
    },
    "session.all_polling_stations": {
        "nl": "Alle stembureaus samen",
        "fr": "Tous les bureaux de vote ensemble",
        "de": "Alle Wahlbüros zusammen",
    },
    "session.contested": {"nl": "betwist", "fr": "contesté", "de": "beanstandet"},
    "session.verdict.blank": {"nl": "blanco", "fr": "blanc", "de": "leer"},
    "session.verdict.invalid": {"nl": "ongeldig", "fr": "nul", "de": "ungültig"},
    "session.step.building": {
        "nl": "Uitslag en handtekeningen aanmaken…",
        "fr": "Création des résultats et des signatures…",
        "de": "Ergebnis und Signaturen werden erstellt…",
    },
    "session.step.writing": {
        "nl": "Wegschrijven naar de stick en nalezen…",
        "fr": "Écriture sur la clé et relecture…",
        "de": "Schreiben auf den Stick und Nachlesen…",
    },
    "session.step.done": {
        "nl": "Klaar. De stick mag verwijderd worden.",
        "fr": "Terminé. La clé peut être retirée.",
        "de": "Fertig. Der Stick darf entfernt werden.",
    },
}
