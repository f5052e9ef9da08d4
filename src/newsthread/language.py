"""Language identification, Nordic-aware.

Two stages:

1. ``py3langid`` (a naive-Bayes byte n-gram model covering ~140 languages) picks
   the language. Its Norwegian label ``no`` is reported as ``nb``; ``no`` is never
   returned.
2. When the winner is one of the close Scandinavian languages (Danish, Bokmål,
   Nynorsk, Swedish) a dedicated linear classifier re-decides among them. Its input
   is the lower-cased letters-only text and it combines

   * hashed character 1-5-grams and words (weights trained by
     ``scripts/train_langid.py``),
   * word-frequency evidence from ``wordfreq`` (da, nb, sv lists),
   * dictionary-membership evidence derived from ``simplemma``'s da/nb/nn/sv
     lemma dictionaries (stored as 32-bit hashes, no word list is shipped),
   * a handful of closed-class marker words per language (data below),
   * py3langid's own scores for da/no/nn/sv.

   The classifier is K linear SVMs trained K-fold (each on (K-1)/K of the data, so
   every training sentence can be measured by a model that never saw it); new text
   is scored with their average, i.e. one linear model with averaged weights. See
   ``docs/language.md``.

The model artefact lives in ``newsthread/data/langid_nordic.npz`` and is loaded
lazily, once. Without it (or with ``nordic_refinement=False``) stage 1 alone is
used. Everything is offline.
"""

from __future__ import annotations

import hashlib
import math
import operator
import re
import threading
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache, reduce
from pathlib import Path

import numpy as np

__all__ = [
    "NORDIC",
    "LanguageGuess",
    "LanguageIdentifier",
    "identify_language",
    "normalise_language_code",
]

NORDIC: tuple[str, ...] = ("da", "nb", "nn", "sv")
MODEL_PATH = Path(__file__).resolve().parent / "data" / "langid_nordic.npz"

#: characters of text looked at (whole articles are capped for speed)
MAX_CHARS = 2000
#: the Nordic classifier looks at fewer characters; a few sentences decide
NORDIC_MAX_CHARS = 1000

# py3langid code <-> our code
_TO_P3 = {"nb": "no"}
_FROM_P3 = {"no": "nb", "zxx": "und"}


@dataclass(frozen=True)
class LanguageGuess:
    code: str  # ISO 639-1 where one exists ('nb'/'nn', never 'no'); 'und' if undecidable
    confidence: float  # 0..1


# ---------------------------------------------------------------------------
# declared codes
# ---------------------------------------------------------------------------

_CODE_ALIASES = {
    "no": "nb", "nor": "nb", "nob": "nb", "nb": "nb", "bokmal": "nb", "bokmål": "nb",
    "norwegian": "nb", "norsk": "nb",
    "nn": "nn", "nno": "nn", "nynorsk": "nn",
    "da": "da", "dan": "da", "dk": "da", "danish": "da", "dansk": "da",
    "sv": "sv", "swe": "sv", "swedish": "sv", "svenska": "sv",
    "en": "en", "eng": "en", "english": "en",
    "de": "de", "deu": "de", "ger": "de", "german": "de",
    "fr": "fr", "fra": "fr", "fre": "fr", "french": "fr",
    "es": "es", "spa": "es", "spanish": "es",
    "fi": "fi", "fin": "fi", "is": "is", "isl": "is", "ice": "is", "fo": "fo", "fao": "fo",
    "nl": "nl", "nld": "nl", "dut": "nl", "it": "it", "ita": "it", "pt": "pt", "por": "pt",
    "pl": "pl", "pol": "pl", "ru": "ru", "rus": "ru", "uk": "uk", "ukr": "uk",
    "tr": "tr", "tur": "tr", "ar": "ar", "ara": "ar", "zh": "zh", "zho": "zh", "chi": "zh",
    "et": "et", "est": "et", "lv": "lv", "lav": "lv", "lt": "lt", "lit": "lt",
    "sme": "se",  # explicit Northern Sami
}


def normalise_language_code(code: str | None) -> str | None:
    """Map a declared language code ('no', 'nb-NO', 'dan', 'sv_SE', 'en-US') to ISO 639-1.

    Norwegian without a variant ('no', 'nor', 'no-NO') becomes 'nb'. Unknown or
    empty codes give ``None``.
    """
    if not code or not isinstance(code, str):
        return None
    c = code.strip().lower().replace("_", "-")
    if not c:
        return None
    if c in _CODE_ALIASES:
        return _CODE_ALIASES[c]
    primary = c.split("-", 1)[0].strip()
    if primary in ("no", "nor") and any(p in ("nn", "nno") for p in c.split("-")[1:]):
        return "nn"  # e.g. 'no-nn'
    if primary in _CODE_ALIASES:
        return _CODE_ALIASES[primary]
    if len(primary) == 2 and primary.isalpha() and primary in _p3_labels():
        return primary
    return None


