<?xml version="1.0" encoding="UTF-8"?>
<!-- PDF edition, step 1: TEI -> a JSON description of the document that the
     Typst template edition.typ typesets. The TEI's text only ever travels as
     JSON strings, so it can never be read as Typst code.

     Shape: {"meta": {...header fields...}, "body": [node, ...]} where a node is
     a string (text) or {"k": kind, "c": [node, ...], ...attributes}. The kinds
     form a closed vocabulary that edition.typ maps to typesetting rules; TEI
     elements without a rule of their own keep their text (fallback.xsl). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:pdf"
    exclude-result-prefixes="#all">

  <xsl:output method="json" indent="no" encoding="UTF-8"/>

  <xsl:include href="functions.xsl"/>
  <xsl:include href="header.xsl"/>
  <xsl:include href="textstructure.xsl"/>
  <xsl:include href="core.xsl"/>
  <xsl:include href="transcr.xsl"/>
  <xsl:include href="namesdates.xsl"/>
  <xsl:include href="fallback.xsl"/>

  <xsl:mode name="body" on-no-match="shallow-skip"/>

  <xsl:template match="/">
    <xsl:variable name="root" select="*[1]"/>
    <xsl:sequence select="map {
      'meta': tk:meta($root),
      'body': array { tk:body($root) }
    }"/>
  </xsl:template>

  <!-- What gets typeset: a TEI document's text (front, body, back); a
       teiCorpus's texts one after the other; any other root as it is. -->
  <xsl:function name="tk:body" as="item()*">
    <xsl:param name="root" as="element()"/>
    <xsl:choose>
      <xsl:when test="$root/self::tei:TEI">
        <xsl:apply-templates select="$root/tei:text" mode="pdf"/>
      </xsl:when>
      <xsl:when test="$root/self::tei:teiCorpus">
        <xsl:apply-templates select="$root/(tei:TEI/tei:text | tei:teiCorpus)" mode="pdf"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$root" mode="pdf"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

</xsl:stylesheet>
