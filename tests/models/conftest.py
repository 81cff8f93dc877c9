"""Shared set-up for the tests of models/."""

import pytest
import torch

from models.data import load_ames


@pytest.fixture(autouse=True, scope="session")
def one_thread():
    """Run torch on one thread: far faster for these small tensors on a busy machine, as the CLI does."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="session")
def ames():
    """The Ames data set, standardised (tests must not change its arrays)."""
    return load_ames()
