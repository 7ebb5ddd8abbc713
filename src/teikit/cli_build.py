"""``teikit build`` and ``teikit merge``: the whole static edition."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .errors import TeikitError, UsageError, printable
from .site import build_site, merge_sites, parse_shard
from .site.worker import Validation


def _newer_than_its_tei(text: Path) -> bool:
    tei = text.with_suffix(".xml")
    try:
        return text.stat().st_mtime > tei.stat().st_mtime + 1
    except OSError:
        return False


def _finish(summary) -> None:
    for warning in summary.warnings:
        click.echo(warning, err=True)
    # A source text beside its TEI (as the bundled edition keeps it) is no news; one edited after its TEI
    # was made is: its changes are not published until it is converted again.
    stale = [path for path in summary.superseded if _newer_than_its_tei(Path(path))]
    if stale:
        click.echo(f"{len(stale)} plain-text source(s) changed after the TEI file of the same name, which is published "
                   f"instead (convert again to publish the changes): {', '.join(printable(p) for p in map(str, stale[:3]))}"
                   + (" …" if len(stale) > 3 else ""), err=True)
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
@click.option("--schema", type=click.Path(dir_okay=False, exists=True), help="RelaxNG schema for every document instead of the project's.")
@click.option("--schematron", type=click.Path(dir_okay=False, exists=True), help="ISO Schematron schema for every document instead of the project's.")
@click.option("--tei-all", "tei_all", is_flag=True, help="Validate every document against tei_all.rng (and tei_all.isosch).")
@click.option("--tei-all-dir", type=click.Path(file_okay=False), help="Folder holding tei_all.rng (for --tei-all and xml-model).")
@click.option("--publish-invalid", is_flag=True, help="Publish documents that fail validation, with a warning.")
@click.option("--worker-memory", type=click.FloatRange(min=0), default=None, metavar="GIB",
              help="Memory cap of each worker process in GiB (0: none; default 4, or less on a small machine; "
                   "also TEIKIT_WORKER_MEMORY).")
def build_command(source_dir, site_dir, jobs, strict, shard, no_pdf, force, quiet, schema, schematron, tei_all,
                  tei_all_dir, publish_invalid, worker_memory):
    """Build the static edition of SOURCE_DIR (default: the bundled edition).

    SOURCE_DIR holds plain-text translations (*.txt, with optional NAME.meta.toml
    sidecars; converted on the way), TEI documents (*.xml, used as they are),
    register.xml (the name register) and an optional edition.toml (title,
    publisher, licence, description). Every document is validated and rendered
    to HTML and PDF; the site gets an index, register and search pages, the TEI
    files and edition.xml (a teiCorpus). Only what changed since the last build
    is redone. Invalid documents are reported and left out (exit status 1 at
    the end); --strict stops at the first one instead; --publish-invalid
    publishes them with a warning (and says so on the index).

    Documents are checked against teikit's schema, or the one a document's
    <?xml-model?> names when it is a file inside SOURCE_DIR or tei_all
    (nothing is fetched); --schema, --schematron or --tei-all name one for
    every document.

    Example: teikit build tei/ -o site/ -j 4   (then open site/index.html in a browser)
    """
    if tei_all:
        if schema:
            raise UsageError("--tei-all and --schema exclude each other")
        from .validate.profiles import find_tei_all

        rng, isosch = find_tei_all(tei_all_dir)
        schema, schematron = str(rng), schematron or (str(isosch) if isosch else None)
    validation = None
    if schema or schematron or tei_all_dir or publish_invalid:
        validation = Validation(schema, schematron, publish_invalid, tei_all_dir=tei_all_dir)
    summary = build_site(
        source_dir, site_dir, jobs=jobs, strict=strict, shard=parse_shard(shard) if shard else None,
        pdf=not no_pdf, force=force, stream=sys.stderr, quiet=quiet, validation=validation,
        worker_memory=worker_memory,
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
