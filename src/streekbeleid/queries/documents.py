"""Documents: the pact texts, summaries, decisions, presentations and pages the model records about its records.

>>> import streekbeleid
>>> from streekbeleid.queries.documents import documents_about
>>> [d.kind for d in documents_about(streekbeleid.load(plugins=["limburg"]), ["limburg:lires"])]
['web_page', 'web_page', 'press_release']
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model.model import Model
from ..model.records import Document
from ._util import pointing_to

__all__ = ["documents_about"]


def documents_about(model: Model, record_ids: Iterable[str]) -> list[Document]:
    """The documents about any of ``record_ids`` (of the whole model), by date (undated last), then title."""
    found = list({d.id: d for rid in set(record_ids) for d in pointing_to(model, rid, Document)}.values())
    return sorted(found, key=lambda d: (d.date is None, d.date.sort_key() if d.date else (0, 0), d.title, d.id))
