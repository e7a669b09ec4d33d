"""Messages about the input files of replay (pass and decisions files) and the text notation of marks."""

MESSAGES = {
    "notation.bad_mark": {
        "nl": "'{mark}' is geen geldig vakje. Schrijf lijst:H, lijst:T<nummer> of lijst:S<nummer>, bv. 3:T4.",
        "fr": "« {mark} » n'est pas une case valable. Écrivez liste:H, liste:T<numéro> ou liste:S<numéro>, p. ex. 3:T4.",
        "de": "„{mark}“ ist kein gültiges Feld. Schreiben Sie Liste:H, Liste:T<Nummer> oder Liste:S<Nummer>, z. B. 3:T4.",
    },
    "notation.mark_twice": {
        "nl": "Het vakje {mark} staat twee keer op dit stembiljet. Voer het maar één keer in.",
        "fr": "La case {mark} figure deux fois sur ce bulletin. Encodez-la une seule fois.",
        "de": "Das Feld {mark} steht zweimal auf diesem Stimmzettel. Geben Sie es nur einmal ein.",
    },
    "notation.bad_status": {
        "nl": "'{status}' is geen geldige status. Laat leeg, of schrijf contested of invalid:<reden> "
        "(not-official, identifying-mark, altered, other).",
        "fr": "« {status} » n'est pas un statut valable. Laissez vide, ou écrivez contested ou invalid:<motif> "
        "(not-official, identifying-mark, altered, other).",
        "de": "„{status}“ ist kein gültiger Status. Leer lassen oder contested bzw. invalid:<Grund> schreiben "
        "(not-official, identifying-mark, altered, other).",
    },
    "passfile.bad_header": {
        "nl": "Het bestand {file} heeft niet de juiste kolommen. De eerste regel moet {columns} zijn.",
        "fr": "Le fichier {file} n'a pas les bonnes colonnes. La première ligne doit être {columns}.",
        "de": "Die Datei {file} hat nicht die richtigen Spalten. Die erste Zeile muss {columns} lauten.",
    },
    "passfile.bad_csv": {
        "nl": "{file}, regel {line}: geen leesbare CSV-regel (een veld van meer dan {limit} tekens, of een aanhalingsteken dat niet gesloten wordt). Verbeter het bestand.",
        "fr": "{file}, ligne {line} : ligne CSV illisible (un champ de plus de {limit} caractères, ou un guillemet jamais fermé). Corrigez le fichier.",
        "de": "{file}, Zeile {line}: keine lesbare CSV-Zeile (ein Feld mit mehr als {limit} Zeichen oder ein nicht geschlossenes Anführungszeichen). Korrigieren Sie die Datei.",
    },
    "passfile.bad_number": {
        "nl": "{file}, regel {line}: '{value}' in kolom {column} is geen getal vanaf 1. Verbeter de regel.",
        "fr": "{file}, ligne {line} : « {value} » dans la colonne {column} n'est pas un nombre à partir de 1. Corrigez la ligne.",
        "de": "{file}, Zeile {line}: „{value}“ in Spalte {column} ist keine Zahl ab 1. Korrigieren Sie die Zeile.",
    },
    "passfile.notation.bad_mark": {
        "nl": "{file}, regel {line} (stapel {pile}, positie {position}): '{mark}' is geen geldig vakje. Verbeter de regel.",
        "fr": "{file}, ligne {line} (pile {pile}, position {position}) : « {mark} » n'est pas une case valable. Corrigez la ligne.",
        "de": "{file}, Zeile {line} (Stapel {pile}, Position {position}): „{mark}“ ist kein gültiges Feld. Korrigieren Sie die Zeile.",
    },
    "passfile.notation.mark_twice": {
        "nl": "{file}, regel {line} (stapel {pile}, positie {position}): het vakje {mark} staat er twee keer. Verbeter de regel.",
        "fr": "{file}, ligne {line} (pile {pile}, position {position}) : la case {mark} figure deux fois. Corrigez la ligne.",
        "de": "{file}, Zeile {line} (Stapel {pile}, Position {position}): das Feld {mark} steht zweimal da. Korrigieren Sie die Zeile.",
    },
    "passfile.notation.bad_status": {
        "nl": "{file}, regel {line} (stapel {pile}, positie {position}): '{status}' is geen geldige status. Verbeter de regel.",
        "fr": "{file}, ligne {line} (pile {pile}, position {position}) : « {status} » n'est pas un statut valable. Corrigez la ligne.",
        "de": "{file}, Zeile {line} (Stapel {pile}, Position {position}): „{status}“ ist kein gültiger Status. Korrigieren Sie die Zeile.",
    },
    "passfile.ballot.unknown_mark": {
        "nl": "{file}, regel {line} (stapel {pile}, positie {position}): het vakje {mark} bestaat niet op dit stembiljet. "
        "Controleer lijst en kandidaatnummer.",
        "fr": "{file}, ligne {line} (pile {pile}, position {position}) : la case {mark} n'existe pas sur ce bulletin. "
        "Vérifiez la liste et le numéro du candidat.",
        "de": "{file}, Zeile {line} (Stapel {pile}, Position {position}): das Feld {mark} gibt es auf diesem Stimmzettel nicht. "
        "Prüfen Sie Liste und Kandidatennummer.",
    },
    "passfile.position_order": {
        "nl": "{file}, regel {line}: stapel {pile} heeft positie {position} waar {expected} verwacht werd. "
        "Zet de stembiljetten van elke stapel in volgorde 1, 2, 3, …",
        "fr": "{file}, ligne {line} : la pile {pile} a la position {position} alors que {expected} était attendue. "
        "Mettez les bulletins de chaque pile dans l'ordre 1, 2, 3, …",
        "de": "{file}, Zeile {line}: Stapel {pile} hat Position {position}, erwartet war {expected}. "
        "Ordnen Sie die Stimmzettel jedes Stapels 1, 2, 3, …",
    },
    "passfile.pile_too_large": {
        "nl": "{file}, regel {line}: stapel {pile} heeft meer dan {maximum} stembiljetten. Verdeel de stembiljetten over twee stapels.",
        "fr": "{file}, ligne {line} : la pile {pile} compte plus de {maximum} bulletins. Répartissez les bulletins sur deux piles.",
        "de": "{file}, Zeile {line}: Stapel {pile} hat mehr als {maximum} Stimmzettel. Verteilen Sie die Stimmzettel auf zwei Stapel.",
    },
    "passfile.pile_split": {
        "nl": "{file}, regel {line}: stapel {pile} komt op twee plaatsen in het bestand voor. Zet alle regels van een stapel bij elkaar.",
        "fr": "{file}, ligne {line} : la pile {pile} apparaît à deux endroits du fichier. Regroupez toutes les lignes d'une pile.",
        "de": "{file}, Zeile {line}: Stapel {pile} kommt an zwei Stellen der Datei vor. Fassen Sie alle Zeilen eines Stapels zusammen.",
    },
    "passfile.contested_in_decision": {
        "nl": "{file}, regel {line}: een beslissing mag geen betwist stembiljet bevatten. Vul de beslissing van het bureau in.",
        "fr": "{file}, ligne {line} : une décision ne peut pas contenir de bulletin contesté. Indiquez la décision du bureau.",
        "de": "{file}, Zeile {line}: Eine Entscheidung darf keinen beanstandeten Stimmzettel enthalten. Tragen Sie die Entscheidung des Büros ein.",
    },
    "file.unreadable": {
        "nl": "Het bestand {file} kan niet gelezen worden. Controleer de naam en probeer opnieuw.",
        "fr": "Le fichier {file} ne peut pas être lu. Vérifiez le nom et réessayez.",
        "de": "Die Datei {file} kann nicht gelesen werden. Prüfen Sie den Namen und versuchen Sie es erneut.",
    },
    "file.too_large": {
        "nl": "Het bestand {file} is te groot. Controleer of het het juiste bestand is.",
        "fr": "Le fichier {file} est trop volumineux. Vérifiez qu'il s'agit du bon fichier.",
        "de": "Die Datei {file} ist zu groß. Prüfen Sie, ob es die richtige Datei ist.",
    },
    "file.not_utf8": {
        "nl": "Het bestand {file} is niet in UTF-8 opgeslagen. Sla het op als UTF-8 en probeer opnieuw.",
        "fr": "Le fichier {file} n'est pas enregistré en UTF-8. Enregistrez-le en UTF-8 et réessayez.",
        "de": "Die Datei {file} ist nicht in UTF-8 gespeichert. Speichern Sie sie als UTF-8 und versuchen Sie es erneut.",
    },
}
