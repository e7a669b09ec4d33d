"""Texts of the stick (S1, S3) and of the security log (X1): what happened, and what to do next."""

_KEPT = {
    "nl": "Er gaat niets verloren: de telling blijft bewaard op het toestel.",
    "fr": "Rien n'est perdu : le dépouillement reste conservé sur l'appareil.",
    "de": "Es geht nichts verloren: Die Zählung bleibt auf dem Gerät gespeichert.",
}


def _with_kept(texts: dict[str, str]) -> dict[str, str]:
    return {language: f"{text} {_KEPT[language]}" for language, text in texts.items()}


MESSAGES = {
    "stick.missing": _with_kept(
        {
            "nl": "Er is geen USB-stick gevonden. Steek de stick van het bureau in en druk op 'Opnieuw proberen'.",
            "fr": "Aucune clé USB n'a été trouvée. Insérez la clé du bureau et appuyez sur « Réessayer ».",
            "de": "Es wurde kein USB-Stick gefunden. Stecken Sie den Stick des Büros ein und drücken Sie "
            "„Erneut versuchen“.",
        }
    ),
    "stick.full": _with_kept(
        {
            "nl": "De USB-stick is vol. Steek een andere stick in en druk op 'Opnieuw proberen'.",
            "fr": "La clé USB est pleine. Insérez une autre clé et appuyez sur « Réessayer ».",
            "de": "Der USB-Stick ist voll. Stecken Sie einen anderen Stick ein und drücken Sie „Erneut versuchen“.",
        }
    ),
    "stick.read_only": _with_kept(
        {
            "nl": "Er kan niet op de USB-stick geschreven worden (schrijfbeveiligd of alleen-lezen). Zet het "
            "schuifje op de stick open of steek een andere stick in, en druk op 'Opnieuw proberen'.",
            "fr": "Impossible d'écrire sur la clé USB (protégée en écriture ou en lecture seule). Déverrouillez la "
            "clé ou insérez-en une autre, puis appuyez sur « Réessayer ».",
            "de": "Auf den USB-Stick kann nicht geschrieben werden (schreibgeschützt). Heben Sie den Schreibschutz "
            "auf oder stecken Sie einen anderen Stick ein und drücken Sie „Erneut versuchen“.",
        }
    ),
    "stick.removed": _with_kept(
        {
            "nl": "De USB-stick is verwijderd of niet meer leesbaar tijdens het schrijven. Steek hem (of een andere "
            "stick) opnieuw in en druk op 'Opnieuw proberen'.",
            "fr": "La clé USB a été retirée ou n'est plus lisible pendant l'écriture. Réinsérez-la (ou une autre "
            "clé) et appuyez sur « Réessayer ».",
            "de": "Der USB-Stick wurde während des Schreibens entfernt oder ist nicht mehr lesbar. Stecken Sie ihn "
            "(oder einen anderen Stick) wieder ein und drücken Sie „Erneut versuchen“.",
        }
    ),
    "stick.no_master": _with_kept(
        {
            "nl": "In deze map staat geen master: de USB-stick is uitgetrokken of het is een lege stick. Er is niets "
            "geschreven. Steek de stick van het bureau (of een andere kopie van dezelfde master) in en druk op "
            "'Opnieuw proberen'.",
            "fr": "Ce dossier ne contient pas de master : la clé USB a été retirée ou elle est vide. Rien n'a été "
            "écrit. Insérez la clé du bureau (ou une autre copie du même master) et appuyez sur « Réessayer ».",
            "de": "In diesem Ordner ist kein Master: Der USB-Stick wurde abgezogen oder ist leer. Es wurde nichts "
            "geschrieben. Stecken Sie den Stick des Büros (oder eine andere Kopie desselben Masters) ein und drücken "
            "Sie „Erneut versuchen“.",
        }
    ),
    "stick.foreign": _with_kept(
        {
            "nl": "Deze USB-stick bevat een andere master dan die waarmee deze telling geladen werd. Er is niets "
            "geschreven. Steek de stick van het bureau (of een andere kopie van dezelfde master) in en druk op "
            "'Opnieuw proberen'.",
            "fr": "Cette clé USB contient un autre master que celui avec lequel ce dépouillement a été chargé. Rien "
            "n'a été écrit. Insérez la clé du bureau (ou une autre copie du même master) et appuyez sur « Réessayer ».",
            "de": "Dieser USB-Stick enthält einen anderen Master als den, mit dem diese Zählung geladen wurde. Es "
            "wurde nichts geschrieben. Stecken Sie den Stick des Büros (oder eine andere Kopie desselben Masters) ein "
            "und drücken Sie „Erneut versuchen“.",
        }
    ),
    "stick.verify_failed": _with_kept(
        {
            "nl": "De resultaten werden niet foutloos teruggelezen van de USB-stick; de stick is wellicht defect. "
            "Steek een andere stick in en druk op 'Opnieuw proberen'.",
            "fr": "Les résultats relus sur la clé USB ne correspondent pas ; la clé est sans doute défectueuse. "
            "Insérez une autre clé et appuyez sur « Réessayer ».",
            "de": "Die vom USB-Stick zurückgelesenen Ergebnisse stimmen nicht; der Stick ist wohl defekt. Stecken "
            "Sie einen anderen Stick ein und drücken Sie „Erneut versuchen“.",
        }
    ),
    "stick.write_failed": _with_kept(
        {
            "nl": "Schrijven naar de USB-stick is mislukt (fout {errno}). Steek een andere stick in en druk op "
            "'Opnieuw proberen'; lukt het weer niet, bel dan de helpdesk.",
            "fr": "L'écriture sur la clé USB a échoué (erreur {errno}). Insérez une autre clé et appuyez sur "
            "« Réessayer » ; si cela échoue encore, appelez le helpdesk.",
            "de": "Das Schreiben auf den USB-Stick ist fehlgeschlagen (Fehler {errno}). Stecken Sie einen anderen "
            "Stick ein und drücken Sie „Erneut versuchen“; schlägt es wieder fehl, rufen Sie den Helpdesk an.",
        }
    ),
    "stick.read_failed": {
        "nl": "De USB-stick kon niet gelezen worden. Steek hem opnieuw in en probeer opnieuw; lukt het weer niet, "
        "vraag dan een kopie van de stick aan het bureau.",
        "fr": "La clé USB n'a pas pu être lue. Réinsérez-la et réessayez ; si cela échoue encore, demandez une "
        "copie de la clé au bureau.",
        "de": "Der USB-Stick konnte nicht gelesen werden. Stecken Sie ihn wieder ein und versuchen Sie es erneut; "
        "schlägt es wieder fehl, fordern Sie beim Büro eine Kopie des Sticks an.",
    },
    "stick.bad_name": {
        "nl": "De naam '{name}' kan niet op een USB-stick voor Windows gebruikt worden. Dit is een fout in de "
        "gegevens of de software; stop en bel de helpdesk.",
        "fr": "Le nom « {name} » ne peut pas être utilisé sur une clé USB lisible sous Windows. C'est une erreur "
        "des données ou du logiciel ; arrêtez et appelez le helpdesk.",
        "de": "Der Name „{name}“ kann auf einem unter Windows lesbaren USB-Stick nicht verwendet werden. Das ist "
        "ein Fehler der Daten oder der Software; halten Sie an und rufen Sie den Helpdesk an.",
    },
    "stick.results_missing": {
        "nl": "Er staan geen volledige resultaten van bureau {station} op deze USB-stick. Controleer of dit de "
        "juiste stick is; zo ja, laat het bureau de resultaten opnieuw wegschrijven.",
        "fr": "Cette clé USB ne contient pas de résultats complets du bureau {station}. Vérifiez qu'il s'agit de "
        "la bonne clé ; si oui, faites réécrire les résultats par le bureau.",
        "de": "Auf diesem USB-Stick sind keine vollständigen Ergebnisse des Büros {station}. Prüfen Sie, ob es "
        "der richtige Stick ist; wenn ja, lassen Sie das Büro die Ergebnisse erneut schreiben.",
    },
    "stick.results_altered": {
        "nl": "De resultaten van bureau {station} op deze USB-stick zijn onvolledig of gewijzigd (bestand "
        "{file}). Gebruik ze niet; laat het bureau de resultaten opnieuw wegschrijven.",
        "fr": "Les résultats du bureau {station} sur cette clé USB sont incomplets ou modifiés (fichier {file}). "
        "Ne les utilisez pas ; faites réécrire les résultats par le bureau.",
        "de": "Die Ergebnisse des Büros {station} auf diesem USB-Stick sind unvollständig oder verändert (Datei "
        "{file}). Verwenden Sie sie nicht; lassen Sie das Büro die Ergebnisse erneut schreiben.",
    },
    "seclog.write_failed": {
        "nl": "Het beveiligingslogboek kon niet op het toestel bewaard worden. Stop en bel de helpdesk.",
        "fr": "Le journal de sécurité n'a pas pu être enregistré sur l'appareil. Arrêtez et appelez le helpdesk.",
        "de": "Das Sicherheitsprotokoll konnte nicht auf dem Gerät gespeichert werden. Halten Sie an und rufen "
        "Sie den Helpdesk an.",
    },
    "seclog.corrupt": {
        "nl": "Het beveiligingslogboek op het toestel is beschadigd of gewijzigd. Stop en bel de helpdesk.",
        "fr": "Le journal de sécurité de l'appareil est endommagé ou modifié. Arrêtez et appelez le helpdesk.",
        "de": "Das Sicherheitsprotokoll auf dem Gerät ist beschädigt oder verändert. Halten Sie an und rufen Sie "
        "den Helpdesk an.",
    },
    # Display names of the security-log events (app.seclog.EVENTS).
    "seclog.event.login.succeeded": {"nl": "Aangemeld", "fr": "Connexion réussie", "de": "Anmeldung erfolgreich"},
    "seclog.event.login.failed": {
        "nl": "Aanmelding mislukt",
        "fr": "Échec de la connexion",
        "de": "Anmeldung fehlgeschlagen",
    },
    "seclog.event.login.throttled": {
        "nl": "Aanmelden vertraagd na herhaalde foute wachtwoorden",
        "fr": "Connexion ralentie après des mots de passe erronés répétés",
        "de": "Anmeldung nach wiederholt falschen Passwörtern verzögert",
    },
    "seclog.event.logout": {"nl": "Afgemeld", "fr": "Déconnexion", "de": "Abmeldung"},
    "seclog.event.exception": {"nl": "Onverwachte fout", "fr": "Erreur inattendue", "de": "Unerwarteter Fehler"},
    "seclog.event.stick.inserted": {
        "nl": "USB-stick ingestoken",
        "fr": "Clé USB insérée",
        "de": "USB-Stick eingesteckt",
    },
    "seclog.event.stick.removed": {"nl": "USB-stick verwijderd", "fr": "Clé USB retirée", "de": "USB-Stick entfernt"},
    "seclog.event.config.loaded": {
        "nl": "Gegevens van het bureau geladen",
        "fr": "Données du bureau chargées",
        "de": "Daten des Büros geladen",
    },
    "seclog.event.pass.started": {
        "nl": "Invoerronde gestart",
        "fr": "Passe d'encodage commencée",
        "de": "Eingaberunde begonnen",
    },
    "seclog.event.pass.finished": {
        "nl": "Invoerronde beëindigd",
        "fr": "Passe d'encodage terminée",
        "de": "Eingaberunde beendet",
    },
    "seclog.event.difference.decided": {
        "nl": "Verschil beslecht",
        "fr": "Différence tranchée",
        "de": "Abweichung entschieden",
    },
    "seclog.event.ballot.overruled": {
        "nl": "Beslissing van het bureau tegen beide invoeren",
        "fr": "Décision du bureau contre les deux encodages",
        "de": "Entscheidung des Zählbürovorstands gegen beide Eingaben",
    },
    "seclog.event.results.built": {
        "nl": "Resultaten aangemaakt",
        "fr": "Résultats établis",
        "de": "Ergebnisse erstellt",
    },
    "seclog.event.results.written": {
        "nl": "Resultaten weggeschreven",
        "fr": "Résultats enregistrés",
        "de": "Ergebnisse geschrieben",
    },
    "seclog.event.results.write_failed": {
        "nl": "Wegschrijven van de resultaten mislukt",
        "fr": "Échec de l'enregistrement des résultats",
        "de": "Schreiben der Ergebnisse fehlgeschlagen",
    },
    "seclog.event.replay.started": {
        "nl": "Opnieuw aanmaken van de resultaten gestart",
        "fr": "Régénération des résultats commencée",
        "de": "Neuerstellung der Ergebnisse begonnen",
    },
    "seclog.event.replay.finished": {
        "nl": "Opnieuw aanmaken van de resultaten beëindigd",
        "fr": "Régénération des résultats terminée",
        "de": "Neuerstellung der Ergebnisse beendet",
    },
    "seclog.event.log.recovered": {
        "nl": "Logboek hersteld na stroomonderbreking",
        "fr": "Journal rétabli après une coupure",
        "de": "Protokoll nach Stromausfall wiederhergestellt",
    },
    "seclog.event.log.sealed": {
        "nl": "Logboek verzegeld (ondertekend)",
        "fr": "Journal scellé (signé)",
        "de": "Protokoll versiegelt (signiert)",
    },
}
