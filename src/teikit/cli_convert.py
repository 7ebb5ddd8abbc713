"""The ``convert`` and ``text`` commands."""

from __future__ import annotations

import sys

import click

from .convert import convert_file, serialize
from .convert.header import read_metadata
from .errors import TeikitError
from .export import export_text
from .output import write_atomic
from .xmlparse import parse_file


def _print_rules(ctx: click.Context, _param, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from .convert.tables import text

    click.echo(text())
    ctx.exit(0)


@click.command("convert")
@click.argument("source", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the TEI here (default: stdout).")
@click.option("--report", "report", is_flag=False, flag_value="-", default=None, metavar="[FILE]",
              help="Write the conversion report to FILE (or stderr without FILE).")
@click.option("--strict", is_flag=True, help="Treat warnings (unclosed or stray brackets, no sidecar) as errors.")
@click.option("--meta", type=click.Path(dir_okay=False), help="Metadata sidecar (default: SOURCE's NAME.meta.toml).")
@click.option("--register", type=click.Path(dir_okay=False),
              help="Name register (default: register.xml beside SOURCE, else the bundled edition's).")
@click.option("--rules", is_flag=True, expose_value=False, is_eager=True, callback=_print_rules,
              help="List the bracket conventions and line classes the converter knows, with examples, and exit.")
def convert_command(source, output, report, strict, meta, register):
    """Convert a plain-text translation SOURCE to TEI.

    Bracketed insertions become TEI elements; warnings go to stderr as
    file:line: warning: message.

    Example: teikit convert memo.txt -o memo.xml --report memo.report.txt
    """
    metadata = read_metadata(meta) if meta else None
    conversion = convert_file(source, strict=strict, metadata=metadata, register=register)
    for warning in conversion.warnings:
        click.echo(f"{source}:{warning.line}: warning: {warning.message}", err=True)
    data = serialize(conversion.tree)
    if output:
        write_atomic(output, data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    if report == "-":
        click.echo(conversion.report.to_text(), err=True, nl=False)
    elif report:
        write_atomic(report, conversion.report.to_text())


@click.command("text")
@click.argument("document", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the text here (default: stdout).")
def text_command(document, output):
    """Export the plain text of a TEI DOCUMENT (the inverse of convert).

    Example: teikit text memo.xml -o memo.txt
    """
    text = export_text(parse_file(document), document)
    if not text:
        raise TeikitError("no text in the document's body", document)
    if output:
        write_atomic(output, text)
    else:
        click.echo(text, nl=False)


COMMANDS = [convert_command, text_command]
