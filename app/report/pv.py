"""The proces-verbaal (PV) of a counting bureau as PDF, in the bureau's language (requirements O3, O4, U1, U6).

`render_pv(data)` is a pure function of its input: the same `PvData` gives the same bytes (reportlab's invariant
mode fixes the dates and ids it would otherwise take from the clock). Every label comes from the `pv.*` keys of
`app/i18n/catalog_report.py`; names, list names and decisions are printed as given.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any
from xml.sax.saxutils import escape  # escapes our own text, parses nothing  # nosec B406

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.counting.checks import Severity
from app.counting.classify import SubCategory
from app.counting.model import CandidateList, ElectionCode
from app.counting.tally import ListTally
from app.i18n import translate
from app.report import styles
from app.report.pv_data import CheckOutcome, PvData
from app.report.pv_meta import pv_keywords

MARGIN = 18 * mm
FRAME_PADDING = 6  # reportlab's default frame padding
WIDTH = A4[0] - 2 * MARGIN - 2 * FRAME_PADDING
LIST_COLUMNS = (14 * mm, WIDTH - 34 * mm, 20 * mm)  # nr | label or name | number: the same for every list (U6)

Cell = str | Paragraph


class ListTable(Table):
    """The table of one list. A class of its own so tests can find every list table and compare their styles."""


def render_pv(data: PvData) -> bytes:
    """The PV as PDF bytes, not yet signed (see `app.signing.pades.sign_pdf`)."""
    styles.register_fonts()
    t = _translator(data)
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm,
        title=f"{t('pv.title')} {data.bureau.id}",
        author=data.bureau.id,
        creator=f"Tabula {data.software_version}",
        keywords=[pv_keywords(data.control_number, data.files_sha256)],  # read back by `tabula verify`
        invariant=1,
        initialFontName=styles.REGULAR,
        lang=data.language.value,
    )
    footer = f"{t('pv.title')} — {data.bureau.id} — {data.control_number}"
    doc.build(build_story(data), canvasmaker=_numbered_canvas(footer, lambda p, n: t("pv.page", page=p, pages=n)))
    return out.getvalue()


def build_story(data: PvData) -> list[Flowable]:
    """The flowables of the PV, in the order of the official form."""
    t = _translator(data)
    story: list[Flowable] = []
    for section in (_header, _composition, _received, _totals, _lists, _checks, _differences, _contested, _remarks,
                    _control, _signatures):  # fmt: skip
        story.extend(section(data, t))
    return story


Translate = Callable[..., str]


def _translator(data: PvData) -> Translate:
    language = data.language.value

    def t(key: str, **params: object) -> str:
        return translate(key, language, **params)

    return t


# --- building blocks --------------------------------------------------------------------------------------------


def _p(text: str, style: str = "cell") -> Paragraph:
    """A paragraph of plain text (escaped: names may contain '&' or '<')."""
    return Paragraph(escape(text), styles.styles()[style])


def _section(title: str) -> Paragraph:
    return _p(title, "section")


def _table(
    rows: Sequence[Sequence[Cell]], widths: Sequence[float], style: Sequence[tuple[Any, ...]] = (), **kwargs: Any
) -> Table:
    """A left-aligned table in the PV's font; reportlab would otherwise fall back to (non-embedded) Helvetica."""
    table = Table([list(r) for r in rows], colWidths=list(widths), hAlign="LEFT", **kwargs)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.REGULAR), *style]))
    return table


