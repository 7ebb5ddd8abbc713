<?xml version="1.0" encoding="UTF-8"?>
<!-- Text structure (TEI modules textstructure, core's block elements, linking's
     milestones): divisions, headings, paragraphs, the opener and closer of a
     letter or memo, line and page breaks. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <!-- Containers with no look of their own: their content, in order. -->
  <xsl:template match="tei:text | tei:front | tei:body | tei:back | tei:group" mode="pdf">
    <xsl:apply-templates mode="pdf"/>
  </xsl:template>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7"
                mode="pdf">
    <xsl:sequence select="tk:node('div', ., map { 'type': string(@type) })"/>
  </xsl:template>

  <xsl:template match="tei:head" mode="pdf">
    <xsl:sequence select="tk:node('head', ., map {
      'type': string(@type),
      'level': count(ancestor::*[self::tei:div or matches(local-name(), '^div\d$')])
    })"/>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab" mode="pdf">
    <xsl:sequence select="tk:node('p', .)"/>
  </xsl:template>

  <xsl:template match="tei:opener" mode="pdf">
    <xsl:sequence select="tk:node('opener', .)"/>
  </xsl:template>

  <xsl:template match="tei:closer" mode="pdf">
    <xsl:sequence select="tk:node('closer', .)"/>
  </xsl:template>

  <!-- Inside an opener or closer every part stands on its own line, so the
       line breaks between the parts are already there. -->
  <xsl:template match="tei:opener/tei:lb | tei:closer/tei:lb" mode="pdf"/>

  <xsl:template match="tei:opener/tei:seg | tei:closer/tei:seg | tei:salute | tei:dateline
                       | tei:signed | tei:byline | tei:docAuthor | tei:docDate" mode="pdf">
    <xsl:sequence select="tk:node('line', ., map { 'role': string((@type, local-name())[1]) })"/>
  </xsl:template>

  <xsl:template match="tei:milestone" mode="pdf">
    <xsl:sequence select="map { 'k': 'milestone', 'rend': string(@rend) }"/>
  </xsl:template>

  <xsl:template match="tei:lb" mode="pdf">
    <xsl:sequence select="map { 'k': 'lb' }"/>
  </xsl:template>

  <!-- A page break of the original is shown where the text records one. -->
  <xsl:template match="tei:pb" mode="pdf">
    <xsl:sequence select="map { 'k': 'pb', 'n': string(@n) }"/>
  </xsl:template>

  <!-- A page break the converter added only to link the first page image
       (resp="#encoder", no number) records nothing of the text. -->
  <xsl:template match="tei:pb[@resp = '#encoder'][not(normalize-space(@n))]" mode="pdf" priority="1"/>

  <!-- Block elements of other projects' TEI: each its own block, so that
       lists, verse, tables, speeches and specifications stay readable. -->
  <xsl:template match="tei:list | tei:listBibl | tei:lg | tei:table | tei:sp | tei:figure | tei:castList
                       | tei:floatingText | tei:eg | tei:egXML
                       | *[ends-with(local-name(), 'Spec')] | tei:schemaSpec | tei:specGrp | tei:argument
                       | tei:epigraph | tei:trailer | tei:titlePage | tei:postscript | tei:docTitle" mode="pdf">
    <xsl:sequence select="tk:node('block', ., map { 'name': local-name() })"/>
  </xsl:template>

  <xsl:template match="tei:item | tei:l | tei:row | tei:speaker | tei:bibl[parent::tei:listBibl]
                       | tei:titlePart | tei:castItem" mode="pdf">
    <xsl:sequence select="tk:node('line', ., map { 'role': local-name() })"/>
  </xsl:template>

  <xsl:template match="tei:cell" mode="pdf">
    <xsl:sequence select="tk:node('cell', .)"/>
  </xsl:template>

</xsl:stylesheet>
