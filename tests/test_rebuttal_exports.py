"""Both exports tell a reply an article records from the pack's pairing, in the same words
as the argument screen: the debate's Markdown handout and the JSON export."""

from __future__ import annotations

from tui.core.export.as_json import to_data
from tui.core.export.as_markdown import to_markdown
from tui.core.pack.loader import load_pack

HOW_RECORDED = "Recorded in Test Gazette, about 2020: The minister answers Ann Example"
HOW_PAIRED = "Paired by the pack: no article records this reply"


def recorded_pack(pack_copy):
    """The good pack, with the article recording the minister's answer to the council."""
    pack_copy.edit("debate.yaml", "    rebuts: [room-saves-lives]\n",
                   "    rebuts: [room-saves-lives]\n    exchanges:\n      - answers: "
                   "room-saves-lives\n        quotes: [save-lives, mixed]\n")
    return load_pack(pack_copy.path).debate


def test_the_handout_marks_each_reply_recorded_or_paired_with_the_words(pack_copy):
    handout = to_markdown(recorded_pack(pack_copy))
    council = handout.split("## The ministry: the arguments")[0]
    assert ("**Replies to this argument:**\n\n- The evidence for rooms is mixed. (Ministry) "
            f"*{HOW_RECORDED}.*\n  - Ann Example: “It will save lives,”\n  - The minister: "
            "The minister said the evidence was \"mixed\" and that it would take years.\n"
            ) in council
    assert ("**This argument replies to:**\n\n- The evidence for rooms is mixed. (Ministry) "
            f"*{HOW_PAIRED}.*\n") in council
    table = handout.split("## Head to head")[1].split("##")[0]
    assert "| Replies (recorded in an article, or paired by the pack) |" in table
    assert "*(recorded: The minister answers Ann Example)*" in table
    assert "*(paired by the pack)*" in table
    assert "Answered by" not in handout


def test_the_json_export_gives_each_rebuttal_whole(pack_copy):
    arguments = {a["id"]: a for a in to_data(recorded_pack(pack_copy))["arguments"]}
    assert arguments["evidence-mixed"]["rebuttals"] == [{
        "answers": "room-saves-lives", "recorded": True, "sources": ["report"],
        "quotes": ["save-lives", "mixed"], "how": HOW_RECORDED}]
    assert arguments["room-saves-lives"]["rebuttals"] == [{
        "answers": "evidence-mixed", "recorded": False, "sources": [], "quotes": [],
        "how": HOW_PAIRED}]
