"""The ``teikit`` command: a thin click layer over the library.

Each command lives in the module of its area (``cli_*.py``) and only parses
options, calls the library and reports. Errors from the library arrive as
:class:`~teikit.errors.TeikitError` and are printed here as one line each.
"""

from __future__ import annotations

import sys

import click

from . import __version__
from .errors import TeikitError


class _Group(click.Group):
    """Turn library errors into ``path:line: message`` and an exit status."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except TeikitError as err:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"teikit: {err}" if err.path is None else str(err), err=True)
            sys.exit(err.exit_code)
        except KeyboardInterrupt:
            click.echo("teikit: interrupted", err=True)
            sys.exit(130)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="teikit")
@click.option("--debug", is_flag=True, help="Show a traceback instead of a one-line error.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Convert, validate and publish TEI editions of translated archival documents."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def _register() -> None:
    # Each area registers its own commands; a missing area must not break the others.
    from importlib import import_module

    for module in ("cli_convert", "cli_validate", "cli_html", "cli_pdf", "cli_build"):
        try:
            mod = import_module(f".{module}", __package__)
        except ModuleNotFoundError as err:
            if err.name and err.name.endswith(module):
                continue
            raise
        for command in getattr(mod, "COMMANDS", ()):
            main.add_command(command)


_register()
