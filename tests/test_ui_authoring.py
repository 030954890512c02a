"""A teacher builds a whole pack in the editor by key presses only (issue 13): two
articles, 2 positions, 6 arguments, 12 quotes, 3 rebuttals and 1 fact. The result
validates, opens in the explorer, and the teacher's comment in pack.yaml is untouched."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import screen_text
from textual.pilot import Pilot

from tui.core.authoring import operations as op
from tui.core.authoring.newpack import new_pack
from tui.core.authoring.session import Session
from tui.core.pack.loader import load_pack
from tui.ui.app import ExplorerApp
from tui.ui.editor_app import EditorApp
from tui.ui.screens.editor_source import PassageScreen
from tui.ui.widgets.lists import KeyList

ARTICLES = Path(__file__).parent / "authoring"
TEACHER_COMMENT = "# Ms Hale, 3 March: check the Gazette's date with the library before class.\n"
SIZE = (100, 32)

# (source, first words, last words, speaker, kind, argument)
QUOTES = [
    ("harbour-gazette", "\"safe for children", "in a generation.\"", "Priya Nair", "direct",
     "safety"),
    ("harbour-gazette", "She told the meeting", "street were closed.", "Priya Nair",
     "reported", "safety"),
    ("harbour-gazette", "\"every delivery van", "a customer lost.\"", "Tom Reilly", "direct",
     "trade-loss"),
    ("harbour-gazette", "He said members", "of a fifth.", "Tom Reilly", "reported",
     "trade-loss"),
    ("harbour-gazette", "Ms Nair said", "figures closely.", "Priya Nair", "reported", "trial"),
    ("harbour-gazette", "\"Streets that are", "for shops,\"", "Priya Nair", "direct", "trial"),
    ("valley-radio", "\"help the hundreds", "more easily.\"", "Alan Brooks", "direct", "air"),
    ("valley-radio", "Cars, he added,", "the fumes.", "Alan Brooks", "reported", "air"),
    ("valley-radio", "\"We were told,", "not asked,\"", "Sarah Lowe", "direct", "not-listened"),
    ("valley-radio", "She argued that", "park instead.", "Sarah Lowe", "reported",
     "older-shoppers"),
    ("valley-radio", "Councillor Nair answered", "six months first.", "Priya Nair",
     "reported", "trial"),
    ("valley-radio", "\"If it does", "think again,\"", "Priya Nair", "direct", "trial"),
]
SPEAKERS = {  # name: (role, organisation, position)
    "Priya Nair": ("Councillor", "Council", "town-council"),
    "Tom Reilly": ("Shopkeeper", "Traders", "traders"),
    "Alan Brooks": ("Health chief", "Town", "town-council"),
    "Sarah Lowe": ("Member", "Traders", "traders"),
}
ARGUMENTS = {  # key: (position, claim, summary, themes)
    "safety": ("town-council", "Safe walks to school.", "Safer.", "Safety"),
    "trade-loss": ("traders", "Shops lose trade.", "Vans.", "Trade"),
    "trial": ("town-council", "A trial; good for shops.", "Trial.", "Trade"),
    "air": ("town-council", "Cleaner air.", "Asthma.", "Health"),
    "not-listened": ("traders", "Nobody listened.", "Told.", "Trust"),
    "older-shoppers": ("traders", "Older shoppers leave.", "Far.", "Trade"),
}
# (answer, answered, the quotes of each side when the sources record the exchange)
REBUTTALS = [("trial", "trade-loss", None),
             ("trial", "not-listened", ("\"If it does", "\"We were told")),
             ("older-shoppers", "safety", None)]


def _find(text: str, words: str, start: int) -> re.Match[str]:
    """Words as the article has them, whatever its line breaks."""
    found = re.compile(r"\s+".join(map(re.escape, words.split()))).search(text, start)
    assert found is not None, words
    return found


class Teacher:
    """Key presses only; what the teacher reads on screen decides how many."""

    def __init__(self, pilot: Pilot, app: EditorApp) -> None:
        self.pilot = pilot
        self.app = app
        self.presses = 0
        self.argument_ids: dict[str, str] = {}
        self.told: list[str] = []
        notify = app.notify

        def heard(message: str, **options: object) -> None:
            self.told.append(message)
            notify(message, **options)  # type: ignore[arg-type]

        app.notify = heard  # type: ignore[method-assign]

    async def press(self, *keys: str) -> None:
        self.presses += len(keys)
        await self.pilot.press(*keys)

    async def type(self, text: str) -> None:
        await self.press(*text)

    async def choose(self, label: str) -> None:
        """In a list: move to the option whose words start with `label`, and Enter."""
        choices = self.app.screen.query_one(KeyList)
        await self.press("home")
        for _ in range(choices.option_count):
            index = choices.highlighted
            assert index is not None
            if str(choices.get_option_at_index(index).prompt).startswith(label):
                await self.press("enter")
                return
            await self.press("down")
        raise AssertionError(f"no option '{label}' in {self.app.screen}")

    async def fill(self, *values: str) -> None:
        for value in values:
            await self.type(value)
            await self.press("enter")

    async def select(self, first: str, last: str) -> tuple[int, int]:
        screen = self.app.screen
        assert isinstance(screen, PassageScreen)
        selection = screen.picker.selection
        text = selection.text
        start = _find(text, first, 0).start()
        end = _find(text, last, start).end()
        for _ in range(400):
            if selection.words[selection.caret][0] == start:
                break
            following = [i for i in range(selection.caret + 1, len(selection.words))
                         if selection._ends(i - 1)]
            ahead = following and selection.words[following[0]][0] <= start
            back = selection.words[selection.caret][0] > start
            await self.press("left" if back else ")" if ahead else "right")
        assert selection.words[selection.caret][0] == start, (first, selection.caret)
        await self.press("v")
        for _ in range(400):
            if selection.words[selection.caret][1] == end:
                break
            later = [i for i in range(selection.caret + 1, len(selection.words))
                     if selection._ends(i)]
            await self.press(")" if later and selection.words[later[0]][1] <= end else "right")
        assert selection.span == (start, end), (first, last, selection.selected)
        return start, end

    async def quote(self, source: str, first: str, last: str, speaker: str, kind: str,
                    argument: str) -> None:
        await self.open_source(source)
        await self.select(first, last)
        await self.press("enter")
        known = {s.name for s in self.app.session.debate.speakers.values()}
        if speaker in known:
            await self.choose(speaker)
        else:
            await self.choose("+ Add a speaker")
            role, organisation, position = SPEAKERS[speaker]
            await self.fill(speaker, role, organisation)
            await self.choose(self.app.session.debate.positions[position].name)
        await self.choose("Direct" if kind == "direct" else "Reported")
        if argument in self.argument_ids:
            claim = ARGUMENTS[argument][1]
            position = self.app.session.debate.positions[ARGUMENTS[argument][0]]
            await self.choose(f"{position.label}: {claim}")
        else:
            before = set(self.app.session.debate.arguments)
            position, claim, summary, themes = ARGUMENTS[argument]
            await self.choose("+ Add an argument")
            await self.choose(self.app.session.debate.positions[position].name)
            await self.fill(claim, summary, themes)
            made = set(self.app.session.debate.arguments) - before
            assert len(made) == 1, self.notices()
            self.argument_ids[argument] = made.pop()

    async def open_source(self, source: str) -> None:
        screen = self.app.screen
        if isinstance(screen, PassageScreen) and screen.source_id == source:
            return
        if isinstance(screen, PassageScreen):
            await self.press("escape")
        await self.highlight(f"sources:{source}")
        await self.press("enter")
        assert isinstance(self.app.screen, PassageScreen)

    async def highlight(self, option_id: str) -> None:
        if isinstance(self.app.screen, PassageScreen):
            await self.press("escape")
        records = self.app.screen.query_one(KeyList)
        await self.press("home")
        for _ in range(records.option_count):
            if records.highlighted_id() == option_id:
                return
            await self.press("down")
        raise AssertionError(f"no record {option_id} in the list")

    def notices(self) -> list[str]:
        return self.told


async def test_a_teacher_builds_a_pack_from_two_articles_by_key_presses_only(tmp_path):
    pack = tmp_path / "mill-street"
    new_pack(pack, [ARTICLES / "harbour-gazette.txt", ARTICLES / "valley-radio.txt"],
             title="Close Mill Street to cars?", positions=["Town council", "Traders"])
    pack_yaml = pack / "pack.yaml"
    pack_yaml.write_text(TEACHER_COMMENT + pack_yaml.read_text(encoding="utf-8"),
                         encoding="utf-8")
    before = pack_yaml.read_text(encoding="utf-8")
    app = EditorApp(Session(pack))
    async with app.run_test(size=SIZE) as pilot:
        teacher = Teacher(pilot, app)
        for quote in QUOTES:
            await teacher.quote(*quote)
        # The fact: the survey's figure, in the quote already made of its sentence.
        await teacher.open_source("harbour-gazette")
        await teacher.select("71%", "71%")
        await teacher.press("f")
        await teacher.fill("Parents who would let their children walk")
        assert app.screen.focused is not None and getattr(app.screen.focused, "value", "") == "71"
        await teacher.press("enter")  # the figure, as found in the selection
        assert getattr(app.screen.focused, "value", "") == "%"
        await teacher.press("enter", "enter", "enter")
        await teacher.fill("Mill Street")
        # The rebuttals: the pack's own pairing.
        for answer, answered, recorded in REBUTTALS:
            await teacher.highlight(f"arguments:{teacher.argument_ids[answer]}")
            await teacher.press("l")
            position = app.session.debate.positions[ARGUMENTS[answered][0]]
            await teacher.choose(f"{position.label}: {ARGUMENTS[answered][1]}")
            if recorded is None:
                await teacher.choose("Rebuts it: the pack's pairing")
            else:
                await teacher.choose("Rebuts it: recorded in the sources")
                await teacher.choose(recorded[0])
                await teacher.choose(recorded[1])
        # The motion, still a placeholder: edited in the app too.
        await teacher.highlight("pack:")
        await teacher.press("e", "tab")
        await teacher.press("ctrl+u")  # clear the placeholder
        await teacher.type("Mill Street should close to cars.")
        await teacher.press("ctrl+s")
        assert not [n for n in teacher.notices() if n.startswith("Not changed")], teacher.notices()
        print(f"key presses: {teacher.presses}")

    result = load_pack(pack)
    debate = result.debate
    assert debate is not None, [str(p) for p in result.errors]
    assert len(debate.positions) == 2 and len(debate.arguments) == 6
    assert len(debate.quotes) == 12 and len(debate.facts) == 1
    assert sum(len(a.rebuts) for a in debate.arguments.values()) == 3
    trial = debate.arguments[teacher.argument_ids["trial"]]
    exchange = trial.exchange_with(teacher.argument_ids["not-listened"])
    assert exchange is not None
    assert [debate.quotes[q].text[:len(words)] for q, words in zip(
        exchange.quotes, ("\"If it does", "\"We were told"), strict=True)] == [
        "\"If it does", "\"We were told"]
    assert trial.exchange_with(teacher.argument_ids["trade-loss"]) is None  # a pairing
    fact = next(iter(debate.facts.values()))
    assert (fact.value, fact.unit, fact.place) == (71, "%", "Mill Street")
    assert debate.info.motion == "Mill Street should close to cars."
    # The teacher's own lines in pack.yaml are still there, byte for byte: only the
    # motion's line changed.
    after = pack_yaml.read_text(encoding="utf-8")
    assert after.startswith(TEACHER_COMMENT)
    assert [line for line in after.splitlines() if line not in before.splitlines()] == [
        "  motion: Mill Street should close to cars."]

    explorer = ExplorerApp(debate)
    async with explorer.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = screen_text(explorer)
        assert "Safe walks to school." in shown and "Shops lose trade." in shown


async def test_E_in_the_explorer_leaves_it_for_the_editor_of_the_packs_files(pack_copy,
                                                                             isolated_home):
    debate = load_pack(pack_copy.path).debate
    app = ExplorerApp(debate)
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press("question_mark")
        assert "Edit the pack's files (leaves the explorer)" in screen_text(app)
        await pilot.press("escape", "E")
    assert app.wants_editor


def test_edit_refuses_a_pack_with_errors_and_lists_them(broken_pack, capsys):
    from tui.cli import main

    assert main(["edit", str(broken_pack)]) == 1
    err = capsys.readouterr().err
    assert "refers to argument 'evidence-mixd', which does not exist" in err
    assert "validate --watch" in err


def made_pack(tmp_path: Path) -> Session:
    """A new pack with one quote by the council's speaker, attached to nothing yet."""
    pack = tmp_path / "mill"
    new_pack(pack, [ARTICLES / "harbour-gazette.txt"], positions=["Town council", "Traders"])
    session = Session(pack)
    text = session.debate.sources["harbour-gazette"].text
    nair = op.add_speaker(session, "Priya Nair", "Councillor", "Town council", "town-council")
    start = text.index('"safe')
    op.add_quote(session, "harbour-gazette", start, text.index("generation.\"") + 12, nair,
                 "direct")
    theme = op.add_theme(session, "Safety")
    op.add_argument(session, "town-council", "Safe walks to school.", "Safer.", [theme])
    return session


