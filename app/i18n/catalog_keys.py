"""Messages of the numeric-keypad entry (docs/keypad.md) and of `tabula keys`.

The keypad messages are the echo of a refused key at the table: each says what is wrong and what to type instead,
with the keys as printed on the keypad (`.`, `+`, `-`, `*`, `/`, Enter, Backspace). In `tabula keys decode` the same
texts follow `keys.refused`, which names the key of the file.
"""

_DECISIONS_NL = "0 betwist, 1 geen officieel stembiljet, 2 herkenningsteken, 3 beschadigd of gewijzigd, 4 andere reden"
_DECISIONS_FR = "0 contesté, 1 bulletin non officiel, 2 signe distinctif, 3 altéré, 4 autre motif"
_DECISIONS_DE = "0 beanstandet, 1 kein amtlicher Stimmzettel, 2 Kennzeichen, 3 verändert, 4 anderer Grund"

MESSAGES = {
    # --- one ballot ---------------------------------------------------------------------------------------------------
    "keys.not_here": {
        "nl": "'{symbol}' kan hier niet. Na 0 (blanco) volgt alleen / of Enter; na / één cijfer van 0 tot 4 en dan Enter. Backspace wist de laatste toets.",
        "fr": "« {symbol} » n'est pas possible ici. Après 0 (blanc) ne viennent que / ou Enter ; après / un chiffre de 0 à 4, puis Enter. Backspace efface la dernière touche.",
        "de": "„{symbol}“ ist hier nicht möglich. Nach 0 (weiß) folgt nur / oder Enter; nach / eine Ziffer von 0 bis 4 und dann Enter. Backspace löscht die letzte Taste.",
    },
    "keys.after_close": {
        "nl": "Met '/ /' wordt de stapel afgesloten. Druk Enter om hem nu af te sluiten, of twee keer Backspace om verder stembiljetten in te voeren.",
        "fr": "Avec « / / », la pile va être clôturée. Appuyez sur Enter pour la clôturer maintenant, ou deux fois sur Backspace pour continuer à encoder des bulletins.",
        "de": "Mit „/ /“ wird der Stapel abgeschlossen. Drücken Sie Enter, um ihn jetzt abzuschließen, oder zweimal Backspace, um weitere Stimmzettel einzugeben.",
    },
    "keys.after_status": {
        "nl": "De beslissing van het bureau is al getypt (/ en een cijfer). Druk Enter om het stembiljet te bewaren, of Backspace om de beslissing te wijzigen.",
        "fr": "La décision du bureau est déjà tapée (/ et un chiffre). Appuyez sur Enter pour enregistrer le bulletin, ou sur Backspace pour changer la décision.",
        "de": "Die Entscheidung des Büros ist schon eingegeben (/ und eine Ziffer). Drücken Sie Enter, um den Stimmzettel zu speichern, oder Backspace, um die Entscheidung zu ändern.",
    },
    "keys.bad_status": {
        "nl": f"{{digit}} na / is geen beslissing van het bureau. Typ na /: {_DECISIONS_NL}.",
        "fr": f"{{digit}} après / n'est pas une décision du bureau. Tapez après / : {_DECISIONS_FR}.",
        "de": f"{{digit}} nach / ist keine Entscheidung des Büros. Geben Sie nach / ein: {_DECISIONS_DE}.",
    },
    "keys.status_missing": {
        "nl": f"Na / volgt de beslissing van het bureau: {_DECISIONS_NL}. Typ het cijfer en dan Enter.",
        "fr": f"Après / vient la décision du bureau : {_DECISIONS_FR}. Tapez le chiffre, puis Enter.",
        "de": f"Nach / folgt die Entscheidung des Büros: {_DECISIONS_DE}. Geben Sie die Ziffer ein und dann Enter.",
    },
    "keys.after_blank": {
        "nl": "0 is een blanco stembiljet: daarna volgt alleen / of Enter. Staat er toch iets op het stembiljet, wis dan de 0 met Backspace en typ de lijst.",
        "fr": "0 est un bulletin blanc : ensuite ne viennent que / ou Enter. Si le bulletin porte un vote, effacez le 0 avec Backspace et tapez la liste.",
        "de": "0 ist ein weißer Stimmzettel: danach folgt nur / oder Enter. Steht doch etwas auf dem Stimmzettel, löschen Sie die 0 mit Backspace und geben Sie die Liste ein.",
    },
    "keys.no_zero": {
        "nl": "Geen nummer begint met 0. Typ het nummer zonder 0 ervoor (0 als eerste toets van een stembiljet is blanco).",
        "fr": "Aucun numéro ne commence par 0. Tapez le numéro sans 0 devant (0 comme première touche d'un bulletin est un bulletin blanc).",
        "de": "Keine Nummer beginnt mit 0. Geben Sie die Nummer ohne 0 davor ein (0 als erste Taste eines Stimmzettels ist ein weißer Stimmzettel).",
    },
    "keys.no_list": {
        "nl": "Er is geen lijst {number} op dit stembiljet. Typ het nummer van een lijst zoals het op het stembiljet staat; Backspace wist de laatste toets.",
        "fr": "Il n'y a pas de liste {number} sur ce bulletin. Tapez le numéro d'une liste tel qu'il figure sur le bulletin ; Backspace efface la dernière touche.",
        "de": "Es gibt keine Liste {number} auf diesem Stimmzettel. Geben Sie die Nummer einer Liste ein, wie sie auf dem Stimmzettel steht; Backspace löscht die letzte Taste.",
    },
    "keys.no_titular": {
        "nl": "Lijst {list} heeft geen kandidaat-titularis {number}: de kandidaat-titularissen gaan van 1 tot {maximum}. Typ een nummer van 1 tot {maximum}; twee nummers na elkaar scheidt u met . (zoals 2 . 5); Backspace wist de laatste toets.",
        "fr": "La liste {list} n'a pas de candidat titulaire {number} : les candidats titulaires vont de 1 à {maximum}. Tapez un numéro de 1 à {maximum} ; séparez deux numéros par . (comme 2 . 5) ; Backspace efface la dernière touche.",
        "de": "Liste {list} hat keinen ordentlichen Kandidaten {number}: die ordentlichen Kandidaten gehen von 1 bis {maximum}. Geben Sie eine Nummer von 1 bis {maximum} ein; zwei Nummern trennen Sie mit . (wie 2 . 5); Backspace löscht die letzte Taste.",
    },
    "keys.no_successor": {
        "nl": "Lijst {list} heeft geen kandidaat-opvolger {number}: de kandidaat-opvolgers gaan tot {maximum}. Typ een nummer tot {maximum}; na - zijn alle nummers kandidaat-opvolgers.",
        "fr": "La liste {list} n'a pas de candidat suppléant {number} : les candidats suppléants vont jusqu'à {maximum}. Tapez un numéro jusqu'à {maximum} ; après - tous les numéros sont des candidats suppléants.",
        "de": "Liste {list} hat keinen Ersatzkandidaten {number}: die Ersatzkandidaten gehen bis {maximum}. Geben Sie eine Nummer bis {maximum} ein; nach - sind alle Nummern Ersatzkandidaten.",
    },
    "keys.no_successors": {
        "nl": "Deze verkiezing heeft geen kandidaat-opvolgers: - kan niet. Typ de nummers van de kandidaat-titularissen.",
        "fr": "Cette élection n'a pas de candidats suppléants : - n'est pas possible. Tapez les numéros des candidats titulaires.",
        "de": "Diese Wahl hat keine Ersatzkandidaten: - ist nicht möglich. Geben Sie die Nummern der ordentlichen Kandidaten ein.",
    },
    "keys.list_first": {
        "nl": "'{symbol}' komt na een lijstnummer. Typ eerst het nummer van de lijst (bv. 3 {symbol}), of wis de laatste toets met Backspace.",
        "fr": "« {symbol} » vient après un numéro de liste. Tapez d'abord le numéro de la liste (p. ex. 3 {symbol}), ou effacez la dernière touche avec Backspace.",
        "de": "„{symbol}“ kommt nach einer Listennummer. Geben Sie zuerst die Nummer der Liste ein (z. B. 3 {symbol}), oder löschen Sie die letzte Taste mit Backspace.",
    },
    "keys.list_missing": {
        "nl": "Na + volgt het nummer van een lijst. Typ het lijstnummer, of wis + met Backspace.",
        "fr": "Après + vient le numéro d'une liste. Tapez le numéro de liste, ou effacez + avec Backspace.",
        "de": "Nach + folgt die Nummer einer Liste. Geben Sie die Listennummer ein, oder löschen Sie + mit Backspace.",
    },
    "keys.list_twice": {
        "nl": "Lijst {list} is voor dit stembiljet al getypt. Typ alle vakjes van een lijst na één lijstnummer; Backspace wist de laatste toets.",
        "fr": "La liste {list} est déjà tapée pour ce bulletin. Tapez toutes les cases d'une liste après un seul numéro de liste ; Backspace efface la dernière touche.",
        "de": "Liste {list} ist für diesen Stimmzettel schon eingegeben. Geben Sie alle Felder einer Liste nach einer einzigen Listennummer ein; Backspace löscht die letzte Taste.",
    },
    "keys.list_box_twice": {
        "nl": "Het vakje bovenaan lijst {list} (lijststem) is voor dit stembiljet al getypt. Typ het één keer; Backspace wist de laatste toets.",
        "fr": "La case de tête de la liste {list} est déjà tapée pour ce bulletin. Tapez-la une seule fois ; Backspace efface la dernière touche.",
        "de": "Das Kopffeld von Liste {list} (Listenstimme) ist für diesen Stimmzettel schon eingegeben. Geben Sie es nur einmal ein; Backspace löscht die letzte Taste.",
    },
    "keys.titular_twice": {
        "nl": "Kandidaat-titularis {position} van lijst {list} is voor dit stembiljet al getypt. Typ elke kandidaat één keer; wilde u een langer nummer, typ dan eerst Backspace.",
        "fr": "Le candidat titulaire {position} de la liste {list} est déjà tapé pour ce bulletin. Tapez chaque candidat une seule fois ; pour un numéro plus long, tapez d'abord Backspace.",
        "de": "Der ordentliche Kandidat {position} von Liste {list} ist für diesen Stimmzettel schon eingegeben. Geben Sie jeden Kandidaten nur einmal ein; für eine längere Nummer zuerst Backspace.",
    },
    "keys.successor_twice": {
        "nl": "Kandidaat-opvolger {position} van lijst {list} is voor dit stembiljet al getypt. Typ elke kandidaat één keer; Backspace wist de laatste toets.",
        "fr": "Le candidat suppléant {position} de la liste {list} est déjà tapé pour ce bulletin. Tapez chaque candidat une seule fois ; Backspace efface la dernière touche.",
        "de": "Der Ersatzkandidat {position} von Liste {list} ist für diesen Stimmzettel schon eingegeben. Geben Sie jeden Kandidaten nur einmal ein; Backspace löscht die letzte Taste.",
    },
    "keys.list_then_dot": {
        "nl": "Er is geen lijst {number}. Na het lijstnummer {list} typt u . en dan de kandidaatnummers (zoals {list} . 4), of * voor de lijststem.",
        "fr": "Il n'y a pas de liste {number}. Après le numéro de liste {list}, tapez . puis les numéros des candidats (comme {list} . 4), ou * pour le vote en tête de liste.",
        "de": "Es gibt keine Liste {number}. Nach der Listennummer {list} tippen Sie . und dann die Kandidatennummern (wie {list} . 4), oder * für die Listenstimme.",
    },
    "keys.empty": {
        "nl": "Er is niets getypt voor dit stembiljet. Typ wat erop staat, of 0 voor een blanco stembiljet, en dan Enter.",
        "fr": "Rien n'est tapé pour ce bulletin. Tapez ce qu'il porte, ou 0 pour un bulletin blanc, puis Enter.",
        "de": "Für diesen Stimmzettel ist nichts eingegeben. Geben Sie ein, was darauf steht, oder 0 für einen weißen Stimmzettel, und dann Enter.",
    },
    # --- the pass: member, pile, hand count, undo, closing ------------------------------------------------------------
    "keys.member_missing": {
        "nl": "Typ uw nummer in de lijst van de leden en dan Enter.",
        "fr": "Tapez votre numéro dans la liste des membres, puis Enter.",
        "de": "Geben Sie Ihre Nummer in der Liste der Mitglieder ein und dann Enter.",
    },
    "keys.member_digits": {
        "nl": "Een lidnummer heeft ten hoogste {digits} cijfers. Druk Enter, of wis een cijfer met Backspace.",
        "fr": "Un numéro de membre a au plus {digits} chiffres. Appuyez sur Enter, ou effacez un chiffre avec Backspace.",
        "de": "Eine Mitgliedsnummer hat höchstens {digits} Ziffern. Drücken Sie Enter, oder löschen Sie eine Ziffer mit Backspace.",
    },
    "keys.member_change": {
        "nl": "/ bij de vraag naar de stapel wisselt van lid; een bestand met toetsen kent geen leden. Typ het nummer van de stapel, of Enter voor de voorgestelde stapel.",
        "fr": "/ à la question de la pile change de membre ; un fichier de touches ne connaît pas de membres. Tapez le numéro de la pile, ou Enter pour la pile proposée.",
        "de": "/ bei der Frage nach dem Stapel wechselt das Mitglied; eine Tastendatei kennt keine Mitglieder. Geben Sie die Nummer des Stapels ein, oder Enter für den vorgeschlagenen Stapel.",
    },
    "keys.pile_missing": {
        "nl": "Typ het nummer van de stapel en dan Enter.",
        "fr": "Tapez le numéro de la pile, puis Enter.",
        "de": "Geben Sie die Nummer des Stapels ein und dann Enter.",
    },
    "keys.pile_digits": {
        "nl": "Een stapelnummer heeft ten hoogste {digits} cijfers. Druk Enter, of wis een cijfer met Backspace.",
        "fr": "Un numéro de pile a au plus {digits} chiffres. Appuyez sur Enter, ou effacez un chiffre avec Backspace.",
        "de": "Eine Stapelnummer hat höchstens {digits} Ziffern. Drücken Sie Enter, oder löschen Sie eine Ziffer mit Backspace.",
    },
    "keys.pile_twice": {
        "nl": "Stapel {pile} staat al in deze invoer. Typ het nummer van een andere stapel.",
        "fr": "La pile {pile} figure déjà dans cet encodage. Tapez le numéro d'une autre pile.",
        "de": "Stapel {pile} ist in dieser Eingabe schon enthalten. Geben Sie die Nummer eines anderen Stapels ein.",
    },
    "keys.bad_declaration": {
        "nl": "Dat zegt niet wat er in de stapel zit. Typ een lijstnummer en * (enkel lijststemmen), een lijstnummer alleen (kandidaten van die lijst), 0 (blanco), / (ongeldig) of niets (gemengd), en dan Enter.",
        "fr": "Cela ne dit pas ce que contient la pile. Tapez un numéro de liste et * (votes en tête de liste uniquement), un numéro de liste seul (candidats de cette liste), 0 (blancs), / (nuls) ou rien (mélangée), puis Enter.",
        "de": "Das sagt nicht, was im Stapel liegt. Geben Sie eine Listennummer und * ein (nur Listenstimmen), eine Listennummer allein (Kandidaten dieser Liste), 0 (weiß), / (ungültig) oder nichts (gemischt), und dann Enter.",
    },
    "keys.count_missing": {
        "nl": "Typ het aantal stembiljetten in de stapel, met de hand geteld, en dan Enter.",
        "fr": "Tapez le nombre de bulletins de la pile, compté à la main, puis Enter.",
        "de": "Geben Sie die Zahl der Stimmzettel im Stapel ein, von Hand gezählt, und dann Enter.",
    },
    "keys.count_too_large": {
        "nl": "Een stapel telt ten hoogste {maximum} stembiljetten, niet {counted}. Tel de stapel opnieuw en verbeter het aantal met Backspace; verdeel een grotere stapel in twee.",
        "fr": "Une pile compte au plus {maximum} bulletins, pas {counted}. Recomptez la pile et corrigez le nombre avec Backspace ; partagez une pile plus grande en deux.",
        "de": "Ein Stapel hat höchstens {maximum} Stimmzettel, nicht {counted}. Zählen Sie den Stapel erneut und korrigieren Sie die Zahl mit Backspace; teilen Sie einen größeren Stapel in zwei.",
    },
    "keys.count_digits": {
        "nl": "Het aantal stembiljetten van een stapel heeft ten hoogste {digits} cijfers. Druk Enter, of wis een cijfer met Backspace.",
        "fr": "Le nombre de bulletins d'une pile a au plus {digits} chiffres. Appuyez sur Enter, ou effacez un chiffre avec Backspace.",
        "de": "Die Zahl der Stimmzettel eines Stapels hat höchstens {digits} Ziffern. Drücken Sie Enter, oder löschen Sie eine Ziffer mit Backspace.",
    },
    "keys.digits_only": {
        "nl": "Hier komen alleen cijfers: '{symbol}' hoort niet bij een nummer. Typ het nummer en dan Enter.",
        "fr": "Ici, seulement des chiffres : « {symbol} » ne fait pas partie d'un numéro. Tapez le numéro, puis Enter.",
        "de": "Hier nur Ziffern: „{symbol}“ gehört nicht zu einer Nummer. Geben Sie die Nummer ein und dann Enter.",
    },
    "keys.nothing_to_delete": {
        "nl": "Er is niets om te wissen. Typ het nummer en dan Enter.",
        "fr": "Il n'y a rien à effacer. Tapez le numéro, puis Enter.",
        "de": "Es gibt nichts zu löschen. Geben Sie die Nummer ein und dann Enter.",
    },
    "keys.nothing_to_undo": {
        "nl": "Deze stapel heeft nog geen stembiljet om terug te nemen. Typ het eerste stembiljet en dan Enter.",
        "fr": "Cette pile n'a pas encore de bulletin à reprendre. Tapez le premier bulletin, puis Enter.",
        "de": "Dieser Stapel hat noch keinen Stimmzettel zum Zurücknehmen. Geben Sie den ersten Stimmzettel ein und dann Enter.",
    },
    "keys.close_empty": {
        "nl": "Een stapel zonder stembiljetten kan niet afgesloten worden. Wis '/ /' met twee keer Backspace en typ het eerste stembiljet.",
        "fr": "Une pile sans bulletin ne peut pas être clôturée. Effacez « / / » avec deux fois Backspace et tapez le premier bulletin.",
        "de": "Ein Stapel ohne Stimmzettel kann nicht abgeschlossen werden. Löschen Sie „/ /“ mit zweimal Backspace und geben Sie den ersten Stimmzettel ein.",
    },
    "keys.pile_full": {
        "nl": "Deze stapel heeft al zijn {counted} stembiljetten (met de hand geteld). Sluit hem af met '/ /' en Enter.",
        "fr": "Cette pile a déjà ses {counted} bulletins (comptés à la main). Clôturez-la avec « / / » et Enter.",
        "de": "Dieser Stapel hat schon seine {counted} Stimmzettel (von Hand gezählt). Schließen Sie ihn mit „/ /“ und Enter ab.",
    },
    # --- tabula keys: files ---------------------------------------------------------------------------------------
    "keys.refused": {
        "nl": "Toets {key_number} ({keysym}) wordt geweigerd:",
        "fr": "La touche {key_number} ({keysym}) est refusée :",
        "de": "Taste {key_number} ({keysym}) wird abgelehnt:",
    },
    "keys.unfinished": {
        "nl": "De toetsen stoppen voordat stapel {pile} af is. Voeg de rest van de stapel toe, of sluit hem af met '/ /' en Enter.",
        "fr": "Les touches s'arrêtent avant la fin de la pile {pile}. Ajoutez le reste de la pile, ou clôturez-la avec « / / » et Enter.",
        "de": "Die Tasten hören auf, bevor Stapel {pile} fertig ist. Fügen Sie den Rest des Stapels hinzu, oder schließen Sie ihn mit „/ /“ und Enter ab.",
    },
    "keys.unknown_key": {
        "nl": "Regel {line}: '{keysym}' is geen toets van het numerieke klavier. Schrijf één toets per regel: KP_0 … KP_9, KP_Decimal, KP_Add, KP_Subtract, KP_Multiply, KP_Divide, KP_Enter of BackSpace.",
        "fr": "Ligne {line} : « {keysym} » n'est pas une touche du pavé numérique. Écrivez une touche par ligne : KP_0 … KP_9, KP_Decimal, KP_Add, KP_Subtract, KP_Multiply, KP_Divide, KP_Enter ou BackSpace.",
        "de": "Zeile {line}: „{keysym}“ ist keine Taste des Ziffernblocks. Schreiben Sie eine Taste pro Zeile: KP_0 … KP_9, KP_Decimal, KP_Add, KP_Subtract, KP_Multiply, KP_Divide, KP_Enter oder BackSpace.",
    },
    "keys.pile_size": {
        "nl": "Stapel {pile} moet 1 tot {maximum} stembiljetten tellen. Verdeel hem over twee stapels of verbeter het bestand.",
        "fr": "La pile {pile} doit compter de 1 à {maximum} bulletins. Répartissez-la sur deux piles ou corrigez le fichier.",
        "de": "Stapel {pile} muss 1 bis {maximum} Stimmzettel haben. Verteilen Sie ihn auf zwei Stapel oder korrigieren Sie die Datei.",
    },
    "keys.pile_number": {
        "nl": "Stapel {pile}: op het klavier gaan stapelnummers van 1 tot {maximum}. Geef de stapel een kleiner nummer.",
        "fr": "Pile {pile} : au pavé numérique, les numéros de pile vont de 1 à {maximum}. Donnez à la pile un numéro plus petit.",
        "de": "Stapel {pile}: auf dem Ziffernblock gehen Stapelnummern von 1 bis {maximum}. Geben Sie dem Stapel eine kleinere Nummer.",
    },
    "keys.unknown_election": {
        "nl": "Er is geen verkiezing '{election}' in {file}. Kies er een uit: {known}.",
        "fr": "Il n'y a pas d'élection « {election} » dans {file}. Choisissez parmi : {known}.",
        "de": "Es gibt keine Wahl „{election}“ in {file}. Wählen Sie eine davon: {known}.",
    },
    "keys.unknown_constituency": {
        "nl": "Verkiezing {election} in {file} heeft geen kieskring '{constituency}'. Kies er een uit: {known}.",
        "fr": "L'élection {election} dans {file} n'a pas de circonscription électorale « {constituency} ». Choisissez parmi : {known}.",
        "de": "Die Wahl {election} in {file} hat keinen Wahlkreis „{constituency}“. Wählen Sie einen davon: {known}.",
    },
}
