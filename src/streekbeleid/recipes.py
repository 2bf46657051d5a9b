"""Recipes for region teams: data a region package would otherwise write out by hand.

:func:`municipal_memberships` gives a body one membership per municipality of a territory (an
arrondissement, a province) or a region on a day, each citing the core catalogue for the municipality
besides your own source for the body's rule ("all the municipalities of the arrondissement").
:func:`memberships_yaml` writes them as a data file, with each municipality's name beside its code. The
municipal files of the Leuven package are what this recipe gives for the arrondissement Leuven:

>>> import streekbeleid
>>> from streekbeleid import Source
>>> core = streekbeleid.load(plugins=[])
>>> found = municipal_memberships(
...     core, "kempen:resoc", "nis:13000", on="2024-06-30", seat_group="municipalities",
...     valid="2024/..", sources=[Source(document="kempen-pact.pdf", locator="alle gemeenten van het arrondissement")])
>>> len(found), found[0].id, found[0].member
(27, 'kempen:resoc/13001', 'nis:13001')
>>> print(memberships_yaml(core, found[:1]))
memberships:
  - id: kempen:resoc/13001
    organization: kempen:resoc
    member: nis:13001  # Arendonk
    seat_group: municipalities
    valid: 2024/..
    sources:
      - document: kempen-pact.pdf
        locator: alle gemeenten van het arrondissement
      - document: flemish_municipalities.csv
        locator: 13001 Arendonk, arrondissement 13000
<BLANKLINE>

Mergers change the set: the arrondissement Maaseik had 13 municipalities in 2018 and 12 since 2019 (Pelt
and Oudsbergen were formed on 1 January 2019). A body whose municipal members span a merger gets one set of
memberships per period, each generated for a day in it and given that period as ``valid``:

>>> [len(municipal_memberships(core, "x:body", "nis:72000", on=day)) for day in ("2018-12-31", "2019-01-01")]
[13, 12]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import yaml

from .errors import StreekbeleidError
from .i18n import _
from .model import phrasing
from .model.dates import ALWAYS, Period
from .model.records import Membership, Source, Territory
from .queries.territories import municipalities
from .serialization import converter, unstructure

if TYPE_CHECKING:
    from .model.model import Model

__all__ = ["CATALOGUE_SOURCE", "municipal_memberships", "memberships_yaml"]

#: The core catalogue's list of municipalities, cited for each generated membership.
CATALOGUE_SOURCE = "flemish_municipalities.csv"


def _catalogue_source(territory: Territory) -> Source:
    where = f", arrondissement {territory.part_of.removeprefix('nis:')}" if territory.part_of else ""
    return Source(document=CATALOGUE_SOURCE, locator=f"{territory.nis} {territory.name}{where}")


def municipal_memberships(
    model: Model,
    body: str,
    of: str,
    *,
    on: date | str,
    seat_group: str | None = None,
    role: str = "member",
    label: str | None = None,
    valid: Any = None,
    sources: Iterable[Source | str] = (),
) -> list[Membership]:
    """One membership of ``body`` per municipality of ``of`` (a territory or a region) on the day ``on``.

    Each is ``BODY/NIS`` (``kempen:resoc/13040``), with the given seat group, role, label and period
    (``valid``, as a data file writes it: ``"2016/.."``), citing ``sources`` (the document that says the
    municipalities sit in the body) and then the catalogue for the municipality. ``body`` need not be in the
    model yet: this is how a package's data file is written before it exists. Refused when the sources do
    not say which municipalities ``of`` holds (a region with ``parts_known: false``).
    """
    found = municipalities(model, of, on=on)
    if not found.complete:
        raise StreekbeleidError(
            _("the sources do not say which municipalities {region} holds on {day}").format(
                region=phrasing.label(model, of), day=phrasing.day_words(found.on)
            )
        )
    if found.uncertain:
        listed = ", ".join(found.uncertain)
        raise StreekbeleidError(
            _("{region} holds {listed} on {day} only possibly; choose a day the records decide").format(
                region=phrasing.label(model, of), listed=listed, day=phrasing.day_words(found.on)
            )
        )
    own = tuple(Source.of(s) for s in sources)
    # through the project converter, so ``valid`` may be written as in a data file ("2016/..")
    period = ALWAYS if valid is None else converter.structure(valid, Period)
    out = []
    for territory_id in found.certain:
        territory = model.get(territory_id)
        out.append(
            Membership(
                id=f"{body}/{territory.nis}",
                organization=body,
                member=territory_id,
                role=role,
                seat_group=seat_group,
                label=label,
                sources=(*own, _catalogue_source(territory)),
                valid=period,
            )
        )
    return out


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, as people write data files."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def memberships_yaml(model: Model, memberships: Sequence[Membership]) -> str:
    """``memberships`` as the text of a data file, with each member's name as a comment beside its id."""
    text = yaml.dump(
        {"memberships": [unstructure(m) for m in memberships]},
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=120,
    )
    lines = []
    for line in text.splitlines():
        key, _, value = line.strip().removeprefix("- ").partition(": ")
        name = (
            getattr(model.graph.nodes[value]["record"], "name", None)
            if key == "member" and value in model.graph
            else None
        )
        lines.append(f"{line}  # {name}" if name else line)
    return "\n".join(lines) + "\n"
