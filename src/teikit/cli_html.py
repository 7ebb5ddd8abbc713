"""``teikit html``: TEI documents → self-contained HTML pages."""

from __future__ import annotations

from pathlib import Path

import click

from .output import write_atomic


@click.command("html")
@click.argument("documents", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the pages (default: next to each document).",
)
@click.option(
    "--register",
    "register_href",
    default="register.html",
    show_default=True,
    help="Page that names link to; each name links to its entry's id there.",
)
@click.option(
    "--pdf-link",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Link to DOC.pdf beside the page: auto = only if that file exists.",
)
def html_command(documents: tuple[Path, ...], output_dir: Path | None, register_href: str, pdf_link: str) -> None:
    """Render TEI documents as self-contained HTML reading pages.

    Each DOC.xml becomes DOC.html (in --output-dir, or next to DOC.xml),
    with the CSS and script inlined, a link to the TEI source and, when
    DOC.pdf is there (see --pdf-link), to the PDF. All documents are rendered before any page
    is written, so a bad input leaves no page behind.

    Example:

        teikit html tei/soviet-embassy-dprk-1969-06-09.xml -o site/
    """
    from .html import HtmlRenderer, page_paths  # compiling the stylesheets is the slow part

    targets = page_paths(documents, output_dir)
    link_pdf = None if pdf_link == "auto" else pdf_link == "always"
    renderer = HtmlRenderer()
    pages = [
        renderer.render_file(doc, target, register_href=register_href, link_pdf=link_pdf)
        for doc, target in zip(documents, targets)
    ]
    for target, page in zip(targets, pages):
        write_atomic(target, page)
        click.echo(str(target))


COMMANDS = [html_command]
