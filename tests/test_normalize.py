import pytest

from newsthread.model import Problem, RawArticle
from newsthread.normalize import DateError, clean_text, content_fingerprint, normalise_article, parse_date


@pytest.mark.parametrize(
    ("value", "iso", "precision", "sort_key"),
    [
        ("2022", "2022", "year", "2022-01-01T00:00:00"),
        ("2022-09", "2022-09", "month", "2022-09-01T00:00:00"),
        ("2022-9", "2022-09", "month", "2022-09-01T00:00:00"),
        ("2022-09-21", "2022-09-21", "day", "2022-09-21T00:00:00"),
        ("21.09.2022", "2022-09-21", "day", "2022-09-21T00:00:00"),
        ("2017-07-01T06:15:00", "2017-07-01T06:15", "minute", "2017-07-01T06:15:00"),
        ("2017-07-01 06:15", "2017-07-01T06:15", "minute", "2017-07-01T06:15:00"),
        ("2022-10-04T10:00:00+02:00", "2022-10-04T10:00+02:00", "minute", "2022-10-04T08:00:00"),
        ("2022-10-04T10:00:30Z", "2022-10-04T10:00:30+00:00", "second", "2022-10-04T10:00:30"),
        ("Tue, 04 Oct 2022 10:00:00 +0200", "2022-10-04T10:00+02:00", "minute", "2022-10-04T08:00:00"),
        ("21. september 2022", "2022-09-21", "day", "2022-09-21T00:00:00"),
        ("3. desember 2021 kl. 14.30", "2021-12-03T14:30", "minute", "2021-12-03T14:30:00"),
        ("September 21, 2022", "2022-09-21", "day", "2022-09-21T00:00:00"),
        ("1664870400", "2022-10-04T08:00:00+00:00", "second", "2022-10-04T08:00:00"),
        ("01.11.2022 10:15", "2022-11-01T10:15", "minute", "2022-11-01T10:15:00"),
        ("03.12.2022 kl. 14.05", "2022-12-03T14:05", "minute", "2022-12-03T14:05:00"),
        ("tirsdag den 1. november 2022", "2022-11-01", "day", "2022-11-01T00:00:00"),
        ("Publisert 13.01.2023 07:31", "2023-01-13T07:31", "minute", "2023-01-13T07:31:00"),
        ("Oppdatert: 2. desember 2022 kl. 09:12", "2022-12-02T09:12", "minute", "2022-12-02T09:12:00"),
        ("13 Jan 2023 07:31 CET", "2023-01-13T07:31+01:00", "minute", "2023-01-13T06:31:00"),
        ("2022-10-04T10:00:30 CEST", "2022-10-04T10:00:30+02:00", "second", "2022-10-04T08:00:30"),
        ("November 1, 2022 10:15 pm", "2022-11-01T22:15", "minute", "2022-11-01T22:15:00"),
        ("20221101", "2022-11-01", "day", "2022-11-01T00:00:00"),
        ("2022/11/01", "2022-11-01", "day", "2022-11-01T00:00:00"),
        ("2022.11.01", "2022-11-01", "day", "2022-11-01T00:00:00"),
        ("03.11.22 kl. 10:15", "2022-11-03T10:15", "minute", "2022-11-03T10:15:00"),
        ("31.12.99", "1999-12-31", "day", "1999-12-31T00:00:00"),
        ("den 3. november 2022 kl. 10:15", "2022-11-03T10:15", "minute", "2022-11-03T10:15:00"),
        ("d. 3.11.2022", "2022-11-03", "day", "2022-11-03T00:00:00"),
        ("oktober 2022", "2022-10", "month", "2022-10-01T00:00:00"),
        ("Sept. 2022", "2022-09", "month", "2022-09-01T00:00:00"),
    ],
)
def test_parse_date_keeps_precision(value, iso, precision, sort_key):
    date = parse_date(value)
    assert (date.iso, date.precision, date.sort_key) == (iso, precision, sort_key)


@pytest.mark.parametrize("value", ["", "soon", "2022-13", "2022-02-30", "31.31.2020", "yesterday 12:00", "2022-11-01T10:00 XYZ", "13:00 2022", "22-11-03", "den"])
def test_parse_date_rejects_nonsense(value):
    with pytest.raises(DateError):
        parse_date(value)


def test_clean_text_collapses_spaces_and_blank_lines():
    assert clean_text("  Hej\u00a0 verden \r\n\r\n\r\n\tAnden  linje ") == "Hej verden\n\nAnden linje"


def test_fingerprint_ignores_case_spacing_and_punctuation():
    assert content_fingerprint("Titel", "Et  ord, to.") == content_fingerprint("titel", "et ord to")
    assert content_fingerprint("Titel", "Et ord") != content_fingerprint("Titel", "Et andet ord")


def test_normalise_article_takes_title_from_text_and_parses_date():
    raw = RawArticle(source="a.txt", text="Første sætning her. Anden sætning.\n\nMere.", published="2022-09")
    article = normalise_article(raw)
    assert article.title == "Første sætning her."
    assert (article.published, article.published_precision) == ("2022-09", "month")


def test_normalise_article_keeps_unparsed_date_and_rejects_empty_text():
    article = normalise_article(RawArticle(source="a.txt", text="Tekst.", published="i går"))
    assert article.published is None and article.extra["unparsed_date"] == "i går"
    problem = normalise_article(RawArticle(source="b.jsonl", record="line 3", text="   "))
    assert problem == Problem("b.jsonl", "line 3", "no text")