@lru_cache(maxsize=1)
def _p3_labels() -> frozenset[str]:
    try:
        ident = _p3_identifier()
    except (ImportError, OSError):  # pragma: no cover - py3langid missing
        return frozenset()
    return frozenset(ident.labels)


# ---------------------------------------------------------------------------
# text normalisation and features (shared with scripts/train_langid.py)
# ---------------------------------------------------------------------------

_NON_LETTERS = re.compile(r"[\W\d_]+", re.UNICODE)


def normalise_text(text: str) -> str:
    """NFC, lower case, letters only (digits and punctuation become spaces), single spaces.

    This is how the NordicDSL data is cleaned, and it makes cased, punctuated news
    look like the training data.
    """
    text = unicodedata.normalize("NFC", text).lower()
    return " ".join(_NON_LETTERS.sub(" ", text).split())


def cap_text(text: str, limit: int) -> str:
    """At most about ``limit`` characters, cut at a space."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit]


def sentence_hash(text: str) -> int:
    """64-bit hash of a normalised sentence (used to list training sentences)."""
    digest = hashlib.blake2b(normalise_text(text).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def word_hash32(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


_M1 = np.uint64(0x9E3779B97F4A7C15)
_M2 = np.uint64(0xBF58476D1CE4E5B9)
_SALTS = [np.uint64((0x632BE59BD9B4E019 * (n + 1)) & 0xFFFFFFFFFFFFFFFF) for n in range(8)]
_WORD_SALT = 0x5BD1E995


def hashed_ngram_ids(norm: str, bits: int, nmax: int = 5) -> np.ndarray:
    """Bucket ids (``< 2**bits``) of char 1..nmax-grams of ``' ' + norm + ' '`` and of its words."""
    if not norm:
        return np.zeros(0, dtype=np.int64)
    s = " " + norm + " "
    c = np.frombuffer(s.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    shift = np.uint64(64 - bits)
    parts = []
    h = c.copy()
    with np.errstate(over="ignore"):
        for n in range(1, nmax + 1):
            if n > 1:
                if len(h) <= 1:
                    break
                h = h[:-1] * _M1 + c[n - 1 :]
            x = (h ^ _SALTS[n]) * _M2
            x ^= x >> np.uint64(31)
            x = x * _M1
            parts.append((x >> shift).astype(np.int64))
    mask = (1 << bits) - 1
    words = norm.split()
    cache = _WORD_NGRAM_HASH
    if len(cache) > _WORD_CACHE_MAX:
        cache.clear()
    hashes = []
    for w in words:
        h = cache.get(w)
        if h is None:
            h = cache[w] = zlib.crc32(w.encode("utf-8"), _WORD_SALT) * 2654435761 >> 7
        hashes.append(h & mask)
    parts.append(np.array(hashes, dtype=np.int64))
    return np.concatenate(parts)


# Speed only: per-word values that do not change (words repeat across texts).
_WORD_CACHE_MAX = 300_000
_WORD_NGRAM_HASH: dict[str, int] = {}


def sparse_features(norm: str, bits: int) -> tuple[np.ndarray, np.ndarray]:
    """(ids, values): log(1+count) TF, L2-normalised."""
    ids = hashed_ngram_ids(norm, bits)
    if ids.size == 0:
        return ids, np.zeros(0, dtype=np.float32)
    uniq, counts = np.unique(ids, return_counts=True)
    vals = np.log1p(counts.astype(np.float32))
    vals /= np.sqrt(np.dot(vals, vals))
    return uniq, vals


# Closed-class words and frequent forms that mark one of the four languages.
# Hand-written data (no corpus text). A word may mark more than one language.
MARKERS: dict[str, tuple[str, ...]] = {
    "nn": ["ikkje", "eg", "meg", "frå", "kva", "kven", "kvar", "korleis", "kvifor", "kvi", "vart", "vert", "vore", "vere", "dei", "deira", "ho", "henne", "berre", "mykje", "eit", "ein", "noko", "nokon", "nokre", "sjølv", "sjølve", "saman", "eiga", "eige", "eigne", "fleire", "høyrer", "ligg", "budde", "fødd", "døydde", "gjekk", "fekk", "seier", "sa", "heile", "heilt", "mellom", "endå", "framleis", "òg", "enno", "dessutan", "kyrkje", "kyrkja", "veg", "vegen", "byen", "elva", "òg", "medan", "sidan", "attende", "difor", "likevel", "fyrst", "første", "slik", "slike", "mange", "ymse", "einast", "aldri", "alltid", "noko", "utan"],
    "nb": ["ikke", "jeg", "fra", "hva", "hvem", "hvor", "hvordan", "hvorfor", "ble", "blir", "vært", "være", "de", "deres", "hun", "henne", "bare", "mye", "et", "en", "noe", "noen", "selv", "selve", "sammen", "egen", "eget", "egne", "flere", "hører", "ligger", "bodde", "født", "døde", "gikk", "fikk", "sier", "hele", "helt", "mellom", "ennå", "fortsatt", "også", "dessuten", "kirke", "kirken", "vei", "veien", "etter", "av", "nå", "mens", "siden", "tilbake", "derfor", "likevel", "først", "slik", "mange", "uten"],
    "da": ["ikke", "jeg", "fra", "hvad", "hvem", "hvor", "hvordan", "hvorfor", "blev", "bliver", "blive", "været", "være", "de", "deres", "hun", "hende", "kun", "meget", "et", "en", "noget", "nogen", "nogle", "selv", "sammen", "egen", "eget", "egne", "flere", "hører", "ligger", "boede", "født", "døde", "gik", "fik", "siger", "hele", "helt", "mellem", "endnu", "stadig", "også", "desuden", "kirke", "kirken", "vej", "vejen", "efter", "af", "nu", "mens", "siden", "tilbage", "derfor", "alligevel", "først", "sådan", "mange", "uden", "sig", "mig", "dig", "os", "jer", "havde", "skulle", "kunne", "ville", "man"],
    "sv": ["inte", "jag", "från", "vad", "vem", "var", "hur", "varför", "blev", "blir", "varit", "vara", "de", "deras", "hon", "henne", "bara", "mycket", "ett", "en", "något", "några", "själv", "tillsammans", "egen", "eget", "egna", "fler", "flera", "hör", "ligger", "bodde", "född", "dog", "gick", "fick", "säger", "hela", "helt", "mellan", "ännu", "fortfarande", "också", "dessutom", "kyrka", "kyrkan", "väg", "vägen", "efter", "av", "nu", "medan", "sedan", "tillbaka", "därför", "ändå", "först", "sådan", "många", "utan", "och", "som", "är", "att", "den", "det", "till", "med", "för", "på"],
}


def _marker_table() -> dict[str, np.ndarray]:
    table: dict[str, np.ndarray] = {}
    for i, lang in enumerate(NORDIC):
        for w in MARKERS[lang]:
            v = table.setdefault(w, np.zeros(len(NORDIC), dtype=np.float32))
            v[i] = 1.0
    # a marker shared by every language says nothing; a shared one says less
    for w, v in table.items():
        s = v.sum()
        table[w] = v / s if s < len(NORDIC) else v * 0
    return table


_MARKERS_T = None
_WF = None
_WF_LOCK = threading.Lock()
WF_LANGS = ("da", "nb", "sv")


def _wordfreq_tables() -> dict[str, tuple[dict, float]]:
    """wordfreq frequency dicts for da/nb/sv with their floor (smallest listed value)."""
    global _WF
    if _WF is None:
        with _WF_LOCK:
            if _WF is None:
                tables = {}
                try:
                    import wordfreq

                    for lang in WF_LANGS:
                        d = wordfreq.get_frequency_dict(lang, "best")  # positional: shares the cache with zipf_frequency
                        floor = min(d.values()) if d else 1e-8
                        tables[lang] = (d, floor)
                except (ImportError, OSError, ValueError, LookupError):  # pragma: no cover
                    tables = {}
                _WF = tables
    return _WF


N_PATTERNS = 16  # dictionary-membership patterns over (da, nb, nn, sv)


def dense_features(
    norm: str,
    p3_scores: np.ndarray | None,
    lex_hashes: np.ndarray | None,
    lex_patterns: np.ndarray | None,
) -> np.ndarray:
    """Hand-built sentence features (fixed order, see ``DENSE_NAMES``)."""
    global _MARKERS_T
    if _MARKERS_T is None:
        _MARKERS_T = _marker_table()
    words = norm.split()
    n = max(len(words), 1)
    out = np.zeros(len(DENSE_NAMES), dtype=np.float32)
    k = 0
    # wordfreq: mean log10 frequency (floored) and coverage
    wf = _wordfreq_tables()
    # one row per word: log10 frequency and hit per WF_LANGS language, crc32, marker vector
    columns = list(zip(*_word_rows(words, wf))) if words else []
    for j, lang in enumerate(WF_LANGS):
        if lang in wf and words:
            # a left-to-right sum, the same floating-point additions as a plain loop
            lf = reduce(operator.add, columns[j], 0.0)
            hit = sum(columns[len(WF_LANGS) + j])
            out[k] = (lf / n + 9.0) / 4.0
            out[k + 1] = hit / n
        k += 2
    # pairwise mean log-frequency differences (da-nb, da-sv, nb-sv)
    out[k] = out[0] - out[2]
    out[k + 1] = out[0] - out[4]
    out[k + 2] = out[2] - out[4]
    k += 3
    # dictionary membership patterns
    if lex_hashes is not None and lex_hashes.size and words:
        hs = np.array(columns[2 * len(WF_LANGS)], dtype=np.uint32)
        pos = np.searchsorted(lex_hashes, hs)
        pos[pos >= lex_hashes.size] = 0
        found = lex_hashes[pos] == hs
        pats = np.where(found, lex_patterns[pos], 0).astype(np.int64)
        counts = np.bincount(pats, minlength=N_PATTERNS)[:N_PATTERNS]
        out[k : k + N_PATTERNS] = counts / n
    k += N_PATTERNS
    # marker words
    m = np.zeros(len(NORDIC), dtype=np.float32)
    for v in columns[2 * len(WF_LANGS) + 1] if words else ():
        if v is not None:
            m += v
    out[k : k + 4] = m / math.sqrt(n)
    k += 4
    # py3langid scores relative to the best, per sqrt(byte)
    if p3_scores is not None:
        out[k : k + 4] = p3_scores
    k += 4
    out[k] = 1.0 / math.sqrt(n)  # short texts are less certain
    return out


_WORD_ROWS: dict[str, tuple] = {}
_WORD_ROWS_TABLES: dict | None = None


def _word_rows(words: list[str], wf: dict[str, tuple[dict, float]]) -> list[tuple]:
    """Per word, the values :func:`dense_features` adds up, computed once per word.

    (log10 frequency or the floored value, per WF_LANGS language; 1/0 hit per language;
    :func:`word_hash32`; the marker vector or None).
    """
    global _WORD_ROWS_TABLES
    rows = _WORD_ROWS
    if len(rows) > _WORD_CACHE_MAX or _WORD_ROWS_TABLES is not wf:
        rows.clear()
        _WORD_ROWS_TABLES = wf  # the tables the cached rows were computed with
    out = []
    for w in words:
        row = rows.get(w)
        if row is None:
            logs, hits = [], []
            for lang in WF_LANGS:
                if lang in wf:
                    d, floor = wf[lang]
                    f = d.get(w)
                    logs.append(math.log10(floor) - 0.5 if f is None else math.log10(f))
                    hits.append(0 if f is None else 1)
                else:
                    logs.append(0.0)
                    hits.append(0)
            row = rows[w] = (*logs, *hits, word_hash32(w), _MARKERS_T.get(w))
        out.append(row)
    return out


DENSE_NAMES = (
    [f"wf_{l}_{s}" for l in WF_LANGS for s in ("logf", "cov")]
    + ["wf_da-nb", "wf_da-sv", "wf_nb-sv"]
    + [f"pat_{i:04b}" for i in range(N_PATTERNS)]
    + [f"mark_{l}" for l in NORDIC]
    + [f"p3_{l}" for l in NORDIC]
    + ["inv_sqrt_len"]
)


# ---------------------------------------------------------------------------
# py3langid
# ---------------------------------------------------------------------------

_P3 = None
_P3_LOCK = threading.Lock()


def _p3_identifier():
    """A private py3langid identifier (the module-global one is left alone)."""
    global _P3
    if _P3 is None:
        with _P3_LOCK:
            if _P3 is None:
                import py3langid.langid as p3

                _P3 = p3.LanguageIdentifier.from_model_file(p3.MODEL_FILE, norm_probs=False)
    return _P3


def p3_nordic_scores(ident, text: str) -> np.ndarray:
    """py3langid raw scores for da/no/nn/sv, relative to their best, per sqrt(bytes)."""
    enc = ident._encode(text)
    scores = ident._raw_score(enc)
    idx = _p3_nordic_idx(tuple(ident.nb_classes))
    s = scores[list(idx)].astype(np.float64)
    s = (s - s.max()) / math.sqrt(max(len(enc), 1))
    return s.astype(np.float32)


# -- a faster, exact py3langid walk ------------------------------------------
#
# py3langid walks a text's UTF-8 bytes one at a time through an Aho-Corasick-style
# automaton (``tk_nextmove``/``tk_row``) and counts the n-gram feature each state
# emits (``tk_output``). Its automaton *synchronises* after ``_P3_WINDOW`` bytes: from
# any state, the same ``_P3_WINDOW`` bytes lead to the same state (checked for all
# states and all byte strings in tests/test_language.py). So the state after byte
# ``i`` is the state reached from the start state by bytes ``i-5..i`` alone, and all
# states can be computed at once with ``_P3_WINDOW`` vectorised steps; byte 0 keeps
# the start state where it is, so texts are separated (and left-padded) by 5 zero
# bytes and many texts are walked in one go. Features are then counted in order of
# first occurrence (py3langid's ``Counter`` order) and scored with exactly
# py3langid's expression, so the scores are bit-identical. A different py3langid
# model (other fingerprint) falls back to py3langid's own walk.

_P3_WINDOW = 6
_P3_FINGERPRINT = (9816576, 104583, 0x181651D6)  # len(nextmove), states, crc32
_P3_BATCH_BYTES = 1 << 20  # bytes walked per numpy batch
_P3_SHORT = 160  # a single text shorter than this: py3langid's loop is faster
_P3_WALK = None
_P3_WALK_LOCK = threading.Lock()


class _P3Walk:
    def __init__(self, ident):
        nm, row = ident.tk_nextmove, ident.tk_row
        out = np.asarray(ident.tk_output, dtype=np.int32)
        crc = zlib.crc32(memoryview(nm).cast("B"))
        crc = zlib.crc32(memoryview(row).cast("B"), crc)
        crc = zlib.crc32(out.tobytes(), crc)
        self.ok = (len(nm), len(row), crc) == _P3_FINGERPRINT and out[0] < 0
        dt = {2: np.uint16, 4: np.uint32, 8: np.uint64}
        self.nm = np.frombuffer(nm, dtype=dt[nm.itemsize]).astype(np.int32)
        self.rowbase = np.frombuffer(row, dtype=dt[row.itemsize]).astype(np.int32) << 8
        self.out = out
        self.nfeat = int(out.max()) + 1
        self.ok = self.ok and bool(self.nm[int(self.rowbase[0])] == 0)  # byte 0 stays at the start

    def visits(self, encs: list[bytes]) -> list[tuple[np.ndarray, np.ndarray] | None]:
        """Per text, (feature ids, counts) in order of first occurrence, or None if none."""
        res: list[tuple[np.ndarray, np.ndarray] | None] = []
        i = 0
        while i < len(encs):
            j, size = i, 0
            while j < len(encs) and (j == i or size + len(encs[j]) <= _P3_BATCH_BYTES):
                size += len(encs[j]) + _P3_WINDOW - 1
                j += 1
            res.extend(self._visits(encs[i:j]))
            i = j
        return res

    def _visits(self, encs: list[bytes]) -> list[tuple[np.ndarray, np.ndarray] | None]:
        pad = b"\0" * (_P3_WINDOW - 1)
        buf = np.frombuffer(pad + pad.join(encs), dtype=np.uint8).astype(np.int32)
        n = buf.size - (_P3_WINDOW - 1)  # lane k ends at byte k + 5
        nm, rowbase = self.nm, self.rowbase
        s = np.zeros(n, dtype=np.int32)
        for k in range(_P3_WINDOW):
            s = nm[rowbase[s] + buf[k : k + n]]
        f = self.out[s].astype(np.int64)
        lens = np.array([len(e) for e in encs], dtype=np.int64)
        # lane -> text number; pad lanes get -1
        tid = np.repeat(
            np.stack([np.arange(len(encs)), np.full(len(encs), -1)], 1).ravel(),
            np.stack([lens, np.full(len(encs), _P3_WINDOW - 1)], 1).ravel(),
        )[:n]
        keep = (f >= 0) & (tid >= 0)
        key = tid[keep] * self.nfeat + f[keep]
        uniq, first, counts = np.unique(key, return_index=True, return_counts=True)
        order = np.argsort(first, kind="stable")
        uniq, counts = uniq[order], counts[order]
        t_of = uniq // self.nfeat
        ids = uniq - t_of * self.nfeat
        bounds = np.searchsorted(t_of, np.arange(len(encs) + 1))
        res: list[tuple[np.ndarray, np.ndarray] | None] = []
        for t in range(len(encs)):
            a, b = int(bounds[t]), int(bounds[t + 1])
            res.append((ids[a:b], counts[a:b]) if b > a else None)
        return res


def _p3_walk(ident) -> _P3Walk | None:
    global _P3_WALK
    if _P3_WALK is None:
        with _P3_WALK_LOCK:
            if _P3_WALK is None:
                _P3_WALK = _P3Walk(ident)
    w = _P3_WALK
    if w.ok and ident.tk_nextmove is _p3_identifier().tk_nextmove:
        return w
    return None


def _p3_score(ident, visits: tuple[np.ndarray, np.ndarray] | None) -> np.ndarray:
    """``ident._raw_score`` from precomputed visits (the same expression, bit-identical)."""
    if visits is None:
        import py3langid.langid as p3

        return np.full(len(ident.nb_classes), p3.RAW_FLOOR, dtype=np.float32)
    idx, counts = visits
    return np.log1p(counts.astype(np.float32)) @ _p3_table(ident.nb_ptc)[idx] + ident.nb_pc


_P3_PTC32: tuple[np.ndarray, np.ndarray] | None = None


def _p3_table(ptc: np.ndarray) -> np.ndarray:
    """py3langid's float16 weight table as float32 (the shared full table, converted once).

    ``float32 @ float16`` makes NumPy convert the gathered float16 rows to float32
    (exactly) before the float32 product, which cost most of the scoring time; the
    product of the same float32 values is bit-identical. Costs ~57 MB.
    """
    global _P3_PTC32
    if ptc.dtype != np.float16:
        return ptc
    cached = _P3_PTC32
    if cached is not None and cached[0] is ptc:
        return cached[1]
    if ptc is _p3_identifier().nb_ptc:
        with _P3_WALK_LOCK:
            if _P3_PTC32 is None or _P3_PTC32[0] is not ptc:
                _P3_PTC32 = (ptc, ptc.astype(np.float32))
            return _P3_PTC32[1]
    return ptc  # a restricted (column subset) table: small, left as it is


def p3_raw_scores(ident, encs: list[bytes]) -> list[np.ndarray]:
    """``[ident._raw_score(e) for e in encs]``, faster (see ``_P3Walk``)."""
    return [_p3_score(ident, v) for v in p3_visits(ident, encs)]


def p3_visits(ident, encs: list[bytes]) -> list:
    """Per encoded text, the automaton's (feature ids, counts), or None for no features."""
    walk = _p3_walk(ident)
    if walk is None or (len(encs) == 1 and len(encs[0]) < _P3_SHORT):
        import py3langid.langid as p3

        res = []
        for e in encs:
            c = p3.visit_counts(ident.tk_nextmove, ident._rowbase, ident.tk_output, e)
            if c:
                idx = np.fromiter(c.keys(), dtype=np.intp, count=len(c))
                res.append((idx, np.fromiter(c.values(), dtype=np.int64, count=len(c))))
            else:
                res.append(None)
        return res
    return walk.visits(encs)


