"""`teikit validate --schema/--schematron` with schemas that try to reach out.

A schema from a pull request is input too: its external references must not
open a connection or show the content of a file in a message.
"""

from __future__ import annotations

import pytest
from hostile_support import assert_no_traceback, need, run

RNG = """<grammar xmlns="http://relaxng.org/ns/structure/1.0">
  <start><externalRef href="{href}"/></start>
</grammar>
"""

SCH = """<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
  <pattern>
    <rule context="/*">
      <assert test="false()"><value-of select="unparsed-text('{href}')"/></assert>
      <report test="true()"><value-of select="doc('{remote}')"/></report>
    </rule>
  </pattern>
</schema>
"""


@pytest.mark.parametrize("target", ["remote", "secret"])
def test_relaxng_external_reference(workspace, listener, target):
    need("validate")
    href = f"http://127.0.0.1:{workspace.port}/schema.rng" if target == "remote" else "secret.txt"
    schema = workspace.place("hostile.rng", RNG.format(href=href).encode())
    doc = workspace.place("xml_stylesheet_pi.xml")
    result = run("validate", "--schema", schema, doc)
    assert result.exception is None and result.exit_code in (1, 2), result.stdout + result.stderr
    assert_no_traceback(result)
    assert listener.connections == []
    assert workspace.token not in result.stdout + result.stderr


def test_schematron_reading_files(workspace, listener):
    need("validate")
    schema = workspace.place(
        "hostile.sch",
        SCH.format(href=(workspace.inputs / "secret.txt").as_uri(), remote=f"http://127.0.0.1:{workspace.port}/x").encode(),
    )
    doc = workspace.place("xml_stylesheet_pi.xml")
    result = run("validate", "--schematron", schema, doc)
    assert result.exception is None and result.exit_code in (1, 2), result.stdout + result.stderr
    assert_no_traceback(result)
    assert listener.connections == []
    assert workspace.token not in result.stdout + result.stderr
