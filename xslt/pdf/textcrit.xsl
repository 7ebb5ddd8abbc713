<?xml version="1.0" encoding="UTF-8"?>
<!-- Critical apparatus (TEI textcrit), as the HTML sets it: the lemma
     (tk:apparatus-lemma) in the text, the readings and their witnesses in a
     footnote ("lemma ] reading Wit; reading Wit"); an apparatus kept apart
     (listApp) is a block of such entries. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:app" mode="pdf">
    <xsl:choose>
      <xsl:when test="tk:is-apparatus-entry(.)">
        <xsl:apply-templates select="tk:apparatus-lemma(.)/node()" mode="pdf"/>
        <xsl:sequence select="map { 'k': 'note', 'n': string(@n), 'type': 'app', 'c': array { tk:apparatus-entry(.) } }"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="tk:apparatus-entry(.)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:listApp" mode="pdf">
    <xsl:sequence select="map { 'k': 'block', 'name': 'listApp', 'c': array {
        tei:app ! map { 'k': 'line', 'role': 'app', 'c': array { tk:apparatus-entry(.) } } } }"/>
  </xsl:template>

  <xsl:function name="tk:apparatus-entry" as="item()*">
    <xsl:param name="app" as="element()"/>
    <xsl:variable name="lemma" select="tk:apparatus-lemma($app)"/>
    <xsl:sequence select="($app/@loc ! (string(.) || ' '))"/>
    <xsl:apply-templates select="$lemma/node()" mode="pdf"/>
    <xsl:sequence select="tk:witnesses($lemma), ' ] '"/>
    <xsl:for-each select="tk:apparatus-readings($app)">
      <xsl:sequence select="'; '[position() gt 1]"/>
      <xsl:apply-templates select="node()" mode="pdf"/>
      <xsl:sequence select="map { 'k': 'hi', 'style': array { 'italic' }, 'c': array { 'om.' } }[not(normalize-space(current()))]"/>
      <xsl:sequence select="tk:witnesses(.)"/>
    </xsl:for-each>
    <xsl:for-each select="$app/(tei:note | tei:wit)">
      <xsl:sequence select="' ('"/>
      <xsl:apply-templates select="node()" mode="pdf"/>
      <xsl:sequence select="')'"/>
    </xsl:for-each>
  </xsl:function>

  <xsl:function name="tk:witnesses" as="item()*">
    <xsl:param name="reading" as="element()?"/>
    <xsl:variable name="sigla" select="if ($reading) then tk:sigla($reading) else ''"/>
    <xsl:sequence select="(' ', map { 'k': 'hi', 'style': array { 'italic' }, 'c': array { $sigla } })[$sigla != '']"/>
  </xsl:function>

  <xsl:template match="tei:listWit" mode="pdf">
    <xsl:sequence select="map { 'k': 'block', 'name': 'listWit', 'c': array {
        tei:witness ! map { 'k': 'line', 'role': 'witness', 'c': array {
          if (@xml:id) then (map { 'k': 'hi', 'style': array { 'italic' }, 'c': array { string(@xml:id) } }, ' ') else (),
          tk:children(.) } } } }"/>
  </xsl:template>

  <xsl:function name="tk:children" as="item()*">
    <xsl:param name="e" as="element()*"/>
    <xsl:apply-templates select="$e/node()" mode="pdf"/>
  </xsl:function>

</xsl:stylesheet>
