<?xml version="1.0" encoding="UTF-8"?>
<!-- TEI from other projects: an element without a rule keeps its text and
     its name (useful when reading the JSON), never disappears. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:pdf"
    exclude-result-prefixes="#all">

  <xsl:template match="*" mode="pdf" priority="-1">
    <xsl:sequence select="tk:node('other', ., map { 'name': local-name() })"/>
  </xsl:template>

  <!-- Metadata inside the text (a nested header) is not part of the reading text. -->
  <xsl:template match="tei:teiHeader | tei:facsimile | tei:standOff" mode="pdf"/>

</xsl:stylesheet>
