"""``python -m teikit``: the same command line as ``teikit``."""

from .cli import main

# The program name in usage lines stays "teikit", not "__main__.py".
main(prog_name="teikit")
