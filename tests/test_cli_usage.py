"""Bad usage of any `tabula` command (contract: exit 2, one clear line on stderr, never a traceback): one line in the
reader's language naming the command and its --help, not argparse's English usage block."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.cli import _raw_language, main, usage_error
from app.i18n import LANGUAGES

# (arguments, what the line must say in Dutch)
CASES = [
    (["verify"], "tabula verify: STICK_DIR, --ca ontbreekt. Zie tabula verify --help."),
    (["verify", "stick", "--ca"], "tabula verify: na --ca hoort een waarde. Zie tabula verify --help."),
    (["verify", "s", "--ca", "r.pem", "--at", "9 juni"], "verify: '9 juni' is geen toegelaten waarde voor --at."),
    (["verify", "stick", "--ca", "r.pem", "--budget", "veel"], "'veel' is geen toegelaten waarde voor --budget."),
    (["verify", "stick", "--ca", "r.pem", "--jsn"], "tabula: onbekend argument --jsn. Zie tabula --help."),
    (["replay", "--stick"], "tabula replay: na --stick hoort een waarde."),
    (["replay", "--stick", "s", "--station", "A-001"], "tabula replay: --password-file, --pass1, --pass2 ontbreekt."),
    (["station", "--stick", "s", "--training"], "tabula station: --training kan niet samen met --stick."),
    (["--lang", "xx", "verify"], "tabula: 'xx' is geen toegelaten waarde voor --lang."),
    (["nonsense"], "tabula: 'nonsense' is geen toegelaten waarde voor command."),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "expected"), CASES, ids=[" ".join(c[0]) for c in CASES])
def test_bad_usage_is_one_translated_line_and_exit_2(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TABULA_LANG", raising=False)
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    captured = capsys.readouterr()
    (line,) = captured.err.splitlines()
    assert expected in line, line
    assert "usage:" not in captured.err and "error:" not in captured.err and captured.out == ""


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--lang", "fr", "verify"], "tabula verify : il manque STICK_DIR, --ca. Voir tabula verify --help."),
        (["--lang=de", "verify", "s"], "tabula verify: --ca fehlt. Siehe tabula verify --help."),
        (["verify", "s", "--ca", "r.pem", "--lang", "fr"], "tabula : argument inconnu --lang fr. Voir tabula --help."),
    ],
)
def test_bad_usage_is_said_in_the_language_asked_for_on_the_command_line(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TABULA_LANG", raising=False)
    with pytest.raises(SystemExit):
        main(argv)
    assert capsys.readouterr().err.strip() == expected


def test_bad_usage_follows_tabula_lang_when_no_lang_is_given(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TABULA_LANG", "de")
    with pytest.raises(SystemExit):
        main(["replay", "--stick"])
    assert capsys.readouterr().err.strip() == "tabula replay: nach --stick fehlt ein Wert. Siehe tabula replay --help."


def test_a_type_refusal_in_english_is_said_without_its_english_words() -> None:
    line = usage_error("tabula provision build-master", "argument --workers: must be at least 1", "fr")
    assert line == (
        "tabula provision build-master : la valeur de --workers ne convient pas. "
        "Voir tabula provision build-master --help."
    )


def test_an_unforeseen_argparse_message_is_still_one_translated_line_with_its_detail() -> None:
    line = usage_error("tabula", "ambiguous option: --st could match --stick, --station", "nl")
    assert (
        line == "tabula: verkeerd gebruik (ambiguous option: --st could match --stick, --station). Zie tabula --help."
    )


@given(
    command=st.sampled_from(["tabula", "tabula verify", "tabula provision init-ca"]),
    message=st.text(max_size=200) | st.builds("argument {}: {}".format, st.text(max_size=20), st.text(max_size=40)),
    language=st.sampled_from(LANGUAGES),
)
def test_any_usage_message_gives_one_line_naming_the_command_and_its_help(
    command: str, message: str, language: str
) -> None:
    line = usage_error(command, message, language)
    assert line.startswith(command) and f"{command} --help" in line
    assert len(line.splitlines()) == 1


@given(st.lists(st.text(max_size=12), max_size=8))
def test_the_raw_language_is_always_one_of_ours(argv: list[str]) -> None:
    assert _raw_language(argv) in LANGUAGES


@pytest.mark.parametrize(
    ("argv", "language"),
    [(["--lang", "fr"], "fr"), (["--lang=de", "verify"], "de"), (["--lang"], "nl"), (["--lang", "en"], "nl")],
)
def test_the_raw_language_reads_lang_as_given(argv: list[str], language: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TABULA_LANG", raising=False)
    assert _raw_language(argv) == language