def _grid_table(
    rows: Sequence[Sequence[Cell]], widths: Sequence[float], numeric_from: int, row_height: float | None = None
) -> Table:
    """A plain grid with a shaded header row; columns from `numeric_from` on are right-aligned."""
    heights = None if row_height is None else [None] + [row_height] * (len(rows) - 1)
    style = [*_base_style(), ("BACKGROUND", (0, 0), (-1, 0), styles.SHADE), ("FONTNAME", (0, 0), (-1, 0), styles.BOLD),
             ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT")]  # fmt: skip
    return _table(rows, widths, style, rowHeights=heights, repeatRows=1)


def _base_style() -> list[tuple[Any, ...]]:
    return [
        ("FONTNAME", (0, 0), (-1, -1), styles.REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), styles.TABLE_SIZE),
        ("LEADING", (0, 0), (-1, -1), styles.TABLE_SIZE * 1.25),
        ("GRID", (0, 0), (-1, -1), 0.4, styles.GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]


def _key_values(rows: Sequence[tuple[str, str]]) -> Table:
    """Label/value pairs without a grid (the header of the PV)."""
    cells = [[_p(k, "cell_bold"), _p(v, "body")] for k, v in rows]
    return _table(
        cells, (48 * mm, WIDTH - 48 * mm), [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
    )


def _none(t: Translate) -> list[Flowable]:
    return [_p(t("pv.none"), "body")]


# --- sections ----------------------------------------------------------------------------------------------------


def _header(data: PvData, t: Translate) -> list[Flowable]:
    election = data.election
    area = "pv.college" if election.code is ElectionCode.EU else "pv.constituency"
    rows = [(t("pv.election"), t(f"pv.election.{election.code.value}")), (t(area), election.constituency)]
    if data.canton:
        rows.append((t("pv.canton"), data.canton))
    rows.append((t("pv.bureau"), f"{data.bureau.id} — {data.bureau.name}"))
    stations = ", ".join(s.name for s in data.polling_stations) or "—"
    rows.append((t("pv.polling_stations"), stations))
    at = data.generated_at.strftime("%Y-%m-%d %H:%M:%S %Z").strip()
    return [
        _p(t("pv.title"), "title"),
        _key_values(rows),
        Spacer(1, 2 * mm),
        _p(t("pv.generated", at=at, version=data.software_version), "small"),
    ]


def _members(data: PvData, t: Translate) -> list[tuple[str, str]]:
    """(role, name) of every member of the bureau, in the order of the form."""
    c = data.composition
    members = [(t("pv.president"), c.president), (t("pv.secretary"), c.secretary)]
    members += [(t("pv.assessor", n=i), name) for i, name in enumerate(c.assessors, 1)]
    members += [(t("pv.witness", n=i), name) for i, name in enumerate(c.witnesses, 1)]
    return members


def _composition(data: PvData, t: Translate) -> list[Flowable]:
    members = _members(data, t)
    # A blank name gets a line to write on by hand.
    lines = [("LINEBELOW", (1, i), (1, i), 0.5, styles.GRID) for i, (_, name) in enumerate(members) if not name]
    style = [("LEFTPADDING", (0, 0), (0, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 4), *lines]
    table = _table([[_p(role), _p(name)] for role, name in members], (48 * mm, 90 * mm), style)
    return [_section(t("pv.section.composition")), table]


def _received(data: PvData, t: Translate) -> list[Flowable]:
    title = _section(t("pv.section.received"))
    if not data.polling_stations:
        return [title, *_none(t)]
    keys = ("polling_station", "received", "counted", "difference")
    rows: list[list[Cell]] = [[_p(t(f"pv.col.{k}"), "cell_bold") for k in keys]]
    for s in data.polling_stations:
        rows.append([_p(s.name), str(s.received), _or_dash(s.counted), _or_dash(s.difference, signed=True)])
    received = sum(s.received for s in data.polling_stations)
    # the total compares what the polling stations sent with the ballots this bureau counted (check W.201)
    counted = data.tally.counted
    rows.append([t("pv.total"), str(received), str(counted), _signed(counted - received)])
    table = _grid_table(rows, (WIDTH - 105 * mm, 45 * mm, 30 * mm, 30 * mm), numeric_from=1)
    table.setStyle(TableStyle([("FONTNAME", (0, -1), (-1, -1), styles.BOLD)]))  # the total
    return [title, table]


def _or_dash(n: int | None, *, signed: bool = False) -> str:
    if n is None:
        return "—"
    return _signed(n) if signed else str(n)


def _signed(n: int) -> str:
    return f"{n:+d}" if n else "0"


def _totals(data: PvData, t: Translate) -> list[Flowable]:
    tally = data.tally
    rows: list[tuple[str, int, int]] = [  # label, number, indent level
        (t("pv.counted"), tally.counted, 0),
        (t("pv.valid"), tally.valid, 0),
        (t("pv.blank_or_invalid"), tally.blank_or_invalid, 0),
        (t("pv.blank"), tally.blank, 1),
        (t("pv.invalid"), tally.invalid, 1),
    ]
    rows += [(t(f"pv.cause.{cause.value}"), n, 2) for cause, n in tally.invalid_by_cause]
    indents = [("LEFTPADDING", (0, i), (0, i), 6 + 12 * level) for i, (_, _, level) in enumerate(rows)]
    style = [*_base_style(), ("ALIGN", (1, 0), (1, -1), "RIGHT"), *indents, ("FONTNAME", (0, 0), (-1, 1), styles.BOLD)]
    table = _table([[label, str(n)] for label, n, _ in rows], (WIDTH - 60 * mm, 25 * mm), style)
    return [_section(t("pv.section.totals")), table]


def _lists(data: PvData, t: Translate) -> list[Flowable]:
    """One table per list, in official list order, all with the same typography and size (U6)."""
    story: list[Flowable] = []
    tallies = {lt.number: lt for lt in data.tally.lists}
    for lst in data.election.lists:
        table = list_table(lst, tallies[lst.number], data.election.has_successors, t)
        # The section title stays with the first list; a list that fits on one page is not split.
        title = [] if story else [_section(t("pv.section.lists"))]
        story.append(KeepTogether([*title, table, Spacer(1, 4 * mm)]))
    return story


def list_table(lst: CandidateList, tally: ListTally, has_successors: bool, t: Translate) -> ListTable:
    """SC1..SC4, CE and the votes of every candidate (titulars, then successors) of one list."""
    rows: list[list[Cell]] = [[_p(t("pv.list", number=lst.number, name=lst.name), "cell_bold"), "", ""]]
    rows += [[sc.name, t(f"pv.sc{sc.value}"), str(tally.sc(sc))] for sc in SubCategory]
    rows.append(["CE", t("pv.ce"), str(tally.ce)])
    subheads = [len(rows)]
    rows.append(["", t("pv.titulars"), t("pv.col.votes")])
    rows += [[str(c.position), _p(c.name), str(v)] for c, v in zip(lst.titulars, tally.titular_votes, strict=True)]
    if has_successors:
        subheads.append(len(rows))
        rows.append(["", t("pv.successors"), t("pv.col.votes")])
        rows += [
            [str(c.position), _p(c.name), str(v)] for c, v in zip(lst.successors, tally.successor_votes, strict=True)
        ]
    table = ListTable(rows, colWidths=list(LIST_COLUMNS), repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(_list_style(ce_row=len(SubCategory) + 1, subheads=subheads)))
    return table


def _list_style(ce_row: int, subheads: Sequence[int]) -> list[tuple[Any, ...]]:
    """The one style of every list table; only row positions depend on the list's length."""
    style = [
        *_base_style(),
        ("SPAN", (0, 0), (-1, 0)),
        ("BACKGROUND", (0, 0), (-1, 0), styles.SHADE),
        ("FONTSIZE", (0, 0), (-1, 0), styles.LIST_TITLE_SIZE),
        ("ALIGN", (0, 1), (0, -1), "RIGHT"),
        ("ALIGN", (2, 0), (2, -1), "RIGHT"),
        ("FONTNAME", (0, ce_row), (-1, ce_row), styles.BOLD),
    ]
    for row in subheads:
        style += [("FONTNAME", (0, row), (-1, row), styles.BOLD), ("BACKGROUND", (0, row), (-1, row), styles.SHADE)]
    return style


def _checks(data: PvData, t: Translate) -> list[Flowable]:
    story: list[Flowable] = [_section(t("pv.section.checks"))]
    if data.findings:
        header: list[Cell] = [t("pv.col.code"), t("pv.col.severity"), t("pv.col.message"), t("pv.col.outcome")]
        rows = [header, *(_finding_row(o, t) for o in data.findings)]
        story.append(_grid_table(rows, (16 * mm, 26 * mm, WIDTH - 82 * mm, 40 * mm), numeric_from=4))
    else:
        story.append(_p(t("pv.checks_passed"), "body"))
    if data.checks_run:
        story.append(_p(t("pv.checks_run", codes=", ".join(data.checks_run)), "small"))
    return story


def _finding_row(outcome: CheckOutcome, t: Translate) -> list[Cell]:
    f = outcome.finding
    severity = t("pv.severity.error" if f.severity is Severity.ERROR else "pv.severity.warning")
    message = f"{t(f.message_key, **f.params)} {t(f.action_key, **f.params)}"
    acknowledged = t("pv.acknowledged" if outcome.acknowledged else "pv.not_acknowledged")
    return [f.code, severity, _p(message), _p(acknowledged)]


def _differences(data: PvData, t: Translate) -> list[Flowable]:
    title = _section(t("pv.section.differences"))
    if not data.differences:
        return [title, *_none(t)]
    keys = ("ballot", "pass1", "pass2", "final", "decided_by", "decided_at")
    rows: list[list[Cell]] = [[_p(t(f"pv.col.{k}"), "cell_bold") for k in keys]]
    rows += [[_p(getattr(d, k)) for k in keys] for d in data.differences]
    widths = (26 * mm, 30 * mm, 30 * mm, 30 * mm, 24 * mm, WIDTH - 140 * mm)
    return [title, _grid_table(rows, widths, numeric_from=len(keys))]


def _contested(data: PvData, t: Translate) -> list[Flowable]:
    title = _section(t("pv.section.contested"))
    if not data.contested:
        return [title, *_none(t)]
    keys = ("ballot", "content", "decision", "decided_by", "decided_at")
    labels = ("ballot", "content", "final", "decided_by", "decided_at")
    rows: list[list[Cell]] = [[_p(t(f"pv.col.{k}"), "cell_bold") for k in labels]]
    rows += [[_p(getattr(c, k)) for k in keys] for c in data.contested]
    widths = (26 * mm, 40 * mm, 50 * mm, 24 * mm, WIDTH - 140 * mm)
    return [title, _grid_table(rows, widths, numeric_from=len(keys))]


def _remarks(data: PvData, t: Translate) -> list[Flowable]:
    title = _section(t("pv.section.remarks"))
    if not data.remarks:
        return [title, *_none(t)]
    return [title, *(_p(r, "body") for r in data.remarks)]


def _control(data: PvData, t: Translate) -> list[Flowable]:
    cells = [[_p(data.control_number, "control")], [_p(t("pv.control_help"), "small_centered")]]
    box = _table(cells, (WIDTH,), [("BOX", (0, 0), (-1, -1), 1.2, styles.GRID)])
    return [
        KeepTogether(
            [
                _section(t("pv.section.control")),
                box,
                Spacer(1, 3 * mm),
                _p(t("pv.sha256"), "cell_bold"),
                _p(data.files_sha256, "mono"),
            ]
        )
    ]


def _signatures(data: PvData, t: Translate) -> list[Flowable]:
    members = _members(data, t)
    header: list[Cell] = [t("pv.col.member"), t("pv.col.name"), t("pv.col.signature")]
    rows: list[list[Cell]] = [header]
    rows += [[_p(role), _p(name), ""] for role, name in members]
    # Rows high enough for a handwritten signature.
    table = _grid_table(rows, (38 * mm, 70 * mm, WIDTH - 108 * mm), numeric_from=3, row_height=11 * mm)
    return [KeepTogether([_section(t("pv.section.signatures")), table])]


# --- pages ---------------------------------------------------------------------------------------------------------


def _numbered_canvas(footer: str, page_label: Callable[[int, int], str]) -> type[Canvas]:
    """A canvas that holds the pages back until the end, to print "page x of y" on each."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's name: hold the page instead of emitting it
            self._held.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            for number, state in enumerate(self._held, 1):
                self.__dict__.update(state)
                self._draw_footer(number, len(self._held))
                super().showPage()
            super().save()

        def _draw_footer(self, number: int, total: int) -> None:
            self.setFont(styles.REGULAR, 7)
            self.drawString(MARGIN, MARGIN - 2 * mm, footer)
            self.drawRightString(A4[0] - MARGIN, MARGIN - 2 * mm, page_label(number, total))

    return NumberedCanvas
