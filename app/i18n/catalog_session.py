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
        "nl": "stapel vastgesteld door het bureau: {ballots} stembiljetten (met de hand geteld: {counted})",
        "fr": "pile arrêtée par le bureau : {ballots} bulletins (comptés à la main : {counted})",
        "de": "Stapel vom Zählbürovorstand festgestellt: {ballots} Stimmzettel (von Hand gezählt: {counted})",
    },
    "session.pile_entered": {
        "nl": "{ballots} stembiljetten ingevoerd",
        "fr": "{ballots} bulletins encodés",
        "de": "{ballots} Stimmzettel eingegeben",
    },
    "session.overrules_ahead": {
        "nl": "Let op: met deze keuzes beslist het bureau over {count} stembiljet(ten) tegen wat beide invoeren lazen (in de beslissing: {places}). Dat komt zo in het proces-verbaal en het beveiligingslogboek; schrijf de reden bij de toelichting.",
        "fr": "Attention : avec ces choix, le bureau décide de {count} bulletin(s) contre ce que les deux encodages ont lu (dans la décision : {places}). Cela figurera tel quel au procès-verbal et dans le journal de sécurité ; indiquez la raison dans l'explication.",
        "de": "Achtung: Mit dieser Wahl entscheidet der Zählbürovorstand über {count} Stimmzettel gegen das, was beide Eingaben gelesen haben (in der Entscheidung: {places}). Das kommt so in das Protokoll und das Sicherheitsprotokoll; schreiben Sie den Grund in die Erläuterung.",
    },
    "session.all_polling_stations": {
        "nl": "Alle stembureaus samen",
        "fr": "Tous les bureaux de vote ensemble",
        "de": "Alle Wahlbüros zusammen",
    },
    "session.no_ballot_here": {
        "nl": "geen stembiljet (niet in de stapel)",
        "fr": "pas de bulletin (absent de la pile)",
        "de": "kein Stimmzettel (nicht im Stapel)",
    },
    "session.contested": {"nl": "betwist", "fr": "contesté", "de": "beanstandet"},
    "session.verdict.blank": {"nl": "blanco", "fr": "blanc", "de": "weiß"},
    "session.verdict.invalid": {"nl": "ongeldig", "fr": "nul", "de": "ungültig"},
    "session.step.building": {
        "nl": "Uitslag en handtekeningen aanmaken…",
        "fr": "Création des résultats et des signatures…",
        "de": "Ergebnis und Signaturen werden erstellt…",
    },
    "session.self_check_failed": {
        "nl": "De uitslag doorstaat de eigen controle niet ({problem}). Er is niets op de stick geschreven en niets verloren. Bel de helpdesk.",
        "fr": "Les résultats ne passent pas le contrôle interne ({problem}). Rien n'a été écrit sur la clé et rien n'est perdu. Appelez le helpdesk.",
        "de": "Das Ergebnis besteht die eigene Kontrolle nicht ({problem}). Es wurde nichts auf den Stick geschrieben und nichts ist verloren. Rufen Sie den Helpdesk an.",
    },
    "session.step.checking": {
        "nl": "Uitslag nakijken zoals de kantonhoofdbureaus dat doen…",
        "fr": "Vérification des résultats comme le feront les bureaux principaux de canton…",
        "de": "Das Ergebnis wird geprüft, wie es die Hauptwahlvorstände der Kantone tun…",
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
    "session.provenance_lost": {
        "nl": "de bestanden vermelden niet het toestel of de oefenmodus van deze telling",
        "fr": "les fichiers n'indiquent pas l'appareil ou le mode formation de ce dépouillement",
        "de": "die Dateien nennen nicht das Gerät oder den Schulungsmodus dieser Zählung",
    },
    "seclog.event.platform.refused": {
        "nl": "Ondertekening geweigerd: toestel gewijzigd",
        "fr": "Signature refusée : appareil modifié",
        "de": "Signatur verweigert: Gerät verändert",
    },
}
