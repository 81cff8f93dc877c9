"""`panel serve app`: the Softmax Explorer page for one browser session. Composition only, no maths."""

import panel as pn
import torch

from app.page import build_page

# One thread per server process: a class's sessions share the cores, and small models gain nothing from more.
torch.set_num_threads(1)

pn.extension("filedropper", design="bootstrap", notifications=False)
build_page().servable(title="Softmax Explorer")
