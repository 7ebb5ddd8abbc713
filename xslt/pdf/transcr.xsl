<?xml version="1.0" encoding="UTF-8"?>
<!-- Transcription (TEI module transcr and core's editorial elements): stamps,
     supplied words, gaps, unclear readings, additions and deletions. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <!-- A stamp standing alone (tk:stamp-stands-alone) is set in a box; one
       quoted inside a sentence stays in the line, as in the HTML. -->
  <xsl:template match="tei:stamp" mode="pdf">
    <xsl:sequence select="tk:node('stamp', ., map { 'boxed': tk:stamp-stands-alone(.) })"/>
  </xsl:template>

  <xsl:template match="tei:supplied" mode="pdf">
    <xsl:sequence select="tk:node('supplied', .)"/>
  </xsl:template>

  <!-- A gap prints tk:gap-text in brackets, as the HTML does. -->
  <xsl:template match="tei:gap" mode="pdf">
    <xsl:sequence select="map {
      'k': 'gap',
      'reason': string(@reason),
      'c': array { tk:gap-text(.) }
    }"/>
  </xsl:template>

  <xsl:template match="tei:unclear" mode="pdf">
    <xsl:sequence select="tk:node('unclear', .)"/>
  </xsl:template>

  <xsl:template match="tei:del | tei:surplus" mode="pdf">
    <xsl:sequence select="tk:node('hi', ., map { 'style': array { 'strikethrough' } })"/>
  </xsl:template>

</xsl:stylesheet>
