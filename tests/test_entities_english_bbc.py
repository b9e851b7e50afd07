"""English name rules of issue 16 on real BBC sentences (../shared/data/news/bbc): demonyms, UK
nations and parties, teams in sports copy, broadcasters' channels, ``X & Y`` companies,
hyphen-joined company pairs, lone one-word names and women's titles."""

from __future__ import annotations

import pytest

from newsetl.transforms.entities import entity_mentions

P = pytest.param


def _spans(text: str) -> set[tuple[str, str]]:
    return {(m.text, m.entity_type) for m in entity_mentions(text, "en")}


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        P("Struggling Japanese car maker Mitsubishi Motors has struck a deal to supply French car maker Peugeot.",
          ("Struggling Japanese", "PERSON"), ("Mitsubishi Motors", "ORG"), id="demonym-inside"),
        P("That might be changing, though, as more and more Latin American artists are finding audiences.",
          ("Latin American", "PERSON"), None, id="two-word-demonym"),
        P("Recently-crowned European cross country champion Briton Hayley Yelling also competes in Edinburgh.",
          ("Briton Hayley Yelling", "PERSON"), ("Hayley Yelling", "PERSON"), id="demonym-opens-name"),
        P("Special permission from the Spanish FA came after an injury to central defender Igor Jauregi.",
          ("Spanish FA", "PERSON"), ("Spanish FA", "ORG"), id="demonym-acronym"),
        P("Most of the Catholic community's anger has come after watching newspaper advertisements.",
          ("Catholic", "PERSON"), None, id="faith"),
    ],
)
def test_demonyms_name_nobody(text, wrong, right):
    spans = _spans(text)
    assert wrong not in spans
    if right is not None:
        assert right in spans


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        P("Scotland, Wales and Northern Ireland already have children's commissioners.", "Northern Ireland", "LOC",
          id="northern-ireland-whole"),
        P("Scotland, Wales and Northern Ireland already have children's commissioners.", "Wales", "LOC", id="wales"),
        P("Meanwhile Lib Dem leader Charles Kennedy is expected to attack Mr Blair.", "Lib Dem", "ORG", id="lib-dem"),
        P("But Liberal Democrat peer Lord Carlile, the government's independent reviewer, disagreed.",
          "Liberal Democrat", "ORG", id="liberal-democrat"),
        P("Analysts claimed the Fed's assessment of future economic growth was a positive one.", "Fed", "ORG", id="fed"),
        P("Real Madrid did ask for an option on the England midfield man.", "Real Madrid", "ORG", id="club-of-a-city"),
        P("Their title hopes took a blow on Sunday as they fell to a 2-0 defeat at home to Atletico Madrid.",
          "Atletico Madrid", "ORG", id="club-two-words"),
        P("It was commissioned by UK Sport and Sport England, which wanted UK Athletics to justify funding.",
          "UK Sport", "ORG", id="agency-opening-with-a-country"),
    ],
)
def test_nations_parties_clubs_and_bodies(text, name, kind):
    assert (name, kind) in _spans(text)


# A sports report (sport/115): "Wales" fields a side, every mention of it is the team.
_GIGGS = (
    "Ryan Giggs will captain Wales as he wins his 50th cap in Wednesday's friendly against Hungary. "
    "The Manchester United winger is now targetting playing for Wales in the 2008 European Championships. "
    "Giggs admits he was considering joining the likes of former Wales skipper Gary Speed in retirement from "
    "the international game."
)
# An athletics report (sport/058): Madrid hosts the championships, no team plays for it.
_MADRID = (
    "Kelly Holmes took the women's 60m title in 7.27 seconds. \"You'll see me in Madrid and I feel there is a lot "
    "more to come along,\" said the world champion after the final. Her time was not good enough to qualify for "
    "Madrid but she had already opted out of the championships, the coach said after the match."
)


def test_a_place_that_fields_a_team_is_an_organisation_in_sports_copy():
    walesh = [m for m in entity_mentions(_GIGGS, "en") if m.text == "Wales"]
    assert len(walesh) == 3 and {m.entity_type for m in walesh} == {"ORG"}


def test_a_venue_stays_a_place_in_sports_copy():
    assert {m.entity_type for m in entity_mentions(_MADRID, "en") if m.text == "Madrid"} == {"LOC"}


def test_a_team_needs_sports_copy():
    text = "Liverpool fans were among the 2,000 people at the Labour conference in Liverpool, the city council said."
    assert ("Liverpool", "ORG") not in _spans(text)