async def test_l_on_a_quote_attaches_it_to_an_argument_and_again_detaches_it(tmp_path):
    session = made_pack(tmp_path)
    quote = next(iter(session.debate.quotes))
    argument = next(iter(session.debate.arguments))
    app = EditorApp(session)
    async with app.run_test(size=SIZE) as pilot:
        teacher = Teacher(pilot, app)
        await teacher.highlight(f"quotes:{quote}")
        await teacher.press("l")
        await teacher.choose("Town council: Safe walks to school.")
        assert session.debate.arguments[argument].quotes == (quote,)
        assert "cited by 1" in screen_text(app)
        await teacher.press("l")
        await teacher.choose("✓ cites it; choose to stop Town council: Safe walks")
        assert session.debate.arguments[argument].quotes == ()
        await teacher.press("u")  # undo the detaching
        assert session.debate.arguments[argument].quotes == (quote,)
        assert any(told.startswith("Undone: stop citing") for told in teacher.told)


async def test_a_change_the_validator_refuses_is_told_in_its_words_and_not_written(tmp_path):
    session = made_pack(tmp_path)
    sources = (session.folder / "sources.yaml").read_bytes()
    app = EditorApp(session)
    async with app.run_test(size=SIZE) as pilot:
        teacher = Teacher(pilot, app)
        await teacher.highlight("sources:harbour-gazette")
        await teacher.press("e", "tab", "tab")  # to the date
        await teacher.type("2024-02-30")
        await teacher.press("ctrl+s")
        refused = [told for told in teacher.told if told.startswith("Not changed")]
        assert len(refused) == 1
        assert "sources.yaml:10:23: source 'harbour-gazette' has both 'date' and " \
            "'approximate_date' (keep the one the text supports) (and 1 more problem)" in refused[0]
    assert (session.folder / "sources.yaml").read_bytes() == sources


