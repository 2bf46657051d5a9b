"""The built-in plugin: the core catalogue every model has.

Flanders, its 5 provinces, 22 arrondissements and every municipality that
existed from 2014 on (with lifetimes and successors), the 15 reference regions
of the regiodecreet (2023), the Flanders-wide actors the sources name, and the
shared theme taxonomy.  Read from package data, never from outside the package.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from importlib.resources import files
from importlib.resources.abc import Traversable

from ..model.dates import Period
from ..model.records import Region, RegionPart, Source, Territory
from . import hookimpl

_DATA = files("streekbeleid") / "data"
FLANDERS = "nis:02000"

_REFNIS = Source(
    document="Statbel REFNIS classification",
    locator="via provinciesincijfers/gebiedsniveaus and vandenbroucke/belgian_municipalities",
    locator_nl="via provinciesincijfers/gebiedsniveaus en vandenbroucke/belgian_municipalities",
)
_REGIODECREET = Source(
    document="lokaalbestuur.vlaanderen.be",
    locator="Regiodecreet adopted 1 February 2023, published 9 March 2023; 15 reference regions",
    locator_nl="Regiodecreet aangenomen op 1 februari 2023, bekendgemaakt op 9 maart 2023; 15 referentieregio's",
)


def _rows(name: str) -> Iterator[dict[str, str]]:
    text = (_DATA / name).read_text(encoding="utf-8")
    yield from csv.DictReader(io.StringIO(text))


def territories() -> list[Territory]:
    """Flanders, provinces, arrondissements and municipalities from the package's CSV files."""
    out = [Territory(id=FLANDERS, name="Vlaanderen", level="region", nis="02000", sources=[_REFNIS])]
    for row in _rows("provinces.csv"):
        out.append(
            Territory(
                id=f"nis:{row['nis']}",
                name=row["name"],
                level="province",
                nis=row["nis"],
                part_of=FLANDERS,
                sources=[Source(document="provinces.csv", locator=row["nis"])],
            )
        )
    for row in _rows("arrondissements.csv"):
        out.append(
            Territory(
                id=f"nis:{row['nis']}",
                name=row["name"],
                level="arrondissement",
                nis=row["nis"],
                part_of=f"nis:{row['province_nis']}",
                sources=[Source(document="arrondissements.csv", locator=row["nis"])],
            )
        )
    for row in _rows("flemish_municipalities.csv"):
        out.append(
            Territory(
                id=f"nis:{row['nis']}",
                name=row["name"],
                level="municipality",
                nis=row["nis"],
                part_of=f"nis:{row['arrondissement_nis']}",
                successor=f"nis:{row['successor_nis']}" if row["successor_nis"] else None,
                valid=Period.between(row["valid_from"] or None, row["valid_until"] or None),
                sources=[_REFNIS, Source(document="flemish_municipalities.csv", locator=row["nis"])],
            )
        )
    return out


def reference_regions() -> list[Region]:
    """The 15 reference regions, each with its municipalities of 2025."""
    parts: dict[str, list[RegionPart]] = {}
    since_2025 = Period.parse("2025-01-01/..")
    for row in _rows("flemish_municipalities.csv"):
        code = row["referentieregio_2025"]
        if code and not row["valid_until"]:
            parts.setdefault(code, []).append(
                RegionPart(
                    territory=f"nis:{row['nis']}",
                    valid=since_2025,
                    sources=[Source(document="flemish_municipalities.csv", locator=f"{row['nis']} {code}")],
                )
            )
    out = []
    for row in _rows("referentieregios.csv"):
        code = row["code"]
        if not parts.get(code):  # REFREG91/99: "not locatable" and "outside Flanders", not regions
            continue
        out.append(
            Region(
                id=f"refreg:{code}",
                name=row["name"],
                kind="referentieregio",
                parts=parts[code],
                valid=Period.parse("2023-02-01/.."),
                sources=[_REGIODECREET],
            )
        )
    return out


@hookimpl
def streekbeleid_territories() -> Iterable[Territory]:
    return territories()


@hookimpl
def streekbeleid_regions() -> Iterable[Region]:
    return reference_regions()


@hookimpl
def streekbeleid_data_files() -> Iterable[Traversable]:
    return [_DATA / "core.yaml", _DATA / "flanders.yaml", _DATA / "terms.yaml", _DATA / "workflows.yaml"]
