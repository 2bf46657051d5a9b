"""A synthetic model at the scale of all of Europe's municipalities, for the benchmarks.

100,000 actors, 10,000 bodies and 1,000,000 memberships whose periods use
partial dates (years, months, days, open and unknown ends), generated
deterministically from a seed.  ``tuples()`` gives the same memberships as
plain tuples, for the raw networkx and SQLite baselines.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from streekbeleid import Actor, Body, Membership, Period

__all__ = ["SIZES", "records", "tuples", "periods"]

#: name -> (actors, bodies, memberships)
SIZES = {
    "europe": (100_000, 10_000, 1_000_000),
    "medium": (20_000, 2_000, 200_000),
    "small": (2_000, 200, 20_000),
}


def periods(seed: int = 7, count: int = 2_000) -> list[str]:
    """Period texts with every kind of bound: precise, partial, open, unknown, not-before/not-after."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        y = rng.randint(2000, 2024)
        start = rng.choice(
            [f"{y}", f"{y}-{rng.randint(1, 12):02d}", f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"]
        )
        ey = y + rng.randint(0, 8)
        end = rng.choice(
            [
                f"{ey}",
                f"{ey}-{rng.randint(1, 12):02d}",
                f"{ey}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "..",
                "?",
                f"{ey}..",
            ]
        )
        if end[:4].isdigit() and int(end[:4]) == y:
            end = f"{y + 1}"
        out.append(f"{start}/{end}")
    return out


def tuples(size: str = "europe", seed: int = 7) -> Iterator[tuple[str, str, str, str]]:
    """(member, body, membership id, period text) for every membership."""
    n_actors, n_bodies, n_members = SIZES[size]
    rng = random.Random(seed)
    texts = periods(seed)
    for i in range(n_members):
        yield (
            f"syn:a{rng.randrange(n_actors)}",
            f"syn:b{rng.randrange(n_bodies)}",
            f"syn:m{i}",
            texts[rng.randrange(len(texts))],
        )


def records(size: str = "europe", seed: int = 7) -> list[object]:
    """The synthetic model as records: actors, bodies and memberships."""
    n_actors, n_bodies, _ = SIZES[size]
    out: list[object] = [Actor(id=f"syn:a{i}", name=f"Actor {i}", kind="other") for i in range(n_actors)]
    out.extend(Body(id=f"syn:b{i}", name=f"Body {i}", kind="other") for i in range(n_bodies))
    for member, body, mid, text in tuples(size, seed):
        out.append(Membership(id=mid, organization=body, member=member, valid=Period.parse(text)))
    return out
