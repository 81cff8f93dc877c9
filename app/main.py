"""`panel serve app`: the Softmax Explorer page for one browser session. Composition only, no maths."""

import panel as pn
import torch
from panel.io.resources import LOCAL_DIST

from softmax_explorer.app import sessions
from softmax_explorer.app.page import DISCONNECTED, build_page
from softmax_explorer.components.metrics import session_build

# One thread per server process: a class's sessions share the cores, and small models gain nothing from more.
torch.set_num_threads(1)

# Panel 1.9 rewrites the stylesheets it shares between sessions to CDN addresses whenever a session makes models
# before its page has a local `dist_url`; another session then receives CDN links, and a classroom without
# internet gets pages without their CSS. Giving every session its local dist_url first keeps them all local.
doc = pn.state.curdoc
if doc is not None and "dist_url" not in doc._template_variables:
    doc._template_variables["dist_url"] = (
        f"{pn.state.rel_path}/{LOCAL_DIST}" if pn.state.rel_path else LOCAL_DIST
    )

# A page whose server went away (a replica stopped, the network dropped) says so and stays on screen, rather than
# freezing silently; its settings are in the address, so a reload brings the same page back.
pn.extension("filedropper", design="bootstrap", disconnect_notification=DISCONNECTED)
with session_build():  # CPU time of building this session's page, for /metrics
    build_page().servable(title="Softmax Explorer")
pn.state.onload(sessions.mark_loaded)  # a page opened and closed within a second still lets go of its session
