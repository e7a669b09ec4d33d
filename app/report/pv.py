"""The proces-verbaal (PV) of a counting bureau as PDF, in the bureau's language (requirements O3, O4, U1, U6).

`render_pv(data)` is a pure function of its input: the same `PvData` gives the same bytes (reportlab's invariant
mode fixes the dates and ids it would otherwise take from the clock). Every label comes from the `pv.*` keys of
the gettext catalogues (`app/i18n/locale`, domain `report`); names, list names and decisions are printed as given.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from typing import Any
from xml.sax.saxutils import escape  # escapes our own text, parses nothing  # nosec B406

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.counting.checks import Case, RuleOutcome, Scope, Severity
from app.counting.classify import SubCategory
from app.counting.model import CandidateList, ElectionCode
from app.counting.tally import ListTally
from app.i18n import catalogue, translate
from app.platform.measurement import Mode, Provenance
from app.report import styles
from app.report.local_time import format_belgian
from app.report.pages import PageMarks, numbered_canvas
from app.report.pv_data import PvData
from app.report.pv_meta import pv_keywords

MARGIN = 18 * mm
FRAME_PADDING = 6  # reportlab's default frame padding
WIDTH = A4[0] - 2 * MARGIN - 2 * FRAME_PADDING
LIST_COLUMNS = (14 * mm, WIDTH - 34 * mm, 20 * mm)  # nr | label or name | number: the same for every list (U6)
LIST_CHECKS = ("E.101", "E.102", "E.103")  # the decree's checks of one list, printed in its table
HOLDS, FAILS = "✓", "✗"

Cell = str | Paragraph | list[Flowable]  # a list: paragraphs stacked in one cell


class ListTable(Table):
    """The table of one list. A class of its own so tests can find every list table and compare their styles.
    `head_rows`: the rows before the first candidate heading (title, sub-categories, totals, checks)."""

    head_rows = 0


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
        keywords=[pv_keywords(data.control_number, data.files_sha256, data.provenance)],  # read by `tabula verify`
        invariant=1,
        initialFontName=styles.REGULAR,
        lang=data.language.value,
    )
    doc.build(build_story(data), canvasmaker=numbered_canvas(page_marks(data, t)))
    return out.getvalue()


def page_marks(data: PvData, t: Translate) -> PageMarks:
    """The footer of every page; in training, the training band and watermark too."""
    footer = f"{t('pv.title')} — {data.bureau.id} — {data.control_number}"
    training = data.provenance.training
    return PageMarks(
        footer,
        lambda p, n: t("pv.page", page=p, pages=n),
        t("pv.training_band") if training else None,
    )


def build_story(data: PvData) -> list[Flowable]:
    """The flowables of the PV, in the order of the official form."""
    t = _translator(data)
    story: list[Flowable] = []
    for section in (_header, _composition, _received, _totals, _lists, _checks, _differences, _overrules, _contested,
                    _remarks, _control, _signatures):  # fmt: skip
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
    rows = [(t("pv.election"), t(f"pv.election.{election.code.value}"))]
    if election.date is not None:
        rows.append((t("pv.election_date"), long_date(election.date, t)))
    rows.append((t(area), election.constituency_name(data.language)))
    if data.canton:
        rows.append((t("pv.canton"), data.canton))
    rows.append((t("pv.bureau"), f"{data.bureau.id} — {data.bureau.name}"))
    stations = ", ".join(s.name for s in data.polling_stations) or "—"
    rows.append((t("pv.polling_stations"), stations))
    rows += platform_rows(data.provenance, t)
    at = format_belgian(data.generated_at)  # Belgian local time, the zone named (the security log stays in UTC)
    return [
        _p(t("pv.title"), "title"),
        *_training_notice(data, t),
        _key_values(rows),
        Spacer(1, 2 * mm),
        _p(t("pv.generated", at=at, version=data.software_version), "small"),
    ]


def platform_rows(provenance: Provenance, t: Translate) -> list[tuple[str, str]]:
    """Which build made this PV (X2): software version, system hash and mode, the development mode spelled out."""
    measurement = provenance.measurement
    development = measurement.mode is Mode.DEVELOPMENT
    return [
        (t("pv.software_version"), measurement.software_version),
        (t("pv.system_hash"), measurement.system_hash or t("pv.system_hash_none")),
        (t("pv.platform_mode"), t("pv.mode.development" if development else "pv.mode.tpm")),
    ]


def _training_notice(data: PvData, t: Translate) -> list[Flowable]:
    """In training, under the title: what this PV is not (the band and watermark repeat it on every page)."""
    return [_p(t("pv.training_notice"), "section"), Spacer(1, 1 * mm)] if data.provenance.training else []


def long_date(day: dt.date, t: Translate) -> str:
    """`9 juni 2024`, `1er juin 2024`, `9. Juni 2024`: a date as the bureau's language writes it."""
    number = t("pv.first_of_month") if day.day == 1 else str(day.day)
    return t("pv.date", day=number, month=t(f"pv.month.{day.month}"), year=day.year)


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
    """Per polling station: received per its PV, counted on receipt, their difference; the totals of those same
    columns; then the ballots entered, compared with both (checks W.201 and W.206)."""
    title = _section(t("pv.section.received"))
    entered = data.tally.counted
    if not data.polling_stations:
        return [title, *_none(t), _key_figures([(t("pv.entered"), str(entered))])]
    keys = ("polling_station", "received", "counted", "difference")
    rows: list[list[Cell]] = [[_p(t(f"pv.col.{k}"), "cell_bold") for k in keys]]
    for s in data.polling_stations:
        rows.append([_p(s.name), str(s.received), _or_dash(s.counted), _or_dash(s.difference, signed=True)])
    received = sum(s.received for s in data.polling_stations)
    counts = [s.counted for s in data.polling_stations]
    counted = None if any(n is None for n in counts) else sum(n for n in counts if n is not None)
    difference = None if counted is None else counted - received
    rows.append([t("pv.total"), str(received), _or_dash(counted), _or_dash(difference, signed=True)])
    table = _grid_table(rows, (WIDTH - 120 * mm, 40 * mm, 40 * mm, 40 * mm), numeric_from=1)
    table.setStyle(TableStyle([("FONTNAME", (0, -1), (-1, -1), styles.BOLD)]))  # the total
    figures = [(t("pv.entered"), str(entered)), (t("pv.entered_minus_received"), _signed(entered - received))]
    if counted is not None:
        figures.append((t("pv.entered_minus_counted"), _signed(entered - counted)))
    return [title, table, Spacer(1, 2 * mm), _key_figures(figures)]


