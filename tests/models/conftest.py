"""Shared set-up for the tests of models/."""

import pytest

from softmax_explorer.models.ames import load_ames


@pytest.fixture(scope="session")
def ames():
    """The Ames data set, standardised (tests must not change its arrays)."""
    return load_ames()