@pytest.mark.parametrize(
    ("text", "name", "wrong"),
    [
        P("In a letter to BBC Radio 4's Today programme, he said the plans were wrong.", "BBC Radio 4", "BBC",
          id="radio-4"),
        P("Orange told the BBC News website that customers could use the syncing service.", "BBC News", "BBC",
          id="news"),
        P("Two executives from American International Group and one from Marsh & McLennan were the latest.",
          "Marsh & McLennan", "Marsh", id="x-and-y"),
    ],
)
def test_longer_names_stay_whole(text, name, wrong):
    spans = _spans(text)
    assert (name, "ORG") in spans
    assert not any(t == wrong for t, _ in spans)


def test_a_radio_station_is_not_the_broadcaster():
    mentions = entity_mentions("In a letter to BBC Radio 4's Today programme, he said the plans were wrong.", "en")
    assert [(m.text, m.canonical_name) for m in mentions if m.entity_type == "ORG"] == [("BBC Radio 4", "BBC Radio 4")]


def test_companies_listed_together_are_companies():
    text = ("China is encouraging state-owned companies to sell shares to foreign investors. Anheuser-Busch, "
            "Heineken and Scottish & Newcastle have all invested in the Chinese beer industry.")
    spans = _spans(text)
    assert ("Anheuser-Busch", "ORG") in spans and ("Scottish & Newcastle", "ORG") in spans


def test_two_companies_joined_by_a_hyphen_are_two():
    text = ("Gazprom said it would sell Rosneft. The Gazprom-Rosneft deal will be completed by the end of the year, "
            "Gazprom said. Rosneft said it had not been told. Gazprom shares rose.")
    keys = {m.entity_key for m in entity_mentions(text, "en")}
    assert "ORG:gazprom" in keys and "ORG:rosneft" in keys
    assert not any("gazprom rosneft" in k for k in keys)


def test_a_one_word_name_never_given_in_full_outside_sports_is_a_company():
    text = ("Unilever has said it will cut its workforce. Unilever said its sales had fallen by 1.2%. "
            "Under the restructuring plans, Patrick Cescau will become group chief executive.")
    spans = _spans(text)
    assert ("Unilever", "ORG") in spans and ("Patrick Cescau", "PERSON") in spans


def test_a_titled_surname_stays_a_person():
    text = "Mr Mittal told US investors that the acquisition was done. Mittal said employees will go down."
    assert {m.entity_type for m in entity_mentions(text, "en") if m.text == "Mittal"} == {"PERSON"}


def test_a_wife_is_not_her_husband():
    text = ("Mrs Howard will make solo visits to target seats as well as accompanying her husband on his "
            "campaign trail. Mr Howard will host a news conference every morning, Tory co-chairman Liam Fox said.")
    keys = {m.start: m.entity_key for m in entity_mentions(text, "en") if m.text == "Howard"}
    mrs, mr = keys[text.index("Howard")], keys[text.index("Mr Howard") + 3]
    assert mrs != mr
    names = {m.canonical_name for m in entity_mentions(text, "en") if m.entity_key == mrs}
    assert names == {"Mrs Howard"}


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        P("Google acquired Pyra Labs, makers of the Blogger software, in 2003.", ("Pyra Labs", "PERSON"),
          ("Pyra Labs", "ORG"), id="labs"),
        P("But Redford knows this and started the Sundance TV Channel in an effort to reach a wider audience.",
          ("Sundance TV Channel", "PERSON"), ("Sundance TV Channel", "ORG"), id="channel"),
        P("On 14 October Google released desktop search software that catalogues all the files.",
          ("October Google", "PERSON"), None, id="month-opens-no-name"),
        P("Research and development of new drugs is continuing apace, with R&D spending rising 37%.",
          ("R&D", "ORG"), None, id="r-and-d"),
    ],
)
def test_company_tails_and_openers(text, wrong, right):
    spans = _spans(text)
    assert wrong not in spans
    if right is not None:
        assert right in spans


def test_a_cabinet_title_introduces_the_whole_name():
    text = "Tony Blair is to join Home Secretary David Blunkett in a visit to Sheffield on Thursday."
    people = {(m.text, m.role) for m in entity_mentions(text, "en") if m.entity_type == "PERSON"}
    assert ("David Blunkett", "Home Secretary") in people


@pytest.mark.parametrize(
    ("text", "name", "kind", "role"),
    [
        P("But she denied her faith meant she received spiritual support from the Catholic movement Opus Dei.",
          "Opus Dei", "ORG", None, id="movement"),
        P("Olympian Tomlinson tried to play catch up with his six jumps.", "Tomlinson", "PERSON", "Olympian",
          id="olympian"),
        P("Labour MP Stephen Pound said his wife Maggie had been fully supportive.", "Stephen Pound", "PERSON",
          "Labour MP", id="mp"),
    ],
)
def test_nouns_before_a_name_type_it(text, name, kind, role):
    found = {(m.text, m.entity_type, m.role) for m in entity_mentions(text, "en")}
    assert (name, kind, role) in found


