"""Texts of the kiosk under bad input (issue 8): a witness display that goes and comes back, a printer that fails
after the results were written. Each says what happened, that nothing is lost, the next step and who can fix it."""


def _t(nl: str, fr: str, de: str) -> dict[str, str]:
    return {"nl": nl, "fr": fr, "de": de}


MESSAGES = {
    "ui.witness.display_lost": _t(
        "Het scherm voor de getuigen is losgekoppeld, dus de getuigen zien de telling niet meer. De telling gaat "
        "gewoon verder en er gaat niets verloren. Sluit het scherm opnieuw aan: de getuigen zien de telling dan "
        "vanzelf weer. Het bureau kan dit zelf oplossen; lukt het niet, bel de helpdesk.",
        "L'écran des témoins a été débranché : les témoins ne voient plus le dépouillement. Le dépouillement "
        "continue et rien n'est perdu. Rebranchez l'écran : les témoins revoient alors le dépouillement "
        "automatiquement. Le bureau peut le faire lui-même ; sinon, appelez le helpdesk.",
        "Der Bildschirm für die Zeugen wurde getrennt: Die Zeugen sehen die Zählung nicht mehr. Die Zählung geht "
        "weiter, und es geht nichts verloren. Schließen Sie den Bildschirm wieder an: Die Zeugen sehen die Zählung "
        "dann von selbst wieder. Das Zählbüro kann das selbst beheben; sonst rufen Sie den Helpdesk an.",
    ),
    "ui.witness.display_lost_window": _t(
        "Het scherm voor de getuigen is losgekoppeld. Het venster voor de getuigen staat nu op dit scherm; de "
        "telling gaat gewoon verder en er gaat niets verloren. Sluit het scherm opnieuw aan: het venster gaat dan "
        "vanzelf terug. Het bureau kan dit zelf oplossen; lukt het niet, bel de helpdesk.",
        "L'écran des témoins a été débranché. La fenêtre des témoins est maintenant sur cet écran ; le dépouillement "
        "continue et rien n'est perdu. Rebranchez l'écran : la fenêtre y retourne automatiquement. Le bureau peut "
        "le faire lui-même ; sinon, appelez le helpdesk.",
        "Der Bildschirm für die Zeugen wurde getrennt. Das Fenster für die Zeugen ist jetzt auf diesem Bildschirm; "
        "die Zählung geht weiter, und es geht nichts verloren. Schließen Sie den Bildschirm wieder an: Das Fenster "
        "kehrt dann von selbst dorthin zurück. Das Zählbüro kann das selbst beheben; sonst rufen Sie den Helpdesk an.",
    ),
    "ui.witness.display_back": _t(
        "Het scherm voor de getuigen is weer aangesloten: de getuigen zien de telling opnieuw.",
        "L'écran des témoins est rebranché : les témoins voient à nouveau le dépouillement.",
        "Der Bildschirm für die Zeugen ist wieder angeschlossen: Die Zeugen sehen die Zählung wieder.",
    ),
    "ui.print.lost_track": _t(
        "De printerdienst antwoordt niet meer: het is niet bekend of het proces-verbaal afgedrukt wordt. Kijk eerst "
        "bij de printer voor u opnieuw afdrukt (anders komen er misschien exemplaren te veel).",
        "Le service d'impression ne répond plus : on ne sait pas si le procès-verbal s'imprime. Regardez d'abord à "
        "l'imprimante avant d'imprimer à nouveau (sinon, il pourrait y avoir des exemplaires en trop).",
        "Der Druckdienst antwortet nicht mehr: Es ist nicht bekannt, ob das Protokoll gedruckt wird. Sehen Sie "
        "zuerst am Drucker nach, bevor Sie erneut drucken (sonst gibt es vielleicht Exemplare zu viel).",
    ),
    "ui.print.elsewhere": _t(
        "Het ondertekende proces-verbaal staat op de stick: het kan ook op een andere printer afgedrukt worden. "
        "Het bureau kan opnieuw proberen of gewoon verdergaan; blijft de printer weigeren, bel de helpdesk.",
        "Le procès-verbal signé se trouve sur la clé : il peut aussi être imprimé sur une autre imprimante. Le "
        "bureau peut réessayer ou simplement continuer ; si l'imprimante refuse encore, appelez le helpdesk.",
        "Das signierte Protokoll ist auf dem Stick: Es kann auch auf einem anderen Drucker gedruckt werden. Das "
        "Zählbüro kann es erneut versuchen oder einfach weitermachen; verweigert der Drucker weiter, rufen Sie den "
        "Helpdesk an.",
    ),
}
