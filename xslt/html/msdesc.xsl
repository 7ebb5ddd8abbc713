<?xml version="1.0" encoding="UTF-8"?>
<!--
  What a document describes besides its text → HTML: a manuscript
  description (msDesc) as a labelled record, and lists of persons, places,
  organizations and witnesses (standOff, back matter, the header's
  sourceDesc) as readable entries: the name first, then each part with its
  label (tk:record-label). tk:described-sources shows the sources that the
  header describes this way below the text, open, so that a catalogue
  record without a transcription is read like one.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <xsl:template name="tk:described-sources">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="described" select="tk:described-sources($root)"/>
    <xsl:if test="exists($described)">
      <section class="described-sources" aria-label="The source described">
        <xsl:apply-templates select="$described" mode="html">
          <xsl:with-param name="tk:numbers" select="map{}" tunnel="yes"/>
          <xsl:with-param name="tk:copy" select="true()" tunnel="yes"/>
        </xsl:apply-templates>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:msDesc | tei:msPart | tei:msFrag" mode="html">
    <xsl:param name="tk:in-phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($tk:in-phrase) then 'span' else 'section'}">
      <xsl:attribute name="class" select="'msdesc', 'as-block'[$tk:in-phrase]"/>
      <xsl:apply-templates select="@xml:id | @xml:lang" mode="html-attr"/>
      <xsl:element name="{if ($tk:in-phrase) then 'span' else 'h2'}">
        <xsl:attribute name="class" select="'record-title'"/>
        <xsl:value-of select="tk:record-label(.), @n"/>
        <xsl:if test="tei:msIdentifier">
          <xsl:text>: </xsl:text>
          <xsl:value-of select="tk:shelfmark(tei:msIdentifier)"/>
        </xsl:if>
      </xsl:element>
      <xsl:call-template name="tk:record-fields">
        <xsl:with-param name="fields" select="* except tei:msIdentifier[not(tei:altIdentifier | tei:msName)]"/>
      </xsl:call-template>
    </xsl:element>
  </xsl:template>

  <xsl:function name="tk:shelfmark" as="xs:string">
    <xsl:param name="id" as="element()"/>
    <xsl:sequence select="string-join(($id/(tei:country | tei:region | tei:settlement | tei:institution
        | tei:repository | tei:collection | tei:idno)) ! normalize-space(.)[. != ''], ', ')"/>
  </xsl:function>

  <!-- Fields as a definition list: an element holding only elements opens a
       list of its own; one with words, or empty, is a value. A wrapper
       without a label of its own (objectDesc, supportDesc, decoDesc) gives
       its parts to the list it stands in. -->
  <xsl:function name="tk:is-wrapper" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="empty(tk:record-label($e)) and exists($e/*) and not($e/text()[normalize-space()])"/>
  </xsl:function>

  <xsl:function name="tk:fields" as="element()*">
    <xsl:param name="es" as="element()*"/>
    <xsl:sequence select="$es ! (if (tk:is-wrapper(.)) then tk:fields(*) else .)"/>
  </xsl:function>

  <xsl:template name="tk:record-fields">
    <xsl:param name="fields" as="element()*"/>
    <xsl:param name="tk:in-phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:if test="exists($fields)">
      <xsl:element name="{if ($tk:in-phrase) then 'span' else 'dl'}">
        <xsl:attribute name="class" select="'record', 'as-block'[$tk:in-phrase]"/>
        <xsl:for-each select="tk:fields($fields)">
          <xsl:element name="{if ($tk:in-phrase) then 'span' else 'dt'}">
            <xsl:attribute name="class" select="'record-label'"/>
            <xsl:value-of select="(tk:record-label(.), local-name())[1], @n"/>
            <xsl:if test="$tk:in-phrase"><xsl:text>: </xsl:text></xsl:if>
          </xsl:element>
          <xsl:element name="{if ($tk:in-phrase) then 'span' else 'dd'}">
            <xsl:attribute name="class" select="'record-value'"/>
            <xsl:choose>
              <xsl:when test="self::tei:msIdentifier">
                <xsl:value-of select="tk:shelfmark(.)"/>
              </xsl:when>
              <xsl:when test="* and not(text()[normalize-space()]) and not(self::tei:p or self::tei:ab)
                  and not(every $c in * satisfies $c/(self::tei:p | self::tei:ab | self::tei:note))">
                <xsl:call-template name="tk:record-fields">
                  <xsl:with-param name="fields" select="*"/>
                </xsl:call-template>
              </xsl:when>
              <xsl:when test="normalize-space() = ''">
                <xsl:value-of select="tk:attribute-values(.)"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:apply-templates mode="html">
                  <xsl:with-param name="tk:in-phrase" select="true()" tunnel="yes"/>
                </xsl:apply-templates>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:element>
        </xsl:for-each>
      </xsl:element>
    </xsl:if>
  </xsl:template>

  <!-- Measurements: "180 × 125 mm". -->
  <xsl:template match="tei:dimensions" mode="html">
    <span class="dimensions">
      <xsl:if test="preceding-sibling::node()[1][self::text()][not(matches(., '\s$'))]"><xsl:text> </xsl:text></xsl:if>
      <xsl:value-of select="string-join((tei:height, tei:width, tei:depth, tei:dim) ! normalize-space(.), ' × ')
          || (' ' || @unit)[current()/@unit] || (' (' || @type || ')')[current()/@type]"/>
      <xsl:if test="empty(tei:height | tei:width | tei:depth | tei:dim)"><xsl:value-of select="."/></xsl:if>
    </span>
  </xsl:template>

  <!-- An empty element's values ("1797", "from 1400 to 1425"). -->
  <xsl:function name="tk:attribute-values" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="string-join((
        $e/@when, $e/@from ! ('from ' || .), $e/@to ! ('to ' || .),
        $e/@notBefore ! ('not before ' || .), $e/@notAfter ! ('not after ' || .),
        $e/@value, $e/@quantity, $e/@target, $e/@ref) ! string(.), ' ')"/>
  </xsl:function>

  <!-- Lists of persons, places, organizations, events, objects. -->
  <xsl:template match="tei:standOff" mode="html">
    <section class="standoff">
      <xsl:apply-templates select="@xml:id | @xml:lang" mode="html-attr"/>
      <h2 class="record-title"><xsl:value-of select="tk:record-label(.)"/></h2>
      <xsl:apply-templates mode="html"/>
    </section>
  </xsl:template>

  <xsl:template match="tei:listPerson | tei:listPlace | tei:listOrg | tei:listEvent | tei:listObject
      | tei:listNym | tei:listRelation | tei:listPerson/tei:listPerson" mode="html">
    <xsl:param name="tk:in-phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($tk:in-phrase) then 'span' else 'div'}">
      <xsl:attribute name="class" select="'entities', 'as-block'[$tk:in-phrase]"/>
      <xsl:apply-templates select="@xml:id | @xml:lang" mode="html-attr"/>
      <xsl:if test="not(tei:head)">
        <xsl:element name="{if ($tk:in-phrase) then 'span' else 'h3'}">
          <xsl:attribute name="class" select="'entities-title'"/>
          <xsl:value-of select="tk:record-label(.)"/>
        </xsl:element>
      </xsl:if>
      <xsl:element name="{if ($tk:in-phrase) then 'span' else 'ul'}">
        <xsl:attribute name="class" select="'list', 'list-entities'"/>
        <xsl:apply-templates select="*" mode="html"/>
      </xsl:element>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:person | tei:personGrp | tei:place | tei:org | tei:event | tei:object | tei:nym
      | tei:relation" mode="html">
    <xsl:param name="tk:in-phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="names" select="*[local-name() = $tk:entry-names][1]"/>
    <xsl:element name="{if ($tk:in-phrase) then 'span' else 'li'}">
      <xsl:attribute name="class" select="'entity', 'entity-' || local-name()"/>
      <xsl:apply-templates select="@xml:id | @xml:lang" mode="html-attr"/>
      <strong class="entity-name">
        <xsl:apply-templates select="$names/node()" mode="html">
          <xsl:with-param name="tk:in-phrase" select="true()" tunnel="yes"/>
        </xsl:apply-templates>
        <xsl:if test="empty($names)"><xsl:value-of select="(@xml:id, local-name())[1]"/></xsl:if>
      </strong>
      <xsl:for-each select="* except $names">
        <xsl:text> · </xsl:text>
        <span class="entity-part">
          <xsl:variable name="label" select="(tk:record-label(.), local-name())[1]"/>
          <xsl:if test="not(self::tei:note or self::tei:desc or local-name() = $tk:entry-names)">
            <span class="record-label"><xsl:value-of select="$label"/>: </span>
          </xsl:if>
          <xsl:apply-templates mode="html">
            <xsl:with-param name="tk:in-phrase" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
          <xsl:if test="normalize-space() = ''"><xsl:value-of select="tk:attribute-values(.)"/></xsl:if>
        </span>
      </xsl:for-each>
      <xsl:if test="self::tei:relation"><xsl:value-of select="string-join((@name, @active, @passive, @mutual) ! string(.), ' ')"/></xsl:if>
    </xsl:element>
  </xsl:template>

</xsl:stylesheet>
