"""Messages of provisioning (CA, import, master, sticks, password letters) and of the station's login."""

MESSAGES = {
    # --- CSV import: every message names file, line and column, then says what to correct ---
    "import.unreadable": {
        "nl": "Het bestand {file} kan niet gelezen worden. Controleer het pad en de rechten en probeer opnieuw.",
        "fr": "Le fichier {file} ne peut pas être lu. Vérifiez le chemin et les droits, puis réessayez.",
        "de": "Die Datei {file} kann nicht gelesen werden. Prüfen Sie Pfad und Rechte und versuchen Sie es erneut.",
    },
    "import.bad_encoding": {
        "nl": "{file} regel {line}: geen geldige UTF-8-tekst. Sla het bestand op als UTF-8 (CSV UTF-8) en probeer opnieuw.",
        "fr": "{file} ligne {line} : texte UTF-8 non valide. Enregistrez le fichier en UTF-8 (CSV UTF-8) et réessayez.",
        "de": "{file} Zeile {line}: kein gültiger UTF-8-Text. Speichern Sie die Datei als UTF-8 (CSV UTF-8) und versuchen Sie es erneut.",
    },
    "import.bad_csv": {
        "nl": "{file} regel {line}: geen geldige CSV (bv. een aanhalingsteken dat niet gesloten wordt). Verbeter de regel.",
        "fr": "{file} ligne {line} : CSV non valide (p. ex. un guillemet non fermé). Corrigez la ligne.",
        "de": "{file} Zeile {line}: kein gültiges CSV (z. B. ein nicht geschlossenes Anführungszeichen). Korrigieren Sie die Zeile.",
    },
    "import.missing_column": {
        "nl": "{file} regel {line}: de kolom {column} ontbreekt in de kopregel. Voeg ze toe zoals beschreven in het contract.",
        "fr": "{file} ligne {line} : la colonne {column} manque dans l'en-tête. Ajoutez-la comme décrit dans le contrat.",
        "de": "{file} Zeile {line}: die Spalte {column} fehlt in der Kopfzeile. Fügen Sie sie wie im Vertrag beschrieben hinzu.",
    },
    "import.missing_value": {
        "nl": "{file} regel {line}, kolom {column}: de waarde ontbreekt. Vul ze in.",
        "fr": "{file} ligne {line}, colonne {column} : la valeur manque. Complétez-la.",
        "de": "{file} Zeile {line}, Spalte {column}: der Wert fehlt. Ergänzen Sie ihn.",
    },
    "import.no_rows": {
        "nl": "{file} bevat geen enkele gegevensregel. Controleer of u het juiste bestand gekozen hebt.",
        "fr": "{file} ne contient aucune ligne de données. Vérifiez que vous avez choisi le bon fichier.",
        "de": "{file} enthält keine einzige Datenzeile. Prüfen Sie, ob Sie die richtige Datei gewählt haben.",
    },
    "import.unknown_election": {
        "nl": "{file} regel {line}, kolom {column}: onbekende verkiezing '{value}'. Gebruik CK, EU, VL, WL, BR of DE.",
        "fr": "{file} ligne {line}, colonne {column} : élection inconnue « {value} ». Utilisez CK, EU, VL, WL, BR ou DE.",
        "de": "{file} Zeile {line}, Spalte {column}: unbekannte Wahl „{value}“. Verwenden Sie CK, EU, VL, WL, BR oder DE.",
    },
    "import.bad_station_id": {
        "nl": "{file} regel {line}, kolom {column}: ongeldige bureau-id '{value}'. Gebruik 1 tot 32 tekens: A-Z, a-z, 0-9 of -, en geen naam die Windows voorbehoudt (CON, NUL, COM1…).",
        "fr": "{file} ligne {line}, colonne {column} : identifiant de bureau non valide « {value} ». Utilisez 1 à 32 caractères : A-Z, a-z, 0-9 ou -, et aucun nom réservé par Windows (CON, NUL, COM1…).",
        "de": "{file} Zeile {line}, Spalte {column}: ungültige Büro-Kennung „{value}“. Verwenden Sie 1 bis 32 Zeichen: A-Z, a-z, 0-9 oder -, und keinen von Windows reservierten Namen (CON, NUL, COM1…).",
    },
    "import.duplicate_station": {
        "nl": "{file} regel {line}, kolom {column}: bureau-id '{value}' komt al voor op regel {first_line} (hoofdletters tellen niet mee op een stick). Geef elk bureau een eigen id.",
        "fr": "{file} ligne {line}, colonne {column} : l'identifiant « {value} » figure déjà à la ligne {first_line} (une clé USB ne distingue pas majuscules et minuscules). Donnez à chaque bureau son propre identifiant.",
        "de": "{file} Zeile {line}, Spalte {column}: die Kennung „{value}“ steht schon in Zeile {first_line} (ein USB-Stick unterscheidet Groß- und Kleinschreibung nicht). Geben Sie jedem Büro eine eigene Kennung.",
    },
    "import.bad_language": {
        "nl": "{file} regel {line}, kolom {column}: ongeldige taal '{value}'. Gebruik nl, fr of de.",
        "fr": "{file} ligne {line}, colonne {column} : langue non valide « {value} ». Utilisez nl, fr ou de.",
        "de": "{file} Zeile {line}, Spalte {column}: ungültige Sprache „{value}“. Verwenden Sie nl, fr oder de.",
    },
    "import.no_lists": {
        "nl": "{file} regel {line}, kolom {column}: voor kieskring '{value}' van verkiezing {election} staan geen lijsten in candidates.csv. Controleer de schrijfwijze of voeg de lijsten toe.",
        "fr": "{file} ligne {line}, colonne {column} : candidates.csv ne contient aucune liste pour la circonscription « {value} » de l'élection {election}. Vérifiez l'orthographe ou ajoutez les listes.",
        "de": "{file} Zeile {line}, Spalte {column}: candidates.csv enthält keine Listen für den Wahlkreis „{value}“ der Wahl {election}. Prüfen Sie die Schreibweise oder ergänzen Sie die Listen.",
    },
    "import.bad_kind": {
        "nl": "{file} regel {line}, kolom {column}: ongeldige soort '{value}'. Gebruik T (titularis) of S (opvolger).",
        "fr": "{file} ligne {line}, colonne {column} : type non valide « {value} ». Utilisez T (effectif) ou S (suppléant).",
        "de": "{file} Zeile {line}, Spalte {column}: ungültige Art „{value}“. Verwenden Sie T (ordentlich) oder S (Ersatz).",
    },
    "import.eml_bad_number": {
        "nl": "{file}: lijst {list} heeft een nummer of een aantal kandidaten boven 999. Verbeter het EML-bestand.",
        "fr": "{file} : la liste {list} a un numéro ou un nombre de candidats supérieur à 999. Corrigez le fichier EML.",
        "de": "{file}: Liste {list} hat eine Nummer oder eine Kandidatenzahl über 999. Korrigieren Sie die EML-Datei.",
    },
    "import.eml_bad_text": {
        "nl": "{file}: de waarde '{value}' ({what}) is leeg, begint of eindigt met een spatie, of bevat een stuurteken, een onzichtbaar teken of een teken dat de schrijfrichting omkeert {char}. Verbeter het EML-bestand.",
        "fr": "{file} : la valeur « {value} » ({what}) est vide, commence ou finit par une espace, ou contient un caractère de contrôle, un caractère invisible ou un caractère qui inverse le sens d'écriture {char}. Corrigez le fichier EML.",
        "de": "{file}: Der Wert „{value}“ ({what}) ist leer, beginnt oder endet mit einem Leerzeichen oder enthält ein Steuerzeichen, ein unsichtbares Zeichen oder ein Zeichen, das die Schreibrichtung umkehrt {char}. Korrigieren Sie die EML-Datei.",
    },
    "import.eml_too_long": {
        "nl": "{file}: de waarde '{value}' ({what}) is {length} tekens lang; hoogstens {limit} tekens zijn toegelaten. Verbeter het EML-bestand.",
        "fr": "{file} : la valeur « {value} » ({what}) compte {length} caractères ; {limit} caractères au plus sont admis. Corrigez le fichier EML.",
        "de": "{file}: Der Wert „{value}“ ({what}) ist {length} Zeichen lang; höchstens {limit} Zeichen sind erlaubt. Korrigieren Sie die EML-Datei.",
    },
    "import.eml_bad_identifier": {
        "nl": "{file}: een lijst- of kandidaatnummer in het bestand is geen getal van 1 tot 999 (het heeft duizenden cijfers). Verbeter het EML-bestand.",
        "fr": "{file} : un numéro de liste ou de candidat du fichier n'est pas un nombre de 1 à 999 (il a des milliers de chiffres). Corrigez le fichier EML.",
        "de": "{file}: Eine Listen- oder Kandidatennummer in der Datei ist keine Zahl von 1 bis 999 (sie hat Tausende von Ziffern). Korrigieren Sie die EML-Datei.",
    },
    "import.too_long": {
        "nl": "{file} regel {line}, kolom {column}: de waarde is {length} tekens lang; hoogstens {limit} tekens zijn toegelaten. Kort de waarde in.",
        "fr": "{file} ligne {line}, colonne {column} : la valeur compte {length} caractères ; {limit} caractères au plus sont admis. Raccourcissez la valeur.",
        "de": "{file} Zeile {line}, Spalte {column}: Der Wert ist {length} Zeichen lang; höchstens {limit} Zeichen sind erlaubt. Kürzen Sie den Wert.",
    },
    "import.bidi_control": {
        "nl": "{file} regel {line}, kolom {column}: de waarde bevat een onzichtbaar teken dat de schrijfrichting omkeert ({char}), waardoor een naam als een andere kan verschijnen. Typ de waarde opnieuw.",
        "fr": "{file} ligne {line}, colonne {column} : la valeur contient un caractère invisible qui inverse le sens d'écriture ({char}) et peut faire apparaître un nom comme un autre. Retapez la valeur.",
        "de": "{file} Zeile {line}, Spalte {column}: Der Wert enthält ein unsichtbares Zeichen, das die Schreibrichtung umkehrt ({char}), sodass ein Name wie ein anderer erscheinen kann. Geben Sie den Wert neu ein.",
    },
    "import.invisible_character": {
        "nl": "{file} regel {line}, kolom {column}: de waarde bevat een onzichtbaar teken ({char}: bv. een spatie van breedte nul of een andere spatie dan de gewone). Typ de waarde opnieuw.",
        "fr": "{file} ligne {line}, colonne {column} : la valeur contient un caractère invisible ({char} : p. ex. une espace de largeur nulle ou une autre espace que l'espace ordinaire). Retapez la valeur.",
        "de": "{file} Zeile {line}, Spalte {column}: Der Wert enthält ein unsichtbares Zeichen ({char}: z. B. ein Leerzeichen der Breite null oder ein anderes als das gewöhnliche Leerzeichen). Geben Sie den Wert neu ein.",
    },
    "import.surrounding_space": {
        "nl": "{file} regel {line}, kolom {column}: '{value}' begint of eindigt met een spatie. Verwijder die spatie.",
        "fr": "{file} ligne {line}, colonne {column} : « {value} » commence ou finit par une espace. Supprimez cette espace.",
        "de": "{file} Zeile {line}, Spalte {column}: „{value}“ beginnt oder endet mit einem Leerzeichen. Entfernen Sie es.",
    },
    "import.control_character": {
        "nl": "{file} regel {line}, kolom {column}: de waarde bevat een onzichtbaar stuurteken. Typ de waarde opnieuw.",
        "fr": "{file} ligne {line}, colonne {column} : la valeur contient un caractère de contrôle invisible. Retapez la valeur.",
        "de": "{file} Zeile {line}, Spalte {column}: Der Wert enthält ein unsichtbares Steuerzeichen. Geben Sie den Wert neu ein.",
    },
    "import.bad_number": {
        "nl": "{file} regel {line}, kolom {column}: '{value}' is geen geheel getal van 1 tot 999. Verbeter de waarde.",
        "fr": "{file} ligne {line}, colonne {column} : « {value} » n'est pas un entier de 1 à 999. Corrigez la valeur.",
        "de": "{file} Zeile {line}, Spalte {column}: „{value}“ ist keine ganze Zahl von 1 bis 999. Korrigieren Sie den Wert.",
    },
    "import.unexpected_successors": {
        "nl": "Let op: verkiezing {election} ({constituency}) heeft volgens de wet van 2024 geen opvolgers, maar het bestand bevat opvolgers. Ze staan nu op het stembiljet; kijk het bestand na.",
        "fr": "Attention : l'élection {election} ({constituency}) n'a pas de suppléants selon la loi de 2024, mais le fichier en contient. Ils figurent maintenant sur le bulletin ; vérifiez le fichier.",
        "de": "Achtung: Die Wahl {election} ({constituency}) hat nach dem Gesetz von 2024 keine Ersatzkandidaten, aber die Datei enthält welche. Sie stehen jetzt auf dem Stimmzettel; prüfen Sie die Datei.",
    },
    "import.duplicate_position": {
        "nl": "{file} regel {line}, kolom {column}: plaats {position} komt twee keer voor op deze lijst. Nummer de kandidaten 1, 2, 3, …",
        "fr": "{file} ligne {line}, colonne {column} : la place {position} figure deux fois sur cette liste. Numérotez les candidats 1, 2, 3, …",
        "de": "{file} Zeile {line}, Spalte {column}: Platz {position} kommt auf dieser Liste zweimal vor. Nummerieren Sie die Kandidaten 1, 2, 3, …",
    },
    "import.position_gap": {
        "nl": "{file} regel {line}, kolom {column}: plaats {position} volgt, maar plaats {missing} ontbreekt op deze lijst. Voeg ze toe of hernummer.",
        "fr": "{file} ligne {line}, colonne {column} : la place {position} suit, mais la place {missing} manque sur cette liste. Ajoutez-la ou renumérotez.",
        "de": "{file} Zeile {line}, Spalte {column}: Platz {position} folgt, aber Platz {missing} fehlt auf dieser Liste. Ergänzen Sie ihn oder nummerieren Sie neu.",
    },
    "import.list_name_mismatch": {
        "nl": "{file} regel {line}, kolom {column}: lijstnaam '{value}' verschilt van '{expected}' eerder op dezelfde lijst. Gebruik één naam per lijst.",
        "fr": "{file} ligne {line}, colonne {column} : le nom de liste « {value} » diffère de « {expected} » plus haut sur la même liste. Utilisez un seul nom par liste.",
        "de": "{file} Zeile {line}, Spalte {column}: der Listenname „{value}“ weicht von „{expected}“ weiter oben auf derselben Liste ab. Verwenden Sie einen Namen pro Liste.",
    },
    "import.constituency_name_mismatch": {
        "nl": "{file} regel {line}, kolom {column}: de naam van de kieskring '{value}' verschilt van '{expected}' op regel {first_line}. Gebruik één naam per taal en per kieskring.",
        "fr": "{file} ligne {line}, colonne {column} : le nom de la circonscription « {value} » diffère de « {expected} » à la ligne {first_line}. Utilisez un seul nom par langue et par circonscription.",
        "de": "{file} Zeile {line}, Spalte {column}: der Name des Wahlkreises „{value}“ weicht von „{expected}“ in Zeile {first_line} ab. Verwenden Sie einen Namen pro Sprache und Wahlkreis.",
    },
    "import.no_titulars": {
        "nl": "{file} regel {line}, kolom {column}: lijst {value} heeft opvolgers maar geen titularissen. Voeg de titularissen toe.",
        "fr": "{file} ligne {line}, colonne {column} : la liste {value} a des suppléants mais aucun effectif. Ajoutez les effectifs.",
        "de": "{file} Zeile {line}, Spalte {column}: Liste {value} hat Ersatzkandidaten, aber keine ordentlichen Kandidaten. Ergänzen Sie diese.",
    },
    # --- CA ---
    "ca.weak_passphrase": {
        "nl": "De wachtwoordzin van de CA is te kort (minstens {minimum} tekens). Kies een langere.",
        "fr": "La phrase secrète de l'AC est trop courte (au moins {minimum} caractères). Choisissez-en une plus longue.",
        "de": "Die Passphrase der CA ist zu kurz (mindestens {minimum} Zeichen). Wählen Sie eine längere.",
    },
    "ca.no_passphrase": {
        "nl": "Geen wachtwoordzin voor de CA gekregen. Geef --passphrase-file, zet TABULA_CA_PASSPHRASE of typ ze in.",
        "fr": "Aucune phrase secrète de l'AC reçue. Indiquez --passphrase-file, définissez TABULA_CA_PASSPHRASE ou saisissez-la.",
        "de": "Keine Passphrase der CA erhalten. Geben Sie --passphrase-file an, setzen Sie TABULA_CA_PASSPHRASE oder geben Sie sie ein.",
    },
    "ca.exists": {
        "nl": "In {folder} staat al een CA; ze wordt niet overschreven. Kies een lege map.",
        "fr": "Le dossier {folder} contient déjà une AC ; elle ne sera pas écrasée. Choisissez un dossier vide.",
        "de": "Im Ordner {folder} liegt bereits eine CA; sie wird nicht überschrieben. Wählen Sie einen leeren Ordner.",
    },
    "ca.file_missing": {
        "nl": "Het CA-bestand {file} ontbreekt of is onleesbaar. Controleer de map die u met --ca opgaf.",
        "fr": "Le fichier d'AC {file} manque ou est illisible. Vérifiez le dossier indiqué avec --ca.",
        "de": "Die CA-Datei {file} fehlt oder ist unlesbar. Prüfen Sie den mit --ca angegebenen Ordner.",
    },
    "ca.bad_passphrase": {
        "nl": "De sleutel van de CA kan niet geopend worden: verkeerde wachtwoordzin of beschadigd bestand. Probeer opnieuw met de juiste wachtwoordzin.",
        "fr": "La clé de l'AC ne peut pas être ouverte : phrase secrète erronée ou fichier endommagé. Réessayez avec la bonne phrase secrète.",
        "de": "Der Schlüssel der CA lässt sich nicht öffnen: falsche Passphrase oder beschädigte Datei. Versuchen Sie es mit der richtigen Passphrase erneut.",
    },
    "ca.invalid": {
        "nl": "De CA in {folder} klopt niet (certificaat verlopen, niet uitgegeven door de root, of sleutel hoort er niet bij). Gebruik de juiste CA-map.",
        "fr": "L'AC du dossier {folder} n'est pas cohérente (certificat expiré, non émis par la racine, ou clé ne correspondant pas). Utilisez le bon dossier d'AC.",
        "de": "Die CA in {folder} ist nicht stimmig (Zertifikat abgelaufen, nicht von der Root ausgestellt oder Schlüssel passt nicht). Verwenden Sie den richtigen CA-Ordner.",
    },
    "ca.expired": {
        "nl": "Het certificaat van de uitgevende CA verloopt binnen twee dagen. Maak een nieuwe uitgevende CA volgens CA-PROCEDURE.md.",
        "fr": "Le certificat de l'AC émettrice expire dans moins de deux jours. Créez une nouvelle AC émettrice selon CA-PROCEDURE.md.",
        "de": "Das Zertifikat der ausstellenden CA läuft in weniger als zwei Tagen ab. Erstellen Sie eine neue ausstellende CA gemäß CA-PROCEDURE.md.",
    },
    # --- master and sticks ---
    "master.out_not_empty": {
        "nl": "De doelmap {folder} is niet leeg. Kies een lege of nieuwe map voor de master.",
        "fr": "Le dossier cible {folder} n'est pas vide. Choisissez un dossier vide ou nouveau pour le master.",
        "de": "Der Zielordner {folder} ist nicht leer. Wählen Sie einen leeren oder neuen Ordner für den Master.",
    },
    "master.file_missing": {
        "nl": "Het bestand {file} ontbreekt op de stick. Gebruik een andere kopie van de master-stick.",
        "fr": "Le fichier {file} manque sur la clé. Utilisez une autre copie de la clé master.",
        "de": "Die Datei {file} fehlt auf dem Stick. Verwenden Sie eine andere Kopie des Master-Sticks.",
    },
    "master.tampered": {
        "nl": "Het bestand {file} op de stick is gewijzigd of beschadigd en wordt niet gebruikt. Gebruik de stick niet verder.",
        "fr": "Le fichier {file} de la clé a été modifié ou endommagé et n'est pas utilisé. N'utilisez plus cette clé.",
        "de": "Die Datei {file} auf dem Stick wurde verändert oder ist beschädigt und wird nicht verwendet. Verwenden Sie den Stick nicht weiter.",
    },
    "master.damaged": {
        "nl": "Het bestand {file} op deze stick is beschadigd; de stick wordt niet gebruikt. Gebruik een andere kopie van de master-stick; lukt het ook daarmee niet, bel dan de helpdesk.",
        "fr": "Le fichier {file} de cette clé est endommagé ; la clé n'est pas utilisée. Utilisez une autre copie de la clé master ; si cela échoue aussi, appelez le helpdesk.",
        "de": "Die Datei {file} auf diesem Stick ist beschädigt; der Stick wird nicht verwendet. Verwenden Sie eine andere Kopie des Master-Sticks; schlägt es auch damit fehl, rufen Sie den Helpdesk an.",
    },
    "master.foreign": {
        "nl": "Deze stick bevat een master die niet door de verkiezingsoverheid van dit toestel gemaakt is (een andere verkiezing of een oefenstick); hij wordt niet gebruikt. Steek de master-stick van uw bureau (of een andere kopie ervan) in; lukt het daarmee niet, bel dan de helpdesk.",
        "fr": "Cette clé contient un master qui n'a pas été créé par l'autorité électorale de cet appareil (une autre élection ou une clé d'exercice) ; elle n'est pas utilisée. Insérez la clé master de votre bureau (ou une autre copie) ; si cela échoue, appelez le helpdesk.",
        "de": "Dieser Stick enthält einen Master, der nicht von der Wahlbehörde dieses Geräts erstellt wurde (eine andere Wahl oder ein Übungsstick); er wird nicht verwendet. Stecken Sie den Master-Stick Ihres Büros (oder eine andere Kopie davon) ein; schlägt es damit fehl, rufen Sie den Helpdesk an.",
    },
    "master.manifest_malformed": {
        "nl": "De inhoudsopgave van de master-stick is onleesbaar. Gebruik de stick niet verder.",
        "fr": "La table des matières de la clé master est illisible. N'utilisez plus cette clé.",
        "de": "Das Inhaltsverzeichnis des Master-Sticks ist unlesbar. Verwenden Sie den Stick nicht weiter.",
    },
    "bundle.damaged": {
        "nl": "De gegevens van dit bureau op de stick zijn beschadigd of vervalst en worden niet gebruikt. Gebruik de stick niet verder.",
        "fr": "Les données de ce bureau sur la clé sont endommagées ou falsifiées et ne sont pas utilisées. N'utilisez plus cette clé.",
        "de": "Die Daten dieses Büros auf dem Stick sind beschädigt oder gefälscht und werden nicht verwendet. Verwenden Sie den Stick nicht weiter.",
    },
    "bundle.wrong_station": {
        "nl": "De gegevens op de stick voor bureau {station} horen bij een ander bureau. Gebruik de stick niet verder.",
        "fr": "Les données de la clé pour le bureau {station} appartiennent à un autre bureau. N'utilisez plus cette clé.",
        "de": "Die Daten auf dem Stick für Büro {station} gehören zu einem anderen Büro. Verwenden Sie den Stick nicht weiter.",
    },
    "bundle.content_malformed": {
        "nl": "De verkiezingsgegevens op de stick zijn onvolledig (veld {field}). Gebruik de stick niet verder.",
        "fr": "Les données d'élection de la clé sont incomplètes (champ {field}). N'utilisez plus cette clé.",
        "de": "Die Wahldaten auf dem Stick sind unvollständig (Feld {field}). Verwenden Sie den Stick nicht weiter.",
    },
    "pki.bad_certificate": {
        "nl": "Een certificaat op de stick is onleesbaar. Gebruik de stick niet verder.",
        "fr": "Un certificat de la clé est illisible. N'utilisez plus cette clé.",
        "de": "Ein Zertifikat auf dem Stick ist unlesbar. Verwenden Sie den Stick nicht weiter.",
    },
    "pki.bad_key": {
        "nl": "De sleutel van het bureau is onleesbaar. Gebruik de stick niet verder.",
        "fr": "La clé du bureau est illisible. N'utilisez plus cette clé USB.",
        "de": "Der Schlüssel des Büros ist unlesbar. Verwenden Sie den Stick nicht weiter.",
    },
    "pki.bad_signature": {
        "nl": "De handtekening van de master-stick klopt niet: de inhoud is gewijzigd. Gebruik de stick niet verder.",
        "fr": "La signature de la clé master n'est pas valide : le contenu a été modifié. N'utilisez plus cette clé.",
        "de": "Die Signatur des Master-Sticks ist ungültig: der Inhalt wurde verändert. Verwenden Sie den Stick nicht weiter.",
    },
    "pki.untrusted_certificate": {
        "nl": "Het certificaat '{subject}' is niet uitgegeven door de verkiezingsoverheid of is niet geldig op de datum van dit toestel. Gebruik de stick niet verder.",
        "fr": "Le certificat « {subject} » n'est pas émis par l'autorité électorale ou n'est pas valide à la date de cet appareil. N'utilisez plus cette clé.",
        "de": "Das Zertifikat „{subject}“ wurde nicht von der Wahlbehörde ausgestellt oder ist zum Datum dieses Geräts nicht gültig. Verwenden Sie den Stick nicht weiter.",
    },
    "copy.no_stick": {
        "nl": "{stick} is geen map (stick niet aangekoppeld?). Koppel de stick aan en probeer opnieuw.",
        "fr": "{stick} n'est pas un dossier (clé non montée ?). Montez la clé et réessayez.",
        "de": "{stick} ist kein Ordner (Stick nicht eingehängt?). Hängen Sie den Stick ein und versuchen Sie es erneut.",
    },
    "copy.not_a_master": {
        "nl": "{folder} is geen volledige master. Geef de map op die build-master gemaakt heeft.",
        "fr": "{folder} n'est pas un master complet. Indiquez le dossier créé par build-master.",
        "de": "{folder} ist kein vollständiger Master. Geben Sie den von build-master erstellten Ordner an.",
    },
    "copy.master_damaged": {
        "nl": "De master zelf is beschadigd ({file} klopt niet met de inhoudsopgave). Maak de master opnieuw.",
        "fr": "Le master lui-même est endommagé ({file} ne correspond pas à la table des matières). Recréez le master.",
        "de": "Der Master selbst ist beschädigt ({file} passt nicht zum Inhaltsverzeichnis). Erstellen Sie den Master neu.",
    },
    "copy.write_failed": {
        "nl": "Kopiëren naar stick {stick} mislukt ({error}). Gebruik een andere stick.",
        "fr": "La copie vers la clé {stick} a échoué ({error}). Utilisez une autre clé.",
        "de": "Kopieren auf den Stick {stick} fehlgeschlagen ({error}). Verwenden Sie einen anderen Stick.",
    },
    "copy.verify_failed": {
        "nl": "Stick {stick}: {file} wordt anders teruggelezen dan geschreven (stick defect of te klein). Gebruik een andere stick.",
        "fr": "Clé {stick} : {file} est relu différemment de ce qui a été écrit (clé défectueuse ou trop petite). Utilisez une autre clé.",
        "de": "Stick {stick}: {file} wird anders gelesen als geschrieben (Stick defekt oder zu klein). Verwenden Sie einen anderen Stick.",
    },
    "copy.ok": {
        "nl": "Stick {stick}: master gekopieerd en gecontroleerd.",
        "fr": "Clé {stick} : master copié et vérifié.",
        "de": "Stick {stick}: Master kopiert und geprüft.",
    },
    "master.built": {
        "nl": "Master voor {count} bureaus gemaakt in {folder} ({seconds} s). Bewaar de wachtwoorden apart van de sticks.",
        "fr": "Master pour {count} bureaux créé dans {folder} ({seconds} s). Conservez les mots de passe séparément des clés.",
        "de": "Master für {count} Büros in {folder} erstellt ({seconds} s). Bewahren Sie die Passwörter getrennt von den Sticks auf.",
    },
    "ca.created": {
        "nl": "CA gemaakt in {folder}. Breng nu root.key.pem offline volgens CA-PROCEDURE.md.",
        "fr": "AC créée dans {folder}. Mettez maintenant root.key.pem hors ligne selon CA-PROCEDURE.md.",
        "de": "CA in {folder} erstellt. Bringen Sie jetzt root.key.pem gemäß CA-PROCEDURE.md offline.",
    },
    "letters.font_missing": {
        "nl": "Het lettertype {font} ontbreekt. Installeer fonts-dejavu-core en probeer opnieuw.",
        "fr": "La police {font} manque. Installez fonts-dejavu-core et réessayez.",
        "de": "Die Schrift {font} fehlt. Installieren Sie fonts-dejavu-core und versuchen Sie es erneut.",
    },
    "provision.cannot_write": {
        "nl": "Het bestand {file} kan niet geschreven worden. Controleer de map en de vrije ruimte en probeer opnieuw.",
        "fr": "Le fichier {file} ne peut pas être écrit. Vérifiez le dossier et l'espace libre, puis réessayez.",
        "de": "Die Datei {file} kann nicht geschrieben werden. Prüfen Sie Ordner und freien Platz und versuchen Sie es erneut.",
    },
    # --- login at the station ---
    "auth.unknown_station": {
        "nl": "Bureau {station} staat niet op deze stick. Kies uw bureau in de lijst of controleer de stick.",
        "fr": "Le bureau {station} ne figure pas sur cette clé. Choisissez votre bureau dans la liste ou vérifiez la clé.",
        "de": "Das Büro {station} ist nicht auf diesem Stick. Wählen Sie Ihr Büro aus der Liste oder prüfen Sie den Stick.",
    },
    "auth.wrong_password": {
        "nl": "Verkeerd wachtwoord voor bureau {station}. Typ het opnieuw zoals in de brief (hoofdletters en streepjes mogen weg). Volgende poging over {delay} s.",
        "fr": "Mot de passe erroné pour le bureau {station}. Retapez-le comme dans la lettre (majuscules et tirets facultatifs). Prochain essai dans {delay} s.",
        "de": "Falsches Passwort für Büro {station}. Geben Sie es wie im Brief erneut ein (Großschreibung und Bindestriche sind egal). Nächster Versuch in {delay} s.",
    },
    "auth.step.manifest": {"nl": "Stick controleren…", "fr": "Vérification de la clé…", "de": "Stick wird geprüft…"},
    "auth.step.waiting": {
        "nl": "Even wachten na verkeerde wachtwoorden…",
        "fr": "Patientez après des mots de passe erronés…",
        "de": "Bitte warten nach falschen Passwörtern…",
    },
    "auth.step.reading": {
        "nl": "Gegevens van het bureau lezen…",
        "fr": "Lecture des données du bureau…",
        "de": "Daten des Büros werden gelesen…",
    },
    "auth.step.deriving": {
        "nl": "Wachtwoord controleren…",
        "fr": "Vérification du mot de passe…",
        "de": "Passwort wird geprüft…",
    },
    "auth.step.checking": {
        "nl": "Certificaat en kandidaten controleren…",
        "fr": "Vérification du certificat et des candidats…",
        "de": "Zertifikat und Kandidaten werden geprüft…",
    },
    "auth.step.done": {"nl": "Klaar.", "fr": "Terminé.", "de": "Fertig."},
    # --- password letter ---
    "letter.title": {
        "nl": "Wachtwoord van het telbureau — vertrouwelijk",
        "fr": "Mot de passe du bureau de dépouillement — confidentiel",
        "de": "Passwort des Zählbüros — vertraulich",
    },
    "letter.station": {"nl": "Bureau-id", "fr": "Identifiant du bureau", "de": "Büro-Kennung"},
    "letter.name": {"nl": "Bureau", "fr": "Bureau", "de": "Büro"},
    "letter.election": {"nl": "Verkiezing", "fr": "Élection", "de": "Wahl"},
    "letter.constituency": {"nl": "Kieskring", "fr": "Circonscription", "de": "Wahlkreis"},
    "letter.password": {"nl": "Wachtwoord:", "fr": "Mot de passe :", "de": "Passwort:"},
    "letter.election.CK": {"nl": "Kamer", "fr": "Chambre", "de": "Kammer"},
    "letter.election.EU": {"nl": "Europees Parlement", "fr": "Parlement européen", "de": "Europäisches Parlament"},
    "letter.election.VL": {"nl": "Vlaams Parlement", "fr": "Parlement flamand", "de": "Flämisches Parlament"},
    "letter.election.WL": {"nl": "Waals Parlement", "fr": "Parlement wallon", "de": "Wallonisches Parlament"},
    "letter.election.BR": {
        "nl": "Brussels Hoofdstedelijk Parlement",
        "fr": "Parlement de la Région de Bruxelles-Capitale",
        "de": "Parlament der Region Brüssel-Hauptstadt",
    },
    "letter.election.DE": {
        "nl": "Parlement van de Duitstalige Gemeenschap",
        "fr": "Parlement de la Communauté germanophone",
        "de": "Parlament der Deutschsprachigen Gemeinschaft",
    },
    "letter.keep_sealed": {
        "nl": "Bewaar deze brief verzegeld tot de telling begint. Open hem alleen in aanwezigheid van het bureau, en nooit samen met de stick bewaren.",
        "fr": "Conservez cette lettre scellée jusqu'au début du dépouillement. Ouvrez-la uniquement en présence du bureau et ne la gardez jamais avec la clé USB.",
        "de": "Bewahren Sie diesen Brief versiegelt auf, bis die Zählung beginnt. Öffnen Sie ihn nur im Beisein des Büros und bewahren Sie ihn nie zusammen mit dem Stick auf.",
    },
    "letter.how_to_login": {
        "nl": "Aanmelden: steek de stick in het toestel, kies uw bureau-id in de lijst en typ het wachtwoord hierboven.",
        "fr": "Connexion : insérez la clé dans l'appareil, choisissez l'identifiant de votre bureau dans la liste et tapez le mot de passe ci-dessus.",
        "de": "Anmeldung: Stecken Sie den Stick in das Gerät, wählen Sie Ihre Büro-Kennung aus der Liste und geben Sie das obige Passwort ein.",
    },
    "letter.typing": {
        "nl": "Hoofd- of kleine letters en de spaties of streepjes tussen de groepen maken niet uit. Een O wordt als nul gelezen, een I of L als één.",
        "fr": "Majuscules ou minuscules et espaces ou tirets entre les groupes sont indifférents. Un O est lu comme zéro, un I ou un L comme un.",
        "de": "Groß- oder Kleinschreibung und Leerzeichen oder Bindestriche zwischen den Gruppen spielen keine Rolle. Ein O gilt als Null, ein I oder L als Eins.",
    },
    "letter.wrong_password": {
        "nl": "Na enkele verkeerde pogingen moet u steeds langer wachten; elke poging wordt gelogd.",
        "fr": "Après quelques essais erronés, le délai d'attente augmente ; chaque essai est journalisé.",
        "de": "Nach einigen Fehlversuchen wird die Wartezeit immer länger; jeder Versuch wird protokolliert.",
    },
    "letter.lost": {
        "nl": "Brief kwijt of zegel verbroken vóór de telling? Bel de helpdesk.",
        "fr": "Lettre perdue ou scellé rompu avant le dépouillement ? Appelez le helpdesk.",
        "de": "Brief verloren oder Siegel vor der Zählung gebrochen? Rufen Sie den Helpdesk an.",
    },
}
