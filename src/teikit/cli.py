"""The ``teikit`` command: a thin click layer over the library.

Each command lives in the module of its area (``cli_*.py``) and only parses
options, calls the library and reports. Errors from the library arrive as
:class:`~teikit.errors.TeikitError` and are printed here as one line each.
"""

from __future__ import annotations

import os
import sys

import click
from lxml import etree

from . import __version__
from .errors import TeikitError


def _as_error(err: Exception) -> TeikitError:
    """Any failure as a one-line error; only teikit's own defects say "internal error"."""
    if isinstance(err, TeikitError):
        return err
    if isinstance(err, BrokenPipeError):
        # Output piped into `head` and the like: nothing more can be said there.
        _quiet_stdout()
        return TeikitError("output closed early (broken pipe)")
    if isinstance(err, OSError):
        name = None if err.filename is None else str(err.filename)
        return TeikitError(err.strerror or str(err), name)
    if type(err).__module__ == "sqlite3" and type(err).__name__ == "OperationalError":
        # The search index's database: a full disk or an unwritable folder, not a defect.
        return TeikitError(f"cannot write the search index: {err}")
    if isinstance(err, MemoryError):
        return TeikitError("out of memory: the input is too large")
    if isinstance(err, RecursionError):
        return TeikitError("the input is nested too deeply")
    detail = f"{type(err).__name__}: {err}"[:300]
    if isinstance(err, (UnicodeError, etree.LxmlError)):
        return TeikitError(detail)
    return TeikitError(f"internal error: {detail} (run with --debug for the traceback)")


def _report(err: TeikitError) -> None:
    # One line whatever the message holds: a newline inside a library message
    # must not split it (CI annotators read one problem per line).
    text = " ".join((f"teikit: {err}" if err.path is None else str(err)).split())
    click.echo(text, err=True)


def _quiet_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so exiting does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


#: Each command and the module of its area that defines it (in ``COMMANDS``).
COMMAND_MODULES = {
    "convert": "cli_convert",
    "text": "cli_convert",
    "validate": "cli_validate",
    "fetch-tei-all": "cli_validate",
    "html": "cli_html",
    "pdf": "cli_pdf",
    "build": "cli_build",
    "merge": "cli_build",
    "new": "cli_new",
}


class _Group(click.Group):
    """Turn every failure into ``path:line: message`` and an exit status.

    Besides :class:`TeikitError`, failures that bad input or the environment
    can cause (an unreadable file, a full disk, undecodable bytes, an lxml
    error on a strange tree, a document too big for memory) are reported the
    same way with exit status 1. Anything else is a defect of teikit: it is
    reported as an internal error in one line (exit 1). ``--debug`` shows the
    traceback instead.
    """

    #: Commands loaded on demand: name -> module of teikit (see COMMAND_MODULES).
    lazy: dict[str, str] = {}

    def list_commands(self, ctx: click.Context | None) -> list[str]:
        return sorted(set(self.commands) | set(self.lazy))

    def get_command(self, ctx: click.Context | None, name: str):
        # Import a command's module only when that command runs: `teikit pdf`
        # need not pay for loading the converter, the validator and the site
        # builder, which is most of a short command's start-up time.
        if name not in self.commands and name in self.lazy:
            from importlib import import_module

            for command in import_module(f".{self.lazy[name]}", __package__).COMMANDS:
                self.add_command(command)
        return self.commands.get(name)

    def invoke(self, ctx: click.Context):
        try:
            result = super().invoke(ctx)
            # What click.echo printed is still buffered: a full disk must fail
            # the command here, not be lost at exit.
            sys.stdout.flush()
            return result
        except KeyboardInterrupt:
            click.echo("teikit: interrupted", err=True)
            sys.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise  # click's own: usage errors exit 2 with click's message
        except Exception as err:  # noqa: BLE001 - the last line of defence
            if ctx.obj and ctx.obj.get("debug"):
                raise
            error = _as_error(err)
            _report(error)
            sys.exit(error.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="teikit")
@click.option("--debug", is_flag=True, help="Show a traceback instead of a one-line error.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Convert, validate and publish TEI editions of translated archival documents."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug

main.lazy = COMMAND_MODULES
