"""Rules on mandates: a mandate held outside the legislative term it names; a seat held by an office that,
by the data, nobody held then.

>>> from streekbeleid import LegislativeTerm, Membership, Person, Post
>>> from streekbeleid.model.dates import Period
>>> from streekbeleid.testing import build_model
>>> model = build_model(
...     LegislativeTerm(id="x:t", name="Term 2013-2018", level="province", valid=Period.parse("2013/2018")),
...     Person(id="x:p", name="P"),
...     Post(id="x:deputy", label="Deputy", organization="org:provincie-limburg"),
...     Membership(id="x:m", organization="org:provincie-limburg", member="x:p", post="x:deputy",
...                term="x:t", valid=Period.parse("2019-03-01/2020")),
... )
>>> [p.rule for p in mandate_term(model)]
['mandate-term']
"""

from __future__ import annotations

from collections.abc import Iterator

from ..i18n import _
from ..model.dates import Truth
from ..model.model import Model
from ..model.phrasing import label, name, period_words
from ..model.records import Membership, Post, Problem
from ..queries.mandates import holders, term_of
from ._common import containment, problem, undecidable

__all__ = ["mandate_term", "office_seat"]


def _mandate(model: Model, m: Membership) -> str:
    """``Erik Gerits, Gedeputeerde van Economie in Provincie Limburg``: a mandate or seat in words."""
    held = f"{name(model, m.member)}, {name(model, m.post)}" if m.post else name(model, m.member)
    return _("{held} in {organisation}").format(held=held, organisation=name(model, m.organization))


def mandate_term(model: Model) -> Iterator[Problem]:
    """A mandate held (partly) outside the legislative term it names."""
    for m in model.records(Membership):
        term = term_of(model, m)
        if term is None:
            continue
        found = containment(term.valid, m.valid)
        if found == "inside":
            continue
        what = _("{membership} is held {held}, the term {term} runs {runs}").format(
            membership=_mandate(model, m),
            held=period_words(m.valid),
            term=label(model, term.id),
            runs=period_words(term.valid),
        )
        if found == "undecidable":
            message = _("{what}; the dates are too coarse to tell whether it lies in the term").format(what=what)
            yield problem("info", "mandate-term", [m.id, term.id], undecidable(message), m, term)
        else:
            message = (
                _("{what}: a mandate is held within its term")
                if found == "outside"
                else _("{what}: the mandate lies partly outside its term")
            )
            yield problem("warning", "mandate-term", [m.id, term.id], message.format(what=what), m, term)


def office_seat(model: Model) -> Iterator[Problem]:
    """A seat held by an office ("the mayor of X") when, by the recorded holders of the office, nobody held it.

    An office with no recorded holder at all says nothing (not recorded); one whose holders may have held it
    then cannot be faulted.
    """
    whole = model.whole()
    for m in model.records(Membership):
        post = whole.graph.nodes[m.member]["record"] if m.member in whole.graph else None
        if not isinstance(post, Post):
            continue
        recorded = holders(whole, post.id)
        if not recorded:
            continue
        overlap = [h.valid.overlaps(m.valid) for h in recorded]
        if Truth.YES in overlap:
            continue
        what = _(
            "{seat} is held by the office {post} {held}, and no recorded holder of that office held it then"
        ).format(seat=_mandate(model, m), post=label(model, post.id), held=period_words(m.valid))
        if Truth.UNCERTAIN in overlap:
            message = _("{what} for certain; the dates are too coarse to tell").format(what=what)
            yield problem("info", "office-seat", [m.id, post.id], undecidable(message), m, *recorded)
        else:
            yield problem("warning", "office-seat", [m.id, post.id], what, m, *recorded)
