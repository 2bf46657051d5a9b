"""Rules about the data's own texts in Dutch and English (docs/languages.md).

The report, ``show`` and ``coverage`` give a record's ``description_nl`` in Dutch and fall back to the English
``description`` where there is none; the bundled data has both for every description, a region team's own data
may not.  The rule says where the Dutch reader would get English.

>>> from streekbeleid import Actor
>>> from streekbeleid.testing import build_model
>>> model = build_model(
...     Actor(id="x:a", name="Partner A", kind="other", description="A partner of the region."),
...     Actor(id="x:b", name="Partner B", kind="other", description="Another.", description_nl="Nog een."),
...     catalogue=False,
... )
>>> [p.ids for p in english_only(model)]
[('x:a',)]
"""

from __future__ import annotations

from collections.abc import Iterator

from ..i18n import _
from ..model.model import Model
from ..model.phrasing import label
from ..model.records import Problem
from ._common import problem

__all__ = ["english_only"]


def english_only(model: Model) -> Iterator[Problem]:
    """A record with a description in English only (no ``description_nl``): in Dutch the report and ``show`` give
    it in English."""
    for record in model.records():
        rid = getattr(record, "id", None)
        if rid is None or not getattr(record, "description", None) or getattr(record, "description_nl", None):
            continue
        message = _("{record} has its description in English only: in Dutch the report and show give it in English")
        yield problem("info", "english-only", [rid], message.format(record=label(model, rid)), record)
