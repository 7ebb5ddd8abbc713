"""The PDF edition: TEI typeset by Typst through an XSLT 3.0 stylesheet."""

from .renderer import PDF_STANDARDS, PdfRenderer, RenderWarning

__all__ = ["PDF_STANDARDS", "PdfRenderer", "RenderWarning"]
