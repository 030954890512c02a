"""The speech timer's formats and clock, without a screen: the shipped formats say what
the rules of each say, a teacher's file is checked with file:line messages, and the
clock (a fake one here) tells each protected-time boundary and time's up once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.work.speech import Phase, SpeechTimer
from tui.core.work.speech_format import Window, load_formats, parse_format


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def shipped(format_id: str):
    found = load_formats(None)
    assert found.problems == []
    speech_format = found.get(format_id)
    assert speech_format is not None
    return speech_format


def minutes(speech_format) -> list[float]:
    return [s.seconds / 60 for s in speech_format.speeches]


def test_the_shipped_formats_in_the_order_offered():
    names = [f.name for f in load_formats(None).formats]
    assert names == ["British Parliamentary", "World Schools", "Lincoln-Douglas",
                     "Public Forum", "Classroom (short)"]


def test_british_parliamentary_protects_the_first_and_last_minute():
    bp = shipped("british-parliamentary")
    assert minutes(bp) == [7] * 8
    assert {s.points for s in bp.speeches} == {Window(60, 360)}


def test_world_schools_has_no_points_in_replies():
    ws = shipped("world-schools")
    assert minutes(ws) == [8] * 6 + [4, 4]
    assert [s.points for s in ws.speeches] == [Window(60, 420)] * 6 + [None, None]


def test_lincoln_douglas_times_and_prep():
    ld = shipped("lincoln-douglas")
    assert minutes(ld) == [6, 3, 7, 3, 4, 6, 3]
    assert ld.prep == (("Affirmative", 240), ("Negative", 240))
    assert "(1AR)" in ld.speeches[4].name


def test_public_forum_times_crossfires_and_prep():
    pf = shipped("public-forum")
    assert minutes(pf) == [4, 4, 3, 4, 4, 3, 3, 3, 3, 2, 2]
    assert [s.name for s in pf.speeches if "rossfire" in s.name] == [
        "Crossfire (first speakers)", "Crossfire (second speakers)",
        "Grand Crossfire (all four)"]
    assert [seconds for _, seconds in pf.prep] == [180, 180]


def test_a_teachers_format_from_the_data_folder(tmp_path: Path):
    (tmp_path / "formats").mkdir()
    (tmp_path / "formats" / "year-9.yaml").write_text(
        "name: Year 9 practice\nspeeches:\n  - {name: Opening, time: 2:30}\n"
        "  - {name: Reply, time: 1, side: Against}\n", encoding="utf-8")
    found = load_formats(tmp_path)
    teacher = found.get("year-9")
    assert teacher is not None and found.formats[-1] is teacher
    assert [(s.name, s.seconds, s.side) for s in teacher.speeches] == [
        ("Opening", 150, ""), ("Reply", 60, "Against")]


@pytest.mark.parametrize(("text", "message"), [
    ("name: X\nspeeches:\n  - {name: A, time: 7:00}\n  - {name: B, tme: 7:00}\n",
     "f.yaml:4:15: unknown field 'tme' in a speech (did you mean 'time'?)"),
    ("name: X\nspeeches:\n  - {name: A, time: seven}\n",
     "f.yaml:3:21: 'time' should be minutes and seconds such as 7:00 or 4 (at most 60 minutes)"),
    ("name: X\npoints_of_information: 1:00-6:00\nspeeches:\n  - {name: A, time: 4:00}\n",
     "f.yaml:4:5: points of information end at 6:00, after the speech's 4:00 "
     "(give this speech its own range, or none)"),
    ("name: X\nspeeches:\n  - {name: A, time: 3:00, points_of_information: 2:00-1:00}\n",
     "f.yaml:3:50: 'points_of_information' should end after it starts"),
    ("name: X\n", "f.yaml:1:1: a format needs 'speeches'"),
    ("- just a list\n", "f.yaml:1:1: a format should be a mapping of name, about, "
     "points_of_information, prep, speeches"),
    ("name: X\nspeeches:\n\t- {name: A}\n", "f.yaml:3:1: YAML syntax error"),
    ("", "f.yaml: a format should be a mapping"),
    ("name: X\nprep: 4:00\nspeeches:\n  - {name: A, time: 1}\n",
     "f.yaml:2:7: 'prep' should map each team to its preparation time"),
])
def test_a_mistake_in_a_format_file_is_a_message_with_its_place(text, message):
    speech_format, problems = parse_format(text, "f", "f.yaml")
    assert speech_format is None
    assert any(str(p).startswith(message) for p in problems), [str(p) for p in problems]


def test_a_broken_or_unreadable_teacher_file_is_reported_and_the_rest_load(tmp_path: Path):
    folder = tmp_path / "formats"
    folder.mkdir()
    (folder / "broken.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    (folder / "binary.yaml").write_bytes(b"\xff\xfe\x00")
    found = load_formats(tmp_path)
    assert len(found.formats) == 5  # the shipped ones
    shown = [str(p) for p in found.problems]
    assert any(s.startswith(f"{folder / 'broken.yaml'}:") for s in shown), shown
    assert any(s.startswith(f"{folder / 'binary.yaml'}: cannot read the file") for s in shown)


def test_british_parliamentary_signals_each_boundary_once():
    clock = FakeClock()
    timer = SpeechTimer(shipped("british-parliamentary"), clock)
    timer.toggle()
    assert timer.phase is Phase.PROTECTED and timer.signals() == []
    clock.advance(59)
    assert timer.signals() == [] and timer.phase is Phase.PROTECTED
    clock.advance(1)
    assert [s.words for s in timer.signals()] == ["Points of information open, until 6:00."]
    assert timer.phase is Phase.POINTS
    assert timer.signals() == []  # told once
    clock.advance(300)
    assert [s.words for s in timer.signals()] == [
        "Protected time: no more points of information."]
    clock.advance(60)
    assert [s.words for s in timer.signals()] == ["Time's up: 7:00 gone."]
    assert timer.phase is Phase.TIME_UP and timer.left == 0
    clock.advance(12)
    assert timer.left == -12  # the clock runs on, to show how far over


def test_pausing_stops_the_clock_and_a_long_gap_tells_every_moment_passed():
    clock = FakeClock()
    timer = SpeechTimer(shipped("british-parliamentary"), clock)
    timer.toggle()
    clock.advance(30)
    timer.toggle()  # paused
    clock.advance(600)
    assert timer.elapsed == 30 and not timer.running
    timer.toggle()
    clock.advance(400)
    assert [s.words for s in timer.signals()] == [
        "Points of information open, until 6:00.",
        "Protected time: no more points of information.",
        "Time's up: 7:00 gone."]


def test_world_schools_reply_has_no_points_and_next_speech_starts_paused():
    clock = FakeClock()
    timer = SpeechTimer(shipped("world-schools"), clock, index=6)
    assert timer.speech.name == "Opposition Reply" and timer.phase is Phase.NO_POINTS
    timer.toggle()
    clock.advance(240)
    assert [s.words for s in timer.signals()] == ["Time's up: 4:00 gone."]
    timer.go_to(timer.index + 1)
    assert timer.speech.name == "Proposition Reply"
    assert not timer.running and timer.left == 240


def test_reset_starts_the_speech_again():
    clock = FakeClock()
    timer = SpeechTimer(shipped("classroom"), clock)
    timer.toggle()
    clock.advance(45)
    timer.signals()
    timer.reset()
    assert timer.left == 180 and not timer.running
    timer.toggle()
    clock.advance(31)
    assert [s.words for s in timer.signals()] == ["Points of information open, until 2:30."]


def test_prep_time_runs_alone_and_is_kept_between_speeches():
    clock = FakeClock()
    timer = SpeechTimer(shipped("lincoln-douglas"), clock, index=1)
    assert timer.prep_team() == "Negative"  # the next speech with prep is the NC
    timer.toggle()
    clock.advance(10)
    timer.toggle_prep("Negative")
    assert not timer.running and timer.prep_running == "Negative"
    clock.advance(90)
    timer.go_to(2)
    assert timer.prep_running is None
    assert timer.prep["Negative"].left == 150 and timer.prep["Affirmative"].left == 240
    timer.toggle_prep("Negative")
    clock.advance(150)
    assert [s.words for s in timer.signals()] == ["Prep time over: Negative."]
    clock.advance(5)
    assert timer.signals() == []  # told once


def test_formats_command_lists_them_and_reports_a_teachers_mistake(tmp_path: Path, capsys):
    from tui.cli import main

    assert main(["formats", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Lincoln-Douglas (lincoln-douglas): 7 speeches, prep Affirmative 4:00, " \
           "Negative 4:00" in out
    assert f"Your own formats go in {tmp_path / 'formats'}" in out
    (tmp_path / "formats").mkdir()
    (tmp_path / "formats" / "year-9.yaml").write_text(
        "name: Year 9\nspeeches:\n  - {name: Opening, time: 2:30, pois: 0:30-2:00}\n",
        encoding="utf-8")
    assert main(["formats", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err == (f"{tmp_path / 'formats' / 'year-9.yaml'}:3:33: unknown field 'pois' in a "
                   "speech (the fields are name, time, side, points_of_information)\n")
