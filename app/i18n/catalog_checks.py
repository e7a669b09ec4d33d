"""Texts of the checks (C4): what happened, what to do next, the rule in words, and one case with its figures.

Per code: `check.<code>` (what happened), `check.<code>.action` (what to do next), `check.<code>.rule` (the rule,
as the PV states it) and `check.<code>.sides` (one case: both sides with their figures, as the PV prints them).
Terms follow shared/spec/glossary.md ("weiß" for blank in German, "encodé" for entered in French).
"""

_HELPDESK = {
    "nl": "Dit wijst op een fout in de software of de opslag. Stop en bel de helpdesk.",
    "fr": "Cela indique une erreur du logiciel ou du stockage. Arrêtez et appelez le helpdesk.",
    "de": "Dies deutet auf einen Fehler der Software oder des Speichers hin. Halten Sie an und rufen Sie den Helpdesk an.",
}

MESSAGES = {
    # --- E.101 CE = SC1 + SC2 + SC3 + SC4 -------------------------------------------------------------------------
    "check.E.101": {
        "nl": "Lijst {list}: het stemcijfer ({ce}) is niet gelijk aan de som van de subcategorieën ({sum}).",
        "fr": "Liste {list} : le chiffre électoral ({ce}) n'est pas égal à la somme des sous-catégories ({sum}).",
        "de": "Liste {list}: Die Wahlziffer ({ce}) ist nicht gleich der Summe der Unterkategorien ({sum}).",
    },
    "check.E.101.action": _HELPDESK,
    "check.E.101.rule": {
        "nl": "Het stemcijfer van elke lijst is de som van haar subcategorieën.",
        "fr": "Le chiffre électoral de chaque liste est la somme de ses sous-catégories.",
        "de": "Die Wahlziffer jeder Liste ist die Summe ihrer Unterkategorien.",
    },
    "check.E.101.sides": {
        "nl": "stemcijfer {ce} = som van de subcategorieën {sum}",
        "fr": "chiffre électoral {ce} = somme des sous-catégories {sum}",
        "de": "Wahlziffer {ce} = Summe der Unterkategorien {sum}",
    },
    # --- E.102 titular votes >= SC2 + SC3 ----------------------------------------------------------------------------
    "check.E.102": {
        "nl": "Lijst {list}: de titularissen hebben samen {votes} stemmen, minder dan subcategorie 2 + 3 ({minimum}).",
        "fr": "Liste {list} : les candidats titulaires totalisent {votes} voix, moins que les sous-catégories 2 + 3 ({minimum}).",
        "de": "Liste {list}: Die ordentlichen Kandidaten haben zusammen {votes} Stimmen, weniger als Unterkategorie 2 + 3 ({minimum}).",
    },
    "check.E.102.action": _HELPDESK,
    "check.E.102.rule": {
        "nl": "De kandidaat-titularissen van elke lijst hebben samen minstens SC2 + SC3 stemmen.",
        "fr": "Les candidats titulaires de chaque liste totalisent au moins SC2 + SC3 voix.",
        "de": "Die ordentlichen Kandidaten jeder Liste haben zusammen mindestens SC2 + SC3 Stimmen.",
    },
    "check.E.102.sides": {
        "nl": "stemmen voor de kandidaat-titularissen {votes} ≥ SC2 + SC3 = {minimum}",
        "fr": "voix des candidats titulaires {votes} ≥ SC2 + SC3 = {minimum}",
        "de": "Stimmen für die ordentlichen Kandidaten {votes} ≥ SC2 + SC3 = {minimum}",
    },
    "check.E.102.rule.without_successors": {
        "nl": "De kandidaat-titularissen van elke lijst hebben samen minstens SC2 stemmen.",
        "fr": "Les candidats titulaires de chaque liste totalisent au moins SC2 voix.",
        "de": "Die ordentlichen Kandidaten jeder Liste haben zusammen mindestens SC2 Stimmen.",
    },
    "check.E.102.sides.without_successors": {
        "nl": "stemmen voor de kandidaat-titularissen {votes} ≥ SC2 = {minimum}",
        "fr": "voix des candidats titulaires {votes} ≥ SC2 = {minimum}",
        "de": "Stimmen für die ordentlichen Kandidaten {votes} ≥ SC2 = {minimum}",
    },
    # --- E.103 successor votes >= SC3 + SC4 --------------------------------------------------------------------------
    "check.E.103": {
        "nl": "Lijst {list}: de opvolgers hebben samen {votes} stemmen, minder dan subcategorie 3 + 4 ({minimum}).",
        "fr": "Liste {list} : les candidats suppléants totalisent {votes} voix, moins que les sous-catégories 3 + 4 ({minimum}).",
        "de": "Liste {list}: Die Ersatzkandidaten haben zusammen {votes} Stimmen, weniger als Unterkategorie 3 + 4 ({minimum}).",
    },
    "check.E.103.action": _HELPDESK,
    "check.E.103.rule": {
        "nl": "De kandidaat-opvolgers van elke lijst hebben samen minstens SC3 + SC4 stemmen.",
        "fr": "Les candidats suppléants de chaque liste totalisent au moins SC3 + SC4 voix.",
        "de": "Die Ersatzkandidaten jeder Liste haben zusammen mindestens SC3 + SC4 Stimmen.",
    },
    "check.E.103.sides": {
        "nl": "stemmen voor de kandidaat-opvolgers {votes} ≥ SC3 + SC4 = {minimum}",
        "fr": "voix des candidats suppléants {votes} ≥ SC3 + SC4 = {minimum}",
        "de": "Stimmen für die Ersatzkandidaten {votes} ≥ SC3 + SC4 = {minimum}",
    },
    # --- E.104 valid + blank + invalid = counted ---------------------------------------------------------------------
    "check.E.104": {
        "nl": "Geldig ({valid}) + blanco ({blank}) + ongeldig ({invalid}) is niet gelijk aan het aantal getelde stembiljetten ({counted}).",
        "fr": "Valables ({valid}) + blancs ({blank}) + nuls ({invalid}) n'est pas égal au nombre de bulletins comptés ({counted}).",
        "de": "Gültig ({valid}) + weiß ({blank}) + ungültig ({invalid}) ist nicht gleich der Zahl der gezählten Stimmzettel ({counted}).",
    },
    "check.E.104.action": _HELPDESK,
    "check.E.104.rule": {
        "nl": "Geldige + blanco + ongeldige stembiljetten = getelde stembiljetten.",
        "fr": "Bulletins valables + blancs + nuls = bulletins comptés.",
        "de": "Gültige + weiße + ungültige Stimmzettel = gezählte Stimmzettel.",
    },
    "check.E.104.sides": {
        "nl": "geldig {valid} + blanco {blank} + ongeldig {invalid} = geteld {counted}",
        "fr": "valables {valid} + blancs {blank} + nuls {invalid} = comptés {counted}",
        "de": "gültig {valid} + weiß {blank} + ungültig {invalid} = gezählt {counted}",
    },
    # --- E.105 no successor votes where the election has no successors -------------------------------------------
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
    "check.E.105.rule": {
        "nl": "Deze verkiezing heeft geen kandidaat-opvolgers: geen enkele lijst heeft stemmen voor opvolgers.",
        "fr": "Cette élection n'a pas de candidats suppléants : aucune liste n'a de voix pour des suppléants.",
        "de": "Diese Wahl hat keine Ersatzkandidaten: Keine Liste hat Stimmen für Ersatzkandidaten.",
    },
    "check.E.105.sides": {
        "nl": "SC3 {sc3} + SC4 {sc4} + stemmen voor opvolgers {votes} = 0",
        "fr": "SC3 {sc3} + SC4 {sc4} + voix pour des suppléants {votes} = 0",
        "de": "SC3 {sc3} + SC4 {sc4} + Stimmen für Ersatzkandidaten {votes} = 0",
    },
    # --- E.106 the number of ballots received is known -------------------------------------------------------------
    "check.E.106": {
        "nl": "Het aantal ontvangen stembiljetten is niet ingevuld: de telling kan niet vergeleken worden met wat de stembureaus hebben overgemaakt.",
        "fr": "Le nombre de bulletins reçus n'est pas indiqué : le dépouillement ne peut pas être comparé avec ce que les bureaux de vote ont transmis.",
        "de": "Die Zahl der erhaltenen Stimmzettel ist nicht angegeben: Die Zählung kann nicht mit dem verglichen werden, was die Wahlbüros übergeben haben.",
    },
    "check.E.106.action": {
        "nl": "Vul met ‘Gegevens van het bureau invullen’ per stembureau het aantal stembiljetten in dat in zijn proces-verbaal staat (met tabula replay: --bureau of --received).",
        "fr": "Avec « Compléter les données du bureau », indiquez pour chaque bureau de vote le nombre de bulletins mentionné dans son procès-verbal (avec tabula replay : --bureau ou --received).",
        "de": "Geben Sie über „Angaben des Büros ausfüllen“ für jedes Wahlbüro die Zahl der Stimmzettel aus seinem Protokoll ein (mit tabula replay: --bureau oder --received).",
    },
    "check.E.106.rule": {
        "nl": "Het aantal ontvangen stembiljetten is ingevuld.",
        "fr": "Le nombre de bulletins reçus est indiqué.",
        "de": "Die Zahl der erhaltenen Stimmzettel ist angegeben.",
    },
    "check.E.106.sides": {
        "nl": "ontvangen stembiljetten volgens de processen-verbaal van de stembureaus: {received}",
        "fr": "bulletins reçus selon les procès-verbaux des bureaux de vote : {received}",
        "de": "erhaltene Stimmzettel laut den Protokollen der Wahlbüros: {received}",
    },
    # --- W.201 entered = received -------------------------------------------------------------------------------------
    "check.W.201": {
        "nl": "Er zijn {counted} stembiljetten ingevoerd, maar {received} ontvangen (verschil {difference}).",
        "fr": "{counted} bulletins ont été encodés, mais {received} reçus (différence {difference}).",
        "de": "Es wurden {counted} Stimmzettel eingegeben, aber {received} erhalten (Abweichung {difference}).",
    },
    "check.W.201.action": {
        "nl": "Tel de stapels opnieuw na. Klopt het verschil, noteer dan de verklaring in het proces-verbaal en bevestig.",
        "fr": "Recomptez les piles. Si la différence est exacte, notez l'explication au procès-verbal et confirmez.",
        "de": "Zählen Sie die Stapel nach. Stimmt die Abweichung, tragen Sie die Erklärung ins Protokoll ein und bestätigen Sie.",
    },
    "check.W.201.rule": {
        "nl": "Ingevoerde stembiljetten = ontvangen stembiljetten.",
        "fr": "Bulletins encodés = bulletins reçus.",
        "de": "Eingegebene Stimmzettel = erhaltene Stimmzettel.",
    },
    "check.W.201.sides": {
        "nl": "ingevoerd {counted} = ontvangen {received}",
        "fr": "encodés {counted} = reçus {received}",
        "de": "eingegeben {counted} = erhalten {received}",
    },
    # --- W.202 per polling station: counted on receipt = its PV -----------------------------------------------------
    "check.W.202": {
        "nl": "Stembureau {polling_station}: bij ontvangst {counted} stembiljetten geteld, het proces-verbaal van het stembureau vermeldt er {per_pv}.",
        "fr": "Bureau de vote {polling_station} : {counted} bulletins comptés à la réception, le procès-verbal du bureau de vote en mentionne {per_pv}.",
        "de": "Wahlbüro {polling_station}: Bei der Entgegennahme {counted} Stimmzettel gezählt, das Protokoll des Wahlbüros nennt {per_pv}.",
    },
    "check.W.202.action": {
        "nl": "Tel de stembiljetten van dit stembureau opnieuw. Noteer het verschil in het proces-verbaal en bevestig.",
        "fr": "Recomptez les bulletins de ce bureau de vote. Notez la différence au procès-verbal et confirmez.",
        "de": "Zählen Sie die Stimmzettel dieses Wahlbüros nach. Tragen Sie die Abweichung ins Protokoll ein und bestätigen Sie.",
    },
    "check.W.202.rule": {
        "nl": "Per stembureau: bij ontvangst geteld = volgens zijn proces-verbaal.",
        "fr": "Par bureau de vote : comptés à la réception = selon son procès-verbal.",
        "de": "Je Wahlbüro: bei der Entgegennahme gezählt = laut seinem Protokoll.",
    },
    "check.W.202.sides": {
        "nl": "stembureau {polling_station}: bij ontvangst geteld {counted} = volgens zijn proces-verbaal {per_pv}",
        "fr": "bureau de vote {polling_station} : comptés à la réception {counted} = selon son procès-verbal {per_pv}",
        "de": "Wahlbüro {polling_station}: bei der Entgegennahme gezählt {counted} = laut seinem Protokoll {per_pv}",
    },
    # --- W.203 per pile: entered = counted by hand -------------------------------------------------------------------
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
    "check.W.203.rule": {
        "nl": "Per stapel: ingevoerd = met de hand geteld.",
        "fr": "Par pile : encodés = comptés à la main.",
        "de": "Je Stapel: eingegeben = von Hand gezählt.",
    },
    "check.W.203.sides": {
        "nl": "stapel {pile}: ingevoerd {entered} = met de hand geteld {counted_by_hand}",
        "fr": "pile {pile} : encodés {entered} = comptés à la main {counted_by_hand}",
        "de": "Stapel {pile}: eingegeben {entered} = von Hand gezählt {counted_by_hand}",
    },
    # --- W.204 not unusually many blank ballots ----------------------------------------------------------------------
    "check.W.204": {
        "nl": "Er zijn veel blanco stembiljetten: {blank} van de {counted}.",
        "fr": "Il y a beaucoup de bulletins blancs : {blank} sur {counted}.",
        "de": "Es gibt viele weiße Stimmzettel: {blank} von {counted}.",
    },
    "check.W.204.action": {
        "nl": "Controleer enkele blanco stembiljetten opnieuw. Klopt het, bevestig dan.",
        "fr": "Vérifiez à nouveau quelques bulletins blancs. Si c'est exact, confirmez.",
        "de": "Prüfen Sie einige weiße Stimmzettel erneut. Stimmt es, bestätigen Sie.",
    },
    "check.W.204.rule": {
        "nl": "Ten hoogste 10 % van de getelde stembiljetten is blanco.",
        "fr": "Au plus 10 % des bulletins comptés sont blancs.",
        "de": "Höchstens 10 % der gezählten Stimmzettel sind weiß.",
    },
    "check.W.204.sides": {
        "nl": "blanco {blank} ≤ 10 % van {counted} = {limit}",
        "fr": "blancs {blank} ≤ 10 % de {counted} = {limit}",
        "de": "weiß {blank} ≤ 10 % von {counted} = {limit}",
    },
    # --- W.205 all polling stations together: counted on receipt = their PVs -----------------------------------------
    "check.W.205": {
        "nl": "Bij ontvangst zijn in totaal {counted} stembiljetten geteld, de processen-verbaal van de stembureaus vermelden er {received} (verschil {difference}).",
        "fr": "{counted} bulletins ont été comptés au total à la réception, les procès-verbaux des bureaux de vote en mentionnent {received} (différence {difference}).",
        "de": "Bei der Entgegennahme wurden insgesamt {counted} Stimmzettel gezählt, die Protokolle der Wahlbüros nennen {received} (Abweichung {difference}).",
    },
    "check.W.205.action": {
        "nl": "Tel de stembiljetten van de stembureaus opnieuw. Klopt het verschil, noteer dan de verklaring in het proces-verbaal en bevestig.",
        "fr": "Recomptez les bulletins des bureaux de vote. Si la différence est exacte, notez l'explication au procès-verbal et confirmez.",
        "de": "Zählen Sie die Stimmzettel der Wahlbüros nach. Stimmt die Abweichung, tragen Sie die Erklärung ins Protokoll ein und bestätigen Sie.",
    },
    "check.W.205.rule": {
        "nl": "Alle stembureaus samen: bij ontvangst geteld = volgens hun processen-verbaal.",
        "fr": "Tous les bureaux de vote ensemble : comptés à la réception = selon leurs procès-verbaux.",
        "de": "Alle Wahlbüros zusammen: bei der Entgegennahme gezählt = laut ihren Protokollen.",
    },
    "check.W.205.sides": {
        "nl": "bij ontvangst geteld {counted} = volgens de processen-verbaal {received}",
        "fr": "comptés à la réception {counted} = selon les procès-verbaux {received}",
        "de": "bei der Entgegennahme gezählt {counted} = laut den Protokollen {received}",
    },
    # --- W.206 entered = counted on receipt --------------------------------------------------------------------------
    "check.W.206": {
        "nl": "Er zijn {entered} stembiljetten ingevoerd, maar {counted} bij ontvangst geteld (verschil {difference}).",
        "fr": "{entered} bulletins ont été encodés, mais {counted} comptés à la réception (différence {difference}).",
        "de": "Es wurden {entered} Stimmzettel eingegeben, aber bei der Entgegennahme {counted} gezählt (Abweichung {difference}).",
    },
    "check.W.206.action": {
        "nl": "Zoek de stapel die niet klopt (vergelijk met de handtellingen) en tel opnieuw. Klopt het verschil, noteer dan de verklaring in het proces-verbaal en bevestig.",
        "fr": "Cherchez la pile qui ne correspond pas (comparez avec les comptages à la main) et recomptez. Si la différence est exacte, notez l'explication au procès-verbal et confirmez.",
        "de": "Suchen Sie den Stapel, der nicht stimmt (vergleichen Sie mit den Handzählungen), und zählen Sie nach. Stimmt die Abweichung, tragen Sie die Erklärung ins Protokoll ein und bestätigen Sie.",
    },
    "check.W.206.rule": {
        "nl": "Ingevoerde stembiljetten = bij ontvangst geteld.",
        "fr": "Bulletins encodés = comptés à la réception.",
        "de": "Eingegebene Stimmzettel = bei der Entgegennahme gezählt.",
    },
    "check.W.206.sides": {
        "nl": "ingevoerd {entered} = bij ontvangst geteld {counted}",
        "fr": "encodés {entered} = comptés à la réception {counted}",
        "de": "eingegeben {entered} = bei der Entgegennahme gezählt {counted}",
    },
}
