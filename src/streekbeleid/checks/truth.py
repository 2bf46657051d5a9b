"""Rules that catch data claiming what it cannot: a tally counting more than it counts out of, a record without
sources, a body in no region (it would vanish from every per-region view and the report).

A tally's own validator refuses such counts where data enters; the rule still holds a model built with
validators off (``attrs.validators.disabled()``) or from records made before the validator existed.

>>> import attrs
>>> from streekbeleid import Tally
>>> from streekbeleid.testing import build_model
>>> with attrs.validators.disabled():
...     over = Tally(id="x:t", kind="endorse", subject="nis:02000", by="municipal_council", count=45, out_of=44)
>>> [p.message for p in tally_count(build_model(over))]
['45 of 44 municipal councils (102%) endorsed Vlaanderen (x:t): a tally cannot count more than it counts out of']
"""

from __future__ import annotations

from collections.abc import Iterator

from ..i18n import _
from ..model.model import Model
from ..model.phrasing import label
from ..model.records import Body, Problem, Tally, namespace_of
from ._common import problem

__all__ = ["body_region", "tally_count", "unsourced"]

#: The namespace of the core theme taxonomy: its themes are the shared vocabulary, not facts from a source.
TAXONOMY = "theme"


def tally_count(model: Model) -> Iterator[Problem]:
    """A tally whose count is larger than the number it counts out of ("45 of the 44 councils")."""
    for tally in model.records(Tally):
        if tally.out_of is not None and tally.count is not None and tally.count > tally.out_of:
            # the tally's title says the count: "45 of 44 municipal councils (102%) endorsed ..."
            message = _("{tally}: a tally cannot count more than it counts out of")
            yield problem(
                "error",
                "tally-count",
                [tally.id],
                message.format(tally=label(model, tally.id)),
                tally,
            )


def unsourced(model: Model) -> Iterator[Problem]:
    """A record that names no source (the core theme taxonomy excepted): nobody can tell where it comes from."""
    for record in model.records():
        rid = getattr(record, "id", None)
        if rid is None or getattr(record, "sources", None) or namespace_of(rid) == TAXONOMY:
            continue
        message = _("{record} names no source: every fact needs one")
        yield problem("warning", "unsourced", [rid], message.format(record=label(model, rid)))


def body_region(model: Model) -> Iterator[Problem]:
    """A body that covers no region: per-region views and the report cannot show it."""
    for body in model.records(Body):
        if body.region is None:
            message = _("{record} covers no region: per-region views and the report leave it out")
            yield problem("warning", "body-region", [body.id], message.format(record=label(model, body.id)), body)
