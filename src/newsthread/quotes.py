"""Who said what: direct and indirect quotes with their speakers, text in, quotes out.

A pure module: :func:`extract_quotes` takes an article's text and returns :class:`Quote`
objects with character offsets into that text. No database, no model, no network.

How it works (details in ``docs/quotes.md``):

1. The text is cut into *units*: paragraphs (blank-line separated; when a text has no
   blank line at all, as in exports that lost them, every line is a paragraph) and dash
   paragraphs, including dash quotes glued to the previous sentence (``...år.- Vi ...``).
2. A per-article person index finds names (capitalised runs that are not common words,
   places or organisations), their roles from appositions (``Natos generalsekretær, Jens
   Stoltenberg``; ``John Kirby, talsperson for ...``) and the sentence subjects that make
   a person *salient* for pronouns.
3. Units are read in order. Dash paragraphs become direct quotes, attributed by a tail
   (``..., siger han.``) or, without one, by the context (previous dash quote, an
   introducing paragraph, the next dash quote, the person the paragraph before names).
   Other paragraphs yield quotation-mark quotes (full or partial) and indirect speech
   (``X siger, at ...``, ``ifølge X ...``).
4. Every agent (surname, pronoun, role noun) is resolved to the full name the article
   introduced; what the text does not support stays ``None``.

Heuristics are data in :mod:`newsthread.quote_rules`. The trade-off throughout is
precision over recall: a speaker is only named when the article ties the words to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import quote_rules as qr
from .quote_rules import QuoteRules, rules_for

__all__ = ["Quote", "extract_quotes"]

_COUPLE_WORD = re.compile(r"(?<![\w-])\w*(?:" + "|".join(qr.COUPLE_WORD_ENDINGS) + r")(?![\w-])", re.IGNORECASE)


@dataclass
class Quote:
    """One quote. ``text`` is ``article[start:end]``: the words only, no dash, marks or attribution."""

    text: str
    speaker: str | None
    speaker_role: str | None
    kind: str  # "direct" or "indirect"
    start: int
    end: int
    cue: str | None
    paragraph: int


# --------------------------------------------------------------------------- layout

@dataclass
class _Unit:
    """A paragraph or a dash paragraph: ``text[start:end]``; ``body`` skips the dash."""

    start: int
    end: int
    paragraph: int
    dash: bool
    body: int


_DASH_OPEN = re.compile(r"[ \t]*[-–—][ \t]+(?=\S)")
# A dash quote glued to the previous sentence: "... rekord.- Vi er ..." (lost newline).
_GLUED_DASH = re.compile(r"(?<=[.!?\"”»])(?=[-–—][ \t]+[\"«“„]?[^\W\d_])")
_TERMINAL = re.compile(r"[.!?…:\"”»’)][ \t]*$")


def _units(text: str) -> list[_Unit]:
    """Cut ``text`` into paragraphs and dash paragraphs.

    Blank lines separate paragraphs; if the text has none, each line is one (single
    newlines were paragraph breaks in the source). Inside a blank-line paragraph a
    line opening with a dash starts a new unit, other lines continue the unit (wrapping).
    """
    has_blank = re.search(r"\n[ \t\r]*\n", text) is not None
    units: list[_Unit] = []
    paragraph, prev_end = -1, 0
    for line in re.finditer(r"[^\n]+", text):
        if not line.group().strip():
            continue
        new_paragraph = not has_blank or paragraph < 0 or text.count("\n", prev_end, line.start()) >= 2
        paragraph += new_paragraph
        prev_end = line.end()
        cuts = [line.start()] + [m.start() + line.start() for m in _GLUED_DASH.finditer(line.group())]
        for i, cut in enumerate(cuts):
            end = cuts[i + 1] if i + 1 < len(cuts) else line.end()
            dash = _DASH_OPEN.match(text, cut, end)
            joins = has_blank and not new_paragraph and i == 0 and not dash and units
            if joins:
                units[-1].end = end
                continue
            body = dash.end() if dash else cut + len(text[cut:end]) - len(text[cut:end].lstrip())
            units.append(_Unit(cut, end, paragraph, bool(dash), body))
    return units


_ABBREV = frozenset(["bl.a", "f.eks", "ca", "dvs", "mr", "mrs", "ms", "dr", "nr", "st", "jf", "bl", "evt", "osv", "mv", "prof", "gen", "sen", "rep", "jr", "sr"])
_BOUNDARY = re.compile(r"[.!?…]+[\"»”’)]*(?:\s+|(?=[A-ZÆØÅÄÖÜ][a-zæøåäöü\s]))")


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in ``text[start:end]``; glued sentences ("år.Læger") are split too."""
    spans, begin = [], start
    for m in _BOUNDARY.finditer(text, start, end):
        word = re.search(r"(\w[\w.]*)$", text[max(begin, m.start() - 12):m.start()])
        if word and (word.group(1).lower() in _ABBREV or _initial_at(text, m.start() - len(word.group(1)), m.start())):
            continue  # "bl.a. Nato", "J. Smith", "Lars Chr. Lilleholt": not a boundary
        if word and word.group(1).isdigit() and m.group().startswith(".") and re.match(r"[a-zæøåäö]", text[m.end():m.end() + 1]):
            continue  # an ordinal: "den 14. november", "9. plass"
        if m.start() > begin:
            spans.append((begin, m.end()))
        begin = m.end()
    if begin < end and text[begin:end].strip():
        spans.append((begin, end))
    return spans


# --------------------------------------------------------------------------- words


def _initial(word: str) -> bool:
    """An initial or abbreviated name written with a full stop inside a name ("O.", "Chr.", "Th.")."""
    return (len(word) == 1 and word.isupper()) or word in qr.NAME_ABBREVIATIONS


_TWO_LETTERS = re.compile(r"[A-ZÆØÅÄÖÜ][a-zæøåäöü]")
_CAPITALISED_BEFORE = re.compile(r"([A-ZÆØÅÄÖÜ][\w\-]*) $")
_CAPITALISED_AFTER = re.compile(r"\. ?([A-ZÆØÅÄÖÜ][\w\-]+)")
_NOT_A_SURNAME = frozenset(["han", "hun", "hon", "ho", "hen", "den", "det", "de", "dei", "der", "en", "et", "ett", "ei",
                            "ein", "eit", "men", "og", "och", "så", "nu", "nå", "her", "the", "he", "she", "it"])