@lru_cache(maxsize=8)
def _p3_alias_groups(classes: tuple[str, ...]) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Labels that name more than one py3langid column (e.g. sr), with their columns."""
    cols: dict[str, list[int]] = {}
    for i, c in enumerate(classes):
        cols.setdefault(c, []).append(i)
    return tuple((c, tuple(v)) for c, v in cols.items() if len(v) > 1)


@lru_cache(maxsize=4)
def _p3_nordic_idx(classes: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(classes.index(_TO_P3.get(l, l)) for l in NORDIC)


# ---------------------------------------------------------------------------
# the Nordic model
# ---------------------------------------------------------------------------


class NordicModel:
    """K linear models over hashed n-grams + dense features, loaded from the npz artefact.

    The K models were trained by K-fold ("cross-fitting", see ``scripts/train_langid.py``):
    model ``k`` never saw the pool sentences whose ``sentence_hash % K == k``. New text is
    scored with their average, which is again one linear model (averaged weights), so
    the ensemble costs no more than a single model. ``scores(..., fold=k)`` uses model
    ``k`` alone (for held-out evaluation).
    """

    def __init__(self, path: Path = MODEL_PATH):
        z = np.load(path, allow_pickle=False)
        self.classes = tuple(str(c) for c in z["classes"])
        self.bits = int(z["bits"])
        w_sparse = z["w_sparse"]
        if w_sparse.ndim == 2:  # a single model
            w_sparse = w_sparse[None]
        self.folds = int(w_sparse.shape[0])
        self.w_sparse_folds = w_sparse  # (K, 2**bits, C) float16
        self.w_dense_folds = np.asarray(z["w_dense"], dtype=np.float32).reshape(self.folds, -1, len(NORDIC))
        self.bias_folds = np.asarray(z["bias"], dtype=np.float32).reshape(self.folds, len(NORDIC))
        # the ensemble: mean weights (float32)
        self.w_sparse = w_sparse.astype(np.float32).mean(axis=0)
        self.w_dense = self.w_dense_folds.mean(axis=0)
        self.bias = self.bias_folds.mean(axis=0)
        self.temperature = float(z["temperature"]) if "temperature" in z.files else 1.0
        self.lex_hashes = z["lex_hashes"]
        self.lex_patterns = z["lex_patterns"]
        # sentences trained on: the K-fold pool (hash -> fold) and extra rows every model saw
        self.pool_hashes = z["pool_hashes"] if "pool_hashes" in z.files else np.zeros(0, np.uint64)
        self.pool_folds = z["pool_folds"] if "pool_folds" in z.files else np.zeros(0, np.uint8)
        self.external_hashes = (
            z["external_hashes"] if "external_hashes" in z.files else np.zeros(0, np.uint64)
        )
        if tuple(self.classes) != NORDIC or self.w_dense.shape[0] != len(DENSE_NAMES):
            raise ValueError(f"incompatible Nordic model at {path}")

    def fold_of(self, h: int) -> int | None:
        """The fold of a pool sentence (by ``sentence_hash``), or None if no model saw it."""
        if not self.pool_hashes.size:
            return None
        i = int(np.searchsorted(self.pool_hashes, np.uint64(h)))
        if i < self.pool_hashes.size and int(self.pool_hashes[i]) == h:
            return int(self.pool_folds[i])
        return None

    def seen_by_all(self, h: int) -> bool:
        """True for an extra training row (every model saw it): never a held-out sentence."""
        if not self.external_hashes.size:
            return False
        i = int(np.searchsorted(self.external_hashes, np.uint64(h)))
        return i < self.external_hashes.size and int(self.external_hashes[i]) == h

    def features(self, norm: str, p3: np.ndarray | None):
        ids, vals = sparse_features(norm, self.bits)
        dense = dense_features(norm, p3, self.lex_hashes, self.lex_patterns)
        return ids, vals, dense

    def scores(self, norm: str, p3: np.ndarray | None, fold: int | None = None) -> np.ndarray:
        """Decision values for da/nb/nn/sv (ensemble, or model ``fold``), times the temperature."""
        ids, vals, dense = self.features(norm, p3)
        if fold is None:
            w_sparse, w_dense, bias = self.w_sparse, self.w_dense, self.bias
        else:
            w_sparse = self.w_sparse_folds[fold]
            w_dense, bias = self.w_dense_folds[fold], self.bias_folds[fold]
        s = bias + dense @ w_dense
        if ids.size:
            s = s + vals @ w_sparse[ids].astype(np.float32, copy=False)
        return s * self.temperature


_MODEL: NordicModel | None = None
_MODEL_FAILED = False
_MODEL_LOCK = threading.Lock()


def load_nordic_model() -> NordicModel | None:
    global _MODEL, _MODEL_FAILED
    if _MODEL is None and not _MODEL_FAILED:
        with _MODEL_LOCK:
            if _MODEL is None and not _MODEL_FAILED:
                try:
                    _MODEL = NordicModel(MODEL_PATH)
                except (OSError, KeyError, ValueError):
                    _MODEL_FAILED = True
    return _MODEL


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max())
    return e / e.sum()


# ---------------------------------------------------------------------------
# public API
# ---------------------------------------------------------------------------


class LanguageIdentifier:
    """Identify the language of a text.

    ``languages`` restricts the candidates (ISO 639-1 codes; 'no' counts as 'nb').
    ``nordic_refinement`` switches the da/nb/nn/sv classifier on (default) or off.
    """

    def __init__(self, *, languages: Sequence[str] | None = None, nordic_refinement: bool = True):
        self.nordic_refinement = nordic_refinement
        if languages is not None:
            langs = []
            for code in languages:
                c = normalise_language_code(code) or str(code).strip().lower()
                if c not in langs:
                    langs.append(c)
            if not langs:
                raise ValueError("languages must not be empty")
            self.languages: tuple[str, ...] | None = tuple(langs)
        else:
            self.languages = None
        self._ident = None
        self._lock = threading.Lock()

    # -- lazy state ---------------------------------------------------------
    def _identifier(self):
        if self._ident is None:
            with self._lock:
                if self._ident is None:
                    import py3langid.langid as p3

                    base = _p3_identifier()
                    ident = p3.LanguageIdentifier(
                        base.nb_ptc, base.nb_pc, base.nb_classes, base.tk_nextmove,
                        base.tk_output, norm_probs=False, tk_row=base.tk_row,
                    )
                    known = set(base.nb_classes)
                    self._p3_full = ident  # unrestricted (for the Nordic scores)
                    restricted = None
                    if self.languages is not None:
                        p3langs = sorted({_TO_P3.get(l, l) for l in self.languages} & known)
                        if not p3langs and not (set(self.languages) & set(NORDIC)):
                            raise ValueError(f"no known language among {self.languages}")
                        if p3langs:
                            restricted = p3.LanguageIdentifier(
                                base.nb_ptc, base.nb_pc, base.nb_classes, base.tk_nextmove,
                                base.tk_output, norm_probs=False, tk_row=base.tk_row,
                            )
                            # 'nb' allowed but only 'nn' asked etc.: the Nordic model decides
                            if set(self.languages) & set(NORDIC):
                                p3langs = sorted(set(p3langs) | {"da", "no", "nn", "sv"})
                            restricted.set_languages(p3langs)
                    self._p3_restricted = restricted
                    self._ident = restricted or ident
        return self._ident

    def _nordic_candidates(self) -> tuple[str, ...]:
        if self.languages is None:
            return NORDIC
        return tuple(l for l in NORDIC if l in self.languages)

    # -- API ----------------------------------------------------------------
    def identify(self, text: str) -> LanguageGuess:
        return self._identify(text)

    def _identify(self, text: str, fold: int | None = None) -> LanguageGuess:
        """``identify``; ``fold`` picks one of the K Nordic models (held-out evaluation)."""
        prep = self._prepare(text)
        if prep is None:
            return LanguageGuess("und", 0.0)
        ident = self._identifier()
        enc = ident._encode(prep[0])
        return self._decide(prep, enc, p3_visits(ident, [enc])[0], fold)

    @staticmethod
    def _prepare(text: str) -> tuple[str, str] | None:
        """(capped text, normalised text), or None when there is nothing to identify."""
        if not text or not isinstance(text, str):
            return None
        text = cap_text(text.strip(), MAX_CHARS)
        norm = normalise_text(text)
        if len(norm.replace(" ", "")) < 2:
            return None
        return text, norm

    def _decide(self, prep: tuple[str, str], enc: bytes, visits, fold: int | None) -> LanguageGuess:
        norm = prep[1]
        ident = self._ident
        raw = _p3_score(ident, visits).astype(np.float64)
        classes = ident.nb_classes
        best = classes[int(np.argmax(raw))]
        # probability of the winner, calibrated like py3langid (T = sqrt(bytes))
        t = raw / math.sqrt(max(len(enc), 1))
        p = np.exp(t - t.max())
        p /= p.sum()
        # per label, the sum of its columns' probabilities (in column order, from 0.0)
        plist = p.tolist()
        label_p = dict(zip(classes, plist))
        for c, cols in _p3_alias_groups(tuple(classes)):
            v = 0.0
            for i in cols:
                v += plist[i]
            label_p[c] = v
        code = _FROM_P3.get(best, best)
        conf = label_p[best]
        # The four close Scandinavian languages split their probability between them,
        # so decide on the group first: if together they outweigh the winner, it is
        # one of them (the Nordic model then picks which).
        nordic_mass = sum(label_p.get(_TO_P3.get(l, l), 0.0) for l in NORDIC)
        if code not in NORDIC and nordic_mass > conf:
            code = max(NORDIC, key=lambda l: label_p.get(_TO_P3.get(l, l), 0.0))

        if code in NORDIC:
            candidates = self._nordic_candidates() or NORDIC
            model = load_nordic_model() if self.nordic_refinement else None
            if len(candidates) == 1:
                return LanguageGuess(candidates[0], float(nordic_mass))
            if model is not None:
                # py3langid's da/no/nn/sv scores, unrestricted, relative to their best,
                # per sqrt(byte) (what p3_nordic_scores gives; the walk is shared)
                if ident is self._p3_full:  # unrestricted: reuse the scores we have
                    p3s = raw[list(_p3_nordic_idx(tuple(classes)))]
                else:
                    full = self._p3_full
                    p3s = _p3_score(full, visits)[list(_p3_nordic_idx(tuple(full.nb_classes)))]
                    p3s = p3s.astype(np.float64)
                p3s = ((p3s - p3s.max()) / math.sqrt(max(len(enc), 1))).astype(np.float32)
                s = model.scores(cap_text(norm, NORDIC_MAX_CHARS), p3s, fold)
                idx = [NORDIC.index(l) for l in candidates]
                probs = _softmax(s[idx])
                i = int(np.argmax(probs))
                return LanguageGuess(candidates[i], float(probs[i] * nordic_mass))
            # no refinement: best candidate by py3langid
            best_c = max(candidates, key=lambda l: label_p.get(_TO_P3.get(l, l), 0.0))
            return LanguageGuess(best_c, float(label_p.get(_TO_P3.get(best_c, best_c), 0.0)))
        if code == "und":
            return LanguageGuess("und", 0.0)
        return LanguageGuess(code, float(conf))

    def pipe(self, texts: Iterable[str]) -> list[LanguageGuess]:
        """``[identify(t) for t in texts]``; py3langid walks all the texts at once (faster)."""
        preps = [self._prepare(t) for t in texts]
        live = [p for p in preps if p is not None]
        if not live:
            return [LanguageGuess("und", 0.0) for _ in preps]
        ident = self._identifier()
        encs = [ident._encode(p[0]) for p in live]
        visits = iter(p3_visits(ident, encs))
        encs_it = iter(encs)
        return [
            LanguageGuess("und", 0.0) if p is None else self._decide(p, next(encs_it), next(visits), None)
            for p in preps
        ]


_DEFAULT: LanguageIdentifier | None = None


def identify_language(text: str) -> LanguageGuess:
    """Identify ``text`` with a shared default :class:`LanguageIdentifier`."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = LanguageIdentifier()
    return _DEFAULT.identify(text)
