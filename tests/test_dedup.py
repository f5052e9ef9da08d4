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
