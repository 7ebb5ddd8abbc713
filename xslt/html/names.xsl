<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI names and dates → HTML. A name whose @ref points into the edition's
  register ("register.xml#per-x" or "#per-x") links to the register page
  given as the parameter $register-href, at the entry of the same id; any
  other @ref is an ordinary link through the URL allow-list. With
  $link-names "first" (the default) only the first mention of an entry in
  each paragraph is a link: the others keep their mark-up and anchor as a
  quieter span (class "name-again"), so a memo with two hundred names does
  not get two hundred tab stops; "all" links every mention. Dates become
  <time> with a machine-readable datetime when @when is an ISO date.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:param name="link-names" as="xs:string" select="'first'"/>

  <!-- What counts as a paragraph for "first mention": the nearest block of
       running text around the name. -->
  <xsl:variable name="tk:mention-blocks" as="xs:string+" select="('p', 'ab', 'head', 'item', 'note', 'l', 'cell',
      'opener', 'closer', 'dateline', 'salute', 'signed', 'byline', 'docTitle', 'label', 'stamp', 'fw',
      'teiHeader')"/>

  <!-- generate-id() of each register mention that is the first of its entry in its block. -->
  <xsl:variable name="tk:first-mentions" as="map(xs:string, xs:boolean)">
    <xsl:map>
      <xsl:for-each-group select="tk:mentions(/)" group-by="
          generate-id((ancestor::*[local-name() = $tk:mention-blocks])[last()]) || ' '
          || tk:register-id(substring-before(normalize-space(@ref) || ' ', ' '))">
        <xsl:map-entry key="generate-id(current-group()[1])" select="true()"/>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:variable>

  <!-- The elements of tk:name-elements. A register mention carries its
       anchor (tk:mention-anchor), linked or not, so the register page can
       point at it; the site's records number the mentions by the same rule. -->
  <xsl:template match="tei:persName | tei:orgName | tei:placeName | tei:geogName | tei:name | tei:rs" mode="html">
    <xsl:param name="tk:copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="ref" select="substring-before(normalize-space(@ref) || ' ', ' ')"/>
    <xsl:variable name="entry" select="tk:register-id($ref)"/>
    <xsl:variable name="href" select="if ($entry) then $tk:register || '#' || $entry else tk:safe-url($ref)"/>
    <xsl:variable name="number" select="$tk:mention-numbers(generate-id())" as="xs:integer?"/>
    <xsl:variable name="again" as="xs:boolean" select="exists($entry) and $link-names != 'all' and not($tk:copy)
        and not(map:contains($tk:first-mentions, generate-id()))"/>
    <!-- No link inside a link, and none around a note marker (a button). -->
    <xsl:variable name="linked" as="xs:boolean" select="exists($href) and not(ancestor::tei:ref)
        and not(descendant::tei:note) and not($again)"/>
    <xsl:element name="{if ($linked) then 'a' else 'span'}">
      <xsl:attribute name="class" select="'name', 'name-' || local-name(), 'name-again'[$again]"/>
      <xsl:if test="$linked">
        <xsl:attribute name="href" select="$href"/>
      </xsl:if>
      <xsl:if test="$again">
        <xsl:attribute name="data-entry" select="$entry"/>
      </xsl:if>
      <xsl:apply-templates select="@xml:id | @xml:lang" mode="html-attr"/>
      <xsl:if test="exists($number) and not(@xml:id) and not($tk:copy)">
        <xsl:attribute name="id" select="tk:mention-anchor(., $number)"/>
      </xsl:if>
      <xsl:apply-templates mode="html">
        <xsl:with-param name="tk:in-phrase" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:roleName | tei:forename | tei:surname | tei:addName" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'span'"/>
      <xsl:with-param name="class" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:date | tei:time" mode="html">
    <xsl:variable name="when" select="normalize-space(@when)"/>
    <time class="date">
      <xsl:if test="matches($when, '^\d{4}(-\d{2}(-\d{2})?)?$')">
        <xsl:attribute name="datetime" select="$when"/>
      </xsl:if>
      <xsl:apply-templates select="@xml:id | @xml:lang" mode="html-attr"/>
      <xsl:apply-templates mode="html">
        <xsl:with-param name="tk:in-phrase" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:if test="not(normalize-space()) and not(*)">
        <xsl:value-of select="tk:format-date($when)"/>
      </xsl:if>
    </time>
  </xsl:template>

  <xsl:template match="tei:num | tei:measure" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'span'"/>
      <xsl:with-param name="class" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
