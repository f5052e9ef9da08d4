"""Who said what, across the collection: speakers named one way, statements grouped.

:mod:`newsthread.quotes` finds quotes in one article and :mod:`newsthread.entities`
the names in it. This module joins them for the collection:

* a speaker gets the canonical name of the matching person mention in the article
  (so ``Zelenskyj`` and ``Zelenskij`` are one speaker), and a *speaker key* (the
  spelling key of the surname) that also matches a surname-only attribution in
  another article;
* quotes that render one statement, in one language or several, share a
  ``quote_group``. Two quotes are one statement when their character 4-gram sets
  overlap enough (Danish, Norwegian and Swedish renderings of one sentence share
  most of their 4-grams once diacritics are folded) and they are attributed to the
  same speaker, within ``window_days`` of each other;
* renderings in languages too far apart for shared spelling (English and a Nordic
  language, or a free translation between Nordic languages) are joined by
  language-neutral evidence instead, only among quotes that are already plausible
  (the same speaker, or one event, a few days apart, in different languages): the
  cosine of multilingual-e5 embeddings of the two quote texts when an embedder is
  given (computed for those candidates only, cached), shared numbers and canonical
  entity names (``Rusland``, ``Russland`` and ``Russia`` are one entity), and a small
  bilingual lexicon of content words. Numbers that disagree keep two quotes apart,
  and one article's quotes and one group pair off one to one, best first.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Protocol

import numpy as np

from .embeddings import MODEL_NAME, load_model, text_key, unit_vectors
from .entities import Mention, extract_entities
from .entity_data import spelling_key
from .quotes import Quote

_NON_WORD = re.compile(r"[^\w]+")
_FOLDS = (("æ", "ae"), ("ø", "o"), ("å", "a"), ("ä", "a"), ("ö", "o"), ("ß", "ss"))


def fold(text: str) -> str:
    """Lower case, no diacritics, one space between words: spelling-blind comparison."""
    text = text.casefold()
    for source, target in _FOLDS:
        text = text.replace(source, target)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    return _NON_WORD.sub(" ", text).strip()


@lru_cache(maxsize=100_000)
def char_grams(text: str, n: int = 4) -> frozenset[str]:
    padded = f" {fold(text)} "
    return frozenset(padded[i : i + n] for i in range(len(padded) - n + 1))


def statement_similarity(a: str, b: str) -> float:
    """Jaccard index of folded character 4-grams."""
    ga, gb = char_grams(a), char_grams(b)
    if not ga or not gb:
        return 0.0
    return len(ga & gb) / len(ga | gb)


def speaker_key(name: str | None) -> str | None:
    """The spelling key of the surname: ``Jens Stoltenberg`` and ``Stoltenberg`` meet."""
    if not name:
        return None
    words = name.split()
    return spelling_key(words[-1]) if words else None


def canonical_speaker(quote: Quote, mentions: list[Mention]) -> str | None:
    """The speaker's canonical person name from the article's mentions, else as written."""
    if not quote.speaker:
        return None
    key = speaker_key(quote.speaker)
    words = quote.speaker.split()
    keys = [spelling_key(word) for word in words]
    for mention in mentions:
        if mention.type != "PER":
            continue
        canonical = mention.canonical.split()
        if len(words) == 1:
            # A surname alone takes the full name (or a respelling of itself).
            if mention.text == quote.speaker or speaker_key(mention.canonical) == key:
                return mention.canonical
        elif [spelling_key(word) for word in canonical] == keys:
            # A full name takes only a respelling of itself, word for word: never a longer
            # mention ("Chief Executive Johan Ekström" carries a title), nor another person
            # with the same surname ("Kim Fogh Rasmussen" is not "Anders Fogh Rasmussen").
            return mention.canonical
    return quote.speaker


# -- language-neutral evidence -----------------------------------------------------------

_FAMILIES = {"da": "nordic", "nb": "nordic", "nn": "nordic", "no": "nordic", "sv": "nordic", "en": "en"}



def _lexicon_sections() -> tuple[frozenset[str], list[str]]:
    """Function words (never evidence) and sense lines of ``data/quotes/cross_language_lexicon.txt``."""
    text = resources.files("newsthread").joinpath("data", "quotes", "cross_language_lexicon.txt").read_text(
        encoding="utf-8"
    )
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif line and not line.startswith("#"):
            current.append(line)
    words = frozenset(word for line in sections.get("function words", []) for word in line.split())
    return words, sections.get("senses", [])


# Folded function words of English and the Scandinavian languages, and a small bilingual
# lexicon of folded stems, one sense per line.
_FUNCTION_WORDS, _LEXICON_LINES = _lexicon_sections()


def _parse_lexicon(text: str) -> dict[str, str]:
    stems: dict[str, str] = {}
    for line in text.strip().splitlines():
        sense, _, words = line.partition(":")
        for stem in words.split():
            stems.setdefault(fold(stem), sense.strip())
    return stems


_LEXICON = _parse_lexicon("\n".join(_LEXICON_LINES))
_MIN_STEM = 3

# "9 000", "9.000" and "9,000" are one number (a space groups thousands in Swedish and Norwegian).
_NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]\d)|\d+(?:[.,]\d+)*")
# Number words of 2 to 12 and round tens, folded; Nordic ones only count in Nordic text
# ("fire" is four in Norwegian, "to" two in Danish).
_NUMBER_WORDS_EN = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
    "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20", "thirty": "30", "hundred": "100",
}
_NUMBER_WORDS_NORDIC = {
    "to": "2", "tva": "2", "tre": "3", "fire": "4", "fyra": "4", "fem": "5", "seks": "6", "sex": "6",
    "syv": "7", "sju": "7", "otte": "8", "atte": "8", "atta": "8", "ni": "9", "nio": "9", "ti": "10",
    "tio": "10", "elleve": "11", "elva": "11", "tolv": "12", "tyve": "20", "tjue": "20", "tjugo": "20",
    "tredive": "30", "tretti": "30", "trettio": "30", "hundrede": "100", "hundre": "100", "hundra": "100",
}
_NUMBER_WORDS = {**_NUMBER_WORDS_EN, **_NUMBER_WORDS_NORDIC}


def language_family(language: str | None) -> str | None:
    """``nordic`` for da/nb/nn/no/sv, ``en`` for English, else the code itself."""
    if not language:
        return None
    code = language.lower().split("-")[0].split("_")[0]
    return _FAMILIES.get(code, code)


_ENGLISH_MARKERS = frozenset(["the", "and", "of", "is", "are", "will", "would", "we", "our", "they", "this", "that", "with", "have", "has", "be", "not"])
_NORDIC_MARKERS = frozenset(["og", "och", "er", "ar", "vi", "vil", "ska", "skal", "det", "att", "at", "ikke", "inte", "som", "med", "til", "till", "har", "pa"])


def guess_language(text: str) -> str:
    """``en`` or ``nordic`` from function words: enough to tell which comparison applies."""
    words = fold(text).split()
    english = sum(word in _ENGLISH_MARKERS for word in words)
    nordic = sum(word in _NORDIC_MARKERS for word in words)
    return "en" if english > nordic else "nordic"


@lru_cache(maxsize=50_000)
def numbers(text: str, family: str | None = None) -> frozenset[str]:
    """Numbers in a quote, digits and small number words alike (``1,5`` = ``1.5``, ``tolv`` = ``12``)."""
    found = set()
    for match in _NUMBER.finditer(text):
        value = match.group()
        if re.fullmatch(r"\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+", value):
            value = re.sub(r"[ \u00a0\u202f.,]", "", value)  # thousands
        found.add(value.replace(",", "."))
    words = _NUMBER_WORDS_EN if family == "en" else _NUMBER_WORDS_NORDIC if family == "nordic" else _NUMBER_WORDS
    for word in fold(text).split():
        if word in words and not (word == "to" and family is None):
            found.add(words[word])
    return frozenset(found)


@lru_cache(maxsize=50_000)
def entity_names(text: str, language: str) -> frozenset[str]:
    """Canonical names of the entities in a quote: the same in every language."""
    return frozenset(mention.canonical for mention in extract_entities(text, language))


@lru_cache(maxsize=50_000)
def senses(text: str) -> frozenset[str]:
    """Content words as lexicon senses, or as a 5-letter cognate prefix when not listed."""
    found = set()
    for word in fold(text).split():
        if word in _FUNCTION_WORDS or word in _NUMBER_WORDS or word.isdigit() or len(word) < 3:
            continue
        sense = None
        for end in range(len(word), _MIN_STEM - 1, -1):
            sense = _LEXICON.get(word[:end])
            if sense:
                break
        found.add(f"={sense}" if sense else word[:5])
    return frozenset(found)


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


@dataclass
class Evidence:
    """What two renderings in different languages share, language-neutrally."""

    cosine: float | None
    lexicon: float
    numbers_shared: int
    numbers_clash: bool
    entities: float
    length_ratio: float


def evidence(
    a: str, a_language: str, b: str, b_language: str, cosine: float | None = None
) -> Evidence:
    fa, fb = language_family(a_language), language_family(b_language)
    na, nb = numbers(a, fa), numbers(b, fb)
    ea, eb = entity_names(a, a_language), entity_names(b, b_language)
    la, lb = len(a.split()), len(b.split())
    return Evidence(
        cosine=cosine,
        lexicon=_dice(senses(a), senses(b)),
        numbers_shared=len(na & nb),
        numbers_clash=bool(na and nb and not (na <= nb or nb <= na)),  # one may leave a number out
        entities=_dice(ea, eb) if ea and eb else 0.0,
        length_ratio=min(la, lb) / max(la, lb) if la and lb else 0.0,
    )


# -- quote embeddings -----------------------------------------------------------------------


class TextVectorStore(Protocol):
    """Where quote vectors outlive the process (``SQLiteStore`` has these two methods)."""

    def cached_text_embeddings(self, model: str, keys: list[str]) -> dict[str, np.ndarray]: ...

    def save_text_embeddings(self, model: str, vectors: dict[str, np.ndarray]) -> None: ...


class QuoteEmbedder:
    """multilingual-e5 vectors of quote texts, computed in batches, kept by text hash.

    Only candidates of a cross-language comparison are embedded, each text once while
    it stays in the cache (the ``max_cached`` most recent, about 1.5 kB each); with a
    ``store``, vectors are also kept there by text hash, so a later process looks them up
    instead of computing them again;
    ``texts``, ``seconds`` and ``cpu_seconds`` count what was computed, so the cost can
    be reported. ``encode`` replaces the model (tests).
    """

    def __init__(
        self, *, batch_size: int = 16, max_words: int = 60, max_cached: int = 50_000,
        encode: Callable[[list[str]], np.ndarray] | None = None, store: TextVectorStore | None = None,
    ) -> None:
        self.batch_size = batch_size
        self.max_words = max_words
        self.max_cached = max_cached
        self._encode = encode
        self.store = store
        self.model = f"{MODEL_NAME}/query/{max_words}w"  # what a stored vector was computed with
        self.memory: dict[str, np.ndarray] = {}
        self.texts = 0
        self.seconds = 0.0
        self.cpu_seconds = 0.0

    key = staticmethod(text_key)

    def _encoder(self) -> Callable[[list[str]], np.ndarray]:
        if self._encode is None:
            self._encode = load_model().query  # symmetric comparison: both sides as queries
        return self._encode

    def embed(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """Unit vectors keyed by text; computes only those not cached."""
        keys = {text: self.key(text) for text in texts}
        missing = [t for t, k in keys.items() if k not in self.memory]
        if missing and self.store is not None:
            self.memory.update(self.store.cached_text_embeddings(self.model, [keys[t] for t in missing]))
            missing = [t for t in missing if keys[t] not in self.memory]
        if missing:
            started, started_cpu = time.perf_counter(), time.process_time()
            shortened = [" ".join(t.split()[: self.max_words]) for t in missing]
            matrix = unit_vectors(self._encoder(), shortened, self.batch_size)
            computed = {keys[text]: row for text, row in zip(missing, matrix, strict=True)}
            self.memory.update(computed)
            if self.store is not None:
                self.store.save_text_embeddings(self.model, computed)
            self.texts += len(missing)
            self.seconds += time.perf_counter() - started
            self.cpu_seconds += time.process_time() - started_cpu
        found = {t: self.memory[k] for t, k in keys.items()}
        while len(self.memory) > self.max_cached:
            del self.memory[next(iter(self.memory))]  # the oldest first
        return found


# -- grouping ---------------------------------------------------------------------------------


@dataclass
class StoredQuote:
    """A quote already in the store, as the grouper needs it."""

    id: int
    article_id: int
    text: str
    speaker_key: str | None
    day: float | None
    group: int
    language: str | None = None


@dataclass
class NewQuote:
    """A quote of the article being grouped."""

    text: str
    speaker_key: str | None
    day: float | None
    candidates: list[StoredQuote] = field(default_factory=list)


class StatementGrouper:
    """Decides the ``quote_group`` of a new quote among earlier quotes.

    Parameters
    ----------
    threshold:
        Minimum 4-gram Jaccard for two quotes by the same speaker to be one
        statement. Translations between Danish and Norwegian score about 0.3 to
        0.55, different statements by the same person below 0.25.
    unknown_speaker_threshold:
        The same when one side has no resolved speaker ("Nato-sjefen" never tied to
        a name). Such a quote is only compared with quotes of its own event, which
        is what keeps this from grouping look-alike sentences at random.
    min_words:
        Shorter quotes (a partial quote of one or two words) only group when
        their folded text is identical: "farlig" is not a statement.
    window_days:
        Dated quotes further apart are never one statement.
    embedder:
        A :class:`QuoteEmbedder`; without one, the cross-language comparison uses the
        lexicon, numbers and entities only (and joins fewer renderings).
    cross_threshold, cross_threshold_related, cross_threshold_lexical:
        The score (see :meth:`cross_score`) a pair in two languages needs: with
        embeddings, English and a Nordic language; with embeddings, two Nordic
        languages (their embeddings are close anyway: different statements by one
        speaker reach 0.89, free translations that the spelling test misses 0.97);
        without embeddings, any two languages. Picked on the ``tune`` split of
        ``tests/data/quote_groups.jsonl``: English pairs score 0.88 to 0.99 there,
        different statements at most 0.86; without embeddings 0.06 to 0.6 and at
        most 0.18.
    cross_window_days:
        Renderings in different languages of one statement are reported within days.
    cross_min_words:
        Shorter quotes are never compared across languages.
    max_cross_candidates:
        At most this many earlier quotes (the nearest in time) are compared with
        one new quote across languages, which bounds the embedding cost.
    """

    def __init__(
        self,
        *,
        threshold: float = 0.28,
        unknown_speaker_threshold: float = 0.28,
        min_words: int = 4,
        window_days: float = 30.0,
        embedder: QuoteEmbedder | None = None,
        cross_threshold: float = 0.89,
        cross_threshold_related: float = 0.93,
        cross_threshold_lexical: float = 0.22,
        cross_window_days: float = 3.0,
        cross_min_words: int = 6,
        max_cross_candidates: int = 40,
    ) -> None:
        self.threshold = threshold
        self.unknown_speaker_threshold = unknown_speaker_threshold
        self.min_words = min_words
        self.window_days = window_days
        self.embedder = embedder
        self.cross_threshold = cross_threshold
        self.cross_threshold_related = cross_threshold_related
        self.cross_threshold_lexical = cross_threshold_lexical
        self.cross_window_days = cross_window_days
        self.cross_min_words = cross_min_words
        self.max_cross_candidates = max_cross_candidates
        self.cross_comparisons = 0  # pairs scored across languages, for cost reports

    def best_group(
        self, text: str, key: str | None, day: float | None, candidates: list[StoredQuote],
        language: str | None = None,
    ) -> int | None:
        """The group of one new quote (see :meth:`group_article` for a whole article's)."""
        return self.group_article([NewQuote(text, key, day, candidates)], language)[0]

    def group_article(self, quotes: list[NewQuote], language: str | None = None) -> list[int | None]:
        """Groups of one article's quotes: by shared spelling first, then across languages.

        The cross-language step pairs the article's still ungrouped quotes with earlier
        quotes in other languages one to one, best score first: one article does not
        render one statement twice, nor one statement two of its quotes.
        """
        groups = [self._lexical_group(q) for q in quotes]
        if language is None or not any(g is None for g in groups):
            return groups
        pairs = self._cross_pairs(quotes, groups, language)
        taken_groups = {g for g in groups if g is not None}
        for score, index, group in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
            if groups[index] is None and group not in taken_groups:
                groups[index] = group
                taken_groups.add(group)
        return groups

    # -- same spelling ------------------------------------------------------------------------
    def _lexical_group(self, quote: NewQuote) -> int | None:
        best, best_score = None, 0.0
        for other in quote.candidates:
            if quote.day is not None and other.day is not None and abs(quote.day - other.day) > self.window_days:
                continue
            score = self._score(quote.text, quote.speaker_key, other)
            if score > best_score:
                best, best_score = other.group, score
        return best

    def _score(self, text: str, key: str | None, other: StoredQuote) -> float:
        if len(text.split()) < self.min_words or len(other.text.split()) < self.min_words:
            return 1.0 if fold(text) == fold(other.text) and key == other.speaker_key else 0.0
        similarity = statement_similarity(text, other.text)
        same_speaker = key is not None and key == other.speaker_key
        needed = self.threshold if same_speaker else self.unknown_speaker_threshold
        if not same_speaker and key is not None and other.speaker_key is not None:
            return 0.0  # two different named speakers never share a statement
        return similarity if similarity >= needed else 0.0

    # -- across languages ---------------------------------------------------------------------
    def _cross_candidates(self, quote: NewQuote, language: str) -> list[StoredQuote]:
        if len(quote.text.split()) < self.cross_min_words:
            return []
        found = []
        for other in quote.candidates:
            if len(other.text.split()) < self.cross_min_words:
                continue
            if quote.speaker_key is not None and other.speaker_key is not None and quote.speaker_key != other.speaker_key:
                continue
            if quote.day is not None and other.day is not None and abs(quote.day - other.day) > self.cross_window_days:
                continue
            other_language = other.language or guess_language(other.text)
            if _same_language(language, other_language):
                continue  # one language: the spelling comparison has had its say
            found.append(other)
        if quote.day is not None:
            found.sort(key=lambda o: abs(o.day - quote.day) if o.day is not None else self.cross_window_days)
        return found[: self.max_cross_candidates]

    def _cross_pairs(self, quotes: list[NewQuote], groups: list[int | None], language: str) -> list[tuple]:
        wanted = {
            index: self._cross_candidates(quote, language)
            for index, quote in enumerate(quotes)
            if groups[index] is None
        }
        wanted = {index: found for index, found in wanted.items() if found}
        if not wanted:
            return []
        vectors: dict[str, np.ndarray] = {}
        if self.embedder is not None:
            texts = [quotes[i].text for i in wanted] + [o.text for found in wanted.values() for o in found]
            vectors = self.embedder.embed(texts)
        pairs = []
        for index, found in wanted.items():
            quote = quotes[index]
            self.cross_comparisons += len(found)
            for other in found:
                other_language = other.language or guess_language(other.text)
                cosine = None
                if vectors:
                    cosine = float(vectors[quote.text] @ vectors[other.text])
                facts = evidence(quote.text, language, other.text, other_language, cosine)
                score = self.cross_score(facts)
                named = quote.speaker_key is not None and other.speaker_key is not None
                if cosine is None:
                    needed = self.cross_threshold_lexical
                elif language_family(language) == language_family(other_language):
                    needed = self.cross_threshold_related
                else:
                    needed = self.cross_threshold
                if not named:
                    needed += 0.03 if cosine is not None else 0.1
                if score >= needed:
                    pairs.append((score, index, other.group))
        return pairs

    @staticmethod
    def cross_score(facts: Evidence) -> float:
        """One number for a cross-language pair; 0 when the numbers disagree."""
        if facts.numbers_clash or facts.length_ratio < 0.4:
            return 0.0
        bonus = 0.5 * facts.lexicon + 0.05 * min(facts.numbers_shared, 2) + 0.1 * facts.entities
        if facts.cosine is None:
            return bonus
        return facts.cosine + 0.1 * bonus


def _same_language(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    norm = {"no": "nb"}
    a, b = a.lower(), b.lower()
    if "nordic" in (a, b):  # a guess from the text: only the family is known
        return language_family(a) == language_family(b)
    return norm.get(a, a) == norm.get(b, b)
