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
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <xsl:output method="json" indent="no" encoding="UTF-8"/>

  <!-- The rendering core the HTML uses too: the header's fields, the note
       classes, the mark kinds, register ids. -->
  <xsl:import href="../common/common.xsl"/>
  <xsl:include href="functions.xsl"/>
  <xsl:include href="header.xsl"/>
  <xsl:include href="textstructure.xsl"/>
  <xsl:include href="core.xsl"/>
  <xsl:include href="transcr.xsl"/>
  <xsl:include href="namesdates.xsl"/>
  <xsl:include href="textcrit.xsl"/>
  <xsl:include href="drama.xsl"/>
  <xsl:include href="msdesc.xsl"/>
  <xsl:include href="fallback.xsl"/>

  <xsl:mode name="root" on-no-match="shallow-skip"/>

  <!-- The original-language text (<text type="original"> after the translation):
       "after" prints it after the translation under its own heading, "none" leaves it out. -->
  <xsl:param name="original" as="xs:string" select="'after'"/>

  <xsl:template match="/">
    <xsl:variable name="root" select="*[1]"/>
    <xsl:variable name="body" as="item()*">
      <xsl:apply-templates select="$root" mode="root"/>
    </xsl:variable>
    <xsl:sequence select="map {
      'meta': tk:meta($root),
      'body': array { $body }
    }"/>
  </xsl:template>

  <!-- What gets typeset: a TEI document's text (front, body, back), then
       what else it holds that a reader reads (the sources its header
       describes, its standOff, a genetic transcription), as the HTML shows
       them; a teiCorpus's texts one after the other; any other TEI element
       as it is. -->
  <xsl:template match="tei:TEI" mode="root">
    <xsl:variable name="originals" select="tei:text[@type = 'original'][preceding-sibling::tei:text]"/>
    <xsl:apply-templates select="tei:text except $originals" mode="pdf"/>
    <xsl:for-each select="$originals[$original = 'after']">
      <xsl:variable name="lang" select="string(@xml:lang)"/>
      <xsl:variable name="name" select="(ancestor::tei:TEI/tei:teiHeader//tei:language[@ident = $lang], $lang)[1]"/>
      <xsl:sequence select="map { 'k': 'head', 'type': 'main', 'level': 0,
        'c': array { 'The original: ' || replace(normalize-space($name), ' \(original\)$', '') } }"/>
      <xsl:apply-templates select="." mode="pdf"/>
    </xsl:for-each>
    <xsl:apply-templates select="tk:described-sources(.)" mode="pdf"/>
    <xsl:apply-templates select="tei:standOff | tei:sourceDoc" mode="pdf"/>
  </xsl:template>

  <xsl:template match="tei:teiCorpus" mode="root">
    <xsl:apply-templates select="tei:TEI | tei:teiCorpus" mode="root"/>
  </xsl:template>

  <!-- In a corpus each document opens with its own title. -->
  <xsl:template match="tei:teiCorpus/tei:TEI" mode="root">
    <xsl:variable name="title" select="tk:text(tk:header(.)?title)"/>
    <xsl:sequence select="map { 'k': 'head', 'type': 'main', 'level': 0, 'c': array { $title } }[$title]"/>
    <xsl:apply-templates select="tei:text" mode="pdf"/>
    <xsl:apply-templates select="tk:described-sources(.)" mode="pdf"/>
    <xsl:apply-templates select="tei:standOff | tei:sourceDoc" mode="pdf"/>
  </xsl:template>

  <xsl:template match="*" mode="root">
    <xsl:apply-templates select="." mode="pdf"/>
  </xsl:template>

</xsl:stylesheet>
