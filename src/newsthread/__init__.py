"""newsthread: follow Nordic news stories across outlets and languages.

The small public API::

    from newsthread import Tracker
    with Tracker("news.db") as tracker:
        report = tracker.ingest(["exports/", "feed.rss"])
        for hit in tracker.search("atomvåben", language="da"):
            print(hit.article.title)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Article, Problem, RawArticle

if TYPE_CHECKING:
    from .tracker import Tracker

__version__ = "0.1.0"

__all__ = ["Article", "Problem", "RawArticle", "Tracker", "__version__"]


def __getattr__(name: str):
    # Importing the tracker loads the language models; only pay for it when asked.
    if name == "Tracker":
        from .tracker import Tracker

        return Tracker
    raise AttributeError(f"module 'newsthread' has no attribute {name!r}")