def _key_figures(rows: Sequence[tuple[str, str]]) -> Table:
    """Labelled figures in a grid: the label left, the figure right."""
    style = [*_base_style(), ("ALIGN", (1, 0), (1, -1), "RIGHT")]
    return _table([[_p(label), figure] for label, figure in rows], (WIDTH - 30 * mm, 30 * mm), style)


def _or_dash(n: int | None, *, signed: bool = False) -> str:
    if n is None:
        return "—"
    return _signed(n) if signed else str(n)


def _signed(n: int) -> str:
    return f"{n:+d}".replace("-", "−") if n else "0"  # a real minus sign: a hyphen is easily missed on paper


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
    cases = [(o.code, c) for o in data.checks if o.code in LIST_CHECKS for c in o.cases]
    for lst in data.election.lists:
        mine = [c for code, c in cases if c.params.get("list") == lst.number]
        table = list_table(lst, tallies[lst.number], data.election.has_successors, t, mine)
        # The section title stays with the first list; a list that fits on one page is not split.
        title = [] if story else [_section(t("pv.section.lists"))]
        story.append(KeepTogether([*title, table, Spacer(1, 4 * mm)]))
    return story


def list_table(
    lst: CandidateList, tally: ListTally, has_successors: bool, t: Translate, checks: Sequence[Case] = ()
) -> ListTable:
    """SC1..SC4, CE, the totals of titular and successor votes, the decree's checks of the list with both sides,
    and the votes of every candidate (titulars, then successors). Without successors (BR, DE) no successor rows:
    SC3 and SC4 cannot occur there (check E.105 makes sure)."""
    categories = list(SubCategory) if has_successors else [SubCategory.SC1, SubCategory.SC2]
    rows: list[list[Cell]] = [[_p(t("pv.list", number=lst.number, name=lst.name), "cell_bold"), "", ""]]
    rows += [[sc.name, t(f"pv.sc{sc.value}"), str(tally.sc(sc))] for sc in categories]
    ce_row = len(rows)
    rows.append(["CE", t("pv.ce" if has_successors else "pv.ce_without_successors"), str(tally.ce)])
    rows.append(["ΣT", t("pv.titular_total"), str(tally.titular_total)])
    if has_successors:
        rows.append(["ΣS", t("pv.successor_total"), str(tally.successor_total)])
    for case in checks:
        sides = t(_variant(case.sides_key, has_successors), **case.params)
        rows.append([case.code, _p(sides), HOLDS if case.holds else FAILS])
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
    table.setStyle(TableStyle(_list_style(ce_row=ce_row, subheads=subheads)))
    table.head_rows = subheads[0]
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
    """Every check in words and figures: the rule, each case it looked at with both sides and ✓ or ✗, and for a
    warning that does not hold what happened, whether the bureau acknowledged it, and its explanation."""
    title = _section(t("pv.section.checks"))
    if not data.checks:
        return [title, *_none(t)]
    header: list[Cell] = [_p(t(f"pv.col.{k}"), "cell_bold") for k in ("code", "check", "outcome")]
    rows: list[list[Cell]] = [header]
    rule_rows: list[int] = []
    for outcome in data.checks:
        rule_rows.append(len(rows))
        rule = _p(t(_variant(outcome.rule_key, data.election.has_successors)), "cell_bold")
        cases = _case_rows(data, outcome, t)
        if len(outcome.cases) == 1 and outcome.scope is Scope.BUREAU:  # one case: on the rule's own row
            (_, sides, result), *rest = cases
            assert isinstance(sides, Paragraph)
            rows += [[outcome.code, [rule, sides], result], *rest]
        else:
            rows += [[outcome.code, rule, _p(_summary(outcome, t))], *cases]
    table = _grid_table(rows, (16 * mm, WIDTH - 66 * mm, 50 * mm), numeric_from=3)
    table.setStyle(TableStyle([("BACKGROUND", (0, r), (-1, r), styles.LIGHT_SHADE) for r in rule_rows]))
    return [title, _p(t("pv.checks_intro"), "small"), Spacer(1, 1.5 * mm), table]


