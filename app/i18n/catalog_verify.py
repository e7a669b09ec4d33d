"""Messages of `tabula verify`."""

MESSAGES = {
    "definition.unknown_count": {
        "nl": "Deze uitslag is van {election} {constituency}, een telling die niet in de officiële definitie staat. Controleer of de stick bij deze verkiezing hoort.",
        "fr": "Ce résultat est de {election} {constituency}, un dépouillement absent de la définition officielle. Vérifiez que la clé appartient à cette élection.",
        "de": "Dieses Ergebnis ist von {election} {constituency}, einer Zählung, die in der amtlichen Definition fehlt. Prüfen Sie, ob der Datenträger zu dieser Wahl gehört.",
    },
    "definition.list_missing": {
        "nl": "Lijst {list} ({name}) van de officiële definitie ontbreekt in de uitslag.",
        "fr": "La liste {list} ({name}) de la définition officielle manque dans le résultat.",
        "de": "Liste {list} ({name}) der amtlichen Definition fehlt im Ergebnis.",
    },
    "definition.unknown_list": {
        "nl": "De uitslag bevat lijst {list}, die niet in de officiële definitie staat.",
        "fr": "Le résultat contient la liste {list}, absente de la définition officielle.",
        "de": "Das Ergebnis enthält Liste {list}, die in der amtlichen Definition fehlt.",
    },
    "definition.unknown_titular": {
        "nl": "De uitslag bevat kandidaat-titularis {position} van lijst {list}, die niet in de officiële definitie staat.",
        "fr": "Le résultat contient le candidat titulaire {position} de la liste {list}, absent de la définition officielle.",
        "de": "Das Ergebnis enthält den ordentlichen Kandidaten {position} von Liste {list}, der in der amtlichen Definition fehlt.",
    },
    "definition.unknown_successor": {
        "nl": "De uitslag bevat kandidaat-opvolger {position} van lijst {list}, die niet in de officiële definitie staat.",
        "fr": "Le résultat contient le candidat suppléant {position} de la liste {list}, absent de la définition officielle.",
        "de": "Das Ergebnis enthält den Ersatzkandidaten {position} von Liste {list}, der in der amtlichen Definition fehlt.",
    },
    "definition.titular_missing": {
        "nl": "Kandidaat-titularis {position} van lijst {list} uit de officiële definitie ontbreekt in de uitslag.",
        "fr": "Le candidat titulaire {position} de la liste {list} de la définition officielle manque dans le résultat.",
        "de": "Der ordentliche Kandidat {position} von Liste {list} der amtlichen Definition fehlt im Ergebnis.",
    },
    "definition.successor_missing": {
        "nl": "Kandidaat-opvolger {position} van lijst {list} uit de officiële definitie ontbreekt in de uitslag.",
        "fr": "Le candidat suppléant {position} de la liste {list} de la définition officielle manque dans le résultat.",
        "de": "Der Ersatzkandidat {position} von Liste {list} der amtlichen Definition fehlt im Ergebnis.",
    },
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
        "de": "die Zahl der weißen Stimmzettel",
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
    "verify.other_certificate": {
        "nl": "{file} is ondertekend met een ander certificaat dan de uitslag van dit bureau.",
        "fr": "{file} est signé avec un autre certificat que les résultats de ce bureau.",
        "de": "{file} ist mit einem anderen Zertifikat signiert als das Ergebnis dieses Büros.",
    },
    "verify.pass_pile_missing": {
        "nl": "Stapel {pile} staat in de uitslag, maar niet in invoer {pass_no} ({file}): elk stembiljet moet twee keer ingevoerd zijn.",
        "fr": "La pile {pile} figure dans les résultats, mais pas dans l'encodage {pass_no} ({file}) : chaque bulletin doit être encodé deux fois.",
        "de": "Stapel {pile} steht im Ergebnis, aber nicht in Eingabe {pass_no} ({file}): Jeder Stimmzettel muss zweimal eingegeben sein.",
    },
    "verify.pass_pile_extra": {
        "nl": "Stapel {pile} staat in invoer {pass_no} ({file}), maar niet in de uitslag.",
        "fr": "La pile {pile} figure dans l'encodage {pass_no} ({file}), mais pas dans les résultats.",
        "de": "Stapel {pile} steht in Eingabe {pass_no} ({file}), aber nicht im Ergebnis.",
    },
    "verify.pass_wrong_file": {
        "nl": "{file} bevat de stembiljetten van invoer {found}, niet die van de invoer in zijn naam.",
        "fr": "{file} contient les bulletins de l'encodage {found}, pas ceux de l'encodage indiqué par son nom.",
        "de": "{file} enthält die Stimmzettel von Eingabe {found}, nicht die der Eingabe in seinem Namen.",
    },
    "verify.name_mismatch": {
        "nl": "{file} noemt het bureau '{found}', de stembiljetten van de uitslag noemen het '{expected}'.",
        "fr": "{file} nomme le bureau « {found} », les bulletins des résultats le nomment « {expected} ».",
        "de": "{file} nennt das Büro „{found}“, die Stimmzettel des Ergebnisses nennen es „{expected}“.",
    },
    "verify.pile_positions": {
        "nl": "Stapel {pile} in {file}: de plaatsen van de {count} stembiljetten lopen niet van 1 tot {count}.",
        "fr": "Pile {pile} dans {file} : les places des {count} bulletins ne vont pas de 1 à {count}.",
        "de": "Stapel {pile} in {file}: Die Plätze der {count} Stimmzettel laufen nicht von 1 bis {count}.",
    },
    "verify.pile_too_large": {
        "nl": "Stapel {pile} in {file} telt {count} stembiljetten, een stapel hoogstens {maximum}: hij is niet vergeleken.",
        "fr": "La pile {pile} dans {file} compte {count} bulletins, une pile au plus {maximum} : elle n'a pas été comparée.",
        "de": "Stapel {pile} in {file} hat {count} Stimmzettel, ein Stapel höchstens {maximum}: Er wurde nicht verglichen.",
    },
    "verify.pass_undecided": {
        "nl": "Stembiljet {ballot} van invoer {pass_no}: de twee invoeren verschillen hier, maar de uitslag vermeldt geen beslissing van het bureau over deze stapel.",
        "fr": "Bulletin {ballot} de l'encodage {pass_no} : les deux encodages diffèrent ici, mais les résultats n'indiquent aucune décision du bureau sur cette pile.",
        "de": "Stimmzettel {ballot} von Eingabe {pass_no}: Die beiden Eingaben weichen hier ab, aber das Ergebnis nennt keine Entscheidung des Büros über diesen Stapel.",
    },
    "verify.overrule_unrecorded": {
        "nl": "Stembiljet {ballot} van de uitslag ({final}) verschilt van wat beide invoeren lazen ({agreed}), zonder geregistreerde beslissing van het bureau tegen beide invoeren.",
        "fr": "Le bulletin {ballot} des résultats ({final}) diffère de ce que les deux encodages ont lu ({agreed}), sans décision du bureau contre les deux encodages enregistrée.",
        "de": "Stimmzettel {ballot} des Ergebnisses ({final}) weicht von dem ab, was beide Eingaben gelesen haben ({agreed}), ohne eine vermerkte Entscheidung des Zählbürovorstands gegen beide Eingaben.",
    },
    "verify.agreed_dropped": {
        "nl": "Stembiljet {ballot} van invoer 1, waarover beide invoeren het eens waren, ontbreekt in de uitslag zonder beslissing van het bureau.",
        "fr": "Le bulletin {ballot} de l'encodage 1, sur lequel les deux encodages concordaient, manque dans les résultats sans décision du bureau.",
        "de": "Stimmzettel {ballot} von Eingabe 1, bei dem beide Eingaben übereinstimmten, fehlt im Ergebnis ohne Entscheidung des Büros.",
    },
    "verify.provenance_mixed": {
        "nl": "Stembiljet {ballot}: in deze stapel zijn sommige stembiljetten als beslist door het bureau vermeld en andere niet.",
        "fr": "Bulletin {ballot} : dans cette pile, certains bulletins sont indiqués comme décidés par le bureau et d'autres non.",
        "de": "Stimmzettel {ballot}: In diesem Stapel sind manche Stimmzettel als vom Büro entschieden vermerkt und andere nicht.",
    },
    "verify.recorded_agreed": {
        "nl": "Stembiljet {ballot}: de uitslag vermeldt dat beide invoeren het zo lazen, maar de invoeren lazen hier iets anders.",
        "fr": "Bulletin {ballot} : les résultats indiquent que les deux encodages l'ont lu ainsi, mais les encodages ont lu autre chose ici.",
        "de": "Stimmzettel {ballot}: Das Ergebnis vermerkt, dass beide Eingaben ihn so gelesen haben, aber die Eingaben lasen hier etwas anderes.",
    },
    "verify.recorded_decided": {
        "nl": "Stembiljet {ballot}: de uitslag vermeldt een beslissing over een verschil, maar beide invoeren lazen dit stembiljet precies zo.",
        "fr": "Bulletin {ballot} : les résultats indiquent une décision sur une différence, mais les deux encodages ont lu ce bulletin exactement ainsi.",
        "de": "Stimmzettel {ballot}: Das Ergebnis vermerkt eine Entscheidung über eine Abweichung, aber beide Eingaben lasen diesen Stimmzettel genau so.",
    },
    "verify.recorded_overruled": {
        "nl": "Stembiljet {ballot}: de uitslag vermeldt een beslissing tegen beide invoeren, maar de invoeren waren het hier niet over iets anders eens.",
        "fr": "Bulletin {ballot} : les résultats indiquent une décision contre les deux encodages, mais les encodages ne concordaient pas ici sur autre chose.",
        "de": "Stimmzettel {ballot}: Das Ergebnis vermerkt eine Entscheidung gegen beide Eingaben, aber die Eingaben stimmten hier nicht in etwas anderem überein.",
    },
    "verify.contested_record": {
        "nl": "Stembiljet {ballot}: of het als betwist vermeld staat, klopt niet met de invoeren (betwist in een invoer, en alleen dan).",
        "fr": "Bulletin {ballot} : son indication comme contesté ne correspond pas aux encodages (contesté dans un encodage, et seulement alors).",
        "de": "Stimmzettel {ballot}: Ob er als beanstandet vermerkt ist, passt nicht zu den Eingaben (beanstandet in einer Eingabe, und nur dann).",
    },
    "verify.reading_outside_election": {
        "nl": "{file}, stembiljet {ballot}: duidt een lijst of kandidaat aan die niet in de uitslag staat.",
        "fr": "{file}, bulletin {ballot} : indique une liste ou un candidat absent des résultats.",
        "de": "{file}, Stimmzettel {ballot}: nennt eine Liste oder einen Kandidaten, die nicht im Ergebnis stehen.",
    },
    "verify.reading_category": {
        "nl": "{file}, stembiljet {ballot}: de vermelde categorie klopt niet met de aangeduide vakjes.",
        "fr": "{file}, bulletin {ballot} : la catégorie indiquée ne correspond pas aux cases cochées.",
        "de": "{file}, Stimmzettel {ballot}: Die angegebene Kategorie passt nicht zu den markierten Feldern.",
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
    # --- one signature over every byte (manifest.p7s) and canonical encodings ----------------------------------
    "signature.not_canonical": {
        "nl": "de handtekening staat niet in de vorm die het toestel schrijft (ze is na de ondertekening omgezet). Gebruik dit bestand niet.",
        "fr": "la signature n'a pas la forme qu'écrit l'appareil (elle a été transformée après la signature). N'utilisez pas ce fichier.",
        "de": "die Signatur hat nicht die Form, die das Gerät schreibt (sie wurde nach dem Signieren umgewandelt). Verwenden Sie diese Datei nicht.",
    },
    "cms.too_large": {
        "nl": "de handtekening is te groot ({size} bytes, hoogstens {limit}). Gebruik de stick die het bureau schreef.",
        "fr": "la signature est trop grande ({size} octets, au plus {limit}). Utilisez la clé écrite par le bureau.",
        "de": "die Signatur ist zu groß ({size} Bytes, höchstens {limit}). Verwenden Sie den vom Büro geschriebenen Stick.",
    },
    "cms.malformed": {
        "nl": "geen handtekening in de vorm die het toestel schrijft (CMS, DER). Gebruik de stick die het bureau schreef.",
        "fr": "ce n'est pas une signature de la forme qu'écrit l'appareil (CMS, DER). Utilisez la clé écrite par le bureau.",
        "de": "keine Signatur in der Form, die das Gerät schreibt (CMS, DER). Verwenden Sie den vom Büro geschriebenen Stick.",
    },
    "cms.other_content": {
        "nl": "de handtekening hoort bij een andere manifest.json: het manifest is gewijzigd. Gebruik de stick die het bureau schreef.",
        "fr": "la signature correspond à un autre manifest.json : le manifeste a été modifié. Utilisez la clé écrite par le bureau.",
        "de": "die Signatur gehört zu einer anderen manifest.json: das Manifest wurde geändert. Verwenden Sie den vom Büro geschriebenen Stick.",
    },
    "cms.bad_signature": {
        "nl": "de handtekening is niet gemaakt met de sleutel van het certificaat dat ze meedraagt.",
        "fr": "la signature n'a pas été faite avec la clé du certificat qu'elle contient.",
        "de": "die Signatur wurde nicht mit dem Schlüssel des mitgelieferten Zertifikats erstellt.",
    },
    "stick.file_too_large": {
        "nl": "{file} is te groot voor een uitslagbestand ({size} bytes, hoogstens {limit}); het is niet gelezen. Gebruik de stick die het bureau schreef.",
        "fr": "{file} est trop grand pour un fichier de résultats ({size} octets, au plus {limit}) ; il n'a pas été lu. Utilisez la clé écrite par le bureau.",
        "de": "{file} ist zu groß für eine Ergebnisdatei ({size} Bytes, höchstens {limit}); sie wurde nicht gelesen. Verwenden Sie den vom Büro geschriebenen Stick.",
    },
    "stick.too_many_files": {
        "nl": "De uitslagmap van {station} bevat {found} bestanden (hoogstens {limit}); ze is niet gelezen.",
        "fr": "Le dossier de résultats de {station} contient {found} fichiers (au plus {limit}) ; il n'a pas été lu.",
        "de": "Der Ergebnisordner von {station} enthält {found} Dateien (höchstens {limit}); er wurde nicht gelesen.",
    },
    "eml.too_many_attributes": {
        "nl": "Een element op regel {line} heeft meer dan {limit} attributen: zo schrijft Tabula nooit; het bestand is niet verder gelezen. Gebruik het bestand dat het bureau schreef.",
        "fr": "Un élément à la ligne {line} a plus de {limit} attributs : Tabula n'écrit jamais ainsi ; le fichier n'a pas été lu plus loin. Utilisez le fichier écrit par le bureau.",
        "de": "Ein Element in Zeile {line} hat mehr als {limit} Attribute: so schreibt Tabula nie; die Datei wurde nicht weiter gelesen. Verwenden Sie die vom Büro geschriebene Datei.",
    },
    "eml.too_deep": {
        "nl": "Elementen zijn op regel {line} meer dan {limit} niveaus diep genest: zo schrijft Tabula nooit; het bestand is niet verder gelezen. Gebruik het bestand dat het bureau schreef.",
        "fr": "Des éléments sont imbriqués sur plus de {limit} niveaux à la ligne {line} : Tabula n'écrit jamais ainsi ; le fichier n'a pas été lu plus loin. Utilisez le fichier écrit par le bureau.",
        "de": "Elemente sind in Zeile {line} mehr als {limit} Ebenen tief verschachtelt: so schreibt Tabula nie; die Datei wurde nicht weiter gelesen. Verwenden Sie die vom Büro geschriebene Datei.",
    },
    "eml.too_many_elements": {
        "nl": "Het bestand heeft meer dan {limit} elementen: zo schrijft Tabula nooit; het is niet verder gelezen. Gebruik het bestand dat het bureau schreef.",
        "fr": "Le fichier a plus de {limit} éléments : Tabula n'écrit jamais ainsi ; il n'a pas été lu plus loin. Utilisez le fichier écrit par le bureau.",
        "de": "Die Datei hat mehr als {limit} Elemente: so schreibt Tabula nie; sie wurde nicht weiter gelesen. Verwenden Sie die vom Büro geschriebene Datei.",
    },
    "verify.leftover": {
        "nl": "results/{name} is het restant van een onderbroken schrijfbeurt: geen uitslag. Laat het bureau de uitslag opnieuw schrijven (dat ruimt het op).",
        "fr": "results/{name} est le reste d'une écriture interrompue : ce n'est pas un résultat. Faites réécrire les résultats par le bureau (cela le nettoie).",
        "de": "results/{name} ist der Rest eines unterbrochenen Schreibvorgangs: kein Ergebnis. Lassen Sie das Büro das Ergebnis neu schreiben (das räumt ihn auf).",
    },
    "verify.empty_results": {
        "nl": "De map results op deze stick bevat geen uitslag. Controleer of het de juiste stick is.",
        "fr": "Le dossier results de cette clé ne contient aucun résultat. Vérifiez qu'il s'agit de la bonne clé.",
        "de": "Der Ordner results auf diesem Stick enthält kein Ergebnis. Prüfen Sie, ob es der richtige Stick ist.",
    },
    "verify.out_of_time": {
        "nl": "De controle van dit bureau is na {seconds} s gestopt: de bestanden zijn niet te controleren zoals het toestel ze schrijft. Gebruik ze niet; vraag een nieuwe kopie van het bureau.",
        "fr": "Le contrôle de ce bureau a été arrêté après {seconds} s : les fichiers ne se laissent pas contrôler comme l'appareil les écrit. Ne les utilisez pas ; demandez une nouvelle copie au bureau.",
        "de": "Die Prüfung dieses Büros wurde nach {seconds} s abgebrochen: die Dateien lassen sich nicht prüfen, wie das Gerät sie schreibt. Verwenden Sie sie nicht; fordern Sie eine neue Kopie beim Büro an.",
    },
    "verify.unreadable": {
        "nl": "De bestanden van dit bureau zijn beschadigd op een manier die Tabula niet kent ({what}). Gebruik ze niet; vraag een nieuwe kopie van het bureau.",
        "fr": "Les fichiers de ce bureau sont endommagés d'une manière que Tabula ne connaît pas ({what}). Ne les utilisez pas ; demandez une nouvelle copie au bureau.",
        "de": "Die Dateien dieses Büros sind auf eine Weise beschädigt, die Tabula nicht kennt ({what}). Verwenden Sie sie nicht; fordern Sie eine neue Kopie beim Büro an.",
    },
    "verify.stick_unreadable": {
        "nl": "De stick kan niet gelezen worden ({what}). Probeer een andere USB-poort of een kopie van de stick.",
        "fr": "La clé ne peut pas être lue ({what}). Essayez un autre port USB ou une copie de la clé.",
        "de": "Der Stick kann nicht gelesen werden ({what}). Versuchen Sie einen anderen USB-Anschluss oder eine Kopie des Sticks.",
    },
    "verify.manifest_form": {
        "nl": "manifest.json staat niet in de vorm die het toestel schrijft (het is na het schrijven bewerkt).",
        "fr": "manifest.json n'a pas la forme qu'écrit l'appareil (il a été modifié après l'écriture).",
        "de": "manifest.json hat nicht die Form, die das Gerät schreibt (es wurde nach dem Schreiben bearbeitet).",
    },
    "verify.schema_more": {
        "nl": "{file}: en nog {count} schemafouten.",
        "fr": "{file} : et encore {count} erreurs de schéma.",
        "de": "{file}: und {count} weitere Schemafehler.",
    },
    # --- what produced the result (X2) and training (contract --training) ---------------------------------------
    "verify.training": {
        "nl": "Dit is een uitslag in oefenmodus; die kan niet worden ingelezen. Vraag het bureau de echte uitslag.",
        "fr": "Ceci est un résultat en mode formation ; il ne peut pas être importé. Demandez le vrai résultat au bureau.",
        "de": "Dies ist ein Ergebnis im Schulungsmodus; es kann nicht eingelesen werden. Fordern Sie beim Büro das echte Ergebnis an.",
    },
    "verify.training_differs": {
        "nl": "Sommige bestanden van dit bureau zijn in oefenmodus gemaakt en andere niet: de bestanden horen niet bij elkaar. Gebruik ze niet; vraag een nieuwe kopie van het bureau.",
        "fr": "Certains fichiers de ce bureau ont été faits en mode formation et d'autres non : ils ne vont pas ensemble. Ne les utilisez pas ; demandez une nouvelle copie au bureau.",
        "de": "Manche Dateien dieses Büros wurden im Schulungsmodus erstellt, andere nicht: Sie gehören nicht zusammen. Verwenden Sie sie nicht; fordern Sie beim Büro eine neue Kopie an.",
    },
    "verify.platform_missing": {
        "nl": "{file} vermeldt niet met welk toestel en welke software het gemaakt is. Gebruik het niet; vraag een nieuwe kopie van het bureau.",
        "fr": "{file} n'indique pas avec quel appareil et quel logiciel il a été fait. Ne l'utilisez pas ; demandez une nouvelle copie au bureau.",
        "de": "{file} nennt nicht, mit welchem Gerät und welcher Software es erstellt wurde. Verwenden Sie es nicht; fordern Sie beim Büro eine neue Kopie an.",
    },
    "verify.platform_differs": {
        "nl": "De bestanden van dit bureau zijn niet op hetzelfde toestel of met dezelfde software gemaakt. Gebruik ze niet; vraag een nieuwe kopie van het bureau.",
        "fr": "Les fichiers de ce bureau n'ont pas été faits sur le même appareil ou avec le même logiciel. Ne les utilisez pas ; demandez une nouvelle copie au bureau.",
        "de": "Die Dateien dieses Büros wurden nicht auf demselben Gerät oder mit derselben Software erstellt. Verwenden Sie sie nicht; fordern Sie beim Büro eine neue Kopie an.",
    },
    "verify.pv_provenance": {
        "nl": "Het proces-verbaal vermeldt een ander toestel of een andere modus dan de EML-bestanden ({fields}). Gebruik het niet; vraag een nieuwe kopie van het bureau.",
        "fr": "Le procès-verbal indique un autre appareil ou un autre mode que les fichiers EML ({fields}). Ne l'utilisez pas ; demandez une nouvelle copie au bureau.",
        "de": "Das Protokoll nennt ein anderes Gerät oder einen anderen Modus als die EML-Dateien ({fields}). Verwenden Sie es nicht; fordern Sie beim Büro eine neue Kopie an.",
    },
    "verify.log_other_platform": {
        "nl": "Het beveiligingslogboek vermeldt een ander toestel of een andere modus dan de EML-bestanden. Gebruik de bestanden niet; vraag een nieuwe kopie van het bureau.",
        "fr": "Le journal de sécurité indique un autre appareil ou un autre mode que les fichiers EML. N'utilisez pas les fichiers ; demandez une nouvelle copie au bureau.",
        "de": "Das Sicherheitsprotokoll nennt ein anderes Gerät oder einen anderen Modus als die EML-Dateien. Verwenden Sie die Dateien nicht; fordern Sie beim Büro eine neue Kopie an.",
    },
    "verify.development": {
        "nl": "Opgelet: gemaakt in ontwikkelmodus, zonder beveiligingschip (TPM), niet op het goedgekeurde toestel. Goed voor tests en demonstraties; voor een echte verkiezing beslist de overheid of ze de uitslag aanvaardt.",
        "fr": "Attention : fait en mode développement, sans puce de sécurité (TPM), pas sur l'appareil approuvé. Valable pour les tests et démonstrations ; pour une vraie élection, l'autorité décide si elle accepte le résultat.",
        "de": "Achtung: im Entwicklungsmodus erstellt, ohne Sicherheitschip (TPM), nicht auf dem genehmigten Gerät. Gut für Tests und Vorführungen; bei einer echten Wahl entscheidet die Behörde, ob sie das Ergebnis annimmt.",
    },
}
