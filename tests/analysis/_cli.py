"""What the tests of the commands share: running one and reading what it printed."""

from __future__ import annotations

import pytest

from streekbeleid.cli import main


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """What the command printed to standard output; it must succeed (else its standard error is the failure)."""
    capsys.readouterr()
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 0, err
    return out
