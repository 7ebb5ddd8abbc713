<?xml version="1.0" encoding="UTF-8"?>
<!-- Phrase level (TEI module core): highlighting and the reader's marks,
     notes, quotations, titles, alternatives (choice), labels. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <!-- A reader's margin mark (tk:mark-kind) is drawn in the left margin;
       'col' counts the marks it sits in, so nested marks stand side by side
       instead of on top of each other. -->
  <xsl:template match="tei:hi[tk:mark-kind(@rend)]" mode="pdf">
    <xsl:sequence select="tk:node('mark', ., map {
      'id': string((@xml:id, generate-id(.))[1]),
      'rend': tk:mark-kind(@rend),
      'cert': if (@cert = ('low', 'unknown')) then 'low' else string(@cert),
      'col': count(ancestor::tei:hi[tk:mark-kind(@rend)])
    })"/>
  </xsl:template>

  <xsl:template match="tei:hi" mode="pdf">
    <xsl:sequence select="tk:node('hi', ., map { 'style': array { tokenize(@rend) } })"/>
  </xsl:template>

  <xsl:template match="tei:emph | tei:foreign | tei:term | tei:mentioned | tei:soCalled
                       | tei:title[tk:is-italic-title(.)]" mode="pdf">
    <xsl:sequence select="tk:node('hi', ., map { 'style': array { 'italic' } })"/>
  </xsl:template>

  <!-- An article's or unpublished piece's title: upright, as in the HTML. -->
  <xsl:template match="tei:title" mode="pdf">
    <xsl:apply-templates mode="pdf"/>
  </xsl:template>

  <!-- A numbered note (tk:is-numbered-note, as in the HTML) is a footnote;
       every other note stays in the text, in brackets. -->
  <xsl:template match="tei:note[not(tk:is-numbered-note(.))]" mode="pdf">
    <xsl:sequence select="tk:node('note-inline', ., map { 'type': string(@type) })"/>
  </xsl:template>

  <xsl:template match="tei:note" mode="pdf">
    <xsl:sequence select="tk:node('note', ., map { 'n': string(@n), 'type': string(@type) })"/>
  </xsl:template>

  <!-- Quotations and citations: a block when tk:stands-alone says so (as
       the HTML's blockquote), in the line otherwise; a citation's quotation
       and its source stay together, the source as the quotation's
       attribution when the citation is a block. The translation prints its
       own quotation marks, so none are added. -->
  <xsl:template match="tei:quote | tei:q | tei:said" mode="pdf">
    <xsl:sequence select="tk:node('quote', ., map { 'block': tk:stands-alone(.) })"/>
  </xsl:template>

  <xsl:template match="tei:cit" mode="pdf">
    <xsl:sequence select="tk:node('cit', ., map { 'block': tk:stands-alone(.) })"/>
  </xsl:template>

  <xsl:template match="tei:bibl | tei:biblStruct" mode="pdf">
    <xsl:sequence select="tk:node('bibl', ., map { 'block': tk:stands-alone(.) and not(parent::tei:cit) })"/>
  </xsl:template>

  <!-- Links: the target passes tk:safe-url (the HTML's allow-list) or the
       words are set without a link; a pointer prints its target. A PDF
       stands alone, so only absolute http(s) links are made (a fragment or
       relative URL would lead nowhere). -->
  <xsl:template match="tei:ref | tei:ptr" mode="pdf">
    <xsl:variable name="url" select="string(tk:safe-url(tokenize(normalize-space(@target), ' ')[1])
                                            [matches(., '^https?://', 'i')])"/>
    <xsl:sequence select="if (self::tei:ptr) then map { 'k': 'link', 'url': $url, 'c': array { string(@target) } }
                          else tk:node('link', ., map { 'url': $url })"/>
  </xsl:template>

  <!-- An element name mentioned in prose, in angle brackets, as code. -->
  <xsl:template match="tei:gi | tei:code | tei:ident" mode="pdf">
    <xsl:sequence select="map { 'k': 'code', 'c': array { if (self::tei:gi) then '&lt;' || . || '&gt;' else string(.) } }"/>
  </xsl:template>

  <!-- Words added by a hand, segments outside an opener or closer, and an
       abbreviation standing alone read as the text around them (the HTML's
       ins, span and abbr carry no look of their own either). -->
  <xsl:template match="tei:add | tei:seg | tei:abbr | tei:expan | tei:sic | tei:corr | tei:orig | tei:reg" mode="pdf">
    <xsl:apply-templates mode="pdf"/>
  </xsl:template>

  <xsl:template match="tei:label" mode="pdf">
    <xsl:sequence select="tk:node('label', .)"/>
  </xsl:template>

  <!-- choice: the reading of the source first, the other in brackets, so the
       printed text keeps every word of the translation as published. -->
  <xsl:template match="tei:choice" mode="pdf">
    <xsl:variable name="first" select="tk:source-reading(.)"/>
    <xsl:variable name="other" select="tk:editor-reading(.)"/>
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
