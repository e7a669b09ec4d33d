"""The tally as every screen shows it (C3, U6): the per-list table (SC1..SC4, list total, titular and successor
totals; no successor columns for an election without successors) and every candidate's votes, list by list. The
review before the result is fixed, the result screen and the witness screen use the same views, so they agree."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.counting.model import Election
from app.counting.tally import ListTally, Tally
from app.ui.texts import Texts
from app.ui.theme import PALETTE
from app.ui.widgets import wrapped_label

_WITH_SUCCESSORS = ("sc1", "sc2", "sc3", "sc4", "ce", "titulars", "successors")
ROW_AIR = 8  # px above and below a row's text
_WITHOUT_SUCCESSORS = ("sc1", "sc2", "ce", "titulars")  # SC3, SC4 and successor votes cannot occur (E.105)


def list_columns(has_successors: bool) -> tuple[str, ...]:
    """The figure columns of the per-list table, after list number and name."""
    return _WITH_SUCCESSORS if has_successors else _WITHOUT_SUCCESSORS


def list_figures(lst: ListTally, has_successors: bool) -> tuple[int, ...]:
    values = {
        "sc1": lst.subcategories[0],
        "sc2": lst.subcategories[1],
        "sc3": lst.subcategories[2],
        "sc4": lst.subcategories[3],
        "ce": lst.ce,
        "titulars": lst.titular_total,
        "successors": lst.successor_total,
    }
    return tuple(values[column] for column in list_columns(has_successors))


class ListTotalsTable(QTableWidget):
    """Per list, in official list order: number, name (whole, wrapped), SC1..SC4, list total, titular and successor
    totals. Every row has the same typography (U6). `fit_rows` makes it as tall as its rows, for a scrolling page."""

    def __init__(self, texts: Texts, fit_rows: bool = False) -> None:
        super().__init__(0, 2)
        self.t = texts
        self.fit_rows = fit_rows
        self.has_successors = True
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        if fit_rows:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._set_columns()

    def _set_columns(self) -> None:
        columns = list_columns(self.has_successors)
        self.setColumnCount(2 + len(columns))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.retranslate()

    def show_tally(self, election: Election, tally: Tally | None) -> None:
        if election.has_successors != self.has_successors:
            self.has_successors = election.has_successors
            self._set_columns()
        if tally is None:
            self.setRowCount(0)
            self._fit()
            return
        names = {lst.number: lst.name for lst in election.lists}
        self.setRowCount(len(tally.lists))
        for row, lst in enumerate(tally.lists):
            figures = (str(n) for n in list_figures(lst, self.has_successors))
            for column, text in enumerate((str(lst.number), names.get(lst.number, ""), *figures)):
                item = QTableWidgetItem(text)  # plain text: "CD&V" stays as written
                if column != 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(row, column, item)
        self._size_rows()
        self._fit()

    def row_values(self, row: int) -> tuple[str, ...]:
        """The texts of one row as shown (for tests and the witness screen's checks)."""
        items = (self.item(row, column) for column in range(self.columnCount()))
        return tuple("" if item is None else item.text() for item in items)

    def retranslate(self) -> None:
        keys = ("ui.result.col.list", "ui.result.col.name", *(f"ui.review.col.{c}" for c in self._columns()))
        self.setHorizontalHeaderLabels([self.t(key) for key in keys])

    def _columns(self) -> tuple[str, ...]:
        return list_columns(self.has_successors)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._size_rows()  # a wrapped name needs another height at another width
        self._fit()

    def _size_rows(self) -> None:
        """Each row as tall as its cells (a wrapped name two lines) and a little air. Not resizeRowsToContents: that
        also asks the hidden row header, whose themed padding made every row 36 px, and 12 lists did not fit on the
        witness screen or the result screen at 1366x768."""
        for row in range(self.rowCount()):
            self.setRowHeight(row, self.sizeHintForRow(row) + ROW_AIR)

    def _fit(self) -> None:
        if not self.fit_rows:
            return
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(row) for row in range(self.rowCount()))
        self.setFixedHeight(height + 2)


def candidate_html(election: Election, lst: ListTally, t: Texts) -> str:
    """One list's candidates and their votes: titulars beside successors, every name whole (wrapped) and escaped."""
    candidate_list = election.list_by_number(lst.number)
    if candidate_list is None:
        return ""
    head = t("ui.review.list_head", number=lst.number, name=candidate_list.name, ce=lst.ce)
    groups = [(t("pv.titulars"), candidate_list.titulars, lst.titular_votes)]
    if election.has_successors:
        groups.append((t("pv.successors"), candidate_list.successors, lst.successor_votes))
    votes_word = html.escape(t("pv.col.votes"))
    cells = []
    for title, candidates, votes in groups:
        rows = "".join(
            f"<tr><td align='right'>{c.position}.</td><td>{html.escape(c.name)}</td>"
            f"<td align='right'><b>{v}</b></td></tr>"
            for c, v in zip(candidates, votes, strict=True)
        )
        cells.append(
            "<td valign='top' width='50%'><table width='100%' cellspacing='0' cellpadding='3'>"
            f"<tr><th></th><th align='left'>{html.escape(title)}</th><th align='right'>{votes_word}</th></tr>"
            f"{rows}</table></td>"
        )
    return (
        f"<p style='font-weight:bold; font-size:13pt'>{html.escape(head)}</p>"
        f"<table width='100%' cellspacing='0' cellpadding='0'><tr>{''.join(cells)}</tr></table>"
    )


class CandidateVotes(QWidget):
    """Every candidate's votes, one block per list in official list order (all blocks alike, U6)."""

    def __init__(self, texts: Texts) -> None:
        super().__init__()
        self.t = texts
        self.blocks: list[QLabel] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def show_tally(self, election: Election, tally: Tally | None) -> None:
        lists = () if tally is None else tally.lists
        while len(self.blocks) > len(lists):
            block = self.blocks.pop()
            self._layout.removeWidget(block)
            block.hide()
            block.deleteLater()
        while len(self.blocks) < len(lists):
            block = wrapped_label()
            block.setTextFormat(Qt.TextFormat.RichText)
            block.setProperty("role", "card")
            block.setStyleSheet(f"background:{PALETTE.surface}; border:1px solid {PALETTE.border}; padding:6px;")
            self.blocks.append(block)
            self._layout.addWidget(block)
        for block, lst in zip(self.blocks, lists, strict=True):
            block.setText(candidate_html(election, lst, self.t))
