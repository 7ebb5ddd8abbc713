"""``teikit pdf``: typeset a TEI document as an archival PDF."""

from __future__ import annotations

import os
from pathlib import Path

import click

from .errors import printable, problem_line
from .streams import input_name, is_stdio, parse_input, refuse_binary_on_terminal, refuse_overwriting_inputs, write_output


@click.command("pdf")
@click.argument("document", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Where to write the PDF (default: DOCUMENT with .pdf; - for stdout).")
@click.option("--original", type=click.Choice(["after", "none"]), default="after", show_default=True,
              help="Print the original-language text (<text type=\"original\">) after the translation, or not.")
def pdf_command(document: str, output: str | None, original: str) -> None:
    """Typeset DOCUMENT (TEI XML; - for stdin) as a PDF/A-2a and PDF/UA-1 file.

    The title block comes from the TEI header, translator's notes become
    footnotes and a reader's marks are drawn in the left margin. From stdin
    the PDF goes to stdout unless -o says otherwise.

    Example: teikit pdf tei/soviet-embassy-dprk-1969-06-09.xml -o memo.pdf
    """
    if output is None:
        output = "-" if is_stdio(document) else str(Path(document).with_suffix(".pdf"))
    if is_stdio(output):
        refuse_binary_on_terminal("a PDF")
    refuse_overwriting_inputs(output, document)
    from .pdf import PdfRenderer  # imported late: loads Saxon and Typst

    name = input_name(document)
    tree = parse_input(document)
    renderer = PdfRenderer(original=original)
    data = renderer.render(tree, name=name)
    for warning in renderer.warnings:
        click.echo(problem_line(name, None, f"warning: {warning.message}"), err=True)
    write_output(output, data)
    if not is_stdio(output):
        click.echo(f"wrote {printable(os.fspath(output))}", err=True)


COMMANDS = [pdf_command]
