<?xml version="1.0" encoding="UTF-8"?>
<!-- TEI from other projects: an element without a rule keeps its text and
     its name (useful when reading the JSON), never disappears. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <xsl:template match="*" mode="pdf" priority="-1">
    <xsl:sequence select="tk:node('other', ., map { 'name': local-name() })"/>
  </xsl:template>

  <!-- Examples in the TEI Guidelines (egXML) are TEI in another namespace:
       moved into the TEI namespace they are typeset by the same rules, so
       their verse lines, heads and choices do not run into each other. -->
  <xsl:template match="*[namespace-uri() = 'http://www.tei-c.org/ns/Examples']
                        [not(ancestor::*[namespace-uri() = 'http://www.tei-c.org/ns/Examples'])]" mode="pdf">
    <xsl:variable name="as-tei" as="element()">
      <xsl:apply-templates select="." mode="to-tei"/>
    </xsl:variable>
    <xsl:sequence select="tk:node('block', $as-tei, map { 'name': local-name() })"/>
  </xsl:template>

  <xsl:template match="*" mode="to-tei">
    <xsl:element name="{local-name()}" namespace="http://www.tei-c.org/ns/1.0">
      <xsl:copy-of select="@*"/>
      <xsl:apply-templates mode="to-tei"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="text()" mode="to-tei">
    <xsl:copy/>
  </xsl:template>

  <!-- Metadata inside the text (a nested header) and the facsimile's
       image coordinates are not part of the reading text. -->
  <xsl:template match="tei:teiHeader | tei:facsimile" mode="pdf"/>

</xsl:stylesheet>
