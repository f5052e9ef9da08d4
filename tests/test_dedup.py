import numpy as np

from newsthread.dedup import NearDuplicateIndex

WIRE = [
    "Regeringen vil bruge to milliarder kroner på nye kabler i Østersøen, oplyser Energistyrelsen.",
    "Pengene skal sikre forbindelsen mellem Bornholm og Sjælland, efter at et kabel blev beskadiget i marts.",
    "Ifølge styrelsen er arbejdet planlagt til at begynde i foråret og vare mindst to år.",
    "Der er endnu ikke fundet en forklaring på skaden, men politiet efterforsker sagen som mulig sabotage.",
    "Oppositionen kalder beløbet for utilstrækkeligt og kræver en samlet plan for hele infrastrukturen.",
]
UNRELATED = [
    "Et nyt museum for moderne kunst åbner i Aarhus til sommer med en udstilling af unge malere.",
    "Museet har kostet 300 millioner kroner og er tegnet af en lokal arkitektvirksomhed.",
    "Direktøren forventer over hundrede tusinde besøgende i det første år efter åbningen.",
]
FOOTER = "Følg med i nyhederne hele dagen i vores app, og få besked når der sker noget vigtigt i verden."


def test_edited_wire_copy_points_to_the_original():
    index = NearDuplicateIndex()
    assert index.add(1, "\n".join(WIRE)) is None
    edited = ["Der kommer nye kabler i Østersøen for to milliarder kroner."] + WIRE[1:4]
    match = index.add(2, "\n".join(edited))
    assert match is not None and match.original_id == 1 and match.similarity >= 0.5
    # A copy of the copy still points at the first one.
    assert index.add(3, "\n".join(edited)).original_id == 1


def test_abridged_copy_is_contained():
    index = NearDuplicateIndex()
    index.add(1, "\n".join(WIRE * 2))
    assert index.add(2, "\n".join(WIRE[:3])) is not None


def test_unrelated_articles_sharing_a_footer_do_not_merge():
    index = NearDuplicateIndex(min_shingles=5)
    index.add(1, "\n".join(WIRE + [FOOTER]))
    assert index.add(2, "\n".join(UNRELATED + [FOOTER])) is None


def test_boilerplate_paragraphs_are_learned_and_dropped():
    index = NearDuplicateIndex(min_shingles=5, boilerplate_groups=2)
    index.add(1, "\n".join(WIRE + [FOOTER]))
    index.add(2, "\n".join(UNRELATED + [FOOTER]))
    assert index.is_boilerplate(FOOTER)
    assert not index.shingles(FOOTER)


def test_short_notices_are_never_copies():
    index = NearDuplicateIndex()
    index.add(1, "Vejret i morgen: sol og let vind.")
    assert index.add(2, "Vejret i morgen: sol og let vind.") is None


def test_fingerprints_round_trip_through_storage():
    index = NearDuplicateIndex()
    fingerprint = index.fingerprint("\n".join(WIRE))
    restored = NearDuplicateIndex()
    stored = fingerprint.signature.tobytes()
    fingerprint.signature = np.frombuffer(stored, dtype=np.uint32)
    restored.add_fingerprint(7, fingerprint, None)
    assert restored.add(8, "\n".join(WIRE)).original_id == 7


def test_band_index_finds_the_same_candidates_as_datasketch():
    """BandIndex is datasketch's MinHashLSH layout: the same bands, the same candidates."""
    from datasketch import MinHash, MinHashLSH

    from newsthread.dedup import BandIndex

    rng = np.random.default_rng(3)
    base = rng.integers(0, 2**32, size=128, dtype=np.uint64)
    # Signatures that agree with a base on a varying share of positions, as copies do.
    signatures = [np.where(rng.random(128) < share, base, rng.integers(0, 2**32, size=128, dtype=np.uint64))
                  for share in rng.random(300)]
    ours, theirs = BandIndex(0.3, 128), MinHashLSH(threshold=0.3, num_perm=128)
    ours.insert_many(list(range(200)), np.stack(signatures[:200]).astype(np.uint32))
    for key, signature in enumerate(signatures[:200]):
        theirs.insert(key, MinHash(num_perm=128, hashvalues=signature, scheme="affine32"))
    for key in range(0, 200, 7):  # removal, as an updated article is re-indexed
        ours.remove(key)
        theirs.remove(key)
    for signature in signatures[200:]:
        expected = set(theirs.query(MinHash(num_perm=128, hashvalues=signature, scheme="affine32")))
        assert set(ours.query(signature.astype(np.uint32))) == expected
    assert any(ours.query(s.astype(np.uint32)) for s in signatures[200:])


def test_bulk_added_fingerprints_make_the_same_index_as_one_by_one():
    texts = ["\n".join(WIRE), "\n".join(WIRE[:4] + [FOOTER]), "\n".join(UNRELATED + [FOOTER]), "\n".join(UNRELATED)]
    live = NearDuplicateIndex(min_shingles=5, boilerplate_groups=2)
    items = []
    for i, text in enumerate(texts):
        fingerprint = live.fingerprint(text)
        match = live.best_match(i, fingerprint)
        original = match.original_id if match else None
        items.append((i, live.fingerprint(text), original))
        live.add_fingerprint(i, fingerprint, original)
    bulk = NearDuplicateIndex(min_shingles=5, boilerplate_groups=2)
    bulk.add_fingerprints(items)
    assert bulk.original_of_ == live.original_of_ and bulk.paragraph_groups_ == live.paragraph_groups_
    assert bulk.lsh_.keys_ == live.lsh_.keys_ and bulk.lsh_.tables == live.lsh_.tables
    probe = live.fingerprint("\n".join(WIRE[1:]))
    assert bulk.best_match(9, probe) == live.best_match(9, probe)


def test_band_index_holds_one_id_or_a_set_and_finds_the_same_ids_either_way():
    """A band key of one article holds its bare id; a second makes it a set; removing undoes both."""
    from newsthread.dedup import BandIndex

    index = BandIndex(0.3, 128)
    signature = np.arange(128, dtype=np.uint32)
    other = signature + 1000
    index.insert(1, signature)
    assert all(table[band] == 1 for table, band in zip(index.tables, index.keys_[1], strict=True))
    index.insert(2, signature)
    index.insert(3, other)
    assert sorted(index.query(signature)) == [1, 2] and index.query(other) == [3]
    index.remove(1)
    assert index.query(signature) == [2]
    index.remove(2)
    index.remove(3)
    assert index.query(signature) == [] and not any(index.tables)


def test_a_paragraph_counts_its_groups_whether_one_or_several():
    index = NearDuplicateIndex(min_shingles=5, boilerplate_groups=2)
    index.add(1, "\n".join(WIRE + [FOOTER]))
    index.add(2, "\n".join(WIRE + [FOOTER]))  # a copy of 1: the same group
    assert not index.is_boilerplate(FOOTER)
    index.add(3, "\n".join(UNRELATED + [FOOTER]))
    assert index.is_boilerplate(FOOTER)
