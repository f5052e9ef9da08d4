"""Wire copies and near-duplicates: MinHash LSH over word shingles.

A wire story (Ritzau, NTB, TT, Reuters) is carried by many outlets with small
edits: a new first sentence, a dropped paragraph, another headline. Those copies
share most of their word 3-grams, unrelated articles share almost none, so the
Jaccard similarity of shingle sets separates them well. MinHash estimates that
similarity from fixed-size signatures (datasketch) and LSH finds candidates without
comparing every pair. Signatures are kept apart from the index so the store can
persist them and a later run can rebuild the index; :class:`BandIndex` is the LSH
index, with datasketch's band layout, plus a bulk build for that rebuild.

Boilerplate (a newsletter plug, a "read more" line, a standard agency footer) is
shared by unrelated articles. A paragraph is treated as boilerplate once it has
been seen in ``boilerplate_groups`` different duplicate groups: the same paragraph
in ten copies of one wire story is one group and stays content.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

_WORD = re.compile(r"\w+", re.UNICODE)
# An abridged copy (an outlet ran the first half of a wire story) has a low
# Jaccard index but is almost wholly contained in the original.
CONTAINMENT_MIN_JACCARD = 0.3
CONTAINED = 0.9
MAX_WORDS = 600
# Lines this short and shorter are never learned as boilerplate ("Ja.", a dateline).
BOILERPLATE_MIN_WORDS = 2
# Pinned so stored signatures stay comparable across datasketch versions. CRC-32
# spreads distinct shingles evenly enough for MinHash at a fraction of SHA-1's
# cost; changing either makes stored signatures incomparable with new ones.
MINHASH_SCHEME = "affine32"


@dataclass(frozen=True)
class DuplicateMatch:
    """``article_id`` is a near-duplicate of ``original_id`` with estimated ``similarity``."""

    article_id: int
    original_id: int
    similarity: float


class BandIndex:
    """Banded LSH over MinHash signatures: the ids that agree with a query on every row of some band.

    The same bands, rows and candidates as datasketch's ``MinHashLSH`` with in-memory
    storage (whose :func:`optimal parameters <datasketch.MinHashLSH>` it takes), but the
    band keys of many signatures are cut at once with numpy, so rebuilding the index of
    a stored collection (:meth:`NearDuplicateIndex.add_fingerprints`) costs a few dict
    insertions per article instead of a MinHash object and a datasketch insert each.
    """

    def __init__(self, threshold: float, num_perm: int) -> None:
        self.bands, self.rows = _band_layout(threshold, num_perm)
        # band key -> the id under it, or the set of ids once there are two. Most band keys
        # belong to one article: a bare int there instead of a one-element set saves about
        # 8 kB per article (37 sets) and as many objects for the garbage collector to walk.
        self.tables: list[dict[bytes, int | set[int]]] = [{} for _ in range(self.bands)]
        self.keys_: dict[int, tuple[bytes, ...]] = {}

    def band_keys(self, signatures: np.ndarray) -> list[list[bytes]]:
        """Per signature (one per row of ``signatures``), the byte key of each band."""
        width = self.bands * self.rows
        cut = np.ascontiguousarray(np.asarray(signatures, dtype=np.uint32).reshape(-1, signatures.shape[-1])[:, :width])
        return cut.view(np.dtype((np.void, 4 * self.rows))).reshape(len(cut), self.bands).tolist()

    def insert(self, key: int, signature: np.ndarray) -> None:
        self.insert_many([key], signature[None, :])

    def insert_many(self, keys: list[int], signatures: np.ndarray) -> None:
        """Index ``keys[i]`` under the bands of ``signatures[i]``, in order."""
        if not keys:
            return
        tables = self.tables
        for key, bands in zip(keys, self.band_keys(signatures), strict=True):
            if key in self.keys_:
                raise ValueError(f"{key} is already indexed")
            self.keys_[key] = tuple(bands)
            for table, band in zip(tables, bands, strict=True):
                members = table.get(band)
                if members is None:
                    table[band] = key
                elif isinstance(members, set):
                    members.add(key)
                else:
                    table[band] = {members, key}

    def remove(self, key: int) -> None:
        for table, band in zip(self.tables, self.keys_.pop(key), strict=True):
            members = table[band]
            if not isinstance(members, set):
                del table[band]
                continue
            members.discard(key)
            if not members:
                del table[band]

    def __contains__(self, key: int) -> bool:
        return key in self.keys_

    def query(self, signature: np.ndarray) -> list[int]:
        """Ids sharing at least one band with ``signature`` (in no particular order)."""
        found: set[int] = set()
        for table, band in zip(self.tables, self.band_keys(signature[None, :])[0], strict=True):
            members = table.get(band)
            if members is None:
                continue
            if isinstance(members, set):
                found.update(members)
            else:
                found.add(members)
        return list(found)


@lru_cache(maxsize=16)
def _band_layout(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) as datasketch chooses them; cached, since choosing integrates numerically (~0.06 s)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


@dataclass
class Fingerprint:
    """What the index keeps of one article: its signature and shingle count."""

    signature: np.ndarray
    size: int
    paragraphs: list[str] = field(default_factory=list)


@lru_cache(maxsize=8_192)
def paragraph_key(paragraph: str) -> str:
    # Cached: the engine asks about each paragraph of an article three times (leaving out
    # boilerplate, shingling, then learning paragraphs), each time from a fresh split.
    words = _WORD.findall(paragraph.casefold())
    return hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).hexdigest()


class NearDuplicateIndex:
    """Finds the original an article copies, as articles arrive.

    Parameters
    ----------
    threshold:
        Minimum similarity to call two articles copies. Similarity is the Jaccard
        index of the shingle sets, or the containment of the shorter text in the
        longer when that is near-total (an outlet that ran only part of a wire
        story still counts).
        0.5 catches rewrites that change the lead and a paragraph or two; raise it
        towards 0.8 to collapse only verbatim copies, lower it and follow-up
        stories that reuse background paragraphs start to merge.
    num_perm:
        MinHash permutations. More is a more exact estimate (error about
        1/sqrt(num_perm)) but slower hashing and more bytes per article
        (4 * num_perm).
    shingle_words:
        Words per shingle. 3 tolerates small edits; larger values are stricter.
    min_shingles:
        Texts with fewer shingles (after boilerplate removal) are never called
        copies: a two-line notice matches too easily.
    boilerplate_groups:
        A paragraph seen in this many different duplicate groups is boilerplate
        and left out of later signatures.
    """

    def __init__(
        self,
        *,
        threshold: float = 0.5,
        num_perm: int = 128,
        shingle_words: int = 3,
        min_shingles: int = 20,
        boilerplate_groups: int = 3,
    ) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_words = shingle_words
        self.min_shingles = min_shingles
        self.boilerplate_groups = boilerplate_groups
        # LSH finds candidates at a lower Jaccard than we accept, because
        # containment can be high when Jaccard is not.
        self.lsh_ = BandIndex(max(0.1, threshold * 0.6), num_perm)
        self.fingerprints_: dict[int, Fingerprint] = {}
        self.original_of_: dict[int, int] = {}
        # paragraph key -> the duplicate group it was seen in, or the set of groups once there
        # are two (most paragraphs belong to one story: see BandIndex.tables).
        self.paragraph_groups_: dict[str, int | set[int]] = {}
        self._permutations_ = None
        self._minhash_: MinHash | None = None

    # -- signatures ---------------------------------------------------------------
    def shingles(self, text: str) -> set[bytes]:
        """Word n-gram shingles of the text without its known boilerplate paragraphs."""
        kept = [p for p in text.split("\n") if not self.is_boilerplate(p)]
        # The first words are enough to recognise a copy and bound the cost of long texts.
        words = _WORD.findall(" ".join(kept).casefold())[:MAX_WORDS]
        # The n-grams of words[i : i + n], built by zip and map in C rather than a Python loop.
        grams = zip(*(words[i:] for i in range(self.shingle_words)))
        return set(map(str.encode, map(" ".join, grams)))

    def without_boilerplate(self, text: str) -> str:
        """The text without the paragraphs learned to be boilerplate."""
        if not self.paragraph_groups_:
            return text
        return "\n".join(p for p in text.split("\n") if not self.is_boilerplate(p))

    def is_boilerplate(self, paragraph: str) -> bool:
        groups = self.paragraph_groups_.get(paragraph_key(paragraph))
        if groups is None:
            return False
        return (len(groups) if isinstance(groups, set) else 1) >= self.boilerplate_groups

    def fingerprint(self, text: str) -> Fingerprint:
        shingles = self.shingles(text)
        minhash = self._minhash()
        if shingles:
            minhash.update_batch(list(shingles))
        paragraphs = [paragraph_key(p) for p in text.split("\n") if len(p.split()) >= BOILERPLATE_MIN_WORDS]
        return Fingerprint(minhash.hashvalues.astype(np.uint32), len(shingles), paragraphs)

    # -- online use ---------------------------------------------------------------
    def add(self, article_id: int, text: str) -> DuplicateMatch | None:
        """Index one article and return the original it copies, if any."""
        fingerprint = self.fingerprint(text)
        match = self.best_match(article_id, fingerprint)
        self.add_fingerprint(article_id, fingerprint, match.original_id if match else None)
        return match

    def best_match(
        self, article_id: int, fingerprint: Fingerprint, allowed: Callable[[int], bool] | None = None
    ) -> DuplicateMatch | None:
        """The most similar indexed article above the threshold; ``allowed`` filters candidates first."""
        if fingerprint.size < self.min_shingles:
            return None
        best: DuplicateMatch | None = None
        for candidate in self.lsh_.query(fingerprint.signature):
            if allowed is not None and not allowed(candidate):
                continue
            other = self.fingerprints_[candidate]
            similarity = self.similarity(fingerprint, other)
            if similarity >= self.threshold and (best is None or similarity > best.similarity):
                original = self.original_of_.get(candidate, candidate)
                best = DuplicateMatch(article_id, original, similarity)
        return best

    def add_fingerprint(self, article_id: int, fingerprint: Fingerprint, original_id: int | None) -> None:
        """Put a (possibly stored) fingerprint into the index."""
        self.add_fingerprints([(article_id, fingerprint, original_id)])

    def add_fingerprints(self, items: list[tuple[int, Fingerprint, int | None]]) -> None:
        """Put many (article id, fingerprint, original id) into the index at once, in order.

        The same index as one :meth:`add_fingerprint` after another, built in bulk: this
        is how a stored collection's index is rebuilt when the engine is restored.
        """
        indexed: dict[int, None] = {}  # ordered: the ids to index, each at its last addition
        for article_id, fingerprint, original_id in items:
            if article_id in self.lsh_:
                self.lsh_.remove(article_id)
            # Only the signature and size are needed later; the paragraphs would cost
            # a few kilobytes per article in a long stream.
            self.fingerprints_[article_id] = Fingerprint(fingerprint.signature, fingerprint.size)
            if original_id is not None and original_id != article_id:
                self.original_of_[article_id] = original_id
            indexed.pop(article_id, None)
            if fingerprint.size >= self.min_shingles:
                indexed[article_id] = None
            self._learn_paragraphs(article_id, fingerprint, original_id)
        if indexed:
            self.lsh_.insert_many(list(indexed), np.stack([self.fingerprints_[a].signature for a in indexed]))

    def _learn_paragraphs(self, article_id: int, fingerprint: Fingerprint, original_id: int | None) -> None:
        group = original_id if original_id is not None else article_id
        limit, known = self.boilerplate_groups, self.paragraph_groups_
        for key in fingerprint.paragraphs:
            groups = known.get(key)
            if groups is None:
                known[key] = group if limit > 0 else set()
            elif isinstance(groups, set):
                if len(groups) < limit:
                    groups.add(group)
            elif groups != group and limit > 1:
                known[key] = {groups, group}

    def similarity(self, a: Fingerprint, b: Fingerprint) -> float:
        """Jaccard estimate, raised to the containment of the smaller text when that is near-total.

        Containment is derived from the Jaccard estimate and the set sizes, which
        magnifies the estimate's error when sizes differ a lot; it is only trusted
        from ``CONTAINMENT_MIN_JACCARD`` up and when it is at least ``CONTAINED``.
        """
        jaccard = float(np.mean(a.signature == b.signature))
        if a.size == 0 or b.size == 0:
            return 0.0
        intersection = jaccard * (a.size + b.size) / (1.0 + jaccard)
        containment = min(1.0, intersection / min(a.size, b.size))
        if jaccard >= CONTAINMENT_MIN_JACCARD and containment >= CONTAINED:
            return max(jaccard, containment)
        return jaccard

    def _permutations(self):
        # Generating the permutations costs more than hashing a short article.
        if self._permutations_ is None:
            self._permutations_ = MinHash(num_perm=self.num_perm, scheme=MINHASH_SCHEME).permutations
        return self._permutations_

    def _minhash(self) -> MinHash:
        """One MinHash, cleared for each text: building one (checking its permutations) costs as much as hashing."""
        if self._minhash_ is None:
            self._minhash_ = MinHash(
                num_perm=self.num_perm, permutations=self._permutations(), scheme=MINHASH_SCHEME, hashfunc=zlib.crc32
            )
        else:
            self._minhash_.clear()
        return self._minhash_
