"""Compile an XSLT 3.0 stylesheet once (saxonche) and apply it to many documents.

Each :class:`Stylesheet` owns its own Saxon processor. While compiling, only
``file:`` URIs may be read (for ``xsl:include``/``xsl:import``); right after,
the processor's URI access is switched off (``allowedProtocols`` empty), so
no ``doc()``, ``unparsed-text()`` or ``xsl:include`` can reach a file or the
network while a user's document is being transformed. Saxon never parses a
user's file: it receives the serialization of a tree that the hardened parser
(:mod:`teikit.xmlparse`) has already built, without DOCTYPE or entities.
Secondary result documents (``xsl:result-document``) are captured in memory
and discarded, so a stylesheet can never write a file either. Saxon's own
messages on stderr are captured and turned into one-line errors.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from lxml import etree

from .bundled import data_dir
from .errors import TeikitError, UsageError

_ALLOWED_PROTOCOLS = "http://saxon.sf.net/feature/allowedProtocols"

#: The folder of the bundled stylesheets (``xslt/`` at the project's root,
#: shipped inside the package as ``teikit/xslt`` when installed as a wheel).
XSLT_DIR = data_dir("xslt")


@contextlib.contextmanager
def captured_stderr() -> Iterator[list[str]]:
    """Collect what native code writes on file descriptor 2 into a list of lines."""
    lines: list[str] = []
    try:
        saved = os.dup(2)
    except OSError:  # no stderr at all: nothing to capture
        yield lines
        return
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield lines
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            lines.extend(sink.read().decode("utf-8", "replace").splitlines())


#: What Saxon's own XML parser accepts when it reads the tree teikit hands
#: it (the JDK's defaults, jdk.xml.elementAttributeLimit and maxXMLNameLimit):
#: attributes and namespace declarations on one element, and characters in a
#: name's prefix or local part. Looked for only when Saxon refuses a tree, so
#: documents within them pay nothing.
SAXON_MAX_ATTRIBUTES = 200
SAXON_MAX_NAME = 1000


def _declared(element: etree._Element) -> list[str]:
    """The prefixes ("" for the default) the serialization declares on ``element``."""
    parent = element.getparent()
    inherited = parent.nsmap if parent is not None else {}
    return [prefix or "" for prefix, uri in element.nsmap.items() if inherited.get(prefix) != uri]


def saxon_limit_problem(tree: etree._ElementTree | etree._Element) -> tuple[str, int] | None:
    """The first element beyond Saxon's parser limits, as (message, line), or None."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    for element in root.iter(tag=etree.Element):
        declared = _declared(element)
        local = etree.QName(element).localname
        shown = f"{element.prefix}:{local}" if element.prefix else local
        if len(shown) > 60:
            shown = shown[:60] + "…"
        line = element.sourceline or 1
        count = len(element.attrib) + len(declared)
        if count > SAXON_MAX_ATTRIBUTES:
            return (f"<{shown}> has {count} attributes and namespace declarations; "
                    f"at most {SAXON_MAX_ATTRIBUTES} on one element can be transformed", line)
        names = [element.prefix or "", local, *declared, *(etree.QName(key).localname for key in element.attrib)]
        if any(len(name) > SAXON_MAX_NAME for name in names):
            return (f"<{shown}> has a name or prefix longer than {SAXON_MAX_NAME} characters; "
                    "it cannot be transformed", line)
    return None


def _summary(lines: list[str], fallback: str) -> str:
    """The most telling line of Saxon's chatter (its error code line, if any), as one line."""
    for line in lines:
        stripped = line.strip()
        if stripped[:4].isalpha() and stripped[4:8].isdigit():  # e.g. XTDE0640, FOUT1170
            return stripped[:300]
    text = " ".join(line.strip() for line in lines if line.strip()) or str(fallback)
    return " ".join(text.split())[:300]


class Stylesheet:
    """One compiled stylesheet with its own locked-down Saxon processor.

    ``text``, when given, is the stylesheet's source (one generated in
    memory, say from a Schematron schema); ``path`` is then only the file
    that errors name, the one the user wrote.
    """

    def __init__(self, path: str | os.PathLike, *, text: str | None = None):
        from saxonche import PySaxonProcessor  # imported late: start-up cost

        self.path = Path(path)
        if text is None and not self.path.is_file():
            raise UsageError(f"stylesheet not found: {self.path}")
        self._proc = PySaxonProcessor(license=False)
        # While compiling, only local files (xsl:include, xsl:import) may be
        # read: a static variable or use-when in a stylesheet built from a
        # user's Schematron must not reach the network either.
        self._proc.set_configuration_property(_ALLOWED_PROTOCOLS, "file")
        compiler = self._proc.new_xslt30_processor()
        with captured_stderr() as chatter:
            try:
                if text is None:
                    self._exe = compiler.compile_stylesheet(stylesheet_file=str(self.path))
                else:
                    self._exe = compiler.compile_stylesheet(stylesheet_text=text)
            except Exception as err:  # saxonche raises its own PySaxonApiError
                raise UsageError(f"cannot compile: {_summary(chatter, str(err))}", str(self.path)) from None
        self._proc.set_configuration_property(_ALLOWED_PROTOCOLS, "")

    def _node(self, tree: etree._ElementTree | etree._Element):
        root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
        # Serializing the root element alone drops any DOCTYPE; comments and
        # processing instructions before the root are not needed by any output.
        text = etree.tostring(root, encoding="unicode")
        return self._proc.parse_xml(xml_text=text)

    def _set_params(self, params: Mapping[str, object] | None) -> None:
        self._exe.clear_parameters()
        for name, value in (params or {}).items():
            if isinstance(value, bool):
                xdm = self._proc.make_boolean_value(value)
            elif isinstance(value, int):
                xdm = self._proc.make_integer_value(value)
            else:
                xdm = self._proc.make_string_value(str(value))
            self._exe.set_parameter(name, xdm)

    def transform(
        self,
        tree: etree._ElementTree | etree._Element,
        params: Mapping[str, object] | None = None,
        name: str = "<input>",
    ) -> str:
        """Apply the stylesheet to ``tree`` and return the serialized result."""
        with captured_stderr() as chatter:
            try:
                node = self._node(tree)
                self._set_params(params)
                # Secondary results (xsl:result-document) are kept in memory
                # and dropped: an href computed from the TEI must never write
                # a file. Re-enabling the capture also empties the last map.
                self._exe.set_capture_result_documents(True)
                result = self._exe.transform_to_string(xdm_node=node)
            except Exception as err:
                summary = _summary(chatter, str(err))
                # Saxon re-parses the tree and names a line of that text, not
                # of the user's file: find the element in the user's tree.
                problem = saxon_limit_problem(tree) if "SXXP0003" in summary or "JAXP" in summary else None
                if problem is not None:
                    raise TeikitError(problem[0], name, problem[1]) from None
                raise TeikitError(f"transformation failed: {summary}", name) from None
        if result is None:
            raise TeikitError(f"transformation failed: {_summary(chatter, 'no result')}", name)
        return result
