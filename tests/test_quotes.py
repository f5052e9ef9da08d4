"""Quote extraction and speaker resolution: own fixtures per language, and the five seed articles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsthread.quotes import Quote, extract_quotes

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def find(quotes: list[Quote], fragment: str) -> Quote:
    """The quote whose text contains ``fragment`` (fails listing what was found)."""
    hits = [q for q in quotes if fragment in q.text]
    assert hits, f"{fragment!r} not in {[q.text for q in quotes]}"
    return hits[0]


# (language, text, quoted fragment, expected speaker, expected kind)
FIXTURES = [
    # 1. dash paragraph with a tail, inverted pronoun, and a role resolved to the introduced name
    ("da", ("Den danske skoleminister, Mette Holm, besøgte Vejle.\n\n- Vi skal have flere lærere, siger Mette Holm.\n\n"
           "- Det haster, fortsætter skoleministeren."), "Det haster", "Mette Holm", "direct"),
    ("nb", "Helseminister Ola Berg la fram planen tirsdag.\n\n– Vi må bygge flere sykehus, sier han.",
     "flere sykehus", "Ola Berg", "direct"),
    ("nn", "Ordførar Kari Lunde var nøgd.\n\n– Dette er ein god dag for bygda, seier ho.", "god dag", "Kari Lunde",
     "direct"),
    ("sv", "Statsminister Erik Lund talade i Umeå.\n\n– Vi ska bygga fler bostäder, säger han.", "fler bostäder",
     "Erik Lund", "direct"),
    ("en", "Mayor Anna Berg opened the bridge.\n\n\"This bridge joins two towns,\" she said.", "joins two towns",
     "Anna Berg", "direct"),
    # 1. no attribution: continues the previous dash quote / the introducing paragraph
    ("da", "Borgmester Jens Lind er glad.\n\n- Byen vokser, siger Jens Lind.\n\n- Vi bygger også en ny skole.",
     "ny skole", "Jens Lind", "direct"),
    ("nb", "Politimester Per Dahl er bekymret. Dahl understreker:\n\n– Folk må holde seg hjemme i kveld.",
     "holde seg hjemme", "Per Dahl", "direct"),
    # 2. quotation marks of several styles, before and after
    ("nb", "Forskeren Liv Ask var klar. «Havet blir varmere», sier Ask.", "Havet blir varmere", "Liv Ask", "direct"),
    ("sv", "Forskaren Eva Holm sade: ”Isen smälter snabbare än väntat.”", "Isen smälter", "Eva Holm", "direct"),
    ("da", "Direktør Lars Vang svarede kort. „Vi lukker fabrikken,“ sagde Vang.", "lukker fabrikken", "Lars Vang",
     "direct"),
    ("en", "Police chief Tom Reed spoke on Monday. Reed said: \"We have arrested two men.\"", "arrested two men",
     "Tom Reed", "direct"),
    # 4. indirect speech
    ("da", "Økonom Karen Friis ser lyst på året. Friis siger, at ledigheden vil falde.", "ledigheden vil falde",
     "Karen Friis", "indirect"),
    ("nb", "Ekspert Anne Moe kommenterte saken. Ifølge Moe er risikoen liten.", "risikoen liten", "Anne Moe",
     "indirect"),
    ("sv", "Professor Lena Berg forskar om klimat. Berg säger att sommaren blir varm.", "sommaren blir varm",
     "Lena Berg", "indirect"),
    ("en", "Economist Mark Hale spoke to reporters. According to Hale, prices will rise next year.",
     "prices will rise", "Mark Hale", "indirect"),
    # 5. partial quotes need a speech context
    ("da", "Ministeren Ole Dam talte i Folketinget. Dam kalder forslaget for \"uansvarligt\".", "uansvarligt",
     "Ole Dam", "direct"),
    # 3. "lød det fra" and a role apposition after the name
    ("da", "- Vi er klar til at forhandle, lød det fra den svenske handelsminister, Eva Ek.", "klar til at forhandle",
     "Eva Ek", "direct"),
]


@pytest.mark.parametrize(("language", "text", "fragment", "speaker", "kind"), FIXTURES)
def test_fixtures(language: str, text: str, fragment: str, speaker: str, kind: str) -> None:
    quotes = extract_quotes(text, language)
    quote = find(quotes, fragment)
    assert (quote.speaker, quote.kind) == (speaker, kind)
    assert text[quote.start:quote.end] == quote.text


@pytest.mark.parametrize("language", ["da", "nb", "nn", "sv", "en"])
def test_offsets_and_paragraphs(language: str) -> None:
    text = "Intro her.\n\n- Første citat er her, siger Jens Lind.\n\n- Andet citat kommer nu."
    quotes = extract_quotes(text, language)
    for q in quotes:
        assert text[q.start:q.end] == q.text
        assert not q.text.startswith(("-", "–", " "))
    assert [q.paragraph for q in quotes] == [1, 2]


def test_names_and_titles_in_marks_are_not_quotes() -> None:
    text = "Øvelsen, døpt «Steadfast Noon», starter mandag. Hun leste boken «Havet» i fjor."
    assert extract_quotes(text, "nb") == []


def test_headline_dash_line_is_not_a_quote() -> None:
    text = "Stoltenberg talte.\n\n– Putin undervurderte Nato\n\n– Krigen går dårlig for Russland, sier Jens Stoltenberg."
    quotes = extract_quotes(text, "nb")
    assert [q.text for q in quotes] == ["Krigen går dårlig for Russland"]


def test_unknown_role_stays_unknown() -> None:
    text = "- Vi sender flere fly, siger forsvarsministeren."
    quote = extract_quotes(text, "da")[0]
    assert quote.speaker is None and quote.speaker_role == "forsvarsministeren"


def test_single_newlines_and_glued_dash_quote() -> None:
    text = "Vagtchef Per Holm har travlt i nat.- Vi har anholdt tre personer, siger han.\nDe blev løsladt."
    quote = extract_quotes(text, "da")[0]
    assert (quote.text, quote.speaker) == ("Vi har anholdt tre personer", "Per Holm")


def test_empty_and_unknown_language() -> None:
    assert extract_quotes("", "da") == []
    assert isinstance(extract_quotes('"We will win," said Ann Lee.', "de"), list)


# --------------------------------------------------------------------------- seeds

# (file prefix, language, fragment, speaker, role or None to skip the check, kind)
SEED_EXPECTED = [
    ("000", "da", "Rusland ved, at en atomkrig", "Jens Stoltenberg", "Natos generalsekretær", "direct"),
    ("000", "da", "farlig", "Jens Stoltenberg", None, "direct"),
    ("000", "da", "Nato er klar til enhver trussel", "Jens Stoltenberg", None, "direct"),
    ("000", "da", "Det viser, at krigen ikke går", "Jens Stoltenberg", None, "direct"),
    ("001", "da", "Dem, der prøver at afpresse os", "Vladimir Putin", None, "direct"),
    ("001", "da", "Indtil videre har vi ikke set tegn", "Jens Stoltenberg", None, "direct"),
    ("001", "da", "Hvis præsident Putin holder op", "Jens Stoltenberg", None, "direct"),
    ("001", "da", "farlig og hensynsløs atomretorik", "Jens Stoltenberg", None, "direct"),
    ("002", "nb", "I går kveld ble Ukrainas forsvarsminister", "Jens Stoltenberg", None, "direct"),
    ("002", "nb", "Ukraina har framgang", "Jens Stoltenberg", None, "direct"),
    ("002", "nb", "Vi har overvåket Russlands forberedelser", "Jens Stoltenberg", None, "direct"),
    ("003", "nb", "Dette er farlig og hensynsløs atomretorikk", "Stoltenberg", None, "direct"),
    ("003", "nb", "Når vårt lands territorielle integritet", "Vladimir Putin", None, "direct"),
    ("003", "nb", "Talen til Putin viser", "Stoltenberg", None, "direct"),
    ("003", "nb", "Det er uansvarlig retorikk", "John Kirby", "talsperson for sikkerhetsrådet i Det hvite hus",
     "direct"),
    ("004", "da", "Hvis Rusland igen indleder", "Jens Stoltenberg", "Natos generalsekretær", "direct"),
    ("004", "da", "Nato står klar til dialog", "Jeppe Kofod", "udenrigsminister", "direct"),
    ("004", "da", "Jeg håber, at Rusland nu griber", "Jeppe Kofod", "udenrigsminister", "direct"),
    ("004", "da", "Der er brug for et reelt skridt", "Sergej Rjabkov", "viceudenrigsminister", "direct"),
]


def _seed(prefix: str) -> str:
    if not (SHARED / "seeds").exists():
        pytest.skip(f"{SHARED / 'seeds'} not found: the shared seed articles sit beside the clone in CI")
    path = next((SHARED / "seeds").glob(f"{prefix}_*.txt"))
    # The seed files open with " date 2022-09 "; the text reader strips that header the same way.
    return re.sub(r"^\s*date:?\s+\S+\s*", "", path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("prefix", "language", "fragment", "speaker", "role", "kind"), SEED_EXPECTED)
def test_seed_quotes(prefix: str, language: str, fragment: str, speaker: str, role: str | None, kind: str) -> None:
    quotes = extract_quotes(_seed(prefix), language)
    quote = find(quotes, fragment)
    assert (quote.speaker, quote.kind) == (speaker, kind)
    if role is not None:
        assert quote.speaker_role == role


def test_seed_subheadings_and_names_are_not_quotes() -> None:
    quotes = extract_quotes(_seed("002"), "nb") + extract_quotes(_seed("003"), "nb")
    texts = [q.text for q in quotes]
    assert "Steadfast Noon" not in texts and "Putin undervurderte Nato" not in texts
    assert not any(t.startswith("Vi tar atomtrusselen") for t in texts)


def test_seed_dash_quote_has_no_attribution_in_text() -> None:
    quote = find(extract_quotes(_seed("001"), "da"), "Dem, der prøver")
    assert quote.text.endswith("i deres retning") and quote.cue == "sagde"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Prices will rise, Danish Utilities Minister Karen Vestergaard said.\n\n"We cannot wait," Vestergaard said.',
         "Karen Vestergaard"),
        ('Foreign Minister Lars Holm said on Monday that talks would go on. "We are patient," Holm said.',
         "Lars Holm"),
        (("The talks, hosted by the Minister for Climate, Energy and Utilities Karen Vestergaard, went on.\n\n"
         '"We cannot wait," Vestergaard said.'), "Karen Vestergaard"),
    ],
)
def test_english_title_case_roles_are_not_part_of_the_name(text: str, speaker: str) -> None:
    quotes = extract_quotes(text, "en")
    assert quotes and all(q.speaker == speaker for q in quotes), [(q.speaker, q.text) for q in quotes]


def test_name_after_an_organisations_descriptor_is_the_speaker() -> None:
    text = "- Det bliver en svær kamp, siger Avisens fodboldkommentator Henrik Lindholm."
    assert [q.speaker for q in extract_quotes(text, "da")] == ["Henrik Lindholm"]


def test_preposition_after_the_name_keeps_the_name() -> None:
    text = "- Vi er glade for aftalen, siger Mette Holst til Danmarks Radio."
    assert [q.speaker for q in extract_quotes(text, "da")] == ["Mette Holst"]


def test_a_first_name_ends_a_role_complement() -> None:
    text = "- Det er et vigtigt skridt, mener medlem af Folketinget Søren Dalby."
    assert [q.speaker for q in extract_quotes(text, "da")] == ["Søren Dalby"]


# --------------------------------------------------------------------------- issue 4 regressions


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("- Vi har fået en god aftale, siger Karsten Chr. Lund (V).", "Karsten Chr. Lund"),
        ("- Vi har fået en god aftale, siger Jens O. Hansen til Ritzau.", "Jens O. Hansen"),
        ("- Det er en god dag for byen, siger direktør J. P. Morgensen.", "J. P. Morgensen"),
        ("- Det er en god dag for byen, siger Henrik Th. Lassen.", "Henrik Th. Lassen"),
        ("- Det er en god dag for byen, siger Anders Fogh Rasmussen.", "Anders Fogh Rasmussen"),
    ],
)
def test_initials_inside_a_name_do_not_end_the_attribution(text: str, speaker: str) -> None:
    quotes = extract_quotes(text, "da")
    assert [(q.speaker, q.text) for q in quotes] == [(speaker, text[2:text.index(",")])]


def test_initial_in_an_introduced_name_links_the_surname() -> None:
    text = ("Transportminister Karsten Chr. Lund (V) holdt møde i går.\n\n"
            "- Vi skal have flere tog, siger Lund.\n\nLars Chr. Berg sagde, at planen var for dyr for kommunen.")
    quotes = extract_quotes(text, "da")
    assert [q.speaker for q in quotes] == ["Karsten Chr. Lund", "Lars Chr. Berg"]


def test_reporter_text_after_the_attribution_is_not_quote() -> None:
    text = "Borgmester Per Holm er glad.\n\n- Vi har fået en god aftale, siger Holm. Det mener også andre."
    assert [q.text for q in extract_quotes(text, "da")] == ["Vi har fået en god aftale"]
    text = "Borgmester Per Holm er glad.\n\n- Vi har fået en god aftale, siger Holm. - Nu går vi i gang."
    assert [q.text for q in extract_quotes(text, "da")][-1] == "Nu går vi i gang."


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        ("da", "- Vi er for få på arbejde, fortæller tillidsrepræsentant i Aarhus Arrest Jens Vigh.", "Jens Vigh"),
        ("da", "- Vi er for få på arbejde, fortæller souschef på værkstedet Ragnhild Vik.", "Ragnhild Vik"),
        ("da", "- Vi er for få, siger formand for Fængselsforbundet Bo Yde Sørensen.", "Bo Yde Sørensen"),
        ("nb", "Sosialbyråd Kjetil Aune (H) er glad.\n\n- Det er alvorlig, sier byråden.", "Kjetil Aune"),
        ("nb", "Hovedtillitsvalgt i Tekna, Jon Erik Skaar, er sint.\n\n- Det er alvorlig, sier han.", "Jon Erik Skaar"),
        ("en", "Chief executive Søren Hald Pedersen spoke.\n\n\"We must adapt,\" he told reporters.", "Søren Hald Pedersen"),
    ],
)
def test_unlisted_titles_before_a_name(language: str, text: str, speaker: str) -> None:
    assert [q.speaker for q in extract_quotes(text, language)] == [speaker]


def test_an_inverted_attribution_beats_a_trailing_ifolge() -> None:
    text = ("Et fly fra SAS nødlandede i går.\n\n"
            "Alle passagerer blev evakueret, og ingen kom til skade, oplyser flyselskabet ifølge BBC.")
    quote = find(extract_quotes(text, "da"), "ingen kom til skade")
    assert quote.speaker == "SAS" and quote.speaker_role == "flyselskabet" and quote.cue == "oplyser"


def test_a_named_organisation_with_a_genitive_stays_whole() -> None:
    text = "Flyet landede sikkert i lufthavnen, oplyser Hamborgs politi til avisen."
    assert [q.speaker for q in extract_quotes(text, "da")] == ["Hamborgs politi"]


def test_unnamed_person_noun_stays_unknown() -> None:
    text = "Borgmester Per Holm er glad.\n\n- Det var forfærdeligt, siger kvinden."
    quote = extract_quotes(text, "da")[0]
    assert quote.speaker is None and quote.speaker_role == "kvinden"


def test_pronoun_after_colon_takes_the_person_named_in_the_dash_tail() -> None:
    text = ("- Det er et sjældent fund, siger etnolog Birthe Lund.\n\nEfter en pause fortsætter hun:\n\n"
            "- Den slags ser man kun en gang i livet.")
    assert [q.speaker for q in extract_quotes(text, "da")] == ["Birthe Lund", "Birthe Lund"]


@pytest.mark.parametrize("language", ["sv", "da"])
def test_marked_quote_over_several_sentences_is_kept_whole(language: str) -> None:
    verb = {"sv": "säger", "da": "siger"}[language]
    text = f"Professor Magnus Dahl er kritisk.\n\n”Straffen virker ikke. Det viser forskningen”, {verb} han."
    quote = find(extract_quotes(text, language), "Straffen virker ikke")
    assert quote.text == "Straffen virker ikke. Det viser forskningen" and quote.speaker == "Magnus Dahl"


def test_unattributed_quoted_sentence_continues_the_quote_before() -> None:
    text = 'Analyst Maria Jensen was upbeat. "The market likes it," she said. "This was a good quarter for them."'
    quote = find(extract_quotes(text, "en"), "good quarter")
    assert quote.speaker == "Maria Jensen"


def test_dash_quote_attributed_by_the_sentence_after_it() -> None:
    text = ("Festivalen sluttede i går.\n- Det var den bedste festival nogensinde. "
            "Sådan lyder reaktionen fra festivalchef Anne Mette Berg.")
    quote = extract_quotes(text, "da")[0]
    assert (quote.text, quote.speaker) == ("Det var den bedste festival nogensinde.", "Anne Mette Berg")
    text = "Festivalen sluttede i går.\n- Det var den bedste festival nogensinde.\nDet siger Anne Mette Berg til DR."
    assert extract_quotes(text, "da")[0].speaker == "Anne Mette Berg"


def test_second_verb_of_a_sentence_keeps_its_subject() -> None:
    text = "Finansministeren Ole Dam kalder kritikken \"forventelig\", men afviser, at planen rammer velfærden."
    quote = find(extract_quotes(text, "da"), "planen rammer velfærden")
    assert (quote.speaker, quote.kind) == ("Ole Dam", "indirect")


def test_party_letters_and_age_around_a_name() -> None:
    text = "Ordfører Trond Lie (Sp) meiner situasjonen er uhaldbar."
    assert [q.speaker for q in extract_quotes(text, "nn")] == ["Trond Lie"]
    text = "- Husk at passe på dig selv, siger 45-årige Kim Wadum Holm fra Præstø."
    assert [q.speaker for q in extract_quotes(text, "da")] == ["Kim Wadum Holm"]


# ---- speaker fixes of the heldout2 round (own sentences; see docs/quotes.md)


def speakers(text: str, language: str) -> dict[str, str | None]:
    return {q.text[:25]: q.speaker for q in extract_quotes(text, language)}


def test_two_letter_initial_inside_a_name() -> None:
    text = ("Overlæge Karen Th. Vang og forsker Ulrik Aa. Bech har set på tallene.\n\n"
            "- Kurven knækker nu, siger Ulrik Aa. Bech.\n\n"
            "Bech kalder udviklingen \"meget opmuntrende\".")
    quotes = extract_quotes(text, "da")
    assert find(quotes, "Kurven knækker").speaker == "Ulrik Aa. Bech"
    assert find(quotes, "meget opmuntrende").speaker == "Ulrik Aa. Bech"
    # a short surname ending a sentence is no initial: the next sentence stays separate
    text = "Ministeren mødtes med Wang Yi. Han sagde, at samtalen var god."
    assert find(extract_quotes(text, "da"), "samtalen var god").speaker == "Wang Yi"


@pytest.mark.parametrize(("language", "text", "fragment", "speaker"), [
    ("nb", "Rektor Ingunn Bakke Solheim la fram tallene.\n\n– Vi har aldri hatt flere søkere, sier Bakke Solheim.",
     "flere søkere", "Ingunn Bakke Solheim"),
    ("da", "Formand Jonas Holm Riis er glad.\n\nIfølge Holm Riis har foreningen fået 300 nye medlemmer.",
     "300 nye medlemmer", "Jonas Holm Riis"),
])
def test_two_word_surname_links_to_the_full_name(language: str, text: str, fragment: str, speaker: str) -> None:
    assert find(extract_quotes(text, language), fragment).speaker == speaker


@pytest.mark.parametrize(("language", "text", "fragment", "speaker"), [
    ("nb", "Ifølge Statens kartverk er kartet over fjorden utdatert.", "kartet over fjorden", "Statens kartverk"),
    ("nb", "Brua er stengt resten av uka, opplyser Vestland politidistrikt.", "Brua er stengt", "Vestland politidistrikt"),
    ("nn", "Ifølgje Meteorologisk institutt blir det uvêr i helga.", "uvêr i helga", "Meteorologisk institutt"),
    ("da", "Dansk Erhverv & Handel mener, at reglerne er for stramme.", "reglerne er for stramme",
     "Dansk Erhverv & Handel"),
    ("nb", "Redd Barna Mot Sult melder at lagrene er tomme.", "lagrene er tomme", "Redd Barna Mot Sult"),
    ("da", "Skatteministeriet oplyser, at fristen bliver forlænget.", "fristen bliver forlænget", "Skatteministeriet"),
    ("sv", "Fastighetsbolaget Hemgården uppger att alla hyresgäster får ersättning.", "får ersättning", "Hemgården"),
])
def test_named_organisations_as_speakers(language: str, text: str, fragment: str, speaker: str) -> None:
    assert find(extract_quotes(text, language), fragment).speaker == speaker


def test_sentence_initial_organisation_word() -> None:
    text = "Præsidentpaladset oplyser, at besøget er udsat."
    assert find(extract_quotes(text, "da"), "besøget er udsat").speaker == "Præsidentpaladset"


def test_organisation_noun_refers_to_the_organisation_just_discussed() -> None:
    text = ("Ældre Sagen er skuffet over aftalen.\n\n"
            "\"Pengene rækker slet ikke\", skriver foreningen i en kommentar.")
    assert find(extract_quotes(text, "da"), "Pengene rækker").speaker == "Ældre Sagen"


def test_pronoun_for_an_unnamed_person_stays_unknown() -> None:
    text = ("Trafikdirektør Lena Berg Ohlsson säger att bron öppnar i maj.\n\n"
            "En cyklist som TT talat med är orolig.\n\n– Det blir för trångt, säger hon.")
    quote = find(extract_quotes(text, "sv"), "för trångt")
    assert (quote.speaker, quote.speaker_role) == (None, "cyklist")
    text = ("Skoleleder Mona Fjeld Aas er fornøyd.\n\nEn forelder NRK har snakket med, er uenig.\n\n"
            "– Barna får for lite tid ute, sier hun.")
    assert find(extract_quotes(text, "nb"), "for lite tid ute").speaker is None


def test_role_with_a_nationality_adjective() -> None:
    text = ("Ruslands udenrigsminister, Boris Lenkov, mødtes med den franske udenrigsminister, Claire Dumont.\n\n"
            "Ifølge den russiske udenrigsminister var mødet konstruktivt.\n\n"
            "Den franske udenrigsminister sagde, at der stadig er uenighed.")
    quotes = extract_quotes(text, "da")
    assert find(quotes, "mødet konstruktivt").speaker == "Boris Lenkov"
    assert find(quotes, "stadig er uenighed").speaker == "Claire Dumont"
    # no one introduced with that nationality: unknown, never another country's minister
    text = "Ruslands præsident, Boris Lenkov, talte i Moskva.\n\nIfølge den amerikanske præsident er truslen overdrevet."
    assert find(extract_quotes(text, "da"), "truslen overdrevet").speaker is None


def test_subject_before_a_relative_clause_or_complement() -> None:
    text = "Overlæge Signe Bak Holm, der har ledet studiet, kalder resultatet \"overraskende godt\"."
    assert find(extract_quotes(text, "da"), "overraskende godt").speaker == "Signe Bak Holm"
    text = "Daglig leder Ivar Moe Strand i Fjordkraft Vest kaller tallene «et varsko»."
    assert find(extract_quotes(text, "nb"), "et varsko").speaker == "Ivar Moe Strand"


def test_compound_leader_title_resolves_to_the_leader() -> None:
    text = ("Leder i Norsk Bonde- og Småbrukarlag, Åse Lind Ruud, er kritisk.\n\n"
            "– Dette rammer de minste gårdene hardest, sier småbrukarlagslederen.")
    assert find(extract_quotes(text, "nb"), "de minste gårdene").speaker == "Åse Lind Ruud"


def test_a_conjunction_before_a_first_name_does_not_join_two_people() -> None:
    text = "Mødet blev ledet af Mette og Ingvild Marie Hansen.\n\n- Vi venter, siger Hansen."
    assert [q.speaker for q in extract_quotes(text, "da")] == ["Ingvild Marie Hansen"]


# ---- the heldout3 round (issue 4): each fix with sentences of its own


def test_interview_question_in_dash_form_has_no_speaker() -> None:
    text = ("Landstræner Bo Kragh Lind tog imod pressen efter træningen.\n\n"
            "- Vi mangler stadig to spillere, siger Bo Kragh Lind.\n\n"
            "- Hvem skal erstatte dem?\n\n"
            "- Det afgør jeg først fredag.")
    quotes = extract_quotes(text, "da")
    assert find(quotes, "Hvem skal erstatte dem").speaker is None
    assert find(quotes, "Det afgør jeg først").speaker == "Bo Kragh Lind"
    text = ("Skiløperen Marit Haugen Dahl vant igjen.\n\n– Jeg følte meg sterk i dag, sier Haugen Dahl.\n\n"
            "– Kan du vinne hele cupen?\n\n– Det tenker jeg ikke på nå.")
    quotes = extract_quotes(text, "nb")
    assert find(quotes, "Kan du vinne").speaker is None
    assert find(quotes, "Det tenker jeg ikke").speaker == "Marit Haugen Dahl"


def test_speakers_own_question_keeps_the_speaker() -> None:
    text = ("Formand Lis Ravn Holt er vred.\n\n- Hvorfor skal vi betale for det?\n\n"
            "- Det giver ingen mening, siger Lis Ravn Holt.")
    assert find(extract_quotes(text, "da"), "Hvorfor skal vi betale").speaker == "Lis Ravn Holt"


def test_capitalised_committee_after_a_preposition_is_not_a_person() -> None:
    text = ("Rådmand for Teknik og Miljø, Ole B. Steen (V), glæder sig.\n\n"
            "- Vi får endelig ryddet op i trafikken, siger han.")
    assert find(extract_quotes(text, "da"), "ryddet op").speaker == "Ole B. Steen"


def test_organisation_noun_followed_by_its_name() -> None:
    text = "Tre personer er såret efter en eksplosion i Lyon, skriver nyhedsbureauet AFP."
    assert find(extract_quotes(text, "da"), "eksplosion i Lyon").speaker == "AFP"
    text = "Ifølge avisen Jyllands-Posten er forhandlingerne brudt sammen."
    assert find(extract_quotes(text, "da"), "forhandlingerne brudt").speaker == "Jyllands-Posten"


def test_expectation_verbs_need_the_complementiser_right_after() -> None:
    text = "Vejdirektoratet venter, at broen åbner igen mandag."
    assert find(extract_quotes(text, "da"), "broen åbner").speaker == "Vejdirektoratet"
    assert extract_quotes("Passagererne venter på, at færgen sejler igen.", "da") == []
    text = "Meteorologisk institutt regner med at uværet når kysten i kveld."
    assert find(extract_quotes(text, "nb"), "uværet når kysten").speaker == "Meteorologisk institutt"


def test_prepositional_phrase_between_verb_and_complementiser() -> None:
    text = "Borgmester Inger Lyng Madsen siger til den lokale avis Dagbladet Øst, at budgettet holder."
    assert find(extract_quotes(text, "da"), "budgettet holder").speaker == "Inger Lyng Madsen"
    text = "Justisminister Arne Solberg Vik skriver i en e-post til NTB at saken vurderes."
    assert find(extract_quotes(text, "nb"), "saken vurderes").speaker == "Arne Solberg Vik"


def test_descriptor_glued_to_a_name_and_a_told_outlet() -> None:
    text = "Svensken Erik Lundgren bor i Bergen og forteller NRK at vinden tok taket på huset."
    assert find(extract_quotes(text, "nb"), "vinden tok taket").speaker == "Erik Lundgren"


def test_subject_with_a_complement_ending_in_an_organisation_noun() -> None:
    text = "Seksjonsleder Trude Berg i Agder politidistrikt sier sporene er sikret."
    assert find(extract_quotes(text, "nb"), "sporene er sikret").speaker == "Trude Berg"


def test_apposition_before_sier_han_is_not_a_statement() -> None:
    text = "Rektor ved Nordby skole, Geir Olav Lunde (V), sier han ble overrasket over vedtaket."
    quotes = extract_quotes(text, "nb")
    assert [(q.text, q.speaker) for q in quotes] == [("han ble overrasket over vedtaket", "Geir Olav Lunde")]


def test_two_word_clause_after_an_explicit_complementiser() -> None:
    text = "Retten gik i gang i går. Hendes advokat, Mona K. Friis, mener ikke, at anklagen holder."
    assert find(extract_quotes(text, "da"), "anklagen holder").speaker == "Mona K. Friis"


def test_generic_company_noun_resolves_to_an_organisation_named_like_a_person() -> None:
    text = ("Vindmølleproducenten Solhav Energi har tjent mindre end ventet. Overskuddet faldt med en femtedel, "
            "oplyser selskabet i en meddelelse.")
    assert find(extract_quotes(text, "da"), "Overskuddet faldt").speaker == "Solhav Energi"


# ---- the heldout4 round (issue 4): each fix with sentences of its own


def test_dash_quote_after_a_paragraph_opened_by_a_pronoun() -> None:
    text = ("Revisor Pia Munk Lauesen har gennemgået regnskaberne.\n\n"
            "- Der mangler bilag for tre millioner, siger Pia Munk Lauesen.\n\n"
            "Hun har sendt sagen videre til kommunens jurister.\n\n"
            "- Det er ikke noget, jeg kan se bort fra.")
    assert find(extract_quotes(text, "da"), "ikke noget, jeg kan se bort fra").speaker == "Pia Munk Lauesen"


def test_ordinal_date_does_not_end_the_sentence() -> None:
    text = "Lagdommer Ola Brekke Vik opplyste at saken fortsetter 3. mars i Gjøvik."
    assert find(extract_quotes(text, "nb"), "saken fortsetter").text == "saken fortsetter 3. mars i Gjøvik"


def test_court_titles_resolve_across_synonyms() -> None:
    text = ("Politiadvokat Randi Øye Lunde la fram bevisene mandag.\n\n"
            "– Bevisene er entydige, sa aktor.\n\n"
            "Forsvarer Nils Tore Brun mener, at saken er svak.")
    quotes = extract_quotes(text, "nb")
    assert find(quotes, "Bevisene er entydige").speaker == "Randi Øye Lunde"
    assert find(quotes, "saken er svak").speaker == "Nils Tore Brun"


def test_unnamed_party_to_a_case_takes_the_later_pronoun() -> None:
    text = ("Advokat Jonas Frisk Holm mener ikke, at sagen er bevist.\n\n"
            "Den tiltalte nægter sig skyldig. Han forklarede, at han sov hjemme.\n\n"
            "Vekteren, som er 40 år, forklarte at han ble slått.\n\n"
            "– Jeg husker ingenting, sa han.")
    da = extract_quotes(text.split("\n\nVekteren")[0], "da")
    assert find(da, "han sov hjemme").speaker is None
    nb = extract_quotes("Advokat Jonas Frisk Holm sier saken er svak.\n\n" + text.split("\n\n", 2)[2], "nb")
    assert find(nb, "Jeg husker ingenting").speaker is None


def test_generic_organisation_noun_after_a_sentence_led_by_the_organisation() -> None:
    text = ("Ølprodusenten Fjellbrygg flytter produksjonen til Sverige. 60 ansatte mister jobben, "
            "opplyser selskapet.\n\nRøde Kors sender telt til området, opplyser organisasjonen.")
    quotes = extract_quotes(text, "nb")
    assert find(quotes, "60 ansatte mister jobben").speaker == "Fjellbrygg"
    assert find(quotes, "Røde Kors sender telt").speaker == "Røde Kors"


def test_genitive_organisation_name_and_compound_body_name() -> None:
    text = ("Handelsforbundet er kritisk. «Dette er dårlig nytt», skriver Handelsforbundets leder, Anne Moe Lie.\n\n"
            "Ifølge forbundet har 300 butikker stengt.\n\n"
            "Finansdepartementet opplyser at de vurderer saken.")
    quotes = extract_quotes(text, "nb")
    assert find(quotes, "har 300 butikker stengt").speaker == "Handelsforbundet"
    assert find(quotes, "de vurderer saken").speaker == "Finansdepartementet"


def test_organisation_named_in_a_speakers_role_and_nationality_led_names() -> None:
    text = ("»Det er for dårligt«, siger formand for Danske Fysioterapeuter, Ulla Brink Hald.\n\n"
            "Ifølge organisationen mangler der 500 fysioterapeuter.")
    quotes = extract_quotes(text, "da")
    assert find(quotes, "Det er for dårligt").speaker == "Ulla Brink Hald"
    assert find(quotes, "mangler der 500 fysioterapeuter").speaker == "Danske Fysioterapeuter"


def test_weighing_phrase_and_apostrophe_place_in_a_subject_complement() -> None:
    text = "Dommer Kari Lie Vang ledet saken. Hun la vekt på at vitnene var troverdige."
    assert find(extract_quotes(text, "nb"), "vitnene var troverdige").speaker == "Kari Lie Vang"
    text = "Ordfører Ali Rahman i St John's Wood sier til BBC at brua er stengt."
    assert find(extract_quotes(text, "nb"), "brua er stengt").speaker == "Ali Rahman"


def test_unnamed_spokesperson_with_the_same_title_is_not_the_named_one() -> None:
    text = ("FN's talsmand, Omar Haddad Saleh, kalder situationen alvorlig.\n\n"
            "»Vi har brug for adgang nu«, siger han.\n\n"
            "Hærens talsmand afviser kritikken.\n\n"
            "»Der er fri adgang for alle«, siger talsmanden.")
    quotes = extract_quotes(text, "da")
    assert find(quotes, "Vi har brug for adgang").speaker == "Omar Haddad Saleh"
    assert find(quotes, "Der er fri adgang").speaker is None


def test_association_name_keeps_its_place() -> None:
    text = ("Kommunen vil rive brygga. Velforeningen i Hamnvik har klaget.\n\n"
            "– Vi gir oss ikke, skriver foreningen i en uttalelse.")
    assert find(extract_quotes(text, "nb"), "Vi gir oss ikke").speaker == "Velforeningen i Hamnvik"


def test_organisation_word_keeps_a_common_first_word_and_a_preposition_in_the_name() -> None:
    # hand check of DR seed 77: "Region X venter" lost "Region"; "skriver Tilsynet med X" lost "med X"
    text = "Budgettet er stramt. Region Nordkysten venter at spare 40 millioner kroner på rengøring."
    q = find(extract_quotes(text, "da"), "spare 40 millioner kroner")
    assert q.speaker == "Region Nordkysten"
    text = ("Rapporten kom i går.\n\n"
            "Kontrollen har dog været for svag, skriver Nævnet for Fiskeriet i sin udtalelse.")
    q = find(extract_quotes(text, "da"), "Kontrollen har dog været for svag")
    assert q.speaker == "Nævnet for Fiskeriet"


def test_subject_after_the_verb_in_verb_second_order_is_the_pronouns_antecedent() -> None:
    text = ("Her er behovet større, siger Peter Holm fra Dansk Folkehjælp.\n- Der er grænser, siger han.\n"
            "Hos Mødrehjælpen anerkender Lars Madsen, at de kan blive bedre. "
            "Ofte beder medarbejderne familierne vente, siger han.")
    assert find(extract_quotes(text, "da"), "familierne vente").speaker == "Lars Madsen"
    # a pronoun subject after the verb: the name after it is an object, not the antecedent
    text = ("Her er behovet større, siger Peter Holm fra Dansk Folkehjælp.\n- Der er grænser, siger han.\n"
            "I går besøgte han Lars Madsen i Odense.\n- Vi må vente, siger han.")
    assert find(extract_quotes(text, "da"), "Vi må vente").speaker == "Peter Holm"


def test_first_name_only_after_a_person_noun_or_speech_verb_is_a_person() -> None:
    quotes = extract_quotes("Pasientene på St Olav venter lenge.\n\n– Det er for dårlig, sier Olav.", "nb")
    assert find(quotes, "for dårlig").speaker == "Olav"
    quotes = extract_quotes("Vi møter familien i Bodø. Sønnen Roy svarer:\n\n– Det er fint her.", "nb")
    assert find(quotes, "fint her").speaker == "Roy"
    quotes = extract_quotes("Roy Hansen bor her.\n\nSønnen Roy svarer:\n\n– Det er fint her.", "nb")
    assert find(quotes, "fint her").speaker == "Roy Hansen"
    quotes = extract_quotes("Familien bor i Tromsø.\n\n– Vi trives, sier pappa Tore.\n\n– Men det er dyrt, påpeker han.", "nb")
    assert find(quotes, "det er dyrt").speaker == "Tore"


def test_a_family_noun_before_a_first_name_names_the_speaker() -> None:
    text = "Familien har bodd på gården i førti år.\n\nKona Kari svarer:\n\n– Vi blir her så lenge vi kan."
    assert [q.speaker for q in extract_quotes(text, "nb")] == ["Kari"]


def test_a_fairly_common_first_name_opens_a_sentence_initial_name() -> None:
    # NDT seed-2026 check: a sentence-initial first name that is also a frequent word lost its place
    text = ("Harald Johan Lie, rektor ved Solbakken skole, vil vente.\n\n"
            "– Vi tar en runde til, sier Lie.")
    q = find(extract_quotes(text, "nb"), "en runde til")
    assert q.speaker == "Harald Johan Lie"


def test_a_headline_word_glued_to_a_surname_does_not_take_over_the_full_name() -> None:
    text = ("Sprek Bakke tok gullet\n\n"
            "I går gikk Eirik Moe Bakke raskest av alle. I dag vant Bakke igjen.\n"
            "– Jeg var helt tom etterpå, sier Bakke til lokalavisen.")
    assert find(extract_quotes(text, "nb"), "helt tom").speaker == "Eirik Moe Bakke"


def test_a_name_after_a_lower_case_particle_word_is_found() -> None:
    # "da" (also a name particle as in "da Silva") glued the name to the run and dropped it
    text = ("Sprek Bakke tok gullet\n\n"
            "Jubelen var stor da Eirik Moe Bakke kom i mål.\n"
            "– Jeg var helt tom etterpå, sier Bakke.")
    assert find(extract_quotes(text, "nb"), "helt tom").speaker == "Eirik Moe Bakke"


def test_a_care_worker_role_in_apposition_resolves_the_definite_role_noun() -> None:
    text = ("Turid Aas, hjelpepleier ved Lunden omsorgssenter, håper på flere vakter.\n"
            "– Lønna rekker ikke langt, sier hjelpepleieren.")
    q = find(extract_quotes(text, "nb"), "rekker ikke langt")
    assert q.speaker == "Turid Aas"



# ---- session 3: fixes from the DR/NDT hand checks. Own sentences and invented names only: the
# constructions were seen in real articles, the words here are not theirs.


def test_a_determiner_and_an_unlisted_descriptor_make_the_name_the_subject() -> None:
    # the object with a role apposition ("Norges fiskeriminister, Erik Lund") is not what "han" means
    text = ("Den svenske venstrefløjsveteran Ole Sandberg kræver, at Norges fiskeriminister, Erik Lund, "
            "trækker forslaget.- Kvoterne er for små, og fiskerne betaler, siger han til P1.")
    assert find(extract_quotes(text, "da"), "Kvoterne er for små").speaker == "Ole Sandberg"


def test_a_descriptor_before_a_genitive_name_makes_no_subject() -> None:
    text = ("Lene Dahl er professor i historie.\n"
            "Den nye regering dannet af Lars Boes parti har bred opbakning.\n"
            "- Den regering har været meget populær, siger hun.")
    assert find(extract_quotes(text, "da"), "meget populær").speaker == "Lene Dahl"


def test_an_indefinite_person_noun_in_apposition_before_a_name_makes_it_the_subject() -> None:
    text = ("Naboen Per Lund frygter støjen fra motorvejen.\n"
            "En tredje beboer, Jens Holt fra Bøgeskov, har skrevet til kommunen.\n"
            "- Ingen vil købe en grund ved siden af et grusgrav, siger han.")
    assert find(extract_quotes(text, "da"), "grusgrav").speaker == "Jens Holt"


def test_a_club_prefixed_definite_role_compound_resolves_to_the_person() -> None:
    text = ("Nå skal Anne Berg, trener i Tromsø IL, lede laget.\n\n– Vi er klare, sier Anne Berg.\n\n"
            "Laget er bedre enn i fjor, mener Tromsø IL-treneren.")
    assert find(extract_quotes(text, "nb"), "bedre enn i fjor").speaker == "Anne Berg"


def test_a_genitive_and_a_hyphenated_title_is_a_role_not_a_name() -> None:
    quotes = extract_quotes("- Vi er klare, sa Islands Tromsø-ambassadør i går.", "nb")
    assert find(quotes, "Vi er klare").speaker is None
    text = "Islands Tromsø-ambassadør, Erlend Moe, var til stede.\n\n- Vi er klare, sa Islands Tromsø-ambassadør i går."
    assert find(extract_quotes(text, "nb"), "Vi er klare").speaker == "Erlend Moe"


def test_a_capitalised_preposition_ends_a_persons_name() -> None:
    text = 'Kulturrådmand Karen Holt Fra Venstre betegner planen som "halvhjertet".'
    assert find(extract_quotes(text, "da"), "halvhjertet").speaker == "Karen Holt"


def test_a_military_rank_before_a_surname_links_to_the_full_name() -> None:
    text = ("Maskinist Per Olsen og kaptein Kari Dahl seilte konvoien gjennom isen i 1952.\n\n"
            "Begge fikk senere medalje.\n\n"
            "Sersjant Olsen mener at mannskapet reddet skipet.")
    assert find(extract_quotes(text, "nb"), "reddet skipet").speaker == "Per Olsen"


def test_a_reporters_line_joined_to_a_dash_paragraph_gives_the_next_subject() -> None:
    # newspaper exports with single newlines inside blank-line blocks join the reporter's line to the dash unit
    text = ("Kostymer\n\n"
            "Skredder Lise Hagen syr drakter til revyen. Hun er stolt.\n"
            "- Vi bruker bare ull og lin, sier Hagen.\n"
            "Mona Berg, som er instruktør og sanger, mener også at draktene er blitt for tunge.\n"
            "- Man svetter som i badstue under lyskasterne, sier hun.")
    assert find(extract_quotes(text, "nb"), "badstue").speaker == "Mona Berg"


def test_a_council_compound_keeps_its_complement_and_names_itself() -> None:
    text = "Salget av urtete har doblet seg på fem år, anslår Bransjerådet for Urter. Det er mye."
    assert find(extract_quotes(text, "nb"), "doblet seg").speaker == "Bransjerådet for Urter"
    assert find(extract_quotes("Forbrukerrådet mener at prisene er for høye.", "nb"),
                "for høye").speaker == "Forbrukerrådet"


def test_a_norwegian_minister_is_a_statsrad() -> None:
    text = ("Energiminister Ola Vik (Ap) sier regjeringen følger saken.\n\n"
            "– Vi har verktøy, og vi vil bruke dem, sier statsråden.")
    assert find(extract_quotes(text, "nb"), "Vi har verktøy").speaker == "Ola Vik"


def test_a_sentence_after_a_closing_quote_opens_with_a_common_word() -> None:
    text = "Treneren ropte til Hansen: «Hold linja!» Da svarte Hansen: «Jeg gjør så godt jeg kan.»"
    assert find(extract_quotes(text, "nb"), "så godt jeg kan").speaker == "Hansen"


def test_a_new_speech_verb_and_a_misspelt_title_before_a_name() -> None:
    text = ("Brannsjef Kari Holm svarer:\n\n- Vi rykker ut på åtte minutter, sier Holm.\n\n"
            "- Frivillige mannskaper gjør resten, supplerer varaordfører Ola Berg.")
    assert find(extract_quotes(text, "nb"), "Frivillige mannskaper").speaker == "Ola Berg"
    misspelt = ("Brannsjef Kari Holm svarer:\n\n- Vi rykker ut på åtte minutter, sier Holm.\n\n"
                "- Frivillige mannskaper gjør resten, sier varordfrer Ola Berg.")  # a typo in the title
    assert find(extract_quotes(misspelt, "nb"), "Frivillige mannskaper").speaker == "Ola Berg"


def test_a_two_sentence_question_answered_with_yes_is_the_interviewers() -> None:
    text = ("Roeren Ola Dahl vil ha flere kontroller.\n\n- Det ville gjort sporten renere, sier Dahl.\n\n"
            "- Roing er en teknisk idrett. Lønner det seg å jukse der?\n\n"
            "- Ja, utholdenhet teller mest.")
    quotes = extract_quotes(text, "nb")
    assert find(quotes, "teknisk idrett").speaker is None
    assert find(quotes, "utholdenhet teller").speaker == "Ola Dahl"


def test_a_quoted_headline_is_not_a_person() -> None:
    text = ("Kokken Eivind Moe har rammet inn anmeldelsene: «Salt Sjø». «Magisk Moe».\n\n"
            "- Er du stolt?\n\n- Ja, jeg er veldig stolt.")
    assert find(extract_quotes(text, "nb"), "veldig stolt").speaker == "Eivind Moe"


def test_an_organisation_noun_opening_ifolge_is_the_agent_and_a_named_district_resolves_it() -> None:
    text = ("En mann ble pågrepet i Halden natt til søndag. Saken etterforskes av Østfold politidistrikt.\n\n"
            "Ifølge politiet hadde mannen en kniv på seg da han ble pågrepet.")
    q = find(extract_quotes(text, "nb"), "en kniv på seg")
    assert q.speaker == "Østfold politidistrikt"


def test_a_genitive_organisation_before_a_title_keeps_the_named_person() -> None:
    text = "- Arkivet vokser hver uge, fortæller museets administrerende direktør, Mads Holt."
    assert find(extract_quotes(text, "da"), "Arkivet vokser").speaker == "Mads Holt"


def test_a_role_apposition_between_commas_before_the_verb_is_not_the_agent() -> None:
    text = "Kari Dahl, skolebyråd i Bergen, sier hun vil vente.\n\n- Vi må se på tallene først, sier hun."
    quotes = extract_quotes(text, "nb")
    assert find(quotes, "hun vil vente").speaker == "Kari Dahl"
    assert find(quotes, "tallene først").speaker == "Kari Dahl"


def test_a_pronoun_after_a_person_introduced_as_object_with_a_role() -> None:
    # the outlet named as a speaker earlier is no "han"
    text = ("Forestillingen har solgt 5.000 billetter, skriver Scenebladet.\n"
            "Stykket imponerer Informations teaterkritiker Kim Holm. Han har set alle instruktørens forestillinger.\n"
            "Derudover skriver han i sin kritik, at scenografien er for mørk.")
    assert find(extract_quotes(text, "da"), "scenografien").speaker == "Kim Holm"


def test_a_name_inside_a_quotation_is_no_subject() -> None:
    text = ("Mathias Lund skrev boka i fjor.\n\n"
            "«Hansen Berg, en mann som aldri ga seg, var mitt forbilde.»\n\n"
            "- Jeg ville gi noe tilbake, sier han.")
    assert find(extract_quotes(text, "nb"), "gi noe tilbake").speaker == "Mathias Lund"


def test_a_lower_case_particle_opens_no_organisation_name() -> None:
    text = "Kattene blev omplaceret, da Dyrevernet vurderede, at de var underernærede."
    assert find(extract_quotes(text, "da"), "underernærede").speaker == "Dyrevernet"


def test_a_name_ending_in_a_place_is_an_organisation_not_a_person() -> None:
    text = ("Det mener Ole Berg, der er formand for Lindring Forum Norge.\n"
            "- Vi mangler pladser, siger han.\n"
            "Derfor må reglerne ændres, mener formanden for Lindring Forum Norge.")
    assert find(extract_quotes(text, "da"), "reglerne ændres").speaker == "Ole Berg"


def test_a_title_before_a_name_with_a_relative_clause_before_the_verb() -> None:
    text = ("Overlæge Mette Lind, der er leder af øjenklinikken på Aalborg og Hjørring sygehuse, fortæller, "
            "at ventelisten er halveret.")
    assert find(extract_quotes(text, "da"), "ventelisten").speaker == "Mette Lind"


def test_a_couple_and_an_aunt_stay_unknown() -> None:
    text = ("Henning og Inge Holm bor ved stranden.\n"
            "- Vi håber på flere turister, siger parret.")
    assert find(extract_quotes(text, "da"), "flere turister").speaker is None
    text = "Dommer Tor Lie avgjorde saken i mai.\n\n- Det var et hardt år for oss, sier tanten til guttene."
    assert find(extract_quotes(text, "nb"), "hardt år").speaker is None


def test_a_candidate_title_after_a_party_genitive_names_the_person() -> None:
    text = "- Vi vil bygge flere svømmehaller, sier Sps ordførerkandidat i Molde, Kari Dahl Hauge."
    assert find(extract_quotes(text, "nb"), "svømmehaller").speaker == "Kari Dahl Hauge"


def test_a_first_name_genitive_glued_to_a_teachers_name() -> None:
    text = ("Kari Lund Berg er ti år.\n"
            "På skolen er Ole Mo Karis kontaktlærer.\n"
            "- Jeg vil hjem, sier Kari.")
    assert find(extract_quotes(text, "nb"), "vil hjem").speaker == "Kari Lund Berg"


def test_an_interview_question_with_the_reporters_lines_below_it() -> None:
    text = ("Intervju\n\n"
            "Skiskytter Ola Dahl (22) la opp i fjor.\n"
            "- Her bestemte jeg meg, sier han.\n"
            "- Angrer du, Ola?\n"
            "Han ser ut av vinduet.\n"
            "- Nei, aldri.")
    assert find(extract_quotes(text, "nb"), "Angrer du").speaker is None


def test_a_person_noun_genitive_before_a_title_keeps_the_named_person() -> None:
    text = "- Klagen sendes i morgen, siger familiens advokat, Ida Starck."
    assert find(extract_quotes(text, "da"), "Klagen sendes").speaker == "Ida Starck"


def test_an_initial_before_a_genitive_surname_is_kept() -> None:
    text = ("Kjell Berg besøkte partileder Carl I. Hansens hytte i går.\n"
            "-Det ble en hyggelig kveld, sa Hansen.")
    assert find(extract_quotes(text, "nb"), "hyggelig kveld").speaker == "Carl I. Hansen"


# ---- heldout5 round: general patterns, own sentences and invented names


def test_a_lower_case_particle_inside_a_name_and_the_name_capitalised_at_sentence_start() -> None:
    text = ("Sagen blev afgjort i går. Hendes advokat, Jonas van Lind Holt, mener, at dommen er forkert.\n\n"
            "Van Lind Holt gjorde desuden gældende, at vidnet var usikkert.\n\n"
            "- Vi anker med det samme.")
    quotes = extract_quotes(text, "da")
    assert find(quotes, "dommen er forkert").speaker == "Jonas van Lind Holt"
    assert find(quotes, "vidnet var usikkert").speaker == "Jonas van Lind Holt"
    assert find(quotes, "anker med det samme").speaker == "Jonas van Lind Holt"


def test_an_event_with_a_particle_is_no_person() -> None:
    text = "Rytteren Mads Kolt kører Giro de Italia. Han starter i morgen.\n\n- Jeg er klar, siger han."
    assert find(extract_quotes(text, "da"), "Jeg er klar").speaker == "Mads Kolt"


def test_a_second_role_apposed_before_the_title_resolves_the_role_noun() -> None:
    text = ("Den 30-årige nægter sig skyldig. Hans forsvarer, advokat Line Krog, kræver frifindelse.\n\n"
            "Anklageren Per Bundgaard talte i en time.\n\n"
            "- Der er ingen beviser, sagde forsvareren.")
    assert find(extract_quotes(text, "da"), "ingen beviser").speaker == "Line Krog"


def test_a_person_introduced_as_the_predicate_of_er_is_the_next_pronoun() -> None:
    text = ("- Vejen er lukket til i morgen, siger vagtchef Bo Riis.\n\n"
            "En af de beboere, der blev evakueret, er 71-årige Else Marie Fogh fra Tarm.\n\n"
            "- Vi nåede kun at tage katten med, fortæller hun.")
    assert find(extract_quotes(text, "da"), "tage katten med").speaker == "Else Marie Fogh"


def test_speakers_own_words_with_er_introduce_no_one() -> None:
    text = ("Pia Holm kom til festivalen.\n\n"
            "Jeg er Tina Turner-fan. Sådan står der på hendes trøje.\n\n"
            "- Det var en god aften, siger hun.")
    assert find(extract_quotes(text, "da"), "god aften").speaker == "Pia Holm"


def test_a_noun_phrase_then_the_name_between_commas_is_the_subject() -> None:
    text = ("- Vi mister alt, siger direktør Kim Lau.\n\n"
            "Ejeren af bageriet, Sanne Bech, fulgte mødet. Over for Ritzau siger hun, at butikken lukker.")
    assert find(extract_quotes(text, "da"), "butikken lukker").speaker == "Sanne Bech"
    text = ("– Vi er fornøyde, sier rektor Ola Vik.\n\n"
            "Styreleder i velforeningen på Nordby, Hilde Mo Dahl, møtte opp i går.\n\n"
            "– Vi vil klage, sier hun.")
    assert find(extract_quotes(text, "nb"), "Vi vil klage").speaker == "Hilde Mo Dahl"


def test_a_title_with_a_complement_before_the_name_and_verb() -> None:
    text = ("- Det brænder stadig, siger indsatsleder Ole Smed.\n\n"
            "Politikommissær hos Sydsjællands Politi Rikke Lund Bak fortæller til TV 2, at ingen er kommet til skade.\n\n"
            "- Vi har afspærret vejen, siger hun.")
    quotes = extract_quotes(text, "da")
    assert find(quotes, "ingen er kommet til skade").speaker == "Rikke Lund Bak"
    assert find(quotes, "afspærret vejen").speaker == "Rikke Lund Bak"


def test_a_paragraph_before_det_skriver_an_organisation_is_its_report() -> None:
    text = ("Myndighederne i Chile har evakueret 3000 mennesker efter et jordskælv.\n\n"
            "Det skriver nyhedsbureauet AFP.\n\n"
            "- Vi ved ikke, hvor mange der er savnet, siger borgmester Ana Rojas.")
    q = find(extract_quotes(text, "da"), "evakueret 3000 mennesker")
    assert (q.speaker, q.kind) == ("AFP", "indirect")
    text = "Riksvei 7 er stengt etter et steinras. Ingen ble skadet.\n\nDet opplyser Sør politidistrikt i en melding."
    assert find(extract_quotes(text, "nb"), "Ingen ble skadet").speaker == "Sør politidistrikt"


def test_det_oplyser_a_person_or_a_guessed_body_adds_no_report() -> None:
    text = "En mand er anholdt efter et røveri.\n\nDet oplyser vagtchef Jens Lau.\n\n- Han var bevæbnet, siger Jens Lau."
    assert [q.text for q in extract_quotes(text, "da") if "anholdt" in q.text] == []


def test_an_organisation_with_its_abbreviation_after_a_comma_or_in_brackets() -> None:
    for text in ("Ifølge Islands geologiske institut, IGI, steg lavaen 300 meter i vejret.",
                 "Ifølge Islands geologiske institut (IGI) steg lavaen 300 meter i vejret.",
                 "Islands geologiske institut (IGI) oplyser, at lavaen steg 300 meter i vejret."):
        assert find(extract_quotes(text, "da"), "300 meter").speaker == "Islands geologiske institut"


def test_a_ministry_with_a_place_complement_and_a_coordinated_ministry() -> None:
    text = "Flere danskere er i området. Forsvarsministeriet i København oplyser til DR, at ingen er såret."
    assert find(extract_quotes(text, "da"), "ingen er såret").speaker == "Forsvarsministeriet"
    text = "Ventetiden øker. Arbeids- og inkluderingsdepartementet skriver i en e-post at tallene er usikre."
    assert find(extract_quotes(text, "nb"), "tallene er usikre").speaker == "Arbeids- og inkluderingsdepartementet"


def test_a_descriptor_glued_to_a_company_name_is_not_the_company() -> None:
    text = ("Pumpeproducenten Vandkraft A/S lukker en fabrik i Skive. Det koster 80 job, oplyser virksomheden "
            "i en meddelelse.")
    assert find(extract_quotes(text, "da"), "koster 80 job").speaker == "Vandkraft A/S"


def test_a_short_reporters_line_or_question_between_dash_answers_keeps_the_speaker() -> None:
    text = ("Skipper Randi Aas Berge går av med pensjon.\n\n"
            "– Jeg har elsket hver dag, sier hun.\n\n"
            "Var du noen gang redd?\n\n"
            "– Bare én gang. Det var en stygg storm.\n\n"
            "Arbeidet var ikke alltid lett.\n\n"
            "– Noen vintre var lange.")
    quotes = extract_quotes(text, "nb")
    assert find(quotes, "Bare én gang").speaker == "Randi Aas Berge"
    assert find(quotes, "Noen vintre").speaker == "Randi Aas Berge"


def test_a_bridge_that_introduces_someone_breaks_the_chain() -> None:
    text = ("– Jeg har elsket hver dag, sier skipper Randi Aas Berge.\n\n"
            "Det samme gjelder en av matrosene:\n\n"
            "– Det har vært fine år.")
    assert find(extract_quotes(text, "nb"), "fine år").speaker != "Randi Aas Berge"


def test_nynorsk_coach_title_and_a_demonym_for_a_person_introduced_with_the_adjective() -> None:
    text = ("Kari Nes vann sprinten. Ho slo både svenske Maja Ek og finske Aino Lahti.\n\n"
            "Landslagstrenar Per Olav Rud seier at sigeren var venta.\n\n"
            "Ifølgje landslagstrenaren har Nes trent meir styrke i år.\n\n"
            "Ek var skuffa.\n\n"
            "«Eg hadde ikkje meir å gi», sa svensken til SVT.")
    quotes = extract_quotes(text, "nn")
    assert find(quotes, "sigeren var venta").speaker == "Per Olav Rud"
    assert find(quotes, "trent meir styrke").speaker == "Per Olav Rud"
    assert find(quotes, "ikkje meir å gi").speaker == "Maja Ek"


def test_plain_single_quotation_marks() -> None:
    text = ("Træner Lars Bo Mørk var glad.\n\n"
            "'Vi troede på det til det sidste. Holdet har en god moral', sagde han.\n\n"
            "Avisen kaldte kampen 'Den store gyser', og Mørk kaldte sin målmand for 'den bedste i ligaen'.")
    quotes = extract_quotes(text, "da")
    assert find(quotes, "troede på det").speaker == "Lars Bo Mørk"
    assert find(quotes, "den bedste i ligaen").speaker == "Lars Bo Mørk"
    assert not [q for q in quotes if "store gyser" in q.text]


def test_a_perfect_tense_speech_verb_keeps_its_subject() -> None:
    text = "Kunden, en 44-årig mand, har i retten forklaret, at han ikke så kniven."
    q = find(extract_quotes(text, "da"), "ikke så kniven")
    assert (q.speaker, q.kind) == (None, "indirect")
    text = "Borgmester Hanne Rye Olsen talte i går. Senere har hun sagt, at budgettet holder."
    assert find(extract_quotes(text, "da"), "budgettet holder").speaker == "Hanne Rye Olsen"


def test_nynorsk_speech_verbs_in_indirect_speech() -> None:
    text = "Rådmann Eirik Hovda Lien stadfester at skulen blir lagd ned. Han peikar på at elevtalet fell."
    quotes = extract_quotes(text, "nn")
    assert find(quotes, "skulen blir lagd ned").speaker == "Eirik Hovda Lien"
    assert find(quotes, "elevtalet fell").speaker == "Eirik Hovda Lien"


# ---- heldout6 round (own sentences, invented names)


def test_male_first_names_ending_in_a_take_han() -> None:
    text = ("Regionens borgmester, Petro Lysenko, skriver, at skolen er lukket.\n\n"
            "Brandvæsenets talsmand, Mykola Dorosjenko, siger, at branden er slukket.\n\n"
            "- Vi arbejdede hele natten, siger han.")
    assert find(extract_quotes(text, "da"), "hele natten").speaker == "Mykola Dorosjenko"


def test_a_person_with_an_unlisted_first_name_introduced_as_the_predicate() -> None:
    text = ("Ministeren, Jonna Vik, besøgte byen. Hun siger, at hjælpen er på vej.\n\n"
            "Foran hallen venter flere beboere. En af dem er 70-årige Oksanka Melnyk, hvis hus brændte.\n\n"
            "- Jeg har mistet alt, siger hun.")
    assert find(extract_quotes(text, "da"), "mistet alt").speaker == "Oksanka Melnyk"


def test_a_paragraph_naming_one_new_person_before_siger_hun() -> None:
    text = ("Skoleleder Bente Hald er glad for forbuddet.\n\n"
            "- Eleverne snakker mere sammen, siger hun.\n\n"
            "Hendes kollega Tove Rask er mindre begejstret.\n\n"
            "- Jeg savner fleksibiliteten, siger hun.\n\n"
            "For Bente Hald handler det om trivsel.\n\n"
            "- Det er det vigtigste for mig, siger hun.")
    quotes = extract_quotes(text, "da")
    assert find(quotes, "snakker mere").speaker == "Bente Hald"
    assert find(quotes, "savner fleksibiliteten").speaker == "Tove Rask"
    assert find(quotes, "det vigtigste").speaker == "Bente Hald"


def test_a_pronoun_paragraph_keeps_the_pronouns_person() -> None:
    text = ("Træner Jonas Ravn er tilfreds.\n\n"
            "Han har tidligere spillet sammen med Mikkel Bro på landsholdet.\n\n"
            "- Vi har et godt hold, siger han.")
    assert find(extract_quotes(text, "da"), "godt hold").speaker == "Jonas Ravn"


def test_an_unattributed_dash_answer_is_the_antecedent_of_the_next_pronoun() -> None:
    text = ("Den forrige ejer, Knud Erik Holt, ville gå på pension.\n\n"
            "Da tog Omar Lindahl over. Han arbejdede dengang på et lager.\n\n"
            "– Jeg havde aldrig drevet en butik før.\n\n"
            "Han fortæller, at banken først sagde nej.")
    assert find(extract_quotes(text, "da"), "banken først").speaker == "Omar Lindahl"


def test_a_place_and_a_compound_organisation_noun_is_no_person() -> None:
    text = ("På Ribe Katedralskole har 2.g-eleven Mads Kjær Lund vænnet sig til det.\n\n"
            "- Det gik hurtigere end ventet, siger han.")
    quotes = extract_quotes(text, "da")
    assert find(quotes, "hurtigere end ventet").speaker == "Mads Kjær Lund"
    text = "Aalborg Universitetshospital regner med, at ventetiden falder."
    assert find(extract_quotes(text, "da"), "ventetiden falder").speaker == "Aalborg Universitetshospital"


def test_a_plain_interview_question_is_answered_by_the_person_the_article_is_about() -> None:
    text = ("Nå er Silje Moen tilbake med en ny roman.\n\n"
            "– Jeg skrev den på tre måneder, sier hun.\n\n"
            "Silje Moen debuterte i 2015 og har bodd i Bergen siden.\n\n"
            "Hvorfor ble det en krim denne gangen?\n\n"
            "– Fordi jeg ville prøve noe nytt.")
    assert find(extract_quotes(text, "nb"), "prøve noe nytt").speaker == "Silje Moen"


def test_a_spokesperson_for_a_centre_stays_unknown() -> None:
    text = ("En talsperson for Flyvevåbnets Kontrolcenter siger til Ritzau, at et fly er sat ind.\n\n"
            "- Vi leder hele natten, siger talspersonen.")
    quotes = extract_quotes(text, "da")
    assert find(quotes, "et fly er sat ind").speaker is None
    assert find(quotes, "leder hele natten").speaker is None


def test_ifolge_with_an_object_pronoun() -> None:
    text = ("Vagtchef Birthe Lund Holm fortæller, at vejen er spærret. Ifølge hende var der is på vejen.\n\n"
            "Forsinkelsen skyldes ifølge hende, at saltbilerne kom for sent.")
    quotes = extract_quotes(text, "da")
    assert find(quotes, "is på vejen").speaker == "Birthe Lund Holm"
    assert find(quotes, "saltbilerne kom for sent").speaker == "Birthe Lund Holm"


def test_the_subject_of_the_speech_verb_beats_the_relaying_outlet() -> None:
    text = ("FN's udsending i regionen, Grete Solberg, fordømmer angrebet. Hun siger ifølge nyhedsbureauet AFP, "
            "at \"angreb på skoler kan aldrig forsvares\".\n\n"
            "Mange bygninger blev ødelagt i nat. Det oplyser byens brandvæsen ifølge nyhedsbureauet Reuters.")
    quotes = extract_quotes(text, "da")
    assert find(quotes, "angreb på skoler kan aldrig").speaker == "Grete Solberg"
    assert not [q for q in quotes if q.speaker == "Reuters"]


def test_a_court_with_its_seat_after_the_verb() -> None:
    text = "Dommen er endelig. I sin begrundelse skriver Retten i Viborg, at den tiltalte handlede groft."
    assert find(extract_quotes(text, "da"), "handlede groft").speaker == "Retten i Viborg"


def test_an_organisation_with_an_indefinite_organisation_apposition() -> None:
    text = ("Miljøalliansen, en paraplyorganisasjon for 30 norske miljøgrupper, skriver i en pressemelding "
            "at forslaget vil ramme «vanlige folk i distriktene».")
    quotes = extract_quotes(text, "nb")
    assert find(quotes, "forslaget vil ramme").speaker == "Miljøalliansen"
    assert find(quotes, "vanlige folk i distriktene").speaker == "Miljøalliansen"


def test_public_bodies_named_by_their_office_or_country() -> None:
    text = ("Det svenske udenrigsministerium oplyser i en erklæring, at ambassaden er lukket.\n\n"
            "Ifølge anklagemyndigheden er der beslaglagt to biler.\n\n"
            "Børneombudsmanden bekræfter over for DR, at sagen undersøges.\n\n"
            "Ifølge landets katastrofemyndighed er 300 evakueret. Ifølge politiet er to anholdt.")
    quotes = extract_quotes(text, "da")
    assert find(quotes, "ambassaden er lukket").speaker == "Det svenske udenrigsministerium"
    assert find(quotes, "beslaglagt to biler").speaker == "anklagemyndigheden"
    assert find(quotes, "sagen undersøges").speaker == "Børneombudsmanden"
    assert find(quotes, "300 evakueret").speaker is None
    assert find(quotes, "to anholdt").speaker is None


def test_a_person_referred_to_by_age_after_the_verb() -> None:
    text = "Under retssagen forklarede den 47-årige, at han havde lånt pengene."
    q = find(extract_quotes(text, "da"), "lånt pengene")
    assert (q.speaker, q.kind) == (None, "indirect")
    text = ("Den 39-årige Bo Kragh Holm blev anholdt i marts.\n\n"
            "I retten forklarede den 39-årige, at han var uskyldig.")
    assert find(extract_quotes(text, "da"), "var uskyldig").speaker == "Bo Kragh Holm"
    text = "Frisøren Lise Kold er glad.\n\n- Det går godt, siger den 52-årige Lise Kold."
    assert find(extract_quotes(text, "da"), "Det går godt").speaker == "Lise Kold"


def test_a_source_after_hos_with_an_impersonal_speech_phrase() -> None:
    text = "Hos Danske Friskoler, som er skolernes forening, lyder det, at ingen model passer alle."
    assert find(extract_quotes(text, "da"), "ingen model passer").speaker == "Danske Friskoler"
    text = "I Skive lyder det, at alt er roligt."
    assert not [q for q in extract_quotes(text, "da") if q.speaker == "Skive"]


def test_a_vague_plural_subject_and_a_perfect_participle() -> None:
    text = "Flere aviser har tidligere skrevet at både Odd og Brann ville kjøpe keeperen."
    q = find(extract_quotes(text, "nb"), "ville kjøpe keeperen")
    assert (q.speaker, q.kind) == (None, "indirect")
    text = "Kilder tæt på regeringen siger til Ritzau, at udspillet kommer i maj."
    assert find(extract_quotes(text, "da"), "udspillet kommer i maj").speaker is None
    text = ("Forfatteren Per Dal Rye har med bogen 'Sommeren da alt brændte ned' skrevet om livet under præsident "
            "Karl Borg. Der er ikke skrevet meget om 'den lange vinter' før.")
    assert not extract_quotes(text, "da")


def test_a_governor_title_is_a_role() -> None:
    text = ("Regionens guvernør, Taras Hnatyuk, skriver på Telegram, at 20 er såret.\n\n"
            "- Vi leder stadig, skriver guvernøren.")
    q = find(extract_quotes(text, "da"), "leder stadig")
    assert (q.speaker, q.speaker_role) == ("Taras Hnatyuk", "Regionens guvernør")


def test_klager_over_at_with_a_vague_subject_and_a_first_verb_phrase() -> None:
    text = "Mange af kunderne har skrevet til TV 2 og klager over, at prisen er skjult. Naboerne klager over støjen."
    quotes = extract_quotes(text, "da")
    q = find(quotes, "prisen er skjult")
    assert (q.speaker, q.kind) == (None, "indirect")
    assert not [q for q in quotes if "støjen" in q.text]
    text = "Nogle ville måske endda sige, at byen gik amok."
    assert not extract_quotes(text, "da")


# ---- heldout7 round (own sentences, invented names)


def test_coordinated_titles_before_a_complement_and_the_name() -> None:
    text = ("Overlæge og ledende kirurg på Vejle Sygehus Henrik Dam Holm erkender, at ventetiden er for lang.\n\n"
            "- Vi mangler folk, siger Henrik Dam Holm.\n\n"
            "Ifølge overlægen er tre stillinger ubesatte på afdelingen.")
    quotes = extract_quotes(text, "da")
    q = find(quotes, "ventetiden er for lang")
    assert (q.speaker, q.kind) == ("Henrik Dam Holm", "indirect")
    assert "Overlæge og ledende kirurg" in (q.speaker_role or "")
    assert find(quotes, "tre stillinger").speaker == "Henrik Dam Holm"
    text = "Ledende kirurg på Vejle Sygehus Henrik Dam Holm erkender, at ventetiden er for lang."
    assert find(extract_quotes(text, "da"), "ventetiden").speaker == "Henrik Dam Holm"


def test_a_dash_quote_opening_with_a_pronoun_for_the_person_just_described() -> None:
    # the husband is described through the earlier speaker ("Hendes mand"): "- Han ..." is about him
    text = ("Da Karen Holm Berg fik brevet, blev hun glad.\n\n- Jeg har ventet længe, siger hun.\n\n"
            "Hun er ikke alene. Region Nord oplyser, at 300 venter.\n\n"
            "Hendes mand, Jens Holm Berg, har overtaget indkøbene.\n\n- Han klager aldrig. Jeg er glad for ham.")
    assert find(extract_quotes(text, "da"), "Han klager aldrig").speaker == "Karen Holm Berg"
    # the man the daughter spoke of is named again: "- Han kunne ..." is still the daughter's
    text = ("Fisker Arne Ingvald Dahl døde fredag, 90 år gammel.\n\n"
            "– Pappa sovnet stille inn. Han var klar, sier datteren Sissel Dahl Moe.\n\n"
            "Dahl ble født i 1934. I femti år drev han fiske fra Ballvik.\n\n"
            "– Han kjente hvert skjær i fjorden. Jeg tror ikke han brukte kart.")
    assert find(extract_quotes(text, "nb"), "hvert skjær").speaker == "Sissel Dahl Moe"
    # one line putting the person named again forward: that person speaks
    text = ("Trener Per Lie Moe hentet Ola Dahl i fjor.\n\n– Han er en fantastisk trener, sier spiller Ola Dahl.\n\n"
            "Lie Moe er også fornøyd med kampen.\n\n– Han spilte godt i dag.")
    assert find(extract_quotes(text, "nb"), "spilte godt").speaker == "Per Lie Moe"
    # a person introduced for the first time right before the quote is its speaker, as before
    text = ("Fisker Arne Ingvald Dahl døde fredag, 90 år gammel.\n\n"
            "– Han var klar, sier datteren Sissel Dahl Moe.\n\n"
            "Barnebarnet Tore Dahl Hansen (24) var med bestefaren på sjøen hver sommer.\n\n"
            "– Han lærte meg å sløye fisk før jeg kunne sykle.")
    assert find(extract_quotes(text, "nb"), "sløye fisk").speaker == "Tore Dahl Hansen"


def test_a_headline_name_without_the_middle_name_is_the_person_introduced() -> None:
    text = ("Fisker Arne Ingvald Dahl døde fredag.\n\nTil avisen sa Dahl i 2004 at han skrev fordi ingen andre gjorde det.\n\n"
            "«Noen må skrive ned historiene,» sa Dahl.")
    quotes = extract_quotes(text, "nb", title="Fisker Arne Dahl er død")
    assert find(quotes, "ingen andre").speaker == "Arne Ingvald Dahl"
    assert find(quotes, "skrive ned historiene").speaker == "Arne Ingvald Dahl"


def test_family_nouns_introduce_a_person_for_a_later_role_reference() -> None:
    text = ("Politiet leder efter Karen Dahl Mogensen fra Viborg.\n\n"
            "Karen Dahl Mogensens søster, Lene Dahl, har delt efterlysningen.\n\n"
            "- Det ligner slet ikke Karen, siger hun.\n\n"
            "Kollegerne har ifølge søsteren heller ikke hørt fra hende.")
    quotes = extract_quotes(text, "da")
    q = find(quotes, "ligner slet ikke")
    assert (q.speaker, q.speaker_role) == ("Lene Dahl", "Karen Dahl Mogensens søster")
    assert find(quotes, "heller ikke hørt").speaker == "Lene Dahl"
    text = ("Fisker Arne Dahl døde fredag.\n\nBarnebarnet Tore Dahl Hansen (24) var med ham på sjøen.\n\n"
            "Ifølge barnebarnet var det bestefaren som fikk ham til å studere fiskerifag.")
    assert find(extract_quotes(text, "nb"), "fikk ham til").speaker == "Tore Dahl Hansen"


def test_a_genitive_owner_stays_salient_for_a_pronoun_of_the_other_gender() -> None:
    text = ("Forfatteren Hanne Lie Vik har skrevet en roman om sin far.\n\n"
            "Anmelderen Kari Strand Moe kalte den «en stille roman».\n\n"
            "Viks far, Arnfinn Lie Vik, døde i 2021. Han rakk aldri å lese boka.\n\n"
            "– Jeg spurte ham en gang om det var greit. Han bare lo, forteller hun.")
    assert find(extract_quotes(text, "nb"), "bare lo").speaker == "Hanne Lie Vik"


def test_an_organisation_name_after_a_role_complement_is_no_part_of_the_name() -> None:
    text = ("- Vi strejker, siger formand for 3F Vejle Karsten Bo Holm.\n\n"
            "Ifølge fagforbundet 3F handler konflikten om vagtplaner.")
    quotes = extract_quotes(text, "da")
    assert find(quotes, "Vi strejker").speaker == "Karsten Bo Holm"
    q = find(quotes, "handler konflikten")
    assert (q.speaker, q.speaker_role) == ("3F", "fagforbundet")


def test_a_name_with_two_particles() -> None:
    text = ("Danmark var skeptisk.\n\nHollands premierminister, Pieter van der Berg, gik endnu længere.\n\n"
            "- Vi skriver ikke under, sagde han på vej ud.\n\nVan der Berg er vred.\n\n"
            "- Det er for dårligt, siger Van der Berg.")
    quotes = extract_quotes(text, "da")
    assert find(quotes, "skriver ikke under").speaker == "Pieter van der Berg"
    assert find(quotes, "for dårligt").speaker == "Pieter van der Berg"


def test_a_person_named_in_a_relative_clause_with_descriptors_after_the_copula() -> None:
    text = ("Vi spiser i Nyborg.\n\n- Jeg elsker fisk, siger kokken Bo Lund.\n\n"
            "En ældre herre ved bordet, der viser sig at være pensioneret lærer Svend Vang Nielsen, smiler. "
            "\"Det er godt,\" siger han til sin kone.")
    assert find(extract_quotes(text, "da"), "Det er godt").speaker == "Svend Vang Nielsen"


def test_a_quote_then_er_raadet_fra_and_a_two_word_surname() -> None:
    text = ("– Vi ser et marked i vekst, sier sjeføkonom i Banken Nord, Tone Aas Holmen.\n\nPrisene steg.\n\n"
            "«Ikke by mer enn dere tåler,» er rådet fra Aas Holmen til kjøpere som vurderer å strekke seg.")
    q = find(extract_quotes(text, "nb"), "Ikke by mer")
    assert (q.speaker, q.kind) == ("Tone Aas Holmen", "direct")


def test_a_party_genitive_or_an_age_between_commas_before_the_verb() -> None:
    for text in ("Konservatives Jens Erik Moos skriver på Facebook, at han aldrig har oplevet noget lignende.",
                 "Jens Erik Moos, 71, skriver på Facebook, at han aldrig har oplevet noget lignende.",
                 ("Konservatives Jens Erik Moos, 71, der har siddet i byrådet siden 1998, skriver torsdag morgen "
                  "på Facebook, at han aldrig har oplevet noget lignende.")):
        q = find(extract_quotes(text, "da"), "aldrig har oplevet")
        assert (q.speaker, q.kind) == ("Jens Erik Moos", "indirect")


def test_a_demand_is_speech_only_with_its_at_clause() -> None:
    text = "Premierminister Zoltan Vadas krævede, at EU frigiver midlerne."
    assert find(extract_quotes(text, "da"), "EU frigiver").speaker == "Zoltan Vadas"
    for text in ("Anklageren krævede seks års fængsel for drabet.", "Det kræver planlægning at få et bord her.",
                 "Efter at kontrollen er brudt sammen, kræver ministeren Ellen Holm (V) nu svar på, hvordan det skete."):
        assert not extract_quotes(text, "da")
    text = "Rektor Ola Brekke krevde at skolen får mer penger."
    assert find(extract_quotes(text, "nb"), "mer penger").speaker == "Ola Brekke"


def test_viser_til_at_with_an_adverb_inside() -> None:
    text = ("Professor Ingrid Dahl Sæther avviser kritikken. Hun viser også til at tellingene er uavhengige av båtene. "
            "Hun viser til rapporten fra i fjor.")
    quotes = extract_quotes(text, "nb")
    assert find(quotes, "tellingene er uavhengige").speaker == "Ingrid Dahl Sæther"
    assert not [q for q in quotes if "rapporten" in q.text]


def test_unnamed_subjects_with_a_relative_clause() -> None:
    text = "En eldre mann som hadde stemt på Senterpartiet, sa til avisen utenfor Kulturhuset at valget var dårlig."
    q = find(extract_quotes(text, "nb"), "valget var dårlig")
    assert (q.speaker, q.kind) == (None, "indirect")
    text = "En eiendomsmegler i sentrum, som ikke vil bli navngitt, sier til BT at budrunder er vanlige."
    assert find(extract_quotes(text, "nb"), "budrunder er vanlige").speaker is None


def test_a_sentence_initial_person_noun_and_a_partner_of_a_couple() -> None:
    text = "Naboen fortæller, at hun hørte et brag."
    q = find(extract_quotes(text, "da"), "hørte et brag")
    assert (q.speaker, q.kind) == (None, "indirect")
    text = ("Det har Ola Nordli (31) og Kari Lie Berg (30) merket. Paret har vært på 20 visninger.\n\n"
            "– Vi blir alltid overbudt, sier Berg.\n\n"
            "Samboeren forteller at de har fått godkjent lån, men at det ikke holder.")
    assert find(extract_quotes(text, "nb"), "godkjent lån").speaker == "Ola Nordli"
    # two people named together are no couple without a couple noun
    text = text.replace("Paret har", "De har")
    assert find(extract_quotes(text, "nb"), "godkjent lån").speaker is None


def test_ifolge_a_bare_plural_names_no_one() -> None:
    text = ("Statsminister Eva Holm var skuffet.\n\n"
            "Ifølge diplomater, som Ritzau har talt med, var det især Ungarn, der blokerede.")
    q = find(extract_quotes(text, "da"), "især Ungarn")
    assert q.speaker is None and not q.text.startswith(",")
    text = "Ifølge vidner fandt sammenstødet sted efter et møde i Caracas."
    assert find(extract_quotes(text, "da"), "sammenstødet").speaker is None


def test_praesenterer_frames_a_quote_only_through_som() -> None:
    text = 'Tjeneren præsenterer desserten, en is af havtorn, som "det, køkkenet er mest stolt af". Den smager godt.'
    assert find(extract_quotes(text, "da"), "køkkenet er mest stolt").speaker is None
    text = "Kanalen præsenterer kor i ’Dagens sang’ hver dag."
    assert not extract_quotes(text, "da")


def test_a_compound_descriptor_glued_in_front_of_a_name() -> None:
    text = ("- Vi er klar, siger holdets anfører, Mette Lund.\n\n"
            "En anden, der glæder sig, er den 19-årige Aalborg-komet Nikoline Dahl Hansen. Hun har vundet meget.\n\n"
            "- Jeg glæder mig helt vildt, siger hun.")
    assert find(extract_quotes(text, "da"), "helt vildt").speaker == "Nikoline Dahl Hansen"
    text = ("En af dem er den tidligere TV Nord-vært Maja Kold.\n\n"
            "- Jeg blev overrasket, siger hun.")
    assert find(extract_quotes(text, "da"), "overrasket").speaker == "Maja Kold"


def test_two_people_with_one_surname_the_one_written_in_full_more_often() -> None:
    text = ("På scenen i Aarhus fortæller Mads Krogh, at han har ringet til vinderen.\n\n"
            "Krogh takker familien og sin kone, Ida Krogh.\n\n"
            "- Ida ville være blevet en fantastisk førstedame, siger Krogh.\n\n"
            "Mads Krogh forlod scenen kort efter.")
    assert find(extract_quotes(text, "da"), "fantastisk førstedame").speaker == "Mads Krogh"


def test_a_speech_verb_right_before_a_mid_sentence_ifolge_keeps_its_subject() -> None:
    text = "Hans Ole Bech advarer ifølge BBC mod en ny krise i regionen."
    q = find(extract_quotes(text, "da"), "ny krise")
    assert (q.speaker, q.kind) == ("Hans Ole Bech", "indirect")
    text = "Tre personer blev ifølge politiet anholdt i nat."
    assert find(extract_quotes(text, "da"), "anholdt i nat").speaker is None


# ---- heldout8 round (own sentences, invented names)


def test_an_age_descriptor_in_the_tail_means_the_person_the_paragraph_before_named() -> None:
    text = ("For Søren Holm Dal, der driver en gård ved Hobro, er det slemt.\n\n"
            "- Vi har købt foder. Det kan vi ikke bære, siger den 52-årige landmand.\n\n"
            "Han har ringet fire gange.\n\n"
            "- Hver gang får jeg en ny sagsbehandler.")
    quotes = extract_quotes(text, "da")
    assert find(quotes, "købt foder").speaker == "Søren Holm Dal"
    assert find(quotes, "ny sagsbehandler").speaker == "Søren Holm Dal"
    # no person named right before: the age descriptor stays unknown
    text = "Vejret var koldt.\n\n- Vi fryser, siger den 40-årige tømrer."
    assert find(extract_quotes(text, "da"), "Vi fryser").speaker is None


def test_hos_an_organisation_with_the_impersonal_man_is_that_organisation() -> None:
    text = 'Hos Dansk Kvægforening kalder man forslaget for "en hån mod bønderne". Foreningen har mange medlemmer.'
    assert find(extract_quotes(text, "da"), "en hån").speaker == "Dansk Kvægforening"
    text = "Hos Rigspolitiet mener man, at sagen er alvorlig."
    q = find(extract_quotes(text, "da"), "sagen er alvorlig")
    assert (q.speaker, q.kind) == ("Rigspolitiet", "indirect")


def test_a_first_name_alone_introduced_with_an_age_after_the_copula() -> None:
    text = ("Ifølge Danmarks Statistik er priserne steget med 20 procent på tre år.\n\n"
            "En af dem, der venter i køen, er 29-årige Louise, som er alenemor til to piger. "
            "Hun ønsker ikke sit efternavn i avisen.\n\n"
            '"Jeg skammede mig første gang. Nu er det nemmere," siger hun.')
    quotes = extract_quotes(text, "da")
    assert find(quotes, "skammede mig").speaker == "Louise"
    assert find(quotes, "priserne steget").speaker == "Danmarks Statistik"


def test_a_country_genitive_before_a_noun_is_a_body_not_a_person() -> None:
    text = ("Ifølge Danmarks Statistik er priserne steget med 20 procent.\n\n"
            "I køen står Louise Holm, som er alenemor.\n\n"
            '"Jeg skammede mig første gang," siger hun.')
    assert find(extract_quotes(text, "da"), "skammede mig").speaker == "Louise Holm"


def test_a_compound_body_introduced_by_a_relative_clause_names_itself() -> None:
    text = ("Køen vokser.\n\n"
            "Fødevarebanken, der leverer mad til uddelingen, oplyser, at efterspørgslen er fordoblet.")
    assert find(extract_quotes(text, "da"), "efterspørgslen").speaker == "Fødevarebanken"


def test_a_one_word_body_introduced_with_its_seat_keeps_the_seat() -> None:
    text = ("Ungdomsskolen brøt loven. Det slår Fylkesnemnda i Agder fast i et vedtak.\n\n"
            "Fylkesnemnda skriver i vedtaket at skolen har brutt plikten.")
    assert find(extract_quotes(text, "nb"), "brutt plikten").speaker == "Fylkesnemnda i Agder"
    text = ("Nemnda møttes i Tromsø. Det slår Tilsynsrådet i Nordland fast.\n\n"
            "Tilsynsrådet opplyser at fristen er 1. mai.")
    assert find(extract_quotes(text, "nb"), "fristen").speaker == "Tilsynsrådet i Nordland"


def test_a_sentence_initial_national_organisation_with_a_compound_head() -> None:
    text = ("Passasjerer er rammet.\n\n"
            "Norsk Sykepleierforbund brøt forhandlingene torsdag.\n\n"
            "«Vi har strukket oss langt,» skriver forbundsleder Anders Lunde i en pressemelding.\n\n"
            "Ifølge forbundet er 300 sykepleiere tatt ut i streik.")
    assert find(extract_quotes(text, "nb"), "300 sykepleiere").speaker == "Norsk Sykepleierforbund"


def test_coordinated_titles_after_the_verb_before_the_name() -> None:
    text = ("Selskapet har hentet penger.\n\n"
            "– Vi har brukt tre år på dette, sier daglig leder og medgründer Kari Holm Dahl (34).")
    assert find(extract_quotes(text, "nb"), "tre år").speaker == "Kari Holm Dahl"


def test_a_name_with_a_lower_case_arabic_particle_in_the_tail() -> None:
    text = ("Da Fatima Hassan Omar (38) kom til Bergen, kunne hun ikke norsk.\n\n"
            "– Jeg gråt da de ringte, sier hun gjennom tolk.\n\n"
            "Tolken, Leila al-Hakim, kom selv til Norge for ti år siden.\n\n"
            "– Jeg kjenner meg igjen i historiene, sier al-Hakim.\n\n"
            "Hun forteller at det er stor mangel på tolker.")
    quotes = extract_quotes(text, "nb")
    q = find(quotes, "kjenner meg igjen")
    assert q.speaker == "Leila al-Hakim" and "sier" not in q.text
    assert find(quotes, "mangel på tolker").speaker == "Leila al-Hakim"


def test_ifolge_a_coordinated_compound_body() -> None:
    text = "Ifølge Barne- og familiedirektoratet blir det brukt for lite penger på tiltak."
    assert find(extract_quotes(text, "nb"), "for lite penger").speaker == "Barne- og familiedirektoratet"


def test_a_focus_particle_before_the_subject() -> None:
    text = ("Debatten ble opphetet.\n\n"
            "Stortingspresidenten måtte to ganger minne talerne om taletiden.\n\n"
            'Også Mona Lie Berg (H) engasjerte seg i debatten. Hun kalte utviklingen en sentralisering "til det uforsvarlige".')
    assert find(extract_quotes(text, "nb"), "uforsvarlige").speaker == "Mona Lie Berg"


def test_an_infinitive_framing_verb_takes_the_sentence_subject() -> None:
    text = 'Per Arne Lund var ikke fornøyd og brukte replikken til å kalle svaret "en skam for bygdene".'
    assert find(extract_quotes(text, "nb"), "skam for bygdene").speaker == "Per Arne Lund"
    text = 'Mette Lund Krog brugte sin taletid til at kalde forslaget "en hån mod bønderne".'
    assert find(extract_quotes(text, "da"), "hån mod").speaker == "Mette Lund Krog"
    # another person between the subject and the verb: not the opening subject's words
    text = 'Ole Berg Lund fik en advarsel, og Jens Aslak Holm for at kalde ministeren for en "skurk" på Twitter.'
    assert find(extract_quotes(text, "da"), "skurk").speaker != "Ole Berg Lund"


def test_at_before_a_modal_infinitive_is_no_complementiser() -> None:
    text = "Kommunen forventer at kunne åbne igen onsdag."
    assert not extract_quotes(text, "da")
    text = "Kommunen forventer, at alle kan åbne igen onsdag."
    assert find(extract_quotes(text, "da"), "alle kan åbne").kind == "indirect"


def test_an_age_phrase_in_words_before_the_name_in_a_tail() -> None:
    text = "Per Nordby Lie var der også.\n\n– Det var en fin dag, sier 35 år gamle Kari Vik Holm."
    q = find(extract_quotes(text, "nb"), "fin dag")
    assert q.speaker == "Kari Vik Holm" and "sier" not in q.text


def test_a_name_compound_with_a_person_noun_is_a_role_not_a_name() -> None:
    text = ("Bandet spillede i aftes.\n\n- Det var fedt, sagde Blåtind-frontmanden Jens Kro Dal.\n\n"
            "- Vi kommer igen, sagde Blåtind-frontmanden.")
    assert find(extract_quotes(text, "da"), "kommer igen").speaker == "Jens Kro Dal"
    text = "Bandet Blåtind spillede i aftes.\n\n- Vi kommer igen, sagde Blåtind-frontmanden."
    assert find(extract_quotes(text, "da"), "kommer igen").speaker is None
    # the one person the paragraph before named, of the person noun's gender
    text = ("Bandet spillede i aftes, og Jens Kro Dal fik publikum op at hoppe.\n\n"
            "- Vi kommer igen, sagde Blåtind-frontmanden.")
    assert find(extract_quotes(text, "da"), "kommer igen").speaker == "Jens Kro Dal"
    text = ("Bandet spillede i aftes, og Mette Kro Dal fik publikum op at hoppe.\n\n"
            "- Vi kommer igen, sagde Blåtind-frontmanden.")
    assert find(extract_quotes(text, "da"), "kommer igen").speaker is None


def test_a_plural_pronoun_in_a_tail_names_no_one_speaker() -> None:
    text = ("Kari Holm og Per Dahl driver gården sammen.\n\n"
            "– Vi har aldri opplevd noe lignende, sier de.\n\n"
            "Ordfører Eva Lund er bekymret.\n\n"
            "– Dette må vi ta på alvor, sier hun.\n\n"
            "– Vi gir oss ikke, sier de to til NRK.")
    quotes = extract_quotes(text, "nb")
    first, last = find(quotes, "aldri opplevd"), find(quotes, "gir oss ikke")
    assert (first.speaker, last.speaker) == (None, None)
    assert "sier" not in first.text and "sier" not in last.text
    assert find(quotes, "på alvor").speaker == "Eva Lund"


# heldout9 round: own sentences, invented names


def test_a_particle_verb_with_the_pronoun_inside_is_an_attribution() -> None:
    text = ("Finalen spilles lørdag mot laget Blå Ulv.\n\n– Vi har ingenting å tape, sier lagkaptein Ola Storvik.\n\n"
            "Kampen vises på storskjerm i Kulturhuset.\n\n"
            "– Det er morsomt at folk bryr seg. Det hadde vi ikke trodd, legger han til.")
    q = find(extract_quotes(text, "nb"), "morsomt")
    assert q.speaker == "Ola Storvik" and "legger" not in q.text
    q = find(extract_quotes("Sjefen Kari Vold var klar.\n\n– Dette holder ikke, slår hun fast.", "nb"), "holder ikke")
    assert q.speaker == "Kari Vold" and "slår" not in q.text


def test_det_sier_jeg_inside_a_dash_answer_is_the_speakers_own_words() -> None:
    text = ("Enhetsleder Tove Rimstad beklager.\n\n– Vi manglet folk, sier Rimstad.\n\n– Er dette godt nok?\n\n"
            "– Den dagen var det ikke godt nok. Det sier jeg rett ut.")
    q = find(extract_quotes(text, "nb"), "Den dagen")
    assert q.speaker == "Tove Rimstad"


def test_a_country_genitive_and_an_association_compound_names_the_body() -> None:
    text = ("Norges sjakkforbund har over 4000 spillere.\n\nNorges brettspillforbund har så langt ikke tatt opp "
            "sjakk som medlem. Ifølge forbundet er det fortsatt uenighet om hvorvidt sjakk er idrett.")
    assert find(extract_quotes(text, "nb"), "uenighet").speaker == "Norges brettspillforbund"


def test_an_anonymous_source_after_an_indefinite_article_stays_unknown() -> None:
    text = ("Ministeren Mette Krog Ravn talte med pressen.\n\n"
            "En kilde tæt på forhandlingerne oplyser til Ritzau, at der blev arbejdet på et kompromis.")
    q = find(extract_quotes(text, "da"), "kompromis")
    assert q.speaker is None and q.kind == "indirect"


def test_varsler_is_a_danish_speech_verb_after_a_coordination() -> None:
    text = ("Hans advokat, Per Holm-Madsen, kalder dommen \"en helt urimelig straf\" og varsler, "
            "at den bliver anket til landsretten.")
    assert find(extract_quotes(text, "da"), "anket til landsretten").speaker == "Per Holm-Madsen"


def test_a_passive_participle_is_no_speech_cue_for_a_title() -> None:
    text = "Maleriet, «Sommernatt ved fjorden» fra 1901, er forsikret for rundt fem millioner kroner."
    assert extract_quotes(text, "nb") == []
    q = find(extract_quotes("Statsråd Ola Brekke forsikret at «alt er under kontroll» i går.", "nb"), "kontroll")
    assert q.speaker == "Ola Brekke"


def test_a_full_name_with_a_complement_before_the_verb_is_the_subject() -> None:
    text = ("Kunsthistoriker Per Olav Lindvik ved Universitetet i Tromsø sier til Dagbladet at bildet er så "
            "kjent at det er umulig å selge.\n\n– Ingen vil røre det, sier Lindvik.")
    quotes = extract_quotes(text, "nb")
    assert find(quotes, "umulig å selge").speaker == "Per Olav Lindvik"
    assert find(quotes, "Ingen vil").speaker == "Per Olav Lindvik"


def test_a_described_organisation_before_a_relative_clause_speaks() -> None:
    text = ("Rejsebureauet Sydrejser, der har godt 150 gæster i området, skriver i en e-mail til TV 2, "
            "at alle selskabets gæster er i sikkerhed.")
    assert find(extract_quotes(text, "da"), "i sikkerhed").speaker == "Sydrejser"
    text = "Oppdrettsselskapet Fjellaks legger ned anlegget i Vik og sier opp 30 ansatte."
    assert extract_quotes(text, "nb") == []


def test_tror_with_an_expletive_clause_is_reported_speech() -> None:
    text = ("Professor Tone Lia mener at målingen viser misnøye.\n\n"
            "Lia tror det kan bli krevende for de borgerlige å danne flertall.")
    q = find(extract_quotes(text, "nb"), "krevende")
    assert q.speaker == "Tone Lia" and q.kind == "indirect" and q.text.startswith("det kan bli")


def test_a_verb_with_at_after_it_inside_a_dash_quote_is_no_tail() -> None:
    text = ("I interviewet bakker Ole Brink sin chef op.\n"
            "- Vi har set det før. Men ja, Holm tror, at de gjorde det, siger han.")
    assert find(extract_quotes(text, "da"), "set det før").speaker == "Ole Brink"


def test_a_directional_particle_breaks_a_two_word_speech_verb() -> None:
    text = "Avdelingen har 16 beboere. Turnusplanen, som avisen har sett, legger opp til fire ansatte på dagvakt."
    assert extract_quotes(text, "nb") == []
    q = find(extract_quotes("Rektor Eva Moe er glad.\n\n– Vi er klare, legger Moe til.", "nb"), "klare")
    assert q.speaker == "Eva Moe" and "legger" not in q.text


def test_a_partial_quote_after_a_message_noun_is_the_named_persons() -> None:
    text = ("Forhandlingene endte uten enighet. Fiskeriminister Tor-Arne Lysvold (Ap) reiste fra Brussel med "
            "beskjed om at partene «fortsatt står langt fra hverandre».")
    q = find(extract_quotes(text, "nb"), "langt fra hverandre")
    assert q.speaker == "Tor-Arne Lysvold" and q.kind == "direct"
    text = "Kari Lund og Per Dahl kom hjem med beskjed om at saken «ikke er over ennå»."
    assert all(q.speaker is None for q in extract_quotes(text, "nb"))
