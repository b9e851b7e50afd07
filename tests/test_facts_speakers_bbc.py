"""BBC speakers that follow the discourse (issue 17): passages copied from ../shared/data/news/bbc.

Before these rules each quote went to the wrong speaker: the previous quote's speaker over a
sentence that reports a new one, an organisation, event or medium the tagger typed PERSON,
the name inside a firm's name, or the person spoken of before an unnamed spokesman.
"""

import pytest

from newsetl.transforms.entities.mentions import entity_mentions
from newsetl.transforms.facts.quotes import quotes


def quote_opening(text: str, opening: str):
    """Return the quote of ``text`` that opens with ``opening``, read with the pipeline's own mentions."""
    found = [q for q in quotes(text, entity_mentions(text, "en"), "en") if q.quote_text.startswith(opening)]
    assert found, [q.quote_text[:30] for q in quotes(text, entity_mentions(text, "en"), "en")]
    return found[0]


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        # A sentence between two quotes reports a new speaker: the quote after it is his, not Mr Clarke's.
        ("\"We reckon it's going to cost European air passengers - not the airlines, the airlines have no money, "
         "it has to be paid by passengers - 1.5bn euros, that's over £1bn a year loaded onto European passengers,\" "
         "Mr Clarke said. \"That's basically a transfer of money from passengers whose journeys are not disrupted to "
         "passengers whose journeys are disrupted.\"\n\nOn Wednesday, Jacques Barrot, vice president of the European "
         "Commission and also Commissioner for Transport, said that the changes were necessary. \"The boom in air "
         "travel needs to be accompanied by proper protection of passengers' right.\" \"This is a concrete example of "
         "how the Union benefits people's daily lives,\" he added.", "The boom in air travel", "Jacques Barrot"),
        ("Liberal Democrat Sarah Teather, the most recent female MP to be elected, told researchers: \"Lots of people "
         "say it's like an old boys club. \"I've always said to me it feels more like a teenage public school - you "
         "know a public school full of teenagers.\" Prof Joni Lovenduski, who conducted the study with the help of "
         "Margaret Moran MP and a team of journalists, said she was shocked at the findings. \"We expected a bit of "
         "this but nothing like this extent. We expected to find a couple of shocking episodes.\"",
         "We expected a bit", "Joni Lovenduski"),
        # A description set off by commas, then the name: the name speaks, and "he" goes on with him.
        ("Hollywood's honorary mayor, Johnny Grant, said: \"I do hereby proclaim this Godzilla Day in Hollywood.\n\n"
         "\"He's loose, he's wild, and I'm getting the hell out of here,\" he added.", "I do hereby", "Johnny Grant"),
        ("Hollywood's honorary mayor, Johnny Grant, said: \"I do hereby proclaim this Godzilla Day in Hollywood.\n\n"
         "\"He's loose, he's wild, and I'm getting the hell out of here,\" he added.", "He's loose", "Johnny Grant"),
        # "Carling Cup" and "San Francisco Chronicle" are no people, whatever the tagger says.
        ("Gerrard, who fired Liverpool into the last 16 of this season's competition with a brilliant goal in "
         "December's win over Olympiakos, insisted he was still fully focused on helping Liverpool to glory this "
         "season. The Reds are currently fifth in the Premiership table, five points off the crucial fourth spot, "
         "which brings Champions League qualification - and they face Chelsea in Sunday's Carling Cup final. \"It's "
         "big couple of months for Liverpool,\" he added.", "It's big couple", "Gerrard"),
        ("Conte faces a federal trial next year on charges of distributing steroids and tax evasion, and White said at "
         "first he tried to cover up what he was doing. \"He's the one who told me that it wasn't what he said it "
         "was,\" White said in the San Francisco Chronicle. But she added: \"It was my decision to go to him, not "
         "anybody else's.\"", "It was my decision", "White"),
        # "X of Save the Children said": the person, not the end of the charity's name.
        ("Laura Brownlees of Save the Children said there were grave concerns, not least because of the "
         "well-documented trafficking of children into crime and prostitution in Albania.\n\n\"If children are going "
         "to be returned then there should be proper assessments and decisions on a case by case basis,\" she said.",
         "If children are going", "Laura Brownlees"),
        # "said the spokesman" is the unnamed Home Office spokesman, not the woman quoted before.
        ("Laura Brownlees of Save the Children said there were grave concerns.\n\n\"If children are going to be "
         "returned then there should be proper assessments and decisions on a case by case basis,\" she said. A "
         "spokesman for the Home Office said it was wholly wrong to suggest that the plan was to return children "
         "\"and leave them to rot\". \"We are developing a returns programme for unaccompanied asylum-seeking children "
         "whose asylum and humanitarian protection claims have been refused,\" said the spokesman.",
         "We are developing", "Home Office"),
        # A programme named with "and", its occupation, then the person.
        ("\"There's no doubt that this year's selection of book club entries is the best yet. If anything, the choice "
         "is even wider than last time,\" said Madeley. \"It was very hard to follow last year's extremely successful "
         "list, but we think this year's books will do even better,\" said Richard and Judy executive producer Amanda "
         "Ross.", "It was very hard", "Amanda Ross"),
        # "He said:" is Parry, who revealed it; a line break inside the sentence does not make Morientes its subject.
        ("On the subject of Liverpool's captain and prize asset, Parry revealed Real Madrid\n\ndid\n\nask for an "
         "option on the England midfield man during negotiations for striker Fernando Morientes. He said: \"They were "
         "looking for ways of saying they got more out of the deal for Fernando Morientes, but the response to Real "
         "Madrid was the same - Steven is not for sale.\"", "They were looking", "Parry"),
        # "he told" the committee keeps Mr Straw the speaker; the committee's name is not "he".
        ("Britain has been more cautious on the issue, but on Wednesday Mr Straw said he also wanted it to end. \"I have "
         "long understood China's argument, that to lump them in with, say, Burma and Zimbabwe is not appropriate and I "
         "don't think it is,\" he told the joint committee on Strategic Export Controls. He said \"it is more likely "
         "than not\" that the ban would be lifted before Britain takes over the presidency of the EU from Luxembourg in "
         "July. But he said an EU code of conduct would prevent an increase in the number of arms being exported to the "
         "country. \"If it is lifted we will end up with as effective arms controls in relation to China as we have "
         "now.\"", "If it is lifted", "Straw"),
        # A pronoun's "he added that ..." between two quotes does not hand them to the player just spoken of.
        ("\"Shaun Wright-Phillips will probably start the game,\" said Eriksson. \"But I'm not going to start "
         "Wright-Phillips on the left.\" Eriksson also revealed that Wes Brown will start alongside Jamie Carragher in "
         "the injury-hit centre of defence. When asked if Brown and Carragher would start Eriksson replied: \"I could "
         "tell you yes. \"It's a blow that four or five central defenders are away because of injuries. \"On the other "
         "hand it's good for Carragher and Brown to show what they can do at this level. That's positive.\" The England "
         "coach said that he had been impressed by Wright-Phillips' form for Manchester City. \"He deserves his chance. "
         "He has been playing well all season and I look forward to seeing him.\" And he added that Andy Johnson and "
         "Stewart Downing - the other two new players in the squad - would also get a chance to impress. "
         "\"Wright-Phillips, Downing and Johnson will start or get the chance to play some part.\"",
         "Wright-Phillips, Downing", "Eriksson"),
        # "Mr Straw" opens the sentence even where the tagger missed him; Margaret Thatcher is only its object.
        ("Mr Straw used Thursday's Commons debate to launch the new White Paper on the prospects for the EU in 2005. "
         "Security, stability and prosperity would be the key themes when the UK took over the chairmanship of the EU "
         "in July, said Mr Straw. Africa and climate change would also feature highly. He said the UK was trying to "
         "ensure future EU budgets were limited to 1% of Europe's economic output and were spent \"where it adds most "
         "value\". Mr Straw promised to continue to ensure the UK's budget rebate, secured in 1984 by Margaret "
         "Thatcher, was \"fully justified\". \"We, like all other countries, have a veto on any changes proposed in "
         "this area,\" he said.", "We, like all other", "Straw"),
        # The analyst the tagger missed, not his bank.
        ("Continuing demand for Inbev's products in the South American markets where its Brazilian arm is most popular "
         "means it expects to keep boosting its turnover. \"It's the Brazil business that's doing it,\" said ING "
         "analyst Gerard Rijk of Inbev's strong performance.", "It's the Brazil", "Gerard Rijk"),
        # The person before ", a Lufthansa spokesman", not the firm.
        ("Lufthansa accounts for six out of every 10 planes using Frankfurt's airport.\n\n\"We are doing research "
         "into the possibilities we have,\" Michael Lamberty, a Lufthansa spokesman told the BBC. \"We are checking if "
         "there is action to be taken and in which courts it could be taken.\"", "We are doing research",
         "Michael Lamberty"),
        # "she said" after "an executive spokeswoman insisted" is that unnamed spokeswoman, not Nicola Sturgeon.
        ("SNP Holyrood leader Nicola Sturgeon said: \"This is an incredible gaffe by Jack McConnell. \"The first "
         "minister should withdraw these remarks immediately.\" But an executive spokeswoman insisted Mr McConnell "
         "had made the remark with adults, not youngsters, in mind. \"He was talking in the context of adults binge "
         "drinking and irresponsible drinks promotions - which are for the over-18s,\" she said.", "He was talking",
         None),
    ],
)
def test_bbc_speakers_follow_the_discourse(text, opening, speaker):
    assert quote_opening(text, opening).speaker_text == speaker


