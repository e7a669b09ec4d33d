"""Texts of the count: double entry (C5), contested ballots (C6), the count's steps, and its journal (C7).

Every message says what happened and what to do next. Terms follow the glossary: stapel / pile / Stapel, eerste en
tweede invoer / premier et second encodage / erste und zweite Eingabe, verschil / différence / Abweichung.
"""

MESSAGES = {
    # --- phases ---
    "count.not_started": {
        "nl": "De telling is nog niet begonnen. Begin met de eerste invoer van stapel 1.",
        "fr": "Le dépouillement n'a pas encore commencé. Commencez par le premier encodage de la pile 1.",
        "de": "Die Zählung hat noch nicht begonnen. Beginnen Sie mit der ersten Eingabe von Stapel 1.",
    },
    "count.final": {
        "nl": "De uitslag is definitief; er kan niets meer worden gewijzigd. Schrijf de resultaten naar de stick.",
        "fr": "Le résultat est définitif ; plus rien ne peut être modifié. Écrivez les résultats sur la clé.",
        "de": "Das Ergebnis ist endgültig; nichts kann mehr geändert werden. Schreiben Sie die Ergebnisse auf den "
        "Stick.",
    },
    "count.entry_closed": {
        "nl": "De invoer is afgesloten. Heropen de invoer om een stapel in te voeren of te verbeteren.",
        "fr": "L'encodage est clôturé. Rouvrez l'encodage pour encoder ou corriger une pile.",
        "de": "Die Eingabe ist abgeschlossen. Öffnen Sie die Eingabe wieder, um einen Stapel einzugeben oder zu "
        "berichtigen.",
    },
    "count.entry_already_closed": {
        "nl": "De invoer is al afgesloten. Ga verder met de verschillen of de controles.",
        "fr": "L'encodage est déjà clôturé. Passez aux différences ou aux contrôles.",
        "de": "Die Eingabe ist bereits abgeschlossen. Fahren Sie mit den Abweichungen oder den Kontrollen fort.",
    },
    "count.entry_already_open": {
        "nl": "De invoer is al open. Voer de stapels in en sluit daarna de invoer af.",
        "fr": "L'encodage est déjà ouvert. Encodez les piles, puis clôturez l'encodage.",
        "de": "Die Eingabe ist bereits offen. Geben Sie die Stapel ein und schließen Sie dann die Eingabe ab.",
    },
    "count.entry_not_closed": {
        "nl": "De invoer is nog open. Sluit de invoer af zodra alle stapels twee keer zijn ingevoerd.",
        "fr": "L'encodage est encore ouvert. Clôturez-le dès que toutes les piles ont été encodées deux fois.",
        "de": "Die Eingabe ist noch offen. Schließen Sie sie ab, sobald alle Stapel zweimal eingegeben sind.",
    },
    "count.checks_not_reached": {
        "nl": "Waarschuwingen kunnen pas worden bevestigd als alle verschillen beslist zijn. Beslis eerst de "
        "verschillen.",
        "fr": "Les avertissements ne peuvent être confirmés qu'une fois toutes les différences tranchées. Tranchez "
        "d'abord les différences.",
        "de": "Warnungen können erst bestätigt werden, wenn alle Abweichungen entschieden sind. Entscheiden Sie zuerst "
        "die Abweichungen.",
    },
    "count.nothing_entered": {
        "nl": "Er is nog geen enkele stapel ingevoerd. Voer eerst de stapels in.",
        "fr": "Aucune pile n'a encore été encodée. Encodez d'abord les piles.",
        "de": "Es ist noch kein Stapel eingegeben. Geben Sie zuerst die Stapel ein.",
    },
    # --- entry ---
    "count.bad_pile": {
        "nl": "Stapel {pile} bestaat niet: stapels worden genummerd van 1 tot 9999. Kijk het stapelnummer na.",
        "fr": "La pile {pile} n'existe pas : les piles sont numérotées de 1 à 9999. Vérifiez le numéro de la pile.",
        "de": "Stapel {pile} gibt es nicht: Stapel werden von 1 bis 9999 nummeriert. Prüfen Sie die Stapelnummer.",
    },
    "count.operator_missing": {
        "nl": "Voor invoer {pass_no} van stapel {pile} is geen naam ingevuld. Vul de naam in van wie invoert.",
        "fr": "Aucun nom n'est indiqué pour l'encodage {pass_no} de la pile {pile}. Indiquez le nom de la personne qui "
        "encode.",
        "de": "Für Eingabe {pass_no} von Stapel {pile} ist kein Name angegeben. Geben Sie den Namen der eingebenden "
        "Person an.",
    },
    "count.pass_already_started": {
        "nl": "Invoer {pass_no} van stapel {pile} is al begonnen door {operator}. Ga daar verder, of verwijder die "
        "invoer eerst.",
        "fr": "L'encodage {pass_no} de la pile {pile} a déjà été commencé par {operator}. Continuez-le, ou supprimez "
        "d'abord cet encodage.",
        "de": "Eingabe {pass_no} von Stapel {pile} wurde bereits von {operator} begonnen. Setzen Sie sie fort oder "
        "verwerfen Sie sie zuerst.",
    },
    "count.pass_not_finished": {
        "nl": "Invoer {pass_no} van stapel {pile} is nog niet afgesloten; ga er gewoon mee verder.",
        "fr": "L'encodage {pass_no} de la pile {pile} n'est pas encore clôturé ; continuez-le simplement.",
        "de": "Eingabe {pass_no} von Stapel {pile} ist noch nicht abgeschlossen; setzen Sie sie einfach fort.",
    },
    "count.pile_compared": {
        "nl": "Stapel {pile} is al twee keer ingevoerd en vergeleken. Een vergissing in invoer {pass_no} regelt het "
        "bureau nu bij de verschillen.",
        "fr": "La pile {pile} a déjà été encodée deux fois et comparée. Une erreur dans l'encodage {pass_no} est "
        "maintenant réglée par le bureau parmi les différences.",
        "de": "Stapel {pile} wurde bereits zweimal eingegeben und verglichen. Einen Fehler in Eingabe {pass_no} "
        "klärt der Zählbürovorstand jetzt bei den Abweichungen.",
    },
    "count.operator_not_member": {
        "nl": "{operator} staat niet bij de leden van het bureau. Kies een lid uit de samenstelling, of vul de "
        "samenstelling eerst aan.",
        "fr": "{operator} ne figure pas parmi les membres du bureau. Choisissez un membre de la composition, ou "
        "complétez d'abord la composition.",
        "de": "{operator} steht nicht unter den Mitgliedern des Zählbürovorstands. Wählen Sie ein Mitglied aus der "
        "Zusammensetzung, oder ergänzen Sie zuerst die Zusammensetzung.",
    },
    "count.same_operator": {
        "nl": "{operator} heeft invoer {other} van stapel {pile} al gedaan. Invoer {pass_no} moet door iemand anders "
        "gebeuren.",
        "fr": "{operator} a déjà fait l'encodage {other} de la pile {pile}. L'encodage {pass_no} doit être fait par une"
        " autre personne.",
        "de": "{operator} hat Eingabe {other} von Stapel {pile} bereits gemacht. Eingabe {pass_no} muss eine andere "
        "Person machen.",
    },
    "count.pile_too_large": {
        "nl": "Stapel {pile}: {counted} stembiljetten kan niet; een stapel telt 1 tot {maximum} stembiljetten. Verdeel "
        "de stapel en tel opnieuw.",
        "fr": "Pile {pile} : {counted} bulletins n'est pas possible ; une pile compte de 1 à {maximum} bulletins. "
        "Divisez la pile et recomptez.",
        "de": "Stapel {pile}: {counted} Stimmzettel sind nicht möglich; ein Stapel hat 1 bis {maximum} Stimmzettel. "
        "Teilen Sie den Stapel und zählen Sie erneut.",
    },
    "count.hand_count_conflict": {
        "nl": "Stapel {pile} werd bij de andere invoer met de hand op een ander aantal geteld dan {counted}. Tel de "
        "stapel opnieuw met de hand. Enter zonder aantal houdt het aantal van de stapel; een verschil regelt het "
        "bureau daarna.",
        "fr": "La pile {pile} a été comptée à la main à un autre nombre que {counted} lors de l'autre encodage. "
        "Recomptez la pile à la main. Enter sans nombre garde le nombre de la pile ; le bureau règle ensuite une "
        "différence.",
        "de": "Stapel {pile} wurde bei der anderen Eingabe von Hand mit einer anderen Zahl als {counted} gezählt. "
        "Zählen Sie den Stapel erneut von Hand. Enter ohne Zahl behält die Zahl des Stapels; eine Abweichung klärt "
        "danach der Zählbürovorstand.",
    },
    "count.pile_not_started": {
        "nl": "Stapel {pile} is nog niet begonnen. Begin eerst de invoer van die stapel.",
        "fr": "La pile {pile} n'a pas encore été commencée. Commencez d'abord l'encodage de cette pile.",
        "de": "Stapel {pile} wurde noch nicht begonnen. Beginnen Sie zuerst die Eingabe dieses Stapels.",
    },
    "count.pass_not_started": {
        "nl": "Invoer {pass_no} van stapel {pile} is nog niet begonnen. Begin die invoer eerst.",
        "fr": "L'encodage {pass_no} de la pile {pile} n'a pas encore commencé. Commencez d'abord cet encodage.",
        "de": "Eingabe {pass_no} von Stapel {pile} wurde noch nicht begonnen. Beginnen Sie diese Eingabe zuerst.",
    },
    "count.pass_finished": {
        "nl": "Invoer {pass_no} van stapel {pile} is afgesloten; er kan geen stembiljet meer bij of veranderen. Een "
        "fout wordt bij de verschillen door het bureau beslist.",
        "fr": "L'encodage {pass_no} de la pile {pile} est clôturé ; aucun bulletin ne peut plus être ajouté ni modifié."
        " Une erreur sera tranchée par le bureau avec les différences.",
        "de": "Eingabe {pass_no} von Stapel {pile} ist abgeschlossen; kein Stimmzettel kann hinzukommen oder sich "
        "ändern. Ein Fehler wird bei den Abweichungen vom Büro entschieden.",
    },
    "count.pile_full": {
        "nl": "Invoer {pass_no} van stapel {pile} telt al {maximum} stembiljetten, het maximum. Sluit de stapel af; een"
        " stembiljet te veel hoort in een volgende stapel.",
        "fr": "L'encodage {pass_no} de la pile {pile} compte déjà {maximum} bulletins, le maximum. Clôturez la pile ; "
        "un bulletin en trop va dans une pile suivante.",
        "de": "Eingabe {pass_no} von Stapel {pile} hat bereits {maximum} Stimmzettel, das Maximum. Schließen Sie den "
        "Stapel ab; ein überzähliger Stimmzettel gehört in einen weiteren Stapel.",
    },
    "count.no_ballot_at": {
        "nl": "Invoer {pass_no} van stapel {pile} heeft geen stembiljet op plaats {position}. Kies een ingevoerd "
        "stembiljet.",
        "fr": "L'encodage {pass_no} de la pile {pile} n'a pas de bulletin à la position {position}. Choisissez un "
        "bulletin encodé.",
        "de": "Eingabe {pass_no} von Stapel {pile} hat keinen Stimmzettel an Stelle {position}. Wählen Sie einen "
        "eingegebenen Stimmzettel.",
    },
    "count.nothing_to_undo": {
        "nl": "Invoer {pass_no} van stapel {pile} heeft nog geen stembiljet; er is niets om ongedaan te maken.",
        "fr": "L'encodage {pass_no} de la pile {pile} n'a encore aucun bulletin ; il n'y a rien à annuler.",
        "de": "Eingabe {pass_no} von Stapel {pile} hat noch keinen Stimmzettel; es gibt nichts rückgängig zu machen.",
    },
    "count.pass_empty": {
        "nl": "Invoer {pass_no} van stapel {pile} bevat geen stembiljet. Voer de stembiljetten in, of verwijder deze "
        "invoer.",
        "fr": "L'encodage {pass_no} de la pile {pile} ne contient aucun bulletin. Encodez les bulletins, ou supprimez "
        "cet encodage.",
        "de": "Eingabe {pass_no} von Stapel {pile} enthält keinen Stimmzettel. Geben Sie die Stimmzettel ein oder "
        "verwerfen Sie diese Eingabe.",
    },
    "count.pass_unfinished": {
        "nl": "Invoer {pass_no} van stapel {pile} is niet af. Voer ze in en sluit ze af.",
        "fr": "L'encodage {pass_no} de la pile {pile} n'est pas terminé. Encodez-le et clôturez-le.",
        "de": "Eingabe {pass_no} von Stapel {pile} ist nicht fertig. Geben Sie sie ein und schließen Sie sie ab.",
    },
    # --- differences and decisions ---
    "count.decision_needs_two_passes": {
        "nl": "Over stapel {pile} kan het bureau pas beslissen als de eerste en de tweede invoer allebei af zijn: elk "
        "stembiljet wordt twee keer ingevoerd. Voer de stapel eerst twee keer in en sluit beide invoeren af.",
        "fr": "Le bureau ne peut trancher la pile {pile} qu'une fois le premier et le second encodage terminés : chaque "
        "bulletin est encodé deux fois. Encodez d'abord la pile deux fois et clôturez les deux encodages.",
        "de": "Der Zählbürovorstand kann über Stapel {pile} erst entscheiden, wenn die erste und die zweite Eingabe "
        "abgeschlossen sind: Jeder Stimmzettel wird zweimal eingegeben. Geben Sie den Stapel zuerst zweimal ein und "
        "schließen Sie beide Eingaben ab.",
    },
    "count.decision_unknown_pile": {
        "nl": "Stapel {pile} staat in geen enkele invoer: er valt niets over te beslissen. Kijk het stapelnummer na, of "
        "voer de stapel eerst twee keer in.",
        "fr": "La pile {pile} ne figure dans aucun encodage : il n'y a rien à trancher. Vérifiez le numéro de la pile, "
        "ou encodez d'abord la pile deux fois.",
        "de": "Stapel {pile} steht in keiner Eingabe: Es gibt nichts zu entscheiden. Prüfen Sie die Stapelnummer oder "
        "geben Sie den Stapel zuerst zweimal ein.",
    },
    "count.pile_decided": {
        "nl": "Het bureau heeft over stapel {pile} al beslist: die stapel ligt vast en kan niet meer ingevoerd of verwijderd worden. Neem zo nodig een nieuwe beslissing.",
        "fr": "Le bureau a déjà tranché la pile {pile} : elle est arrêtée et ne peut plus être encodée ni supprimée. Prenez au besoin une nouvelle décision.",
        "de": "Das Büro hat über Stapel {pile} bereits entschieden: Der Stapel steht fest und kann nicht mehr eingegeben oder verworfen werden. Treffen Sie nötigenfalls eine neue Entscheidung.",
    },
    "count.decision_without_name": {
        "nl": "De beslissing over stapel {pile} heeft geen naam. Vul in wie beslist.",
        "fr": "La décision sur la pile {pile} ne porte pas de nom. Indiquez qui décide.",
        "de": "Die Entscheidung über Stapel {pile} hat keinen Namen. Geben Sie an, wer entscheidet.",
    },
    "count.decision_contested": {
        "nl": "In de beslissing over stapel {pile} is het stembiljet op plaats {position} nog betwist. Bekijk het "
        "stembiljet en vul in wat het bureau beslist.",
        "fr": "Dans la décision sur la pile {pile}, le bulletin à la position {position} est encore contesté. Examinez "
        "le bulletin et indiquez ce que le bureau décide.",
        "de": "In der Entscheidung über Stapel {pile} ist der Stimmzettel an Stelle {position} noch beanstandet. Sehen "
        "Sie sich den Stimmzettel an und geben Sie ein, was das Büro entscheidet.",
    },
    "count.choice_missing": {
        "nl": "Stapel {pile}, plaats {position}: voor dit verschil is nog niets gekozen. Kies wat op het stembiljet "
        "staat.",
        "fr": "Pile {pile}, position {position} : rien n'a encore été choisi pour cette différence. Choisissez ce qui "
        "figure sur le bulletin.",
        "de": "Stapel {pile}, Stelle {position}: Für diese Abweichung wurde noch nichts gewählt. Wählen Sie, was auf "
        "dem Stimmzettel steht.",
    },
    "count.choice_unknown": {
        "nl": "Stapel {pile}, plaats {position}: dit is geen verschil van deze stapel. Open de verschillen van de "
        "stapel opnieuw.",
        "fr": "Pile {pile}, position {position} : ce n'est pas une différence de cette pile. Rouvrez les différences de"
        " la pile.",
        "de": "Stapel {pile}, Stelle {position}: Das ist keine Abweichung dieses Stapels. Öffnen Sie die Abweichungen "
        "des Stapels erneut.",
    },
    "count.open_changed": {
        "nl": "Stapel {pile}, plaats {position}: de twee invoeren verschillen. Het bureau bekijkt het stembiljet en "
        "beslist.",
        "fr": "Pile {pile}, position {position} : les deux encodages diffèrent. Le bureau examine le bulletin et "
        "tranche.",
        "de": "Stapel {pile}, Stelle {position}: Die beiden Eingaben weichen ab. Das Büro sieht sich den Stimmzettel an"
        " und entscheidet.",
    },
    "count.open_only_in_first": {
        "nl": "Stapel {pile}, plaats {position}: dit stembiljet staat alleen in de eerste invoer (overgeslagen of "
        "dubbel ingevoerd). Het bureau bekijkt de stapel en beslist.",
        "fr": "Pile {pile}, position {position} : ce bulletin ne figure que dans le premier encodage (oublié ou encodé "
        "deux fois). Le bureau examine la pile et tranche.",
        "de": "Stapel {pile}, Stelle {position}: Dieser Stimmzettel steht nur in der ersten Eingabe (übersprungen oder "
        "doppelt eingegeben). Das Büro sieht sich den Stapel an und entscheidet.",
    },
    "count.open_only_in_second": {
        "nl": "Stapel {pile}, plaats {position}: dit stembiljet staat alleen in de tweede invoer (overgeslagen of "
        "dubbel ingevoerd). Het bureau bekijkt de stapel en beslist.",
        "fr": "Pile {pile}, position {position} : ce bulletin ne figure que dans le second encodage (oublié ou encodé "
        "deux fois). Le bureau examine la pile et tranche.",
        "de": "Stapel {pile}, Stelle {position}: Dieser Stimmzettel steht nur in der zweiten Eingabe (übersprungen oder"
        " doppelt eingegeben). Das Büro sieht sich den Stapel an und entscheidet.",
    },
    "count.open_contested": {
        "nl": "Stapel {pile}, plaats {position}: het stembiljet is betwist. Het bureau bekijkt het en beslist.",
        "fr": "Pile {pile}, position {position} : le bulletin est contesté. Le bureau l'examine et tranche.",
        "de": "Stapel {pile}, Stelle {position}: Der Stimmzettel ist beanstandet. Das Büro sieht ihn sich an und "
        "entscheidet.",
    },
    "count.open_count": {
        "nl": "Stapel {pile}: {entered} stembiljetten ingevoerd, maar {counted} met de hand geteld. Tel de stapel "
        "opnieuw met de hand. Het bureau beslist daarna over de stapel.",
        "fr": "Pile {pile} : {entered} bulletins encodés, mais {counted} comptés à la main. Recomptez la pile à la "
        "main. Le bureau tranche ensuite la pile.",
        "de": "Stapel {pile}: {entered} Stimmzettel eingegeben, aber {counted} von Hand gezählt. Zählen Sie den Stapel "
        "erneut von Hand. Das Büro entscheidet danach über den Stapel.",
    },
    # --- checks and the result ---
    "count.warning_code_missing": {
        "nl": "Er is geen waarschuwing gekozen om te bevestigen. Kies de waarschuwing in de lijst.",
        "fr": "Aucun avertissement n'a été choisi pour confirmation. Choisissez l'avertissement dans la liste.",
        "de": "Es wurde keine Warnung zum Bestätigen gewählt. Wählen Sie die Warnung in der Liste.",
    },
    "count.check_error": {
        "nl": "Controle {code} vond een fout; de uitslag kan niet definitief worden. Volg de aanwijzing bij die "
        "controle.",
        "fr": "Le contrôle {code} a trouvé une erreur ; le résultat ne peut pas devenir définitif. Suivez l'indication "
        "de ce contrôle.",
        "de": "Kontrolle {code} hat einen Fehler gefunden; das Ergebnis kann nicht endgültig werden. Folgen Sie dem "
        "Hinweis dieser Kontrolle.",
    },
    "count.warning_unacknowledged": {
        "nl": "Waarschuwing {code} is nog niet bevestigd. Lees ze en bevestig ze; ze komt in het proces-verbaal.",
        "fr": "L'avertissement {code} n'a pas encore été confirmé. Lisez-le et confirmez-le ; il figurera au "
        "procès-verbal.",
        "de": "Warnung {code} ist noch nicht bestätigt. Lesen und bestätigen Sie sie; sie kommt in das Protokoll.",
    },
    # --- the journal ---
    "journal.write_failed": {
        "nl": "Het laatste stembiljet kon niet worden opgeslagen. Bevestig het opnieuw; lukt dat niet, bel de helpdesk."
        "Het laatste stembiljet kon niet worden opgeslagen. Bevestig het opnieuw; lukt dat niet, bel de helpdesk.",
        "fr": "Le dernier bulletin n'a pas pu être enregistré. Confirmez-le à nouveau ; si cela échoue, appelez le "
        "helpdesk.",
        "de": "Der letzte Stimmzettel konnte nicht gespeichert werden. Bestätigen Sie ihn erneut; gelingt das nicht, "
        "rufen Sie den Helpdesk an.",
    },
    "journal.busy": {
        "nl": "De telling is al geopend in een ander venster. Sluit dat venster of start het toestel opnieuw op.",
        "fr": "Le dépouillement est déjà ouvert dans une autre fenêtre. Fermez cette fenêtre ou redémarrez l'appareil.",
        "de": "Die Zählung ist bereits in einem anderen Fenster geöffnet. Schließen Sie dieses Fenster oder starten Sie"
        " das Gerät neu.",
    },
    "journal.unreadable": {
        "nl": "Het logboek van de telling op dit toestel kan niet worden gelezen. Zet niets meer in en bel de helpdesk."
        "Het logboek van de telling op dit toestel kan niet worden gelezen. Zet niets meer in en bel de helpdesk.",
        "fr": "Le journal du dépouillement sur cet appareil est illisible. N'encodez plus rien et appelez le helpdesk.",
        "de": "Das Journal der Zählung auf diesem Gerät ist nicht lesbar. Geben Sie nichts mehr ein und rufen Sie den "
        "Helpdesk an.",
    },
    "journal.corrupt": {
        "nl": "Het logboek van de telling is beschadigd of gewijzigd (regel {seq}). Zet niets meer in en bel de "
        "helpdesk.",
        "fr": "Le journal du dépouillement est endommagé ou modifié (ligne {seq}). N'encodez plus rien et appelez le "
        "helpdesk.",
        "de": "Das Journal der Zählung ist beschädigt oder verändert (Zeile {seq}). Geben Sie nichts mehr ein und rufen"
        " Sie den Helpdesk an.",
    },
    "journal.other_station": {
        "nl": "Dit toestel bevat de telling van bureau {station}, niet van {expected}. Bel de helpdesk.",
        "fr": "Cet appareil contient le dépouillement du bureau {station}, pas de {expected}. Appelez le helpdesk.",
        "de": "Dieses Gerät enthält die Zählung des Büros {station}, nicht von {expected}. Rufen Sie den Helpdesk an.",
    },
    "journal.other_election": {
        "nl": "De telling van bureau {station} op dit toestel hoort bij een andere verkiezing of andere lijsten. Bel de"
        " helpdesk.",
        "fr": "Le dépouillement du bureau {station} sur cet appareil concerne une autre élection ou d'autres listes. "
        "Appelez le helpdesk.",
        "de": "Die Zählung des Büros {station} auf diesem Gerät gehört zu einer anderen Wahl oder anderen Listen. Rufen"
        " Sie den Helpdesk an.",
    },
}
