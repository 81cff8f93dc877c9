"""Softmax Explorer: softmax, cross-entropy and a live training playground for a neural-networks course.

The one import name of the installed distribution::

    from softmax_explorer import SoftmaxExplorer, TrainingPlayground, softmax, cross_entropy, Trainer, load_ames

or, module by module, ``softmax_explorer.models`` (numpy/torch only: no Panel import), ``softmax_explorer.components``
(the Panel components) and ``softmax_explorer.app`` (the page ``panel serve app`` serves).

In a checkout the code lives in the repository's top-level ``app/``, ``components/`` and ``models/`` folders; the
wheel installs them inside this package (pyproject.toml's ``package-dir``). Here, in a checkout, the package's path
also takes in the repository's root, so ``softmax_explorer.models`` is ``models/`` whether installed or not.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if not (_HERE / "models").is_dir():  # a checkout: models/ sits beside this folder, not in it
    __path__.append(str(_HERE.parent))

# The public names and the module each comes from, imported when first asked for: `softmax_explorer.softmax` needs
# no Panel, and a notebook that only computes never loads it.
_PUBLIC = {
    "SoftmaxExplorer": "softmax_explorer.components.softmax_explorer",
    "TrainingPlayground": "softmax_explorer.components.training_playground",
    "softmax": "softmax_explorer.models.softmax",
    "log_softmax": "softmax_explorer.models.softmax",
    "cross_entropy": "softmax_explorer.models.softmax",
    "cross_entropy_grad": "softmax_explorer.models.softmax",
    "Config": "softmax_explorer.models.training",
    "Trainer": "softmax_explorer.models.training",
    "Dataset": "softmax_explorer.models.data",
    "load_ames": "softmax_explorer.models.ames",
    "load_toy": "softmax_explorer.models.toys",
    "script": "softmax_explorer.models.codegen",
}
__all__ = sorted(_PUBLIC)


def __getattr__(name: str):
    if name not in _PUBLIC:
        raise AttributeError(f"module 'softmax_explorer' has no attribute {name!r}")
    value = getattr(import_module(_PUBLIC[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