def _summary(outcome: RuleOutcome, t: Translate) -> str:
    """The outcome of one rule over all its cases, in a few words."""
    if outcome.follows_from is not None:
        return t("pv.check.follows_from", code=outcome.follows_from)
    if not outcome.cases:
        return t("pv.check.not_applicable")
    failed = len(outcome.failed)
    if failed:
        return t("pv.check.failed", failed=failed, total=len(outcome.cases))
    if outcome.scope is Scope.LIST:
        key = "pv.check.all_lists" if outcome.code in LIST_CHECKS else "pv.check.every_list"
        return t(key, count=len(outcome.cases))
    if outcome.scope is Scope.PILE:
        return t("pv.check.all_piles", count=len(outcome.cases))
    return HOLDS


def _case_rows(data: PvData, outcome: RuleOutcome, t: Translate) -> list[list[Cell]]:
    """Every case of a rule about the bureau or a polling station; of a rule per list or per pile, only those
    that do not hold (the lists print theirs in their own tables; piles are many)."""
    many = outcome.scope in (Scope.LIST, Scope.PILE)
    rows: list[list[Cell]] = []
    for case in outcome.failed if many else outcome.cases:
        params = {k: "—" if v is None else v for k, v in case.params.items()}
        sides = t(_variant(case.sides_key, data.election.has_successors), **params)
        if outcome.scope is Scope.LIST:
            sides = t("pv.list_case", number=case.params.get("list"), text=sides)
        rows.append(["", _p(sides), HOLDS if case.holds else _failed(case, data, t)])
    if outcome.failed and outcome.severity is Severity.WARNING:
        explanation = data.explanation(outcome.code)
        text = t("pv.no_explanation") if explanation is None else t("pv.explanation", text=explanation)
        rows.append(["", _p(text, "cell_bold"), ""])
    return rows


def _variant(key: str, has_successors: bool) -> str:
    """The text of a check for an election without successors where it has one of its own (no mention of SC3)."""
    variant = f"{key}.without_successors"
    return variant if not has_successors and variant in catalogue() else key


