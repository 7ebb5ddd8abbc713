"""``teikit new``: start an edition folder."""

from __future__ import annotations

import click

from .scaffold import new_edition


@click.command("new")
@click.argument("directory", type=click.Path())
def new_command(directory: str) -> None:
    """Create DIRECTORY as an edition folder with one sample document.

    It gets edition.toml, register.xml, memo.txt (a sample translation) and
    memo.meta.toml (its catalogue data). A folder that is not empty is
    refused; nothing is ever overwritten.

    Example: teikit new my-edition && cd my-edition && teikit convert memo.txt -o memo.xml
    """
    for path in new_edition(directory):
        click.echo(str(path))


COMMANDS = [new_command]
