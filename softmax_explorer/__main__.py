"""``python -m softmax_explorer COMMAND``: the package's commands, one subcommand each.

    python -m softmax_explorer export explorer.html                 # the explorer as one file, no server needed
    python -m softmax_explorer export lecture.html --link "?logits=6,1,1&conceal=1"

A new command is a function ``name(args) -> int`` and its parser in :func:`parser`.
"""

from __future__ import annotations

import argparse
import sys

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
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
