"""``teikit validate``: RelaxNG and Schematron for files and folders, made for CI."""

from __future__ import annotations

import os
import sys

import click

from .errors import UsageError
from .validate import FORMATS, FORMATTERS, Options, run
from .validate.profiles import find_tei_all
from .shard import parse_shard


@click.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--schema", type=click.Path(dir_okay=False), help="RelaxNG schema (XML syntax) instead of the project's.")
@click.option("--schematron", type=click.Path(dir_okay=False), help="ISO Schematron schema instead of the project's.")
@click.option("--tei-all", "tei_all", is_flag=True, help="Validate against the TEI's tei_all.rng (and tei_all.isosch).")
@click.option("--tei-all-dir", type=click.Path(file_okay=False), help="Folder holding tei_all.rng for --tei-all.")
@click.option("--register", type=click.Path(dir_okay=False), help="The register file (default: register.xml beside each document).")
@click.option("--phase", metavar="ID", help="Schematron phase to run (default: the schema's defaultPhase, else all).")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option("-j", "--jobs", type=click.IntRange(0, 64), default=1, show_default=True, help="Files validated in parallel (0: one per CPU).")
@click.option("--shard", metavar="I/N", help="Validate only part I of N (split by a stable hash of each path; CI matrices).")
@click.option("--strict", is_flag=True, help="Warnings fail too.")
def validate_command(paths, schema, schematron, tei_all, tei_all_dir, register, phase, fmt, jobs, shard, strict):
    """Validate TEI files and folders (recursively) with RelaxNG, then Schematron.

    Without options the project's schema and rules (schemas/teikit.rng,
    schemas/teikit.sch) are used. Exit status: 0 valid, 1 invalid, 2 could
    not run.

    Example: teikit validate tei/ --format github -j 2
    """
    if tei_all or tei_all_dir:
        if schema:
            raise UsageError("--tei-all and --schema exclude each other")
        rng, isosch = find_tei_all(tei_all_dir)
        schema, schematron = str(rng), schematron or (str(isosch) if isosch else None)
    options = Options(schema=schema, schematron=schematron, register=register, phase=phase)
    jobs = jobs or os.cpu_count() or 1
    results = run(paths, options, jobs=jobs, shard=parse_shard(shard) if shard else None)
    click.echo(FORMATTERS[fmt](results), nl=False)
    failed = any(not r.valid for r in results) or (strict and any(f for r in results for f in r.findings))
    sys.exit(1 if failed else 0)


COMMANDS = [validate_command]
