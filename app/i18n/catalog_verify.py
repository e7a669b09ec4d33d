"""Messages of `tabula verify`."""

MESSAGES = {
    "verify.nothing": {
        "nl": "Er staan geen uitslagen op deze stick (geen map results). Controleer of het de juiste stick is.",
        "fr": "Cette clé ne contient aucun résultat (pas de dossier results). Vérifiez qu'il s'agit de la bonne clé.",
        "de": "Auf diesem Stick sind keine Ergebnisse (kein Ordner results). Prüfen Sie, ob es der richtige Stick ist.",
    },
    "verify.no_stick": {
        "nl": "De map {stick} bestaat niet. Geef de map van de stick op.",
        "fr": "Le dossier {stick} n'existe pas. Indiquez le dossier de la clé.",
        "de": "Der Ordner {stick} existiert nicht. Geben Sie den Ordner des Sticks an.",
    },
    "verify.not_a_root": {
        "nl": "{file} is geen rootcertificaat (het is door een ander certificaat uitgegeven). Geef root.pem van de organiserende overheid op.",
        "fr": "{file} n'est pas un certificat racine (il est émis par un autre certificat). Indiquez le root.pem de l'autorité organisatrice.",
        "de": "{file} ist kein Stammzertifikat (es wurde von einem anderen Zertifikat ausgestellt). Geben Sie root.pem der organisierenden Behörde an.",
    },
    "verify.ok": {"nl": "in orde", "fr": "en ordre", "de": "in Ordnung"},
    "verify.failed": {"nl": "NIET IN ORDE", "fr": "PAS EN ORDRE", "de": "NICHT IN ORDNUNG"},
    "verify.control_number": {"nl": "controlegetal", "fr": "nombre de contrôle", "de": "Kontrollzahl"},
    "verify.file_missing": {
        "nl": "Het bestand {file} ontbreekt.",
        "fr": "Le fichier {file} manque.",
        "de": "Die Datei {file} fehlt.",
    },
    "verify.foreign_entry": {
        "nl": "results/{name} is geen uitslagmap van een bureau (een bestand, een koppeling of een naam die Tabula nooit schrijft). Neem het niet over.",
        "fr": "results/{name} n'est pas un dossier de résultats d'un bureau (un fichier, un lien ou un nom que Tabula n'écrit jamais). Ne le reprenez pas.",
        "de": "results/{name} ist kein Ergebnisordner eines Büros (eine Datei, ein Link oder ein Name, den Tabula nie schreibt). Übernehmen Sie es nicht.",
    },
    "verify.file_unexpected": {
        "nl": "Het bestand {file} hoort niet bij de uitslag (het is niet ondertekend door het bureau).",
        "fr": "Le fichier {file} ne fait pas partie des résultats (il n'est pas signé par le bureau).",
        "de": "Die Datei {file} gehört nicht zum Ergebnis (sie ist nicht vom Büro signiert).",
    },
    "verify.contest_mismatch": {
        "nl": "De stembiljetten ({votes}) en de uitslag ({count}) gaan niet over dezelfde verkiezing.",
        "fr": "Les bulletins ({votes}) et les résultats ({count}) ne concernent pas la même élection.",
        "de": "Die Stimmzettel ({votes}) und das Ergebnis ({count}) betreffen nicht dieselbe Wahl.",
    },
    "verify.schema": {
        "nl": "{file} volgt het EML 5.0-schema niet: {detail}",
        "fr": "{file} ne respecte pas le schéma EML 5.0 : {detail}",
        "de": "{file} entspricht nicht dem EML-5.0-Schema: {detail}",
    },
    "verify.in_file": {"nl": "{file}: {detail}", "fr": "{file} : {detail}", "de": "{file}: {detail}"},
    "verify.wrong_station": {
        "nl": "{file} vermeldt bureau {found}, niet het bureau van deze map.",
        "fr": "{file} mentionne le bureau {found}, pas le bureau de ce dossier.",
        "de": "{file} nennt das Büro {found}, nicht das Büro dieses Ordners.",
    },
    "verify.wrong_signer": {
        "nl": "{file} is ondertekend door {found}, niet door het bureau van deze map.",
        "fr": "{file} est signé par {found}, pas par le bureau de ce dossier.",
        "de": "{file} ist von {found} signiert, nicht vom Büro dieses Ordners.",
    },
    "verify.ballot_category": {
        "nl": "Stembiljet {ballot}: de vermelde categorie klopt niet met de aangeduide vakjes.",
        "fr": "Bulletin {ballot} : la catégorie indiquée ne correspond pas aux cases cochées.",
        "de": "Stimmzettel {ballot}: Die angegebene Kategorie passt nicht zu den markierten Feldern.",
    },
    "verify.ballot_outside_election": {
        "nl": "Stembiljet {ballot} duidt een lijst of kandidaat aan die niet in de uitslag staat.",
        "fr": "Le bulletin {ballot} indique une liste ou un candidat absent des résultats.",
        "de": "Stimmzettel {ballot} nennt eine Liste oder einen Kandidaten, die nicht im Ergebnis stehen.",
    },
    "verify.recount_differs": {
        "nl": "Hertelling uit de stembiljetten: {where} is {recounted}, de uitslag vermeldt {claimed}.",
        "fr": "Recomptage à partir des bulletins : {where} vaut {recounted}, les résultats indiquent {claimed}.",
        "de": "Nachzählung aus den Stimmzetteln: {where} ist {recounted}, das Ergebnis nennt {claimed}.",
    },
    "verify.where.counted": {
        "nl": "het aantal getelde stembiljetten",
        "fr": "le nombre de bulletins comptés",
        "de": "die Zahl der gezählten Stimmzettel",
    },
    "verify.where.blank": {
        "nl": "het aantal blanco stembiljetten",
        "fr": "le nombre de bulletins blancs",
        "de": "die Zahl der leeren Stimmzettel",
    },
    "verify.where.invalid": {
        "nl": "het aantal ongeldige stembiljetten",
        "fr": "le nombre de bulletins nuls",
        "de": "die Zahl der ungültigen Stimmzettel",
    },
    "verify.where.list": {
        "nl": "lijst {list}, {figure}",
        "fr": "liste {list}, {figure}",
        "de": "Liste {list}, {figure}",
    },
    "verify.where.candidate": {
        "nl": "lijst {list}, kandidaat {candidate}",
        "fr": "liste {list}, candidat {candidate}",
        "de": "Liste {list}, Kandidat {candidate}",
    },
    "verify.pv_control_number": {
        "nl": "Het controlegetal in het proces-verbaal ({printed}) verschilt van het herberekende ({recomputed}).",
        "fr": "Le nombre de contrôle du procès-verbal ({printed}) diffère du nombre recalculé ({recomputed}).",
        "de": "Die Kontrollzahl im Protokoll ({printed}) weicht von der neu berechneten ({recomputed}) ab.",
    },
    "verify.pv_files_hash": {
        "nl": "De hash van de bestanden in het proces-verbaal ({printed}) klopt niet met de bestanden.",
        "fr": "Le hachage des fichiers dans le procès-verbal ({printed}) ne correspond pas aux fichiers.",
        "de": "Der Hash der Dateien im Protokoll ({printed}) passt nicht zu den Dateien.",
    },
    "verify.log_other_results": {
        "nl": "Het beveiligingslogboek hoort niet bij deze uitslag (ander controlegetal of andere bestanden).",
        "fr": "Le journal de sécurité ne correspond pas à ces résultats (autre nombre de contrôle ou autres fichiers).",
        "de": "Das Sicherheitsprotokoll gehört nicht zu diesem Ergebnis (andere Kontrollzahl oder andere Dateien).",
    },
    "seclog.problem.edited": {
        "nl": "regel {line} is gewijzigd",
        "fr": "la ligne {line} a été modifiée",
        "de": "Zeile {line} wurde verändert",
    },
    "seclog.problem.out_of_order": {
        "nl": "regel {line} volgt niet op de vorige (een regel is verwijderd, ingevoegd of verplaatst)",
        "fr": "la ligne {line} ne suit pas la précédente (une ligne a été supprimée, insérée ou déplacée)",
        "de": "Zeile {line} folgt nicht auf die vorige (eine Zeile wurde entfernt, eingefügt oder verschoben)",
    },
    "seclog.problem.bad_seal": {
        "nl": "de handtekening van het zegel op regel {line} klopt niet met het certificaat van het bureau",
        "fr": "la signature du sceau à la ligne {line} ne correspond pas au certificat du bureau",
        "de": "die Signatur des Siegels in Zeile {line} passt nicht zum Zertifikat des Büros",
    },
    "seclog.problem.not_a_record": {
        "nl": "regel {line} is geen logboekregel",
        "fr": "la ligne {line} n'est pas une entrée du journal",
        "de": "Zeile {line} ist kein Protokolleintrag",
    },
    "seclog.problem.empty": {
        "nl": "het logboek is leeg en heeft geen zegel",
        "fr": "le journal est vide et n'a pas de sceau",
        "de": "das Protokoll ist leer und hat kein Siegel",
    },
    "seclog.problem.no_final_seal": {
        "nl": "het logboek eindigt niet met een zegel (het einde kan afgeknipt zijn; regel {line})",
        "fr": "le journal ne se termine pas par un sceau (la fin a pu être coupée ; ligne {line})",
        "de": "das Protokoll endet nicht mit einem Siegel (das Ende wurde womöglich abgeschnitten; Zeile {line})",
    },
    "verify.log": {
        "nl": "Beveiligingslogboek: {detail}",
        "fr": "Journal de sécurité : {detail}",
        "de": "Sicherheitsprotokoll: {detail}",
    },
}
