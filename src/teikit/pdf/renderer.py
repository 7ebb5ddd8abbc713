"""TEI -> PDF: pdf.xsl turns the TEI into JSON data, edition.typ typesets it.

The Typst compiler runs with its root in a private temporary folder that
holds only the template, and the document reaches it as a string input, so a
TEI file can make Typst read no file and run no code of its own. The output
claims PDF/A-2a and PDF/UA-1 (tagged), with title, authors, date and
language taken from the TEI header. A document that cannot meet them (a
character no installed font has, a private-use character) is still printed,
without the claim and with a warning saying why.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .. import TEI_NS
from ..errors import TeikitError, UsageError
from ..teiroot import require_tei
from ..xslt import XSLT_DIR, Stylesheet
from . import fonts

PDF_XSL = XSLT_DIR / "pdf" / "pdf.xsl"
#: Where ``teikit pdf --original`` may put the original-language text.
ORIGINAL_PLACES = ("after", "none")
TEMPLATE = XSLT_DIR / "pdf" / "edition.typ"

#: Archival PDF (PDF/A-2, level a: tagged and with Unicode text) that is also
#: accessible (PDF/UA-1); Typst checks both while writing.
PDF_STANDARDS = ("a-2a", "ua-1")


@dataclass(frozen=True)
class RenderWarning:
    """Something to know about a rendered document (it still gave a PDF).

    ``line`` is None: Typst speaks of the template, not of the TEI's lines.
    """

    line: int | None
    message: str


class PdfRenderer:
    """Render TEI documents as PDF; the stylesheet and fonts are loaded once."""

    def __init__(self, *, original: str = "after") -> None:
        if original not in ORIGINAL_PLACES:
            raise UsageError(f"--original must be one of {', '.join(ORIGINAL_PLACES)}, not {original!r}")
        #: Where the original-language text goes: after the translation, or nowhere.
        self.original = original
        self._sheet = Stylesheet(PDF_XSL)
        self._tmp = tempfile.TemporaryDirectory(prefix="teikit-pdf-")
        # The compile root: a folder of our own with the template and nothing else.
        self._root = Path(self._tmp.name) / "root"
        self._root.mkdir()
        self._main = self._root / "edition.typ"
        self._main.write_bytes(TEMPLATE.read_bytes())
        self._core_fonts = fonts.link_core_files(Path(self._tmp.name) / "fonts")
        self._compilers: dict[tuple[str, ...], object] = {}
        #: Warnings of the last :meth:`render` call.
        self.warnings: list[RenderWarning] = []

    def data(self, tree: etree._ElementTree | etree._Element, *, name: str = "<input>") -> str:
        """The JSON that the template typesets (useful to inspect a rendering)."""
        return self._sheet.transform(tree, {"original": self.original}, name=name)

    def _compiler(self, paths: tuple[str, ...]):
        import typst

        if paths not in self._compilers:
            self._compilers[paths] = typst.Compiler(
                input=str(self._main),
                root=str(self._root),
                font_paths=list(paths),
                ignore_system_fonts=True,
            )
        return self._compilers[paths]

    def render(self, tree: etree._ElementTree | etree._Element, *, name: str = "<input>") -> bytes:
        """Typeset ``tree`` (a TEI document) and return the PDF's bytes.

        Raises :class:`TeikitError` when the root is not a TEI element or the
        document cannot be typeset; nothing is written anywhere.
        """
        require_tei(tree, name)
        check_size(tree, name)
        data = self.data(tree, name=name)
        self.warnings = []
        core = not fonts.needs_all_fonts(data)
        paths = self._core_fonts if core else fonts.noto_dirs()
        try:
            return self._compile(data, paths, PDF_STANDARDS, name)
        except _StandardError as err:
            reason = err.message
        if core and _MISSING_GLYPH in reason:
            # a character of the core ranges that the core files lack: try every font
            paths = fonts.noto_dirs()
            try:
                return self._compile(data, paths, PDF_STANDARDS, name)
            except _StandardError as err:
                reason = err.message
        # No font has some character, or the text holds one that PDF/A forbids
        # (private use): the document is still printed, without the claim.
        pdf = self._compile(data, paths, (), name)
        self.warnings.insert(0, RenderWarning(None, f"not archival (no PDF/A or PDF/UA claim): {reason}"))
        return pdf

    def _compile(self, data: str, paths: tuple[str, ...], standards: tuple[str, ...], name: str) -> bytes:
        inputs = {"doc": data, "fonts": json.dumps(fonts.families(paths))}
        try:
            pdf, warnings = self._compiler(paths).compile_with_warnings(
                format="pdf", sys_inputs=inputs, pdf_standards=list(standards), pdf_tags=True
            )
        except Exception as err:  # typst.TypstError, raised for any failed compilation
            message = _first_line(err)
            if standards and ("PDF/A" in message or "PDF/UA" in message):
                raise _StandardError(message) from None
            raise TeikitError(f"typesetting failed: {message}", name) from None
        self.warnings.extend(RenderWarning(None, _first_line(w)) for w in warnings)
        return pdf


#: What one PDF may typeset. Typst's time and memory grow with the notes and the
#: text (a document of 100,000 notes took a minute and gigabytes); real documents
#: hold a few hundred notes and well under a million characters, so beyond these
#: the document is refused, with one line, before Typst starts.
MAX_NOTES = 5_000
MAX_CHARACTERS = 4_000_000


def check_size(tree: etree._ElementTree | etree._Element, name: str) -> None:
    """Refuse a document larger than a PDF typesets in bounded time and memory."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    notes = int(root.xpath("count(//t:note)", namespaces={"t": TEI_NS}))
    if notes > MAX_NOTES:
        raise TeikitError(f"too many notes to typeset as PDF ({notes}; the limit is {MAX_NOTES})", name)
    characters = int(root.xpath("string-length(string(//t:text[1]))", namespaces={"t": TEI_NS}))
    if characters > MAX_CHARACTERS:
        raise TeikitError(f"too much text to typeset as PDF ({characters} characters; the limit is "
                          f"{MAX_CHARACTERS})", name)


#: Typst's words when no loaded font has a character.
_MISSING_GLYPH = "could not be displayed"


class _StandardError(Exception):
    """The document breaks a rule of PDF/A or PDF/UA (Typst checks them)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _first_line(err: object) -> str:
    text = str(getattr(err, "message", None) or err).strip()
    return text.splitlines()[0] if text else type(err).__name__
