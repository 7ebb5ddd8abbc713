"""``teikit pdf``: typeset a TEI document as an archival PDF."""

from __future__ import annotations

from pathlib import Path

import click

from .output import write_atomic
from .xmlparse import parse_file


@click.command("pdf")
@click.argument("document", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the PDF (default: DOCUMENT with .pdf).")
def pdf_command(document: Path, output: Path | None) -> None:
    """Typeset DOCUMENT (TEI XML) as a PDF/A-2a and PDF/UA-1 file.

    The title block comes from the TEI header, translator's notes become
    footnotes and a reader's marks are drawn in the left margin.

    Example: teikit pdf tei/soviet-embassy-dprk-1969-06-09.xml -o memo.pdf
    """
    from .pdf import PdfRenderer  # imported late: loads Saxon and Typst

    target = output or document.with_suffix(".pdf")
    tree = parse_file(document)
    renderer = PdfRenderer()
    data = renderer.render(tree, name=str(document))
    for warning in renderer.warnings:
        click.echo(f"{document}: warning: {warning.message}", err=True)
    write_atomic(target, data)
    click.echo(f"wrote {target}", err=True)


COMMANDS = [pdf_command]