def _initial_at(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, followed by a full stop, is an initial inside a name.

    Single capitals and the listed abbreviations always are ("Jens O. Hansen", "Lars Chr.
    Lilleholt"). Any other initial of two letters ("Birgitte Aa. Hansen") only between a
    listed first name and a capitalised word that can be a surname, so a sentence ending in
    a short surname ("... med Wang Yi. Han ...") still ends there.
    """
    word = text[start:end]
    if _initial(word):
        return True
    if not _TWO_LETTERS.fullmatch(word) or _is_first_name(word) or word.lower() in qr.NON_PERSONS:
        return False
    before = _CAPITALISED_BEFORE.search(text, max(0, start - 30), start)
    after = _CAPITALISED_AFTER.match(text, end)
    if not before or not after or not _is_first_name(before.group(1)):
        return False
    follower = after.group(1).lower()
    return follower not in _NOT_A_SURNAME and follower not in qr.NON_PERSONS and not _is_first_name(after.group(1))


def _end_search(text: str, pos: int, end: int) -> re.Match:
    """The next end of an attribution (:data:`_END`), passing over the full stop of a two-letter initial."""
    while True:
        m = _END.search(text, pos, end)
        if m.group() != "." or m.end() >= end:
            return m
        word = re.search(r"\w+$", text[max(0, m.start() - 3):m.start()])
        if not (word and _initial_at(text, m.start() - len(word.group()), m.start())):
            return m
        pos = m.end()


def _name_gap(text: str, left: re.Match, right: re.Match) -> bool:
    """Whether two capitalised tokens may belong to one name: one space, or "Chr. " / "J." after an initial."""
    gap = text[left.end():right.start()]
    return gap == " " or (gap in (". ", ".") and _initial_at(text, left.start(), left.end()))


_TOKEN = re.compile(r"\w[\w'’\-]*\w|\w")


@lru_cache(maxsize=200_000)
def _zipf(word: str, language: str) -> float:
    """Word frequency (Zipf scale); 0 when wordfreq does not know the language."""
    from wordfreq import zipf_frequency

    try:  # wordfreq has no Nynorsk list; asking for "nn" gives Bokmål with a warning on stderr
        return zipf_frequency(word, "nb" if language == "nn" else language)
    except (LookupError, ValueError):
        return 0.0


@lru_cache(maxsize=200_000)
def _lemma(word: str, language: str) -> str:
    """simplemma's lemma, or the word itself for languages it lacks."""
    import simplemma

    try:
        return simplemma.lemmatize(word, lang=language)
    except (ValueError, KeyError):
        return word


def _tail_matches(stem: str, words: frozenset[str], longest: int) -> list[str]:
    """The words of ``words`` that ``stem`` ends with, longest first."""
    return [stem[-k:] for k in range(min(longest, len(stem)), 0, -1) if stem[-k:] in words]


@lru_cache(maxsize=100_000)
def _role_head(token: str) -> tuple[str, str] | None:
    """(base form, organisation prefix) when ``token`` is a role noun, else None.

    "udenrigsministeren" -> ("udenrigsminister", ""), "Nato-chefen" -> ("chef", "nato").
    Suffix matching accepts compounds ("viceudenrigsminister") at the price of rare
    false friends; callers only ask in noun-phrase slots. The longest head wins, then the
    first suffix in ``ROLE_SUFFIXES`` order (a set lookup per tail, not a scan of all heads).
    """
    low = token.lower().strip("'’")
    org, _, word = low.rpartition("-")
    best: tuple[int, int, str] | None = None  # (-len(head), suffix order, base)
    for order, suffix in enumerate(qr.ROLE_SUFFIXES):
        if suffix and not word.endswith(suffix):
            continue
        stem = word[: len(word) - len(suffix)] if suffix else word
        heads = _tail_matches(stem, _ROLE_HEAD_SET, _ROLE_HEAD_MAX)
        if heads and (best is None or (-len(heads[0]), order) < best[:2]):
            best = (-len(heads[0]), order, stem)
    return (best[2], org) if best else None


_ROLE_HEAD_SET = frozenset(qr.ROLE_HEADS)
_ROLE_HEAD_MAX = max(map(len, _ROLE_HEAD_SET))
_PERSON_NOUN_SET = frozenset(qr.PERSON_NOUNS)
_PERSON_NOUN_MAX = max(map(len, _PERSON_NOUN_SET))


@lru_cache(maxsize=100_000)
def _person_noun(token: str) -> tuple[str, str] | None:
    """(base form, "") when a lower-case ``token`` is a role or a plain person noun ("kvinden", "nabokvinnen")."""
    if not token[:1].islower():
        return None
    head = _role_head(token)
    if head:
        return head
    best: str | None = None  # the longest noun: the whole stem, or a compound's tail of four letters or more
    for suffix in qr.ROLE_SUFFIXES:
        if suffix and not token.endswith(suffix):
            continue
        stem = token[: len(token) - len(suffix)] if suffix else token
        for noun in _tail_matches(stem, _PERSON_NOUN_SET, _PERSON_NOUN_MAX):
            if (len(noun) == len(stem) or len(noun) >= 4 or noun in qr.SHORT_COMPOUND_ORG_NOUNS and len(stem) >= 6) and (best is None or len(noun) > len(best)):
                best = noun
                break
    return (best, "") if best else None


_ORG_NOUN_ORDER = {noun: i for i, noun in reversed(list(enumerate(qr.ORG_NOUNS)))}
_ORG_NOUN_MAX = max(map(len, _ORG_NOUN_ORDER))


@lru_cache(maxsize=100_000)
def _org_noun(word: str) -> tuple[str, str] | None:
    """(base, "") for a lower-case organisation noun ("selskapet", "flyselskabet", "politiet").

    A noun of four letters or more may end a compound; a shorter one must be the whole
    word (with a suffix). The first noun in ``ORG_NOUNS`` order wins.
    """
    if not word[:1].islower():
        return None
    low = word.lower()
    best: str | None = None
    for suffix in qr.ORG_SUFFIXES:
        if suffix and not low.endswith(suffix):
            continue
        stem = low[: len(low) - len(suffix)] if suffix else low
        for noun in _tail_matches(stem, _ORG_NOUN_SET, _ORG_NOUN_MAX):
            if (len(noun) == len(stem) or len(noun) >= 4 or noun in qr.SHORT_COMPOUND_ORG_NOUNS and len(stem) >= 6) and (
                    best is None or _ORG_NOUN_ORDER[noun] < _ORG_NOUN_ORDER[best]):
                best = noun
    return (best, "") if best else None


_ORG_NOUN_SET = frozenset(_ORG_NOUN_ORDER)


def _is_cap(token: str) -> bool:
    return token[:1].isupper()


def _name_token(token: str) -> bool:
    """Capitalised, or a digit-led name with capitals ("3F", "2M"): what may follow "fagforbundet"."""
    return _is_cap(token) or token[:1].isdigit() and any(c.isupper() for c in token) and token.isalnum()


_ORG_WORDS = frozenset(n + suffix for n in qr.ORG_NOUNS if len(n) >= 5 or n == "politi" for suffix in ("", "en", "et"))
_NAME_LEAD_PREPS = frozenset(["i", "for", "hos", "ved", "på", "af", "av", "fra", "frå", "från", "in", "at", "of", "med"])
_NAME_LEAD_CONJUNCTIONS = frozenset(["and", "og", "och", "samt", "&"])


@lru_cache(maxsize=1)
def _first_name_list() -> frozenset[str]:
    """First names (Faker's person providers, shipped in ``data/entities/first_names.txt``)."""
    from importlib import resources

    try:
        text = resources.files("newsthread").joinpath("data", "entities", "first_names.txt").read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError):
        text = ""
    names = {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")}
    return frozenset(names | {n.capitalize() for n in qr.MALE_NAMES | qr.FEMALE_NAMES})


def _is_first_name(word: str) -> bool:
    """A listed first name ("Jens", "Ragnhild"; "Per-Olav" by its first part)."""
    names = _first_name_list()
    return word in names or word.split("-")[0] in names


@lru_cache(maxsize=1)
def _name_genders() -> dict[str, str]:
    """First name -> "m"/"f" from ``data/quotes/first_name_gender.tsv`` (Faker's Nordic, English, German names)."""
    from importlib import resources

    try:
        text = resources.files("newsthread").joinpath("data", "quotes", "first_name_gender.tsv").read_text(
            encoding="utf-8")
    except (OSError, ModuleNotFoundError):
        return {}
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {row[0]: row[1] for row in rows if len(row) == 2}


def _gender(name: str) -> str:
    """'m', 'f' or '' from the first name: the lists in quote_rules, the name table, then endings."""
    first_cased = name.split()[0] if name else ""
    first = first_cased.lower()
    if first in qr.MALE_NAMES or first in qr.MALE_NAME_EXCEPTIONS:
        return "m"
    if first in qr.FEMALE_NAMES:
        return "f"
    table = _name_genders()
    found = table.get(first_cased) or table.get(first_cased.split("-")[0])
    if found and len(name.split()) > 1:
        return found
    if len(name.split()) > 1 and first.endswith(qr.FEMALE_NAME_ENDINGS):
        return "f"
    return ""


# --------------------------------------------------------------------------- people


@dataclass
class _Person:
    """A person (or, with ``org``, an organisation) the article names."""

    name: str
    gender: str = ""
    roles: list[str] = field(default_factory=list)
    org: bool = False
    nationality: str = ""  # from "Den danske udenrigsminister, X" (the role text keeps no adjective)


@dataclass
class _Speaker:
    """The resolved agent of a quote: a person, or an unresolved role/org."""

    name: str | None
    role: str | None
    gender: str = ""
    org: bool = False


@dataclass
class _Mention:
    start: int
    end: int
    person: _Person


class _People:
    """Names in one article, their roles, and who is salient where (for pronouns)."""

    def __init__(self, text: str, rules: QuoteRules, title: str | None) -> None:
        self.text, self.rules = text, rules
        self.persons: dict[str, _Person] = {}
        self.mentions: list[_Mention] = []
        self._according_words = frozenset(w for phrase in rules.according_to for w in phrase.split())
        self.events: list[tuple[int, _Speaker]] = []  # (position, salient speaker/subject)
        self._find_names(title or "", offset=None)
        self._find_names(text, offset=0)
        self._merge_surnames()
        self._link_single_tokens()
        self.mentions.sort(key=lambda m: m.start)

    # ---- finding names
    def _find_names(self, text: str, offset: int | None) -> None:
        tokens = list(_TOKEN.finditer(text))
        i = 0
        while i < len(tokens):
            j = i
            while j + 1 < len(tokens) and self._continues(text, tokens, j):
                j += 1
            if _is_cap(tokens[i].group()) or tokens[i].group().startswith(("al-", "el-")):
                self._take_run(text, tokens[i:j + 1], offset)
            else:
                # "da Ola Hansen kom", "skrevet av Kari Berg": a lower-case word that can be a name
                # particle opens the run; the name starts at the first capitalised word after it.
                k = i
                while k <= j and not _is_cap(tokens[k].group()):
                    k += 1
                if k < j:
                    self._take_run(text, tokens[k:j + 1], offset)
            i = j + 1

    def _continues(self, text: str, tokens: list[re.Match], j: int) -> bool:
        """Whether token j+1 extends the capitalised run ending at token j."""
        a, b = tokens[j], tokens[j + 1]
        if not _name_gap(text, a, b) or not (_is_cap(a.group()) or a.group() in qr.NAME_PARTICLES):
            return False
        nxt = b.group()
        if _is_cap(nxt) or nxt.startswith(("al-", "el-")):
            return True
        # "Pieter van der Berg": one or two particles, then the capitalised rest of the name
        k = j + 1
        while k < len(tokens) and k <= j + 2 and tokens[k].group() in qr.NAME_PARTICLES \
                and _name_gap(text, tokens[k - 1], tokens[k]):
            k += 1
        return k > j + 1 and k < len(tokens) and _is_cap(tokens[k].group()) and _name_gap(text, tokens[k - 1], tokens[k])

    def _take_run(self, text: str, run: list[re.Match], offset: int | None) -> None:
        """Register the run as a person when, trimmed of non-name words, it still looks like one."""
        words = [m.group() for m in run]
        if _org_run(words):
            return  # "Leger Uten Grenser", "Landbrug & Fødevarer": an organisation
        if re.match(r"/[A-ZÆØÅ]", text[run[-1].end():run[-1].end() + 2]):
            return  # "Nordkøl A/S": a company form
        if any(w in _CAPITALISED_PRONOUNS for w in words[1:]):
            return  # «Ka Ikk Holde Mig Væk»: a first- or second-person pronoun inside makes it a title
        if text[max(0, run[0].start() - 1):run[0].start()] in ("«", "“", "„", '"') \
                and text[run[-1].end():run[-1].end() + 2][:1] in ("»", "”", "“", '"', ".", "!", "?") \
                and text[run[-1].end():run[-1].end() + 2].lstrip(".!?")[:1] in ("»", "”", "“", '"'):
            return  # «Havsalt Vamp», «Min Kamp»: a quoted title or headline, not a person
        k = 0
        if _sentence_initial(text, run[0].start()) and self._common(words[0]):
            k = 1
        while k < len(words) and (self._non_name(words[k]) or words[k] in qr.NAME_PARTICLES):
            k += 1
        # English capitalises titles: "Danish Utilities Minister Karen Vestergaard" is a
        # title and a name; the name starts after the last role word.
        roles = [i for i in range(k, len(words) - 2) if _role_head(words[i]) is not None]
        if roles:
            k = roles[-1] + 1
        for d in range(len(words) - 3, k - 1, -1):
            # "den 19-årige Aalborg-komet Nikoline Dahl", "Fox News-vært Megyn Kelly": a compound common
            # noun (lower case after the hyphen) and what stands before it are a descriptor
            if re.search(r"\w-[a-zæøåäö]+$", words[d]) and not _is_first_name(words[d]):
                k = d + 1
                break
        k += self._lead_before_first_name(text, run[k:], words[k:], trimmed=k > 0)
        words, run = words[k:], run[k:]
        trailing = 0
        while words and (words[-1] in qr.NAME_PARTICLES or self._non_name(words[-1])):
            words, run = words[:-1], run[:-1]
            trailing += 1
        if trailing and words and not _is_first_name(words[0]):
            return  # "Hospice Forum Danmark": a name ending in a place is an organisation's
        if len(words) >= 3 and words[-1].endswith("s") and _is_first_name(words[-1][:-1]) \
                and len(words[-2]) > 1 and re.match(r"[ \t]+[a-zæøåäö]", text[run[-1].end():run[-1].end() + 3]):
            # "lærer Olav Mulelid Cathrines klasseforstander": the genitive of a first name the text also uses
            # alone ("sier Cathrine") is glued on; not "Carl I. Hagens kontor"
            glue = text[run[-2].start():run[-1].start()]
            alone = re.search(rf"(?<!{re.escape(glue)})\b{re.escape(words[-1][:-1])}\b(?![\w\-])", text)
            if alone:
                words, run = words[:-1], run[:-1]
        if len(words) == 1 and offset is not None and _is_first_name(words[0]) \
                and _COPULAR_AGE.search(text, max(0, run[0].start() - 40), run[0].start()):
            # "En af dem er 34-årige Louise, som ...": a first name alone, introduced with an age after the
            # copula, is a person whose surname the article leaves out
            person = self.persons.setdefault(words[0], _Person(words[0], _gender(words[0])))
            self.mentions.append(_Mention(run[0].start(), run[-1].end(), person))
            return
        # a lower-case particle inside the name ("Thomas de Place Bjørn") is no determiner "de"; without a
        # listed first name in front the run is a title or an event ("Tour de France")
        if len(words) < 2 or any(w.lower() in qr.NON_PERSONS for w in words if w not in qr.NAME_PARTICLES):
            return
        if any(w in qr.NAME_PARTICLES for w in words[1:]) and not _is_first_name(words[0]) \
                and any(w.lower() in qr.NON_PERSONS for w in words):
            return
        if _nationality(words[0].lower()) and not _is_first_name(words[0]) or _country_body(words):
            # "Danmarks Statistik", "Norges Bank": a country's genitive before a noun names a body
            # "Dansk Sygeplejeråd", "Danske Regioner": a nationality adjective opens no person's name
            name = text[run[0].start():run[-1].end()]
            org = self.persons.setdefault(name, _Person(name, org=True))
            if offset is not None and org.org:
                self.mentions.append(_Mention(run[0].start(), run[-1].end(), org))
            return
        if any(w.lower() in qr.ORG_CONNECTORS for w in words[1:-1]):
            return  # "Leger Uten Grenser": a capitalised function word inside makes it an organisation
        if any(len(w) > 1 and w.isupper() for w in words):
            return  # an acronym: "HK Stat", "TV 2 Fyn", "DR Nyheder" are organisations
        if any(w.lower() in _ORG_WORDS for w in words):
            return  # "Region Hovedstaden", "Aarhus Kommune", "Fyns Politi"
        if not _is_first_name(words[0]) and _org_compound(words[-1]):
            return  # "Viborg Katedralskole", "Aker Universitetssykehus": a compound organisation noun ends it
        if self._capitalised_phrase(text, run, words):
            return  # "rådmand for Sociale Forhold": a capitalised name of a committee or area
        name = text[run[0].start():run[-1].end()]  # keeps "Chr." in "Lars Chr. Lilleholt"
        person = self.persons.setdefault(name, _Person(name, _gender(name)))
        if offset is not None:
            self.mentions.append(_Mention(run[0].start(), run[-1].end(), person))

    def _lead_before_first_name(self, text: str, run: list[re.Match], words: list[str], *, trimmed: bool) -> int:
        """How many leading words of a capitalised run are not part of the person's name.

        "i Aarhus Arrest Jens Vigh", "formand for Fængselsforbundet Bo Yde Sørensen", "Sosialbyråd
        Kjetil Aune sier": words in front of a listed first name (followed by a surname) that are
        not first names themselves are a place, an organisation or a title, when the run follows
        a preposition or role word, opens a sentence, or already lost a place/organisation word.
        """
        if len(words) < 3 or _is_first_name(words[0]):
            return 0
        p = next((i for i in range(1, len(words) - 1) if _is_first_name(words[i])), None)
        if p is None:
            return 0
        before = re.search(r"(\S*)[ \t]+([\w\-]+)[ \t]+$", text[max(0, run[0].start() - 60):run[0].start()])
        prev, prev2 = (before.group(2), before.group(1)) if before else ("", "")
        # "Minister for Climate, Energy and Utilities Karen Vestergaard": the end of a title's list.
        listed = prev.lower() in _NAME_LEAD_CONJUNCTIONS and prev2[:1].isupper() and not _is_first_name(prev2)
        # "formand for 3F Aalborg Kenneth Hjort": the run goes on an organisation's name opened by a preposition
        split_off = prev2.lower() in _NAME_LEAD_PREPS and prev[:1].isalnum() and not prev[:1].islower()
        context = (trimmed or _sentence_initial(text, run[0].start()) or prev.lower() in _NAME_LEAD_PREPS
                   or listed or split_off or (prev[:1].islower() and _role_head(prev) is not None))
        return p if context else 0

    def _capitalised_phrase(self, text: str, run: list[re.Match], words: list[str]) -> bool:
        """Ordinary words capitalised after a preposition ("for Sociale Forhold", "i Kultur Og Fritid").

        Every word is frequent in the language and none is a listed first name or a -sen/-son
        surname, so "hos Jens Holm" and "ifølge Andersen Nielsen" are still names.
        """
        before = re.search(r"(\w+)[ \t]+$", text[max(0, run[0].start() - 30):run[0].start()])
        if not before or before.group(1) not in _NAME_LEAD_PREPS:
            return False
        return all(
            not _is_first_name(w) and not w.lower().endswith(("sen", "son"))
            and _zipf(w.lower(), self.rules.language) >= 4.5
            for w in words
        )

    def _common(self, word: str) -> bool:
        """A sentence-initial word that is (probably) an ordinary word, not a first name."""
        low = word.lower()
        if low in qr.MALE_NAMES or low in qr.FEMALE_NAMES:
            return False
        if self._non_name(word):
            return True
        zipf = _zipf(low, self.rules.language)
        # A listed first name that is only fairly frequent ("Harald", the king's name) opens a name.
        if zipf >= 4.5 and not (zipf < 5.0 and _is_first_name(word)):
            return True
        # An inflected form of a dictionary word ("Kollegaen", "Engelske") is not a first name.
        return _lemma(word, self.rules.language).lower() != low

    def _non_name(self, word: str) -> bool:
        low = word.lower()
        return (
            low in qr.NON_PERSONS
            or low.rstrip("s") in qr.NON_PERSONS
            or low in self.rules.determiners
            or low in self.rules.pronouns
            or low in self._according_words
            or _role_head(word) is not None
            or (low.endswith("s") and low[:-1] in qr.NON_PERSONS)
            or not any(c.isalpha() for c in word)
        )

    def _merge_surnames(self) -> None:
        """"Moen Lien" / "Møller Kristensen" is the one person introduced as "Sivert Moen Lien" / "Tina Møller Kristensen"."""
        for short, alias in list(self.persons.items()):
            if " " not in short or alias.org:
                continue
            # only when the words in front are first names or initials ("Tina", "Trump Jr" -> "Donald Trump Jr"),
            # not a descriptor glued on ("Aarhus-vennerne Casper Brigsted Laursen", "På Enø Strand")
            # "Van der Berg" opening a sentence is the "Pieter van der Berg" named before
            tail = short[:1].lower() + short[1:] if short.split()[0].lower() in qr.NAME_PARTICLES else short
            longer = {id(p): p for n, p in self.persons.items() if n.endswith((" " + short, " " + tail))
                      and not p.org and all(_is_first_name(w) or _initial(w.rstrip(".")) or w in qr.NAME_PARTICLES
                                            for w in n[:-len(short)].split())}
            if len(longer) != 1:
                continue
            full = next(iter(longer.values()))
            if full is alias:
                continue
            self.persons[short] = full
            for m in self.mentions:
                if m.person is alias:
                    m.person = full
        for short, alias in list(self.persons.items()):
            # "Olav Strøm" (a headline) is the "Olav Ingvald Strøm" the article introduces: a middle name
            parts = short.split()
            if len(parts) != 2 or alias.org or not _is_first_name(parts[0]) or self.persons.get(short) is not alias:
                continue
            longer = {id(p): p for n, p in self.persons.items() if not p.org and len(n.split()) > 2
                      and n.split()[0] == parts[0] and n.split()[-1] == parts[1]
                      and all(_is_cap(w) for w in n.split()[1:-1])}
            if len(longer) != 1:
                continue
            full = next(iter(longer.values()))
            self.persons[short] = full
            for m in self.mentions:
                if m.person is alias:
                    m.person = full

    def _link_single_tokens(self) -> None:
        """Surnames, first names and genitives of known persons count as mentions of them."""
        by_token: dict[str, _Person] = {}
        count: dict[int, int] = {}
        for m in self.mentions:
            count[id(m.person)] = count.get(id(m.person), 0) + 1
        for person in self.persons.values():
            parts = person.name.split()
            for key in (parts[-1], parts[-1] + "s"):
                # A name opened by a listed first name wins over a headline word glued to the
                # surname ("Søvnløs Hansen vant" before "Ola Berg Hansen"), unless the other is written
                # in full more often ("Mitt Romney" three times, "Ann Romney" once); else the first one named.
                old = by_token.get(key)
                if old is None or (not _first_name_led(old) and _first_name_led(person)
                                   and count.get(id(old), 0) <= count.get(id(person), 0)):
                    by_token[key] = person
        taken = {(m.start, m.end) for m in self.mentions}
        covered = [(m.start, m.end) for m in self.mentions]
        for tok in _TOKEN.finditer(self.text):
            person = by_token.get(tok.group())
            if person and (tok.start(), tok.end()) not in taken and not _inside(tok.start(), covered):
                self.mentions.append(_Mention(tok.start(), tok.end(), person))
        self._strip_genitives()

    def _strip_genitives(self) -> None:
        """"Vladimir Putins" is "Vladimir Putin" when the article also writes "Putin"."""
        for name, person in list(self.persons.items()):
            last = name.split()[-1]
            if last.endswith("s") and re.search(rf"\b{re.escape(last[:-1])}\b", self.text):
                person.name = name[:-1]
                self.persons.setdefault(person.name, person)

    # ---- lookups
    def person_at(self, start: int, end: int) -> _Person | None:
        for m in self.mentions:
            if m.start <= start < m.end or start <= m.start < end:
                return m.person
        return None

    def by_name(self, name: str, pos: int) -> _Person | None:
        """The person a written name refers to: exact, else surname/first-name match."""
        if name in self.persons:
            return self.persons[name]
        base = name[:-1] if name.endswith("s") and name[:-1] in self.persons else name
        if base in self.persons:
            return self.persons[base]
        if " " in name and name.split()[0].lower() in qr.NAME_PARTICLES and name[:1].isupper():
            # "siger Van der Berg" for "Pieter van der Berg": a sentence-initial or capitalised particle
            low = " " + name[:1].lower() + name[1:]
            found = {id(p): p for n, p in self.persons.items() if n.endswith(low) and not p.org}
            if len(found) == 1:
                return next(iter(found.values()))
        last = name.split()[-1]
        matches = [m for m in self.mentions if m.person.name.split()[-1] in (last, last.rstrip("s"))]
        if " " not in name and _is_first_name(name):
            # "sier Olav" is a person called Olav, not "St Olav" (a hospital) that ends with the word
            matches = [m for m in matches if not m.person.org and _is_first_name(m.person.name.split()[0])]
        matches = matches or [m for m in self.mentions if m.person.name.split()[0] == name]
        before = [m for m in matches if m.start < pos]
        if " " not in name and len({id(m.person) for m in before}) > 1:
            # two people share the surname ("sier Romney" after "Mitt Romney forteller ... valget av Ann Romney
            # som kone"): the one last a subject or speaker, not the one named last; a headline word glued to
            # the surname ("Sprek Bakke") gives way to a name opened by a first name or written in full again
            people = {m.person.name: m.person for m in before}
            full = [m.person.name for m in self.mentions if " " in self.text[m.start:m.end]]
            named = {n: p for n, p in people.items() if _first_name_led(p) or full.count(n) > 1}
            people = named or people  # "Sprek Bakke" once in a headline; "Mitt Romney" (unlisted) three times
            for at, speaker in sorted(self.events, key=lambda ev: ev[0], reverse=True):
                if at < pos and speaker.name in people:
                    return people[speaker.name]
        chosen = (before or matches)
        return (before[-1] if before else chosen[0]).person if chosen else None

    def by_role(self, base: str, org: str, pos: int, nationality: str = "") -> _Person | None:
        """The person the article introduced with this role (most recent before ``pos``).

        With a nationality ("den amerikanske præsident") only a person whose role has the same
        one, or else one whose role has none, qualifies.
        """
        candidates = []
        for m in self.mentions:
            if any(_role_matches(base, org, role) for role in m.person.roles):
                candidates.append(m)
        if nationality:
            same = [m for m in candidates if _person_nationality(m.person) == nationality]
            candidates = same or [m for m in candidates if not _person_nationality(m.person)]
        before = [m for m in candidates if m.start < pos]
        if before:
            return before[-1].person
        return candidates[0].person if candidates else None

    def add_role(self, person: _Person, role: str) -> None:
        role = role.strip(" ,")
        if role and role not in person.roles:
            person.roles.append(role)

    def salient(self, pos: int, gender: str) -> _Speaker | None:
        """The latest subject/speaker before ``pos`` compatible with a pronoun's gender."""
        best: tuple[int, _Speaker] | None = None
        for at, speaker in self.events:
            if at < pos and (best is None or at >= best[0]) and _compatible(gender, speaker):
                best = (at, speaker)
        if best is None:  # no subject yet: the person named last, close before ("... præsident, Emmanuel Macron.Han ...")
            for m in reversed(self.mentions):
                if pos - 400 <= m.start < pos and not m.person.org and " " in m.person.name:
                    candidate = _Speaker(m.person.name, _first(m.person.roles), m.person.gender)
                    if _compatible(gender, candidate):
                        return candidate
        return best[1] if best else None


_COUNTRIES = frozenset(c for cs in qr.NATIONALITIES.values() for c in cs)
_COPULAR_AGE = re.compile(r"(?<![\w-])(?:er|var|är|vore)[ \t]+(?:den[ \t]+)?\d+-(?:årige|åringa|åriga)[ \t]+$")

_CAPITALISED_PRONOUNS = frozenset(["Mig", "Meg", "Mej", "Dig", "Deg", "Dej", "Jeg", "Jag", "Eg"])

_COUNTRY_KEY = {c: countries[0] for countries in qr.NATIONALITIES.values() for c in countries}


def _nationality(word: str) -> str:
    """The country a nationality adjective ("amerikanske") or a country genitive ("USA's", "Ruslands") names."""
    low = word.lower().replace("’", "'")
    if word[:1].islower():
        for stem in (low, low[:-1]):
            if stem in qr.NATIONALITIES:
                return qr.NATIONALITIES[stem][0]
        return ""
    for country in (low[:-2] if low.endswith("'s") else "", low[:-1] if low.endswith("s") else "", low):
        if country in _COUNTRY_KEY:
            return _COUNTRY_KEY[country]
    return ""


def _country_body(words: list[str]) -> bool:
    """"Danmarks Statistik", "Norges Bank": a country's genitive before one capitalised noun (no first
    name) names a body, not a person."""
    return len(words) == 2 and words[0].endswith("s") and bool(_nationality(words[0])) \
        and not _is_first_name(words[0]) and not _is_first_name(words[1])


def _person_nationality(person: _Person) -> str:
    """The country of a person's role: an adjective before it, or a genitive in it ("Ruslands præsident")."""
    words = (w for role in person.roles for w in re.findall(r"[\w'’\-]+", role))
    return person.nationality or next((n for n in map(_nationality, words) if n), "")


def _org_run(words: list[str]) -> bool:
    """Capitalised words that name an organisation: "Landbrug & Fødevarer", "Leger Uten Grenser"."""
    return len(words) >= 3 and ("&" in words or any(w.lower() in qr.ORG_CONNECTORS and w[:1].isupper()
                                                   for w in words[1:-1]))


def _compatible(gender: str, speaker: _Speaker) -> bool:
    if speaker.org:
        return False
    return not gender or not speaker.gender or gender == speaker.gender


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\"«“„‚'-–—")
    if before[-1:] in ("»", "”", "’", ")") and before.rstrip("»”’)")[-1:] in (".", "!", "?"):
        return True  # «... likegyldig.» Da svarte ...
    return not before or before[-1] in ".!?:\n" or before.endswith(("date", "date:"))


def _family_noun(word: str) -> bool:
    """"Barnebarnet", "søster", "kjæresten": a family or partner noun that introduces one person; the
    noun itself, not a compound ("helsesøster" is a nurse, "storesøster" another sister)."""
    low = word.lower()
    noun = _person_noun(low)
    return bool(noun) and noun[0] in qr.FAMILY_NOUNS and _role_head(word) is None \
        and any(low == noun[0] + suffix for suffix in qr.ROLE_SUFFIXES)


def _name_compound_person(word: str) -> bool:
    """"Blåtind-frontmanden": a capitalised first part, a hyphen, a definite person noun."""
    first, dash, tail = word.rpartition("-")
    return bool(dash) and first[:1].isupper() and tail[:1].islower() and tail.endswith(("en", "et", "n")) \
        and _person_noun(tail.lower()) is not None


def _role_matches(base: str, org: str, role: str) -> bool:
    """Whether a role mention (base form, org prefix) fits a role given in the article."""
    words = [w for w in _TOKEN.findall(role)]
    if base in qr.FAMILY_NOUNS:  # "ifølge søsteren" for "Xs søster, Y"; "sa barnebarnet" for "Barnebarnet Y"
        return any(_family_noun(w) and (_person_noun(w.lower()) or ("",))[0] == base for w in words)
    synonyms = qr.ROLE_SYNONYMS.get(base)
    if synonyms and any(w.lower().endswith(synonyms) for w in words):
        return not org or org in role.lower()  # "sa aktor" for "Statsadvokat X"
    # "Blåtind-frontmanden X": a name's compound with a person noun after the hyphen is a role too
    heads = [_role_head(w) or (_person_noun(w.rpartition("-")[2].lower()) if _name_compound_person(w) else None)
             for w in words]
    for word, head in zip(words, heads, strict=True):
        if not head:
            continue
        full = head[0]
        if full == base or (len(base) >= 4 and full.endswith(base)):
            return not org or org in role.lower()
        if base in qr.LEADER_HEADS and org and org in role.lower() and full.endswith(tuple(qr.LEADER_TITLES)):
            return True
        # "forbundslederen" for "Leder i Norsk Sykepleierforbund": the head, and the first part in the role
        prefix = base[:-len(full)].rstrip("s-") if len(base) > len(full) and base.endswith(full) else ""
        if len(prefix) >= 4 and prefix in role.lower():
            return True
    return False


# --------------------------------------------------------------------------- patterns


@dataclass(frozen=True)
class _Patterns:
    verb: re.Pattern
    inverted: re.Pattern  # ", siger" / "? spørger"
    split: re.Pattern | None  # ", legger han til." (a particle verb with the pronoun inside)
    from_phrase: re.Pattern | None  # ", lød det fra"
    normal: re.Pattern  # ", han siger" / ", Stoltenberg said"
    according: re.Pattern
    framing: re.Pattern
    complementizer: re.Pattern
    this_says: re.Pattern | None
    bare: frozenset[str]


def _alternation(phrases: tuple[str, ...]) -> str:
    """Regex alternation; words of a phrase may have one adverb between them ("la imidlertid til")."""
    # not a directional particle between them: "legger opp til" (plans for) is no "legger til"
    gap = rf"(?:\s+(?!(?:{'|'.join(sorted(qr.PHRASE_GAP_PARTICLES))})\b)\w+)?\s+"
    parts = [gap.join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True)]
    return "|".join(parts)


_PATTERN_CACHE: dict[str, _Patterns] = {}


def _patterns(rules: QuoteRules) -> _Patterns:
    """The compiled patterns for ``rules`` (compiled once per language: compiling costs ~10 ms)."""
    if rules.language not in _PATTERN_CACHE:
        _PATTERN_CACHE[rules.language] = _compile(rules)
    return _PATTERN_CACHE[rules.language]


def _compile(rules: QuoteRules) -> _Patterns:
    verbs = _alternation(rules.speech_verbs)
    verb = rf"(?<![\w-])(?:{verbs})(?![\w-])"
    sep = r"(?P<sep>[,?!…]|\.\.\.)[\"»”’“]?[ \t]+"
    frm = _alternation(rules.from_phrases)
    this = _alternation(rules.this_says)
    # "legger til" / "slår fast": the verb, a subject pronoun, then the particle ending the attribution
    halves = [p.split() for p in rules.speech_verbs if len(p.split()) == 2 and p.split()[1] in qr.SPLIT_PARTICLES]
    split = {h[0] for h in halves}
    particles = "|".join(sorted({re.escape(h[1]) for h in halves}))
    pronouns = "|".join(sorted(map(re.escape, rules.pronouns)))
    if rules.reaction[0]:  # "Sådan lyder reaktionen fra X", "Slik lød meldingen fra X"
        this = rf"{this}|(?:{_alternation(rules.reaction[0])})[ \t]+\w+[ \t]+(?:{_alternation(rules.reaction[1])})"
    return _Patterns(
        verb=re.compile(verb),
        inverted=re.compile(rf"{sep}(?P<verb>{verb})(?=[ \t]+\S)"),
        split=re.compile(rf"{sep}(?P<verb>{_alternation(tuple(split))})[ \t]+(?P<agent>{pronouns}|[A-ZÆØÅÄÖ][\w\-]+(?:[ \t]+[A-ZÆØÅÄÖ][\w\-]+){{0,2}})[ \t]+(?:{particles})"
                         rf"(?=[ \t]*(?:[.,:;!?]|$))") if split else None,
        from_phrase=re.compile(rf"{sep}(?P<verb>{frm})(?=[ \t]+\S)") if frm else None,
        normal=re.compile(rf"{sep}(?P<agent>[^\s,.!?:;]+(?:[ \t]+[^\s,.!?:;]+){{0,3}}?)[ \t]+(?P<verb>{verb})"
                          rf"(?=[ \t]*(?:[.,:;!?]|$)|[ \t]+(?:{_alternation(rules.tail_words)})(?![\w-]))"),
        according=re.compile(rf"(?<![\w-])(?:{_alternation(rules.according_to)})(?![\w-])", re.IGNORECASE),
        framing=re.compile(rf"(?<![\w-])(?:{_alternation(rules.framing_verbs)})(?![\w-])"),
        complementizer=re.compile(rf",?\s+(?:{_alternation(rules.complementizers)})\s+"),
        this_says=re.compile(rf"(?:{this})(?=\s)", re.IGNORECASE) if this else None,
        bare=frozenset(rules.bare_report_verbs),
    )


