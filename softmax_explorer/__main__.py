"""``python -m softmax_explorer COMMAND``: the package's commands, one subcommand each.

    python -m softmax_explorer serve --show                         # the app on this machine, in the browser
    python -m softmax_explorer export explorer.html                 # the explorer as one file, no server needed
    python -m softmax_explorer export lecture.html --link "?logits=6,1,1&conceal=1"

A new command is a function ``name(args) -> int`` and its parser in :func:`parser`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from softmax_explorer.models.inputs import format_number


def export(args: argparse.Namespace) -> int:
    """Write the one-file explorer and say how large it is."""
    from softmax_explorer.app.standalone import export as write
    from softmax_explorer.app.url_state import parse_query

    size = write(args.path, parse_query(args.link) if args.link else None)
    print(
        f"Wrote {args.path}: {size:,} bytes ({format_number(size / 1024)} KB), one file that needs no server. "
        "Open it in a browser, put it on a course page or mail it."
    )
    return 0


def serve(args: argparse.Namespace) -> int:
    """Serve the installed app with Panel (a class server from a checkout uses deploy/serve.sh instead)."""
    import softmax_explorer.app

    app = str(Path(softmax_explorer.app.__file__).parent)
    os.execv(sys.executable, [sys.executable, "-m", "panel", "serve", app, *args.panel])
    return 1  # not reached: execv replaces this process


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="python -m softmax_explorer", description="The Softmax Explorer's commands."
    )
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    one = commands.add_parser(
        "export",
        help="write the softmax explorer as one self-contained HTML file",
        description="Write the softmax explorer tab as one HTML file with everything inline: it works from a "
        "course page, an e-mail attachment or the disk, with no server and no internet. The training "
        "playground needs the server and is not in it.",
    )
    one.add_argument("path", help="the file to write, such as explorer.html")
    one.add_argument(
        "--link",
        default="",
        metavar="QUERY",
        help="the state the file opens at when its address has none, as in the app's links: "
        "'?logits=1,2,-1&target=1'",
    )
    one.set_defaults(run=export)
    two = commands.add_parser(
        "serve",
        help="serve the app (both tabs) with Panel, from wherever the package is installed",
        description="Serve the app with `panel serve`: a student's own machine or a small class. Every option "
        "after `serve` goes to `panel serve` (--port 5006, --show, --address ...). A class server from a "
        "checkout is better served by deploy/serve.sh (README, 'Serving a class').",
    )
    two.set_defaults(run=serve)
    return main


def main(argv: list[str] | None = None) -> int:
    main_parser = parser()
    args, rest = main_parser.parse_known_args(argv)
    if rest and args.run is not serve:  # only `serve` passes what it does not know on (to panel serve)
        main_parser.error(f"unrecognized arguments: {' '.join(rest)}")
    args.panel = rest
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
