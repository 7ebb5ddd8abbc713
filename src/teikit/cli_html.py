"""``teikit html``: TEI documents → self-contained HTML pages."""

from __future__ import annotations

import os
from pathlib import Path

import click

from .output import write_atomic
from .xmlparse import parse_file


def _href(target: Path, page_dir: Path) -> str:
    """A relative link from a page in ``page_dir`` to ``target`` (URL form)."""
    rel = os.path.relpath(target.resolve(), page_dir.resolve())
    return Path(rel).as_posix()


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
    "--pdf/--no-pdf",
    "pdf",
    default=None,
    help="Link to DOC.pdf beside the page (default: only if that file exists).",
)
def html_command(documents: tuple[Path, ...], output_dir: Path | None, register_href: str, pdf: bool | None) -> None:
    """Render TEI documents as self-contained HTML reading pages.

    Each DOC.xml becomes DOC.html (in --output-dir, or next to DOC.xml),
    with the CSS and script inlined, a link to the TEI source and, when
    DOC.pdf is there, to the PDF. All documents are rendered before any page
    is written, so a bad input leaves no page behind.

    Example:

        teikit html tei/soviet-embassy-dprk-1969-06-09.xml -o site/
    """
    from .html import HtmlRenderer  # compiling the stylesheets is the slow part

    renderer = HtmlRenderer()
    pages: list[tuple[Path, str]] = []
    for doc in documents:
        tree = parse_file(doc)
        page_dir = output_dir if output_dir is not None else doc.parent
        pdf_path = page_dir / f"{doc.stem}.pdf"
        link_pdf = pdf if pdf is not None else pdf_path.is_file()
        page = renderer.render(
            tree,
            name=str(doc),
            tei_href=_href(doc, page_dir),
            pdf_href=_href(pdf_path, page_dir) if link_pdf else None,
            register_href=register_href,
        )
        pages.append((page_dir / f"{doc.stem}.html", page))
    for target, page in pages:
        write_atomic(target, page)
        click.echo(str(target))


COMMANDS = [html_command]
