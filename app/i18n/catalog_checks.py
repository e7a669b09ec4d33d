"""Texts of the checks (C4): what happened, and what to do next."""

MESSAGES = {
    "check.E.101": {
        "nl": "Lijst {list}: het stemcijfer ({ce}) is niet gelijk aan de som van de subcategorieën ({sum}).",
        "fr": "Liste {list} : le chiffre électoral ({ce}) n'est pas égal à la somme des sous-catégories ({sum}).",
        "de": "Liste {list}: Die Wahlziffer ({ce}) ist nicht gleich der Summe der Unterkategorien ({sum}).",
    },
    "check.E.101.action": {
        "nl": "Dit wijst op een fout in de software of de opslag. Stop en bel de helpdesk.",
        "fr": "Cela indique une erreur du logiciel ou du stockage. Arrêtez et appelez le helpdesk.",
        "de": "Dies deutet auf einen Fehler der Software oder des Speichers hin. Halten Sie an und rufen Sie den Helpdesk an.",
    },
    "check.E.102": {
        "nl": "Lijst {list}: de titularissen hebben samen {votes} stemmen, minder dan subcategorie 2 + 3 ({minimum}).",
        "fr": "Liste {list} : les candidats titulaires totalisent {votes} voix, moins que les sous-catégories 2 + 3 ({minimum}).",
        "de": "Liste {list}: Die ordentlichen Kandidaten haben zusammen {votes} Stimmen, weniger als Unterkategorie 2 + 3 ({minimum}).",
    },
    "check.E.102.action": {
        "nl": "Dit wijst op een fout in de software of de opslag. Stop en bel de helpdesk.",
        "fr": "Cela indique une erreur du logiciel ou du stockage. Arrêtez et appelez le helpdesk.",
        "de": "Dies deutet auf einen Fehler der Software oder des Speichers hin. Halten Sie an und rufen Sie den Helpdesk an.",
    },
    "check.E.103": {
        "nl": "Lijst {list}: de opvolgers hebben samen {votes} stemmen, minder dan subcategorie 3 + 4 ({minimum}).",
        "fr": "Liste {list} : les candidats suppléants totalisent {votes} voix, moins que les sous-catégories 3 + 4 ({minimum}).",
        "de": "Liste {list}: Die Ersatzkandidaten haben zusammen {votes} Stimmen, weniger als Unterkategorie 3 + 4 ({minimum}).",
    },
    "check.E.103.action": {
        "nl": "Dit wijst op een fout in de software of de opslag. Stop en bel de helpdesk.",
        "fr": "Cela indique une erreur du logiciel ou du stockage. Arrêtez et appelez le helpdesk.",
        "de": "Dies deutet auf einen Fehler der Software oder des Speichers hin. Halten Sie an und rufen Sie den Helpdesk an.",
    },
    "check.E.104": {
        "nl": "Geldig ({valid}) + blanco ({blank}) + ongeldig ({invalid}) is niet gelijk aan het aantal getelde stembiljetten ({counted}).",
        "fr": "Valables ({valid}) + blancs ({blank}) + nuls ({invalid}) n'est pas égal au nombre de bulletins comptés ({counted}).",
        "de": "Gültig ({valid}) + weiß ({blank}) + ungültig ({invalid}) ist nicht gleich der Zahl der gezählten Stimmzettel ({counted}).",
    },
    "check.E.104.action": {
        "nl": "Dit wijst op een fout in de software of de opslag. Stop en bel de helpdesk.",
        "fr": "Cela indique une erreur du logiciel ou du stockage. Arrêtez et appelez le helpdesk.",
        "de": "Dies deutet auf einen Fehler der Software oder des Speichers hin. Halten Sie an und rufen Sie den Helpdesk an.",
    },
    "check.E.105": {
        "nl": "Lijst {list}: er zijn stemmen voor opvolgers, maar deze verkiezing heeft geen opvolgers.",
        "fr": "Liste {list} : il y a des voix pour des suppléants, mais cette élection n'a pas de suppléants.",
        "de": "Liste {list}: Es gibt Stimmen für Ersatzkandidaten, aber diese Wahl hat keine Ersatzkandidaten.",
    },
    "check.E.105.action": {
        "nl": "De kandidatenlijsten op de stick kloppen niet. Stop en bel de helpdesk.",
        "fr": "Les listes de candidats sur la clé ne sont pas correctes. Arrêtez et appelez le helpdesk.",
        "de": "Die Kandidatenlisten auf dem Stick stimmen nicht. Halten Sie an und rufen Sie den Helpdesk an.",
    },
    "check.W.201": {
        "nl": "Er zijn {counted} stembiljetten geteld, maar {received} ontvangen (verschil {difference}).",
        "fr": "{counted} bulletins ont été comptés, mais {received} reçus (différence {difference}).",
        "de": "Es wurden {counted} Stimmzettel gezählt, aber {received} empfangen (Differenz {difference}).",
    },
    "check.W.201.action": {
        "nl": "Tel de stapels opnieuw na. Klopt het verschil, noteer dan de verklaring in het proces-verbaal en bevestig.",
        "fr": "Recomptez les piles. Si la différence est exacte, notez l'explication au procès-verbal et confirmez.",
        "de": "Zählen Sie die Stapel nach. Stimmt die Differenz, tragen Sie die Erklärung ins Protokoll ein und bestätigen Sie.",
    },
    "check.W.202": {
        "nl": "Stembureau {polling_station}: {counted} stembiljetten ontvangen, het proces-verbaal van het stembureau vermeldt {per_pv}.",
        "fr": "Bureau de vote {polling_station} : {counted} bulletins reçus, le procès-verbal du bureau de vote en mentionne {per_pv}.",
        "de": "Wahlbüro {polling_station}: {counted} Stimmzettel empfangen, das Protokoll des Wahlbüros nennt {per_pv}.",
    },
    "check.W.202.action": {
        "nl": "Tel de stembiljetten van dit stembureau opnieuw. Noteer het verschil in het proces-verbaal en bevestig.",
        "fr": "Recomptez les bulletins de ce bureau de vote. Notez la différence au procès-verbal et confirmez.",
        "de": "Zählen Sie die Stimmzettel dieses Wahlbüros nach. Tragen Sie die Differenz ins Protokoll ein und bestätigen Sie.",
    },
    "check.W.203": {
        "nl": "Stapel {pile}: {entered} stembiljetten ingevoerd, maar {counted_by_hand} met de hand geteld.",
        "fr": "Pile {pile} : {entered} bulletins encodés, mais {counted_by_hand} comptés à la main.",
        "de": "Stapel {pile}: {entered} Stimmzettel eingegeben, aber {counted_by_hand} von Hand gezählt.",
    },
    "check.W.203.action": {
        "nl": "Tel stapel {pile} opnieuw met de hand. Ontbreekt er een stembiljet in de invoer, voer de stapel dan opnieuw in.",
        "fr": "Recomptez la pile {pile} à la main. S'il manque un bulletin dans l'encodage, encodez à nouveau la pile.",
        "de": "Zählen Sie Stapel {pile} von Hand nach. Fehlt ein Stimmzettel in der Eingabe, geben Sie den Stapel neu ein.",
    },
    "check.W.204": {
        "nl": "Er zijn veel blanco stembiljetten: {blank} van de {counted}.",
        "fr": "Il y a beaucoup de bulletins blancs : {blank} sur {counted}.",
        "de": "Es gibt viele leere Stimmzettel: {blank} von {counted}.",
    },
    "check.W.204.action": {
        "nl": "Controleer enkele blanco stembiljetten opnieuw. Klopt het, bevestig dan.",
        "fr": "Vérifiez à nouveau quelques bulletins blancs. Si c'est exact, confirmez.",
        "de": "Prüfen Sie einige leere Stimmzettel erneut. Stimmt es, bestätigen Sie.",
    },
}
