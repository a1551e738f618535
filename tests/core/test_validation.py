"""One test per class of routine error: each names the file, the key path, the line and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from supple.core.routine import RoutineError, load_routine

ROUTINES = Path(__file__).parents[1] / "data" / "routines"


def problems(name: str) -> list[tuple[int | None, str, str]]:
    path = ROUTINES / name
    with pytest.raises(RoutineError) as caught:
        load_routine(path)
    assert caught.value.path == path
    for problem in caught.value.problems:
        assert str(problem).startswith(str(path))
    return [(p.line, p.key, p.message) for p in caught.value.problems]


def test_valid_fixture_loads() -> None:
    routine = load_routine(ROUTINES / "valid.toml")
    assert routine.id == "test"
    assert [e.id for e in routine.exercises] == ["cat-cow"]


@pytest.mark.parametrize(
    ("name", "line", "key", "words"),
    [
        ("syntax_error.toml", 3, "", "TOML syntax error"),
        (
            "wrong_type.toml",
            12,
            "exercise[1].levels.intermediate.reps",
            "expected a whole number, got the text 'eight'",
        ),
        ("missing_key.toml", 5, "exercise[1].name", "missing (required)"),
        (
            "absurd_hold.toml",
            20,
            "exercise[2].levels.beginner.seconds",
            "900 is out of range (expected 1 to 600 s)",
        ),
        (
            "too_many_reps.toml",
            13,
            "exercise[1].levels.advanced.reps",
            "500 is out of range (expected 1 to 100)",
        ),
        ("zero_sets.toml", 11, "exercise[1].levels.beginner.sets", "0 is out of range"),
        (
            "unknown_kind.toml",
            8,
            "exercise[1].kind",
            "unknown value 'stretch' (one of: reps, hold)",
        ),
        ("unknown_breath.toml", 10, "exercise[1].breath", "did you mean 'cat-cow'?"),
        ("duplicate_ids.toml", 16, "exercise[2].id", "duplicate id 'cat-cow'"),
        ("no_exercises.toml", 5, "exercise", "no exercises"),
        ("unknown_schema.toml", 1, "schema", "unknown schema 7"),
        ("not_utf8.toml", None, "", "not UTF-8 text (byte 0xe9"),
    ],
)
def test_each_error_class(name: str, line: int | None, key: str, words: str) -> None:
    found = problems(name)
    assert any(p[0] == line and p[1] == key and words in p[2] for p in found), found


def test_unknown_key_suggests_the_right_one() -> None:
    found = problems("unknown_key.toml")
    assert (9, "exercise[1].hwo", "unknown key (did you mean 'how'?)") in found


def test_every_problem_in_a_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "many.toml"
    path.write_text(
        'schema = 1\nid = "Bad Id"\ntitel = "x"\n\n[timing]\nget_ready = -1\n\n'
        '[[exercise]]\nid = "a"\nname = "A"\nkind = "hold"\nhow = ["x"]\nper_side = "yes"\n'
        "levels.beginner = { seconds = 10, reps = 3 }\n"
        "levels.intermediate = { seconds = 20 }\n",
        encoding="utf-8",
    )
    with pytest.raises(RoutineError) as caught:
        load_routine(path)
    keys = {p.key: p for p in caught.value.problems}
    assert keys["id"].line == 2
    assert keys["titel"].message == "unknown key (did you mean 'title'?)"
    assert keys["title"].message == "missing (required)"
    assert keys["timing.get_ready"].line == 6
    assert keys["exercise[1].per_side"].message == "expected true or false, got the text 'yes'"
    assert keys["exercise[1].levels.beginner.reps"].line == 14
    assert keys["exercise[1].levels.advanced"].message == "missing (required)"


def test_inline_breath_pattern(tmp_path: Path) -> None:
    path = tmp_path / "inline.toml"
    path.write_text(
        'schema = 1\nid = "x"\ntitle = "X"\n[[exercise]]\nid = "a"\nname = "A"\nkind = "reps"\n'
        'how = ["x"]\nbreath = [{ phase = "inhale", seconds = 2.5, cue = "Up" }, '
        '{ phase = "exhale", seconds = 3.5 }]\n'
        "levels.beginner = { reps = 1 }\nlevels.intermediate = { reps = 2 }\n"
        "levels.advanced = { reps = 3 }\n",
        encoding="utf-8",
    )
    exercise = load_routine(path).exercises[0]
    assert exercise.breath.seconds == 6.0
    assert [(p.phase, p.cue) for p in exercise.breath.phases] == [
        ("inhale", "Up"),
        ("exhale", "Breathe out"),
    ]


def test_bad_inline_breath_phase(tmp_path: Path) -> None:
    path = tmp_path / "inline.toml"
    path.write_text(
        'schema = 1\nid = "x"\ntitle = "X"\n[[exercise]]\nid = "a"\nname = "A"\nkind = "reps"\n'
        'how = ["x"]\nbreath = [{ phase = "inhail", seconds = 2 }]\n'
        "levels.beginner = { reps = 1 }\nlevels.intermediate = { reps = 2 }\n"
        "levels.advanced = { reps = 3 }\n",
        encoding="utf-8",
    )
    with pytest.raises(RoutineError) as caught:
        load_routine(path)
    problem = caught.value.problems[0]
    assert problem.key == "exercise[1].breath[1].phase"
    assert problem.line == 9
    assert "did you mean 'inhale'?" in problem.message


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RoutineError) as caught:
        load_routine(tmp_path / "nope.toml")
    assert "cannot read: No such file or directory" in str(caught.value)


# -- issue 13: the key's real line, never a comment's; a byte-order mark said as such -----------

VALID_TEXT = (ROUTINES / "valid.toml").read_text()
MENTIONS = [
    "# seconds = 20",
    "# reps = 5",
    "#reps=1",
    "    # levels.beginner = { reps = 5 }",
    'summary = "reps = 5 # not a comment"',
    'safety = """\nreps = 5\nseconds = 20\n"""',
    "safety = '''\nreps = 3\n'''",
]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    above=st.lists(st.sampled_from(MENTIONS), max_size=4),
    inside=st.lists(st.sampled_from([m for m in MENTIONS if m.startswith(("#", " "))]), max_size=3),
)
@example(above=["# seconds = 20"], inside=["# reps = 5"])
@example(above=[], inside=["    # levels.beginner = { reps = 5 }"])
def test_a_problems_line_is_the_keys_own_never_a_comment_that_mentions_it(
    above: list[str], inside: list[str], tmp_path: Path
) -> None:
    head, exercise = VALID_TEXT.split("[[exercise]]\n")
    summary_used = any(m.startswith("summary") for m in above)
    above = [m for m in above if not m.startswith("summary")] + (
        ['summary = "reps = 5 # not a comment"'] if summary_used else []
    )
    safety = [m for m in above if m.startswith("safety")][:1]
    comments = [m for m in above if not m.startswith("safety")]
    body = exercise.replace("levels.beginner = { reps = 5,", "levels.beginner = { reps = 0,")
    text = (
        head + "\n".join(comments) + "\n[[exercise]]\n" + "\n".join(inside + safety) + "\n" + body
    )
    path = tmp_path / "mentions.toml"
    path.write_text(text)
    with pytest.raises(RoutineError) as caught:
        load_routine(path)
    (problem,) = caught.value.problems
    real = next(n for n, line in enumerate(text.splitlines(), 1) if "{ reps = 0," in line)
    assert problem.key == "exercise[1].levels.beginner.reps" and problem.line == real


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rest=st.sampled_from([VALID_TEXT, "", "x = 1\n", "not toml at all [", VALID_TEXT * 2]))
@example(rest=VALID_TEXT)
def test_a_byte_order_mark_is_named_not_an_invalid_statement(rest: str, tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes("\ufeff".encode() + rest.encode())
    with pytest.raises(RoutineError) as caught:
        load_routine(path)
    (problem,) = caught.value.problems
    assert problem.line == 1
    assert problem.message.startswith("remove the byte-order mark at the start of the file")


@pytest.mark.parametrize(
    "comment",
    [
        "# seconds = 20",
        "# levels.beginner = { seconds = 20 }",
        "# levels.beginner.seconds = 20  (was 900)",
    ],
)
def test_the_issues_hold_comment_is_not_taken_for_the_key(comment: str, tmp_path: Path) -> None:
    text = (ROUTINES / "absurd_hold.toml").read_text()
    text = text.replace('how = ["Lie face down."]\n', f'how = ["Lie face down."]\n{comment}\n')
    path = tmp_path / "hold.toml"
    path.write_text(text)
    with pytest.raises(RoutineError) as caught:
        load_routine(path)
    (problem,) = caught.value.problems
    real = text.splitlines().index("levels.beginner = { seconds = 900 }") + 1
    assert problem.key == "exercise[2].levels.beginner.seconds" and problem.line == real
