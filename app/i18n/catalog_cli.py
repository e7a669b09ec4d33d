"""Messages of the command-line tools."""

MESSAGES = {
    "cli.internal_error": {
        "nl": "Er ging iets onverwachts mis ({kind}). Er is niets verloren. Bel de helpdesk.",
        "fr": "Une erreur inattendue s'est produite ({kind}). Rien n'est perdu. Appelez le helpdesk.",
        "de": "Etwas Unerwartetes ist schiefgegangen ({kind}). Es ist nichts verloren. Rufen Sie den Helpdesk an.",
    },
}