def _failed(case: Case, data: PvData, t: Translate) -> Paragraph:
    if case.severity is Severity.ERROR:
        return _p(f"{FAILS} {t('pv.severity.error')}")
    seen = t("pv.acknowledged" if case.code in data.acknowledged else "pv.not_acknowledged")
    return _p(f"{FAILS} {t('pv.severity.warning')}, {seen}")


def _differences(data: PvData, t: Translate) -> list[Flowable]:
    title = _section(t("pv.section.differences"))
    if not data.differences:
        return [title, *_none(t)]
    keys = ("ballot", "pass1", "pass2", "final", "decided_by", "decided_at")
    rows: list[list[Cell]] = [[_p(t(f"pv.col.{k}"), "cell_bold") for k in keys]]
    rows += [[_p(getattr(d, k)) for k in keys] for d in data.differences]
    widths = (26 * mm, 30 * mm, 30 * mm, 30 * mm, 24 * mm, WIDTH - 140 * mm)
    return [KeepTogether([title, _grid_table(rows, widths, numeric_from=len(keys))])]


def _overrules(data: PvData, t: Translate) -> list[Flowable]:
    """Ballots the bureau decided against what both passes agreed on (C5: shown as such), with the explanation."""
    if not data.overrules:
        return []  # the section exists only when there is something to show: most counts have none
    keys = ("ballot", "pass1", "pass2", "final", "decided_by", "decided_at")
    rows: list[list[Cell]] = [[_p(t(f"pv.col.{k}"), "cell_bold") for k in keys]]
    spans: list[tuple[Any, ...]] = []
    for o in data.overrules:
        rows.append([_p(getattr(o, k)) for k in keys])
        if o.explanation:
            spans.append(("SPAN", (1, len(rows)), (-1, len(rows))))
            rows.append(["", _p(t("pv.explanation", text=o.explanation)), "", "", "", ""])
    widths = (26 * mm, 30 * mm, 30 * mm, 30 * mm, 24 * mm, WIDTH - 140 * mm)
    table = _grid_table(rows, widths, numeric_from=len(keys))
    table.setStyle(TableStyle(spans))
    intro = _p(t("pv.overrules_intro"), "small")
    return [KeepTogether([_section(t("pv.section.overrules")), intro, Spacer(1, 1.5 * mm), table])]


def _contested(data: PvData, t: Translate) -> list[Flowable]:
    title = _section(t("pv.section.contested"))
    if not data.contested:
        return [title, *_none(t)]
    keys = ("ballot", "content", "decision", "decided_by", "decided_at")
    labels = ("ballot", "content", "final", "decided_by", "decided_at")
    rows: list[list[Cell]] = [[_p(t(f"pv.col.{k}"), "cell_bold") for k in labels]]
    rows += [[_p(getattr(c, k)) for k in keys] for c in data.contested]
    widths = (26 * mm, 40 * mm, 50 * mm, 24 * mm, WIDTH - 140 * mm)
    return [KeepTogether([title, _grid_table(rows, widths, numeric_from=len(keys))])]


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
                *_file_list(data, t),
            ]
        )
    ]


def _file_list(data: PvData, t: Translate) -> list[Flowable]:
    """Which files the hash covers, each with its own SHA-256, so anyone can recompute it with sha256sum."""
    if not data.files:
        return []
    rows: list[list[Cell]] = [[_p(t("pv.col.file"), "cell_bold"), _p("SHA-256", "cell_bold")]]
    rows += [[_p(name), _p(digest, "mono_small")] for name, digest in data.files]
    table = _grid_table(rows, (46 * mm, WIDTH - 46 * mm), numeric_from=2)
    return [Spacer(1, 2 * mm), _p(t("pv.files_help"), "small"), Spacer(1, 1 * mm), table]


def _signatures(data: PvData, t: Translate) -> list[Flowable]:
    members = _members(data, t)
    header: list[Cell] = [t("pv.col.member"), t("pv.col.name"), t("pv.col.signature")]
    rows: list[list[Cell]] = [header]
    rows += [[_p(role), _p(name), ""] for role, name in members]
    # Rows high enough for a handwritten signature.
    table = _grid_table(rows, (38 * mm, 70 * mm, WIDTH - 108 * mm), numeric_from=3, row_height=11 * mm)
    return [KeepTogether([_section(t("pv.section.signatures")), table])]
