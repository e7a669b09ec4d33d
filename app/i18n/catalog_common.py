"""Messages shared by every part of the app."""

MESSAGES = {
    "fixer.bureau": {
        "nl": "(Het bureau kan dit zelf oplossen.)",
        "fr": "(Le bureau peut résoudre ce problème lui-même.)",
        "de": "(Das Büro kann dies selbst beheben.)",
    },
    "fixer.helpdesk": {
        "nl": "(Bel de helpdesk.)",
        "fr": "(Appelez le helpdesk.)",
        "de": "(Rufen Sie den Helpdesk an.)",
    },
    "ballot.unknown_mark": {
        "nl": "Het vakje {mark} bestaat niet op dit stembiljet. Controleer de lijst en het kandidaatnummer.",
        "fr": "La case {mark} n'existe pas sur ce bulletin. Vérifiez la liste et le numéro du candidat.",
        "de": "Das Feld {mark} gibt es auf diesem Stimmzettel nicht. Prüfen Sie die Liste und die Kandidatennummer.",
    },
}