async def test_a_quote_of_a_side_with_no_argument_yet_offers_a_new_argument_first(tmp_path):
    session = made_pack(tmp_path)  # the council has an argument; the traders none
    text = session.debate.sources["harbour-gazette"].text
    reilly = op.add_speaker(session, "Tom Reilly", "Shopkeeper", "Traders", "traders")
    start = text.index('"every')
    quote = op.add_quote(session, "harbour-gazette", start, text.index('lost."') + 6, reilly,
                         "direct")
    app = EditorApp(session)
    async with app.run_test(size=SIZE) as pilot:
        teacher = Teacher(pilot, app)
        await teacher.highlight(f"quotes:{quote}")
        await teacher.press("l")
        choices = app.screen.query_one(KeyList)
        assert choices.highlighted_id() == "+new"


async def test_letters_typed_ahead_while_a_change_is_asked_for_neither_undo_nor_quit(tmp_path):
    session = made_pack(tmp_path)
    app = EditorApp(session)
    async with app.run_test(size=SIZE) as pilot:
        teacher = Teacher(pilot, app)
        await teacher.highlight("sources:harbour-gazette")
        await teacher.press("enter")
        steps = len(session.steps)
        # Between two dialogs of a quote being made, the passage is on screen again:
        # what the teacher typed for the next form must not act on it.
        app.screen.busy = True
        await teacher.type("Public health u")
        assert len(session.steps) == steps
        await teacher.press("q")
        assert app.is_running
        app.screen.busy = False
        await teacher.press("u")
        assert len(session.steps) == steps - 1


async def test_a_source_known_only_by_its_address_says_it_has_no_passage_to_select(tmp_path):
    session = made_pack(tmp_path)
    sources = session.folder / "sources.yaml"
    sources.write_text(sources.read_text() + "  - id: web\n    url: https://example.org/a\n"
                       "    outlet: A web page\n    headline: A page\n", encoding="utf-8")
    app = EditorApp(Session(session.folder))
    async with app.run_test(size=SIZE) as pilot:
        teacher = Teacher(pilot, app)
        await teacher.highlight("sources:web")
        await teacher.press("enter")
        assert not isinstance(app.screen, PassageScreen)
        assert teacher.told == ["This source has no article file in the pack (only its "
                                "address), so there is no passage to select."]
