"""Shared set-up for every test."""

import pytest
import torch


@pytest.fixture(autouse=True, scope="session")
def one_thread():
    """Run torch on one thread: far faster for these small tensors on a busy machine, as the CLI and server do."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)
