"""Messages of the EML files and their XML signatures (app/eml, app/signing/xmldsig)."""

MESSAGES = {
    "eml.too_large": {
        "nl": "Het bestand is te groot ({size} bytes, hoogstens {limit}). Gebruik het bestand dat het bureau schreef.",
        "fr": "Le fichier est trop grand ({size} octets, au plus {limit}). Utilisez le fichier écrit par le bureau.",
        "de": "Die Datei ist zu groß ({size} Bytes, höchstens {limit}). Verwenden Sie die vom Büro geschriebene Datei.",
    },
    "eml.not_xml": {
        "nl": "Het bestand is geen leesbaar XML (regel {line}). Controleer of het volledig gekopieerd is.",
        "fr": "Le fichier n'est pas du XML lisible (ligne {line}). Vérifiez qu'il a été copié entièrement.",
        "de": "Die Datei ist kein lesbares XML (Zeile {line}). Prüfen Sie, ob sie vollständig kopiert wurde.",
    },
    "eml.comment_forbidden": {
        "nl": "Het bestand bevat XML-commentaar of verwerkingsinstructies, die Tabula nooit schrijft: het is na ondertekening gewijzigd.",
        "fr": "Le fichier contient des commentaires XML ou des instructions de traitement, que Tabula n'écrit jamais : il a été modifié après signature.",
        "de": "Die Datei enthält XML-Kommentare oder Verarbeitungsanweisungen, die Tabula nie schreibt: Sie wurde nach der Signatur verändert.",
    },
    "eml.doctype_forbidden": {
        "nl": "Het bestand bevat een DOCTYPE-declaratie; die wordt om veiligheidsredenen geweigerd.",
        "fr": "Le fichier contient une déclaration DOCTYPE ; elle est refusée pour raison de sécurité.",
        "de": "Die Datei enthält eine DOCTYPE-Deklaration; sie wird aus Sicherheitsgründen abgelehnt.",
    },
    "eml.malformed": {
        "nl": "Het EML-bestand volgt het profiel niet (regel {line}: verwacht {what}).",
        "fr": "Le fichier EML ne suit pas le profil (ligne {line} : attendu {what}).",
        "de": "Die EML-Datei folgt dem Profil nicht (Zeile {line}: erwartet {what}).",
    },
    "eml.training_mixed": {
        "nl": "Het EML-bestand is maar gedeeltelijk als oefenmodus gemarkeerd: het is gewijzigd of niet door Tabula geschreven. Gebruik het bestand dat het bureau schreef.",
        "fr": "Le fichier EML n'est marqué mode formation qu'en partie : il a été modifié ou n'a pas été écrit par Tabula. Utilisez le fichier écrit par le bureau.",
        "de": "Die EML-Datei ist nur teilweise als Schulungsmodus gekennzeichnet: Sie wurde verändert oder nicht von Tabula geschrieben. Verwenden Sie die vom Büro geschriebene Datei.",
    },
    "eml.wrong_message": {
        "nl": "Verwacht EML-bericht {expected}, gevonden {found}. Kies het juiste bestand.",
        "fr": "Message EML {expected} attendu, trouvé {found}. Choisissez le bon fichier.",
        "de": "EML-Nachricht {expected} erwartet, {found} gefunden. Wählen Sie die richtige Datei.",
    },
    "eml.unknown_election": {
        "nl": "Onbekende verkiezing '{election}' in het EML-bestand (verwacht CK, EU, VL, WL, BR of DE).",
        "fr": "Élection inconnue « {election} » dans le fichier EML (attendu CK, EU, VL, WL, BR ou DE).",
        "de": "Unbekannte Wahl „{election}“ in der EML-Datei (erwartet CK, EU, VL, WL, BR oder DE).",
    },
    "eml.wrong_election": {
        "nl": "De stembiljetten horen bij een andere verkiezing of kieskring ({election}, {contest}).",
        "fr": "Les bulletins appartiennent à une autre élection ou circonscription ({election}, {contest}).",
        "de": "Die Stimmzettel gehören zu einer anderen Wahl oder einem anderen Wahlkreis ({election}, {contest}).",
    },
    "eml.contested_undecided": {
        "nl": "Over het betwiste stembiljet {ballot} is nog niet beslist. Beslis eerst over dit stembiljet.",
        "fr": "Le bulletin contesté {ballot} n'a pas encore été tranché. Tranchez d'abord ce bulletin.",
        "de": "Über den beanstandeten Stimmzettel {ballot} wurde noch nicht entschieden. Entscheiden Sie zuerst.",
    },
    "eml.classification_mismatch": {
        "nl": "De indeling van stembiljet {ballot} klopt niet met zijn vakjes. Dit is een programmafout.",
        "fr": "La classification du bulletin {ballot} ne correspond pas à ses cases. C'est une erreur du logiciel.",
        "de": "Die Einordnung des Stimmzettels {ballot} passt nicht zu seinen Feldern. Dies ist ein Programmfehler.",
    },
    "eml.ballot_duplicate": {
        "nl": "Stembiljet {ballot} komt twee keer voor in het bestand met de stembiljetten.",
        "fr": "Le bulletin {ballot} figure deux fois dans le fichier des bulletins.",
        "de": "Der Stimmzettel {ballot} kommt zweimal in der Stimmzetteldatei vor.",
    },
    "eml.ballot_unknown_mark": {
        "nl": "Stembiljet {ballot} heeft een vakje {mark} dat niet op het stembiljet staat.",
        "fr": "Le bulletin {ballot} a une case {mark} qui n'existe pas sur le bulletin.",
        "de": "Der Stimmzettel {ballot} hat ein Feld {mark}, das es auf dem Stimmzettel nicht gibt.",
    },
    "eml.ballot_claim_mismatch": {
        "nl": "Stembiljet {ballot} is anders geteld dan zijn vakjes aangeven.",
        "fr": "Le bulletin {ballot} a été compté autrement que ne l'indiquent ses cases.",
        "de": "Der Stimmzettel {ballot} wurde anders gezählt, als seine Felder angeben.",
    },
    "eml.no_certificates": {
        "nl": "De handtekening van het bestand bevat geen certificaat van het bureau.",
        "fr": "La signature du fichier ne contient pas de certificat du bureau.",
        "de": "Die Signatur der Datei enthält kein Zertifikat des Büros.",
    },
    "eml.certificate_untrusted": {
        "nl": "Het certificaat van het bureau is niet geldig of niet uitgegeven onder het opgegeven stamcertificaat.",
        "fr": "Le certificat du bureau n'est pas valide ou n'a pas été émis sous le certificat racine donné.",
        "de": "Das Zertifikat des Büros ist ungültig oder nicht unter dem angegebenen Stammzertifikat ausgestellt.",
    },
    "eml.station_mismatch": {
        "nl": "Het bestand noemt bureau {station}, maar is ondertekend door bureau {certificate}.",
        "fr": "Le fichier nomme le bureau {station}, mais il est signé par le bureau {certificate}.",
        "de": "Die Datei nennt das Büro {station}, ist aber vom Büro {certificate} signiert.",
    },
    "eml.signature_missing": {
        "nl": "Het EML-bericht {message} is niet ondertekend.",
        "fr": "Le message EML {message} n'est pas signé.",
        "de": "Die EML-Nachricht {message} ist nicht signiert.",
    },
    "eml.signature_unexpected": {
        "nl": "Het EML-bericht {message} bevat handtekeningen op plaatsen waar ze niet horen.",
        "fr": "Le message EML {message} contient des signatures à des endroits inattendus.",
        "de": "Die EML-Nachricht {message} enthält Signaturen an unerwarteten Stellen.",
    },
    "eml.message_signature_invalid": {
        "nl": "De handtekening van het EML-bericht {message} klopt niet: het bestand is gewijzigd na ondertekening.",
        "fr": "La signature du message EML {message} n'est pas valable : le fichier a été modifié après signature.",
        "de": "Die Signatur der EML-Nachricht {message} ist ungültig: die Datei wurde nach dem Signieren geändert.",
    },
    "eml.ballot_signature_missing": {
        "nl": "Stembiljet {ballot} heeft geen eigen handtekening.",
        "fr": "Le bulletin {ballot} n'a pas de signature propre.",
        "de": "Der Stimmzettel {ballot} hat keine eigene Signatur.",
    },
    "eml.ballot_signature_invalid": {
        "nl": "De handtekening van stembiljet {ballot} klopt niet: het stembiljet is gewijzigd na ondertekening.",
        "fr": "La signature du bulletin {ballot} n'est pas valable : le bulletin a été modifié après signature.",
        "de": "Die Signatur des Stimmzettels {ballot} ist ungültig: er wurde nach dem Signieren geändert.",
    },
    "xmldsig.malformed": {
        "nl": "De XML-handtekening is onvolledig of gebruikt een niet-toegelaten algoritme.",
        "fr": "La signature XML est incomplète ou utilise un algorithme non admis.",
        "de": "Die XML-Signatur ist unvollständig oder verwendet einen nicht zugelassenen Algorithmus.",
    },
    "xmldsig.digest_mismatch": {
        "nl": "De ondertekende inhoud is gewijzigd.",
        "fr": "Le contenu signé a été modifié.",
        "de": "Der signierte Inhalt wurde geändert.",
    },
    "xmldsig.bad_signature": {
        "nl": "De handtekening is niet gemaakt met de sleutel van het bureau.",
        "fr": "La signature n'a pas été faite avec la clé du bureau.",
        "de": "Die Signatur wurde nicht mit dem Schlüssel des Büros erstellt.",
    },
    "xmldsig.untrusted_chain": {
        "nl": "Het certificaat leidt niet naar het vertrouwde stamcertificaat of is niet geldig.",
        "fr": "Le certificat ne remonte pas au certificat racine de confiance ou n'est pas valide.",
        "de": "Das Zertifikat führt nicht zum vertrauenswürdigen Stammzertifikat oder ist ungültig.",
    },
}
