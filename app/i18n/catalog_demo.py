"""Messages of the demo and of the training mode (`tabula demo|station --training`, on the demo election)."""

MESSAGES = {
    # the permanent band on every screen in training (one line at 1024 px: keep it short)
    "training.band": {
        "nl": "OEFENMODUS · oefening op de demoverkiezing: dit is geen echte uitslag",
        "fr": "MODE FORMATION · exercice sur l'élection de démonstration : ce n'est pas un vrai résultat",
        "de": "SCHULUNGSMODUS · Übung mit der Demo-Wahl: dies ist kein echtes Ergebnis",
    },
    "demo.login": {
        "nl": "Demo: meld aan als bureau {station} met wachtwoord {password}.",
        "fr": "Démo : connectez-vous comme bureau {station} avec le mot de passe {password}.",
        "de": "Demo: Melden Sie sich als Büro {station} mit dem Passwort {password} an.",
    },
    "demo.no_screen": {
        "nl": "Er is geen scherm: de demo telt zonder scherm. Start op een computer met scherm om de kiosk te zien.",
        "fr": "Il n'y a pas d'écran : la démo compte sans écran. Lancez-la sur un ordinateur avec écran pour voir le kiosque.",
        "de": "Es gibt keinen Bildschirm: Die Demo zählt ohne Bildschirm. Starten Sie sie an einem Computer mit Bildschirm, um den Kiosk zu sehen.",
    },
    "demo.table.header": {
        "nl": "Lijst  Naam                     SC1   SC2   SC3   SC4 stemcijfer",
        "fr": "Liste  Nom                      SC1   SC2   SC3   SC4 chiffre électoral",
        "de": "Liste  Name                     SC1   SC2   SC3   SC4 Wahlziffer",
    },
    "demo.table.totals": {
        "nl": "Geteld {counted}: geldig {valid}, blanco {blank}, ongeldig {invalid}.",
        "fr": "Comptés {counted} : valables {valid}, blancs {blank}, nuls {invalid}.",
        "de": "Gezählt {counted}: gültig {valid}, weiß {blank}, ungültig {invalid}.",
    },
}
