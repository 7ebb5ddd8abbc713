<?xml version="1.0" encoding="UTF-8"?>
<!-- What a document describes besides its text, as the HTML shows it: a
     manuscript description as a labelled record (tk:record-label) and
     lists of persons, places, organizations as entries, name first. The
     PDF sets them after the text: the sources the header describes, then
     the standOff. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <xsl:function name="tk:bold" as="map(*)">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="map { 'k': 'hi', 'style': array { 'bold' }, 'c': array { $text } }"/>
  </xsl:function>

  <xsl:template match="tei:msDesc | tei:msPart | tei:msFrag" mode="pdf">
    <xsl:variable name="shelfmark" select="tei:msIdentifier ! string-join((tei:country, tei:region, tei:settlement,
        tei:institution, tei:repository, tei:collection, tei:idno) ! normalize-space(.)[. != ''], ', ')"/>
    <xsl:sequence select="map { 'k': 'div', 'type': 'msDesc', 'c': array {
        map { 'k': 'head', 'type': '', 'level': 1, 'c': array {
          string-join((tk:record-label(.), @n) ! string(.), ' ') || (': ' || $shelfmark)[$shelfmark] } },
        tk:record-fields(* except tei:msIdentifier[not(tei:altIdentifier | tei:msName)])
    } }"/>
  </xsl:template>

  <xsl:function name="tk:is-wrapper" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="empty(tk:record-label($e)) and exists($e/*) and not($e/text()[normalize-space()])"/>
  </xsl:function>

  <xsl:function name="tk:fields" as="element()*">
    <xsl:param name="es" as="element()*"/>
    <xsl:sequence select="$es ! (if (tk:is-wrapper(.)) then tk:fields(*) else .)"/>
  </xsl:function>

  <!-- Each field one line, "Label: value"; a field of fields a block. -->
  <xsl:function name="tk:record-fields" as="item()*">
    <xsl:param name="fields" as="element()*"/>
    <xsl:for-each select="tk:fields($fields)">
      <xsl:variable name="label" select="string-join(((tk:record-label(.), local-name())[1], @n) ! string(.), ' ')"/>
      <xsl:choose>
        <xsl:when test="* and not(text()[normalize-space()]) and not(self::tei:msIdentifier)
            and not(every $c in * satisfies $c/(self::tei:p | self::tei:ab | self::tei:note))">
          <xsl:sequence select="map { 'k': 'line', 'role': 'record', 'c': array { tk:bold($label) } },
              map { 'k': 'block', 'name': 'record', 'c': array { tk:record-fields(*) } }"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="value" as="item()*">
            <xsl:choose>
              <xsl:when test="self::tei:msIdentifier">
                <xsl:sequence select="string-join((tei:settlement, tei:repository, tei:idno) ! normalize-space(.), ', ')"/>
              </xsl:when>
              <xsl:when test="normalize-space() = ''">
                <xsl:sequence select="tk:attribute-values(.)"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:apply-templates select="node()" mode="pdf"/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:sequence select="map { 'k': 'line', 'role': 'record', 'c': array { tk:bold($label || ': '), $value } }"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>

  <xsl:function name="tk:attribute-values" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="string-join((
        $e/@when, $e/@from ! ('from ' || .), $e/@to ! ('to ' || .),
        $e/@notBefore ! ('not before ' || .), $e/@notAfter ! ('not after ' || .),
        $e/@value, $e/@quantity, $e/@target, $e/@ref) ! string(.), ' ')"/>
  </xsl:function>

  <xsl:template match="tei:dimensions" mode="pdf">
    <xsl:sequence select="' ' || string-join((tei:height, tei:width, tei:depth, tei:dim) ! normalize-space(.), ' × ')
        || (' ' || @unit)[current()/@unit] || (' (' || @type || ')')[current()/@type]"/>
    <xsl:if test="empty(tei:height | tei:width | tei:depth | tei:dim)"><xsl:apply-templates mode="pdf"/></xsl:if>
  </xsl:template>

  <xsl:template match="tei:standOff" mode="pdf">
    <xsl:sequence select="map { 'k': 'div', 'type': 'standOff', 'c': array {
        map { 'k': 'head', 'type': '', 'level': 1, 'c': array { tk:record-label(.) } }, tk:children(.) } }"/>
  </xsl:template>

  <xsl:template match="tei:listPerson | tei:listPlace | tei:listOrg | tei:listEvent | tei:listObject
      | tei:listNym | tei:listRelation" mode="pdf">
    <xsl:sequence select="map { 'k': 'block', 'name': local-name(), 'c': array {
        if (tei:head) then () else map { 'k': 'line', 'role': 'record', 'c': array { tk:bold(tk:record-label(.)) } },
        tk:children(.) } }"/>
  </xsl:template>

  <xsl:template match="tei:person | tei:personGrp | tei:place | tei:org | tei:event | tei:object | tei:nym
      | tei:relation" mode="pdf">
    <xsl:variable name="names" select="*[local-name() = $tk:entry-names][1]"/>
    <xsl:variable name="parts" as="item()*">
      <xsl:for-each select="* except $names">
        <xsl:sequence select="' · '"/>
        <xsl:if test="not(self::tei:note or self::tei:desc or local-name() = $tk:entry-names)">
          <xsl:sequence select="map { 'k': 'hi', 'style': array { 'italic' }, 'c': array {
              (tk:record-label(.), local-name())[1] || ': ' } }"/>
        </xsl:if>
        <xsl:apply-templates select="node()" mode="pdf"/>
        <xsl:sequence select="tk:attribute-values(.)[normalize-space(current()) = '']"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="map { 'k': 'line', 'role': 'item', 'c': array {
        map { 'k': 'hi', 'style': array { 'bold' }, 'c': array {
          if ($names) then tk:children($names) else string((@xml:id, local-name())[1]) } },
        $parts,
        if (self::tei:relation) then string-join((@name, @active, @passive, @mutual) ! string(.), ' ') else () } }"/>
  </xsl:template>

</xsl:stylesheet>
