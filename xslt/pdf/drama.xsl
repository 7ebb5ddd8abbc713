<?xml version="1.0" encoding="UTF-8"?>
<!-- The structures of literary and spoken texts, as the HTML sets them:
     stage directions in italics, utterances led by their speaker, pauses
     and blank spaces, glossaries as "label — item" lines, the unheaded
     divisions of EpiDoc editions named, and the word boundaries TEI marks
     without a space (break="no" joins a word; sibling segments are apart). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:stage" mode="pdf">
    <xsl:variable name="italic" select="tk:node('hi', ., map { 'style': array { 'italic' } })"/>
    <xsl:sequence select="if (../text()[normalize-space()] or parent::tei:l or parent::tei:p) then $italic
        else map { 'k': 'line', 'role': 'stage', 'c': array { $italic } }"/>
  </xsl:template>

  <xsl:template match="tei:u" mode="pdf">
    <xsl:variable name="who" select="string-join(tokenize(normalize-space(@who), ' ') ! replace(., '^.*#', ''), ', ')"/>
    <xsl:sequence select="map { 'k': 'line', 'role': 'u', 'c': array {
        map { 'k': 'hi', 'style': array { 'bold' }, 'c': array { $who || ': ' } }[$who != ''], tk:children(.) } }"/>
  </xsl:template>

  <xsl:template match="tei:pause" mode="pdf">
    <xsl:sequence select="' (.) '"/>
  </xsl:template>

  <xsl:template match="tei:space | tei:caesura" mode="pdf">
    <xsl:sequence select="'   '"/>
  </xsl:template>

  <xsl:template match="tei:seg[preceding-sibling::node()[1][self::tei:seg]]" mode="pdf" priority="1">
    <xsl:sequence select="' '"/>
    <xsl:next-match/>
  </xsl:template>

  <!-- break="no": the word goes on across the break. -->
  <xsl:template match="tei:lb[tk:joins-word(.)] | tei:cb[tk:joins-word(.)] | tei:pb[tk:joins-word(.)]" mode="pdf" priority="2"/>

  <xsl:template match="text()[tk:joins-word(following-sibling::node()[1])]
      | text()[tk:joins-word(preceding-sibling::node()[1])]" mode="pdf" priority="3">
    <xsl:variable name="one" select="replace(., '\s+', ' ')"/>
    <xsl:variable name="head" select="if (tk:joins-word(following-sibling::node()[1])) then replace($one, ' $', '') else $one"/>
    <xsl:sequence select="if (tk:joins-word(preceding-sibling::node()[1])) then replace($head, '^ ', '') else $head"/>
  </xsl:template>

  <xsl:template match="tei:lb[not(preceding-sibling::node()[not(self::text()[not(normalize-space())])])]"
      mode="pdf" priority="1"/>

  <xsl:template match="tei:ex" mode="pdf">
    <xsl:sequence select="'(', tk:children(.), ')'"/>
  </xsl:template>

  <!-- A glossary: each label with its item on one line. -->
  <xsl:template match="tei:list[tei:label]" mode="pdf" priority="1">
    <xsl:sequence select="map { 'k': 'block', 'name': 'list', 'c': array {
        tk:children(tei:head),
        tei:item ! map { 'k': 'line', 'role': 'gloss', 'c': array {
          preceding-sibling::*[1][self::tei:label] ! map { 'k': 'hi', 'style': array { 'bold' }, 'c': array { tk:children(.) } },
          if (preceding-sibling::*[1][self::tei:label]) then ' — ' else (),
          tk:children(.) } } } }"/>
  </xsl:template>

  <!-- An unheaded division of a known type (tk:division-label) is named. -->
  <xsl:template match="tei:div[tk:division-label(.)]" mode="pdf" priority="1">
    <xsl:sequence select="map { 'k': 'div', 'type': string(@type), 'c': array {
        map { 'k': 'head', 'type': '', 'level': count(ancestor-or-self::tei:div), 'c': array { tk:division-label(.) } },
        tk:children(.) } }"/>
  </xsl:template>

</xsl:stylesheet>
