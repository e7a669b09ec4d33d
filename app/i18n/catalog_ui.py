"""Texts of the kiosk screens (U1, U4, U5): official terms per the glossary; errors say the next step."""


def _t(nl: str, fr: str, de: str) -> dict[str, str]:
    return {"nl": nl, "fr": fr, "de": de}


MESSAGES = {
    # --- frame ---
    "ui.app.title": _t("Tabula · stemopneming", "Tabula · dépouillement", "Tabula · Stimmenzählung"),
    "ui.unexpected": _t(
        "Er ging iets onverwachts mis. Er is niets verloren: alles wat bevestigd is, blijft bewaard. Bel de helpdesk.",
        "Une erreur inattendue s'est produite. Rien n'est perdu : tout ce qui a été confirmé reste conservé. "
        "Appelez le helpdesk.",
        "Es ist ein unerwarteter Fehler aufgetreten. Nichts geht verloren: Alles Bestätigte bleibt gespeichert. "
        "Rufen Sie den Helpdesk an.",
    ),
    "ui.root_missing": _t(
        "Het basiscertificaat van dit toestel ontbreekt, dus de stick kan niet gecontroleerd worden.",
        "Le certificat racine de cet appareil est absent : la clé ne peut pas être vérifiée.",
        "Das Stammzertifikat dieses Geräts fehlt, daher kann der Stick nicht geprüft werden.",
    ),
    "ui.status.not_logged_in": _t("Niet aangemeld", "Non connecté", "Nicht angemeldet"),
    "ui.status.bureau": _t("{name} ({id})", "{name} ({id})", "{name} ({id})"),
    "ui.status.piles": _t(
        "Stapels klaar: {done} van {total}", "Piles terminées : {done} sur {total}", "Stapel fertig: {done} von {total}"
    ),
    "ui.status.ballots": _t(
        "Stembiljetten ingevoerd: {first} (1e) · {second} (2e)",
        "Bulletins encodés : {first} (1er) · {second} (2e)",
        "Stimmzettel erfasst: {first} (1.) · {second} (2.)",
    ),
    "ui.status.stick_ok": _t("Stick aanwezig", "Clé présente", "Stick vorhanden"),
    "ui.status.stick_missing": _t("Geen stick", "Pas de clé", "Kein Stick"),
    "ui.phase.setup": _t("Nog niets ingevoerd", "Rien encore encodé", "Noch nichts erfasst"),
    "ui.phase.entering": _t("Invoer", "Encodage", "Eingabe"),
    "ui.phase.differences": _t("Verschillen", "Différences", "Abweichungen"),
    "ui.phase.checks": _t("Controles", "Contrôles", "Kontrollen"),
    "ui.phase.final": _t("Uitslag vastgesteld", "Résultat arrêté", "Ergebnis festgestellt"),
    "ui.pass.1": _t("eerste invoer", "premier encodage", "erste Eingabe"),
    "ui.pass.2": _t("tweede invoer", "second encodage", "zweite Eingabe"),
    # --- kiosk: shut-down, idle lock, where the count stood (issue 8) ---
    "ui.kiosk.shutdown": _t("Afsluiten", "Éteindre", "Herunterfahren"),
    "ui.kiosk.shutdown_title": _t("Tabula afsluiten?", "Éteindre Tabula ?", "Tabula herunterfahren?"),
    "ui.kiosk.shutdown_text": _t(
        "Alleen de voorzitter sluit het toestel af. Alles wat bevestigd is, blijft bewaard: na het opstarten meldt "
        "het bureau zich opnieuw aan en gaat het verder waar het stond.",
        "Seul le président éteint l'appareil. Tout ce qui a été confirmé reste conservé : après le redémarrage, le "
        "bureau se reconnecte et reprend là où il en était.",
        "Nur der Vorsitzende fährt das Gerät herunter. Alles Bestätigte bleibt gespeichert: Nach dem Neustart meldet "
        "sich das Zählbüro wieder an und macht dort weiter, wo es stand.",
    ),
    "ui.kiosk.shutdown_confirm": _t("Ja, nu afsluiten", "Oui, éteindre maintenant", "Ja, jetzt herunterfahren"),
    "ui.kiosk.shutdown_cancel": _t("Niet afsluiten", "Ne pas éteindre", "Nicht herunterfahren"),
    "ui.kiosk.shutdown_writing": _t(
        "Even wachten: de uitslag wordt nu op de stick geschreven. Sluit af zodra het scherm zegt dat de stick weg "
        "mag.",
        "Un instant : le résultat est en cours d'écriture sur la clé. Éteignez quand l'écran indique que la clé peut "
        "être retirée.",
        "Bitte warten: Das Ergebnis wird gerade auf den Stick geschrieben. Fahren Sie herunter, sobald der "
        "Bildschirm meldet, dass der Stick entfernt werden darf.",
    ),
    "ui.kiosk.lock_title": _t("Het scherm is vergrendeld", "L'écran est verrouillé", "Der Bildschirm ist gesperrt"),
    "ui.kiosk.lock_why": _t(
        "Het toestel werd {minutes} minuten niet gebruikt. Er is niets verloren.",
        "L'appareil n'a pas été utilisé pendant {minutes} minutes. Rien n'est perdu.",
        "Das Gerät wurde {minutes} Minuten nicht benutzt. Nichts geht verloren.",
    ),
    "ui.kiosk.lock_how": _t(
        "Een lid van het bureau gaat verder: typ uw nummer en Enter (op een numeriek klavier of het toetsenbord), of "
        "tik op uw naam.",
        "Un membre du bureau reprend : tapez votre numéro puis Entrée (sur un pavé numérique ou le clavier), ou "
        "touchez votre nom.",
        "Ein Mitglied des Zählbürovorstands macht weiter: Geben Sie Ihre Nummer ein und drücken Sie die "
        "Eingabetaste (auf einem Nummernblock oder der Tastatur), oder tippen Sie auf Ihren Namen.",
    ),
    "ui.kiosk.lock_no_members": _t(
        "De leden van het bureau zijn nog niet ingevuld. Druk op Enter of tik op Verdergaan.",
        "Les membres du bureau ne sont pas encore indiqués. Appuyez sur Entrée ou touchez Continuer.",
        "Die Mitglieder des Zählbürovorstands sind noch nicht eingetragen. Drücken Sie die Eingabetaste oder tippen "
        "Sie auf Weiter.",
    ),
    "ui.kiosk.lock_number": _t("Uw nummer", "Votre numéro", "Ihre Nummer"),
    "ui.kiosk.lock_continue": _t("Verdergaan", "Continuer", "Weiter"),
    "ui.kiosk.lock_member": _t("{number} · {name}", "{number} · {name}", "{number} · {name}"),
    "ui.kiosk.lock_no_such_member": _t(
        "Er is geen lid met nummer {number}. Typ een nummer van 1 tot {maximum} en Enter.",
        "Aucun membre ne porte le numéro {number}. Tapez un numéro de 1 à {maximum} puis Entrée.",
        "Es gibt kein Mitglied mit der Nummer {number}. Geben Sie eine Nummer von 1 bis {maximum} ein und drücken "
        "Sie die Eingabetaste.",
    ),
    "ui.kiosk.lock_number_missing": _t(
        "Typ eerst uw nummer (1 tot {maximum}), dan Enter.",
        "Tapez d'abord votre numéro (1 à {maximum}), puis Entrée.",
        "Geben Sie zuerst Ihre Nummer ein (1 bis {maximum}), dann die Eingabetaste.",
    ),
    "ui.kiosk.resumed": _t(
        "Bij het aanmelden stond de telling hier: {passes}. Elk lid gaat verder met zijn eigen invoer.",
        "À la connexion, le dépouillement en était ici : {passes}. Chaque membre reprend son propre encodage.",
        "Bei der Anmeldung stand die Zählung hier: {passes}. Jedes Mitglied setzt seine eigene Eingabe fort.",
    ),
    "ui.kiosk.resumed_pass": _t(
        "stapel {pile}, {pass_name}, bij stembiljet {position} ({member})",
        "pile {pile}, {pass_name}, au bulletin {position} ({member})",
        "Stapel {pile}, {pass_name}, bei Stimmzettel {position} ({member})",
    ),
    "ui.kiosk.notice_ok": _t("Begrepen", "Compris", "Verstanden"),
    "seclog.event.kiosk.lock": _t(
        "Scherm vergrendeld of ontgrendeld", "Écran verrouillé ou déverrouillé", "Bildschirm gesperrt oder entsperrt"
    ),
    # --- help on focus (U4) ---
    "ui.help.station": _t(
        "Het nummer van uw stemopnemingsbureau, zoals in de brief met het wachtwoord (bv. B0001).",
        "Le numéro de votre bureau de dépouillement, comme dans la lettre avec le mot de passe (p. ex. B0001).",
        "Die Nummer Ihres Zählbüros, wie im Brief mit dem Passwort (z. B. B0001).",
    ),
    "ui.help.password": _t(
        "Het wachtwoord uit de verzegelde brief. Hoofdletters en streepjes mogen weg.",
        "Le mot de passe de la lettre scellée. Majuscules et tirets facultatifs.",
        "Das Passwort aus dem versiegelten Brief. Großschreibung und Bindestriche sind egal.",
    ),
    "ui.help.pile": _t(
        "Het nummer van de stapel (ten hoogste 50 stembiljetten). Schrijf het ook op de stapel.",
        "Le numéro de la pile (50 bulletins au plus). Notez-le aussi sur la pile.",
        "Die Nummer des Stapels (höchstens 50 Stimmzettel). Schreiben Sie sie auch auf den Stapel.",
    ),
    "ui.help.operator": _t(
        "Uw naam. De tweede invoer van een stapel moet door iemand anders gebeuren dan de eerste.",
        "Votre nom. Le second encodage d'une pile doit être fait par une autre personne que le premier.",
        "Ihr Name. Die zweite Eingabe eines Stapels muss eine andere Person machen als die erste.",
    ),
    "ui.help.member": _t(
        "Kies uw naam uit de leden van het bureau (voorzitter, secretaris, bijzitters): tik erop of typ uw nummer. "
        "De tweede invoer van een stapel doet een ander lid dan de eerste.",
        "Choisissez votre nom parmi les membres du bureau (président, secrétaire, assesseurs) : touchez-le ou tapez "
        "votre numéro. Le second encodage d'une pile est fait par un autre membre que le premier.",
        "Wählen Sie Ihren Namen unter den Mitgliedern des Zählbürovorstands (Vorsitzender, Sekretär, Beisitzer): "
        "Tippen Sie darauf oder geben Sie Ihre Nummer ein. Die zweite Eingabe eines Stapels macht ein anderes "
        "Mitglied als die erste.",
    ),
    "ui.help.entry_marks": _t(
        "Typ het lijstnummer en de aangekruiste vakjes: 8 H = lijststem van lijst 8; 8 T3 S1 = titularis 3 en "
        "opvolger 1 van lijst 8. Blanco = F6. Enter bevestigt.",
        "Tapez le numéro de liste et les cases cochées : 8 H = vote en tête de la liste 8 ; 8 T3 S1 = titulaire 3 "
        "et suppléant 1 de la liste 8. Blanc = F6. Entrée confirme.",
        "Geben Sie die Listennummer und die angekreuzten Felder ein: 8 H = Listenstimme für Liste 8; 8 T3 S1 = "
        "ordentlicher Kandidat 3 und Ersatzkandidat 1 der Liste 8. Weiß = F6. Eingabetaste bestätigt.",
    ),
    "ui.help.hand_count": _t(
        "Hoeveel stembiljetten u met de hand in deze stapel telde. Laat leeg als de stapel nog niet geteld is.",
        "Combien de bulletins vous avez comptés à la main dans cette pile. Laissez vide si elle n'est pas comptée.",
        "Wie viele Stimmzettel Sie in diesem Stapel von Hand gezählt haben. Leer lassen, wenn noch nicht gezählt.",
    ),
    "ui.help.marks": _t(
        "Typ het lijstnummer en de aangekruiste vakjes: 8 H = lijststem van lijst 8; 8 T3 S1 = titularis 3 en "
        "opvolger 1 van lijst 8. Leeg = blanco. Enter bevestigt.",
        "Tapez le numéro de liste et les cases cochées : 8 H = vote en tête de la liste 8 ; 8 T3 S1 = titulaire 3 "
        "et suppléant 1 de la liste 8. Vide = blanc. Entrée confirme.",
        "Geben Sie die Listennummer und die angekreuzten Felder ein: 8 H = Listenstimme für Liste 8; 8 T3 S1 = "
        "ordentlicher Kandidat 3 und Ersatzkandidat 1 der Liste 8. Leer = weiß. Eingabetaste bestätigt.",
    ),
    "ui.help.reason": _t(
        "Waarom het bureau dit stembiljet ongeldig verklaart.",
        "Pourquoi le bureau déclare ce bulletin nul.",
        "Warum das Büro diesen Stimmzettel für ungültig erklärt.",
    ),
    "ui.help.decided_by": _t(
        "De naam van wie namens het bureau beslist (meestal de voorzitter). Komt in het proces-verbaal.",
        "Le nom de la personne qui décide au nom du bureau (en général le président). Figure au procès-verbal.",
        "Der Name der Person, die für das Büro entscheidet (meist der Vorsitzende). Steht im Protokoll.",
    ),
    "ui.help.settle_pile": _t(
        "Het nummer van de stapel die niet is ingevoerd; het voorstel is het eerste vrije nummer.",
        "Le numéro de la pile qui n'a pas été encodée ; la proposition est le premier numéro libre.",
        "Die Nummer des Stapels, der nicht erfasst wurde; vorgeschlagen wird die erste freie Nummer.",
    ),
    "ui.help.note": _t(
        "Korte uitleg bij de beslissing (mag leeg blijven).",
        "Brève explication de la décision (facultatif).",
        "Kurze Erläuterung der Entscheidung (freiwillig).",
    ),
    "ui.help.remarks": _t(
        "Opmerkingen van het bureau voor het proces-verbaal, één per regel (bv. de verklaring van een verschil).",
        "Remarques du bureau pour le procès-verbal, une par ligne (p. ex. l'explication d'une différence).",
        "Bemerkungen des Büros für das Protokoll, eine pro Zeile (z. B. die Erklärung einer Abweichung).",
    ),
    "ui.help.picker": _t(
        "Kies uw stemopnemingsbureau in de lijst van deze stick, of typ hieronder het nummer.",
        "Choisissez votre bureau de dépouillement dans la liste de cette clé, ou tapez son numéro ci-dessous.",
        "Wählen Sie Ihr Zählbüro aus der Liste dieses Sticks oder geben Sie unten die Nummer ein.",
    ),
    "ui.help.station_name": _t(
        "De naam of het nummer van het stembureau waarvan u de stembiljetten ontving, zoals op zijn proces-verbaal.",
        "Le nom ou le numéro du bureau de vote dont vous avez reçu les bulletins, comme sur son procès-verbal.",
        "Name oder Nummer des Wahlbüros, von dem Sie die Stimmzettel erhalten haben, wie in seinem Protokoll.",
    ),
    "ui.help.station_per_pv": _t(
        "Het aantal stembiljetten dat het proces-verbaal van het stembureau vermeldt.",
        "Le nombre de bulletins mentionné dans le procès-verbal du bureau de vote.",
        "Die Zahl der Stimmzettel, die das Protokoll des Wahlbüros nennt.",
    ),
    "ui.help.station_counted": _t(
        "Hoeveel stembiljetten het bureau bij ontvangst telde. Leeg laten als ze niet apart geteld zijn.",
        "Combien de bulletins le bureau a comptés à la réception. Laissez vide s'ils n'ont pas été comptés à part.",
        "Wie viele Stimmzettel das Büro beim Empfang gezählt hat. Leer lassen, wenn nicht getrennt gezählt.",
    ),
    "ui.help.canton": _t(
        "Het kieskanton van het bureau, zoals op de oproepingsbrief (mag leeg blijven).",
        "Le canton électoral du bureau, comme sur la convocation (facultatif).",
        "Der Wahlkanton des Büros, wie in der Einberufung (freiwillig).",
    ),
    "ui.help.president": _t(
        "De naam van de voorzitter. Mag leeg blijven: dan wordt hij met de hand in het proces-verbaal geschreven.",
        "Le nom du président. Facultatif : il sera alors écrit à la main au procès-verbal.",
        "Der Name des Vorsitzenden. Freiwillig: sonst wird er von Hand ins Protokoll geschrieben.",
    ),
    "ui.help.secretary": _t(
        "De naam van de secretaris (mag leeg blijven).",
        "Le nom du secrétaire (facultatif).",
        "Der Name des Sekretärs (freiwillig).",
    ),
    "ui.help.assessors": _t(
        "De namen van de bijzitters, één per regel (mag leeg blijven).",
        "Les noms des assesseurs, un par ligne (facultatif).",
        "Die Namen der Beisitzer, einer pro Zeile (freiwillig).",
    ),
    "ui.help.witnesses": _t(
        "De namen van de getuigen van de lijsten, één per regel (mag leeg blijven).",
        "Les noms des témoins des listes, un par ligne (facultatif).",
        "Die Namen der Zeugen der Listen, einer pro Zeile (freiwillig).",
    ),
    "ui.help.correct": _t(
        "Het nummer van het stembiljet in deze stapel dat u wilt verbeteren. Enter opent het; Esc annuleert.",
        "Le numéro du bulletin de cette pile à corriger. Entrée l'ouvre ; Échap annule.",
        "Die Nummer des Stimmzettels in diesem Stapel, den Sie berichtigen wollen. Eingabe öffnet ihn; Esc bricht ab.",
    ),
    "ui.help.other_marks": _t(
        "Wat er op dit stembiljet staat, zoals bij de invoer: 8 H, 8 T3 S1; leeg = blanco. "
        "Liggen er meer stembiljetten, voeg er een toe; ligt er geen, tik op 'geen stembiljet'.",
        "Ce que porte ce bulletin, comme à l'encodage : 8 H, 8 T3 S1 ; vide = blanc. "
        "S'il y a plusieurs bulletins, ajoutez-en un ; s'il n'y en a pas, touchez « pas de bulletin ».",
        "Was auf diesem Stimmzettel steht, wie bei der Eingabe: 8 H, 8 T3 S1; leer = weiß. "
        "Liegen mehrere Stimmzettel da, fügen Sie einen hinzu; liegt keiner da, tippen Sie auf „kein Stimmzettel“.",
    ),
    "ui.help.other_verdict": _t(
        "Geldig zoals aangekruist, of door het bureau ongeldig verklaard met de reden.",
        "Valable tel que coché, ou déclaré nul par le bureau avec le motif.",
        "Gültig wie angekreuzt, oder vom Büro für ungültig erklärt, mit dem Grund.",
    ),
    # --- login and loading ---
    "ui.login.title": _t("Aanmelden", "Connexion", "Anmeldung"),
    "ui.login.intro": _t(
        "Meld het stemopnemingsbureau aan met het nummer en het wachtwoord uit de verzegelde brief.",
        "Connectez le bureau de dépouillement avec le numéro et le mot de passe de la lettre scellée.",
        "Melden Sie das Zählbüro mit der Nummer und dem Passwort aus dem versiegelten Brief an.",
    ),
    "ui.login.picker": _t("Uw bureau", "Votre bureau", "Ihr Büro"),
    "ui.login.picker_placeholder": _t(
        "Kies uw bureau in de lijst", "Choisissez votre bureau dans la liste", "Wählen Sie Ihr Büro aus der Liste"
    ),
    "ui.login.station": _t("Bureaunummer", "Numéro du bureau", "Büronummer"),
    "ui.login.password": _t("Wachtwoord", "Mot de passe", "Passwort"),
    "ui.login.submit": _t("Aanmelden", "Se connecter", "Anmelden"),
    "ui.login.station_missing": _t(
        "Vul eerst het bureaunummer in.",
        "Indiquez d'abord le numéro du bureau.",
        "Geben Sie zuerst die Büronummer ein.",
    ),
    "ui.login.stick_ok": _t(
        "De master-gegevensdrager is gevonden.",
        "Le support maître a été trouvé.",
        "Der Master-Datenträger wurde gefunden.",
    ),
    "ui.login.stick_missing": _t(
        "Steek de master-gegevensdrager (USB-stick) in dit toestel.",
        "Insérez le support maître (clé USB) dans cet appareil.",
        "Stecken Sie den Master-Datenträger (USB-Stick) in dieses Gerät.",
    ),
    "ui.login.throttled": _t(
        "Te veel verkeerde wachtwoorden. Wacht nog {seconds} s voor u het opnieuw probeert.",
        "Trop de mots de passe erronés. Attendez encore {seconds} s avant de réessayer.",
        "Zu viele falsche Passwörter. Warten Sie noch {seconds} s, bevor Sie es erneut versuchen.",
    ),
    "ui.loading.title": _t(
        "Gegevens van het bureau laden", "Chargement des données du bureau", "Daten des Büros werden geladen"
    ),
    "ui.loading.opening": _t("Telling openen…", "Ouverture du dépouillement…", "Zählung wird geöffnet…"),
    # --- overview ---
    "ui.overview.title": _t("Overzicht van de stapels", "Aperçu des piles", "Übersicht der Stapel"),
    "ui.overview.col.pile": _t("Stapel", "Pile", "Stapel"),
    "ui.overview.col.hand": _t("Met de hand geteld", "Compté à la main", "Von Hand gezählt"),
    "ui.overview.col.pass1": _t("Eerste invoer", "Premier encodage", "Erste Eingabe"),
    "ui.overview.col.pass2": _t("Tweede invoer", "Second encodage", "Zweite Eingabe"),
    "ui.overview.col.differences": _t("Verschillen", "Différences", "Abweichungen"),
    "ui.overview.pass_state": _t(
        "{operator} · {count} · {state}", "{operator} · {count} · {state}", "{operator} · {count} · {state}"
    ),
    "ui.overview.finished": _t("klaar", "terminé", "fertig"),
    "ui.overview.busy": _t("bezig", "en cours", "läuft"),
    "ui.overview.agreed": _t("geen", "aucune", "keine"),
    "ui.overview.open": _t("{count} te beslissen", "{count} à trancher", "{count} zu entscheiden"),
    "ui.overview.decided": _t("beslist door {name}", "tranché par {name}", "entschieden von {name}"),
    "ui.overview.start_title": _t(
        "Invoer starten of voortzetten", "Commencer ou poursuivre l'encodage", "Eingabe beginnen oder fortsetzen"
    ),
    "ui.overview.pile": _t("Stapel", "Pile", "Stapel"),
    "ui.overview.pass": _t("Invoer", "Encodage", "Eingabe"),
    "ui.overview.operator": _t("Uw naam", "Votre nom", "Ihr Name"),
    "ui.overview.hand_count": _t("Met de hand geteld", "Compté à la main", "Von Hand gezählt"),
    "ui.overview.hand_unknown": _t("nog niet", "pas encore", "noch nicht"),
    "ui.overview.start": _t("Start de invoer", "Commencer l'encodage", "Eingabe beginnen"),
    "ui.overview.differences": _t(
        "Verschillen beslissen ({count})", "Trancher les différences ({count})", "Abweichungen entscheiden ({count})"
    ),
    "ui.overview.close": _t("Invoer afsluiten", "Clôturer l'encodage", "Eingabe abschließen"),
    "ui.overview.close_armed": _t(
        "Nogmaals tikken: alle stapels zijn ingevoerd",
        "Toucher encore : toutes les piles sont encodées",
        "Erneut tippen: alle Stapel sind erfasst",
    ),
    "ui.overview.reopen": _t("Invoer heropenen", "Rouvrir l'encodage", "Eingabe wieder öffnen"),
    "ui.overview.reopen_armed": _t(
        "Nogmaals tikken om de invoer te heropenen",
        "Toucher encore pour rouvrir l'encodage",
        "Erneut tippen, um die Eingabe wieder zu öffnen",
    ),
    "ui.overview.reopened": _t(
        "De invoer is weer open. Voer de ontbrekende stapel in en sluit daarna opnieuw af.",
        "L'encodage est rouvert. Encodez la pile manquante, puis clôturez à nouveau.",
        "Die Eingabe ist wieder offen. Erfassen Sie den fehlenden Stapel und schließen Sie dann erneut ab.",
    ),
    "ui.overview.to_checks": _t("Naar de controles", "Vers les contrôles", "Zu den Kontrollen"),
    "ui.overview.record": _t("Gegevens van het bureau", "Données du bureau", "Angaben des Büros"),
    "ui.overview.discard": _t(
        "Weggooien: {pass_name} van stapel {pile}",
        "Supprimer : {pass_name} de la pile {pile}",
        "Verwerfen: {pass_name} von Stapel {pile}",
    ),
    "ui.discard_armed": _t(
        "Nogmaals tikken: {pass_name} van stapel {pile} ({count} stembiljetten) weggooien",
        "Toucher encore : supprimer le {pass_name} de la pile {pile} ({count} bulletins)",
        "Erneut tippen: {pass_name} von Stapel {pile} ({count} Stimmzettel) verwerfen",
    ),
    "ui.discarded": _t(
        "De {pass_name} van stapel {pile} is weggegooid. Neem de juiste stapel en start die invoer opnieuw.",
        "Le {pass_name} de la pile {pile} a été supprimé. Prenez la bonne pile et recommencez cet encodage.",
        "Die {pass_name} von Stapel {pile} wurde verworfen. Nehmen Sie den richtigen Stapel und beginnen Sie die "
        "Eingabe neu.",
    ),
    "ui.overview.pass_done": _t(
        "Stapel {pile}, {pass_name}: klaar en bewaard.",
        "Pile {pile}, {pass_name} : terminé et enregistré.",
        "Stapel {pile}, {pass_name}: fertig und gespeichert.",
    ),
    "ui.overview.member": _t("Wie voert in?", "Qui encode ?", "Wer gibt ein?"),
    "ui.overview.member_choose": _t(
        "kies uw naam of typ uw nummer",
        "choisissez votre nom ou tapez votre numéro",
        "Namen wählen oder Nummer tippen",
    ),
    "ui.overview.member_item": _t("{number} · {name}", "{number} · {name}", "{number} · {name}"),
    "ui.overview.no_members": _t(
        "De leden van het bureau zijn nog niet ingevuld. Een invoer wordt gestart door een lid: vul eerst de "
        "voorzitter, de secretaris en de bijzitters in.",
        "Les membres du bureau ne sont pas encore indiqués. Un encodage est commencé par un membre : indiquez "
        "d'abord le président, le secrétaire et les assesseurs.",
        "Die Mitglieder des Zählbürovorstands sind noch nicht eingetragen. Eine Eingabe beginnt ein Mitglied: "
        "Tragen Sie zuerst den Vorsitzenden, den Sekretär und die Beisitzer ein.",
    ),
    "ui.overview.to_record": _t(
        "Leden van het bureau invullen", "Indiquer les membres du bureau", "Mitglieder des Zählbürovorstands eintragen"
    ),
    "ui.overview.continue": _t("Invoer voortzetten", "Poursuivre l'encodage", "Eingabe fortsetzen"),
    "ui.overview.choose_member": _t(
        "Niets gestart: kies eerst wie invoert (uw naam bij de leden van het bureau, of typ uw nummer).",
        "Rien n'est commencé : choisissez d'abord qui encode (votre nom parmi les membres du bureau, ou tapez "
        "votre numéro).",
        "Nichts begonnen: Wählen Sie zuerst, wer eingibt (Ihren Namen unter den Mitgliedern des "
        "Zählbürovorstands, oder tippen Sie Ihre Nummer).",
    ),
    "ui.overview.hand_too_many": _t(
        "{counted} kan niet: een stapel telt ten hoogste {maximum} stembiljetten. Tel opnieuw of verdeel de stapel.",
        "{counted} n'est pas possible : une pile compte au plus {maximum} bulletins. Recomptez ou divisez la pile.",
        "{counted} ist nicht möglich: Ein Stapel hat höchstens {maximum} Stimmzettel. Zählen Sie erneut oder teilen "
        "Sie den Stapel.",
    ),
    # --- entry ---
    "ui.entry.title": _t(
        "Stapel {pile} · {pass_name} · {operator}",
        "Pile {pile} · {pass_name} · {operator}",
        "Stapel {pile} · {pass_name} · {operator}",
    ),
    "ui.entry.position": _t(
        "Stapel {pile} · stembiljet {position} van {total}",
        "Pile {pile} · bulletin {position} sur {total}",
        "Stapel {pile} · Stimmzettel {position} von {total}",
    ),
    "ui.entry.position_done": _t(
        "Stapel {pile} · {entered} van {total} ingevoerd",
        "Pile {pile} · {entered} sur {total} encodés",
        "Stapel {pile} · {entered} von {total} erfasst",
    ),
    "ui.entry.position_correcting": _t(
        "Stapel {pile} · verbetering van stembiljet {position}",
        "Pile {pile} · correction du bulletin {position}",
        "Stapel {pile} · Berichtigung von Stimmzettel {position}",
    ),
    "ui.entry.marks": _t("Aangekruiste vakjes", "Cases cochées", "Angekreuzte Felder"),
    "ui.entry.correct_label": _t("Verbeteren: nr.", "Corriger : n°", "Berichtigen: Nr."),
    "ui.entry.correct": _t("Openen (F5)", "Ouvrir (F5)", "Öffnen (F5)"),
    "ui.entry.correct_preview": _t("nu: {ballot}", "actuel : {ballot}", "jetzt: {ballot}"),
    "ui.entry.correcting_hint": _t(
        "Verbetering van stembiljet {position} (nu: {ballot}). Pas de vakjes aan; Enter bewaart, Esc annuleert.",
        "Correction du bulletin {position} (actuel : {ballot}). Modifiez les cases ; Entrée enregistre, Échap annule.",
        "Berichtigung von Stimmzettel {position} (jetzt: {ballot}). Ändern Sie die Felder; Eingabe speichert, "
        "Esc bricht ab.",
    ),
    "ui.entry.confirm_correction": _t(
        "Verbetering bewaren (Enter)", "Enregistrer la correction (Entrée)", "Berichtigung speichern (Eingabe)"
    ),
    "ui.entry.cancel_correction": _t(
        "Verbetering annuleren (Esc)", "Annuler la correction (Échap)", "Berichtigung abbrechen (Esc)"
    ),
    "ui.entry.corrected": _t(
        "Stembiljet {position} is verbeterd en bewaard.",
        "Le bulletin {position} est corrigé et enregistré.",
        "Stimmzettel {position} ist berichtigt und gespeichert.",
    ),
    "ui.entry.correction_cancelled": _t(
        "Niets veranderd. Ga verder met stembiljet {position}.",
        "Rien n'a changé. Continuez avec le bulletin {position}.",
        "Nichts geändert. Fahren Sie mit Stimmzettel {position} fort.",
    ),
    "ui.entry.discard": _t(
        "Verkeerde stapel? Invoer weggooien",
        "Mauvaise pile ? Supprimer l'encodage",
        "Falscher Stapel? Eingabe verwerfen",
    ),
    "ui.entry.placeholder": _t("bv. 8 T3 S1 of 8 H", "p. ex. 8 T3 S1 ou 8 H", "z. B. 8 T3 S1 oder 8 H"),
    "ui.entry.preview": _t(
        "Enter bevestigt: {ballot} → {verdict}",
        "Entrée confirme : {ballot} → {verdict}",
        "Eingabetaste bestätigt: {ballot} → {verdict}",
    ),
    "ui.entry.contested": _t("Betwist (F2)", "Contesté (F2)", "Beanstandet (F2)"),
    "ui.entry.invalid": _t("Ongeldig verklaard (F3)", "Déclaré nul (F3)", "Für ungültig erklärt (F3)"),
    "ui.entry.confirm": _t("Bevestigen (Enter)", "Confirmer (Entrée)", "Bestätigen (Eingabe)"),
    "ui.entry.undo": _t("Vorige ongedaan maken (F4)", "Annuler le précédent (F4)", "Vorigen rückgängig (F4)"),
    "ui.entry.finish": _t("Stapel afsluiten", "Clôturer la pile", "Stapel abschließen"),
    "ui.entry.finish_armed": _t(
        "Nogmaals tikken: stapel {pile} met {count} stembiljetten afsluiten",
        "Toucher encore : clôturer la pile {pile} avec {count} bulletins",
        "Erneut tippen: Stapel {pile} mit {count} Stimmzetteln abschließen",
    ),
    "ui.entry.back": _t("Terug naar het overzicht", "Retour à l'aperçu", "Zurück zur Übersicht"),
    "ui.entry.saved": _t(
        "Stembiljet {position} is bewaard.",
        "Le bulletin {position} est enregistré.",
        "Stimmzettel {position} ist gespeichert.",
    ),
    "ui.entry.undone": _t(
        "Stembiljet {position} is weggenomen. Voer het opnieuw in.",
        "Le bulletin {position} a été retiré. Encodez-le à nouveau.",
        "Stimmzettel {position} wurde entfernt. Erfassen Sie ihn erneut.",
    ),
    "ui.entry.last": _t(
        "Vorige (nr. {position}): {ballot}",
        "Précédent (n° {position}) : {ballot}",
        "Vorheriger (Nr. {position}): {ballot}",
    ),
    "ui.entry.all_entered": _t(
        "Alle {total} stembiljetten van de stapel zijn ingevoerd. Sluit de stapel af.",
        "Les {total} bulletins de la pile sont encodés. Clôturez la pile.",
        "Alle {total} Stimmzettel des Stapels sind erfasst. Schließen Sie den Stapel ab.",
    ),
    "ui.entry.bad_token": _t(
        "'{token}' is geen vakje. Typ een lijstnummer gevolgd door H, T<nummer> of S<nummer>.",
        "« {token} » n'est pas une case. Tapez un numéro de liste suivi de H, T<numéro> ou S<numéro>.",
        "„{token}“ ist kein Feld. Geben Sie eine Listennummer ein, gefolgt von H, T<Nummer> oder S<Nummer>.",
    ),
    "ui.entry.list_without_box": _t(
        "Bij lijst {list} ontbreekt het vakje. Typ H voor de lijststem of T/S met het kandidaatnummer.",
        "Il manque la case pour la liste {list}. Tapez H pour le vote en tête de liste ou T/S avec le numéro.",
        "Bei Liste {list} fehlt das Feld. Geben Sie H für die Listenstimme ein oder T/S mit der Nummer.",
    ),
    "ui.entry.box_without_list": _t(
        "Typ eerst het lijstnummer, dan {token}.",
        "Tapez d'abord le numéro de liste, puis {token}.",
        "Geben Sie zuerst die Listennummer ein, dann {token}.",
    ),
    "ui.entry.blank": _t("Blanco (F6)", "Blanc (F6)", "Weiß (F6)"),
    "ui.entry.preview_empty": _t(
        "Nog geen vakjes. Een blanco stembiljet: F6 (Blanco).",
        "Pas encore de cases. Un bulletin blanc : F6 (Blanc).",
        "Noch keine Felder. Ein weißer Stimmzettel: F6 (Weiß).",
    ),
    "ui.entry.empty_use_blank": _t(
        "Niets bewaard: het veld is leeg. Is het stembiljet blanco, druk dan F6 (Blanco).",
        "Rien n'est enregistré : le champ est vide. Si le bulletin est blanc, appuyez sur F6 (Blanc).",
        "Nichts gespeichert: Das Feld ist leer. Ist der Stimmzettel weiß, drücken Sie F6 (Weiß).",
    ),
    "ui.entry.blank_not_empty": _t(
        "Niets bewaard: een blanco stembiljet heeft geen aangekruiste vakjes en is niet ongeldig verklaard. Wis de "
        "vakjes (of zet 'ongeldig verklaard' uit), of bevestig met Enter wat er staat.",
        "Rien n'est enregistré : un bulletin blanc n'a pas de cases cochées et n'est pas déclaré nul. Effacez les "
        "cases (ou désactivez « déclaré nul »), ou confirmez avec Entrée ce qui est indiqué.",
        "Nichts gespeichert: Ein weißer Stimmzettel hat keine angekreuzten Felder und ist nicht für ungültig "
        "erklärt. Löschen Sie die Felder (oder schalten Sie „für ungültig erklärt“ aus), oder bestätigen Sie mit "
        "der Eingabetaste, was dasteht.",
    ),
    "ui.entry.reason_choose": _t("kies de reden", "choisissez le motif", "Grund wählen"),
    "ui.entry.reason_missing": _t(
        "Kies waarom het bureau dit stembiljet ongeldig verklaart; pas dan wordt het bewaard.",
        "Choisissez pourquoi le bureau déclare ce bulletin nul ; il ne sera enregistré qu'ensuite.",
        "Wählen Sie, warum das Büro diesen Stimmzettel für ungültig erklärt; erst dann wird er gespeichert.",
    ),
    "ui.entry.finish_armed_short": _t(
        "Nogmaals tikken: pas {count} van {total} ingevoerd — stapel {pile} toch afsluiten?",
        "Toucher encore : seulement {count} sur {total} encodés — clôturer quand même la pile {pile} ?",
        "Erneut tippen: erst {count} von {total} erfasst — Stapel {pile} trotzdem abschließen?",
    ),
    "ui.entry.finish_armed_over": _t(
        "Nogmaals tikken: {count} ingevoerd, maar {total} met de hand geteld — stapel {pile} toch afsluiten?",
        "Toucher encore : {count} encodés, mais {total} comptés à la main — clôturer quand même la pile {pile} ?",
        "Erneut tippen: {count} erfasst, aber {total} von Hand gezählt — Stapel {pile} trotzdem abschließen?",
    ),
    "ui.verdict.valid": _t("geldig, lijst {list}", "valable, liste {list}", "gültig, Liste {list}"),
    "ui.verdict.blank": _t("blanco", "blanc", "weiß"),
    "ui.verdict.invalid": _t("ongeldig", "nul", "ungültig"),
    "ui.ballot.blank": _t("blanco", "blanc", "weiß"),
    "ui.ballot.none": _t("(geen stembiljet)", "(pas de bulletin)", "(kein Stimmzettel)"),
    "ui.ballot.contested": _t("betwist", "contesté", "beanstandet"),
    "ui.ballot.invalid": _t("ongeldig verklaard: {reason}", "déclaré nul : {reason}", "für ungültig erklärt: {reason}"),
    "ui.reason.not-official": _t("geen officieel stembiljet", "bulletin non officiel", "kein amtlicher Stimmzettel"),
    "ui.reason.identifying-mark": _t("herkenningsteken", "signe distinctif", "Kennzeichen"),
    "ui.reason.altered": _t("beschadigd of gewijzigd", "altéré", "verändert"),
    "ui.reason.other": _t("andere reden", "autre motif", "anderer Grund"),
    "ui.grid.list_vote": _t("Lijststem", "Vote en tête", "Listenstimme"),
    "ui.grid.list": _t("Lijst {number}: {name}", "Liste {number} : {name}", "Liste {number}: {name}"),
    "ui.grid.titulars": _t("Kandidaat-titularissen", "Candidats titulaires", "Ordentliche Kandidaten"),
    "ui.grid.successors": _t("Kandidaat-opvolgers", "Candidats suppléants", "Ersatzkandidaten"),
    # --- differences ---
    "ui.diff.title": _t("Verschillen beslissen", "Trancher les différences", "Abweichungen entscheiden"),
    "ui.diff.intro": _t(
        "Neem het stembiljet uit de stapel, bekijk het, en kies wat er werkelijk op staat. "
        "Het bureau beslist; de beslissing komt in het proces-verbaal.",
        "Prenez le bulletin dans la pile, examinez-le et choisissez ce qu'il porte réellement. "
        "Le bureau tranche ; la décision figure au procès-verbal.",
        "Nehmen Sie den Stimmzettel aus dem Stapel, sehen Sie ihn an und wählen Sie, was wirklich darauf steht. "
        "Das Büro entscheidet; die Entscheidung steht im Protokoll.",
    ),
    "ui.diff.pile_item": _t(
        "Stapel {pile}: {count} te beslissen",
        "Pile {pile} : {count} à trancher",
        "Stapel {pile}: {count} zu entscheiden",
    ),
    "ui.diff.pile_title": _t("Stapel {pile}", "Pile {pile}", "Stapel {pile}"),
    "ui.diff.none_open": _t(
        "Er zijn geen verschillen meer te beslissen.",
        "Il n'y a plus de différences à trancher.",
        "Es sind keine Abweichungen mehr zu entscheiden.",
    ),
    "ui.diff.count": _t(
        "{pass_name}: {entered} stembiljetten, met de hand geteld: {counted}.",
        "{pass_name} : {entered} bulletins, comptés à la main : {counted}.",
        "{pass_name}: {entered} Stimmzettel, von Hand gezählt: {counted}.",
    ),
    "ui.diff.where": _t(
        "Stembiljet nr. {position_1} (eerste invoer) / nr. {position_2} (tweede invoer) van stapel {pile}",
        "Bulletin n° {position_1} (premier encodage) / n° {position_2} (second encodage) de la pile {pile}",
        "Stimmzettel Nr. {position_1} (erste Eingabe) / Nr. {position_2} (zweite Eingabe) von Stapel {pile}",
    ),
    "ui.diff.kind.changed": _t(
        "De twee invoeren verschillen.", "Les deux encodages diffèrent.", "Die beiden Eingaben weichen ab."
    ),
    "ui.diff.kind.only-in-first": _t(
        "Alleen in de eerste invoer: overgeslagen in de tweede, of twee keer ingevoerd in de eerste.",
        "Seulement dans le premier encodage : oublié dans le second, ou encodé deux fois dans le premier.",
        "Nur in der ersten Eingabe: in der zweiten übersprungen oder in der ersten doppelt erfasst.",
    ),
    "ui.diff.kind.only-in-second": _t(
        "Alleen in de tweede invoer: overgeslagen in de eerste, of twee keer ingevoerd in de tweede.",
        "Seulement dans le second encodage : oublié dans le premier, ou encodé deux fois dans le second.",
        "Nur in der zweiten Eingabe: in der ersten übersprungen oder in der zweiten doppelt erfasst.",
    ),
    "ui.diff.kind.contested": _t(
        "Betwist stembiljet: het bureau beslist of het geldig is.",
        "Bulletin contesté : le bureau décide s'il est valable.",
        "Beanstandeter Stimmzettel: Das Büro entscheidet, ob er gültig ist.",
    ),
    "ui.diff.kind.count-first": _t("Aantal verschilt.", "Le nombre diffère.", "Die Anzahl weicht ab."),
    "ui.diff.kind.count-second": _t("Aantal verschilt.", "Le nombre diffère.", "Die Anzahl weicht ab."),
    "ui.diff.repeated": _t(
        "Waarschijnlijk twee keer ingevoerd.", "Probablement encodé deux fois.", "Wahrscheinlich doppelt erfasst."
    ),
    "ui.diff.take_1": _t("Zoals eerste invoer", "Comme le premier encodage", "Wie erste Eingabe"),
    "ui.diff.take_2": _t("Zoals tweede invoer", "Comme le second encodage", "Wie zweite Eingabe"),
    "ui.diff.take_as_entered": _t("Zoals ingevoerd", "Comme encodé", "Wie erfasst"),
    "ui.diff.take_other": _t("Iets anders", "Autre chose", "Etwas anderes"),
    "ui.diff.no_ballot": _t("Geen stembiljet", "Pas de bulletin", "Kein Stimmzettel"),
    "ui.diff.add_ballot": _t("Nog een stembiljet", "Un bulletin de plus", "Noch ein Stimmzettel"),
    "ui.diff.other_placeholder": _t(
        "bv. 8 T3 S1 of 8 H; leeg = blanco",
        "p. ex. 8 T3 S1 ou 8 H ; vide = blanc",
        "z. B. 8 T3 S1 oder 8 H; leer = weiß",
    ),
    "ui.diff.other_none": _t(
        "Hier ligt geen stembiljet.", "Il n'y a pas de bulletin ici.", "Hier liegt kein Stimmzettel."
    ),
    "ui.diff.other_some": _t(
        "Hier: {count} stembiljet(ten): {ballots}",
        "Ici : {count} bulletin(s) : {ballots}",
        "Hier: {count} Stimmzettel: {ballots}",
    ),
    "ui.diff.verdict": _t(
        "Beslissing over het betwiste stembiljet",
        "Décision sur le bulletin contesté",
        "Entscheidung über den beanstandeten Stimmzettel",
    ),
    "ui.diff.verdict_valid": _t("geldig zoals aangekruist", "valable tel que coché", "gültig wie angekreuzt"),
    "ui.diff.verdict_invalid": _t("ongeldig: {reason}", "nul : {reason}", "ungültig: {reason}"),
    "ui.diff.outcome": _t(
        "Na deze keuzes telt de stapel {count} stembiljetten (met de hand geteld: {counted}).",
        "Après ces choix, la pile compte {count} bulletins (comptés à la main : {counted}).",
        "Nach dieser Wahl hat der Stapel {count} Stimmzettel (von Hand gezählt: {counted}).",
    ),
    "ui.diff.outcome_pending": _t(
        "Kies voor elk verschil wat er op het stembiljet staat.",
        "Choisissez pour chaque différence ce que porte le bulletin.",
        "Wählen Sie für jede Abweichung, was auf dem Stimmzettel steht.",
    ),
    "ui.diff.decided_by": _t("Beslist door", "Tranché par", "Entschieden von"),
    "ui.diff.note": _t("Toelichting", "Explication", "Erläuterung"),
    "ui.diff.decide": _t("Beslissing vastleggen", "Enregistrer la décision", "Entscheidung festhalten"),
    "ui.diff.decided": _t(
        "De beslissing over stapel {pile} is bewaard.",
        "La décision sur la pile {pile} est enregistrée.",
        "Die Entscheidung über Stapel {pile} ist gespeichert.",
    ),
    # a pile settled as a whole by the bureau: entered once (the other pass missing) or not at all
    "ui.diff.pile_once_item": _t(
        "Stapel {pile}: alleen {pass_name}",
        "Pile {pile} : seulement {pass_name}",
        "Stapel {pile}: nur {pass_name}",
    ),
    "ui.diff.pile_new_item": _t(
        "Een stapel die niet is ingevoerd",
        "Une pile qui n'a pas été encodée",
        "Ein Stapel, der nicht erfasst wurde",
    ),
    "ui.diff.settle_once": _t(
        "Alleen de {pass_name} is ingevoerd ({operator}, {entered} stembiljetten); de {other} ontbreekt. Het bureau kan "
        "de stapel nu zelf vaststellen: neem de stembiljetten een voor een, verbeter elke regel naar wat er "
        "werkelijk op staat, voeg ontbrekende stembiljetten in of verwijder er, en leg de beslissing vast.",
        "Seul le {pass_name} est encodé ({operator}, {entered} bulletins) ; le {other} manque. Le bureau peut arrêter "
        "la pile lui-même maintenant : prenez les bulletins un par un, corrigez chaque ligne selon ce que porte "
        "réellement le bulletin, insérez ou supprimez des bulletins, puis enregistrez la décision.",
        "Nur die {pass_name} ist erfasst ({operator}, {entered} Stimmzettel); die {other} fehlt. Das Büro kann den "
        "Stapel jetzt selbst festlegen: Nehmen Sie die Stimmzettel einzeln, berichtigen Sie jede Zeile nach dem, "
        "was wirklich darauf steht, fügen Sie Stimmzettel ein oder entfernen Sie welche, und halten Sie die "
        "Entscheidung fest.",
    ),
    "ui.diff.settle_new": _t(
        "Een stapel die niet is ingevoerd: geef het nummer van de stapel en typ elk stembiljet zoals het in de "
        "stapel ligt. De beslissing van het bureau is dan de inhoud van de stapel.",
        "Une pile qui n'a pas été encodée : indiquez le numéro de la pile et tapez chaque bulletin dans l'ordre "
        "de la pile. La décision du bureau est alors le contenu de la pile.",
        "Ein Stapel, der nicht erfasst wurde: Geben Sie die Nummer des Stapels an und tippen Sie jeden "
        "Stimmzettel in der Reihenfolge des Stapels. Die Entscheidung des Büros ist dann der Inhalt des Stapels.",
    ),
    "ui.diff.settle_number": _t("Nummer van de stapel", "Numéro de la pile", "Nummer des Stapels"),
    "ui.diff.settle_empty": _t(
        "Nog geen stembiljetten: tik op 'Nog een stembiljet'.",
        "Pas encore de bulletins : touchez « Un bulletin de plus ».",
        "Noch keine Stimmzettel: Tippen Sie auf „Noch ein Stimmzettel“.",
    ),
    "ui.diff.settle_contested": _t(
        "betwist: kies de beslissing",
        "contesté : choisissez la décision",
        "beanstandet: Entscheidung wählen",
    ),
    "ui.diff.settle_insert": _t("Ervoor invoegen", "Insérer avant", "Davor einfügen"),
    "ui.diff.pile_exists": _t(
        "Stapel {pile} is al ingevoerd. Kies die stapel in de lijst, of geef het nummer van de stapel die niet "
        "is ingevoerd.",
        "La pile {pile} est déjà encodée. Choisissez cette pile dans la liste, ou indiquez le numéro de la pile "
        "qui n'a pas été encodée.",
        "Stapel {pile} ist bereits erfasst. Wählen Sie diesen Stapel in der Liste, oder geben Sie die Nummer des "
        "Stapels an, der nicht erfasst wurde.",
    ),
    # --- checks ---
    "ui.checks.title": _t("Controles", "Contrôles", "Kontrollen"),
    "ui.checks.edit_record": _t(
        "Gegevens van het bureau invullen", "Compléter les données du bureau", "Angaben des Büros ausfüllen"
    ),
    "ui.checks.error": _t("fout", "erreur", "Fehler"),
    "ui.checks.warning": _t("waarschuwing", "avertissement", "Warnung"),
    "ui.checks.next_step": _t("Wat nu: {action}", "Que faire : {action}", "Was tun: {action}"),
    "ui.checks.blocks": _t(
        "Dit houdt de uitslag tegen tot het opgelost is.",
        "Ceci bloque le résultat jusqu'à sa résolution.",
        "Dies hält das Ergebnis auf, bis es behoben ist.",
    ),
    "ui.checks.needs_ack": _t(
        "Bevestig dat het bureau dit gezien heeft; het komt in het proces-verbaal.",
        "Confirmez que le bureau l'a vu ; cela figure au procès-verbal.",
        "Bestätigen Sie, dass das Büro dies gesehen hat; es steht im Protokoll.",
    ),
    "ui.checks.acknowledged": _t("Gezien door het bureau.", "Vu par le bureau.", "Vom Büro gesehen."),
    "ui.checks.acknowledge": _t("Gezien en aanvaard", "Vu et accepté", "Gesehen und akzeptiert"),
    "ui.checks.all_passed": _t(
        "Alle controles zijn in orde.", "Tous les contrôles sont en ordre.", "Alle Kontrollen sind in Ordnung."
    ),
    "ui.checks.all_acknowledged": _t(
        "Alle waarschuwingen zijn gezien. De uitslag kan vastgesteld worden.",
        "Tous les avertissements ont été vus. Le résultat peut être arrêté.",
        "Alle Warnungen wurden gesehen. Das Ergebnis kann festgestellt werden.",
    ),
    "ui.checks.errors": _t(
        "{count} fout(en) houden de uitslag tegen.",
        "{count} erreur(s) bloquent le résultat.",
        "{count} Fehler halten das Ergebnis auf.",
    ),
    "ui.checks.warnings": _t(
        "{count} waarschuwing(en) wachten op bevestiging.",
        "{count} avertissement(s) attendent une confirmation.",
        "{count} Warnung(en) warten auf Bestätigung.",
    ),
    "ui.checks.finalize": _t("Uitslag vaststellen", "Arrêter le résultat", "Ergebnis feststellen"),
    # --- result ---
    "ui.result.title": _t("Uitslag", "Résultat", "Ergebnis"),
    "ui.result.col.list": _t("Lijst", "Liste", "Liste"),
    "ui.result.col.name": _t("Naam", "Nom", "Name"),
    "ui.result.col.sc1": _t("SC1", "SC1", "SC1"),
    "ui.result.col.sc2": _t("SC2", "SC2", "SC2"),
    "ui.result.col.sc3": _t("SC3", "SC3", "SC3"),
    "ui.result.col.sc4": _t("SC4", "SC4", "SC4"),
    "ui.result.col.ce": _t("Stemcijfer", "Chiffre électoral", "Wahlziffer"),
    "ui.result.totals": _t(
        "Getelde stembiljetten: {counted}\nGeldig: {valid}\nBlanco of ongeldig: {blank_or_invalid} "
        "(blanco {blank}, ongeldig {invalid})",
        "Bulletins comptés : {counted}\nValables : {valid}\nBlancs ou nuls : {blank_or_invalid} "
        "(blancs {blank}, nuls {invalid})",
        "Gezählte Stimmzettel: {counted}\nGültig: {valid}\nWeiß oder ungültig: {blank_or_invalid} "
        "(weiß {blank}, ungültig {invalid})",
    ),
    "ui.result.write": _t("Naar de stick schrijven", "Écrire sur la clé", "Auf den Stick schreiben"),
    "ui.result.write_again": _t(
        "Opnieuw schrijven (andere stick)", "Écrire à nouveau (autre clé)", "Erneut schreiben (anderer Stick)"
    ),
    "ui.result.retry": _t("Opnieuw proberen", "Réessayer", "Erneut versuchen"),
    "ui.result.control_number": _t(
        "Controlegetal: schrijf het over op het papieren formulier",
        "Nombre de contrôle : recopiez-le sur le formulaire papier",
        "Kontrollzahl: auf das Papierformular übertragen",
    ),
    "ui.result.hash": _t(
        "Hash van de bestanden: {sha256}", "Empreinte des fichiers : {sha256}", "Hashwert der Dateien: {sha256}"
    ),
    "ui.result.remove_stick": _t(
        "De uitslag is geschreven en nagelezen. U mag de stick nu verwijderen.",
        "Le résultat est écrit et vérifié. Vous pouvez retirer la clé.",
        "Das Ergebnis ist geschrieben und geprüft. Sie dürfen den Stick jetzt entfernen.",
    ),
    # --- the bureau's record ---
    "ui.bureau.title": _t("Gegevens van het bureau", "Données du bureau", "Angaben des Büros"),
    "ui.bureau.intro": _t(
        "Vul in van welke stembureaus het stemopnemingsbureau stembiljetten ontving, en wie het bureau vormt. "
        "De controles en het proces-verbaal gebruiken deze gegevens; na 'Bewaren' blijven ze bewaard, ook na een "
        "herstart.",
        "Indiquez de quels bureaux de vote le bureau de dépouillement a reçu des bulletins, et qui compose le bureau. "
        "Les contrôles et le procès-verbal utilisent ces données ; après « Enregistrer », elles sont conservées, "
        "même après un redémarrage.",
        "Geben Sie an, von welchen Wahlbüros das Zählbüro Stimmzettel erhalten hat und wer das Büro bildet. "
        "Die Kontrollen und das Protokoll verwenden diese Angaben; nach „Speichern“ bleiben sie erhalten, auch nach "
        "einem Neustart.",
    ),
    "ui.bureau.stations": _t(
        "Ontvangen stembiljetten per stembureau",
        "Bulletins reçus par bureau de vote",
        "Erhaltene Stimmzettel je Wahlbüro",
    ),
    "ui.bureau.col.name": _t("Stembureau", "Bureau de vote", "Wahlbüro"),
    "ui.bureau.col.per_pv": _t("Volgens zijn proces-verbaal", "Selon son procès-verbal", "Laut seinem Protokoll"),
    "ui.bureau.col.counted": _t("Geteld bij ontvangst", "Comptés à la réception", "Beim Empfang gezählt"),
    "ui.bureau.name_placeholder": _t("bv. stembureau 12A", "p. ex. bureau de vote 12A", "z. B. Wahlbüro 12A"),
    "ui.bureau.add": _t("Stembureau toevoegen", "Ajouter un bureau de vote", "Wahlbüro hinzufügen"),
    "ui.bureau.remove": _t("Verwijderen", "Supprimer", "Entfernen"),
    "ui.bureau.totals": _t(
        "Samen: {per_pv} volgens de processen-verbaal · {counted} geteld bij ontvangst",
        "Total : {per_pv} selon les procès-verbaux · {counted} comptés à la réception",
        "Zusammen: {per_pv} laut den Protokollen · {counted} beim Empfang gezählt",
    ),
    "ui.bureau.members": _t("Samenstelling van het bureau", "Composition du bureau", "Zusammensetzung des Büros"),
    "ui.bureau.canton": _t("Kieskanton", "Canton électoral", "Wahlkanton"),
    "ui.bureau.president": _t("Voorzitter", "Président", "Vorsitzender"),
    "ui.bureau.secretary": _t("Secretaris", "Secrétaire", "Sekretär"),
    "ui.bureau.assessors": _t("Bijzitters", "Assesseurs", "Beisitzer"),
    "ui.bureau.witnesses": _t("Getuigen", "Témoins", "Zeugen"),
    "ui.bureau.remarks": _t("Opmerkingen", "Remarques", "Bemerkungen"),
    "ui.bureau.save": _t("Bewaren", "Enregistrer", "Speichern"),
    "ui.bureau.back_armed": _t(
        "Nogmaals tikken: terug zonder bewaren",
        "Toucher encore : retour sans enregistrer",
        "Erneut tippen: zurück ohne Speichern",
    ),
    "ui.bureau.unsaved": _t(
        "De wijzigingen zijn nog niet bewaard. Tik op 'Bewaren', of nogmaals op 'Terug' om ze te laten vallen.",
        "Les modifications ne sont pas encore enregistrées. Touchez « Enregistrer », ou encore « Retour » pour "
        "les abandonner.",
        "Die Änderungen sind noch nicht gespeichert. Tippen Sie auf „Speichern“ oder erneut auf „Zurück“, um sie zu "
        "verwerfen.",
    ),
    "ui.bureau.saved": _t(
        "De gegevens van het bureau zijn bewaard.",
        "Les données du bureau sont enregistrées.",
        "Die Angaben des Büros sind gespeichert.",
    ),
    "ui.bureau.bad_per_pv": _t(
        "Stembureau op rij {row}: '{value}' is geen aantal stembiljetten volgens het proces-verbaal. "
        "Typ een geheel getal van 0 tot {maximum}.",
        "Bureau de vote de la ligne {row} : « {value} » n'est pas un nombre de bulletins selon le procès-verbal. "
        "Tapez un nombre entier de 0 à {maximum}.",
        "Wahlbüro in Zeile {row}: „{value}“ ist keine Zahl von Stimmzetteln laut Protokoll. "
        "Geben Sie eine ganze Zahl von 0 bis {maximum} ein.",
    ),
    "ui.bureau.bad_counted": _t(
        "Stembureau op rij {row}: '{value}' is geen aantal stembiljetten geteld bij ontvangst. "
        "Typ een geheel getal van 0 tot {maximum}, of laat het vakje leeg.",
        "Bureau de vote de la ligne {row} : « {value} » n'est pas un nombre de bulletins comptés à la réception. "
        "Tapez un nombre entier de 0 à {maximum}, ou laissez la case vide.",
        "Wahlbüro in Zeile {row}: „{value}“ ist keine Zahl von beim Empfang gezählten Stimmzetteln. "
        "Geben Sie eine ganze Zahl von 0 bis {maximum} ein oder lassen Sie das Feld leer.",
    ),
    "ui.bureau.name_missing": _t(
        "Stembureau op rij {row}: typ de naam of het nummer van het stembureau, of verwijder de rij.",
        "Bureau de vote de la ligne {row} : tapez le nom ou le numéro du bureau de vote, ou supprimez la ligne.",
        "Wahlbüro in Zeile {row}: Geben Sie Name oder Nummer des Wahlbüros ein oder entfernen Sie die Zeile.",
    ),
    "ui.bureau.per_pv_missing": _t(
        "Stembureau {station} (rij {row}): typ het aantal stembiljetten dat zijn proces-verbaal vermeldt.",
        "Bureau de vote {station} (ligne {row}) : tapez le nombre de bulletins mentionné dans son procès-verbal.",
        "Wahlbüro {station} (Zeile {row}): Geben Sie die Zahl der Stimmzettel laut seinem Protokoll ein.",
    ),
    "ui.bureau.station_twice": _t(
        "Stembureau {station} staat twee keer in de lijst (rij {row}). Tel de aantallen samen in één rij en "
        "verwijder de andere.",
        "Le bureau de vote {station} figure deux fois dans la liste (ligne {row}). Additionnez les nombres sur une "
        "ligne et supprimez l'autre.",
        "Wahlbüro {station} steht zweimal in der Liste (Zeile {row}). Zählen Sie die Zahlen in einer Zeile zusammen "
        "und entfernen Sie die andere.",
    ),
    "ui.bureau.assessor_too_long": _t(
        "Bijzitters, regel {line}: te lang (ten hoogste {maximum} tekens). Zet één naam per regel.",
        "Assesseurs, ligne {line} : trop long ({maximum} caractères au plus). Mettez un nom par ligne.",
        "Beisitzer, Zeile {line}: zu lang (höchstens {maximum} Zeichen). Schreiben Sie einen Namen pro Zeile.",
    ),
    "ui.bureau.witness_too_long": _t(
        "Getuigen, regel {line}: te lang (ten hoogste {maximum} tekens). Zet één naam per regel.",
        "Témoins, ligne {line} : trop long ({maximum} caractères au plus). Mettez un nom par ligne.",
        "Zeugen, Zeile {line}: zu lang (höchstens {maximum} Zeichen). Schreiben Sie einen Namen pro Zeile.",
    ),
    "ui.bureau.remark_too_long": _t(
        "Opmerkingen, regel {line}: te lang (ten hoogste {maximum} tekens). Verdeel de opmerking over meer regels.",
        "Remarques, ligne {line} : trop long ({maximum} caractères au plus). Répartissez la remarque sur plusieurs "
        "lignes.",
        "Bemerkungen, Zeile {line}: zu lang (höchstens {maximum} Zeichen). Verteilen Sie die Bemerkung auf mehrere "
        "Zeilen.",
    ),
    "ui.bureau.summary_stations": _t(
        "Ontvangen volgens de processen-verbaal: {received} stembiljetten van {stations} stembureau(s).",
        "Reçus selon les procès-verbaux : {received} bulletins de {stations} bureau(x) de vote.",
        "Erhalten laut den Protokollen: {received} Stimmzettel von {stations} Wahlbüro(s).",
    ),
    "ui.bureau.summary_total": _t(
        "Ontvangen stembiljetten: {received}.", "Bulletins reçus : {received}.", "Erhaltene Stimmzettel: {received}."
    ),
    "ui.bureau.summary_president": _t("Voorzitter: {name}.", "Président : {name}.", "Vorsitzender: {name}."),
    "ui.bureau.summary_missing": _t(
        "De ontvangen stembiljetten per stembureau zijn nog niet ingevuld, dus de getelde stembiljetten kunnen er "
        "niet mee vergeleken worden. Vul ze in bij 'Gegevens van het bureau'.",
        "Les bulletins reçus par bureau de vote ne sont pas encore indiqués : les bulletins comptés ne peuvent pas "
        "y être comparés. Complétez-les dans « Données du bureau ».",
        "Die erhaltenen Stimmzettel je Wahlbüro sind noch nicht eingetragen, daher können die gezählten Stimmzettel "
        "nicht damit verglichen werden. Tragen Sie sie unter „Angaben des Büros“ ein.",
    ),
    # --- review before the result is fixed, result writing and printing, witness screen (issue 8) ---
    "ui.review.title": _t(
        "Nazicht vóór de uitslag wordt vastgesteld",
        "Vérification avant d'arrêter le résultat",
        "Prüfung, bevor das Ergebnis festgestellt wird",
    ),
    "ui.review.open": _t("Uitslag nazien en vaststellen", "Vérifier et arrêter le résultat", "Ergebnis prüfen und feststellen"),
    "ui.review.intro": _t(
        "Overloop dit samen met het bureau: de uitslag per lijst, de stemmen van elke kandidaat, de controles en de samenstelling van het bureau. Zo komt het in het proces-verbaal. Na het vaststellen kan niets meer veranderen.",
        "Parcourez ceci avec le bureau : le résultat par liste, les voix de chaque candidat, les contrôles et la composition du bureau. C'est ce que reprendra le procès-verbal. Une fois le résultat arrêté, plus rien ne peut changer.",
        "Gehen Sie dies mit dem Zählbürovorstand durch: das Ergebnis je Liste, die Stimmen jedes Kandidaten, die Kontrollen und die Zusammensetzung des Zählbüros. So steht es im Protokoll. Nach der Feststellung kann nichts mehr geändert werden.",
    ),
    "ui.review.totals": _t(
        "Getelde stembiljetten: {counted} · geldig: {valid} · blanco of ongeldig: {blank_or_invalid} (blanco {blank}, ongeldig {invalid})",
        "Bulletins comptés : {counted} · valables : {valid} · blancs ou nuls : {blank_or_invalid} (blancs {blank}, nuls {invalid})",
        "Gezählte Stimmzettel: {counted} · gültig: {valid} · weiß oder ungültig: {blank_or_invalid} (weiß {blank}, ungültig {invalid})",
    ),
    "ui.review.lists": _t("Uitslag per lijst", "Résultat par liste", "Ergebnis je Liste"),
    "ui.review.candidates": _t("Stemmen per kandidaat", "Voix par candidat", "Stimmen je Kandidat"),
    "ui.review.record": _t("Samenstelling van het bureau", "Composition du bureau", "Zusammensetzung des Zählbüros"),
    "ui.review.checks": _t("Controles", "Contrôles", "Kontrollen"),
    "ui.review.col.sc1": _t("SC1", "SC1", "SC1"),
    "ui.review.col.sc2": _t("SC2", "SC2", "SC2"),
    "ui.review.col.sc3": _t("SC3", "SC3", "SC3"),
    "ui.review.col.sc4": _t("SC4", "SC4", "SC4"),
    "ui.review.col.ce": _t("Stem-\ncijfer", "Chiffre\nélectoral", "Wahl-\nziffer"),
    "ui.review.col.titulars": _t("ΣT", "ΣT", "ΣT"),
    "ui.review.col.successors": _t("ΣS", "ΣS", "ΣS"),
    "ui.review.legend": _t(
        "SC1: enkel lijststem · SC2: enkel kandidaat-titularissen · SC3: kandidaat-titularissen en kandidaat-opvolgers · SC4: enkel kandidaat-opvolgers · ΣT: totaal van de stemmen voor de kandidaat-titularissen · ΣS: totaal van de stemmen voor de kandidaat-opvolgers",
        "SC1 : vote en tête de liste uniquement · SC2 : candidats titulaires uniquement · SC3 : candidats titulaires et suppléants · SC4 : candidats suppléants uniquement · ΣT : total des votes pour les candidats titulaires · ΣS : total des votes pour les candidats suppléants",
        "SC1: nur Listenstimme · SC2: nur ordentliche Kandidaten · SC3: ordentliche und Ersatzkandidaten · SC4: nur Ersatzkandidaten · ΣT: Gesamtzahl der Stimmen für die ordentlichen Kandidaten · ΣS: Gesamtzahl der Stimmen für die Ersatzkandidaten",
    ),
    "ui.review.legend.without_successors": _t(
        "SC1: enkel lijststem · SC2: enkel kandidaat-titularissen · ΣT: totaal van de stemmen voor de kandidaat-titularissen (deze verkiezing heeft geen opvolgers)",
        "SC1 : vote en tête de liste uniquement · SC2 : candidats titulaires uniquement · ΣT : total des votes pour les candidats titulaires (cette élection n'a pas de suppléants)",
        "SC1: nur Listenstimme · SC2: nur ordentliche Kandidaten · ΣT: Gesamtzahl der Stimmen für die ordentlichen Kandidaten (diese Wahl hat keine Ersatzkandidaten)",
    ),
    "ui.review.go_to": _t("Naar", "Aller à", "Gehe zu"),
    "ui.review.list_head": _t(
        "Lijst {number}: {name} — stemcijfer {ce}",
        "Liste {number} : {name} — chiffre électoral {ce}",
        "Liste {number}: {name} — Wahlziffer {ce}",
    ),
    "ui.review.missing": _t("ontbreekt", "manquant", "fehlt"),
    "ui.review.none": _t("geen", "aucun", "keine"),
    "ui.review.received": _t("Ontvangen stembiljetten", "Bulletins reçus", "Erhaltene Stimmzettel"),
    "ui.review.received_from": _t(
        "{received} van {stations} stembureau(s)", "{received} de {stations} bureau(x) de vote", "{received} aus {stations} Wahlbüro(s)"
    ),
    "ui.review.role.president": _t("de voorzitter", "le président", "der Vorsitzende"),
    "ui.review.role.secretary": _t("de secretaris", "le secrétaire", "der Sekretär"),
    "ui.review.role.assessor": _t("minstens één bijzitter", "au moins un assesseur", "mindestens ein Beisitzer"),
    "ui.review.record_missing": _t(
        "Vóór de uitslag vastgesteld wordt, ontbreekt nog: {roles}. Vul ze in bij 'Gegevens van het bureau'.",
        "Avant d'arrêter le résultat, il manque encore : {roles}. Complétez-les dans « Données du bureau ».",
        "Bevor das Ergebnis festgestellt wird, fehlt noch: {roles}. Tragen Sie sie unter „Angaben des Büros“ ein.",
    ),
    "ui.review.assessors_by_hand": _t(
        "Het proces-verbaal laat {lines} lege regel(s) voor bijzitters, in te vullen met de hand bij de handtekeningen.",
        "Le procès-verbal laisse {lines} ligne(s) vide(s) pour des assesseurs, à compléter à la main près des signatures.",
        "Das Protokoll lässt {lines} leere Zeile(n) für Beisitzer, die bei den Unterschriften von Hand auszufüllen sind.",
    ),
    "ui.review.reviewed": _t(
        "Het bureau heeft dit alles nagekeken (voorzitter: {name})",
        "Le bureau a vérifié tout ceci (président : {name})",
        "Der Zählbürovorstand hat all dies geprüft (Vorsitzender: {name})",
    ),
    "ui.review.finalize_armed": _t(
        "Nogmaals tikken: uitslag definitief vaststellen",
        "Touchez encore : arrêter définitivement le résultat",
        "Noch einmal tippen: Ergebnis endgültig feststellen",
    ),
    "ui.review.final_note": _t(
        "De voorzitter vinkt het nazicht aan en tikt twee keer op 'Uitslag vaststellen'. Daarna schrijft u de uitslag op de stick.",
        "Le président coche la vérification et touche deux fois « Arrêter le résultat ». Ensuite, vous écrivez le résultat sur la clé.",
        "Der Vorsitzende hakt die Prüfung ab und tippt zweimal auf „Ergebnis feststellen“. Danach schreiben Sie das Ergebnis auf den Stick.",
    ),
    "ui.review.blocked": _t(
        "Een fout of een waarschuwing die nog niet gezien is, houdt de uitslag tegen. Ga terug naar de controles.",
        "Une erreur ou un avertissement pas encore vu bloque le résultat. Retournez aux contrôles.",
        "Ein Fehler oder eine noch nicht gesehene Warnung hält das Ergebnis auf. Gehen Sie zurück zu den Kontrollen.",
    ),
    "ui.review.back": _t("Terug naar de controles", "Retour aux contrôles", "Zurück zu den Kontrollen"),
    "ui.result.spare": _t(
        "Op een lege reservestick schrijven", "Écrire sur une clé de réserve vide", "Auf einen leeren Ersatzstick schreiben"
    ),
    "ui.result.no_spare": _t(
        "Er is geen lege stick gevonden. Steek een lege stick (FAT32 of exFAT) in, wacht even en tik opnieuw op 'Op een lege reservestick schrijven'. Er is niets verloren.",
        "Aucune clé vide n'a été trouvée. Insérez une clé vide (FAT32 ou exFAT), patientez un instant et touchez à nouveau « Écrire sur une clé de réserve vide ». Rien n'est perdu.",
        "Es wurde kein leerer Stick gefunden. Stecken Sie einen leeren Stick (FAT32 oder exFAT) ein, warten Sie kurz und tippen Sie erneut auf „Auf einen leeren Ersatzstick schreiben“. Nichts geht verloren.",
    ),
    "ui.result.spare_written": _t(
        "De uitslag is geschreven en nagelezen op de reservestick, in {folder}, met het basiscertificaat {root} ernaast. U mag de stick nu verwijderen.",
        "Le résultat est écrit et vérifié sur la clé de réserve, dans {folder}, avec le certificat racine {root} à côté. Vous pouvez retirer la clé.",
        "Das Ergebnis ist auf dem Ersatzstick geschrieben und geprüft, in {folder}, mit dem Stammzertifikat {root} daneben. Sie dürfen den Stick jetzt entfernen.",
    ),
    "ui.result.spare_written_no_root": _t(
        "De uitslag is geschreven en nagelezen op de reservestick, in {folder}. Het basiscertificaat kon er niet bij: het kantonhoofdbureau controleert met zijn eigen exemplaar. U mag de stick verwijderen.",
        "Le résultat est écrit et vérifié sur la clé de réserve, dans {folder}. Le certificat racine n'a pas pu y être ajouté : le bureau principal de canton vérifie avec son propre exemplaire. Vous pouvez retirer la clé.",
        "Das Ergebnis ist auf dem Ersatzstick geschrieben und geprüft, in {folder}. Das Stammzertifikat konnte nicht dazugelegt werden: Das Kantonhauptwahlbüro prüft mit seinem eigenen Exemplar. Sie dürfen den Stick entfernen.",
    ),
    "ui.help.print_copies": _t(
        "Hoeveel exemplaren van het ondertekende proces-verbaal de printer maakt (bv. één voor de handtekeningen, één voor het kantonhoofdbureau).",
        "Le nombre d'exemplaires du procès-verbal signé à imprimer (p. ex. un pour les signatures, un pour le bureau principal de canton).",
        "Wie viele Exemplare des signierten Protokolls gedruckt werden (z. B. eines für die Unterschriften, eines für das Kantonhauptwahlbüro).",
    ),
    "ui.print.title": _t("Proces-verbaal afdrukken", "Imprimer le procès-verbal", "Protokoll drucken"),
    "ui.print.copies": _t("Exemplaren", "Exemplaires", "Exemplare"),
    "ui.print.print": _t("Afdrukken", "Imprimer", "Drucken"),
    "ui.print.write_first": _t(
        "Schrijf eerst de uitslag op de stick: het proces-verbaal wordt afgedrukt zoals het ondertekend op de stick staat.",
        "Écrivez d'abord le résultat sur la clé : le procès-verbal est imprimé tel qu'il figure, signé, sur la clé.",
        "Schreiben Sie zuerst das Ergebnis auf den Stick: Das Protokoll wird so gedruckt, wie es signiert auf dem Stick steht.",
    ),
    "ui.print.sending": _t(
        "{copies} exemplaar/exemplaren worden naar de printer gestuurd…",
        "Envoi de {copies} exemplaire(s) à l'imprimante…",
        "{copies} Exemplar(e) werden an den Drucker gesendet …",
    ),
    "ui.print.sent": _t(
        "{copies} exemplaar/exemplaren staan klaar bij de printer.",
        "{copies} exemplaire(s) en attente à l'imprimante.",
        "{copies} Exemplar(e) warten am Drucker.",
    ),
    "ui.print.printing": _t(
        "De printer drukt {copies} exemplaar/exemplaren af.",
        "L'imprimante imprime {copies} exemplaire(s).",
        "Der Drucker druckt {copies} Exemplar(e).",
    ),
    "ui.print.done": _t(
        "{copies} exemplaar/exemplaren van het proces-verbaal zijn afgedrukt.",
        "{copies} exemplaire(s) du procès-verbal ont été imprimés.",
        "{copies} Exemplar(e) des Protokolls wurden gedruckt.",
    ),
    "ui.print.gone": _t(
        "De printer heeft het proces-verbaal niet afgedrukt (afgebroken of printer losgekoppeld). Controleer de printer en tik opnieuw op 'Afdrukken'. De uitslag op de stick blijft ongewijzigd.",
        "L'imprimante n'a pas imprimé le procès-verbal (annulé ou imprimante débranchée). Vérifiez l'imprimante et touchez à nouveau « Imprimer ». Le résultat sur la clé reste inchangé.",
        "Der Drucker hat das Protokoll nicht gedruckt (abgebrochen oder Drucker getrennt). Prüfen Sie den Drucker und tippen Sie erneut auf „Drucken“. Das Ergebnis auf dem Stick bleibt unverändert.",
    ),
    "ui.print.stopped.jam": _t(
        "Papierstoring in de printer. Verwijder het vastgelopen papier: het afdrukken gaat daarna vanzelf verder. De uitslag op de stick blijft ongewijzigd.",
        "Bourrage papier dans l'imprimante. Retirez le papier coincé : l'impression reprend ensuite d'elle-même. Le résultat sur la clé reste inchangé.",
        "Papierstau im Drucker. Entfernen Sie das gestaute Papier: Der Druck geht danach von selbst weiter. Das Ergebnis auf dem Stick bleibt unverändert.",
    ),
    "ui.print.stopped.paper": _t(
        "De printer heeft geen papier meer. Leg papier in: het afdrukken gaat daarna vanzelf verder. De uitslag op de stick blijft ongewijzigd.",
        "L'imprimante n'a plus de papier. Ajoutez du papier : l'impression reprend ensuite d'elle-même. Le résultat sur la clé reste inchangé.",
        "Der Drucker hat kein Papier mehr. Legen Sie Papier ein: Der Druck geht danach von selbst weiter. Das Ergebnis auf dem Stick bleibt unverändert.",
    ),
    "ui.print.stopped.other": _t(
        "De printer is gestopt. Controleer of hij aanstaat en aangesloten is; lukt het niet, bel de helpdesk. De uitslag op de stick blijft ongewijzigd.",
        "L'imprimante s'est arrêtée. Vérifiez qu'elle est allumée et branchée ; sinon, appelez le helpdesk. Le résultat sur la clé reste inchangé.",
        "Der Drucker hat angehalten. Prüfen Sie, ob er eingeschaltet und angeschlossen ist; sonst rufen Sie den Helpdesk an. Das Ergebnis auf dem Stick bleibt unverändert.",
    ),
    "ui.print.left": _t(
        "Het proces-verbaal staat nog bij de printer. Kijk bij de printer of het afgedrukt wordt.",
        "Le procès-verbal est toujours en attente à l'imprimante. Vérifiez à l'imprimante qu'il s'imprime.",
        "Das Protokoll wartet noch am Drucker. Sehen Sie am Drucker nach, ob es gedruckt wird.",
    ),
    "ui.print.failed": _t(
        "Afdrukken lukte niet. De uitslag op de stick blijft ongewijzigd. Bel de helpdesk als het opnieuw misloopt.",
        "L'impression a échoué. Le résultat sur la clé reste inchangé. Appelez le helpdesk si cela se reproduit.",
        "Das Drucken ist fehlgeschlagen. Das Ergebnis auf dem Stick bleibt unverändert. Rufen Sie den Helpdesk an, wenn es wieder misslingt.",
    ),
    "ui.print.stick_untouched": _t(
        "De uitslag op de stick blijft ongewijzigd.",
        "Le résultat sur la clé reste inchangé.",
        "Das Ergebnis auf dem Stick bleibt unverändert.",
    ),
    "printer.none": _t(
        "Er is geen printer aangesloten. Sluit de printer aan met de USB-kabel, zet hem aan en tik opnieuw op 'Afdrukken'.",
        "Aucune imprimante n'est connectée. Branchez l'imprimante avec le câble USB, allumez-la et touchez à nouveau « Imprimer ».",
        "Es ist kein Drucker angeschlossen. Schließen Sie den Drucker mit dem USB-Kabel an, schalten Sie ihn ein und tippen Sie erneut auf „Drucken“.",
    ),
    "printer.no_cups": _t(
        "Dit toestel kan niet afdrukken (de printerdienst ontbreekt).",
        "Cet appareil ne peut pas imprimer (le service d'impression manque).",
        "Dieses Gerät kann nicht drucken (der Druckdienst fehlt).",
    ),
    "printer.not_answering": _t(
        "De printerdienst antwoordt niet. Wacht even en tik opnieuw op 'Afdrukken'.",
        "Le service d'impression ne répond pas. Patientez un instant et touchez à nouveau « Imprimer ».",
        "Der Druckdienst antwortet nicht. Warten Sie kurz und tippen Sie erneut auf „Drucken“.",
    ),
    "printer.refused": _t(
        "De printer weigerde het proces-verbaal. Controleer de printer en tik opnieuw op 'Afdrukken'.",
        "L'imprimante a refusé le procès-verbal. Vérifiez l'imprimante et touchez à nouveau « Imprimer ».",
        "Der Drucker hat das Protokoll abgelehnt. Prüfen Sie den Drucker und tippen Sie erneut auf „Drucken“.",
    ),
    "printer.file_missing": _t(
        "Het proces-verbaal is niet te lezen op de stick. Steek de stick met de uitslag opnieuw in en tik opnieuw op 'Afdrukken'.",
        "Le procès-verbal est illisible sur la clé. Réinsérez la clé contenant le résultat et touchez à nouveau « Imprimer ».",
        "Das Protokoll ist auf dem Stick nicht lesbar. Stecken Sie den Stick mit dem Ergebnis wieder ein und tippen Sie erneut auf „Drucken“.",
    ),
    "printer.bad_copies": _t(
        "Kies 1 tot {maximum} exemplaren (niet {copies}).",
        "Choisissez de 1 à {maximum} exemplaires (pas {copies}).",
        "Wählen Sie 1 bis {maximum} Exemplare (nicht {copies}).",
    ),
    "spare.root_missing": _t(
        "Het basiscertificaat van dit toestel ontbreekt, dus het kon niet op de reservestick.",
        "Le certificat racine de cet appareil est absent : il n'a pas pu être copié sur la clé de réserve.",
        "Das Stammzertifikat dieses Geräts fehlt, daher konnte es nicht auf den Ersatzstick kopiert werden.",
    ),
    "spare.root_failed": _t(
        "Het basiscertificaat kon niet op de reservestick geschreven worden.",
        "Le certificat racine n'a pas pu être écrit sur la clé de réserve.",
        "Das Stammzertifikat konnte nicht auf den Ersatzstick geschrieben werden.",
    ),
    "ui.witness.title": _t(
        "Stemopneming · scherm voor de getuigen", "Dépouillement · écran des témoins", "Stimmenzählung · Anzeige für die Zeugen"
    ),
    "ui.witness.note": _t(
        "Dit scherm toont alleen hoever de telling staat. Wat een lid aan het invoeren is, verschijnt hier nooit.",
        "Cet écran montre seulement où en est le dépouillement. Ce qu'un membre est en train d'encoder n'y apparaît jamais.",
        "Diese Anzeige zeigt nur, wie weit die Zählung ist. Was ein Mitglied gerade eingibt, erscheint hier nie.",
    ),
    "ui.witness.waiting": _t(
        "Het stemopnemingsbureau is nog niet aangemeld.",
        "Le bureau de dépouillement n'est pas encore connecté.",
        "Das Zählbüro ist noch nicht angemeldet.",
    ),
    "ui.witness.president": _t("· voorzitter {name}", "· président {name}", "· Vorsitzender {name}"),
    "ui.witness.phase": _t("Stand: {phase}", "État : {phase}", "Stand: {phase}"),
    "ui.witness.done": _t(
        "Stapels klaar: eerste invoer {first} van {total} · tweede invoer {second} van {total}",
        "Piles terminées : premier encodage {first} sur {total} · second encodage {second} sur {total}",
        "Fertige Stapel: erste Eingabe {first} von {total} · zweite Eingabe {second} von {total}",
    ),
    "ui.witness.open": _t(
        "Verschillen die het bureau nog moet beslissen: {count}",
        "Différences que le bureau doit encore trancher : {count}",
        "Abweichungen, über die der Zählbürovorstand noch entscheiden muss: {count}",
    ),
    "ui.witness.none_open": _t(
        "Geen verschillen open.", "Aucune différence en suspens.", "Keine offenen Abweichungen."
    ),
    "ui.witness.pile": _t("Stapel {pile}", "Pile {pile}", "Stapel {pile}"),
    "ui.witness.pass_done": _t(
        "{pass_name}: klaar ({ballots})", "{pass_name} : terminé ({ballots})", "{pass_name}: fertig ({ballots})"
    ),
    "ui.witness.pass_busy": _t("{pass_name}: bezig", "{pass_name} : en cours", "{pass_name}: läuft"),
    "ui.witness.pass_finished": _t("{pass_name}: klaar", "{pass_name} : terminé", "{pass_name}: fertig"),
    "ui.witness.pass_waiting": _t("{pass_name}: nog niet", "{pass_name} : pas encore", "{pass_name}: noch nicht"),
    "ui.witness.agreed": _t("beide invoeren gelijk", "les deux encodages concordent", "beide Eingaben gleich"),
    "ui.witness.pile_open": _t("{count} verschil(len) open", "{count} différence(s) en suspens", "{count} Abweichung(en) offen"),
    "ui.witness.decided": _t("beslist door het bureau", "tranché par le bureau", "vom Zählbürovorstand entschieden"),
    "ui.witness.control_number": _t(
        "Controlegetal (zoals in het proces-verbaal)",
        "Nombre de contrôle (comme dans le procès-verbal)",
        "Kontrollzahl (wie im Protokoll)",
    ),
}
