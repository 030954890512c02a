"""A student's case as an HTML page to print: their name and the date, their arguments in
speaking order with notes and evidence, the other side's with their rebuttals, and,
under a rebuttal not written yet, the pack's own answers from their side (each saying
whether an article records it or the pack paired it).

Nothing is printed for what is empty (no "No notes yet." lines to fill a page), and
every piece of text from the pack or the case is escaped: it is data, never markup.
"""

from __future__ import annotations

import datetime
from html import escape

from tui.core.controls import visible
from tui.core.pack.model import Debate, Quote
from tui.core.pack.rebuttals import how_known, replies_to
from tui.core.wording import side_word, the_others
from tui.core.work.case import Case, CaseEntry, Expected
from tui.core.work.handout import sources_used

# Screen and paper: a readable column on screen; on paper black on white, no
# background, a heading kept with what follows it, a quote never split across pages.
STYLE = """
body { font-family: Georgia, "Times New Roman", serif; line-height: 1.45; color: #111;
       max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
header { border-bottom: 2px solid #111; margin-bottom: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #999; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .35rem; }
.who { font-size: 1.05rem; margin: 0 0 .75rem; }
.side-label { font-weight: normal; color: #444; }
blockquote { margin: .4rem 0 .6rem 1.25rem; padding-left: .75rem; border-left: 3px solid #999; }
blockquote p { margin: 0; }
blockquote footer { font-size: .9rem; color: #333; }
.notes, .rebuttal { white-space: pre-wrap; margin: .3rem 0; }
.to-write { font-style: italic; margin: .3rem 0; }
.how { font-size: .9rem; color: #333; }
li.argument { margin-bottom: 1rem; }
@media print {
  @page { margin: 18mm 16mm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; color: #000; }
  header { break-after: avoid; }
  h2, h3 { break-after: avoid; }
  blockquote, .notes, .rebuttal { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def text(value: str) -> str:
    """Pack or case text as HTML: escaped, control characters shown as symbols."""
    return escape(visible(value), quote=True)


def to_html(debate: Debate, case: Case, student: str = "",
            date: datetime.date | None = None) -> str:
    info = debate.info
    day = date or datetime.date.today()
    when = f"{day.day} {day:%B %Y}"
    who = f"{text(student.strip())} · {when}" if student.strip() else when
    parts = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             f"<title>My case: {text(info.title)}</title>",
             f"<style>{STYLE}</style>", "</head>", "<body>", "<header>",
             f"<h1>My case: {text(info.title)}</h1>", f'<p class="who">{who}</p>',
             f"<p><strong>Motion:</strong> {text(info.motion)}</p>"]
    if case.side in debate.positions:
        position = debate.positions[case.side]
        on_motion = f" ({text(position.on_motion)})" if position.on_motion else ""
        parts.append(f"<p><strong>My {side_word(len(debate.positions))}:</strong> "
                     f"{text(position.name)}{on_motion}. {text(position.stance)}</p>")
    parts.append("</header>")
    if not case.entries and not case.expected:
        parts.append("<p>Nothing is in this case yet: add arguments in the explorer's case "
                     "screen, then print again.</p>")
    if case.entries:
        parts += ["<section>", "<h2>My arguments, in speaking order</h2>", "<ol>"]
        parts += [_entry(debate, entry) for entry in case.entries]
        parts += ["</ol>", "</section>"]
    if case.expected:
        parts += ["<section>", f"<h2>What {the_others(len(debate.positions))} will say, "
                  "and my answers</h2>", "<ol>"]
        parts += [_expected(debate, case, expected) for expected in case.expected]
        parts += ["</ol>", "</section>"]
    parts += _sources(debate, case)
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _claim(debate: Debate, argument_id: str, with_side: bool = False) -> str:
    argument = debate.arguments.get(argument_id)
    if argument is None:
        return f"<h3>(no longer in the pack: {text(argument_id)})</h3>"
    side = ""
    if with_side and argument.position in debate.positions:
        side = (f' <span class="side-label">'
                f"({text(debate.positions[argument.position].label)})</span>")
    return f"<h3>{text(argument.claim)}{side}</h3>"


def _quote(debate: Debate, quote: Quote) -> str:
    words = f"“{quote.text}”" if quote.kind == "direct" else quote.text
    speaker = debate.speakers.get(quote.speaker)
    source = debate.sources.get(quote.source)
    who = ", ".join(x for x in (speaker.name if speaker else quote.speaker,
                                speaker.role if speaker else "") if x)
    if quote.kind == "reported":
        who += " (reported speech)"
    where = f" — {source.outlet}, {source.when}" if source else ""
    return (f"<blockquote><p>{text(words)}</p><footer>— {text(who + where)}</footer>"
            "</blockquote>")


def _entry(debate: Debate, entry: CaseEntry) -> str:
    parts = ['<li class="argument">', _claim(debate, entry.argument)]
    if entry.notes.strip():
        parts.append(f'<p class="notes">{text(entry.notes.strip())}</p>')
    parts += [_quote(debate, debate.quotes[q]) for q in entry.quotes if q in debate.quotes]
    return "\n".join([*parts, "</li>"])


def _expected(debate: Debate, case: Case, expected: Expected) -> str:
    parts = ['<li class="argument">', _claim(debate, expected.argument, with_side=True)]
    if expected.rebuttal.strip():
        parts.append(f'<p class="rebuttal"><strong>My rebuttal:</strong> '
                     f"{text(expected.rebuttal.strip())}</p>")
        return "\n".join([*parts, "</li>"])
    answers = [r for r in replies_to(debate, expected.argument)
               if r.answer.position == case.side] if expected.argument in debate.arguments \
        else []
    mine = side_word(len(debate.positions))
    if not answers:
        parts.append('<p class="to-write">My rebuttal is not written yet, and the pack has no '
                     f"answer from my {mine}: this one is mine to find.</p>")
        return "\n".join([*parts, "</li>"])
    parts += ['<p class="to-write">My rebuttal is not written yet. The pack\'s answers from '
              f"my {mine}:</p>", "<ul>"]
    for reply in answers:
        quotes = "".join(_quote(debate, debate.quotes[q]) for q in reply.answer.quotes[:1]
                         if q in debate.quotes)
        parts.append(f"<li>{text(reply.answer.claim)} "
                     f'<span class="how">({text(how_known(debate, reply))}.)</span>'
                     f"{quotes}</li>")
    return "\n".join([*parts, "</ul>", "</li>"])


def _sources(debate: Debate, case: Case) -> list[str]:
    used = sources_used(debate, case)
    if not used:
        return []
    items = [f"<li><strong>{text(s.headline)}</strong> — {text(f'{s.outlet}, {s.when}')}."
             "</li>" for s in used]
    return ["<section>", "<h2>Sources</h2>", "<ul>", *items, "</ul>", "</section>"]