_AGE = re.compile(r"\d+-(?:årig|årige|åring|åringen|year-old|åriga|åringa)")
_WORDS = re.compile(r"\w[\w'’\-]*|[^\w\s]")
# End of an attribution: a full stop (not the one after an initial inside a name, "Lars Chr.
# Lilleholt", "Jens O. Hansen"), "!", "?", ":", a newline or the end.
_NOT_AFTER_INITIAL = "".join(rf"(?<!\b{a})" for a in sorted(qr.NAME_ABBREVIATIONS)) + r"(?<!\b[A-ZÆØÅÄÖÜ])"
_END = re.compile(rf"{_NOT_AFTER_INITIAL}\.(?=[\s\"»”’]|$)|\.(?![ \t]+[A-ZÆØÅÄÖÜ])(?=[\s\"»”’]|$)"
                  rf"|[!?:](?=[\s\"»”’]|$)|\n|$")
_INDEFINITE = frozenset(["en", "et", "ei", "ett", "ein", "eit", "a", "an"])
_ROLE_PREPS = frozenset(["for", "i", "ved", "hos", "of", "at", "på", "in", "från", "fra", "frå", "på", "af", "til"]) - {"til"}
_ROLE_STOPS = frozenset(["til", "to", "ifølge", "enligt", "according", "onsdag", "torsdag", "mandag", "tirsdag", "fredag", "lørdag", "søndag"])
_CLAUSE_OPENERS = frozenset(["og", "men", "som", "der", "at", "så", "da", "and", "but", "who", "which", "that", "når", "när", "mens", "while"])


@dataclass
class _Agent:
    """Who an attribution names, as written: a pronoun, a name, or a role noun phrase."""

    kind: str  # "pronoun", "name" or "role"
    start: int
    end: int
    name: str | None = None
    role: str | None = None
    base: str = ""
    org: str = ""
    definite: bool = True
    fallback: str | None = None  # a name to keep when the role resolves to no one ("Udenrigsministeriet")
    nationality: str = ""  # "amerikansk" in "den amerikanske præsident"


# --------------------------------------------------------------------------- extractor


