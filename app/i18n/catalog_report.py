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
    "pv.election_date": {"nl": "Datum van de verkiezing", "fr": "Date de l'élection", "de": "Wahltag"},
    "pv.date": {"nl": "{day} {month} {year}", "fr": "{day} {month} {year}", "de": "{day}. {month} {year}"},
    "pv.first_of_month": {"nl": "1", "fr": "1er", "de": "1"},
    "pv.month.1": {"nl": "januari", "fr": "janvier", "de": "Januar"},
    "pv.month.2": {"nl": "februari", "fr": "février", "de": "Februar"},
    "pv.month.3": {"nl": "maart", "fr": "mars", "de": "März"},
    "pv.month.4": {"nl": "april", "fr": "avril", "de": "April"},
    "pv.month.5": {"nl": "mei", "fr": "mai", "de": "Mai"},
    "pv.month.6": {"nl": "juni", "fr": "juin", "de": "Juni"},
    "pv.month.7": {"nl": "juli", "fr": "juillet", "de": "Juli"},
    "pv.month.8": {"nl": "augustus", "fr": "août", "de": "August"},
    "pv.month.9": {"nl": "september", "fr": "septembre", "de": "September"},
    "pv.month.10": {"nl": "oktober", "fr": "octobre", "de": "Oktober"},
    "pv.month.11": {"nl": "november", "fr": "novembre", "de": "November"},
    "pv.month.12": {"nl": "december", "fr": "décembre", "de": "Dezember"},
    "pv.constituency": {"nl": "Kieskring", "fr": "Circonscription électorale", "de": "Wahlkreis"},
    "pv.college": {"nl": "Kiescollege", "fr": "Collège électoral", "de": "Wahlkollegium"},
    "pv.canton": {"nl": "Kieskanton", "fr": "Canton électoral", "de": "Wahlkanton"},
    "pv.bureau": {"nl": "Stemopnemingsbureau", "fr": "Bureau de dépouillement", "de": "Zählbüro"},
    "pv.polling_stations": {"nl": "Stembureaus", "fr": "Bureaux de vote", "de": "Wahlbüros"},
    "pv.generated": {
        "nl": "Opgemaakt op {at} (Belgische tijd; alle tijdstippen in dit proces-verbaal) met Tabula {version}",
        "fr": "Établi le {at} (heure belge ; toutes les heures de ce procès-verbal) avec Tabula {version}",
        "de": "Erstellt am {at} (belgische Zeit; alle Zeitangaben dieses Protokolls) mit Tabula {version}",
    },
    "pv.none": {"nl": "Geen.", "fr": "Néant.", "de": "Keine."},
    # --- what produced the PV (X2) and training (contract --training) -------------------------------------------
    "pv.software_version": {"nl": "Software", "fr": "Logiciel", "de": "Software"},
    "pv.system_hash": {"nl": "Systeemcode", "fr": "Empreinte du système", "de": "Systemhash"},
    "pv.system_hash_none": {
        "nl": "geen (geen goedgekeurd systeem)",
        "fr": "aucune (pas de système approuvé)",
        "de": "keiner (kein genehmigtes System)",
    },
    "pv.platform_mode": {"nl": "Toestel", "fr": "Appareil", "de": "Gerät"},
    "pv.mode.tpm": {
        "nl": "goedgekeurd toestel, gemeten door de beveiligingschip (TPM)",
        "fr": "appareil approuvé, mesuré par la puce de sécurité (TPM)",
        "de": "genehmigtes Gerät, vom Sicherheitschip (TPM) gemessen",
    },
    "pv.mode.development": {
        "nl": "ONTWIKKELMODUS, geen beveiligingschip (TPM): niet het goedgekeurde toestel",
        "fr": "MODE DÉVELOPPEMENT, pas de puce de sécurité (TPM) : pas l'appareil approuvé",
        "de": "ENTWICKLUNGSMODUS, kein Sicherheitschip (TPM): nicht das genehmigte Gerät",
    },
    "pv.training_band": {
        "nl": "OEFENMODUS — geen echte uitslag, kan niet worden ingelezen",
        "fr": "MODE FORMATION — pas un vrai résultat, ne peut pas être importé",
        "de": "SCHULUNGSMODUS — kein echtes Ergebnis, kann nicht eingelesen werden",
    },
    "pv.training_notice": {
        "nl": "Oefenmodus: dit proces-verbaal hoort bij een oefentelling. Het is geen echte uitslag en kan nooit als uitslag worden ingelezen.",
        "fr": "Mode formation : ce procès-verbal est celui d'un dépouillement d'exercice. Ce n'est pas un vrai résultat et il ne peut jamais être importé comme résultat.",
        "de": "Schulungsmodus: Dieses Protokoll gehört zu einer Übungszählung. Es ist kein echtes Ergebnis und kann nie als Ergebnis eingelesen werden.",
    },
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
        "nl": "Ontvangen volgens het proces-verbaal van het stembureau",
        "fr": "Reçus selon le procès-verbal du bureau de vote",
        "de": "Erhalten laut Protokoll des Wahlbüros",
    },
    "pv.col.counted": {
        "nl": "Bij ontvangst geteld door dit bureau",
        "fr": "Comptés à la réception par ce bureau",
        "de": "Bei der Entgegennahme von diesem Zählbüro gezählt",
    },
    "pv.col.difference": {
        "nl": "Verschil (geteld − ontvangen)",
        "fr": "Différence (comptés − reçus)",
        "de": "Abweichung (gezählt − erhalten)",
    },
    "pv.total": {"nl": "Totaal", "fr": "Total", "de": "Insgesamt"},
    "pv.entered": {
        "nl": "Ingevoerde stembiljetten (uitslag van beide invoeren, na de beslissingen van het bureau)",
        "fr": "Bulletins encodés (résultat des deux encodages, après les décisions du bureau)",
        "de": "Eingegebene Stimmzettel (Ergebnis beider Eingaben, nach den Entscheidungen des Zählbürovorstands)",
    },
    "pv.entered_minus_received": {
        "nl": "Verschil: ingevoerd − ontvangen",
        "fr": "Différence : encodés − reçus",
        "de": "Abweichung: eingegeben − erhalten",
    },
    "pv.entered_minus_counted": {
        "nl": "Verschil: ingevoerd − bij ontvangst geteld",
        "fr": "Différence : encodés − comptés à la réception",
        "de": "Abweichung: eingegeben − bei der Entgegennahme gezählt",
    },
    # --- totals ---------------------------------------------------------------------------------------------------
    "pv.section.totals": {"nl": "Totalen", "fr": "Totaux", "de": "Gesamtergebnis"},
    "pv.counted": {"nl": "Getelde stembiljetten", "fr": "Bulletins comptés", "de": "Gezählte Stimmzettel"},
    "pv.valid": {"nl": "Geldige stembiljetten", "fr": "Bulletins valables", "de": "Gültige Stimmzettel"},
    "pv.blank_or_invalid": {
        "nl": "Blanco of ongeldige stembiljetten",
        "fr": "Bulletins blancs ou nuls",
        "de": "Weiße oder ungültige Stimmzettel",
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
    "pv.ce_without_successors": {
        "nl": "Stemcijfer (SC1 + SC2)",
        "fr": "Chiffre électoral (SC1 + SC2)",
        "de": "Wahlziffer (SC1 + SC2)",
    },
    "pv.titular_total": {
        "nl": "Totaal van de stemmen voor de kandidaat-titularissen",
        "fr": "Total des votes pour les candidats titulaires",
        "de": "Gesamtzahl der Stimmen für die ordentlichen Kandidaten",
    },
    "pv.successor_total": {
        "nl": "Totaal van de stemmen voor de kandidaat-opvolgers",
        "fr": "Total des votes pour les candidats suppléants",
        "de": "Gesamtzahl der Stimmen für die Ersatzkandidaten",
    },
    "pv.titulars": {"nl": "Kandidaat-titularissen", "fr": "Candidats titulaires", "de": "Ordentliche Kandidaten"},
    "pv.successors": {"nl": "Kandidaat-opvolgers", "fr": "Candidats suppléants", "de": "Ersatzkandidaten"},
    "pv.col.votes": {"nl": "Stemmen", "fr": "Voix", "de": "Stimmen"},
    # --- checks -----------------------------------------------------------------------------------------------------
    "pv.section.checks": {"nl": "Controles", "fr": "Contrôles", "de": "Kontrollen"},
    "pv.checks_intro": {
        "nl": "Elke controle met wat ze vergeleek: ✓ klopt, ✗ klopt niet. Een waarschuwing houdt de uitslag niet "
        "tegen, maar het bureau moet ze gezien hebben en kan ze verklaren.",
        "fr": "Chaque contrôle avec ce qu'il a comparé : ✓ correct, ✗ incorrect. Un avertissement ne bloque pas le "
        "résultat, mais le bureau doit l'avoir acté et peut l'expliquer.",
        "de": "Jede Kontrolle mit dem, was sie verglichen hat: ✓ stimmt, ✗ stimmt nicht. Eine Warnung hält das "
        "Ergebnis nicht auf, aber der Zählbürovorstand muss sie zur Kenntnis genommen haben und kann sie erklären.",
    },
    "pv.col.code": {"nl": "Code", "fr": "Code", "de": "Code"},
    "pv.col.check": {"nl": "Controle", "fr": "Contrôle", "de": "Kontrolle"},
    "pv.col.outcome": {"nl": "Uitkomst", "fr": "Résultat", "de": "Ergebnis"},
    "pv.check.all_lists": {
        "nl": "✓ alle {count} lijsten (zie Uitslag per lijst)",
        "fr": "✓ les {count} listes (voir Résultats par liste)",
        "de": "✓ alle {count} Listen (siehe Ergebnisse je Liste)",
    },
    "pv.check.every_list": {
        "nl": "✓ alle {count} lijsten",
        "fr": "✓ les {count} listes",
        "de": "✓ alle {count} Listen",
    },
    "pv.check.all_piles": {
        "nl": "✓ {count} stapels met handtelling",
        "fr": "✓ {count} piles comptées à la main",
        "de": "✓ {count} von Hand gezählte Stapel",
    },
    "pv.check.failed": {"nl": "✗ {failed} van {total}", "fr": "✗ {failed} sur {total}", "de": "✗ {failed} von {total}"},
    "pv.check.not_applicable": {
        "nl": "niet van toepassing: geen gegevens om te vergelijken",
        "fr": "sans objet : aucune donnée à comparer",
        "de": "entfällt: keine Angaben zum Vergleich",
    },
    "pv.check.follows_from": {
        "nl": "niet nagegaan: volgt uit {code}",
        "fr": "non vérifié : découle de {code}",
        "de": "nicht geprüft: folgt aus {code}",
    },
    "pv.list_case": {"nl": "Lijst {number}: {text}", "fr": "Liste {number} : {text}", "de": "Liste {number}: {text}"},
    "pv.severity.error": {"nl": "fout", "fr": "erreur", "de": "Fehler"},
    "pv.severity.warning": {"nl": "waarschuwing", "fr": "avertissement", "de": "Warnung"},
    "pv.acknowledged": {
        "nl": "door het bureau gezien",
        "fr": "acté par le bureau",
        "de": "vom Zählbürovorstand zur Kenntnis genommen",
    },
    "pv.not_acknowledged": {"nl": "niet gezien", "fr": "non acté", "de": "nicht zur Kenntnis genommen"},
    "pv.explanation": {
        "nl": "Verklaring van het bureau: {text}",
        "fr": "Explication du bureau : {text}",
        "de": "Erklärung des Zählbürovorstands: {text}",
    },
    "pv.no_explanation": {
        "nl": "Het bureau gaf geen verklaring.",
        "fr": "Le bureau n'a pas donné d'explication.",
        "de": "Der Zählbürovorstand hat keine Erklärung gegeben.",
    },
    # --- differences, contested ballots, remarks --------------------------------------------------------------------
    "pv.section.differences": {
        "nl": "Verschillen tussen eerste en tweede invoer en beslissingen van het bureau",
        "fr": "Différences entre premier et second encodage et décisions du bureau",
        "de": "Abweichungen zwischen erster und zweiter Eingabe und Entscheidungen des Zählbürovorstands",
    },
    "pv.col.ballot": {"nl": "Stapel / positie", "fr": "Pile / position", "de": "Stapel / Position"},
    "pv.col.pass1": {"nl": "Eerste invoer", "fr": "Premier encodage", "de": "Erste Eingabe"},
    "pv.col.pass2": {"nl": "Tweede invoer", "fr": "Second encodage", "de": "Zweite Eingabe"},
    "pv.col.final": {"nl": "Beslissing", "fr": "Décision", "de": "Entscheidung"},
    "pv.col.decided_by": {"nl": "Door", "fr": "Par", "de": "Durch"},
    "pv.col.decided_at": {"nl": "Tijdstip", "fr": "Moment", "de": "Zeitpunkt"},
    "pv.col.content": {"nl": "Inhoud", "fr": "Contenu", "de": "Inhalt"},
    "pv.section.overrules": {
        "nl": "Beslissingen van het bureau tegen beide invoeren",
        "fr": "Décisions du bureau contre les deux encodages",
        "de": "Entscheidungen des Zählbürovorstands gegen beide Eingaben",
    },
    "pv.overrules_intro": {
        "nl": "Stembiljetten die beide invoeren gelijk lazen en die het bureau na nazicht anders besliste.",
        "fr": "Bulletins lus de la même façon par les deux encodages, que le bureau a décidés autrement après examen.",
        "de": "Stimmzettel, die beide Eingaben gleich gelesen haben und die der Zählbürovorstand nach Prüfung "
        "anders entschieden hat.",
    },
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
        "nl": "SHA-256 over alle resultaatbestanden behalve dit proces-verbaal",
        "fr": "SHA-256 de tous les fichiers de résultats sauf ce procès-verbal",
        "de": "SHA-256 über alle Ergebnisdateien außer diesem Protokoll",
    },
    "pv.files_help": {
        "nl": "De bestanden en de SHA-256 van elk; de waarde hierboven is de SHA-256 van deze lijst zoals sha256sum "
        "ze schrijft (op naam gesorteerd).",
        "fr": "Les fichiers et le SHA-256 de chacun ; la valeur ci-dessus est le SHA-256 de cette liste telle que "
        "sha256sum l'écrit (triée par nom).",
        "de": "Die Dateien und der SHA-256 jeder Datei; der Wert oben ist der SHA-256 dieser Liste, wie sha256sum "
        "sie schreibt (nach Namen sortiert).",
    },
    "pv.col.file": {"nl": "Bestand", "fr": "Fichier", "de": "Datei"},
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
