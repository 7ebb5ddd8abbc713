"""Stand-in stages for the build tests: fast, deterministic, and able to fail
on demand, so the tests check the build's orchestration, not the stages."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teikit import TEI_NS
from teikit.errors import TeikitError
from teikit.xmlparse import parse_file

_NS = {"t": TEI_NS}
MENTION_ELEMENTS = ("persName", "orgName", "placeName", "geogName", "name", "rs")


class FakeFinding:
    def __init__(self, path, line, message):
        self.path, self.line, self.column = path, line, 1
        self.severity, self.message, self.rule = "error", message, "fake-rule"


class FakeToolchain:
    """convert parses TEI (plain text becomes a one-paragraph TEI); a document
    whose text contains INVALID fails validation; the HTML links every
    register reference; the PDF is a fixed byte string."""

    instances = 0

    def __init__(self, *, pdf=True, validation=None):
        type(self).instances += 1
        self.pdf_enabled = pdf

    def convert(self, path: Path, kind: str):
        if kind == "tei":
            return parse_file(path), []
        text = path.read_text(encoding="utf-8")
        if "\x00" in text:
            raise TeikitError("NUL character in the text", str(path), text[: text.index("\x00")].count("\n") + 1)
        root = etree.fromstring(
            f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title type="main"/></titleStmt>'
            "<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>"
            "<text><body><p/></body></text></TEI>"
        )
        root.find(".//{%s}title" % TEI_NS).text = text.splitlines()[0]
        root.find(".//{%s}body/{%s}p" % (TEI_NS, TEI_NS)).text = text
        if "KEYBOARD-INTERRUPT" in text:
            raise KeyboardInterrupt
        if "SLOW" in text:  # still at work when another document interrupts the build
            import time

            time.sleep(1.5)
        if "EXHAUST-MEMORY" in text:  # a stage that keeps allocating, as a resource bomb makes one do
            hoard = []
            while True:
                hoard.append(bytearray(64 * 1024 * 1024))
        if "NATIVE-OOM" in text:  # as Typst aborts when an allocation fails under the cap
            import os

            os.abort()
        if "KILL-WORKER" in text:  # as the kernel kills a process out of memory
            import os
            import signal

            os.kill(os.getpid(), signal.SIGKILL)
        return root.getroottree(), [f"{path}:1: warning: fake warning"] if "WARN" in text else []

    def validate(self, tree, name):
        for node in tree.getroot().iter():
            for value in ((node.text or ""), (node.tail or "")):
                if "INVALID" in value:
                    return [FakeFinding(name, node.sourceline or 1, "fake schema error")]
        return []

    def html(self, tree, name, *, tei_href, pdf_href, register_href):
        root = tree.getroot()
        body = []
        # The real stylesheet's rule: each name pointing into the register is a
        # mention, anchored "mention-N" in document order (tk:mentions).
        for node in root.iter(*(f"{{{TEI_NS}}}{name}" for name in MENTION_ELEMENTS)):
            ref = (node.get("ref") or "").split(" ")[0]
            if ref.startswith("register.xml#"):
                body.append(f'<a id="mention-{len(body) + 1}" href="{register_href}#{ref.split("#", 1)[1]}">'
                            f'{"".join(node.itertext())}</a>')
        title = root.find(".//{%s}title" % TEI_NS)
        return (f"<!DOCTYPE html><html><head><title>{title.text if title is not None else ''}</title></head>"
                f'<body><a href="{tei_href}">TEI</a> {" ".join(body)}</body></html>')

    def pdf(self, tree, name):
        return b"%PDF-1.4 fake\n"
