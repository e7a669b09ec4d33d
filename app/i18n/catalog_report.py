"""Labels of the proces-verbaal (O3) and messages of the PDF signature check, in NL/FR/DE (U1).

Terms follow shared/spec/glossary.md (stemopnemingsbureau / bureau de dépouillement / Zählbüro, ...).
"""

MESSAGES = {
    # --- header -------------------------------------------------------------------------------------------------
    "pv.title": {
        "nl": "Proces-verbaal van het stemopnemingsbureau",
        "fr": "Procès-verbal du bureau de dépouillement",
        "de": "Protokoll des Zählbüros",
    },
    "pv.election": {"nl": "Verkiezing", "fr": "Élection", "de": "Wahl"},
    "pv.election.CK": {
        "nl": "Kamer van volksvertegenwoordigers",
        "fr": "Chambre des représentants",
        "de": "Abgeordnetenkammer",
    },
    "pv.election.EU": {"nl": "Europees Parlement", "fr": "Parlement européen", "de": "Europäisches Parlament"},
    "pv.election.VL": {"nl": "Vlaams Parlement", "fr": "Parlement flamand", "de": "Flämisches Parlament"},
    "pv.election.WL": {"nl": "Waals Parlement", "fr": "Parlement wallon", "de": "Wallonisches Parlament"},
    "pv.election.BR": {
        "nl": "Brussels Hoofdstedelijk Parlement",
        "fr": "Parlement de la Région de Bruxelles-Capitale",
        "de": "Parlament der Region Brüssel-Hauptstadt",
    },
    "pv.election.DE": {
        "nl": "Parlement van de Duitstalige Gemeenschap",
        "fr": "Parlement de la Communauté germanophone",
        "de": "Parlament der Deutschsprachigen Gemeinschaft",
    },
    "pv.constituency": {"nl": "Kieskring", "fr": "Circonscription électorale", "de": "Wahlkreis"},
    "pv.college": {"nl": "Kiescollege", "fr": "Collège électoral", "de": "Wahlkollegium"},
    "pv.canton": {"nl": "Kieskanton", "fr": "Canton électoral", "de": "Wahlkanton"},
    "pv.bureau": {"nl": "Stemopnemingsbureau", "fr": "Bureau de dépouillement", "de": "Zählbüro"},
    "pv.polling_stations": {"nl": "Stembureaus", "fr": "Bureaux de vote", "de": "Wahlbüros"},
    "pv.generated": {
        "nl": "Opgemaakt op {at} met Tabula {version}",
        "fr": "Établi le {at} avec Tabula {version}",
        "de": "Erstellt am {at} mit Tabula {version}",
    },
    "pv.none": {"nl": "Geen.", "fr": "Néant.", "de": "Keine."},
    "pv.page": {"nl": "pagina {page} van {pages}", "fr": "page {page} sur {pages}", "de": "Seite {page} von {pages}"},
    # --- composition ----------------------------------------------------------------------------------------------
    "pv.section.composition": {
        "nl": "Samenstelling van het bureau",
        "fr": "Composition du bureau",
        "de": "Zusammensetzung des Zählbüros",
    },
    "pv.president": {"nl": "Voorzitter", "fr": "Président", "de": "Vorsitzender"},
    "pv.secretary": {"nl": "Secretaris", "fr": "Secrétaire", "de": "Sekretär"},
    "pv.assessor": {"nl": "Bijzitter {n}", "fr": "Assesseur {n}", "de": "Beisitzer {n}"},
    "pv.witness": {"nl": "Getuige {n}", "fr": "Témoin {n}", "de": "Zeuge {n}"},
    # --- ballots received per polling station --------------------------------------------------------------------
    "pv.section.received": {
        "nl": "Ontvangen en getelde stembiljetten per stembureau",
        "fr": "Bulletins reçus et comptés par bureau de vote",
        "de": "Erhaltene und gezählte Stimmzettel je Wahlbüro",
    },
    "pv.col.polling_station": {"nl": "Stembureau", "fr": "Bureau de vote", "de": "Wahlbüro"},
    "pv.col.received": {
        "nl": "Ontvangen (pv stembureau)",
        "fr": "Reçus (PV du bureau de vote)",
        "de": "Erhalten (Protokoll Wahlbüro)",
    },
    "pv.col.counted": {"nl": "Geteld", "fr": "Comptés", "de": "Gezählt"},
    "pv.col.difference": {"nl": "Verschil", "fr": "Différence", "de": "Abweichung"},
    "pv.total": {"nl": "Totaal", "fr": "Total", "de": "Insgesamt"},
    # --- totals ---------------------------------------------------------------------------------------------------
    "pv.section.totals": {"nl": "Totalen", "fr": "Totaux", "de": "Gesamtergebnis"},
    "pv.counted": {"nl": "Getelde stembiljetten", "fr": "Bulletins comptés", "de": "Gezählte Stimmzettel"},
    "pv.valid": {"nl": "Geldige stembiljetten", "fr": "Bulletins valables", "de": "Gültige Stimmzettel"},
    "pv.blank_or_invalid": {
        "nl": "Blanco of ongeldige stembiljetten",
        "fr": "Bulletins blancs ou nuls",
        "de": "Leere oder ungültige Stimmzettel",
    },
    "pv.blank": {"nl": "waarvan blanco", "fr": "dont blancs", "de": "davon weiß"},
    "pv.invalid": {"nl": "waarvan ongeldig", "fr": "dont nuls", "de": "davon ungültig"},
    "pv.cause.several-lists": {
        "nl": "stemmen op meer dan één lijst",
        "fr": "votes sur plus d'une liste",
        "de": "Stimmen für mehr als eine Liste",
    },
    "pv.cause.not-official": {
        "nl": "geen officieel stembiljet",
        "fr": "bulletin non officiel",
        "de": "kein amtlicher Stimmzettel",
    },
    "pv.cause.identifying-mark": {
        "nl": "teken waardoor de kiezer herkenbaar is",
        "fr": "signe permettant d'identifier l'électeur",
        "de": "Kennzeichen, das den Wähler erkennbar macht",
    },
    "pv.cause.altered": {
        "nl": "vorm of afmetingen gewijzigd",
        "fr": "forme ou dimensions modifiées",
        "de": "Form oder Größe verändert",
    },
    "pv.cause.other": {"nl": "andere reden", "fr": "autre motif", "de": "anderer Grund"},
    # --- per list ---------------------------------------------------------------------------------------------------
    "pv.section.lists": {"nl": "Uitslag per lijst", "fr": "Résultats par liste", "de": "Ergebnisse je Liste"},
    "pv.list": {"nl": "Lijst {number}: {name}", "fr": "Liste {number} : {name}", "de": "Liste {number}: {name}"},
    "pv.sc1": {
        "nl": "Subcategorie 1: enkel lijststem (stem bovenaan de lijst)",
        "fr": "Sous-catégorie 1 : vote en tête de liste uniquement",
        "de": "Unterkategorie 1: nur Listenstimme (Kopffeld)",
    },
    "pv.sc2": {
        "nl": "Subcategorie 2: enkel kandidaat-titularissen",
        "fr": "Sous-catégorie 2 : candidats titulaires uniquement",
        "de": "Unterkategorie 2: nur ordentliche Kandidaten",
    },
    "pv.sc3": {
        "nl": "Subcategorie 3: kandidaat-titularissen en kandidaat-opvolgers",
        "fr": "Sous-catégorie 3 : candidats titulaires et suppléants",
        "de": "Unterkategorie 3: ordentliche und Ersatzkandidaten",
    },
    "pv.sc4": {
        "nl": "Subcategorie 4: enkel kandidaat-opvolgers",
        "fr": "Sous-catégorie 4 : candidats suppléants uniquement",
        "de": "Unterkategorie 4: nur Ersatzkandidaten",
    },
    "pv.ce": {
        "nl": "Stemcijfer (SC1 + SC2 + SC3 + SC4)",
        "fr": "Chiffre électoral (SC1 + SC2 + SC3 + SC4)",
        "de": "Wahlziffer (SC1 + SC2 + SC3 + SC4)",
    },
    "pv.titulars": {"nl": "Kandidaat-titularissen", "fr": "Candidats titulaires", "de": "Ordentliche Kandidaten"},
    "pv.successors": {"nl": "Kandidaat-opvolgers", "fr": "Candidats suppléants", "de": "Ersatzkandidaten"},
    "pv.col.votes": {"nl": "Stemmen", "fr": "Voix", "de": "Stimmen"},
    # --- checks -----------------------------------------------------------------------------------------------------
    "pv.section.checks": {"nl": "Controles", "fr": "Contrôles", "de": "Kontrollen"},
    "pv.checks_run": {
        "nl": "Uitgevoerde controles: {codes}.",
        "fr": "Contrôles effectués : {codes}.",
        "de": "Durchgeführte Kontrollen: {codes}.",
    },
    "pv.checks_passed": {
        "nl": "Alle controles zijn geslaagd.",
        "fr": "Tous les contrôles sont réussis.",
        "de": "Alle Kontrollen sind bestanden.",
    },
    "pv.col.code": {"nl": "Code", "fr": "Code", "de": "Code"},
    "pv.col.severity": {"nl": "Ernst", "fr": "Gravité", "de": "Schwere"},
    "pv.col.message": {"nl": "Bevinding", "fr": "Constat", "de": "Feststellung"},
    "pv.col.outcome": {"nl": "Gevolg", "fr": "Suite", "de": "Folge"},
    "pv.severity.error": {"nl": "fout", "fr": "erreur", "de": "Fehler"},
    "pv.severity.warning": {"nl": "waarschuwing", "fr": "avertissement", "de": "Warnung"},
    "pv.acknowledged": {
        "nl": "door het bureau gezien",
        "fr": "acté par le bureau",
        "de": "vom Zählbüro zur Kenntnis genommen",
    },
    "pv.not_acknowledged": {"nl": "niet gezien", "fr": "non acté", "de": "nicht zur Kenntnis genommen"},
    # --- differences, contested ballots, remarks --------------------------------------------------------------------
    "pv.section.differences": {
        "nl": "Verschillen tussen eerste en tweede invoer en beslissingen van het bureau",
        "fr": "Différences entre premier et second encodage et décisions du bureau",
        "de": "Abweichungen zwischen erster und zweiter Eingabe und Entscheidungen des Zählbüros",
    },
    "pv.col.ballot": {"nl": "Stapel / positie", "fr": "Pile / position", "de": "Stapel / Position"},
    "pv.col.pass1": {"nl": "Eerste invoer", "fr": "Premier encodage", "de": "Erste Eingabe"},
    "pv.col.pass2": {"nl": "Tweede invoer", "fr": "Second encodage", "de": "Zweite Eingabe"},
    "pv.col.final": {"nl": "Beslissing", "fr": "Décision", "de": "Entscheidung"},
    "pv.col.decided_by": {"nl": "Door", "fr": "Par", "de": "Durch"},
    "pv.col.decided_at": {"nl": "Tijdstip", "fr": "Moment", "de": "Zeitpunkt"},
    "pv.col.content": {"nl": "Inhoud", "fr": "Contenu", "de": "Inhalt"},
    "pv.section.contested": {
        "nl": "Betwiste stembiljetten",
        "fr": "Bulletins contestés",
        "de": "Beanstandete Stimmzettel",
    },
    "pv.section.remarks": {"nl": "Opmerkingen", "fr": "Observations", "de": "Bemerkungen"},
    # --- control number, hash, signatures ---------------------------------------------------------------------------
    "pv.section.control": {"nl": "Controlegetal", "fr": "Nombre de contrôle", "de": "Kontrollzahl"},
    "pv.control_help": {
        "nl": "Neem dit getal over op het papieren formulier.",
        "fr": "Recopiez ce nombre sur le formulaire papier.",
        "de": "Übertragen Sie diese Zahl auf das Papierformular.",
    },
    "pv.sha256": {
        "nl": "SHA-256 over alle resultaatbestanden",
        "fr": "SHA-256 de l'ensemble des fichiers de résultats",
        "de": "SHA-256 über alle Ergebnisdateien",
    },
    "pv.section.signatures": {"nl": "Handtekeningen", "fr": "Signatures", "de": "Unterschriften"},
    "pv.col.member": {"nl": "Hoedanigheid", "fr": "Qualité", "de": "Funktion"},
    "pv.col.name": {"nl": "Naam", "fr": "Nom", "de": "Name"},
    "pv.col.signature": {"nl": "Handtekening", "fr": "Signature", "de": "Unterschrift"},
    # --- PAdES signature of the PV (app/signing/pades.py) ----------------------------------------------------------
    "pades.sign_reason": {
        "nl": "Proces-verbaal van het stemopnemingsbureau {bureau}",
        "fr": "Procès-verbal du bureau de dépouillement {bureau}",
        "de": "Protokoll des Zählbüros {bureau}",
    },
    "pades.unreadable": {
        "nl": "Het proces-verbaal is geen leesbaar PDF-bestand. Gebruik het niet.",
        "fr": "Le procès-verbal n'est pas un fichier PDF lisible. Ne l'utilisez pas.",
        "de": "Das Protokoll ist keine lesbare PDF-Datei. Verwenden Sie es nicht.",
    },
    "pades.unsigned": {
        "nl": "Het proces-verbaal is niet digitaal ondertekend. Gebruik het niet.",
        "fr": "Le procès-verbal n'est pas signé électroniquement. Ne l'utilisez pas.",
        "de": "Das Protokoll ist nicht elektronisch unterschrieben. Verwenden Sie es nicht.",
    },
    "pades.not_intact": {
        "nl": "Het proces-verbaal is gewijzigd na de ondertekening. Gebruik het niet.",
        "fr": "Le procès-verbal a été modifié après sa signature. Ne l'utilisez pas.",
        "de": "Das Protokoll wurde nach der Unterschrift verändert. Verwenden Sie es nicht.",
    },
    "pades.invalid": {
        "nl": "De digitale handtekening van het proces-verbaal is ongeldig. Gebruik het niet.",
        "fr": "La signature électronique du procès-verbal n'est pas valable. Ne l'utilisez pas.",
        "de": "Die elektronische Unterschrift des Protokolls ist ungültig. Verwenden Sie es nicht.",
    },
    "pades.untrusted": {
        "nl": "Het proces-verbaal is niet ondertekend met een certificaat van de organiserende overheid. "
        "Gebruik het niet.",
        "fr": "Le procès-verbal n'est pas signé avec un certificat de l'autorité organisatrice. Ne l'utilisez pas.",
        "de": "Das Protokoll ist nicht mit einem Zertifikat der organisierenden Behörde unterschrieben. "
        "Verwenden Sie es nicht.",
    },
    "pades.not_whole_file": {
        "nl": "Er is iets toegevoegd aan het proces-verbaal na de ondertekening. Gebruik het niet.",
        "fr": "Quelque chose a été ajouté au procès-verbal après sa signature. Ne l'utilisez pas.",
        "de": "Dem Protokoll wurde nach der Unterschrift etwas hinzugefügt. Verwenden Sie es nicht.",
    },
}
