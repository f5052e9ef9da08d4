"""Storylines and events as people read them: titles, date ranges, languages, outlets."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import groupby
from typing import Any


def build_stories(rows: Iterable[Mapping[str, Any]], carried_by: Mapping[int, list[str]]) -> list[dict]:
    """Group article rows (ordered by storyline, event, date) into nested storylines.

    ``carried_by`` maps an original article to every outlet that carried it, so an
    event's outlets include outlets whose copy was collapsed into the original.
    """
    storylines = []
    for storyline_id, storyline_rows in groupby(rows, key=lambda r: r["storyline_id"]):
        storyline_rows = list(storyline_rows)
        events = [
            _event(event_id, list(event_rows), carried_by)
            for event_id, event_rows in groupby(storyline_rows, key=lambda r: r["event_id"])
        ]
        events.sort(key=lambda e: (e["_first_sort"] or "9999", e["id"]))
        first, last = _range(storyline_rows)
        storylines.append({
            "id": storyline_id,
            "title": storyline_rows[0]["storyline_title"] or events[0]["title"],
            "first": first,
            "last": last,
            "articles": len(storyline_rows),
            "events": [_public(e) for e in events],
            "_last_sort": max((r["published_sort"] or "" for r in storyline_rows), default=""),
        })
    storylines.sort(key=lambda s: (s["_last_sort"], s["articles"]), reverse=True)
    return [_public(s) for s in storylines]


def _event(event_id: int, rows: list[Mapping[str, Any]], carried_by: Mapping[int, list[str]]) -> dict:
    first, last = _range(rows)
    outlets: list[str] = []
    for row in rows:
        for outlet in [row["outlet"], *carried_by.get(row["id"], [])]:
            if outlet and outlet not in outlets:
                outlets.append(outlet)
    return {
        "id": event_id,
        "title": rows[0]["event_title"] or "",
        "first": first,
        "last": last,
        "languages": sorted({row["language"] for row in rows}),
        "outlets": outlets,
        "articles": [row["id"] for row in rows],
        "copies": [row["id"] for row in rows if row["duplicate_of"] is not None],
        "_first_sort": rows[0]["published_sort"],
    }


def _range(rows: list[Mapping[str, Any]]) -> tuple[str | None, str | None]:
    dated = sorted((r["published_sort"], r["published"]) for r in rows if r["published_sort"])
    if not dated:
        return None, None
    return dated[0][1], dated[-1][1]


def _public(item: dict) -> dict:
    return {k: v for k, v in item.items() if not k.startswith("_")}


def quote_record(row: Mapping[str, Any], reach: Mapping[int, dict]) -> dict:
    """One quote as the CLI and API show it (stable field names)."""
    return {
        "id": row["id"],
        "article": row["article_id"],
        "source": row["url"] or row["source"],
        "outlet": row["outlet"],
        "language": row["language"],
        "published": row["published"],
        "text": row["text"],
        "speaker": row["speaker"],
        "speaker_role": row["speaker_role"],
        "kind": row["kind"],
        "quote_group": row["quote_group"],
        "reported_by": reach.get(row["quote_group"], {}),
        "event": row["event_id"],
        "storyline": row["storyline_id"],
    }
