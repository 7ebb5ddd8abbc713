"""teikit: TEI P5 editions of translated archival documents.

The library behind the ``teikit`` command: convert bracketed plain-text
translations to TEI, export them back, validate, and render HTML and PDF.
"""

__version__ = "0.1.0"

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
