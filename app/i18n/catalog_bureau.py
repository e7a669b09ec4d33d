"""Messages about the bureau file (`tabula replay --bureau`, contract "Bureau file") and the received figure."""

MESSAGES = {
    "bureau_file.not_json": {
        "nl": "{file} is geen geldig JSON-bestand (regel {line}). Verbeter het bureaubestand.",
        "fr": "{file} n'est pas un fichier JSON valable (ligne {line}). Corrigez le fichier du bureau.",
        "de": "{file} ist keine gültige JSON-Datei (Zeile {line}). Berichtigen Sie die Datei des Zählbüros.",
    },
    "bureau_file.repeated_key": {
        "nl": "{file}: het veld {field} staat twee keer in hetzelfde object. Geef elk veld één keer.",
        "fr": "{file} : le champ {field} figure deux fois dans le même objet. Indiquez chaque champ une seule fois.",
        "de": "{file}: Das Feld {field} steht zweimal im selben Objekt. Geben Sie jedes Feld nur einmal an.",
    },
    "bureau_file.top_not_object": {
        "nl": "{file} moet één JSON-object zijn ({{\"polling_stations\": [...], \"members\": [...], ...}}).",
        "fr": "{file} doit être un seul objet JSON ({{\"polling_stations\": [...], \"members\": [...], ...}}).",
        "de": "{file} muss ein einziges JSON-Objekt sein ({{\"polling_stations\": [...], \"members\": [...], ...}}).",
    },
    "bureau_file.not_object": {
        "nl": "{file}: {field} moet een JSON-object zijn ({{...}}).",
        "fr": "{file} : {field} doit être un objet JSON ({{...}}).",
        "de": "{file}: {field} muss ein JSON-Objekt sein ({{...}}).",
    },
    "bureau_file.unknown_key": {
        "nl": "{file}: onbekend veld {field}. Toegelaten: {known}.",
        "fr": "{file} : champ inconnu {field}. Champs admis : {known}.",
        "de": "{file}: unbekanntes Feld {field}. Erlaubt: {known}.",
    },
    "bureau_file.not_list": {
        "nl": "{file}: {field} moet een lijst zijn ([...]) van ten hoogste {maximum} elementen.",
        "fr": "{file} : {field} doit être une liste ([...]) d'au plus {maximum} éléments.",
        "de": "{file}: {field} muss eine Liste ([...]) mit höchstens {maximum} Einträgen sein.",
    },
    "bureau_file.missing": {
        "nl": "{file}: het veld {field} ontbreekt. Vul het in.",
        "fr": "{file} : le champ {field} manque. Complétez-le.",
        "de": "{file}: Das Feld {field} fehlt. Ergänzen Sie es.",
    },
    "bureau_file.not_count": {
        "nl": "{file}: {field} moet een geheel getal van 0 tot {maximum} zijn, niet {value}.",
        "fr": "{file} : {field} doit être un nombre entier de 0 à {maximum}, pas {value}.",
        "de": "{file}: {field} muss eine ganze Zahl von 0 bis {maximum} sein, nicht {value}.",
    },
    "bureau_file.not_text": {
        "nl": "{file}: {field} moet een niet-lege tekst van ten hoogste {maximum} tekens zijn.",
        "fr": "{file} : {field} doit être un texte non vide d'au plus {maximum} caractères.",
        "de": "{file}: {field} muss ein nicht leerer Text mit höchstens {maximum} Zeichen sein.",
    },
    "bureau_file.station_twice": {
        "nl": "{file}: {field}: stembureau {value} staat er twee keer in. Geef elk stembureau één keer.",
        "fr": "{file} : {field} : le bureau de vote {value} figure deux fois. Indiquez chaque bureau de vote une seule fois.",
        "de": "{file}: {field}: Wahlbüro {value} steht zweimal darin. Geben Sie jedes Wahlbüro nur einmal an.",
    },
    "bureau_file.bad_role": {
        "nl": "{file}: {field}: de hoedanigheid moet {roles} zijn, niet {value}.",
        "fr": "{file} : {field} : la qualité doit être {roles}, pas {value}.",
        "de": "{file}: {field}: Die Funktion muss {roles} sein, nicht {value}.",
    },
    "bureau_file.role_twice": {
        "nl": "{file}: {field}: de hoedanigheid \"{value}\" mag maar één lid hebben.",
        "fr": "{file} : {field} : la qualité « {value} » ne peut avoir qu'un seul membre.",
        "de": "{file}: {field}: Die Funktion „{value}“ kann nur ein Mitglied haben.",
    },
    "bureau_file.list_not_witness": {
        "nl": "{file}: {field}: alleen een getuige vertegenwoordigt een lijst. Laat list weg of maak het lid getuige.",
        "fr": "{file} : {field} : seul un témoin représente une liste. Retirez list ou indiquez le membre comme témoin.",
        "de": "{file}: {field}: Nur ein Zeuge vertritt eine Liste. Lassen Sie list weg oder tragen Sie das Mitglied als Zeuge ein.",
    },
    "bureau_file.unknown_list": {
        "nl": "{file}: {field}: lijst {value} staat niet op het stembiljet van deze verkiezing.",
        "fr": "{file} : {field} : la liste {value} ne figure pas sur le bulletin de cette élection.",
        "de": "{file}: {field}: Liste {value} steht nicht auf dem Stimmzettel dieser Wahl.",
    },
    "bureau_file.received_twice": {
        "nl": "Geef het aantal ontvangen stembiljetten één keer: met --received of per stembureau in --bureau, niet beide.",
        "fr": "Indiquez le nombre de bulletins reçus une seule fois : avec --received ou par bureau de vote dans --bureau, pas les deux.",
        "de": "Geben Sie die Zahl der erhaltenen Stimmzettel nur einmal an: mit --received oder je Wahlbüro in --bureau, nicht beides.",
    },
    "bureau_file.received_missing": {
        "nl": "De telling kan niet worden afgesloten: het aantal ontvangen stembiljetten ontbreekt. Geef het met --received N of per stembureau (polling_stations, received) in --bureau.",
        "fr": "Le dépouillement ne peut pas être clôturé : le nombre de bulletins reçus manque. Indiquez-le avec --received N ou par bureau de vote (polling_stations, received) dans --bureau.",
        "de": "Die Zählung kann nicht abgeschlossen werden: Die Zahl der erhaltenen Stimmzettel fehlt. Geben Sie sie mit --received N oder je Wahlbüro (polling_stations, received) in --bureau an.",
    },
    "bureau_file.witness_of_list": {
        "nl": "{name} (lijst {list})",
        "fr": "{name} (liste {list})",
        "de": "{name} (Liste {list})",
    },
}
