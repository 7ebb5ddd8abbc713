"""``teikit build`` and ``teikit merge``: the whole static edition."""

from __future__ import annotations

import sys

import click

from .errors import TeikitError
from .site import build_site, merge_sites, parse_shard


def _finish(summary) -> None:
    for warning in summary.warnings:
        click.echo(warning, err=True)
    if summary.superseded:
        # The bundled edition keeps each TEI file's source text beside it: one line, not one per file.
        click.echo(f"{len(summary.superseded)} plain-text source(s) not converted: a TEI file of the same name is used",
                   err=True)
    click.echo(summary.text(), err=True)
    if not summary.ok:
        raise TeikitError(f"{len(summary.failed)} document(s) failed and were left out of the site")


@click.command("build")
@click.argument("source_dir", required=False, type=click.Path(file_okay=False, path_type=str))
@click.option("-o", "--output", "site_dir", default="site", show_default=True, type=click.Path(path_type=str),
              help="Folder of the site (replaced atomically).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the number of CPUs).")
@click.option("--strict", is_flag=True, help="Stop at the first invalid document; keep the previous site.")
@click.option("--shard", metavar="I/N", default=None,
              help="Build only part I of N (deterministic split by document id); combine with `teikit merge`.")
@click.option("--no-pdf", is_flag=True, help="Skip the PDFs (faster).")
@click.option("--force", is_flag=True, help="Rebuild every document, ignoring the previous build.")
@click.option("-q", "--quiet", is_flag=True, help="No progress output; only the summary and errors.")
def build_command(source_dir, site_dir, jobs, strict, shard, no_pdf, force, quiet):
    """Build the static edition of SOURCE_DIR (default: the bundled edition).

    SOURCE_DIR holds plain-text translations (*.txt, with optional NAME.meta.toml
    sidecars; converted on the way), TEI documents (*.xml, used as they are),
    register.xml (the name register) and an optional edition.toml (title,
    publisher, licence, description). Every document is validated and rendered
    to HTML and PDF; the site gets an index, register and search pages, the TEI
    files and edition.xml (a teiCorpus). Only what changed since the last build
    is redone. Invalid documents are reported and left out (exit status 1 at
    the end); --strict stops at the first one instead.

    Example: teikit build tei/ -o site/ -j 4   (then open site/index.html in a browser)
    """
    summary = build_site(
        source_dir, site_dir, jobs=jobs, strict=strict, shard=parse_shard(shard) if shard else None,
        pdf=not no_pdf, force=force, stream=sys.stderr, quiet=quiet,
    )
    _finish(summary)


@click.command("merge")
@click.argument("shard_dirs", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=str))
@click.option("-o", "--output", "site_dir", default="site", show_default=True, type=click.Path(path_type=str),
              help="Folder of the merged site.")
def merge_command(shard_dirs, site_dir):
    """Merge the sites built with `teikit build --shard I/N` into one site.

    Example: teikit build --shard 1/2 -o part1 && teikit build --shard 2/2 -o part2 &&
    teikit merge part1 part2 -o site
    """
    _finish(merge_sites(list(shard_dirs), site_dir))


COMMANDS = [build_command, merge_command]
