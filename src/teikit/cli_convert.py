"""The ``convert`` and ``text`` commands."""

from __future__ import annotations

import os
from pathlib import Path

import click

from .convert import convert_file, convert_text, serialize
from .convert.original import export_original
from .convert.header import read_metadata, sidecar_path
from .convert.source import decode
from .errors import TeikitError, UsageError, problem_line
from .export import export_text
from .pageimages import rebase
from .sniff import HEAD_SIZE, not_plain_text
from .streams import (STDIN_NAME, input_name, is_stdio, parse_input, read_stdin, refuse_overwriting_inputs,
                      write_output)

#: What a bare ``--report`` (no FILE) stands for: the report goes to stderr.
REPORT_TO_STDERR = "\0stderr"


def _head(source: str) -> bytes:
    # Only a regular file: opening a FIFO would block (the converter's own read refuses it).
    if not os.path.isfile(source):
        return b""
    try:
        with open(source, "rb") as handle:
            return handle.read(HEAD_SIZE)
    except OSError:
        return b""  # the converter's own read reports why


def _refuse_binary(head: bytes, name: str) -> None:
    hint = not_plain_text(head)
    if hint:
        raise TeikitError(hint, name, 1)


def _print_rules(ctx: click.Context, _param, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from .convert.tables import text

    click.echo(text())
    ctx.exit(0)


@click.command("convert")
@click.argument("source", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the TEI here (default, or -: stdout).")
@click.option("--report", "report", is_flag=False, flag_value=REPORT_TO_STDERR, default=None, metavar="[FILE]",
              help="Write the conversion report to FILE (- for stdout; stderr without FILE).")
@click.option("--strict", is_flag=True, help="Treat warnings (unclosed or stray brackets, no sidecar) as errors.")
@click.option("--meta", type=click.Path(dir_okay=False), help="Metadata sidecar (default: SOURCE's NAME.meta.toml).")
@click.option("--register", type=click.Path(dir_okay=False),
              help="Name register (default: register.xml beside SOURCE, else the bundled edition's).")
@click.option("--rules", is_flag=True, expose_value=False, is_eager=True, callback=_print_rules,
              help="List the bracket conventions and line classes the converter knows, with examples, and exit.")
def convert_command(source, output, report, strict, meta, register):
    """Convert a plain-text translation SOURCE (- for stdin) to TEI.

    Bracketed insertions become TEI elements; warnings go to stderr as
    file:line: warning: message.

    Example: teikit convert memo.txt -o memo.xml --report memo.report.txt
    """
    to_stdout = output is None or is_stdio(output)
    if is_stdio(report) and to_stdout:
        raise UsageError("--report - and the TEI cannot both go to stdout: give -o FILE or --report FILE")
    if output and report and not is_stdio(output) and os.path.abspath(output) == os.path.abspath(report):
        raise UsageError("-o and --report name the same file; give each its own")
    if is_stdio(meta) or is_stdio(register):
        raise UsageError("--meta and --register read files; standard input is for SOURCE only")
    sidecar = None if is_stdio(source) or meta else sidecar_path(source)
    for written in (output, None if report == REPORT_TO_STDERR else report):
        refuse_overwriting_inputs(written, source, meta, sidecar, register)
    metadata = read_metadata(meta) if meta else None
    if is_stdio(source):
        data = read_stdin()
        _refuse_binary(data[:HEAD_SIZE], STDIN_NAME)
        conversion = convert_text(decode(data, STDIN_NAME), STDIN_NAME, strict=strict, metadata=metadata,
                                  register=register)
    else:
        _refuse_binary(_head(source), source)
        conversion = convert_file(source, strict=strict, metadata=metadata, register=register)
    for warning in conversion.warnings:
        click.echo(problem_line(warning.path or input_name(source), warning.line, f"warning: {warning.message}"), err=True)
    if not to_stdout:
        # Page images are named relative to the sidecar; the TEI names them relative to itself.
        rebase(conversion.tree.getroot(), Path(meta or source).parent, Path(output).parent)
    write_output(output, serialize(conversion.tree))
    if report == REPORT_TO_STDERR:
        click.echo(conversion.report.to_text(), err=True, nl=False)
    elif report:
        write_output(report, conversion.report.to_text())


@click.command("text")
@click.argument("document", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the text here (default, or -: stdout).")
@click.option("--original", is_flag=True,
              help="Export the original-language text (<text type=\"original\">) instead of the translation.")
def text_command(document, output, original):
    """Export the plain text of a TEI DOCUMENT (- for stdin), the inverse of convert.

    Example: teikit text memo.xml -o memo.txt
    """
    refuse_overwriting_inputs(output, document)
    tree = parse_input(document)
    if original:
        write_output(output, export_original(tree, input_name(document)))
        return
    text = export_text(tree, input_name(document))
    if not text:
        raise TeikitError("no text in the document's body", input_name(document))
    write_output(output, text)


COMMANDS = [convert_command, text_command]
