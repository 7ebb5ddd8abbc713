"""``teikit validate``: RelaxNG and Schematron for files and folders, made for CI."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click

from .errors import TeikitError, UsageError
from .streams import STDIN_NAME, is_stdio, parse_input, write_output
from .validate import FORMATS, FORMATTERS, Options, run
from .validate.finding import Finding
from .validate.profiles import DEFAULT_RELEASE, fetch_tei_all, find_tei_all, read_checksums
from .validate.report import Outcome
from .validate.runner import FileResult, expand
from .shard import parse_shard
from .validate.select import split_tei


def _validate_stdin(options: Options) -> list[FileResult]:
    """The document on standard input, with the register named, or ``register.xml`` of the current folder."""
    if options.register is None and Path("register.xml").is_file():
        options = Options(options.schema, options.schematron, "register.xml", prune=options.prune, phase=options.phase)
    validator = options.validator()
    try:
        tree = parse_input("-")
    except TeikitError as err:
        return [FileResult(STDIN_NAME, [Finding(STDIN_NAME, err.line or 1, 0, "error", err.message, "well-formed")])]
    return [FileResult(STDIN_NAME, validator.validate_tree(tree, STDIN_NAME))]


def _outcome(paths, schema, schematron, tei_all, tei_all_dir, register, phase, jobs, shard, strict, skip_non_tei) -> Outcome:
    """Validate, or say why the run could not start: every failure becomes part of the outcome."""
    outcome = Outcome(strict=strict)
    started = time.perf_counter()
    try:
        if tei_all or tei_all_dir:
            if schema:
                raise UsageError("--tei-all and --schema exclude each other")
            rng, isosch = find_tei_all(tei_all_dir)
            schema, schematron = str(rng), schematron or (str(isosch) if isosch else None)
        options = Options(schema=schema, schematron=schematron, register=register, phase=phase)
        shard_spec = parse_shard(shard) if shard else None
        if any(is_stdio(p) for p in paths):
            if len(paths) > 1 or shard_spec:
                raise UsageError("- (standard input) is one document: give it alone, without --shard")
            outcome.results = _validate_stdin(options)
        else:
            files = expand(paths)
            if skip_non_tei:
                files, outcome.skipped = split_tei(files)
                outcome.skipped = [str(p) for p in outcome.skipped]
            if files or not outcome.skipped:
                # run() says "no .xml files" for an empty list: most likely a wrong folder in CI.
                outcome.results = run(files or paths, options, jobs=jobs or os.cpu_count() or 1, shard=shard_spec)
    except TeikitError as err:
        outcome.error, outcome.error_status = str(err), err.exit_code
        outcome.error_line = str(err) if err.path is not None else f"teikit: {err}"
    outcome.seconds = time.perf_counter() - started
    return outcome


@click.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--schema", type=click.Path(dir_okay=False), help="RelaxNG schema (XML syntax) instead of the project's.")
@click.option("--schematron", type=click.Path(dir_okay=False), help="ISO Schematron schema instead of the project's.")
@click.option("--tei-all", "tei_all", is_flag=True, help="Validate against the TEI's tei_all.rng (and tei_all.isosch).")
@click.option("--tei-all-dir", type=click.Path(file_okay=False), help="Folder holding tei_all.rng for --tei-all.")
@click.option("--register", type=click.Path(dir_okay=False), help="The register file (default: register.xml beside each document).")
@click.option("--phase", metavar="ID", help="Schematron phase to run (default: the schema's defaultPhase, else all).")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the report to FILE, also when the run cannot start (default, or -: stdout).")
@click.option("-j", "--jobs", type=click.IntRange(0, 64), default=1, show_default=True, help="Files validated in parallel (0: one per CPU).")
@click.option("--shard", metavar="I/N", help="Validate only part I of N (split by a stable hash of each path; CI matrices).")
@click.option("--strict", is_flag=True, help="Warnings fail too.")
@click.option("--skip-non-tei", is_flag=True, help="Skip files whose root element is not TEI (XSLT, RelaxNG, SVG …).")
def validate_command(paths, schema, schematron, tei_all, tei_all_dir, register, phase, fmt, output, jobs, shard, strict,
                     skip_non_tei):
    """Validate TEI files and folders (recursively) with RelaxNG, then Schematron.

    Without options the project's schema and rules (schemas/teikit.rng,
    schemas/teikit.sch) are used; - reads one document from stdin. Exit
    status: 0 valid, 1 invalid (with --strict, warnings too), 2 could not
    run; every format says the same.

    Example: teikit validate tei/ --format github -j 2
    """
    outcome = _outcome(paths, schema, schematron, tei_all, tei_all_dir, register, phase, jobs, shard, strict, skip_non_tei)
    if outcome.error is not None:
        click.echo(" ".join(outcome.error_line.split()), err=True)
    report = FORMATTERS[fmt](outcome)
    if report or output:
        write_output(output, report)
    sys.exit(outcome.exit_status)


@click.command("fetch-tei-all")
@click.option("--release", default=DEFAULT_RELEASE, show_default=True, help="The TEI P5 release to fetch.")
@click.option("--dir", "directory", type=click.Path(file_okay=False),
              help="Folder to put the files in (default: the user cache, where --tei-all finds them).")
@click.option("--sha256sums", type=click.Path(dir_okay=False),
              help="Refuse files whose SHA-256 differs from this list (the format sha256sum prints).")
def fetch_tei_all_command(release, directory, sha256sums):
    """Download tei_all.rng and tei_all.isosch of a TEI release, on request only.

    Prints each URL and the SHA-256 of what it got; checks that each file is
    the schema its name says (the .rng of that release) and, with
    --sha256sums, that its checksum is the expected one. Both files are
    checked before either is written. `teikit validate --tei-all` then
    finds them.

    Example: teikit fetch-tei-all --release 4.8.0
    """
    checksums = read_checksums(sha256sums) if sha256sums else None
    for _url, path in fetch_tei_all(release, directory, checksums=checksums, say=lambda text: click.echo(text, err=True)):
        click.echo(str(path))


COMMANDS = [validate_command, fetch_tei_all_command]
