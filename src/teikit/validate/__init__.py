"""Validate TEI: RelaxNG, then ISO Schematron (compiled to XSLT 3.0 and run by saxonche).

``Validator`` checks documents one by one; :func:`run` takes files and
directories, shards them and runs them in parallel; :data:`FORMATTERS`
print the results as text, JSON, JUnit XML or GitHub annotations.
"""

from .finding import Finding
from .report import FORMATTERS, FORMATS, Outcome
from .runner import FileResult, Options, run
from .validator import PROJECT_RNG, PROJECT_SCH, Validator

__all__ = ["Finding", "Validator", "FileResult", "Options", "run", "FORMATTERS", "FORMATS", "Outcome", "PROJECT_RNG", "PROJECT_SCH"]