class _Extractor:
    """Reads one article unit by unit, keeping the state speaker resolution needs."""

    def __init__(self, text: str, rules: QuoteRules, title: str | None, mentions: list | None = None) -> None:
        self.text, self.rules, self.pat = text, rules, _patterns(rules)
        self.entity_mentions = mentions  # extract_entities' output when the caller already has it
        self.people = _People(text, rules, title)
        self.units = _units(text)
        self.quotes: list[Quote] = []
        self.unnamed_roles: list[tuple[int, str]] = []  # "Regeringspartiets talsmand afviser ...": no name given
        self._collect_roles()
        self._collect_subjects()

    # ---- static passes
    def _collect_roles(self) -> None:
        """Roles from "Natos generalsekretær, Jens Stoltenberg" and "John Kirby, talsperson for ..."."""
        text = self.text
        for m in self.people.mentions:
            if " " not in text[m.start:m.end]:
                continue  # roles are read around the full name, where the article introduces the person
            window = text[max(0, m.start - 80):m.start]
            before = re.search(r"(?:([A-ZÆØÅÄÖ][\w\-]*(?:['’]s|s))\s+)?([\w\-]+),?\s+$", window)
            if before and (_role_head(before.group(2)) or _family_noun(before.group(2))
                           or _name_compound_person(before.group(2))):
                role = " ".join(g for g in before.groups() if g)
                if before.group(1):  # "Karen Dahl Mogensens søster": the owner's whole name
                    owner_end = max(0, m.start - 80) + before.end(1)
                    owner = next((o for o in self.people.mentions if o.end == owner_end and " " in o.person.name), None)
                    if owner is not None:
                        role = text[owner.start:owner_end] + " " + before.group(2)
                self.people.add_role(m.person, role)
                # "Hans forsvarer, advokat X": a second role apposed in front of the title
                outer = re.search(r"(?:^|\s)([a-zæøåäö][\w\-]*),\s+$", window[:before.start()])
                if outer and not before.group(1) and _role_head(outer.group(1)):
                    self.people.add_role(m.person, outer.group(1))
                adjective = re.search(r"([a-zæøåäö]+)\s+$", window[:before.start()])
                if adjective and _nationality(adjective.group(1)) and not m.person.nationality:
                    m.person.nationality = _nationality(adjective.group(1))  # "amerikanske forsvarsminister"
            else:
                role = self._role_with_complement_before(m.start)
                if role:
                    self.people.add_role(m.person, role)
                elif before and before.group(2).islower() and _nationality(before.group(2)) \
                        and not m.person.nationality and not window.rstrip().endswith(","):
                    m.person.nationality = _nationality(before.group(2))  # "svenske Elsa Lindqvist"
            after = self._apposition(m.end)
            if after:
                self.people.add_role(m.person, after)

    def _role_with_complement_before(self, pos: int) -> str | None:
        """"Fylkesordfører i Innlandet, Per-Olav Sæther": a role head, a prepositional complement, the name."""
        window = self.text[max(0, pos - 80):pos]
        cut = max(window.rfind(c) for c in ".!?:;\n()")
        window = window[cut + 1:]
        toks = list(_WORDS.finditer(window))
        if toks and toks[-1].group() == ",":
            toks = toks[:-1]
        for k in range(len(toks) - 2, max(-1, len(toks) - 8), -1):
            word = toks[k].group()
            if not word[0].isalnum() or self.pat.verb.fullmatch(word):
                return None
            if _role_head(word) and self._role_prep(toks[k + 1].group()) \
                    and all(t.group()[0].isalnum() for t in toks[k + 1:]):
                start = k - 1 if k and toks[k - 1].group()[:1].isupper() and toks[k - 1].group().endswith("s") else k
                start = min(start, self._coordinated_title(toks, k))
                return window[toks[start].start():toks[-1].end()]
        return None

    def _coordinated_title(self, toks: list[re.Match], k: int) -> int:
        """"Overlæge og ledende kirurg på X": the first of coordinated titles before the role head at k
        (lower-case adjectives may stand before each); k when there is none."""
        j, first = k, k
        while j > 0:
            word = toks[j - 1].group()
            if word.lower() in qr.TITLE_COORDINATORS and j >= 2:
                h = j - 2
                while h > 0 and self._title_adjective(toks[h].group()) and not _role_head(toks[h].group()):
                    h -= 1
                if not _role_head(toks[h].group()):
                    break
                j = first = h
                continue
            if not self._title_adjective(word):
                break
            j -= 1
        return first

    def _title_adjective(self, word: str) -> bool:
        """A lower-case word that may stand before a title ("ledende", "konstituerede")."""
        return word.isalpha() and word.islower() and not self.pat.verb.fullmatch(word) and word not in _ROLE_PREPS \
            and word not in _CLAUSE_OPENERS and word not in self.rules.pronouns and word not in self.rules.tail_words \
            and word not in qr.TITLE_COORDINATORS

    def _apposition(self, pos: int) -> str | None:
        """A role apposition right after a name: ", talsperson for X," / ", som er vicechef for X"."""
        m = re.match(r"(?:[ \t]*\([\w .-]{1,14}\))?,\s+(?:(?:som|der|who|which)\s+(?:er|var|is|was|är|vart)\s+)?"
                     r"([^,.;:!?\n]+)", self.text[pos:])
        if not m:
            return None
        words = m.group(1).split()
        if not words or not (words[0][:1].islower() or words[0].endswith("s")):
            return None
        if not any(_role_head(w) for w in words[:2]) or self.pat.verb.match(words[0]):
            return None
        if any(w[:1].isupper() and any(p.name.startswith(w + " ") for p in self.people.persons.values())
               for w in words):
            return None  # "..., kampagnechefen Paul Manafort": another person, not this one's role
        kept = []
        for w in words:
            if w.lower() in _ROLE_STOPS:
                break
            kept.append(w)
        return " ".join(kept)

    def _collect_subjects(self) -> None:
        """Sentence subjects that are persons: the antecedents pronouns prefer."""
        previous: tuple[int, int] | None = None
        for unit in self.units:
            begin = unit.body
            if unit.dash:
                # names inside a quote are not what "siger han" after it refers to; but a reporter's line
                # joined to the dash paragraph ("- ..., sier hun.\nX, som er ..., mener ...") is read
                begin = self._reporter_line(unit)
                if begin is None:
                    continue
            quoted = _quoted_spans(self.text, begin, unit.end)
            for s, e in _sentences(self.text, begin, unit.end):
                if any(a <= s <= b for a, b in quoted):
                    continue  # «Bowie, personer som ...»: a name inside a quotation is no subject of the report
                introduced = self._introduced_object(s, previous)
                previous = (s, e)
                if introduced:
                    continue
                inside = [m for m in self.people.mentions if s <= m.start < e]
                first = inside[0] if inside else None
                if first and len(inside) > 1 and re.match(r",?[ \t]+$", self.text[first.end:inside[1].start]):
                    first = inside[1]  # "Formand i Region Hovedstaden, Sophie Hæstorp Andersen (S), ..."
                elif first and len(inside) > 1 and self._genitive_owner_of(first, inside[1]):
                    # "Karen Dahls søster, Lene Dahl, har ...": the sister is the subject; the owner stays
                    # salient for a pronoun of the other gender ("Vinters far, X, døde. ... forteller hun")
                    owner = first.person
                    self.people.events.append((first.start, _Speaker(owner.name, _first(owner.roles), owner.gender)))
                    first = inside[1]
                if first and (self._only_role_words(s, first.start) or self._focus_subject(s, first)
                              or self._described_subject(s, first)
                              or self._apposed_name_subject(s, first) or self._copular_introduction(s, first, inside)):
                    self.people.events.append((first.start, _Speaker(first.person.name, _first(first.person.roles),
                                                                     first.person.gender)))
                    continue
                if unit.dash:
                    continue  # a reporter's line in a dash paragraph: only named subjects
                if self._unnamed_definite_opening(s, e, first):
                    continue
                if any(self._inverted_subject(s, m) for m in inside[:3]):
                    continue
                agent = self._agent_after(s, e)
                opening = len(_WORDS.findall(self.text, s, agent.start)) <= 1 if agent else False
                if agent and opening and agent.kind == "role" and agent.definite and not agent.name:
                    speaker = self._resolve(agent)
                    owner = self._genitive_owner(agent)
                    person = self.people.persons.get(speaker.name or "")
                    if person and owner and not any(owner in r.lower() for r in person.roles):
                        # "Regeringspartiets talsmand" is not "EU's udenrigstalsmand, X": an unnamed person
                        speaker = _Speaker(None, agent.role)
                        self.unnamed_roles.append((s, agent.base))
                    self.people.events.append((s, speaker))
                elif agent and agent.kind == "role" and not agent.definite and not agent.name \
                        and (agent.base in _PERSON_NOUN_SET or agent.base in _ROLE_HEAD_SET) \
                        and self._indefinite_opening(s, agent.start):
                    # "En cyklist som GP talat med tycker ...": a later "säger han" is this unnamed person
                    gender = qr.PERSON_NOUN_GENDER.get(agent.base, "")
                    self.people.events.append((s, _Speaker(None, agent.role, gender)))

    def _introduced_object(self, s: int, previous: tuple[int, int] | None) -> bool:
        """"... overrasker Politikens anmelder X. Han har ...": a sentence opened by "Han"/"Hun" right after
        a sentence that introduced one person (first mention, not its subject) is about that person."""
        pronoun = _TOKEN.match(self.text, s)
        if previous is None or pronoun is None or not pronoun.group()[:1].isupper():
            return False
        gender = self.rules.pronouns.get(pronoun.group().lower())
        if not gender:
            return False
        p0, p1 = previous
        if any(p0 <= at < s for at, _ in self.people.events):
            return False  # the sentence before has a subject of its own
        candidates = [m for m in self.people.mentions if p0 <= m.start < p1 and _first_name_led(m.person)
                      and m.person.gender in ("", gender)]
        if len({id(m.person) for m in candidates}) == 1 and not candidates[0].person.roles:
            return False  # only a person introduced with a role ("Politikens anmelder X", "butikksjef X")
        people = {id(m.person): m for m in candidates}
        if len(people) != 1:
            return False
        mention = next(iter(people.values()))
        if any(m.person is mention.person and m.start < p0 for m in self.people.mentions):
            return False  # introduced earlier: the pronoun may well mean someone else
        person = mention.person
        self.people.events.append((s, _Speaker(person.name, _first(person.roles), person.gender)))
        return True

    def _reporter_line(self, unit: _Unit) -> int | None:
        """Start of the first line of a dash unit that is the reporter's text: after a line ending a
        sentence, not opened by a dash or a quotation mark."""
        for m in re.finditer(r"\n[ \t]*(?=[A-ZÆØÅÄÖÜ])", self.text[unit.body:unit.end]):
            at = unit.body + m.start()
            if not _TERMINAL.search(self.text, unit.body, at):
                continue
            # only after an attributed quote ("- ..., sier hun."): the quote has ended for sure
            return unit.body + m.end() if self._tail(unit.body, at) is not None else None
        return None

    def _inverted_subject(self, s: int, first: _Mention) -> bool:
        """"Hos Røde Kors anerkender X, at ...", "I går besøgte X ...": verb-second order after an
        adverbial puts the subject right after the verb; that person is what a later "siger han" means."""
        if first.person.org or " " not in first.person.name or re.search(r"-[a-zæøåäö]", first.person.name):
            return False  # "Ofte beder Røde Kors-medarbejderne ...": a common noun, not a person
        words = _WORDS.findall(self.text, s, first.start)
        if not 2 <= len(words) <= 6 or not self.text[s:first.start].endswith(" "):
            return False
        opener, verb = words[0].lower(), words[-1]
        if not verb.isalpha() or not verb.islower() or verb in self.rules.tail_words or verb in self.rules.pronouns \
                or verb in self.rules.determiners \
                or verb in _ROLE_PREPS or verb in _CLAUSE_OPENERS or _role_head(verb) or _person_noun(verb):
            return False
        if len(words) == 2:
            ok = opener in qr.V2_ADVERBS
        else:
            ok = opener in qr.V2_PREPOSITIONS and all(w.isalnum() for w in words[1:-1])
        if not ok:
            return False
        person = first.person
        self.people.events.append((first.start, _Speaker(person.name, _first(person.roles), person.gender)))
        return True

    def _genitive_owner(self, agent: _Agent) -> str:
        """"regeringsparti" for "Regeringspartiets talsmand"; "" without a genitive or for a country's."""
        m = re.match(r"([A-ZÆØÅÄÖ][\w\-]+?)['’]?s\s+[a-zæøåäö]", self.text[agent.start:agent.end])
        if not m or _nationality(m.group(0).split()[0]):
            return ""
        return m.group(1).lower()

    def _unnamed_role_since(self, person: _Person, agent: _Agent) -> bool:
        """An unnamed bearer of the same role was introduced after the person was last named."""
        last = max((m.start for m in self.people.mentions if m.person is person and m.start < agent.start), default=-1)
        return any(last < at < agent.start and base == agent.base for at, base in self.unnamed_roles)

    def _unnamed_definite_opening(self, s: int, e: int, first: _Mention | None) -> bool:
        """"Dørvakten, som er 31 år, forklarte ...": a sentence opened by a definite plain person noun
        (no title, no name next to it) is about that unnamed person, so a later "sa han" is too."""
        m = re.match(r"([A-ZÆØÅÄÖ][a-zæøåäö]+)(?=[\s,])", self.text[s:e])
        if not m or (first and first.start - s < 40):
            return False
        word = m.group(1).lower()
        noun = _person_noun(word)
        if not noun or _role_head(word) or word == noun[0] or not word.endswith(("en", "et", "n", "a", "e")):
            return False
        gender = qr.PERSON_NOUN_GENDER.get(noun[0], "")
        self.people.events.append((s, _Speaker(None, word, gender)))
        return True

    def _indefinite_opening(self, start: int, end: int) -> bool:
        """"En", "En græsk", "Ein 45-årig": an indefinite article and at most two lower-case words or ages."""
        words = _WORDS.findall(self.text, start, end)
        return bool(words) and words[0].lower() in _INDEFINITE and len(words) <= 3 and all(
            w.islower() or _AGE.fullmatch(w) for w in words[1:])

    def _described_subject(self, start: int, first: _Mention) -> bool:
        """"Den amerikanske republikaner X vil have ...", "Det var en forundret X, der ...": a determiner
        and lower-case descriptor words (no preposition) put the name in the subject, even when the
        descriptor is no listed role word; not a genitive ("... af Modis parti")."""
        words = _TOKEN.findall(self.text[start:first.start])
        if not 2 <= len(words) <= 5 or words[0].lower() not in self.rules.determiners or not words[0][:1].isupper():
            return False
        if not re.fullmatch(r"[\w\- \t]+,?[ \t]", self.text[start:first.start]):
            return False
        written = self.text[first.start:first.end]
        if not _first_name_led(first.person) or written != first.person.name and written.endswith(("s", "'s", "’s")):
            return False
        return all((w.islower() and w not in self.rules.tail_words and w not in _ROLE_PREPS
                    and w not in _CLAUSE_OPENERS and w not in qr.V2_PREPOSITIONS) or _AGE.fullmatch(w) is not None
                   for w in words[1:])

    def _apposed_name_subject(self, start: int, first: _Mention) -> bool:
        """"Indehaveren af forretningen, Birgitte Guld, fulgte ...", "Leder i FAU ved X skole, Kari Dahl, var ...":
        a noun phrase opening the sentence, then the person's name between commas: the name is the subject."""
        if not _first_name_led(first.person):
            return False
        prefix = self.text[start:first.start]
        if not re.fullmatch(r"[A-ZÆØÅÄÖ][\w\-]*(?:[ \t]+[\w\-]+){0,7},[ \t]+", prefix):
            return False
        words = _TOKEN.findall(prefix)
        if any(self.pat.verb.fullmatch(w) or w.lower() in _CLAUSE_OPENERS or w.lower() in self.rules.pronouns
               or w.lower() in self.people._according_words for w in words):
            return False
        if any(m.start < first.start and start <= m.start and not m.person.org and _first_name_led(m.person)
               and not self._genitive_owner_of(m, first) for m in self.people.mentions if m is not first):
            return False
        return re.match(r"(?:[ \t]*\([^)]{1,14}\))?,[ \t]+[a-zæøåäö]", self.text[first.end:first.end + 30]) is not None

    def _genitive_owner_of(self, owner: _Mention, named: _Mention) -> bool:
        """"Karen Dahls søster, Lene Dahl": ``owner`` is a genitive with a lower-case noun (a role or a
        family noun) and a comma between it and ``named``."""
        written = self.text[owner.start:owner.end]
        between = self.text[owner.end:named.start]
        m = re.fullmatch(r"(['’]?s)?[ \t]+([a-zæøåäö][\w\-]*),[ \t]+", between)
        if not m or not (m.group(1) or written.endswith("s")):
            return False
        return bool(_role_head(m.group(2)) or _family_noun(m.group(2)))

    def _copular_introduction(self, start: int, first: _Mention, inside: list[_Mention]) -> bool:
        """"En af de bilister, der blev reddet, er 63-årige Poul Vad fra Y.": a person introduced as the
        predicate of "er"/"var" is whom a following "fortæller han" means (also with an unlisted first name:
        "En af dem er 64-årige Oksana Petrenko")."""
        person = first.person
        single = " " not in person.name and not _COPULAR_AGE.search(self.text, max(0, first.start - 40), first.start)
        if person.org or single or any(m.start < first.start for m in inside):
            return False
        before = self.text[start:first.start]
        if {w.casefold() for w in _TOKEN.findall(before)} & (qr.FIRST_PERSON | qr.SECOND_PERSON | set(self.rules.pronouns)):
            return False  # "Jeg er John Rebus-fan": a speaker's own words, no introduction
        if re.search(r"[.!?:;]", before):
            return False
        copula = re.search(r"(?:^|[\s,])(?:er|var|är|is|was|være|vere|vara|be|hedder|heter|heiter|heder)[ \t]+"
                           r"((?:[a-zæøåäö]+[ \t]+){0,3}?)(?:\d+[ \t]+år[ \t]+gam(?:le|la|l)[ \t]+|\d+-\w+[ \t]+)?"
                           r"(?:[A-ZÆØÅÄÖ]\w*-[a-zæøåäö]+[ \t]+)?$", before)  # "... er den 19-årige Aalborg-komet X"
        # "..., der viser sig at være pensioneret skibsreder X, ...": lower-case descriptors (no preposition,
        # no verb) may stand between the copula and the name
        if not copula or any(w in _ROLE_PREPS or w in qr.V2_PREPOSITIONS or w in _CLAUSE_OPENERS
                             or self.pat.verb.fullmatch(w) or w in self.rules.complementizers
                             for w in copula.group(1).split()):
            return False
        return not any(m.start < first.start for m in self.people.mentions if start <= m.start)

    def _focus_subject(self, start: int, first: _Mention) -> bool:
        """"Også Mona Lie Berg (H) engasjerte seg ...": a focus particle opening the sentence, then the
        name (a party in brackets), then no comma: the name is the subject, not an object after an adverb."""
        words = _TOKEN.findall(self.text, start, first.start)
        if len(words) != 1 or words[0].lower() not in qr.FOCUS_PARTICLES or not words[0][:1].isupper():
            return False
        after = re.match(r"(?:[ \t]*\([^)]{1,14}\))?[ \t]+([a-zæøåäö]+)", self.text[first.end:first.end + 40])
        return after is not None and after.group(1) not in _ROLE_PREPS and after.group(1) not in qr.TITLE_COORDINATORS \
            and _first_name_led(first.person)

    def _only_role_words(self, start: int, end: int) -> bool:
        words = _TOKEN.findall(self.text[start:end])
        # a role word, or a person noun right before the name ("Sauebonde Johan P. Haugen har ...")
        return not words or (len(words) <= 5 and (any(_role_head(w) for w in words) or bool(
            _person_noun(words[-1].lower())) and re.fullmatch(r"[\w\-]+,?[ \t]", self.text[start:end]) is not None))

    # ---- agents
    def _agent_after(self, pos: int, limit: int) -> _Agent | None:
        """The agent starting at ``pos`` (after an inverted verb or "ifølge")."""
        toks = [t for t in _WORDS.finditer(self.text, pos, limit)][:14]
        while toks and _AGE.fullmatch(toks[0].group()):
            toks = toks[1:]  # "siger 45-årige Kim Wadum Nielsen"
        if len(toks) > 3 and toks[0].group().isdigit() and toks[1].group() == "år" \
                and toks[2].group().lower() in ("gamle", "gammel", "gamla", "gammal") and _is_cap(toks[3].group()):
            toks = toks[3:]  # "sier 35 år gamle Kari Vik Holm"
        if not toks:
            return None
        first = toks[0].group()
        if len(toks) > 2 and first.endswith("-") and _is_cap(first) and toks[1].group() in ("og", "eller", "och", "&") \
                and toks[2].group().islower() and _org_noun(toks[2].group()) is not None \
                and len(toks[2].group()) >= len(_org_noun(toks[2].group())[0]) + 4:
            # "ifølge Integrerings- og mangfoldsdirektoratet": a coordinated compound naming one body
            return _Agent("name", toks[0].start(), toks[2].end(), name=self.text[toks[0].start():toks[2].end()])
        if first in qr.PLURAL_PRONOUNS:
            # "sier de", "sa de to til NRK": several people speak; no one person is the speaker
            k = 2 if len(toks) > 1 and toks[1].group().lower() in qr.PLURAL_QUANTIFIERS else 1
            if k == len(toks) or not toks[k].group()[0].isalnum() or toks[k].group().lower() in self.rules.tail_words:
                return _Agent("role", toks[0].start(), toks[k - 1].end(), definite=False)
        if first.lower() in self.rules.pronouns:  # "siger han"; capitalised only sentence-initially ("Han tilføjer")
            return _Agent("pronoun", toks[0].start(), toks[0].end(), base=self.rules.pronouns[first.lower()])
        if first in qr.DEMONYMS and any(  # "sa svensken til TV4" after "svenske Elsa Berg"
                _person_nationality(p) == _nationality(qr.DEMONYMS[first]) for p in self.people.persons.values()
                if not p.org):
            return _Agent("demonym", toks[0].start(), toks[0].end(), role=first,
                          nationality=_nationality(qr.DEMONYMS[first]))
        if (_is_cap(first) or re.match(r"(?:al|el)-[A-ZÆØÅ]", first)) and first.lower() not in self.rules.determiners \
                and not _role_head(first):
            run = self._run(toks, 0)
            compound = self._compound_role(run)
            if compound:
                return compound
            later = self._name_after_descriptor(toks, run)
            if later:
                return self._named_agent(later)
            if len(run) >= 3 and self.text[run[0].start():run[-1].end()] not in self.people.persons \
                    and self.text[run[1].start():run[-1].end()] in self.people.persons:
                # "Nordmannen Eirik Hovland bor ...": a capitalised descriptor glued in front of the name
                return self._named_agent(run[1:])
            if len(run) == 1 and _org_noun(first.lower()) and len(toks) > 2 \
                    and toks[1].group() in qr.ORG_CONNECTORS and _is_cap(toks[2].group()) \
                    and self.text[run[0].end():toks[2].start()] == f" {toks[1].group()} ":
                # "skriver Tilsynet med Efterretningstjenesterne": a body named with a preposition
                run = [run[0], toks[1], *self._run(toks, 2)]
            elif len(run) == 1 and _org_noun(first.lower()) and len(toks) > 2 and toks[1].group() in ("i", "på") \
                    and _is_cap(toks[2].group()) and self.text[run[0].end():toks[2].start()] == f" {toks[1].group()} " \
                    and not _sentence_initial(self.text, run[0].start()):
                # "skriver Retten i Holstebro": a capitalised body noun after the verb keeps its seat
                run = [run[0], toks[1], *self._run(toks, 2)]
            nxt = toks[len(run)].group() if len(run) < len(toks) else ""
            genitive = len(run) == 1 and first.endswith(("s", "'s", "’s"))
            # "Statens vegvesen", "Innlandet politidistrikt", "Meteorologisk institutt": an organisation
            named_body = len(run) == 1 and bool(nxt) and self._org_noun(nxt) is not None
            if not (genitive and any(_role_head(t.group()) or self._org_noun(t.group()) for t in toks[1:3])) \
                    and not named_body and not _role_head(nxt):
                return self._named_agent(run)
        if len(toks) > 1 and first.lower() in ("den", "det") and _AGE.fullmatch(toks[1].group()) and (
                len(toks) == 2 or not toks[2].group()[0].isalnum() or toks[2].group().lower() in _ROLE_STOPS
                or toks[2].group().lower() in self.rules.complementizers or toks[2].group().lower() in _ROLE_PREPS):
            # "forklarede den 58-årige, at ...": a person referred to by age
            return _Agent("age", toks[0].start(), toks[1].end(), role=toks[1].group())
        return self._role_agent(toks)

    def _compound_role(self, run: list[re.Match]) -> _Agent | None:
        """"Fortuna Hjørring-træneren", "Rosenborg-treneren": a definite role compound whose first part
        is a capitalised name (a club, a company); resolves like "Nato-chefen" to the person introduced
        with the role and that name in it."""
        last = run[-1].group()
        org, dash, tail = last.rpartition("-")
        owner = len(run) > 1 and run[0].group().endswith(("s", "'s", "’s"))  # "Kasakhstans London-ambassadør"
        if not dash or not org or not tail[:1].islower() or not (owner or tail.endswith(("en", "et", "n", "a"))):
            return None
        head = _role_head(last)
        if head is None and tail.endswith(("en", "et", "n")) and not owner:
            head = _person_noun(tail)  # "sagde Blåtind-frontmanden": a person noun after the name
        if head is None:
            return None
        prefix = self.text[run[0].start():run[-1].start()] + org
        return _Agent("role", run[0].start(), run[-1].end(), role=self.text[run[0].start():run[-1].end()],
                      base=head[0], org=prefix.lower())

    def _name_after_descriptor(self, toks: list[re.Match], run: list[re.Match]) -> list[re.Match] | None:
        """"DR Sportens fodboldkommentator Henrik Liniger": the person is the name after the descriptor.

        Only when the first run is a genitive (an organisation's), one to three lower-case
        words follow with no preposition among them, and then a name of two words or more.
        """
        if not run[-1].group().endswith("s") or len(run) >= len(toks):
            return None
        i = len(run)
        while i < len(toks) and i - len(run) < 3 and toks[i].group()[:1].islower():
            if toks[i].group() in self.rules.tail_words or not toks[i].group().isalpha():
                return None
            i += 1
        if i == len(run) or i >= len(toks) or not _is_cap(toks[i].group()):
            return None
        later = self._run(toks, i)
        return later if len(later) >= 2 and not self._not_person(later[0].group()) else None

    def _run(self, toks: list[re.Match], i: int) -> list[re.Match]:
        """Capitalised tokens from ``i`` separated by single spaces (with name particles)."""
        run = [toks[i]]
        k = i + 1
        while k < len(toks):
            t = toks[k]
            if t.group() == "." and k + 1 < len(toks) and t.start() == run[-1].end() \
                    and _initial_at(self.text, run[-1].start(), run[-1].end()) \
                    and self.text[t.end():toks[k + 1].start()] in ("", " ") and _is_cap(toks[k + 1].group()):
                k += 1  # "Lars Chr. Lilleholt", "J.P. Morgan": the full stop of an initial
                t = toks[k]
            elif self.text[run[-1].end():t.start()] != " ":
                break
            if t.group() == "&" and k + 1 < len(toks) and self.text[t.end():toks[k + 1].start()] == " " \
                    and _is_cap(toks[k + 1].group()):
                run.append(t)  # "Landbrug & Fødevarer", "Procter & Gamble"
                k += 1
                continue
            word = t.group()
            if not (_is_cap(word) or word in qr.NAME_PARTICLES or word.startswith(("al-", "el-"))):
                break
            run.append(t)
            k += 1
        while run and run[-1].group() in qr.NAME_PARTICLES:
            run.pop()
        return run

    def _named_agent(self, run: list[re.Match]) -> _Agent:
        start, end = run[0].start(), run[-1].end()
        role = self._apposition(end)
        stop = end
        if role:
            stop = self.text.index(role, end) + len(role)
        return _Agent("name", start, stop, name=self.text[start:end], role=role)

    def _role_agent(self, toks: list[re.Match]) -> _Agent | None:
        """"den russiske viceudenrigsminister, Sergej Rjabkov", "udenrigsministeren", "en talsperson for X"."""
        for k, tok in enumerate(toks[:5]):
            word = tok.group()
            if not word[0].isalnum() or word.lower() in _ROLE_STOPS or (k and self.pat.verb.fullmatch(word)):
                break
            head = _role_head(word) or _person_noun(word)
            if head and word.endswith("s") and k + 1 < len(toks) and (
                    _role_head(toks[k + 1].group()) or _person_noun(toks[k + 1].group())):
                continue  # "parrets advokat, X", "mandens forsvarer": the owner, then the role
            if head and not (word[0].isupper() and k and word.lower() in qr.NON_PERSONS):
                return self._role_phrase(toks, k, head)
            genitive = word.endswith("s") and self._org_noun(word[:-1]) is not None  # "instituttets direktør"
            if not k and self._org_noun(word) and not genitive and not (len(toks) > 1 and (
                    _role_head(toks[1].group()) or _person_noun(toks[1].group()))):
                break  # "ifølge politiet hadde mannen ...": the organisation noun opens the agent
            if self._org_noun(word) and k + 1 < len(toks) and _is_cap(toks[k + 1].group()):
                break  # "ifølge nyhedsbureauet Reuters er chaufføren ...": the organisation is the agent
        for k, tok in enumerate(toks[:5]):
            word = tok.group()
            if not word[0].isalnum() or word.lower() in _ROLE_STOPS or (k and self.pat.verb.fullmatch(word)):
                break
            head = self._org_noun(word)
            if head:  # "oplyser flyselskabet", "ifølge Hamborgs politi"
                return self._role_phrase(toks, k, head)
        return self._descriptor_agent(toks)

    def _descriptor_agent(self, toks: list[re.Match]) -> _Agent | None:
        """"fortæller tillidsrepræsentant i Aarhus Arrest Jens Vigh": an unlisted title, then a name.

        Lower-case words (a noun of four letters or more among them), then optionally a
        complement (prepositions, capitalised words), then a listed first name followed by
        a surname: the agent is that person, the words before are the role.
        """
        if not toks or not toks[0].group()[:1].islower() or toks[0].group().lower() in self.rules.pronouns:
            return None
        noun = False
        for k, tok in enumerate(toks[:10]):
            word = tok.group()
            if word == "," and k + 1 < len(toks):
                continue
            if not word[0].isalnum() or word.lower() in _ROLE_STOPS or word in self.rules.tail_words and not k \
                    or self.pat.verb.fullmatch(word) or word.lower() in self.rules.complementizers:
                return None
            if _is_cap(word) and noun and _is_first_name(word) and k + 1 < len(toks) \
                    and _is_cap(toks[k + 1].group()) and _name_gap(self.text, tok, toks[k + 1]):
                run = self._run(toks, k)
                role = self.text[toks[0].start():toks[k - 1].end()].rstrip(" ,")
                return _Agent("role", toks[0].start(), run[-1].end(), role=role, name=self.text[run[0].start():
                                                                                                run[-1].end()])
            noun = noun or (word.islower() and len(word) >= 4 and word not in self.rules.tail_words)
        return None

    def _role_phrase(self, toks: list[re.Match], k: int, head: tuple[str, str]) -> _Agent:
        """Build the role agent around the role token ``toks[k]``: genitive, complement, name."""
        prev = toks[k - 1].group() if k else ""
        start_tok = k - 1 if prev[:1].isupper() and (prev.endswith("s") or self._org_noun(toks[k].group())
                                                     and self.text[toks[k - 1].end():toks[k].start()] == " ") else k
        if start_tok == k and k >= 2 and self._org_noun(toks[k].group()) and prev.islower() \
                and prev.endswith("e") and toks[k - 2].group()[:1].isupper() and toks[k - 2].group().endswith("s") \
                and toks[k - 2].group().lower() not in self.rules.pronouns:
            start_tok = k - 2  # "Japans meteorologiske institut": a genitive owner and an adjective
        definite = not any(t.group().lower() in _INDEFINITE for t in toks[:k])
        j = k + 1
        # "Vest politidistrikt i en pressemelding": a named body's complement in lower case is no part of it
        named = start_tok < k and self._org_noun(toks[k].group()) and j + 1 < len(toks) \
            and toks[j + 1].group()[:1].islower()
        if j < len(toks) and self._role_prep(toks[j].group()) and not named:
            while j < len(toks) and toks[j].group()[0].isalnum() and toks[j].group().lower() not in _ROLE_STOPS \
                    and toks[j].group().lower() not in self.rules.complementizers and not self._first_name(toks[j]):
                j += 1
        role_end = toks[j - 1].end()
        role = self.text[toks[start_tok].start():role_end]
        agent = _Agent("role", toks[start_tok].start(), role_end, role=role, base=head[0], org=head[1],
                       definite=definite, nationality=next((n for n in (_nationality(t.group()) for t in toks[:k]) if n), ""))
        if start_tok < k and self._org_noun(toks[k].group()) and j == k + 1:
            agent.name = role  # "Hamborgs politi", "Aarhus Kommunes ledelse": a named organisation
        rest = j + (j < len(toks) and toks[j].group() in (",", "("))
        if rest == j and j + 2 < len(toks) and toks[j].group().lower() in qr.TITLE_COORDINATORS and not agent.name:
            # "sier daglig leder og medgründer Kari Holm Dahl": a second title coordinated before the name
            m = j + 1
            while m < len(toks) and m <= j + 3 and self._title_adjective(toks[m].group()):
                m += 1
            if j + 1 < m < len(toks) and _is_cap(toks[m].group()) and self._first_name(toks[m]):
                agent.role = self.text[toks[start_tok].start():toks[m - 1].end()]
                agent.end, rest = toks[m - 1].end(), m
        if agent.name and rest < len(toks) and rest > j and toks[rest].group().isupper() \
                and len(toks[rest].group()) > 1:
            agent.end = toks[rest].end()  # "Japans meteorologiske institut, JMA,": the body, not its abbreviation
            if rest + 1 < len(toks) and toks[rest + 1].group() == ")":
                agent.end = toks[rest + 1].end()
        elif rest < len(toks) and _is_cap(toks[rest].group()) and not self._not_person(toks[rest].group()):
            run = self._run(toks, rest)
            agent.name, agent.end = self.text[run[0].start():run[-1].end()], run[-1].end()
        elif rest == k + 1 < len(toks) and self._org_noun(toks[k].group()) and definite \
                and self.text[toks[k].end():toks[rest].start()] == " " and _name_token(toks[rest].group()) \
                and toks[rest].group().lower() not in self.rules.determiners \
                and toks[rest].group().lower() not in self.rules.pronouns:
            # "nyhedsbureauet AP", "avisen Politiken": the organisation noun, then the organisation's name
            run = self._run(toks, rest)
            agent.name, agent.end = self.text[run[0].start():run[-1].end()], run[-1].end()
            agent.role = self.text[toks[start_tok].start():toks[k].end()]
        return agent

    def _first_name(self, tok: re.Match) -> bool:
        """Token opens a full name: a role's complement stops there ("medlem af EU-Parlamentet Jeppe ...").

        Either a person already found in the article starts with it, or it is a listed
        first name followed by another capitalised word ("... i Aarhus Arrest Jens Vigh").
        """
        word = tok.group()
        before = re.search(r"(\w+)\s+$", self.text[max(0, tok.start() - 20):tok.start()])
        after_prep = before is not None and self._role_prep(before.group(1))
        if not after_prep and any(p.name.startswith(word + " ") for p in self.people.persons.values()):
            return True
        if not _is_first_name(word):
            return False
        after = _WORDS.match(self.text, tok.end() + 1)
        return self.text[tok.end():tok.end() + 1] == " " and after is not None and _is_cap(after.group())

    def _role_prep(self, word: str) -> bool:
        """A preposition opening a role's complement ("talsperson for ..."), not "at" in da/nb/nn."""
        low = word.lower()
        return low in _ROLE_PREPS and low not in self.rules.complementizers

    def _not_person(self, word: str) -> bool:
        low = word.lower()
        return low in qr.NON_PERSONS or low in self.rules.determiners or low in self.rules.pronouns

    def _agent_before(self, clause_start: int, verb_start: int) -> _Agent | None:
        """The agent ending right before a verb in normal order ("Han kalder", "Jens Stoltenberg sier")."""
        segment = self.text[clause_start:verb_start].rstrip()
        apposed = self._apposed_subject(clause_start, segment) or self._apposed_organisation(clause_start, segment)
        if apposed:
            return apposed
        segment = segment[:-1].rstrip() if segment.endswith(",") else segment
        # A party or an age after the name: "Kjetil Aune (H) sier", "Per Dahl (54) forteller".
        segment = re.sub(r"[ \t]*\([\w .,-]{1,14}\)$", "", segment)
        # an age between commas: "Jens Holm, 71, skriver"
        segment = re.sub(r"(?<=[\w.]),[ \t]*\d{1,3}$", "", segment)
        segment = segment[:-1].rstrip() if segment.endswith(",") else segment
        toks = list(_WORDS.finditer(self.text, clause_start, clause_start + len(segment)))
        if not toks:
            return None
        last = toks[-1].group()
        complemented = self._name_with_complement(toks, clause_start)
        if complemented:
            return complemented
        if last.lower() in self.rules.pronouns and self._opens_clause(toks, len(toks) - 1, clause_start):
            return _Agent("pronoun", toks[-1].start(), toks[-1].end(), base=self.rules.pronouns[last.lower()])
        if _is_cap(last) and not _role_head(last) and last.lower() not in self.rules.determiners:
            i = len(toks) - 1
            while i > 0:
                if i > 1 and toks[i - 1].group() == "." and toks[i - 2].end() == toks[i - 1].start() \
                        and _initial_at(self.text, toks[i - 2].start(), toks[i - 2].end()) and self.text[toks[i - 1].end():toks[i].start()] in ("", " "):
                    i -= 2  # "Lars Chr. Lilleholt sagde"
                elif self.text[toks[i - 1].end():toks[i].start()] == " " and (
                        _is_cap(toks[i - 1].group()) or toks[i - 1].group() in qr.NAME_PARTICLES):
                    i -= 1
                elif i > 1 and toks[i - 1].group() == "&" and _is_cap(toks[i - 2].group()) \
                        and self.text[toks[i - 2].end():toks[i].start()] == " & ":
                    i -= 2  # "Landbrug & Fødevarer mener"
                else:
                    break
            while i < len(toks) - 1 and toks[i].group() in qr.NAME_PARTICLES:
                i += 1  # "..., da Dyreværnet konkluderede": a lower-case particle opens no name
            titled = self._titled_name_after_complement(toks, i, clause_start)
            if titled:
                return titled
            if _org_run([t.group() for t in toks[i:]]) and self._opens_clause(toks, i, clause_start):
                return _Agent("name", toks[i].start(), toks[-1].end(), name=self.text[toks[i].start():toks[-1].end()])
            if i < len(toks) - 1 and self._opens_clause(toks, i, clause_start) \
                    and (any(t.group().lower() in _ORG_WORDS for t in toks[i:]) or _org_compound(toks[-1].group())
                         and toks[i].group().lower() not in _NAME_LEAD_PREPS | qr.V2_PREPOSITIONS | qr.V2_ADVERBS) \
                    and not any(_is_first_name(t.group()) for t in toks[i:]):
                # "Region Hovedstaden venter": an organisation word keeps a common first word in the name
                return _Agent("name", toks[i].start(), toks[-1].end(), name=self.text[toks[i].start():toks[-1].end()])
            particle = toks[i].group().lower() in qr.NAME_PARTICLES and i < len(toks) - 1 \
                and self.people.by_name(self.text[toks[i + 1].start():toks[-1].end()], toks[i].start()) is not None
            if self._sentence_word(toks[i]) and not particle:  # "De Place Bjørn gjorde gældende": a particle
                if i == len(toks) - 1:
                    # "Her sagde Rusland": a sentence-initial adverb, not an agent; but "Udenrigsministeriet
                    # oplyser", "Politiet oplyser", "Elyséepalæet oplyser": a one-word organisation; "Naboen
                    # forteller": a person noun (a role, unnamed unless the article introduced it)
                    if i == 0 and _person_noun(toks[i].group().lower()) and not self._org_noun(toks[i].group().lower()):
                        return self._role_before_verb(toks, clause_start)
                    return self._initial_organisation(toks[i]) if i == 0 else None
                i += 1
            if self._opens_clause(toks, i, clause_start) or self._role_before(toks, i) \
                    or self._descriptor_before(toks, i):
                return _Agent("name", toks[i].start(), toks[-1].end(), name=self.text[toks[i].start():toks[-1].end()])
        if len(toks) == 3 and toks[0].group().endswith("-") and toks[0].group()[:1].isupper() \
                and toks[1].group() in ("og", "eller", "och", "and", "&") and toks[2].group().islower() \
                and _sentence_initial(self.text, toks[0].start()):
            # "Helse- og omsorgsdepartementet skriver": a coordinated compound naming one public body
            agent = self._initial_organisation(toks[2])
            if agent is not None and agent.kind == "role" and agent.fallback:
                name = self.text[toks[0].start():toks[2].end()]
                return _Agent("role", toks[0].start(), toks[2].end(), role=name, base=agent.base, fallback=name)
        return self._role_before_verb(toks, clause_start)

    def _apposed_organisation(self, clause_start: int, segment: str) -> _Agent | None:
        """"Bistandsalliansen, en paraplyorganisasjon for ..., skriver": a capitalised name opening the
        sentence, then an indefinite organisation noun in apposition between commas: the organisation speaks."""
        m = re.fullmatch(r"([A-ZÆØÅÄÖ][\w\-]*(?:[ \t]+(?:[A-ZÆØÅÄÖ&][\w\-]*|og|og|och|for|i))*),[ \t]+(?:en|et|ei|ett|an|a)"
                         r"[ \t]+(?:[a-zæøåäö\-]+[ \t]+){0,2}?([a-zæøåäö\-]+)(?:[ \t]+[^,.;:!?\n]*)?,", segment)
        if not m or not _sentence_initial(self.text, clause_start) or not self._org_noun(m.group(2).lower()):
            return None
        name = m.group(1)
        if any(_is_first_name(w) for w in name.split()[:1]) and " " in name:
            return None
        person = self.people.persons.setdefault(name, _Person(name, org=True))
        if not person.org:
            return None
        return _Agent("name", clause_start, clause_start + len(name), name=name)

    def _name_with_complement(self, toks: list[re.Match], clause_start: int) -> _Agent | None:
        """"Kunsthistoriker Per Olav Lindvik ved Universitetet i Oslo sier til ...": a person's full name
        opening the clause (maybe after a title), then a complement (a preposition and capitalised words,
        maybe with "i"/"for" inside) right before the verb."""
        if len(toks) < 4 or not _is_cap(toks[-1].group()):
            return None
        for m in self.people.mentions:
            if not toks[0].start() <= m.start < toks[-1].start() or m.person.org or not _first_name_led(m.person):
                continue
            rest = self.text[m.end:toks[-1].end()]
            preps = "|".join(sorted(_ROLE_PREPS))
            if not re.fullmatch(rf"[ \t]+(?:{preps})[ \t]+[A-ZÆØÅÄÖ][\w\-]*(?:[ \t]+(?:[A-ZÆØÅÄÖ][\w\-]*|i|for|og))*", rest):
                return None
            before = [t for t in toks if t.end() <= m.start]
            if len(before) > 3 or any(not (_role_head(t.group()) or self._title_adjective(t.group().lower()))
                                      for t in before):
                return None
            return _Agent("name", m.start, m.end, name=self.text[m.start:m.end])
        return None

    def _titled_name_after_complement(self, toks: list[re.Match], i: int, clause_start: int) -> _Agent | None:
        """"Vagtchef ved Østjyllands Politi Lasse Holm Jepsen siger": a title opening the clause, its
        complement (a preposition and capitalised words), then a person's full name right before the verb."""
        if i < 2 or not self._role_prep(toks[i - 1].group()):
            return None
        person = next((m for m in self.people.mentions if toks[i].start() < m.start and m.end == toks[-1].end()
                       and not m.person.org and _first_name_led(m.person)), None)
        if person is None:
            return None
        for k in range(i - 2, max(-1, i - 5), -1):
            word = toks[k].group()
            if not word[0].isalnum() or self.pat.verb.fullmatch(word):
                return None
            if not _role_head(word):
                continue
            # "Overlæge og ledende kirurg på X Y Z siger": coordinated titles and adjectives before the head
            start = self._coordinated_title(toks, k)
            while start > max(0, k - 3):
                word = toks[start - 1].group()
                if start == 1 and _sentence_initial(self.text, toks[0].start()):
                    word = word.lower()
                if not self._title_adjective(word) or word in qr.V2_ADVERBS or word in qr.V2_PREPOSITIONS:
                    break
                start -= 1
            if self._opens_clause(toks, start, clause_start):
                return _Agent("name", toks[start].start(), toks[-1].end(), name=person.person.name,
                              role=self.text[toks[start].start():person.start].strip())
        return None

    def _apposed_subject(self, clause_start: int, segment: str) -> _Agent | None:
        """"Kari Dahl, skolebyråd i Bergen, sier ...": a known person's name, then a role apposition
        between commas, right before the verb; the place in the role is not the agent."""
        if not segment.endswith(","):
            return None
        for mention in self.people.mentions:
            if not clause_start <= mention.start < clause_start + len(segment) or mention.person.org \
                    or " " not in mention.person.name:
                continue
            toks = _WORDS.findall(self.text, clause_start, mention.start)
            if toks and toks[-1] not in ",;:\"»”“’" and toks[-1].lower() not in _CLAUSE_OPENERS \
                    and not (_sentence_initial(self.text, clause_start) and self._only_role_words(clause_start,
                                                                                                  mention.start)):
                return None  # "Ledende overlæge X, der er chef for ..., fortæller": a title may come first
            role = self._apposition(mention.end)
            if role and re.fullmatch(r"(?:[ \t]*\([\w .-]{1,14}\))?,\s+(?:(?:som|der)\s+(?:er|var)\s+)?"
                                     + re.escape(role) + r"[^,.;:!?\n]*,",
                                     self.text[mention.end:clause_start + len(segment)]):
                # ends before the closing comma, so a pronoun after the verb may open a bare clause
                return _Agent("name", mention.start, clause_start + len(segment) - 1, name=mention.person.name,
                              role=role)
            return None
        return None

    def _initial_organisation(self, tok: re.Match) -> _Agent | None:
        """A sentence-initial one-word subject that is an organisation ("Politiet oplyser").

        A definite organisation noun is resolved like a lower-case one ("Politiet" -> "Fyns
        Politi"); a compound naming a public body stays the speaker when nothing resolves it
        ("Udenrigsministeriet", "Anklagemyndigheden"). A word the dictionary knows only as an
        inflected form and that is rare ("Elyséepalæet") is a name.
        """
        word, low = tok.group(), tok.group().lower()
        head = _org_noun(low)
        if head:
            agent = _Agent("role", tok.start(), tok.end(), role=word, base=head[0])
            if head[0] in qr.PUBLIC_BODIES and len(low) >= len(head[0]) + 5:
                agent.fallback = word
            elif len(low) >= len(head[0]) + 6 and re.match(r",[ \t]+(?:der|som)[ \t]", self.text[tok.end():]):
                # "Fødevarebanken, der leverer mad til ..., oplyser": a compound introduced by a relative
                # clause is the body's name, kept when nothing else resolves it
                agent.fallback = word
            return agent
        if _zipf(low, self.rules.language) < 2.0 and not _person_noun(low) and not _role_head(low):
            return _Agent("name", tok.start(), tok.end(), name=word)
        return None

    def _descriptor_before(self, toks: list[re.Match], i: int) -> bool:
        """"Chief executive Søren Hald Pedersen said": a first name after a lower-case title opening the clause."""
        if not i or not _is_first_name(toks[i].group()):
            return False
        noun = False
        for k in range(i - 1, max(-1, i - 9), -1):
            word = toks[k].group()
            if not word[0].isalnum() or self.pat.verb.fullmatch(word) or word.lower() in _CLAUSE_OPENERS:
                return noun and self._opens_clause(toks, k + 1, 0)
            noun = noun or (word.islower() and len(word) >= 4 and word not in self.rules.tail_words)
        return noun and self._opens_clause(toks, max(0, i - 8), 0)

    def _sentence_word(self, tok: re.Match) -> bool:
        """A capitalised sentence-initial common word in front of a name ("Her Putin ...")."""
        word = tok.group()
        if any(word in p.name.split() for p in self.people.persons.values()):
            return False  # "Putin sa ...": a known name, even at the start of a sentence
        return _sentence_initial(self.text, tok.start()) and self.people._common(word)

    def _role_before_verb(self, toks: list[re.Match], clause_start: int) -> _Agent | None:
        """"Præsidenten sagde", "Natos generalsekretær sagde", "John Kirby, talsperson for X, sier"."""
        for k in range(len(toks) - 1, max(-1, len(toks) - 10), -1):
            word = toks[k].group()
            if not word[0].isalnum() or self.pat.verb.fullmatch(word):
                return None
            # "Naboen forteller at ...": a sentence-initial definite person noun is capitalised
            initial_noun = k == 0 and _is_cap(word) and word[1:].islower() and word.lower().endswith(("en", "et", "a")) \
                and _sentence_initial(self.text, toks[0].start())
            head = (_role_head(word) if not (_is_cap(word) and k) else None) or _person_noun(word) \
                or (_person_noun(word.lower()) if initial_noun else None) or self._org_noun(word)
            # "Præsidenten sagde"; "En talsperson for Røde Kors i Genève sier": a complement may follow
            if not head or (k < len(toks) - 1 and not self._role_prep(toks[k + 1].group())):
                continue
            i = k
            while i > 0 and (toks[i - 1].group().lower() in self.rules.determiners or toks[i - 1].group().islower()
                             and not self.pat.verb.fullmatch(toks[i - 1].group()) and i > k - 2
                             or i == k and toks[i - 1].group()[:1].isupper() and (
                                 toks[i - 1].group().endswith("s") or self._org_noun(toks[k].group()))
                             and toks[i - 1].group().lower() not in _NAME_LEAD_PREPS | qr.V2_PREPOSITIONS
                             # "Japans meteorologiske institut (JMA) oplyser": a genitive owner, an adjective
                             or i == k - 1 and toks[i - 1].group()[:1].isupper() and toks[i - 1].group().endswith("s")
                             and toks[i].group().islower() and self._org_noun(toks[k].group())):
                i -= 1
            if self._opens_clause(toks, i, clause_start):
                agent = self._role_phrase(toks[i:], k - i, head)
                agent.start = min(agent.start, toks[i].start())  # "the company said": the phrase opens the clause
                return agent
            return None
        return None

    def _org_noun(self, word: str) -> tuple[str, str] | None:
        """(base, "") for a lower-case organisation noun ("selskapet", "flyselskabet", "politiet")."""
        return _org_noun(word)

    def _opens_clause(self, toks: list[re.Match], i: int, clause_start: int) -> bool:
        """Token i starts its clause: sentence start, after a comma, or after a conjunction."""
        if i == 0:
            return True
        prev = toks[i - 1].group()
        return prev in ",;:\"»”“’" or prev.lower() in _CLAUSE_OPENERS

    def _role_before(self, toks: list[re.Match], i: int) -> bool:
        """A role word before the name ("talsmand Ole Hansen"), or a sentence-initial organisation noun
        ("Bostadsbolaget Poseidon uppger")."""
        if i == 1 and _is_cap(toks[0].group()) and _org_noun(toks[0].group().lower()) \
                and _sentence_initial(self.text, toks[0].start()):
            return True
        if i > 0 and _is_first_name(toks[i].group()) and _person_noun(toks[i - 1].group().lower()) \
                and self._opens_clause(toks, i - 1, 0):
            return True  # "Sønnen Roy svarer:", "Naboen Kari sier": a person noun before a first name
        if i > 0 and _is_first_name(toks[i].group()) and re.fullmatch(r"[A-ZÆØÅÄÖ][\w\-]+s", toks[i - 1].group()) \
                and self._opens_clause(toks, i - 1, 0) and self.text[toks[i - 1].end():toks[i].start()] == " " \
                and any(m.start == toks[i].start() and not m.person.org for m in self.people.mentions):
            return True  # "Konservatives Jens Holm skriver": a party's or a body's genitive before a full name
        return i > 0 and (_role_head(toks[i - 1].group()) is not None or toks[i - 1].group() == "," and i > 1
                          and _role_head(toks[i - 2].group()) is not None)

    # ---- resolution
    def _resolve(self, agent: _Agent | None) -> _Speaker:
        """Turn an agent into a speaker: full name and role as the article gave them, or unknown."""
        if agent is None:
            return _Speaker(None, None)
        if agent.kind == "pronoun":
            found = self.people.salient(agent.start, agent.base)
            return found if found else _Speaker(None, None, agent.base)
        if agent.name:
            return self._resolve_name(agent)
        if agent.kind == "age":
            # the person introduced with that age ("58-årige Jens Holt", "Jens Holt (58)"), else unnamed
            age = re.match(r"\d+", agent.role or "")
            found = [m.person for m in self.people.mentions if m.start < agent.start and not m.person.org
                     and age and (re.search(rf"\b{age.group()}-\w+[ \t]+$", self.text[max(0, m.start - 20):m.start])
                                  or re.match(rf"[ \t]*\({age.group()}\)", self.text[m.end:m.end + 8]))]
            if len({p.name for p in found}) == 1:
                return _Speaker(found[0].name, _first(found[0].roles), found[0].gender)
            return _Speaker(None, agent.role)
        if agent.kind == "demonym":
            found = [m.person for m in self.people.mentions if m.start < agent.start and not m.person.org
                     and agent.nationality and _person_nationality(m.person) == agent.nationality]
            if found:
                return _Speaker(found[-1].name, _first(found[-1].roles), found[-1].gender)
            return _Speaker(None, agent.role)
        if not agent.definite:
            return _Speaker(None, agent.role)
        person = self.people.by_role(agent.base, agent.org, agent.start, agent.nationality)
        if person and self._unnamed_role_since(person, agent):
            return _Speaker(None, agent.role)  # "siger talsmanden" after "Regeringspartiets talsmand afviser"
        if person:
            return _Speaker(person.name, _first(person.roles) or agent.role, person.gender)
        partner = self._partner(agent) if agent.base in qr.PARTNER_NOUNS else None
        if partner:
            return partner
        org = self._organisation(agent)
        if org:
            return _Speaker(self._with_seat(org, agent.start), agent.role, org=True)
        fallback = agent.fallback or self._public_body(agent)
        if fallback and " " not in fallback:
            fallback = self._with_seat(fallback, agent.start)
        if fallback:
            return _Speaker(fallback, None, org=True)
        return _Speaker(None, agent.role, org=agent.base in _ORG_NOUN_SET)  # an organisation takes no "hun"

    def _partner(self, agent: _Agent) -> _Speaker | None:
        """"X (29) og Y (27) fikk merke det. Paret ..." / "..., sier Y." / "Samboeren forteller at ...": a partner
        noun no one was introduced with is the other one of a couple named together ("X og Y", then a couple
        noun) with the last speaker."""
        last = self.people.salient(agent.start, "")
        if not last or not last.name:
            return None
        found = None
        for a, b in zip(self.people.mentions, self.people.mentions[1:]):
            if b.start >= agent.start or a.person.org or b.person.org or a.person is b.person:
                continue
            if not re.fullmatch(r"(?:[ \t]*\(\d{1,3}\))?[ \t]+(?:og|och|and)[ \t]+", self.text[a.end:b.start]):
                continue
            # a couple: "Paret har ...", "ekteparet", "De to samboerne" right after names them as one
            after = self.text[b.end:b.end + 250]
            if not _COUPLE_WORD.search(after):
                continue
            names = {a.person.name: b.person, b.person.name: a.person}
            if last.name in names:
                found = names[last.name]
        return _Speaker(found.name, _first(found.roles) or agent.role, found.gender) if found else None

    def _public_body(self, agent: _Agent) -> str | None:
        """The words that name one public body when no organisation or person resolves the agent:
        "ifølge anklagemyndigheden" (a public body's compound, as for a sentence-initial one),
        "Det russiske forsvarsministerium oplyser" (a country's ministry), "Forbrugerombudsmanden
        bekræfter" (an office named by a capitalised compound of ``INSTITUTION_ROLE_HEADS``)."""
        phrase = self.text[agent.start:agent.end]
        m = re.fullmatch(r"(?:([Dd]e[nt][ \t]+)?([a-zæøåäö]+)[ \t]+)?([\w\-]+)", phrase)
        if not m or m.group(2) and not (_nationality(m.group(2)) and agent.base in qr.PUBLIC_BODIES
                                        and _org_noun(m.group(3).lower())):
            return None
        if m.group(2):
            return phrase  # "Det russiske forsvarsministerium oplyser"
        written = m.group(3)
        low = written.lower()
        head = _role_head(low)
        if head and written[:1].isupper() and any(head[0].endswith(h) and len(head[0]) > len(h) + 3
                                                  for h in qr.INSTITUTION_ROLE_HEADS):
            return written
        if agent.base not in qr.PUBLIC_BODIES or _org_noun(low) is None:
            return None
        before = re.search(r"(?:^|(?<=[\s(]))([Dd]e[nt][ \t]+)?([a-zæøåäö]+)[ \t]+$", self.text[max(0, agent.start - 40):agent.start])
        if before and before.group(1) and _nationality(before.group(2)):
            return before.group(1) + before.group(2) + " " + written
        if len(low) >= len(agent.base) + 5 and not low.endswith(agent.base) and written.endswith(("et", "en")) \
                and not re.search(r"['’]?s[ \t]+$", self.text[max(0, agent.start - 3):agent.start]):
            return written  # definite, no genitive owner ("landets katastrofemyndighet" is no name)
        return None

    def _organisation(self, agent: _Agent) -> str | None:
        """The organisation a definite noun ("selskapet", "flyselskabet", "politiet") refers to.

        Organisations come from :func:`newsthread.entities.extract_entities` (ORG mentions
        before the noun, news media and parties in brackets left out): the one whose name
        contains the noun ("politiet" -> "Fyns Politi"), else the only one the article named
        so far. Two candidates and no name match: unknown.
        """
        # the organisation noun itself, not its complement ("organisationen i en kommentar")
        word = next((w for w in _TOKEN.findall(self.text[agent.start:agent.end])
                     if (_org_noun(w.lower()) or ("",))[0] == agent.base), "")
        initial = word[:1].isupper() and self.text.startswith(word, agent.start) \
            and _sentence_initial(self.text, agent.start)
        base = _org_noun(word.lower() if initial else word)
        if base is None or word[:1].isupper() and not initial:
            return None
        names: list[str] = []
        for start, name in self._org_mentions():
            if start >= agent.start:
                break
            if name not in names:
                names.append(name)
        matching = [n for n in names if base[0] in n.lower()]
        if matching:
            return matching[-1]
        if initial and not word.lower().startswith(base[0]):
            return None  # "Næringsdepartementet opplyser": a compound names its own body, not another one
        recent = self._recent_organisation(agent.start, base[0])
        if recent:
            return recent
        return names[0] if len(names) == 1 else None

    def _recent_organisation(self, pos: int, noun: str) -> str | None:
        """The organisation the last sentences were about: "Danske Seniorer er mere positive. «...», skriver
        foreningen"; "Leger Uten Grenser melder at ... «...», skriver organisasjonen".

        Candidates within 400 characters before ``pos``: organisations resolved as speakers, and
        capitalised runs opening a sentence that are no known person and no common word. One whose
        name holds a different organisation noun ("Nordsjællands Brandvæsen" for "politiet") is skipped.
        """
        if noun not in qr.GENERIC_ORG_NOUNS:
            return None  # "politiet", "ministeriet", "avisen": only a name holding the noun, or the only one
        found: list[tuple[int, str]] = [(at, sp.name) for at, sp in self.people.events
                                        if sp.org and sp.name and sp.name.lower() not in qr.MEDIA
                                        and pos - 400 <= at < pos]
        for at, sp in self.people.events:
            # "skriver formand for Dansk Sygeplejeråd, X": the organisation a recent speaker's role names
            if pos - 400 <= at < pos and sp.name and not sp.org and sp.role:
                inner = re.search(r"\b(?:for|i|ved|hos|af|av)\s+((?:[A-ZÆØÅÄÖ][\w\-]+)(?:\s+[A-ZÆØÅÄÖ][\w\-]+)*)", sp.role)
                known = self.people.persons.get(inner.group(1)) if inner else None
                if inner and inner.group(1).lower() not in qr.MEDIA and (known is None or known.org):
                    found.append((at, inner.group(1)))
        sentences = [(s, e) for unit in self.units if not unit.dash and unit.end >= pos - 400 and unit.start < pos
                     for s, e in _sentences(self.text, unit.body, unit.end) if pos - 400 <= s < pos]
        for n, (s, e) in enumerate(sentences):
            if True:
                toks = list(_WORDS.finditer(self.text, s, min(e, s + 200)))[:8]
                if not toks or not _is_cap(toks[0].group()):
                    continue
                run = self._run(toks, 0)
                nxt = toks[len(run)].group() if len(run) < len(toks) else ""
                # the sentence of the noun or the one before: any verb ("Kirkens Nødhjelp sender ..., opplyser
                # organisasjonen"); further back only speech verbs and "er", "har" ...
                near = n >= len(sentences) - 2 and nxt[:1].islower() and nxt.isalpha()
                if not (self.pat.verb.fullmatch(nxt) or nxt in qr.SUBJECT_VERBS or near):
                    continue  # "Danske Seniorer er ...", "Leger Uten Grenser melder ...": the subject of a clause
                first = run[0].group().lower()
                described = len(run) > 1 and bool(_org_noun(first) or _person_noun(first))
                if len(run) > 1 and (described or first in self.rules.tail_words
                                     or first in self.people._according_words):
                    run = run[1:]  # "Flyselskapet Norwegian", "I Panama", "Aluminiumsprodusenten Nordal"
                name = self.text[run[0].start():run[-1].end()]
                known = self.people.persons.get(name) or self.people.person_at(run[0].start(), run[-1].end())
                if known and not known.org or name.lower() in self.rules.pronouns or name.lower() in qr.NON_PERSONS:
                    continue
                if name.lower() in qr.MEDIA or len(run) == 1 and not described and not self._proper_noun(run[0]):
                    continue
                found.append((s, name))
        umbrella = noun in ("organisation", "organisasjon", "organization")  # fits "Dansk Sygeplejeråd" too
        found = [(at, n) for at, n in found if umbrella or not any(
            _org_noun(w.lower()) and _org_noun(w.lower())[0] != noun for w in n.split())]
        return max(found)[1] if found else None

    def _proper_noun(self, tok: re.Match) -> bool:
        """A sentence-initial capitalised word is a name when the article also capitalises it mid-sentence."""
        word = tok.group()
        if word.isupper() and len(word) > 1:
            return True
        return any(not _sentence_initial(self.text, m.start()) for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])",
                                                                                    self.text) if m.start() != tok.start())

    def _org_mentions(self) -> list[tuple[int, str]]:
        """(start, name) of the organisations :func:`newsthread.entities.extract_entities` finds, cleaned:
        a leading generic noun dropped ("Flyselskapet Norwegian" -> "Norwegian"), a person's name glued
        on cut off ("Sydøstjyllands Politi Kim" before "Kim H. Sørensen")."""
        if not hasattr(self, "_orgs"):
            from .entities import extract_entities

            found = self.entity_mentions
            if found is None:
                try:
                    found = extract_entities(self.text, self.rules.language)
                except Exception:  # noqa: BLE001 - entity extraction is optional help, never a reason to fail
                    found = []
            persons = [p for p in self.people.mentions if not p.person.org]
            # a capitalised pair without a listed first name ("Nordvind Energi") that entity extraction
            # calls an organisation is one, not a person
            named = [p for p in persons if _is_first_name(p.person.name.split()[0])]
            self._orgs = []
            for m in found:
                if m.type != "ORG" or m.text.lower() in qr.MEDIA or self.text[max(0, m.start - 1):m.start] == "(" \
                        or any(p.start <= m.start < p.end for p in named):
                    continue
                start, name = m.start, m.text
                first, _, rest = name.partition(" ")
                noun = _org_noun(first.lower())
                # "Flyselskapet Norwegian": an inflected generic noun in front; not "Sydbank Mette ..."
                role = _role_head(first) if rest and first[:1].isupper() else None
                if rest and noun and first[:1].isupper() and not first.lower().endswith(noun[0]):
                    start, name = start + len(first) + 1, rest
                elif role and first.lower() != role[0] and first.lower().endswith(("en", "et", "n")):
                    start, name = start + len(first) + 1, rest  # "Køleskabsproducenten Nordkøl A/S": a descriptor
                cut = min((p.start for p in persons if start < p.start < start + len(name)), default=None)
                if cut is not None:
                    name = self.text[start:cut].rstrip(" ,")
                if name.endswith("s") and len(name) > 4 and re.search(
                        rf"(?<![\w-]){re.escape(name[:-1])}(?![\w-])", self.text):
                    name = name[:-1]  # "Fellesforbundets nestleder" when "Fellesforbundet" is named too
                noun = _org_noun(name.split()[-1].lower()) if name else None
                place = re.match(r" (?:i|på|for) ([A-ZÆØÅÄÖ][\w\-]+)\b", self.text[start + len(name):start + len(name) + 40])
                if noun and noun[0] in qr.GENERIC_ORG_NOUNS and place and not _is_first_name(place.group(1)) \
                        and self.text.startswith(name, start):
                    name += place.group(0)  # "Hytteeierforeningen i Troms": the association's full name
                if name:
                    self._orgs.append((start, name))
            self._orgs += self._named_bodies()
            self._orgs.sort()
        return self._orgs

    def _named_bodies(self) -> list[tuple[int, str]]:
        """"Østfold politidistrikt", "Oslo kommune", "Statens vegvesen": a capitalised word and an
        indefinite organisation noun, which entity extraction often misses."""
        found = []
        for m in re.finditer(r"(?<![\w\-])([A-ZÆØÅÄÖ][\w\-]+)[ \t]([a-zæøåäö]{4,})(?![\w\-])", self.text):
            first, noun_word = m.group(1), m.group(2)
            head = _org_noun(noun_word)
            low = first.lower()
            national = low.endswith("s") and low[:-1] in _COUNTRIES and head is not None \
                and head[0] in qr.NATIONAL_ASSOCIATION_NOUNS  # "Norges idrettsforbund", "Danmarks skakforening"
            if head is None or not noun_word.endswith(head[0]) or head[0] not in qr.NAMED_BODY_NOUNS and not national:
                continue  # indefinite only: "politidistrikt", not "politiet" (the noun itself)
            if _is_first_name(first) or low in self.rules.determiners or low in self.rules.pronouns or low in self.people._according_words \
                    or _role_head(first) or _person_noun(low) or _org_noun(low) \
                    or (_sentence_initial(self.text, m.start()) and self.people._common(first) and not national) \
                    or self.people.person_at(m.start(1), m.end(1)) is not None and not (
                        self.people.person_at(m.start(1), m.end(1)).org):
                continue
            found.append((m.start(), m.group()))
        return found

    def _with_seat(self, name: str, pos: int) -> str:
        """"Statsforvalteren i Agder slår fast ..." then "Statsforvalteren skriver": a one-word body the
        article introduced with its seat (one seat only) is that body."""
        low = name.lower()
        definite = low.endswith(("en", "et")) and not low.endswith(("sen", "son")) and not _is_first_name(name) \
            and not any(p.name.endswith(" " + name) for p in self.people.persons.values())
        if " " in name or not name[:1].isupper() or _org_noun(low) is None and not definite:
            return name  # "Fylkesnemnda", "Statsforvalteren": a body word; not a surname ("Larsen i Oslo")
        seats = {m.group(1) for m in re.finditer(
            rf"(?<![\w-]){re.escape(name)}[ \t]+(?:i|på)[ \t]+([A-ZÆØÅ][\w\-]+(?:[ \t]+[A-ZÆØÅ][\w\-]+)?)",
            self.text[:pos])}
        seats = {seat for seat in seats if not self.pat.verb.fullmatch(seat.split()[-1])}
        if len(seats) == 1:
            return f"{name} i {seats.pop()}" if f"{name} i " in self.text[:pos] else f"{name} på {seats.pop()}"
        return name

    def _resolve_name(self, agent: _Agent) -> _Speaker:
        name = agent.name or ""
        words = name.split()
        if len(words) >= 3 and _is_first_name(words[0]):
            # "Karen Holt Fra Venstre kalder": a capitalised preposition ends a person's name
            cut = next((k for k in range(2, len(words)) if words[k].lower() in qr.NAME_BREAKERS), None)
            if cut is not None:
                name = " ".join(words[:cut])
        name = self._with_seat(name, agent.start)
        # "Retten i Nykøbing Falster": a body with its seat is no surname match of the place
        inner = re.findall(r"(?<= )[a-zæøå]+(?= )", name)
        person = self.people.persons.get(name) if inner and not all(w in qr.NAME_PARTICLES for w in inner) \
            else self.people.by_name(name, agent.start)
        if person is None:
            org = (name.lower() in qr.NON_PERSONS or name.lower().rstrip("s") in qr.NON_PERSONS
                   or (name.isupper() and len(name) > 1) or self._org_noun(name.split()[-1]) is not None
                   or _org_run(name.split()) or any(w.lower() in _ORG_WORDS for w in name.split())
                   or _org_noun(name.split()[0].lower()) is not None or _country_body(name.split()))
            person = self.people.persons.setdefault(name, _Person(name, _gender(name), org=org))
            self.people.mentions.append(_Mention(agent.start, agent.start + len(name), person))
            self.people.mentions.sort(key=lambda m: m.start)
        if agent.role:
            self.people.add_role(person, agent.role)
        return _Speaker(person.name, _first(person.roles) or agent.role, person.gender, person.org)

    def _note(self, pos: int, speaker: _Speaker) -> None:
        """Make a resolved speaker salient from ``pos`` on."""
        if speaker.name or speaker.role:
            self.people.events.append((pos, speaker))

    def _emit(self, start: int, end: int, speaker: _Speaker, kind: str, cue: str | None, unit: _Unit) -> None:
        start, end = _trim(self.text, start, end)
        if end - start < 2:
            return
        self.quotes.append(Quote(self.text[start:end], speaker.name, speaker.role, kind, start, end,
                                 cue, unit.paragraph))