def test_mr_before_a_firms_name_is_its_boss():
    text = (
        "Mittal Steel, one of the world's largest steel producers, could cut up to 45,000 jobs over the next five "
        "years, its chief executive has said.\n\nThe Netherlands-based company is due to complete its $4.5bn "
        "acquisition of US firm ISG next month. However, Lakshmi Mittal has told investors the combined company will "
        "have to shed thousands of jobs.\n\nMr Mittal told US investors that once the acquisition of International "
        "Steel Group was completed, the company would aim to reduce its workforce. \"We are investing in "
        "modernisation so employees will go down,\" Mr Mittal told the conference in Chicago."
    )
    quote = quote_opening(text, "We are investing")
    assert quote.speaker_text == "Mittal"
    assert "steel" not in (quote.speaker_entity_key or "")


@pytest.mark.parametrize(
    "text",
    [
        # The detainee speaks, not the prison he is held in: no speaker rather than a wrong one.
        "Lord Nicholls of Birkenhead, in his ruling, said: \"Indefinite imprisonment without charge or trial is "
        "anathema in any country which observes the rule of law.\n\nIn a statement, detainee 'A' in Woodhill Prison "
        "said: \"I hope now that the government will act upon this decision, scrap this illegal 'law' and release me "
        "and the other internees to return to our families and loved ones.\"",
    ],
)
def test_places_are_never_speakers(text):
    found = [q for q in quotes(text, entity_mentions(text, "en"), "en") if q.quote_text.startswith("I hope now")]
    assert found and found[0].speaker_text != "Woodhill Prison"
