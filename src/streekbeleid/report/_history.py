"""Organisation history on the report's body and actor entries: changes, names per period, what it became."""

from __future__ import annotations

from ..i18n import _
from ..model.records import Actor, Body
from ..queries.history import History, history_sentences, organisation_history
from ._site import Site
from .html import Markup, concat, el

__all__ = ["history_paragraph", "history_cell"]


def _history(site: Site, record_id: str) -> History | None:
    record = site.model.get(record_id) if record_id in site.model else None
    return organisation_history(site.model, record_id) if isinstance(record, (Actor, Body)) else None


def history_paragraph(site: Site, record_id: str) -> Markup:
    """ "History: ..." under a body, with the sources of its change events; "History: not recorded." where none."""
    history = _history(site, record_id)
    if history is None or not history.recorded:
        return el("p", _("History: not recorded."), class_="muted history")
    sentences = history_sentences(site.model, history)
    parts: list[Markup | str] = []
    for i, sentence in enumerate(sentences):  # the first sentences are the changes: each with its sources
        parts.append(sentence)
        if i < len(history.changes):
            parts.append(site.src(history.changes[i]))
        parts.append("; " if i + 1 < len(sentences) else ".")
    return el("p", _("History:"), " ", concat(parts), class_="history")


def history_cell(site: Site, record_id: str) -> str:
    """The history of an actor in one table cell: its sentences, or "not recorded"."""
    history = _history(site, record_id)
    if history is None:
        return ""
    return "; ".join(history_sentences(site.model, history))