def _org_compound(word: str) -> bool:
    """A capitalised compound ending in an organisation noun: "Katedralskole", "Universitetshospital"."""
    head = _org_noun(word.lower()) if len(word) > 6 else None
    return head is not None and head[0] != word.lower()


def _immediate(verb: str) -> bool:
    """A verb that reports speech only with its complementiser right after it (``IMMEDIATE_COMPLEMENT_VERBS``;
    one adverb may stand inside a phrase: "viser også til at")."""
    key = " ".join(verb.split()).lower()
    parts = key.split()
    return key in qr.IMMEDIATE_COMPLEMENT_VERBS or len(parts) == 3 and f"{parts[0]} {parts[2]}" in qr.IMMEDIATE_COMPLEMENT_VERBS


def _first_name_led(person: _Person) -> bool:
    """A person (no organisation) whose name opens with a listed first name."""
    return not person.org and " " in person.name and _is_first_name(person.name.split()[0])


def _first(items: list[str]) -> str | None:
    return items[0] if items else None


_TRIM_CHARS = " \t\n\"«»“”„‚‘’,;-–—"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces, dashes, a trailing comma and unbalanced quote marks from the span.

    A mark is kept when its partner is inside the span ('at Nato skal "forstå alvoren"').
    """
    while start < end and text[start] in _TRIM_CHARS:
        if text[start] in _MARKS and _partner_inside(text, start, end):
            break
        start += 1
    while end > start and text[end - 1] in _TRIM_CHARS:
        if text[end - 1] in _MARKS and _partner_inside(text, start, end):
            break
        end -= 1
    return start, end


_MARKS = "\"«»“”„‚‘’"


def _partner_inside(text: str, start: int, end: int) -> bool:
    """Whether the quote marks in text[start:end] are balanced (an even number, counting pairs)."""
    inner = text[start:end]
    return sum(inner.count(c) for c in _MARKS) % 2 == 0 and any(inner.count(c) for c in _MARKS) and len(
        [c for c in inner if c in _MARKS]) >= 2


# --------------------------------------------------------------------------- reading units


@dataclass
class _Tail:
    """An attribution after quoted words: where the words stop and who said them."""

    quote_end: int
    cue: str
    agent: _Agent
    end: int


class _Reader(_Extractor):
    """The unit-by-unit pass: dash paragraphs, then quotation marks and indirect speech."""

    def run(self) -> list[Quote]:
        self.unit_speaker: dict[int, _Speaker | None] = {}  # unit index -> speaker it leaves in context
        self.dash_quote: set[int] = set()
        self.questions: set[int] = set()  # dash units that are the interviewer's questions
        for index, unit in enumerate(self.units):
            self._index = index
            if unit.dash:
                self._read_dash(index, unit)
            else:
                self._read_plain(index, unit)
        self.quotes.sort(key=lambda q: q.start)
        return self.quotes

    # ---- dash paragraphs
    def _read_dash(self, index: int, unit: _Unit) -> None:
        tail = self._tail(unit.body, unit.end)
        if tail is None and self._headline(unit):
            return  # a subheading or list item: no terminal punctuation, or too short to be speech
        said = self._this_says_inside(unit) if tail is None else None
        if said:
            stop, speaker, cue, rest = said
            self._emit(unit.body, stop, speaker, "direct", cue, unit)
            self._after_tail(rest, unit, speaker)
        elif tail is None and self._interview_question(index, unit):
            speaker = _Speaker(None, None)
            self.questions.add(index)
            self._emit(unit.body, unit.end, speaker, "direct", None, unit)
        elif tail is None:
            speaker = self._context_speaker(index)
            speaker = self._earlier_speaker(index, speaker) or speaker
            if speaker.name and _first_name_led(self.people.persons.get(speaker.name) or _Person("", org=True)):
                # "Da tok X kontakt." / "- ..." / "Han forteller at ...": the unattributed answer's speaker is
                # the one a pronoun after it means, not an older subject
                self._note(unit.body, speaker)
            self._emit(unit.body, unit.end, speaker, "direct", None, unit)
        else:
            speaker = (self._introduced_before(index, tail.agent) if tail.agent.kind == "pronoun" else None) \
                or self._resolve(tail.agent)
            if speaker.name is None and tail.agent.kind in ("role", "age") and (
                    re.search(r"\b(?:den|det)\s+\d+-\w+\s+(?:\w+\s+)?$",
                              self.text[max(0, tail.agent.start - 40):tail.agent.start])
                    or _name_compound_person(self.text[tail.agent.start:tail.agent.end])):
                # "For X, der driver en gård, ..." then "- ..., siger den 52-årige landmand" / "sagde
                # Blåtind-frontmanden": a descriptor no one was introduced with means the one person the
                # paragraph before named (of the person noun's gender)
                gender = qr.PERSON_NOUN_GENDER.get(tail.agent.base, "")
                speaker = self._introduced_before(index, replace(tail.agent, base=gender)) or speaker
            self._note(tail.agent.start, speaker)
            self._emit(unit.body, tail.quote_end, speaker, "direct", tail.cue, unit)
            self._after_tail(tail.end, unit, speaker)
        self.dash_quote.add(index)
        self.unit_speaker[index] = speaker

    def _introduced_before(self, index: int, agent: _Agent) -> _Speaker | None:
        """"En af dem er 64-årige X." / "Hans klassekammerat X er mindre overbevist." / "For X handler det om
        ..." then "- ..., siger hun": a plain paragraph right before the dash quote that names one person
        only (no pronoun subject, no quote of its own) puts that person forward, not an older subject."""
        prev = index - 1
        if prev < 0 or self.units[prev].dash:
            return None
        unit = self.units[prev]
        if any(unit.start <= q.start < unit.end for q in self.quotes):
            return None
        named = {m.person.name: m.person for m in self.people.mentions
                 if unit.start <= m.start < unit.end and not m.person.org}
        if len(named) != 1:
            return None
        person = next(iter(named.values()))
        if not _first_name_led(person) or person.gender not in ("", agent.base) and agent.base \
                or re.search(r"-[a-zæøåäö]", person.name):
            return None  # "Tina Turner-fan": a compound common noun, no person
        if len(_sentences(self.text, unit.body, unit.end)) > 2:
            return None
        first = min(m.start for m in self.people.mentions if m.person is person and unit.start <= m.start < unit.end)
        words = _TOKEN.findall(self.text, unit.body, first)
        if any(w.lower() in self.rules.pronouns for w in words):
            return None  # "Han har arbejdet sammen med X.", "I går besøgte han X": the pronoun's person goes on
        return _Speaker(person.name, _first(person.roles), person.gender)

    def _after_tail(self, pos: int, unit: _Unit, speaker: _Speaker) -> None:
        """What follows the attribution in a dash paragraph: more quote only after a new dash or mark.

        "- A, siger han. - B." continues the quote; "- A, siger Holm. Det mener også andre." is the
        reporter's text (in edited Nordic copy a quote resumes with a new dash), read like a plain
        paragraph (it may hold indirect speech: "Han understreger, at ...").
        """
        rest = self.text[pos:unit.end]
        if re.match(r"\s*(?:[-–—]\s|[\"«»“”„])", rest):
            self._continuation(pos, unit, speaker)
        elif len(_TOKEN.findall(rest)) >= 3:
            self._read_sentences(pos, unit.end, unit)

    def _continuation(self, pos: int, unit: _Unit, speaker: _Speaker) -> None:
        """Words after the attribution that open with a dash ("- A, siger han. - B.") continue the quote."""
        while pos < unit.end and len(_TOKEN.findall(self.text[pos:unit.end])) >= 3:
            tail = self._tail(pos, unit.end)
            if tail is None:
                self._emit(pos, unit.end, speaker, "direct", None, unit)
                return
            own = self._resolve(tail.agent)
            self._note(tail.agent.start, own)
            self._emit(pos, tail.quote_end, own, "direct", tail.cue, unit)
            pos = tail.end

    def _interview_question(self, index: int, unit: _Unit) -> bool:
        """"- Er du bekymret?" then "- Nej. ...": a question without attribution answered by the next dash.

        The interviewer's question has no speaker; the answer keeps the speaker before it. A question
        of one sentence without a first-person pronoun, or one addressing someone ("du", "dere"), counts.
        """
        body = self.text[unit.body:unit.end].rstrip()
        if index + 1 >= len(self.units) or not self.units[index + 1].dash:
            return False
        if not body.endswith("?"):
            # "- Hvorfor gjorde du det, Martin?" with the reporter's lines joined below it
            first_line = body.split("\n", 1)[0].rstrip()
            return "\n" in body and first_line.endswith("?") and bool(
                {w.casefold() for w in _TOKEN.findall(first_line)} & qr.SECOND_PERSON)
        words = {w.casefold() for w in _TOKEN.findall(body)}
        if words & qr.SECOND_PERSON:
            return True
        if words & qr.FIRST_PERSON:
            return False
        if len(_sentences(self.text, unit.body, unit.end)) == 1:
            return True
        # "- Det har vært få saker. Er det noe å hente?" then "- Ja, ...": a longer question is the
        # interviewer's when the next dash opens with an answer word
        answer = self.units[index + 1]
        first = _TOKEN.match(self.text, answer.body)
        return first is not None and first.group().casefold() in qr.ANSWER_WORDS

    def _headline(self, unit: _Unit) -> bool:
        body = self.text[unit.body:unit.end].rstrip()
        return not _TERMINAL.search(body) or len(_TOKEN.findall(body)) < 3

    def _tail(self, start: int, end: int) -> _Tail | None:
        """The earliest attribution in ``text[start:end]``: ", siger X", ", lød det fra X", ", he said"."""
        found: list[_Tail] = []
        for pattern in (self.pat.inverted, self.pat.from_phrase):
            for m in pattern.finditer(self.text, start, end) if pattern else ():
                if m.group("verb").lower() in qr.PARTICIPLE_VERBS:
                    continue
                stop = _end_search(self.text, m.end(), end).start()
                agent = self._agent_after(m.end("verb"), stop)
                if agent and _immediate(m.group("verb")):
                    # "Efter at ..., kræver ministeren nu svar på, hvordan ...": a demand with an object is
                    # no attribution; "- Vi vil have svar, kræver Holm (i en mail)." is
                    rest = re.sub(r"^[ \t]*\([^)]{1,14}\)", "", self.text[agent.end:stop]).strip(" \t.")
                    if rest and ("," in rest or rest.split()[0].lower() not in self.rules.tail_words):
                        continue
                if agent:
                    found.append(self._make_tail(m, agent, end))
                    break
        for m in self.pat.normal.finditer(self.text, start, end):
            if self.pat.complementizer.match(self.text, m.end("verb")):
                continue  # "- ... Men ja, Holm tror, at ...": the verb opens reported speech, no tail
            agent = self._agent_before(m.start("agent"), m.start("verb"))
            if agent and agent.start == m.start("agent"):
                found.append(self._make_tail(m, agent, end))
                break
        for m in self.pat.split.finditer(self.text, start, end) if self.pat.split else ():
            agent = self._agent_after(m.start("agent"), m.end("agent"))
            if agent and agent.kind in ("pronoun", "name"):
                found.append(self._make_tail(m, agent, end))
                break
        return min(found, key=lambda t: t.quote_end) if found else None

    def _make_tail(self, m: re.Match, agent: _Agent, end: int) -> _Tail:
        sep = m.group("sep")
        quote_end = m.start("sep") + (len(sep) if sep in "?!…" or sep == "..." else 0)
        stop = _end_search(self.text, max(agent.end, m.end("verb")), end)
        return _Tail(quote_end, _norm_cue(m.group("verb")), agent, stop.end())

    def _this_says_inside(self, unit: _Unit) -> tuple[int, _Speaker, str, int] | None:
        """"- Det er en skandale. Sådan lyder reaktionen fra X." : the quote stops at the attributing sentence."""
        if not self.pat.this_says:
            return None
        for s, e in _sentences(self.text, unit.body, unit.end)[1:]:
            m = self.pat.this_says.match(self.text, s)
            if not m:
                continue
            first = _TOKEN.match(self.text, m.end() + len(self.text[m.end():e]) - len(self.text[m.end():e].lstrip()))
            if first and first.group().casefold() in qr.FIRST_PERSON | qr.SECOND_PERSON:
                return None  # "- ... Det sier jeg rett ut.": the speaker's own words go on
            agent = self._agent_after(m.end(), e)
            speaker = self._resolve(agent)
            if agent is None or not (speaker.name or speaker.role):
                return None
            self._note(agent.start, speaker)
            stop = _end_search(self.text, max(agent.end, m.end()), e)
            return s, speaker, _norm_cue(m.group()), stop.end()
        return None

    def _said_after(self, index: int) -> _Speaker | None:
        """"- Vi er klar.\nDet siger X til DR.": the paragraph after names the speaker of this one."""
        if index + 1 >= len(self.units) or self.units[index + 1].dash or not self.pat.this_says:
            return None
        unit = self.units[index + 1]
        s, e = _sentences(self.text, unit.body, unit.end)[0]
        m = self.pat.this_says.match(self.text, s)
        if not m:
            return None
        speaker = self._resolve(self._agent_after(m.end(), e))
        return speaker if speaker.name or speaker.role else None

    def _context_speaker(self, index: int) -> _Speaker:
        """Speaker of an unattributed dash paragraph, from its neighbours (see module docstring)."""
        said = self._said_after(index)
        if said:
            return said
        prev = index - 1
        while prev >= 0 and self.units[prev].dash and (prev not in self.dash_quote or prev in self.questions):
            prev -= 1  # a skipped subheading line or the interviewer's question does not break the chain
        before = self.unit_speaker.get(prev) if prev >= 0 else None
        if before and before.name:
            return before
        ahead = self._next_attributed(index)
        if ahead and ahead.name and prev in self.dash_quote:
            return ahead
        if before and before.role:
            return before
        if ahead and ahead.name:
            return ahead
        return self._mentioned_before(prev) or (self._bridged(index) if prev == index - 1 else None) \
            or (self._asked_before(index) if prev == index - 1 else None) or _Speaker(None, None)

    def _earlier_speaker(self, index: int, speaker: _Speaker) -> _Speaker | None:
        """An unattributed dash quote opening with "Han"/"Hun" of the gender of the one person the plain
        paragraph before names is about that person, not by them, when that paragraph describes the person
        through the earlier speaker ("- ..., siger hun." / "Hendes mand, X, har overtaget indkøbene." /
        "- Han klager ikke ...") or names again a person the earlier dash quote spoke of ("- ... Han var klar,
        sier datteren Y." / "X ble født i 1933." / "- Han kunne hvert skjær ..."): the earlier speaker goes on."""
        if index < 2 or not speaker.name or not speaker.gender or self.units[index - 1].dash:
            return None
        opening = _TOKEN.match(self.text, self.units[index].body)
        if opening is None or not opening.group()[:1].isupper() \
                or self.rules.pronouns.get(opening.group().lower()) != speaker.gender:
            return None
        unit = self.units[index - 1]
        here = [m for m in self.people.mentions if unit.start <= m.start < unit.end and not m.person.org]
        if {m.person.name for m in here} != {speaker.name} or any(unit.start <= q.start < unit.end for q in self.quotes):
            return None
        earlier = next((q for q in reversed(self.quotes) if q.start < unit.start and q.speaker
                        and not (self.people.persons.get(q.speaker) or _Person("", org=True)).org), None)
        if earlier is None or earlier.speaker == speaker.name:
            return None
        before = self.text[unit.body:here[0].start]
        owner = next((qr.POSSESSIVES[w.lower()] for w in _TOKEN.findall(before) if w.lower() in qr.POSSESSIVES), None)
        described = owner is not None and owner == _gender(earlier.speaker)
        # a narrative of two sentences or more, not one line putting the person forward ("X er også fornøyd.")
        narrative = len(_sentences(self.text, unit.body, unit.end)) >= 2 \
            and not self.pat.verb.search(self.text, unit.body, unit.end)
        spoken_of = narrative and index - 2 in self.dash_quote and self.unit_speaker.get(index - 2) is not None \
            and self.unit_speaker[index - 2].name == earlier.speaker \
            and any(m.person.name == speaker.name for m in self.people.mentions if m.start < unit.start) \
            and any(self.rules.pronouns.get(w.lower()) == speaker.gender
                    for w in _TOKEN.findall(self.text, earlier.start, earlier.end))
        if not described and not spoken_of:
            return None
        return self._speaker_of(earlier)

    def _asked_before(self, index: int) -> _Speaker | None:
        """"Hvorfor tok det så lang tid?" as a plain paragraph, then "- Fordi ...": the interviewer's
        question (naming no one) is answered by the person the article is about at that point."""
        unit = self.units[index - 1]
        body = self.text[unit.body:unit.end].rstrip()
        if unit.dash or not body.endswith("?") or "\n" in body or len(_sentences(self.text, unit.body, unit.end)) > 2:
            return None
        if self.text[self.units[index].body:self.units[index].end].rstrip().endswith("?"):
            return None  # a dash question after it: still the interviewer
        if any(unit.start <= m.start < unit.end for m in self.people.mentions) \
                or any(unit.start <= q.start < unit.end for q in self.quotes):
            return None
        found = self.people.salient(unit.start, "")
        person = self.people.persons.get(found.name or "") if found else None
        return found if person and _first_name_led(person) else None

    def _across_bridge(self, prev: int) -> _Speaker | None:
        """"- ..., forteller hun." / "Skrivingen var ikke alltid lett." (or an interviewer's "Hva vil du savne?")
        / "- Noen dager ...": a short reporter's line naming no one between two dash paragraphs; the
        speaker of the dash paragraph before it goes on."""
        if prev < 1 or self.units[prev].dash or prev - 1 not in self.dash_quote or prev - 1 in self.questions:
            return None
        unit = self.units[prev]
        if any(unit.start <= m.start < unit.end for m in self.people.mentions) \
                or any(unit.start <= q.start < unit.end for q in self.quotes) \
                or len(_sentences(self.text, unit.body, unit.end)) > 2:
            return None
        body = self.text[unit.body:unit.end].rstrip()
        if body.endswith(":"):
            return None  # "Det samme gjaldt for Eva:": it introduces someone
        words = _TOKEN.findall(body)
        if any(_role_head(w) or _person_noun(w.lower()) or self._org_noun(w.lower()) or w.lower() in self.rules.pronouns
               for w in words):
            return None  # "En anden beboer er mindre begejstret.": someone else may speak next
        if any(m.group()[:1].isupper() and not _sentence_initial(self.text, m.start())
               for m in _TOKEN.finditer(self.text, unit.body, unit.end)):
            return None  # a capitalised word (a name the index missed) may be the next speaker
        before = self.unit_speaker.get(prev - 1)
        return before if before and before.name else None

    def _bridged(self, index: int) -> _Speaker | None:
        """:meth:`_across_bridge` for the dash unit ``index``, never for a question (an interviewer's)."""
        if self.text[self.units[index].body:self.units[index].end].rstrip().endswith("?"):
            return None
        return self._across_bridge(index - 1)

    def _next_attributed(self, index: int) -> _Speaker | None:
        """Speaker of the next dash paragraph in an unbroken run that names one."""
        for unit in self.units[index + 1:]:
            if not unit.dash:
                return None
            tail = self._tail(unit.body, unit.end)
            if tail:
                return self._resolve(tail.agent) if tail.agent.kind != "pronoun" else None
        return None

    def _mentioned_before(self, prev: int) -> _Speaker | None:
        """The person the previous paragraph names: the last speaker if named there, else the only one."""
        if prev < 0:
            return None
        unit = self.units[prev]
        named = [m.person for m in self.people.mentions if unit.start <= m.start < unit.end and not m.person.org]
        last = self.people.salient(unit.end, "")
        if last and last.name and any(p.name == last.name for p in named):
            return last
        distinct = {p.name: p for p in named}
        if len(distinct) == 1:
            person = next(iter(distinct.values()))
            return _Speaker(person.name, _first(person.roles), person.gender)
        if not named:  # "Hun henviste til en video ...": the pronoun opening the paragraph before
            m = re.match(r"\w+", self.text[unit.body:unit.end])
            if m and m.group()[0].isupper() and m.group().lower() in self.rules.pronouns:
                found = self.people.salient(unit.body, self.rules.pronouns[m.group().lower()])
                if found and found.name:
                    return found
        return None

    # ---- other paragraphs
    def _read_plain(self, index: int, unit: _Unit) -> None:
        before = len(self.quotes)
        intro = self._read_sentences(unit.body, unit.end, unit)
        if intro and index and not self.units[index - 1].dash \
                and self._named_source(*_sentences(self.text, unit.body, unit.end)[0]):
            self._reported_before(self.units[index - 1], unit, intro)
        made = [q for q in self.quotes[before:] if q.speaker]
        colon = self._colon_intro(unit)
        self.unit_speaker[index] = colon or intro or (self._speaker_of(made[-1]) if made else None)

    def _read_sentences(self, start: int, end: int, unit: _Unit) -> _Speaker | None:
        """Marked and indirect quotes in ``text[start:end]``; returns a "Det siger X" speaker if any."""
        self.consumed: list[tuple[int, int]] = []
        intro: _Speaker | None = None
        sentences = _sentences(self.text, start, end)
        spans = _quoted_spans(self.text, start, end)  # a quote may run over several sentences
        for n, (s, e) in enumerate(sentences):
            says = self._this_says(s, e)
            if says and self._named_source(s, e) and n and not unit.dash \
                    and not self.pat.this_says.match(self.text, sentences[n - 1][0]) and not any(q.end > sentences[n - 1][0] for q in self.quotes
                                                        if q.start < e):
                # "Myndighederne har beordret ... Det skriver Reuters.": the sentence before is the report
                self._emit(sentences[n - 1][0], _sentence_end(self.text, *sentences[n - 1]), says, "indirect",
                           _norm_cue(self.pat.this_says.match(self.text, s).group()), unit)
            intro = says or intro
            for open_, close in spans:
                if s <= open_ < e:
                    last = next((e2 for s2, e2 in sentences if s2 <= close < e2), e)
                    self._read_marked(open_, close, s, max(e, last), unit)
            if any(open_ < s and e - 3 <= close for open_, close in spans):
                continue  # a sentence inside a longer quote has no indirect speech of its own
            self._read_indirect(s, e, unit)
        return intro

    def _named_source(self, s: int, e: int) -> bool:
        """"Det skriver nyhedsbureauet Reuters", "Det opplyser Vest politidistrikt": the sentence names an
        organisation in so many words (not "klubben", "politiet" resolved by guessing, not a person)."""
        m = self.pat.this_says.match(self.text, s) if self.pat.this_says else None
        agent = self._agent_after(m.end(), e) if m else None
        if agent is None or not agent.name:
            return False
        speaker = self._resolve(agent)
        return bool(speaker.name and speaker.org)

    def _reported_before(self, prev: _Unit, unit: _Unit, speaker: _Speaker) -> None:
        """"Myndighederne har beordret 6000 evakueret." then a paragraph "Det skriver Reuters.": the
        paragraph before (no quote of its own; at most three sentences, else its last) is the report.

        Only for an organisation (a wire service, the police, an agency: the lead is its statement);
        "Det oplyser vagtchef X" after a lead is read as naming the speaker of what follows, as before."""
        first = _sentences(self.text, unit.body, unit.end)
        if not first or not self.pat.this_says.match(self.text, first[0][0]):
            return
        if any(prev.start <= q.start < prev.end for q in self.quotes):
            return
        sentences = _sentences(self.text, prev.body, prev.end)
        if not sentences:
            return
        start = sentences[0][0] if len(sentences) <= 3 else sentences[-1][0]
        if len(_TOKEN.findall(self.text[start:prev.end])) < 4 or self.text[prev.body:prev.end].rstrip().endswith(":"):
            return
        cue = _norm_cue(self.pat.this_says.match(self.text, first[0][0]).group())
        self._emit(start, _sentence_end(self.text, start, prev.end), speaker, "indirect", cue, prev)

    def _speaker_of(self, quote: Quote) -> _Speaker:
        person = self.people.persons.get(quote.speaker or "")
        return _Speaker(quote.speaker, quote.speaker_role, person.gender if person else "", bool(person and person.org))

    def _this_says(self, s: int, e: int) -> _Speaker | None:
        """"Det siger Natos generalsekretær, Jens Stoltenberg, onsdag." names the speaker around it."""
        m = self.pat.this_says.match(self.text, s) if self.pat.this_says else None
        if not m:
            return None
        speaker = self._resolve(self._agent_after(m.end(), e))
        self._note(m.end(), speaker)
        return speaker if speaker.name else None

    def _colon_intro(self, unit: _Unit) -> _Speaker | None:
        """"Stoltenberg understreger:" / "Han tilføjer:" introduces the dash paragraph after it."""
        body = self.text[unit.body:unit.end].rstrip()
        if not body.endswith(":"):
            return None
        s = _sentences(self.text, unit.body, unit.end)[-1][0]
        verbs = list(self.pat.verb.finditer(self.text, s, unit.body + len(body)))
        if not verbs:
            return None
        v = verbs[-1]
        agent = self._agent_before(s, v.start()) or self._agent_after(v.end(), unit.body + len(body) - 1)
        speaker = self._resolve(agent)
        self._note(v.start(), speaker)
        return speaker if (speaker.name or speaker.role) else None

    def _read_marked(self, open_: int, close: int, s: int, e: int, unit: _Unit) -> None:
        """A span in quotation marks: a full quote with its attribution, or a partial quote in context."""
        after = self._tail_after(close + 1, e)
        if after:
            speaker = self._resolve(after.agent)
            self._note(after.agent.start, speaker)
            self._emit(open_ + 1, close, speaker, "direct", after.cue, unit)
            self.consumed.append((open_, after.end))
            return
        lead = self._lead_before(s, open_)
        if lead:
            agent, cue = lead
            speaker = self._resolve(agent)
            self._note(agent.start, speaker)
            self._emit(open_ + 1, close, speaker, "direct", cue, unit)
            self.consumed.append((s, close + 1))
            return
        if self._unattributed_sentence(open_, close, s, unit):
            return
        self._read_partial(open_, close, s, e, unit)

    def _unattributed_sentence(self, open_: int, close: int, s: int, unit: _Unit) -> bool:
        """A whole quoted sentence without attribution continues the quote before it.

        '"We must adapt," he said. "This is not easy."': the speaker of the previous quote in
        the paragraph; a paragraph that is only a quote takes the speaker the paragraph before
        left (as an unattributed dash paragraph does).
        """
        inner = self.text[open_ + 1:close].strip()
        if not inner[:1].isupper() or not re.search(r"[.!?…]$", inner) and self.text[close + 1:close + 2] not in ".!?":
            return False
        if len(_TOKEN.findall(inner)) < 4 or self.text[s:open_].strip():
            return False
        earlier = [q for q in self.quotes if unit.start <= q.start < open_ and q.kind == "direct"]
        if earlier:
            speaker = self._speaker_of(earlier[-1])
        elif not self.text[unit.body:open_].strip() and self.unit_speaker.get(self._index - 1):
            speaker = self.unit_speaker[self._index - 1]
        else:
            return False
        if not speaker or not speaker.name:
            return False
        self._emit(open_ + 1, close, speaker, "direct", None, unit)
        self.consumed.append((open_, close + 1))
        return True

    def _tail_after(self, pos: int, e: int) -> _Tail | None:
        """Attribution right after a closing mark: "», sier han" / '," he said' / '," said X'."""
        m = re.match(r"[ \t]*[,.!?]?", self.text[pos:e])
        start = pos + (m.end() if m else 0)
        # Put a separator in front so the dash-tail patterns apply: '" she said' -> ', she said'.
        probe = ", " + self.text[start:e] if self.text[start:start + 1] not in ",?!" else self.text[start:e]
        offset = start - (2 if probe != self.text[start:e] else 0)
        tail = None
        for pattern in (self.pat.inverted, self.pat.from_phrase, self.pat.normal):
            m2 = pattern.match(probe) if pattern else None
            if not m2 or m2.group("verb").lower() in qr.PARTICIPLE_VERBS:
                continue  # "'...' skrevet om livet under X": a participle takes no agent after it
            if pattern is self.pat.normal:
                agent = self._agent_before(offset + m2.start("agent"), offset + m2.start("verb"))
                agent = agent if agent and agent.start == offset + m2.start("agent") else None
            else:
                agent = self._agent_after(offset + m2.end("verb"), _end_search(self.text, offset + m2.end(), e).start())
            if agent:
                stop = _end_search(self.text, max(agent.end, offset + m2.end("verb")), e)
                tail = _Tail(pos, _norm_cue(m2.group("verb")), agent, stop.end())
                break
        return tail

    def _lead_before(self, s: int, open_: int) -> tuple[_Agent, str] | None:
        """'X sier: «...»' / 'Han tilføjer: "..."' / 'sier han: «...»': the verb just before the quote."""
        head = self.text[s:open_].rstrip()
        if not head.endswith((":", ",")):
            return None
        verbs = list(self.pat.verb.finditer(self.text, s, s + len(head)))
        if not verbs or len(_TOKEN.findall(self.text[verbs[-1].end():s + len(head)])) > 6:
            return None
        v = verbs[-1]
        agent = self._agent_before(s, v.start()) or self._agent_after(v.end(), s + len(head) - 1)
        return (agent, _norm_cue(v.group())) if agent else None

    def _read_partial(self, open_: int, close: int, s: int, e: int, unit: _Unit) -> None:
        """Quoted words inside a sentence count only with a speech context in that sentence.

        Short fragments without one are names, titles or scare quotes («Steadfast Noon»);
        all-capitalised fragments are treated as titles even with a context.
        """
        inner = self.text[open_ + 1:close]
        words = _TOKEN.findall(inner)
        if not words or not re.search(r"[.!?…][\"»”’)]*$", self.text[s:e].rstrip()):
            return  # headline-like line ("Se video: Putin varsler «delvis mobilisering»")
        if len(words) <= 5 and all(w[:1].isupper() or w.isdigit() for w in words):
            return
        if self.text[open_] == "'" and (len(words) < 3 or inner[:1].isupper()):
            return  # plain single marks around a word or a title ('russiske', 'Den store bagedyst'): no quote
        context = self._context_verb(s, e, open_, close)
        if context is None:
            return
        cue, agent = context
        speaker = self._resolve(agent)
        self._emit(open_ + 1, close, speaker, "direct", cue, unit)

    def _context_verb(self, s: int, e: int, open_: int, close: int) -> tuple[str, _Agent | None] | None:
        """The speech, framing or "ifølge" cue nearest before the quote (else after) and its agent."""
        cues = []
        for kind, pattern in (("verb", self.pat.verb), ("verb", self.pat.framing), ("according", self.pat.according)):
            for m in pattern.finditer(self.text, s, e):
                if m.group().lower() in qr.PARTICIPLE_VERBS and not self._after_auxiliary(s, m.start()):
                    continue  # "Der er ikke skrevet meget ...": a passive, no speech cue
                if re.search(rf"(?<![\w-])(?:{'|'.join(qr.PASSIVE_AUXILIARIES)})[ \t]+$", self.text[s:m.start()],
                             re.IGNORECASE):
                    continue  # "Maleriet, «...», er forsikret for ...": a passive participle, no speech cue
                if m.group().lower() in qr.AS_FRAMING_VERBS and not (
                        m.end() <= open_ and re.search(r"(?<!\w)(?:som|as)[ \t]+(?:\w+[ \t]+){0,2}$", self.text[m.end():open_])):
                    continue  # "præsenterer den som «...»" frames a quote; "præsenterer kor i ’Dagens sang’" does not
                if not (open_ <= m.start() <= close) and not _inside(m.start(), self.consumed):
                    cues.append((kind, m))
        before = [c for c in cues if c[1].end() <= open_]
        chosen = max(before, key=lambda c: c[1].start()) if before else min(cues, key=lambda c: c[1].start(),
                                                                             default=None)
        if chosen is None:
            return self._message_noun(s, open_)
        kind, m = chosen
        if kind == "according":
            # "Hun siger ifølge nyhedsbureauet AP, at «...»": the speech verb's subject speaks, the outlet relays
            for verb_kind, v in sorted(before, key=lambda c: -c[1].start()):
                if verb_kind != "verb" or v.end() > m.start():
                    continue
                after = self._agent_after(v.end(), m.start())
                if after and after.kind in ("pronoun", "name") and not self.text[v.end():after.start].strip():
                    subject = after  # "..., sagde han ifølge Reuters, at": inverted order
                else:
                    subject = self._agent_before(self._clause_start(s, v.start()), v.start()) \
                        or self._sentence_subject(s, v.start())
                if subject and not open_ <= subject.start <= close:
                    return _norm_cue(v.group()), subject
                break
            return _norm_cue(m.group()), self._agent_after(m.end(), e)
        if m.group().lower().startswith(("å ", "at ")):
            # "X brukte replikken til å kalle svaret «...»": the infinitive's subject is the sentence's
            return _norm_cue(m.group()), self._opening_subject(s, m.start())
        clause = self._clause_start(s, m.start())
        agent = self._agent_before(clause, m.start()) or self._sentence_subject(s, m.start()) \
            or self._source_subject(s, m) or self._agent_after(m.end(), e)
        if agent and open_ <= agent.start <= close:
            agent = None
        return _norm_cue(m.group()), agent

    def _message_noun(self, s: int, open_: int) -> tuple[str, _Agent | None] | None:
        """"Ministeren X reiste hjem med beskjed om at partene «...»": a message noun and "om at" right before
        the clause holding the partial quote; the one person named before it in the sentence (maybe after a
        title) speaks."""
        m = None
        for m in re.finditer(rf"(?<![\w-])(?:{'|'.join(qr.MESSAGE_NOUNS)})[ \t]+om,?[ \t]+at(?![\w-])", self.text[s:open_]):
            pass
        if m is None or re.search(r"[,;:]", self.text[s + m.end():open_]):
            return None
        people = [mn for mn in self.people.mentions if s <= mn.start < s + m.start()]
        if len(people) != 1 or people[0].person.org or not _first_name_led(people[0].person):
            return None
        mention = people[0]
        return _norm_cue(m.group()), _Agent("name", mention.start, mention.end, name=mention.person.name)

    def _opening_subject(self, s: int, limit: int) -> _Agent | None:
        """The person (a name or "han"/"hun") opening the sentence at ``s``, followed by a finite verb."""
        lead = re.match(r"[\s\"«“„'\-–—]*", self.text[s:limit])
        start = s + lead.end()
        mention = next((mn for mn in self.people.mentions if mn.start == start and not mn.person.org), None)
        if mention is not None:
            end, agent = mention.end, _Agent("name", mention.start, mention.end, name=mention.person.name)
        else:
            word = _TOKEN.match(self.text, start)
            gender = self.rules.pronouns.get(word.group().lower()) if word else None
            if not gender:
                return None
            end, agent = word.end(), _Agent("pronoun", word.start(), word.end(), base=gender)
        if any(end <= mn.start < limit and not mn.person.org for mn in self.people.mentions):
            return None  # "Griffin fik ..., og Aslan for at kalde Trump for «...»": another person is nearer
        verb = re.match(r"(?:[ \t]*\([^)]{1,14}\))?[ \t]+([a-zæøåäö]+)", self.text[end:limit])
        if verb is None or not (verb.group(1).endswith(("te", "de", "et", "er", "ar"))
                                or verb.group(1) in ("var", "vart", "ble", "blev", "fik", "fikk", "gik", "gikk", "tok", "tog")):
            return None
        return agent

    def _source_subject(self, s: int, verb: re.Match) -> _Agent | None:
        """"Hos Dansk Kvægforening kalder man forslaget for «...»": the impersonal "man" after the verb
        speaks for the source after a sentence-initial "Hos"."""
        opener = re.match(r"(\w+)[ \t]+", self.text[s:verb.start()])
        if not opener or opener.group(1) not in ("Hos", "Hjå") \
                or not re.match(r"[ \t]+man(?![\w-])", self.text[verb.end():verb.end() + 8]):
            return None
        agent = self._agent_after(s + opener.end(), verb.start())
        if agent is None or agent.kind == "pronoun" or re.search(r"[.!?;:]", self.text[s:verb.start()]):
            return None
        return agent

    def _clause_start(self, s: int, pos: int) -> int:
        """Start of the sentence (commas are kept so appositions stay with their name)."""
        return s

    def _read_indirect(self, s: int, e: int, unit: _Unit) -> None:
        """Reported speech: "X siger, at ...", "X sier Nato tar ...", "ifølge X ..."."""
        if self._indirect_verb(s, e, unit) or self._indirect_tail(s, e, unit):
            return
        if self.pat.this_says and self.pat.this_says.match(self.text, s):
            return  # "Det oplyser X ifølge nyhedsbureauet Reuters.": an attribution of what came before
        if self._impersonal_source(s, e, unit):
            return
        for m in self.pat.according.finditer(self.text, s, e):
            if _inside(m.start(), self.consumed):
                continue
            agent = self._unnamed_plural(m.end(), e) or self._agent_after(m.end(), e)
            if agent is None:
                # "Ifølge ham var der ...", "Forsinkelsen skyldes ifølge hende, at ...": an object pronoun
                pronoun = re.match(r"[ \t]+(\w+)(?![\w-])", self.text[m.end():e])
                gender = qr.OBJECT_PRONOUNS.get(pronoun.group(1).lower()) if pronoun else None
                if gender and (pronoun.group(1).islower() or not self.text[m.end():m.end() + 1].strip()):
                    start = m.end() + pronoun.start(1)
                    agent = _Agent("pronoun", start, start + len(pronoun.group(1)), base=gender)
            if agent and (agent.kind != "pronoun" or self.text[agent.start:agent.end].lower() in qr.OBJECT_PRONOUNS):
                self._according(m, agent, s, e, unit)
                return

    def _unnamed_plural(self, pos: int, e: int) -> _Agent | None:
        """"Ifølge diplomater, som Ritzau har talt med, var det ...", "ifølge kilder i partiet": a bare plural
        of a person or role noun (or a vague source word) names no one; a relative clause between commas
        after it belongs to the source, not to the report."""
        m = re.match(r"[ \t]+([a-zæøåäö]+)(?![\w-])", self.text[pos:e])
        if not m:
            return None
        word = m.group(1)
        plural = word in qr.UNNAMED_SUBJECT_OPENERS and word not in ("flere", "mange", "nogle", "noen", "andre",
                                                                       "flera", "många", "fleire", "somme")
        for suffix in ("erne", "ene", "er", "ar", "e", "r"):
            stem = word[:-len(suffix)]
            if plural or len(stem) < 4 or not word.endswith(suffix):
                continue
            head = _role_head(stem) or _person_noun(stem)
            plural = head is not None and head[0] == stem and word.endswith(("er", "ar", "e", "r")) \
                and not suffix.endswith("ne")  # bare, not definite ("diplomaterne" is a known group)
        if not plural:
            return None
        start, end = pos + m.start(1), pos + m.end(1)
        rest = self.text[end:e]
        complement = re.match(r"[ \t]+(?:i|fra|frå|från|ved|hos|på|in|from)[ \t]+[\w\-]+(?:[ \t]+[A-ZÆØÅÄÖ][\w\-]*)*", rest)
        if complement:
            end += complement.end()
            rest = self.text[end:e]
        relative = re.match(r",[ \t]+(?:som|der|who|that)[ \t][^,.;:!?]+,", rest)
        if relative:
            end += relative.end() - 1
        return _Agent("role", start, end, role=self.text[start:end].split(",")[0], base=word, definite=False)

    def _impersonal_source(self, s: int, e: int, unit: _Unit) -> bool:
        """"Hos Danske Gymnasier, som er rektorernes forening, lyder det, at ...": the source after the
        preposition speaks the clause after the complementiser."""
        m = re.match(r"(\w+)[ \t]+", self.text[s:e])
        if not m or m.group(1).lower() not in qr.SOURCE_PREPOSITIONS or not m.group(1)[:1].isupper():
            return False
        phrase = "|".join(re.escape(p).replace("\\ ", r"[ \t]+") for p in qr.IMPERSONAL_SPEECH)
        said = re.search(rf",?[ \t]+(?:{phrase})(?![\w-])", self.text[s:e])
        if not said:
            return False
        stop = s + said.start()
        agent = self._agent_after(s + m.end(), stop)
        if agent is None or agent.kind == "pronoun" or re.search(r"[.!?;:]", self.text[s:stop]):
            return False
        speaker = self._resolve(agent)
        if not (speaker.name or speaker.role):
            return False
        clause = self._reported_clause(s + said.end(), e, "lyder", bare=False)
        if clause is None:
            return False
        self._note(agent.start, speaker)
        self._emit(clause, _sentence_end(self.text, s, e), speaker, "indirect",
                   _norm_cue(said.group().strip(" ,\t")), unit)
        return True

    def _indirect_tail(self, s: int, e: int, unit: _Unit) -> bool:
        """"USA tar truslene på alvor, sier en talsperson." : a dash-less statement with a tail."""
        tail = self._tail(s, e)
        if tail is None or _inside(tail.quote_end, self.consumed) or len(_TOKEN.findall(self.text[s:tail.quote_end])) < 4:
            return False
        subject = self._agent_after(s, tail.quote_end)
        if subject and subject.kind != "pronoun" and _PARTY.fullmatch(self.text[subject.end:tail.quote_end]):
            return False  # "Ordfører i X, Per Hansen (Sp), sier han fikk ...": the subject, not a statement
        speaker = self._resolve(tail.agent)
        self._note(tail.agent.start, speaker)
        self._emit(s, tail.quote_end, speaker, "indirect", tail.cue, unit)
        return True

    def _according(self, m: re.Match, agent: _Agent, s: int, e: int, unit: _Unit) -> None:
        """"Ifølge X er ..." -> the rest; "..., ifølge X." -> what comes before; mid-sentence -> the sentence."""
        speaker = self._resolve(agent)
        relayed = self._relayed_subject(m, s)
        if relayed is not None:
            speaker = relayed  # "X advarer ifølge BBC mod ...": X speaks, the outlet relays
        self._note(agent.start, speaker)
        end = _sentence_end(self.text, s, e)
        if not self.text[s:m.start()].strip():
            start, stop = agent.end, end
        elif self.text[s:m.start()].rstrip().endswith(",") and not self.text[agent.end:end].strip(" .,"):
            start, stop = s, self.text.rindex(",", s, m.start())
        else:
            start, stop = s, end
        if len(_TOKEN.findall(self.text[start:stop])) >= 3:
            self._emit(start, stop, speaker, "indirect", _norm_cue(m.group()), unit)

    def _relayed_subject(self, m: re.Match, s: int) -> _Speaker | None:
        """"Hans Bech advarer ifølge BBC mod ...", "X kaldte ifølge nyhedsbureauet AFP ...": a speech or framing
        verb right before a mid-sentence "ifølge" has a named person as its subject: that person speaks."""
        before = self.text[s:m.start()].rstrip()
        verb = None
        for pattern in (self.pat.verb, self.pat.framing):
            verb = next((v for v in pattern.finditer(self.text, s, m.start()) if v.end() == s + len(before)), None)
            if verb:
                break
        if verb is None:
            return None
        subject = self._agent_before(s, verb.start()) or self._sentence_subject(s, verb.start())
        if subject is None or subject.kind != "name":
            return None
        speaker = self._resolve(subject)
        person = self.people.persons.get(speaker.name or "")
        return speaker if person is not None and not person.org and _first_name_led(person) else None

    def _indirect_verb(self, s: int, e: int, unit: _Unit) -> bool:
        for v in self.pat.verb.finditer(self.text, s, e):
            if _inside(v.start(), self.consumed) or _inside(v.start(), [(q.start, q.end) for q in self.quotes]):
                continue
            participle = v.group().lower() in qr.PARTICIPLE_VERBS
            if participle and not self._after_auxiliary(s, v.start()):
                continue
            before = self._agent_before(s, v.start()) or self._coordinated_subject(s, v.start()) \
                or self._sentence_subject(s, v.start()) or self._perfect_subject(s, v.start())
            source = None if before or participle else self._source_subject(s, v)
            after = None if before or participle or source else self._agent_after(v.end(), e)
            agent = before or source or after or self._unnamed_subject(s, v.start())
            if agent is None or v.group().lower() in qr.DEMAND_VERBS and self._abstract_subject(agent):
                continue
            pos = agent.end if after else v.end()
            # "X (Sp), sier han fikk ...": with the subject right before the verb, a pronoun after it
            # opens the reported clause (no inversion), so it may start a bare clause
            own_subject = before is not None and before.kind != "pronoun" \
                and bool(_PARTY.fullmatch(self.text[before.end:v.start()]))
            clause = self._reported_clause(pos, e, v.group(), bare=before is not None, pronoun=own_subject)
            if clause is None:
                continue
            speaker = self._resolve(agent)
            self._note(agent.start, speaker)
            self._emit(clause, _sentence_end(self.text, s, e), speaker, "indirect", _norm_cue(v.group()), unit)
            return True
        return False

    def _abstract_subject(self, agent: _Agent) -> bool:
        """"Demokrati krever at ...", "Situationen kræver, at ...": a one-word capitalised subject that is
        neither a person nor an organisation the entity index knows makes a demand verb no speech."""
        name = agent.name or ""
        if agent.kind != "name" or " " in name or name.isupper() or self.people.by_name(name, agent.start):
            return False
        return not any(found == name for _, found in self._org_mentions())

    def _after_auxiliary(self, s: int, verb_start: int) -> bool:
        """A perfect auxiliary at most three words before the participle ("har i dag oplyst")."""
        words = _WORDS.findall(self.text, s, verb_start)[-4:]
        return any(w.lower() in qr.AUXILIARIES for w in words) and all(w[0].isalnum() for w in words)

    def _unnamed_subject(self, s: int, verb_start: int) -> _Agent | None:
        """"Flere medier har tidligere skrevet at ...", "Kilder med kendskab til sagen siger til Reuters, at":
        a vague plural subject opening the sentence (``UNNAMED_SUBJECT_OPENERS``, lower-case words after it,
        then maybe an auxiliary and an adverb): reported speech of someone the article does not name."""
        words = _WORDS.findall(self.text, s, verb_start)
        anonymous = len(words) > 1 and words[0].lower() in _INDEFINITE and words[1].lower() in qr.ANONYMOUS_SOURCE_NOUNS
        if not words or words[0].lower() not in qr.UNNAMED_SUBJECT_OPENERS and not anonymous or not words[0][:1].isupper():
            return None
        aux = next((k for k, w in enumerate(words) if w.lower() in qr.AUXILIARIES), len(words))
        subject, rest = words[:aux], words[aux + 1:]
        if len(rest) > 2 and rest[-1].lower() in ("og", "og", "och", "and") and len(rest) <= 6 \
                and all(w.isalnum() for w in rest):
            rest = []  # "Flere af dem har kontaktet DR og klager over, at": a first verb phrase, then this one
        if len(subject) > 6 or len(rest) > 2 or not all(w.isalpha() and w.islower() for w in subject[1:] + rest):
            return None
        if any(w.lower() in qr.SUBJECT_VERBS for w in subject[1:] + rest):
            return None  # "Nogle ville måske sige, at ...": a guess, no report
        end = s + len(self.text[s:verb_start].rstrip())
        phrase = " ".join(subject)
        return _Agent("role", s, end, role=phrase, base=subject[-1].lower(), definite=False)

    def _sentence_subject(self, s: int, verb_start: int) -> _Agent | None:
        """The subject opening the sentence when only a relative clause, a complement or a first verb
        stands before this verb: "Seniorforsker Birgitte Aa. Hansen, der har ledet undersøgelsen, kalder
        ...", "Næringsdirektør X i Bergen Næringsråd kaller ...", "Formand for KL X hilser ..., men kalder"."""
        agent = self._agent_after(s, verb_start)
        described = None
        if agent is None or agent.kind == "pronoun" or len(_WORDS.findall(self.text, s, agent.start)) > 1 \
                and not self._indefinite_opening(s, agent.start):
            return None
        if agent.kind == "name" and (
                self.people.by_name(agent.name or "", agent.start) is None or self._sentence_word(
                    _WORDS.match(self.text, agent.start))):
            # "Udenrigsministeriet i København oplyser": a one-word organisation opening the sentence
            body = self._initial_organisation(_WORDS.match(self.text, agent.start)) \
                if agent.start == s and " " not in (agent.name or " ") else None
            described = None if body else (self._described_organisation(agent) if agent.start == s else None)
            body = body or described
            if body is None:
                return None
            agent = body
        between = self.text[agent.end:verb_start]
        if re.search(r"[.!?:;]", between):
            return None
        relative = re.fullmatch(r"(?:\s*\([^)]{1,14}\))?(?:\s*,\s*\d{1,3})?\s*,\s*(?:der|som|who|which|hvis|vars)\s[^,]+,\s*",
                                between) \
            or re.fullmatch(r"\s+(?:som|der|who|that)(?:\s+[^\s,]+){1,5}\s*", between) and not self.pat.verb.search(between) \
            or re.fullmatch(r"\s+(?:som|der|who|that)(?:\s+[^\s,.;:!?]+){1,7},\s*", between) and not self.pat.verb.search(between)
        # "En eldre mann som hadde stemt på Sp, sa ...": a relative clause closed by a comma, no speech verb in it
        complement = re.fullmatch(r"(?:\s*\([^)]{1,14}\))?\s+(?:i|ved|hos|fra|frå|från|vid|på|at|in)"
                                  r"(?:\s+[A-ZÆØÅÄÖÜ][\w\-]*(?:['’]s)?){1,4}(?:\s+(?P<noun>[a-zæøåäöü]+))?\s*", between)
        if complement and complement.group("noun") and not self._org_noun(complement.group("noun")):
            complement = None  # only "i Oslo politidistrikt": a lower-case organisation noun may end it
        coordinated = re.search(r",?\s(?:og|men|and|but|och|samt)\s*$", between) and not self.pat.verb.search(between)
        if described is not None and not relative:
            return None  # "Rederiet X legger ned ... og sier opp": the described name only before a relative clause
        return agent if relative or complement or coordinated else None

    def _described_organisation(self, agent: _Agent) -> _Agent | None:
        """"Rejsebureauet Sydrejser, der har ..., skriver": a definite organisation noun opening the sentence
        glued to a capitalised name (no first name, no known person): the name is the organisation."""
        first, _, rest = (agent.name or "").partition(" ")
        noun = self._org_noun(first.lower())
        if not rest or noun is None or first.lower() == noun[0] or not first.lower().endswith(("en", "et", "a", "n")) \
                or not all(_is_cap(w) for w in rest.split()) or any(_is_first_name(w) for w in rest.split()) \
                or len(rest.split()) > 3:
            return None
        person = self.people.persons.setdefault(rest, _Person(rest, org=True))
        if not person.org:
            return None
        return _Agent("name", agent.start + len(first) + 1, agent.end, name=rest)

    def _perfect_subject(self, s: int, verb_start: int) -> _Agent | None:
        """"Vidnet har i retten forklaret, at ...": the subject before a perfect auxiliary, with at most
        three words (no comma, no verb) between the auxiliary and the participle."""
        toks = list(_WORDS.finditer(self.text, s, verb_start))
        for k in range(len(toks) - 1, max(-1, len(toks) - 5), -1):
            word = toks[k].group()
            if not word[0].isalnum() or self.pat.verb.fullmatch(word):
                return None
            if word.lower() in qr.AUXILIARIES and k:
                if k + 1 < len(toks) and toks[k + 1].group().lower() in self.rules.pronouns:
                    # "Sidenhen har han sagt, at": verb-second order, the subject after the auxiliary
                    return _Agent("pronoun", toks[k + 1].start(), toks[k + 1].end(),
                                  base=self.rules.pronouns[toks[k + 1].group().lower()])
                return self._agent_before(s, toks[k].start()) or self._sentence_subject(s, toks[k].start())
        return None

    def _coordinated_subject(self, s: int, verb_start: int) -> _Agent | None:
        """"Finansministeren kalder det ..., men afviser, at ...": the sentence subject of a second verb."""
        head = self.text[s:verb_start].rstrip(" ,")
        if not re.search(r"(?:^|\s)(?:og|men|and|but|och|samt|mens|men)$", head, re.IGNORECASE):
            return None
        agent = self._agent_after(s, verb_start)
        if agent is None or len(_WORDS.findall(self.text, s, agent.start)) > 1:
            return None
        if agent.kind == "name" and (self._sentence_word(_WORDS.match(self.text, agent.start))
                                     or self.people.by_name(agent.name or "", agent.start) is None):
            return None  # "Fire måneder efter ... og sagde": not a person
        return agent

    def _reported_clause(self, pos: int, e: int, verb: str, *, bare: bool, pronoun: bool = False) -> int | None:
        """Where the reported clause starts after the verb (and agent), or None if there is none."""
        window = self.text[pos:e]
        first = re.match(r"[ \t]+([^\s,.:;!?]+)", window)
        gap = 0 if _immediate(verb) else \
            7 if first and first.group(1).lower() in qr.GAP_PREPOSITIONS else 4
        m = re.match(rf"(?:[ \t]+[^\s,.:;!?]+){{0,{gap}}}?" + self.pat.complementizer.pattern, window)
        if m and "." not in window[:m.start()]:
            nxt = _TOKEN.match(window, m.end() + len(window[m.end():]) - len(window[m.end():].lstrip()))
            if nxt and nxt.group() in qr.INFINITIVES and m.group().strip(" ,\t").lower() in ("at", "å"):
                return None  # "Kommunen forventer at kunne åbne ...": the infinitive marker, no clause
            # after an explicit "at"/"that" a clause of two words is one ("mener, at beviserne holder")
            return pos + m.end() if len(_TOKEN.findall(window[m.end():])) >= 2 else None
        if bare and verb in self.pat.bare:
            words = window.split()
            opener = words[0].lower() if words else ""
            # "mener det kan bli krevende": "det" before a finite verb is the clause's subject
            expletive = opener == "det" and words[1].lower() in _DET_CLAUSE_VERBS if len(words) > 1 else False
            if len(words) >= 3 and words[0][:1].isalpha() and (
                    opener not in _NOT_CLAUSE_START or pronoun and opener in self.rules.pronouns or expletive):
                return pos + len(window) - len(window.lstrip())
        return None


_DET_CLAUSE_VERBS = frozenset(["kan", "kunne", "vil", "ville", "skal", "skulle", "må", "er", "var", "blir", "bliver",
                               "ble", "blev", "har", "hadde", "havde"])
_PARTY = re.compile(r"[\s,]*(?:\([^)]{1,14}\))?[\s,]*")
_NOT_CLAUSE_START = frozenset(
    ["til", "to", "ja", "nei", "nej", "no", "yes", "noe", "noget", "något", "something", "det", "dette", "that", "this", "han", "hun", "hon", "ho", "he", "she", "dem", "them", "om", "about", "for", "for", "med", "with", "på", "på", "i", "in", "at",
     "on", "during", "under", "efter", "etter", "after", "fra", "frå", "from", "over", "overfor"]
)


def _sentence_end(text: str, s: int, e: int) -> int:
    """End of the sentence without its final punctuation and closing marks."""
    end = e
    while end > s and text[end - 1] in " \t\n.!?":
        end -= 1
    return end


def _norm_cue(cue: str) -> str:
    return " ".join(cue.split()).lower()


def _quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(opening, closing) positions of quotation-mark pairs within one sentence or paragraph."""
    spans, i = [], start
    while i < end:
        ch = text[i]
        closers = qr.QUOTE_PAIRS.get(ch)
        if closers and _opens(text, i):
            j = _closing(text, i + 1, end, closers)
            if j is not None:
                spans.append((i, j))
                i = j + 1
                continue
        i += 1
    return spans


def _opens(text: str, i: int) -> bool:
    """An opening mark: at the start or after space/bracket/dash, and followed by a non-space."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-/:") and not after.isspace()


def _closing(text: str, i: int, end: int, closers: tuple[str, ...]) -> int | None:
    for j in range(i, min(end, i + 800)):
        if text[j] == "\n":
            return None
        if text[j] in closers and not text[j - 1].isspace():
            nxt = text[j + 1] if j + 1 < len(text) else " "
            if not nxt.isalnum():
                return j
    return None


def extract_quotes(
    text: str, language: str, *, title: str | None = None, mentions: list | None = None
) -> list[Quote]:
    """Quotes in ``text`` with speakers resolved to full names, in text order.

    ``language`` is an ISO 639-1 code (da, nb, nn, sv, en; ``no`` means nb); other
    languages get the English rules as a best effort. ``title`` only helps find names.
    ``mentions`` is :func:`newsthread.entities.extract_entities`' result for ``text``
    when the caller has it already; otherwise it is computed when an organisation word
    ("selskabet") needs resolving.
    Offsets are into ``text``; ``paragraph`` counts blank-line paragraphs (or lines when
    the text has no blank lines).
    """
    if not text or not text.strip():
        return []
    return _Reader(text, rules_for(language), title, mentions).run()
