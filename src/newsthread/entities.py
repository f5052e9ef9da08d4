"""Named entities (people, organisations, places) with one canonical name across languages.

No Danish or Norwegian NER model can be installed offline, so this is rules plus data
(see :mod:`newsthread.entity_data` for the tables and ``docs/entities.md`` for the
measured precision and recall). Pure: text in, :class:`Mention` objects out.

How a text is read, in order:

1. Tokens; a token is *capitalised* when its first letter is upper case. Nordic
   languages capitalise little besides names, so a capitalised word that does not
   start a sentence is a name candidate. At a sentence start capitalisation says
   nothing, so the word must also not be a common word (stop word, a lemma simplemma
   knows in lower case, a high wordfreq frequency, or written in lower case elsewhere
   in the same text).
2. Runs of capitalised tokens joined by a space or hyphen ("Jens Stoltenberg",
   "Ellemann-Jensen"), with particles (von der, af) inside.
3. A run ending in an organisation head (Bank, A/S, Universitet) or suffix
   (-partiet, -ministeriet) is one organisation. Otherwise it is cut into the longest
   gazetteer matches (countries, places, organisations, people; also their genitives:
   Ruslands, Natos, FN:s, Stoltenbergs) and unknown stretches.
4. Unknown stretches are typed by cues: all-caps acronym -> ORG; a known first name
   -> PER; a role word or speech verb next to it ("præsident X", "siger X") -> PER;
   a locative preposition or a place-name ending -> LOC; otherwise a single word
   -> PER (in news a lone unknown capitalised word is most often a surname).
5. Within the article, a surname alone takes the canonical name of a full name
   seen in the same article (Stoltenberg -> Jens Stoltenberg).

:class:`EntityCatalog` then does the same across a whole collection.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from .entity_data import (
    COMPOUND_ORG_HEADS,
    ORG_LEADING_ADJECTIVES,
    TOKEN,
    Entry,
    Lexicon,
    load_lexicon,
    spelling_key,
    strip_genitive,
)

__all__ = ["EntityCatalog", "Mention", "extract_entities", "spelling_key"]

NORDIC = frozenset({"da", "nb", "nn", "sv"})
_LANGUAGE_ALIASES = {"no": "nb", "nob": "nb", "nno": "nn", "dan": "da", "swe": "sv", "eng": "en"}
_SENTENCE_GAP = re.compile(r"[.!?:;\n\"“”„«»]|^\s*[-–—]\s+$")
_JOIN_GAP = re.compile(r"^(?: |\u00a0|-|‐)$")
_MATCH_GAP = re.compile(r"^(?: |\u00a0|-|‐|\. ?|/|&| & )$")
_COMMON_ZIPF = 5.0


@dataclass(frozen=True)
class Mention:
    """One entity mention: surface text, character offsets, type and canonical name."""

    text: str
    start: int
    end: int
    type: str
    canonical: str


class _Token:
    """One word of the text (a plain slotted class: built for every word, so kept cheap)."""

    __slots__ = ("capitalised", "end", "gap", "sentence_start", "start", "text")

    def __init__(self, text: str, start: int, end: int, gap: str, sentence_start: bool) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.gap = gap  # the characters between the previous token and this one
        self.sentence_start = sentence_start
        self.capitalised = text[:1].isupper()

    def __repr__(self) -> str:
        return f"_Token({self.text!r}, {self.start}, {self.end}, {self.gap!r}, {self.sentence_start})"


@dataclass(frozen=True)
class _Doc:
    """One text being read: its tokens, language and the words it writes in lower case."""

    text: str
    tokens: list[_Token]
    language: str
    lower_words: frozenset[str]

    @classmethod
    def read(cls, text: str, language: str) -> _Doc:
        tokens = _tokenize(text)
        lower_words = frozenset(token.text for token in tokens if token.text[:1].islower())
        return cls(text, tokens, _language(language), lower_words)


@dataclass(frozen=True)
class _Candidate:
    first: int  # token indexes, inclusive
    last: int
    type: str
    canonical: str
    known: bool  # from a gazetteer: never re-typed by the in-article pass


def _language(language: str) -> str:
    code = (language or "en").lower().split("-")[0].split("_")[0]
    return _LANGUAGE_ALIASES.get(code, code)


def _tokenize(text: str) -> list[_Token]:
    """Tokens with the gap before each and whether a sentence starts there."""
    tokens: list[_Token] = []
    append = tokens.append
    end = 0
    starts_after = _GAP_STARTS_SENTENCE
    for gap, word in _GAP_AND_TOKEN.findall(text):
        start = end + len(gap)
        end = start + len(word)
        starts = starts_after.get(gap)
        if starts is None:
            starts = bool(_SENTENCE_GAP.search(gap))
            if len(starts_after) < 10_000:
                starts_after[gap] = starts
        append(_Token(word, start, end, gap, starts or not tokens))
    return tokens


# TOKEN with the gap before it: a token starts with a letter or digit and swallows every
# letter and digit after it, so what lies between two tokens is [\W_]* (TOKEN has no
# groups, so findall gives (gap, token) pairs).
_GAP_AND_TOKEN = re.compile(rf"([\W_]*)({TOKEN.pattern})")
# gap -> whether a sentence starts after it (a few dozen distinct gaps make up most text)
_GAP_STARTS_SENTENCE: dict[str, bool] = {}


@lru_cache(maxsize=50_000)
def _is_common_word(word: str, language: str) -> bool:
    """True for a capitalised word that is probably just a sentence-initial common word.

    wordfreq and simplemma both fold case, so neither can say "capitalised means name"
    directly. simplemma keeps a capital in the lemma of proper nouns it knows (Rusland),
    which we trust; otherwise a known lower-case lemma, a stop word or a frequent word
    (Zipf >= 5, e.g. "Dermed", "Ifølge") counts as common. Names that are also frequent
    words ("Venstre") are lost at a sentence start: the price of not tagging "Men", "Da".
    """
    import simplemma
    from wordfreq import zipf_frequency

    lower = word.casefold()
    if _is_stopword(word, language):
        return True
    lemma_language = language if language in NORDIC | {"en"} else "en"
    lemma = simplemma.lemmatize(lower, lang=lemma_language)
    if lemma[:1].isupper():
        return False
    if simplemma.is_known(lower, lang=lemma_language):
        return True
    frequency_language = "nb" if language == "nn" else lemma_language
    return zipf_frequency(lower, frequency_language) >= _COMMON_ZIPF


@lru_cache(maxsize=50_000)
def _is_stopword(word: str, language: str) -> bool:
    """A function word (stopwords-iso); never a name, wherever it stands."""
    import stopwordsiso

    stop_language = "no" if language in ("nb", "nn") else language
    return stopwordsiso.has_lang(stop_language) and word.casefold() in stopwordsiso.stopwords(stop_language)


def _lookup(tokens: list[_Token], first: int, stop: int, lexicon: Lexicon) -> tuple[int, Entry] | None:
    """The longest gazetteer match starting at ``first`` and ending before ``stop``."""
    longest = min(lexicon.max_tokens, stop - first)
    if longest > 1:
        # Only the last word of a span is ever changed (genitive) before the look-up, so
        # a span of two or more words needs a first word that starts a multi-word key.
        word = tokens[first].text
        exact_firsts, folded_firsts = lexicon.first_words()
        if word not in exact_firsts and spelling_key(word) not in folded_firsts:
            longest = 1
        else:
            # A span is only looked up when every gap inside it may join a name.
            for offset in range(1, longest):
                if not _match_gap(tokens[first + offset].gap):
                    longest = offset
                    break
    for size in range(longest, 0, -1):
        entry = _lookup_words([token.text for token in tokens[first : first + size]], lexicon)
        if entry:
            return size, entry
    return None


@lru_cache(maxsize=10_000)
def _match_gap(gap: str) -> bool:
    return bool(_MATCH_GAP.match(gap))


def _lookup_words(words: list[str], lexicon: Lexicon) -> Entry | None:
    """Exact look-up, then folded, each also with a genitive stripped from the last word."""
    key = tuple(words)
    memo = lexicon.memo
    try:
        return memo[key]
    except KeyError:
        pass
    entry = _lookup_words_uncached(words, lexicon)
    if len(memo) >= 200_000:
        memo.clear()
    memo[key] = entry
    return entry


def _lookup_words_uncached(words: list[str], lexicon: Lexicon) -> Entry | None:
    last = strip_genitive(words[-1])
    variants = [words] if last == words[-1] else [words, [*words[:-1], last]]
    for variant in variants:
        entry = lexicon.exact.get(tuple(variant))
        if entry:
            return entry
    for variant in variants:
        if len(variant[-1]) > 4 or len(variant) > 1:
            entry = lexicon.folded.get(tuple(spelling_key(word) for word in variant))
            if entry:
                return entry
    return None


def _run_end(tokens: list[_Token], first: int, lexicon: Lexicon) -> int:
    """Index one past the last token of the capitalised run starting at ``first``."""
    end = first + 1
    while end < len(tokens) and (_JOIN_GAP.match(tokens[end].gap) or _is_letter_pair(tokens, end)):
        token = tokens[end]
        if token.capitalised and not token.sentence_start:
            end += 1
        elif particles := _particles(tokens, end, lexicon):
            end += particles + 1
        else:
            break
    return end


def _is_letter_pair(tokens: list[_Token], index: int) -> bool:
    """Single letters around a slash, as in the company forms A/S and A/B."""
    return tokens[index].gap == "/" and len(tokens[index].text) == 1 and len(tokens[index - 1].text) == 1


def _particles(tokens: list[_Token], index: int, lexicon: Lexicon) -> int:
    """How many lower-case particles inside a name start here: "von der Leyen", "Bank of England"."""
    word = tokens[index].text
    head = tokens[index - 1].text.casefold()
    if word in lexicon.words["connectors"]:
        size = 1
        if index + 1 < len(tokens) and tokens[index + 1].text in lexicon.words["second_particles"]:
            size = 2
    elif word in lexicon.words["org_connectors"] and head in lexicon.words["org_heads"]:
        size = 1
    else:
        return 0
    following = index + size
    if following < len(tokens) and tokens[following].capitalised and tokens[following].gap == " ":
        return size
    return 0


def _is_org_name(words: list[str], lexicon: Lexicon) -> bool:
    """Ends in an organisation head word (Bank, A/S, Group) or suffix (-partiet, -ministeriet)."""
    heads = lexicon.words["org_heads"]
    if words[-1].casefold() in heads or strip_genitive(words[-1]).casefold() in heads or (len(words) > 1 and words[-1] == "S" and words[-2] == "A"):
        return True
    if any(word.casefold().endswith(lexicon.endings["org_suffixes"]) for word in words):
        return True
    # "Norsk Sykepleierforbund", "Dansk Cyklistforening": a compound whose head is an organisation word
    last = strip_genitive(words[-1]).casefold()
    return len(words) > 1 and any(last.endswith(head) and len(last) > len(head) + 2 for head in COMPOUND_ORG_HEADS)


def _is_leading_common(tokens: list[_Token], first: int, last: int, language: str, organisation: bool) -> bool:
    """Whether the first word of a stretch is a common word rather than part of the name.

    A stop word mid-sentence in a longer stretch stays ("Ordføraren, Hans Erik Ringheim":
    Hans is also "his"), because Nordic writers would not capitalise it otherwise. In
    an organisation name a head word stays ("Bank of England").
    """
    token = tokens[first]
    word = token.text
    if _is_stopword(word, language) and (token.sentence_start or first == last):
        return True
    if not token.sentence_start or word.isupper() or _is_org_compound(word, load_lexicon()):
        return False
    if organisation and (word.casefold() in load_lexicon().words["org_heads"] or word.casefold() in ORG_LEADING_ADJECTIVES):
        return False  # "Bank of England"; "Norsk Sykepleierforbund" opening a sentence
    return _is_common_word(word, language)


def _is_org_compound(word: str, lexicon: Lexicon) -> bool:
    """A compound ending in an organisation suffix (Energistyrelsen, but not bare Styrelsen)."""
    lower = strip_genitive(word).casefold()
    suffixes = lexicon.endings["org_suffixes"]
    if not lower.endswith(suffixes):  # the common case, in one call
        return False
    return any(lower.endswith(suffix) and len(lower) > len(suffix) + 2 for suffix in suffixes)


def _previous_word(tokens: list[_Token], index: int) -> str:
    return tokens[index - 1].text.casefold() if index > 0 else ""


def _has_role(tokens: list[_Token], first: int, lexicon: Lexicon) -> bool:
    """A role word right before the name, also across a comma ("generalsekretær, Jens ...")."""
    previous = _previous_word(tokens, first)
    if not previous or tokens[first].gap.strip() not in ("", ","):
        return False
    return previous.endswith(lexicon.endings["role_endings"]) or previous in lexicon.words["speech_verbs"]


def _followed_by_speech(tokens: list[_Token], last: int, lexicon: Lexicon) -> bool:
    following = last + 1
    return following < len(tokens) and tokens[following].gap.strip() in ("", ",") and (
        tokens[following].text.casefold() in lexicon.words["speech_verbs"]
    )


def _strip_leading(
    tokens: list[_Token], first: int, last: int, language: str, keep_common: bool = False
) -> tuple[int, bool]:
    """Drop leading non-name words (titles, demonyms, a sentence-initial common word).

    Returns the new first index and whether a role title was among the dropped words,
    which is itself evidence that what follows is a person ("President Joe Biden").
    """
    lexicon = load_lexicon()
    role = False
    while first <= last:
        word = tokens[first].text
        lower = word.casefold()
        if lower.endswith(lexicon.endings["role_endings"]):
            role = True
        elif not (lower in lexicon.words["not_names"] or _is_leading_common(tokens, first, last, language, keep_common)):
            break
        first += 1
    return first, role


def _type_unknown(tokens: list[_Token], first: int, last: int, lexicon: Lexicon, role: bool) -> str | None:
    """Guess the type of an unknown capitalised stretch from cues around and inside it."""
    words = [token.text for token in tokens[first : last + 1]]
    if any(strip_genitive(word).casefold() in lexicon.words["not_names"] for word in words):
        return None
    if _is_org_name(words, lexicon):
        return "ORG"
    bare = strip_genitive(words[0])
    if len(words) == 1 and bare.isupper() and 2 <= len(bare) <= 6 and bare.isalpha():
        return "ORG"
    if len(words) > 1 and spelling_key(words[0]) in lexicon.first_names:
        return "PER"
    if role or _has_role(tokens, first, lexicon) or _followed_by_speech(tokens, last, lexicon):
        return "PER"
    if _previous_word(tokens, first) in lexicon.words["locative_prepositions"]:
        return "LOC"
    if strip_genitive(words[-1]).casefold().endswith(lexicon.endings["place_endings"]):
        return "LOC"
    # A lone unknown word is most often a surname; longer unknown stretches without a
    # first name are as often events or titles ("Steadfast Noon") as names: skip them.
    return "PER" if len(words) == 1 else None


def _surface(text: str, tokens: list[_Token], first: int, last: int) -> str:
    return text[tokens[first].start : tokens[last].end]


def _unknown_canonical(text: str, tokens: list[_Token], first: int, last: int) -> str:
    """The canonical form of a name we do not know: its surface without a genitive clitic.

    A bare Nordic -s is not stripped here (Jonas, Lars, Paris end in s); the in-article
    and collection passes strip it when the shorter form is seen elsewhere.
    """
    surface = _surface(text, tokens, first, last)
    return re.sub(r"(?:['’][sS]|:[a-zåäö]+)$", "", surface)


def _unknown(
    text: str, tokens: list[_Token], first: int, last: int, language: str, organisation: bool = False
) -> _Candidate | None:
    """An unknown stretch as a candidate, or None when nothing name-like is left of it."""
    lexicon = load_lexicon()
    first, role = _strip_leading(tokens, first, last, language, keep_common=organisation)
    while first <= last and len(tokens[last].text) == 1 and not _is_letter_pair(tokens, last):
        # an initial ("Niels W.") is not a name on its own
        last -= 1
    if first > last or tokens[last].text in lexicon.words["connectors"] | lexicon.words["second_particles"]:
        return None  # "Tour de" before "France": a longer name we cannot type, not France
    kind = "ORG" if organisation else _type_unknown(tokens, first, last, lexicon, role)
    if kind is None:
        return None
    return _Candidate(first, last, kind, _unknown_canonical(text, tokens, first, last), known=False)


def _known(doc: _Doc, first: int, size: int, entry: Entry) -> _Candidate | None:
    """A gazetteer match, unless it is a single sentence-initial word used as a common word.

    Gazetteer names are names on purpose, so only a stop word or a word the same text
    also writes in lower case ("Island ..." next to "an island") is dropped; frequency
    alone would lose "China" and "Russland", which wordfreq counts as frequent words.
    """
    token = doc.tokens[first]
    lower_elsewhere = token.text.lower() in doc.lower_words
    if size == 1 and token.sentence_start and (_is_stopword(token.text, doc.language) or lower_elsewhere):
        return None
    return _Candidate(first, first + size - 1, entry.type, entry.canonical, known=True)


def _segment(doc: _Doc, first: int, end: int) -> tuple[list[_Candidate], int]:
    """Cut one capitalised run into gazetteer matches and unknown stretches.

    A gazetteer name may run on into lower-case words ("Det hvite hus", "Svarta havet"),
    so the run can grow; the returned index is where the caller goes on reading.
    """
    lexicon = load_lexicon()
    text, tokens, language = doc.text, doc.tokens, doc.language
    whole = _lookup(tokens, first, end, lexicon)
    words = [token.text for token in tokens[first:end]]
    if end - first > 1 and not (whole and whole[0] == end - first) and _is_org_name(words, lexicon):
        unknown = _unknown(text, tokens, first, end - 1, language, organisation=True)
        return ([unknown] if unknown else []), end
    if whole and whole[1].type == "ORG" and whole[0] < end - first and not _has_first_name(doc, first + whole[0]):
        # "DR Nyheder", "Nordea Markets": a known organisation followed by more capitalised
        # words is a unit of it (a subsidiary or desk), named as written.
        canonical = _unknown_canonical(text, tokens, first, end - 1)
        return [_Candidate(first, end - 1, "ORG", canonical, known=False)], end
    found: list[_Candidate] = []
    pending = first
    index = first
    while index < end:
        match = _lookup(tokens, index, len(tokens), lexicon)
        if not match or _splits_hyphenated(tokens, first, index, index + match[0], end):
            index += 1
            continue
        if pending < index and (candidate := _unknown(text, tokens, pending, index - 1, language)):
            found.append(candidate)
        if candidate := _known(doc, index, match[0], match[1]):
            found.append(candidate)
        index += match[0]
        pending = index
        end = max(end, index)
    if pending < end and (candidate := _unknown(text, tokens, pending, end - 1, language)):
        found.append(candidate)
    return found, end


_HYPHENS = frozenset({"-", "‐"})


def _splits_hyphenated(tokens: list[_Token], first: int, start: int, stop: int, end: int) -> bool:
    """Whether a match from ``start`` to ``stop`` would cut a hyphenated word of the run in two.

    "Anne-Grethe Bisgaard", "Hans-Christian Thomsen": a gazetteer's "Anne" or "Hans" must
    not split a double first name off its person.
    """
    return (start > first and tokens[start].gap in _HYPHENS) or (stop < end and tokens[stop].gap in _HYPHENS)


def _has_first_name(doc: _Doc, index: int) -> bool:
    return index < len(doc.tokens) and spelling_key(doc.tokens[index].text) in load_lexicon().first_names


def _drop_lowercase_elsewhere(doc: _Doc, found: list[_Candidate]) -> list[_Candidate]:
    """Drop unknown sentence-initial single words that the same text also writes in lower case."""
    tokens, lower_words = doc.tokens, doc.lower_words
    return [
        candidate
        for candidate in found
        if candidate.known
        or candidate.first != candidate.last
        or not tokens[candidate.first].sentence_start
        or tokens[candidate.first].text.lower() not in lower_words
    ]


def _resolve_in_article(tokens: list[_Token], found: list[_Candidate]) -> list[_Candidate]:
    """Give a lone surname (or its genitive) the canonical name of a full name in the article.

    Only unambiguous surnames resolve: two Rasmussens in one article stay as written.
    Unknown single words written both with and without a Nordic genitive -s meet too.
    """
    by_surname: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for candidate in found:
        if candidate.type == "PER" and candidate.last > candidate.first:
            by_surname[spelling_key(strip_genitive(tokens[candidate.last].text))].add(("PER", candidate.canonical))
    singles = {spelling_key(c.canonical): c for c in found if c.first == c.last and not c.known}
    resolved = []
    for candidate in found:
        if candidate.first == candidate.last and (candidate.type == "PER" or not candidate.known):
            candidate = _resolve_single(candidate, tokens, by_surname, singles)
        resolved.append(candidate)
    return resolved


def _resolve_single(
    candidate: _Candidate,
    tokens: list[_Token],
    by_surname: dict[str, set[tuple[str, str]]],
    singles: dict[str, _Candidate],
) -> _Candidate:
    word = tokens[candidate.first].text
    for key in dict.fromkeys((spelling_key(candidate.canonical), spelling_key(strip_genitive(word)))):
        options = by_surname.get(key, set())
        if len(options) == 1:
            kind, canonical = next(iter(options))
            return replace(candidate, type=kind, canonical=canonical)
    stem = spelling_key(strip_genitive(word))
    other = singles.get(stem)
    if not candidate.known and other is not None and other is not candidate and stem != spelling_key(word):
        return replace(candidate, type=other.type, canonical=other.canonical)
    return candidate


def extract_entities(text: str, language: str) -> list[Mention]:
    """Find the people, organisations and places in ``text`` written in ``language``.

    ``language`` is an ISO 639-1 code (da, nb, nn, sv, en; "no" means nb); other
    languages get the English common-word checks. Offsets are character offsets into
    ``text``. Deterministic; about 2-3 ms for a 300-word article once the data is loaded.
    """
    doc = _Doc.read(text, language)
    tokens = doc.tokens
    lexicon = load_lexicon()
    found: list[_Candidate] = []
    index = 0
    while index < len(tokens):
        if not tokens[index].capitalised:
            index += 1
            continue
        candidates, index = _segment(doc, index, _run_end(tokens, index, lexicon))
        found.extend(candidates)
    found = _resolve_in_article(tokens, _drop_lowercase_elsewhere(doc, found))
    return [
        Mention(_surface(text, tokens, c.first, c.last), tokens[c.first].start, tokens[c.last].end, c.type, c.canonical)
        for c in found
    ]


class EntityCatalog:
    """Consolidation across a whole collection.

    A name seen in full once resolves its short forms when that is unambiguous in the
    collection ("Stoltenberg" -> "Jens Stoltenberg" unless two known people share the
    surname), and spelling variants of one name (same :func:`spelling_key` per word)
    are shown under their most frequent spelling. Feed it with :meth:`partial_fit` as
    often as you like; :meth:`resolve` and :meth:`entities` always reflect everything
    seen so far. Memory is one small tuple per mention.
    """

    def __init__(self) -> None:
        self._articles: list[list[tuple[str, str, str]]] = []
        self._full_names: dict[str, Counter[str]] = defaultdict(Counter)
        self._spellings: dict[tuple[str, tuple[str, ...]], Counter[str]] = defaultdict(Counter)

    def partial_fit(self, mentions_per_article: Iterable[list[Mention]]) -> EntityCatalog:
        """Add articles, each given as the list of its mentions."""
        for mentions in mentions_per_article:
            self._articles.append([(m.text, m.type, m.canonical) for m in mentions])
            for mention in mentions:
                self._learn(mention)
        return self

    def _learn(self, mention: Mention) -> None:
        words = mention.canonical.split()
        self._spellings[(mention.type, _name_key(mention.canonical))][mention.canonical] += 1
        if mention.type == "PER" and len(words) > 1:
            self._full_names[spelling_key(words[-1])][mention.canonical] += 1

    def resolve(self, mention: Mention) -> Mention:
        """The mention with its collection-wide canonical name (and PER for a resolved surname)."""
        kind, canonical = self._resolve_name(mention.type, mention.canonical, mention.text)
        if (kind, canonical) == (mention.type, mention.canonical):
            return mention
        return replace(mention, type=kind, canonical=canonical)

    def _resolve_name(self, kind: str, canonical: str, surface: str) -> tuple[str, str]:
        if kind == "PER" and " " not in canonical:
            for word in dict.fromkeys((canonical, strip_genitive(canonical), strip_genitive(surface))):
                full = self._unique_full_name(word)
                if full:
                    canonical = full
                    break
        spellings = self._spellings.get((kind, _name_key(canonical)))
        if spellings:
            canonical = max(sorted(spellings), key=spellings.__getitem__)
        return kind, canonical

    def _unique_full_name(self, surname: str) -> str | None:
        names = self._full_names.get(spelling_key(surname))
        return next(iter(names)) if names and len(names) == 1 else None

    def entities(self) -> list[dict]:
        """One record per entity: canonical, type, aliases (surface forms), article_count.

        Sorted by article count, then canonical name.
        """
        records: dict[str, dict] = {}
        for article in self._articles:
            seen: set[str] = set()
            for text, kind, canonical in article:
                kind, canonical = self._resolve_name(kind, canonical, text)
                record = records.setdefault(canonical, {"canonical": canonical, "types": Counter(), "aliases": set()})
                record["types"][kind] += 1
                record["aliases"].add(text)
                seen.add(canonical)
            for canonical in seen:
                records[canonical]["article_count"] = records[canonical].get("article_count", 0) + 1
        return sorted(
            (_entity_record(record) for record in records.values()),
            key=lambda record: (-record["article_count"], record["canonical"]),
        )


def _entity_record(record: dict) -> dict:
    kind = record["types"].most_common(1)[0][0]
    aliases = sorted(record["aliases"])
    return {"canonical": record["canonical"], "type": kind, "aliases": aliases, "article_count": record["article_count"]}


def _name_key(canonical: str) -> tuple[str, ...]:
    """Spelling-variant key of a canonical name; short names (DR, DDR) only match exactly."""
    if len(canonical) <= 4:
        return (canonical,)
    return tuple(spelling_key(word) for word in canonical.split())
