"""English organisation names with ``and`` inside, the short forms a bracket defines for them and
national sides (issue 16, BBC), on real sentences of ../shared/data/news/bbc."""

from __future__ import annotations

import pytest

from newsetl.transforms.entities import entity_mentions

P = pytest.param


def _spans(text: str) -> set[tuple[str, str]]:
    return {(m.text, m.entity_type) for m in entity_mentions(text, "en")}


@pytest.mark.parametrize(
    ("text", "name", "whole"),
    [
        P("The Securities and Exchange Commission has extended the deadline to get in line with the rules until 15 "
          "July 2006.", "Securities and Exchange Commission", True, id="commission"),
        P("\"At a time of hysterical and inaccurate reporting it is heartening to see the cultural, social and "
          "educational value of computer and video games being assessed intelligently,\" said Roger Bennett, director "
          "general of the Entertainment and Leisure Software Publishers Association.",
          "Entertainment and Leisure Software Publishers Association", True, id="association"),
        P("They did have business brains however, and in April 1995 persuaded venture capitalists Sequoia Capital, "
          "which also invested in Apple Computer and Cisco Systems, to fund Yahoo to the tune of $2m (£1.04m).",
          "Apple Computer and Cisco Systems", False, id="two-companies"),
        P("The Telegraph has announced no plans to go tabloid although both The Independent and The Times have seen "
          "circulation rise since shrinking in size.", "Independent and The Times", False, id="two-papers"),
    ],
)
def test_and_inside_a_body_s_name(text, name, whole):
    assert ((name, "ORG") in _spans(text)) is whole


@pytest.mark.parametrize(
    ("text", "short", "name"),
    [
        P("Civil liberties group the Electronic Frontier Foundation (EFF) has joined a legal fight between three US "
          "online journalists and Apple. The EFF, representing the reporters, has asked California's Superior court "
          "to stop Apple pursuing the sources.", "EFF", "Electronic Frontier Foundation", id="initials"),
        P("Fiat and General Motors (GM) have until midnight on 1 February to settle a disagreement over a potential "
          "takeover.", "GM", "General Motors", id="company"),
    ],
)
def test_bracketed_short_forms_name_their_organisation(text, short, name):
    named = {m.canonical_name for m in entity_mentions(text, "en") if m.text == short}
    assert named == {name}


def test_a_country_after_against_the_is_a_team_in_sports_copy():
    text = ("England coach Sven-Goran Eriksson has revealed Shaun Wright-Phillips will start against the Netherlands.\n\n"
            "But Wright-Phillips will not make his first start for England playing on the left, as had been widely "
            "expected. \"Shaun Wright-Phillips will probably start the game,\" said Eriksson. \"It's a blow that four "
            "or five central defenders are away because of injuries.\" The England coach said that he had been "
            "impressed by Wright-Phillips' form for Manchester City. \"Johnson was not in my plans a year ago but he is "
            "doing a great season and scoring a lot of goals.\"")
    assert ("Netherlands", "ORG") in _spans(text)


def test_the_rest_of_a_name_cut_at_its_hyphen_is_no_place():
    text = "Clark Boyd is technology correspondent for The World, a BBC World Service and WGBH-Boston co-production."
    assert not any(m.text.startswith("-") for m in entity_mentions(text, "en"))