def test_a_titled_name_that_is_also_a_city_stays_a_person():
    text = ("Tony Blair is urging European leaders to wake up from their \"state of denial\" over President Bush's "
            "re-election. Mr Blair has probably been closer to President Bush than any other European leader.")
    assert {m.entity_type for m in entity_mentions(text, "en") if m.text == "Bush"} == {"PERSON"}


def test_an_initialled_surname_in_a_results_list_is_its_own_person():
    # sport/068: UK Athletics' team list after a quote of its chief.
    text = ("The championships will be the last to be attended by UK Athletics chief Max Jones before he retires. "
            "Jones said: \"The Olympics were a big step.\"\n\nJ Crane (Sale Harriers Manchester), S Jones (Trafford AC).")
    keys = {m.text: m.entity_key for m in entity_mentions(text, "en") if m.entity_type == "PERSON"}
    assert keys["S Jones"] != keys["Max Jones"] and keys["Jones"] == keys["Max Jones"]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        P("\"Christian Andersen's fairy tales are timeless and universal,\" she said.", "Christian Andersen", "PERSON",
          id="given-name-christian"),
        P("Financial newspaper Nihon Keizai Shimbun claimed that the firms will join up next year.",
          "Nihon Keizai Shimbun", "ORG", id="newspaper"),
    ],
)
def test_given_names_and_newspapers(text, name, kind):
    assert (name, kind) in _spans(text)


def test_a_company_and_an_acronym_joined_by_a_hyphen_are_two():
    text = ("Fiat said GM must buy it. The Fiat-GM deal collapsed last year. GM shares rose. Fiat shares fell.")
    keys = {m.entity_key for m in entity_mentions(text, "en")}
    assert {"ORG:fiat", "ORG:gm"} <= keys and not any("fiat gm" in k for k in keys)


def test_a_plural_acronym_is_no_name():
    text = ("Tories 'would cut number of MPs'\n\nThe Conservative Party would cut the number of MPs by about one-fifth "
            "if they were elected, Tory leader Michael Howard has said. The precise number of MPs to go would depend "
            "on the result.")
    assert not any(m.text == "MPs" for m in entity_mentions(text, "en"))


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        P("She recovered from her gruelling tussle with Paula Radcliffe in the New York Marathon in time to compete.",
          ("New York", "LOC"), id="place-in-an-event"),
        P("Hyundai is building one in Chennai, in the southern province of Tamil Nadu.", ("Nadu", "ORG"),
          id="demonym-and-one-word"),
        P("Paul Brizzel will be among eight of Ireland's European Indoor hopefuls competing this weekend.",
          ("Indoor", "ORG"), id="indoor"),
    ],
)
def test_parts_of_event_and_place_names_are_no_mentions(text, wrong):
    assert wrong not in _spans(text)


def test_a_title_inside_a_capitalised_run_is_the_role():
    text = "Carib Chief Charles Williams said talks with the producers revealed a strong element of cannibalism."
    assert {(m.text, m.role) for m in entity_mentions(text, "en") if m.entity_type == "PERSON"} == {
        ("Charles Williams", "Carib Chief")
    }


def test_a_plural_title_opens_no_name():
    text = "Advisors Goldman Sachs are understood to have valued its demerged Deluxe Film unit at 300m."
    assert not any(m.text.startswith("Advisors") for m in entity_mentions(text, "en"))


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        P("For non-smartphone users, a Memory Mate card could be used to back up data on the phone.",
          ("Memory Mate", "PERSON"), id="product"),
        P("The software will also find webpages and messages sent via AOL Instant Messenger.",
          ("Instant Messenger", "PERSON"), id="software"),
        P("The company is due to launch wi-fi on Virgin Trains later in the year.",
          ("Virgin Trains", "PERSON"), id="company"),
        P('The message in the body of the e-mail reads: "Happy Holidays" and this too is translated.',
          ("Happy Holidays", "PERSON"), id="greeting"),
        P("Orange Prize winner Andrea Levy has seen her book Small Island win the Whitbread Novel of the Year Award.",
          ("Orange Prize", "PERSON"), id="prize"),
    ],
)
def test_everyday_english_words_name_nobody(text, wrong):
    assert wrong not in _spans(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        P("Mark Oaten, for the Liberal Democrats, said Monday night's vote showed the government had "
          '"lost the confidence of all sides of the House".', "Mark Oaten", id="given-name-mark"),
        P("But Darren Campell, Jason Gardener, Marlon Devonish and Mark Lewis-Francis made amends in the sprint relay.",
          "Mark Lewis-Francis", id="given-name-in-list"),
    ],
)
def test_common_given_names_still_open_a_person(text, name):
    assert (name, "PERSON") in _spans(text)
