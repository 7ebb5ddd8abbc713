<?xml version="1.0" encoding="UTF-8"?>
<!-- Phrase level (TEI module core): highlighting and the reader's marks,
     notes, quotations, titles, alternatives (choice), labels. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:pdf"
    exclude-result-prefixes="#all">

  <!-- The reader's marks: rend="margin-…" (see the contract's @rend vocabulary). -->
  <xsl:function name="tk:is-mark" as="xs:boolean">
    <xsl:param name="hi" as="element()"/>
    <xsl:sequence select="exists(tokenize($hi/@rend)[starts-with(., 'margin-')])"/>
  </xsl:function>

  <!-- A mark is drawn in the left margin; 'col' counts the marks it sits in,
       so nested marks stand side by side instead of on top of each other. -->
  <xsl:template match="tei:hi[tk:is-mark(.)]" mode="pdf">
    <xsl:sequence select="tk:node('mark', ., map {
      'id': string((@xml:id, generate-id(.))[1]),
      'rend': substring-after(tokenize(@rend)[starts-with(., 'margin-')][1], 'margin-'),
      'cert': string(@cert),
      'col': count(ancestor::tei:hi[tk:is-mark(.)])
    })"/>
  </xsl:template>

  <xsl:template match="tei:hi" mode="pdf">
    <xsl:sequence select="tk:node('hi', ., map { 'style': array { tokenize(@rend) } })"/>
  </xsl:template>

  <xsl:template match="tei:emph | tei:foreign | tei:term | tei:mentioned | tei:soCalled
                       | tei:title[not(@level = ('a', 'u'))]" mode="pdf">
    <xsl:sequence select="tk:node('hi', ., map { 'style': array { 'italic' } })"/>
  </xsl:template>

  <!-- A note that describes the page where it stands (a stamp, handwriting)
       stays in the text, in brackets; every other note is a footnote. -->
  <xsl:function name="tk:is-footnote" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="not($note/@type = ('stamp', 'handwritten', 'description'))"/>
  </xsl:function>

  <xsl:template match="tei:note[not(tk:is-footnote(.))]" mode="pdf">
    <xsl:sequence select="tk:node('note-inline', ., map { 'type': string(@type) })"/>
  </xsl:template>

  <xsl:template match="tei:note" mode="pdf">
    <xsl:sequence select="tk:node('note', ., map { 'n': string(@n), 'type': string(@type) })"/>
  </xsl:template>

  <xsl:template match="tei:label" mode="pdf">
    <xsl:sequence select="tk:node('label', .)"/>
  </xsl:template>

  <!-- choice: the reading of the source first, the other in brackets, so the
       printed text keeps every word of the translation as published. -->
  <xsl:template match="tei:choice" mode="pdf">
    <xsl:variable name="first" select="(tei:sic, tei:abbr, tei:orig, *)[1]"/>
    <xsl:variable name="other" select="(* except $first)[1]"/>
    <xsl:variable name="shown" as="item()*">
      <xsl:apply-templates select="$first/node()" mode="pdf"/>
    </xsl:variable>
    <xsl:variable name="alt" as="item()*">
      <xsl:apply-templates select="$other/node()" mode="pdf"/>
    </xsl:variable>
    <xsl:sequence select="map {
      'k': 'choice',
      'how': string($other/local-name()),
      'c': array { $shown },
      'alt': array { $alt }
    }"/>
  </xsl:template>

  <xsl:template match="tei:gloss" mode="pdf">
    <xsl:sequence select="tk:node('gloss', .)"/>
  </xsl:template>

</xsl:stylesheet>
