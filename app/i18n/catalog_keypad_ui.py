"""Texts of the entry table (two keypads, docs/keypad.md): prompts, the replica of the ballot, refusals."""


def _t(nl: str, fr: str, de: str) -> dict[str, str]:
    return {"nl": nl, "fr": fr, "de": de}


MESSAGES = {
    "ui.keypad.title": _t("Invoer aan tafel", "Encodage à la table", "Eingabe am Tisch"),
    "ui.keypad.back": _t("Naar het overzicht", "Vers l'aperçu", "Zur Übersicht"),
    "ui.keypad.heading": _t("Plaats {number} · {member} · {device}", "Poste {number} · {member} · {device}",
                            "Platz {number} · {member} · {device}"),
    "ui.keypad.nobody": _t("niemand aangemeld", "personne n'est inscrit", "niemand angemeldet"),
    "ui.keypad.touch_or_keyboard": _t("scherm of toetsenbord", "écran ou clavier", "Bildschirm oder Tastatur"),
    "ui.keypad.where": _t("Stapel {pile} · {pass_name} · stembiljet {position} van {total} · {declared}",
                          "Pile {pile} · {pass_name} · bulletin {position} sur {total} · {declared}",
                          "Stapel {pile} · {pass_name} · Stimmzettel {position} von {total} · {declared}"),
    "ui.keypad.declared.list-vote": _t("lijst {list}, enkel lijststem", "liste {list}, vote en tête de liste "
                                       "uniquement", "Liste {list}, nur Listenstimme"),
    "ui.keypad.declared.preference": _t("lijst {list}, voorkeurstemmen", "liste {list}, votes de préférence",
                                        "Liste {list}, Vorzugsstimmen"),
    "ui.keypad.declared.blank": _t("blanco stembiljetten", "bulletins blancs", "weiße Stimmzettel"),
    "ui.keypad.declared.invalid": _t("ongeldige stembiljetten", "bulletins nuls", "ungültige Stimmzettel"),
    "ui.keypad.declared.mixed": _t("gemengde stapel", "pile mélangée", "gemischter Stapel"),
    "ui.keypad.prompt.member": _t(
        "Wie voert in? Typ uw nummer en Enter:\n{members}",
        "Qui encode ? Tapez votre numéro puis Enter :\n{members}",
        "Wer gibt ein? Tippen Sie Ihre Nummer und Enter:\n{members}",
    ),
    "ui.keypad.no_members_yet": _t(
        "(nog geen leden: de voorzitter vult eerst de samenstelling van het bureau in)",
        "(pas encore de membres : le président complète d'abord la composition du bureau)",
        "(noch keine Mitglieder: der Vorsitzende gibt zuerst die Zusammensetzung des Zählbüros ein)",
    ),
    "ui.keypad.prompt.pile": _t(
        "Welke stapel? Enter neemt stapel {proposal}, of typ een ander nummer. ( / = ander lid)",
        "Quelle pile ? Enter prend la pile {proposal}, ou tapez un autre numéro. ( / = autre membre)",
        "Welcher Stapel? Enter nimmt Stapel {proposal}, oder tippen Sie eine andere Nummer. ( / = anderes Mitglied)",
    ),
    "ui.keypad.prompt.declaration": _t(
        "Wat zit er in stapel {pile}? lijstnummer * = enkel lijststem · lijstnummer = voorkeurstemmen · 0 = blanco · "
        "/ = ongeldig · alleen Enter = gemengd",
        "Que contient la pile {pile} ? numéro de liste * = vote en tête uniquement · numéro de liste = votes de "
        "préférence · 0 = blancs · / = nuls · Enter seul = mélangée",
        "Was enthält Stapel {pile}? Listennummer * = nur Listenstimme · Listennummer = Vorzugsstimmen · 0 = weiß · "
        "/ = ungültig · nur Enter = gemischt",
    ),
    "ui.keypad.prompt.hand_count": _t(
        "Hoeveel stembiljetten telt stapel {pile} (met de hand geteld)? Typ het aantal en Enter. Tweede invoer: Enter "
        "alleen houdt het aantal van de stapel.",
        "Combien de bulletins compte la pile {pile} (comptés à la main) ? Tapez le nombre puis Enter. Second "
        "encodage : Enter seul garde le nombre de la pile.",
        "Wie viele Stimmzettel hat Stapel {pile} (von Hand gezählt)? Tippen Sie die Zahl und Enter. Zweite Eingabe: "
        "nur Enter behält die Zahl des Stapels.",
    ),
    "ui.keypad.prompt.undo": _t(
        "Nog eens Backspace neemt stembiljet {position} terug. Een andere toets: gewoon verder.",
        "Encore Backspace reprend le bulletin {position}. Une autre touche : on continue.",
        "Noch einmal Backspace nimmt Stimmzettel {position} zurück. Eine andere Taste: weiter wie bisher.",
    ),
    "ui.keypad.prompt.ballot.list-vote": _t(
        "Enter = lijststem. Anders: kandidaatnummers (. tussen nummers, - opvolgers), 0 blanco, / beslissing.",
        "Enter = vote en tête. Sinon : numéros des candidats (. entre les numéros, - suppléants), 0 blanc, "
        "/ décision.",
        "Enter = Listenstimme. Sonst: Kandidatennummern (. zwischen Nummern, - Ersatzkandidaten), 0 weiß, "
        "/ Entscheidung.",
    ),
    "ui.keypad.prompt.ballot.preference": _t(
        "Typ de kandidaatnummers, dan Enter (. tussen nummers, - opvolgers, * lijststem, + andere lijst).",
        "Tapez les numéros des candidats, puis Enter (. entre les numéros, - suppléants, * vote en tête, "
        "+ autre liste).",
        "Tippen Sie die Kandidatennummern, dann Enter (. zwischen Nummern, - Ersatzkandidaten, * Listenstimme, "
        "+ andere Liste).",
    ),
    "ui.keypad.prompt.ballot.blank": _t(
        "Enter = blanco. Een ander stembiljet: voer het volledig in (lijstnummer eerst: + lijstnummer).",
        "Enter = blanc. Un autre bulletin : encodez-le en entier (+ numéro de liste).",
        "Enter = weiß. Ein anderer Stimmzettel: ganz eingeben (+ Listennummer).",
    ),
    "ui.keypad.prompt.ballot.invalid": _t(
        "Typ wat er op het stembiljet staat: lijstnummer . kandidaten, + volgende lijst. Zonder kruisjes: / en de "
        "reden (1-4).",
        "Tapez ce que porte le bulletin : numéro de liste . candidats, + liste suivante. Sans marque : / et le motif "
        "(1-4).",
        "Tippen Sie, was auf dem Stimmzettel steht: Listennummer . Kandidaten, + nächste Liste. Ohne Kreuz: / und "
        "der Grund (1-4).",
    ),
    "ui.keypad.prompt.ballot.mixed": _t(
        "Lijstnummer, dan . en de kandidaatnummers, of * (lijststem), of Enter (lijststem); 0 = blanco; / = beslissing "
        "(0 betwist).",
        "Numéro de liste, puis . et les numéros des candidats, ou * (vote en tête), ou Enter (vote en tête) ; "
        "0 = blanc ; / = décision (0 contesté).",
        "Listennummer, dann . und die Kandidatennummern, oder * (Listenstimme), oder Enter (Listenstimme); 0 = weiß; "
        "/ = Entscheidung (0 beanstandet).",
    ),
    "ui.keypad.last": _t("Vorige: {ballot}", "Précédent : {ballot}", "Vorheriger: {ballot}"),
    "ui.keypad.key_enter": _t("Enter", "Enter", "Enter"),
    "ui.keypad.key_back": _t("⌫", "⌫", "⌫"),
    "ui.keypad.close_ask": _t(
        "Stapel {pile} nu afsluiten met {entered} van {total} stembiljetten? Enter sluit af, Backspace gaat verder.",
        "Clôturer la pile {pile} maintenant avec {entered} bulletins sur {total} ? Enter clôture, Backspace "
        "continue.",
        "Stapel {pile} jetzt mit {entered} von {total} Stimmzetteln abschließen? Enter schließt ab, Backspace "
        "macht weiter.",
    ),
    "ui.keypad.pending": _t("{number}… (kan nog verder gaan: . sluit het nummer af)",
                            "{number}… (peut encore continuer : . termine le numéro)",
                            "{number}… (kann noch weitergehen: . schließt die Nummer ab)"),
    "ui.keypad.as_declared": _t("Als u nu Enter drukt: {ballot}", "Si vous appuyez maintenant sur Enter : {ballot}",
                                "Wenn Sie jetzt Enter drücken: {ballot}"),
    "ui.keypad.enter_stores": _t("Enter bewaart: {verdict}", "Enter enregistre : {verdict}",
                                 "Enter speichert: {verdict}"),
    "ui.keypad.not_as_declared": _t(
        "Anders dan de stapel aangeeft: dit stembiljet wordt bewaard zoals getypt.",
        "Différent de ce que la pile déclare : ce bulletin est enregistré tel que tapé.",
        "Anders als der Stapel angibt: Dieser Stimmzettel wird so gespeichert, wie er getippt wurde.",
    ),
    "ui.keypad.mark.list": _t("Lijst {list} · {name} — lijststem", "Liste {list} · {name} — vote en tête de liste",
                              "Liste {list} · {name} — Listenstimme"),
    "ui.keypad.mark.titular": _t("Lijst {list} · kandidaat {position} · {name}",
                                 "Liste {list} · candidat {position} · {name}",
                                 "Liste {list} · Kandidat {position} · {name}"),
    "ui.keypad.mark.successor": _t("Lijst {list} · opvolger {position} · {name}",
                                   "Liste {list} · suppléant {position} · {name}",
                                   "Liste {list} · Ersatzkandidat {position} · {name}"),
    "ui.keypad.extra_keypad": _t(
        "Er is een derde numeriek toetsenblok aangesloten; het wordt niet gebruikt. Trek het uit.",
        "Un troisième pavé numérique est branché ; il n'est pas utilisé. Débranchez-le.",
        "Ein dritter Ziffernblock ist angeschlossen; er wird nicht benutzt. Ziehen Sie ihn ab.",
    ),
    "ui.keypad.taken_back": _t("Stembiljet {position} ({ballot}) is teruggenomen. Voer het opnieuw in.",
                               "Le bulletin {position} ({ballot}) est repris. Encodez-le à nouveau.",
                               "Stimmzettel {position} ({ballot}) wurde zurückgenommen. Geben Sie ihn neu ein."),
    "ui.keypad.pile_closed": _t("Stapel {pile} ({pass_no}e invoer) is afgesloten en bewaard. Volgende stapel.",
                                "La pile {pile} (encodage {pass_no}) est clôturée et enregistrée. Pile suivante.",
                                "Stapel {pile} ({pass_no}. Eingabe) ist abgeschlossen und gespeichert. "
                                "Nächster Stapel."),
    "ui.keypad.resumed": _t("Verder met stapel {pile}, {pass_no}e invoer, bij stembiljet {position}.",
                            "On continue la pile {pile}, encodage {pass_no}, au bulletin {position}.",
                            "Weiter mit Stapel {pile}, {pass_no}. Eingabe, bei Stimmzettel {position}."),
    "ui.keypad.no_members": _t(
        "De leden van het bureau zijn nog niet ingevuld. De voorzitter vult eerst de samenstelling in "
        "(Overzicht → Bureau).",
        "Les membres du bureau ne sont pas encore indiqués. Le président complète d'abord la composition "
        "(Aperçu → Bureau).",
        "Die Mitglieder des Zählbüros sind noch nicht eingetragen. Der Vorsitzende trägt zuerst die "
        "Zusammensetzung ein (Übersicht → Büro).",
    ),
    "ui.keypad.no_such_member": _t("Er is geen lid {number}: typ een nummer van 1 tot {maximum}.",
                                   "Il n'y a pas de membre {number} : tapez un numéro de 1 à {maximum}.",
                                   "Es gibt kein Mitglied {number}: Tippen Sie eine Nummer von 1 bis {maximum}."),
    "ui.keypad.member_on_other_side": _t(
        "{member} voert al in aan de andere kant. Eén persoon voert aan één kant in: kies uw eigen nummer.",
        "{member} encode déjà de l'autre côté. Une personne encode d'un seul côté : choisissez votre numéro.",
        "{member} gibt bereits auf der anderen Seite ein. Eine Person gibt auf einer Seite ein: Wählen Sie Ihre "
        "eigene Nummer.",
    ),
    "ui.keypad.pile_decided": _t("Stapel {pile} is al door het bureau beslist. Kies een andere stapel.",
                                 "La pile {pile} a déjà été décidée par le bureau. Choisissez une autre pile.",
                                 "Über Stapel {pile} hat der Zählbürovorstand bereits entschieden. Wählen Sie einen "
                                 "anderen Stapel."),
    "ui.keypad.pile_busy": _t(
        "Stapel {pile} wordt nu ingevoerd door {operator}. Neem een andere stapel (Enter neemt de voorgestelde).",
        "La pile {pile} est en cours d'encodage par {operator}. Prenez une autre pile (Enter prend celle proposée).",
        "Stapel {pile} wird gerade von {operator} eingegeben. Nehmen Sie einen anderen Stapel (Enter nimmt den "
        "vorgeschlagenen).",
    ),
    "ui.keypad.pile_done": _t("Stapel {pile} is al twee keer ingevoerd. Kies een andere stapel.",
                              "La pile {pile} a déjà été encodée deux fois. Choisissez une autre pile.",
                              "Stapel {pile} wurde bereits zweimal eingegeben. Wählen Sie einen anderen Stapel."),
    "ui.keypad.same_member": _t(
        "U deed de {pass_no}e invoer van stapel {pile} al. De andere invoer doet een ander lid.",
        "Vous avez déjà fait l'encodage {pass_no} de la pile {pile}. L'autre encodage est fait par un autre membre.",
        "Sie haben die {pass_no}. Eingabe von Stapel {pile} bereits gemacht. Die andere Eingabe macht ein anderes "
        "Mitglied.",
    ),
    "ui.overview.keypad_entry": _t("Invoer aan tafel", "Encodage à la table", "Eingabe am Tisch"),
    "ui.keypad.keypad": _t("toetsenblok {number}", "pavé numérique {number}", "Ziffernblock {number}"),
    "ui.keypad.status_codes": _t(
        "0 betwist · 1 geen officieel stembiljet · 2 herkenningsteken · 3 gewijzigd · 4 andere reden",
        "0 contesté · 1 bulletin non officiel · 2 signe distinctif · 3 modifié · 4 autre motif",
        "0 beanstandet · 1 kein amtlicher Stimmzettel · 2 Kennzeichen · 3 verändert · 4 anderer Grund",
    ),
    "ui.keypad.verdict_contested": _t("betwist: het bureau beslist later", "contesté : le bureau décide plus tard",
                                      "beanstandet: der Zählbürovorstand entscheidet später"),
    "ui.keypad.confirm_stray": _t(
        "⚠ Dit is niet wat de stapel bevat ({declared}). Kijk het stembiljet na: nog eens Enter bewaart het zoals "
        "getypt, Backspace verbetert.",
        "⚠ Ce n'est pas ce que contient la pile ({declared}). Vérifiez le bulletin : encore Enter l'enregistre tel "
        "que tapé, Backspace corrige.",
        "⚠ Das ist nicht, was der Stapel enthält ({declared}). Prüfen Sie den Stimmzettel: noch einmal Enter "
        "speichert ihn wie getippt, Backspace korrigiert.",
    ),
}
