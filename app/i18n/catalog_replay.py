"""Messages of `tabula replay`."""

MESSAGES = {
    "replay.decided_by_bureau": {"nl": "het bureau", "fr": "le bureau", "de": "der Zählbürovorstand"},
    "replay.no_root": {
        "nl": "Geen rootcertificaat gevonden (niet op het toestel en niet op de stick {stick}). Geef het op met --ca.",
        "fr": "Aucun certificat racine trouvé (ni sur l'appareil ni sur la clé {stick}). Indiquez-le avec --ca.",
        "de": "Kein Stammzertifikat gefunden (weder auf dem Gerät noch auf dem Stick {stick}). Geben Sie es mit --ca an.",
    },
    "replay.trusting_stick_root": {
        "nl": "Let op: geen rootcertificaat opgegeven; het certificaat op de stick zelf wordt vertrouwd. Gebruik --ca voor een echte telling.",
        "fr": "Attention : aucun certificat racine indiqué ; le certificat de la clé elle-même est utilisé. Utilisez --ca pour un vrai dépouillement.",
        "de": "Achtung: kein Stammzertifikat angegeben; dem Zertifikat auf dem Stick selbst wird vertraut. Verwenden Sie --ca für eine echte Zählung.",
    },
    "replay.bad_root": {
        "nl": "{file} is geen leesbaar certificaat (PEM). Geef het juiste rootcertificaat op.",
        "fr": "{file} n'est pas un certificat lisible (PEM). Indiquez le bon certificat racine.",
        "de": "{file} ist kein lesbares Zertifikat (PEM). Geben Sie das richtige Stammzertifikat an.",
    },
    "replay.bad_received": {
        "nl": "Het aantal ontvangen stembiljetten ({value}) moet tussen 0 en {maximum} liggen. Geef het juiste aantal op.",
        "fr": "Le nombre de bulletins reçus ({value}) doit être compris entre 0 et {maximum}. Indiquez le bon nombre.",
        "de": "Die Zahl der erhaltenen Stimmzettel ({value}) muss zwischen 0 und {maximum} liegen. Geben Sie die richtige Zahl an.",
    },
    "replay.open_differences": {
        "nl": "Er staan nog {count} verschillen open. Bekijk de stembiljetten en geef de beslissingen op met --decisions.",
        "fr": "Il reste {count} différences ouvertes. Examinez les bulletins et indiquez les décisions avec --decisions.",
        "de": "Es sind noch {count} Abweichungen offen. Prüfen Sie die Stimmzettel und geben Sie die Entscheidungen mit --decisions an.",
    },
    "replay.check_errors": {
        "nl": "De controles vonden fouten ({codes}). Er is niets op de stick geschreven. Bel de helpdesk.",
        "fr": "Les contrôles ont trouvé des erreurs ({codes}). Rien n'a été écrit sur la clé. Appelez le helpdesk.",
        "de": "Die Kontrollen haben Fehler gefunden ({codes}). Es wurde nichts auf den Stick geschrieben. Rufen Sie den Helpdesk an.",
    },
    "replay.pass_missing": {
        "nl": "Stapel {pile}: invoer {pass_no} ontbreekt. Voer de stapel een tweede keer in: elk stembiljet wordt twee keer ingevoerd, een beslissing vervangt geen invoer.",
        "fr": "Pile {pile} : l'encodage {pass_no} manque. Encodez la pile une seconde fois : chaque bulletin est encodé deux fois, une décision ne remplace pas un encodage.",
        "de": "Stapel {pile}: Eingabe {pass_no} fehlt. Geben Sie den Stapel ein zweites Mal ein: Jeder Stimmzettel wird zweimal eingegeben, eine Entscheidung ersetzt keine Eingabe.",
    },
    "replay.decision_needs_two_passes": {
        "nl": "{file}: over stapel {pile} kan het bureau pas beslissen als de stapel twee keer is ingevoerd, maar ze staat niet in {missing}. Voer de stapel een tweede keer in en geef die invoer op met {missing}.",
        "fr": "{file} : le bureau ne peut trancher la pile {pile} qu'une fois la pile encodée deux fois, mais elle ne figure pas dans {missing}. Encodez la pile une seconde fois et indiquez cet encodage avec {missing}.",
        "de": "{file}: Der Zählbürovorstand kann über Stapel {pile} erst entscheiden, wenn der Stapel zweimal eingegeben ist, aber er steht nicht in {missing}. Geben Sie den Stapel ein zweites Mal ein und geben Sie diese Eingabe mit {missing} an.",
    },
    "replay.decision_unknown_pile": {
        "nl": "{file}: stapel {pile} staat in geen van beide invoerbestanden (--pass1, --pass2): er valt niets over te beslissen. Kijk het stapelnummer na.",
        "fr": "{file} : la pile {pile} ne figure dans aucun des deux fichiers d'encodage (--pass1, --pass2) : il n'y a rien à trancher. Vérifiez le numéro de la pile.",
        "de": "{file}: Stapel {pile} steht in keiner der beiden Eingabedateien (--pass1, --pass2): Es gibt nichts zu entscheiden. Prüfen Sie die Stapelnummer.",
    },
    "replay.difference.changed": {
        "nl": "Stapel {pile}, stembiljet {position}: eerste invoer {pass1}, tweede invoer {pass2}.",
        "fr": "Pile {pile}, bulletin {position} : premier encodage {pass1}, second encodage {pass2}.",
        "de": "Stapel {pile}, Stimmzettel {position}: erste Eingabe {pass1}, zweite Eingabe {pass2}.",
    },
    "replay.difference.only-in-first": {
        "nl": "Stapel {pile}: stembiljet {position_1} van de eerste invoer ({pass1}) ontbreekt in de tweede invoer.",
        "fr": "Pile {pile} : le bulletin {position_1} du premier encodage ({pass1}) manque dans le second encodage.",
        "de": "Stapel {pile}: Stimmzettel {position_1} der ersten Eingabe ({pass1}) fehlt in der zweiten Eingabe.",
    },
    "replay.difference.only-in-second": {
        "nl": "Stapel {pile}: stembiljet {position_2} van de tweede invoer ({pass2}) ontbreekt in de eerste invoer.",
        "fr": "Pile {pile} : le bulletin {position_2} du second encodage ({pass2}) manque dans le premier encodage.",
        "de": "Stapel {pile}: Stimmzettel {position_2} der zweiten Eingabe ({pass2}) fehlt in der ersten Eingabe.",
    },
    "replay.difference.contested": {
        "nl": "Stapel {pile}, stembiljet {position}: betwist ({pass1}). Het bureau moet beslissen.",
        "fr": "Pile {pile}, bulletin {position} : contesté ({pass1}). Le bureau doit décider.",
        "de": "Stapel {pile}, Stimmzettel {position}: beanstandet ({pass1}). Das Büro muss entscheiden.",
    },
    "replay.difference.count-first": {
        "nl": "Stapel {pile}: de eerste invoer heeft {entered} stembiljetten, met de hand geteld {counted}.",
        "fr": "Pile {pile} : le premier encodage compte {entered} bulletins, comptés à la main {counted}.",
        "de": "Stapel {pile}: Die erste Eingabe hat {entered} Stimmzettel, von Hand gezählt {counted}.",
    },
    "replay.difference.count-second": {
        "nl": "Stapel {pile}: de tweede invoer heeft {entered} stembiljetten, met de hand geteld {counted}.",
        "fr": "Pile {pile} : le second encodage compte {entered} bulletins, comptés à la main {counted}.",
        "de": "Stapel {pile}: Die zweite Eingabe hat {entered} Stimmzettel, von Hand gezählt {counted}.",
    },
    "replay.severity.error": {"nl": "FOUT", "fr": "ERREUR", "de": "FEHLER"},
    "replay.severity.warning": {"nl": "WAARSCHUWING", "fr": "AVERTISSEMENT", "de": "WARNUNG"},
    "replay.training": {
        "nl": "Oefenmodus: elk bestand en elke pagina van het proces-verbaal is als oefening gemarkeerd; tabula verify weigert deze uitslag.",
        "fr": "Mode formation : chaque fichier et chaque page du procès-verbal sont marqués comme exercice ; tabula verify refuse ce résultat.",
        "de": "Schulungsmodus: Jede Datei und jede Seite des Protokolls ist als Übung gekennzeichnet; tabula verify lehnt dieses Ergebnis ab.",
    },
}
