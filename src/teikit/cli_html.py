"""``teikit html``: TEI documents → self-contained HTML pages."""

from __future__ import annotations

from pathlib import Path

import click

from .errors import UsageError
from .streams import is_stdio, parse_input, refuse_overwriting_inputs, write_output

#: The record that marks a folder as a built site (``teikit build`` replaces such a folder whole).
SITE_RECORD = ".teikit-build.json"


@click.command("html")
@click.argument("documents", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(file_okay=False),
    help="Folder for the pages (default: next to each document; - for stdout).",
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
@click.option(
    "--link-names",
    type=click.Choice(["first", "all"]),
    default="first",
    show_default=True,
    help="Link the first mention of a register entry in each paragraph (the others are marked, not linked), or all.",
)
def html_command(documents: tuple[str, ...], output_dir: str | None, register_href: str, pdf_link: str,
                 link_names: str) -> None:
    """Render TEI documents as self-contained HTML reading pages.

    Each DOC.xml becomes DOC.html (in --output-dir, or next to DOC.xml;
    with - as DOC, or -o -, the one page goes to stdout),
    with the CSS and script inlined, an anchor on each section and paragraph,
    citation meta tags for reference managers, a link to the TEI source and, when
    DOC.pdf is there (see --pdf-link), to the PDF. All documents are rendered before any page
    is written, so a bad input leaves no page behind.

    Example:

        teikit html tei/soviet-embassy-dprk-1969-06-09.xml -o site/
    """
    to_stdout = is_stdio(output_dir) or any(is_stdio(doc) for doc in documents)
    if to_stdout and len(documents) > 1:
        raise UsageError("several pages cannot go to stdout (- as a document, or -o -): give -o DIR")
    if to_stdout and output_dir is not None and not is_stdio(output_dir):
        raise UsageError("a document read from stdin has no name for its page: its page goes to stdout (omit -o)")
    if not to_stdout and output_dir is not None and (Path(output_dir) / SITE_RECORD).is_file():
        # teikit build replaces that folder whole; a page put there would be lost or go stale.
        raise UsageError(f"{output_dir} is a site made by teikit build; write the pages elsewhere")
    from .html import HtmlRenderer, page_paths  # compiling the stylesheets is the slow part

    link_pdf = None if pdf_link == "auto" else pdf_link == "always"
    renderer = HtmlRenderer()
    if to_stdout:
        (document,) = documents
        if is_stdio(document):
            page = renderer.render_citable(parse_input(document), name="stdin", register_href=register_href,
                                           link_names=link_names)
        else:
            # The page's links are made relative to the current folder, where a redirection puts it.
            target = Path.cwd() / f"{Path(document).stem}.html"
            page = renderer.render_file(Path(document), target, register_href=register_href, link_pdf=link_pdf,
                                        link_names=link_names)
        write_output("-", page)
        return
    paths = [Path(doc) for doc in documents]
    targets = page_paths(paths, Path(output_dir) if output_dir is not None else None)
    for target in targets:
        refuse_overwriting_inputs(target, *documents)
    pages = [
        renderer.render_file(doc, target, register_href=register_href, link_pdf=link_pdf,
                                        link_names=link_names)
        for doc, target in zip(paths, targets)
    ]
    for target, page in zip(targets, pages):
        write_output(target, page)
        click.echo(str(target))


COMMANDS = [html_command]
