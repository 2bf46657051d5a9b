"""One region's report does the same work whatever the number of other regions in the model (issue 19).

Work is counted, not timed: the Python calls made while the report of one region is written (generators
resumed included, so reading every record of the model through a generator shows), once the model's
indexes are built by a first report.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType
from typing import Any

from streekbeleid import (
    Actor,
    Body,
    Decision,
    Document,
    Funding,
    Lineage,
    Meeting,
    Membership,
    Model,
    PartialDate,
    Period,
    Plan,
    PlanItem,
    Post,
    Region,
)
from streekbeleid.report import write_report


def regions(n: int) -> Model:
    """``n`` regions alike: bodies, members (some shared with the next region), a post and its holder, a
    pact with actions, its adoption and funding, a meeting, a document, lineage to the previous pact."""
    out: list[Any] = []
    for r in range(n):
        region, pact = f"syn:r{r}", f"syn:r{r}-pact"
        actors = [f"syn:r{r}-a{i}" for i in range(12)]
        out.append(Region(id=region, name=f"Streek {r}"))
        out.extend(Actor(id=a, name=f"Partner {r}-{i}", kind="other") for i, a in enumerate(actors))
        bodies = [f"syn:r{r}-b{j}" for j in range(3)]
        out.extend(Body(id=b, name=f"Forum {r}-{j}", kind="forum", region=region) for j, b in enumerate(bodies))
        shared = actors + ([f"syn:r{r - 1}-a0"] if r else [])
        out.extend(
            Membership(id=f"syn:r{r}-m{i}", organization=bodies[i % 3], member=a, valid=Period.parse("2010/2016"))
            for i, a in enumerate(shared)
        )
        out.append(Post(id=f"syn:r{r}-chair", organization=actors[0], label=f"Voorzitter {r}"))
        out.append(Membership(id=f"syn:r{r}-held", organization=actors[0], member=actors[1], post=f"syn:r{r}-chair"))
        items = tuple(PlanItem(id=f"{pact}-a{k}", kind="action", name=f"Actie {k}", lead=actors[k]) for k in range(4))
        out.append(Plan(id=pact, name=f"Streekpact {r}", kind="streekpact", region=region, items=items))
        out.append(
            Decision(id=f"{pact}-adopt", kind="adopt", by=bodies[0], subject=pact, date=PartialDate.parse("2015"))
        )
        out.append(Funding(id=f"{pact}-funding", funder=actors[2], subject=pact, kind="other"))
        out.append(Meeting(id=f"{bodies[0]}-meeting", body=bodies[0], date=PartialDate.parse("2015-03-15")))
        out.append(Document(id=f"{pact}-text", title=f"Tekst {r}", kind="pact_text", about=(pact,)))
        if r:
            out.append(Lineage(id=f"{pact}-succeeds", kind="succeeds", subject=pact, object=f"syn:r{r - 1}-pact"))
    return Model.from_records(out)


def calls_of_one_report(model: Model, out: Path) -> int:
    write_report(model, out / "first", regions=["syn:r1"], problems=[])  # the model's indexes are built
    calls = 0

    def count(_frame: FrameType, event: str, _arg: object) -> None:
        nonlocal calls
        calls += event == "call"

    sys.setprofile(count)
    try:
        write_report(model, out / "second", regions=["syn:r1"], problems=[])
    finally:
        sys.setprofile(None)
    return calls


def test_one_regions_report_does_the_same_work_in_a_model_of_3_or_30_regions(tmp_path: Path) -> None:
    small = calls_of_one_report(regions(3), tmp_path / "3")
    large = calls_of_one_report(regions(30), tmp_path / "30")
    assert small > 1000  # the report was written and counted
    assert large <= small * 1.02, (small, large)
