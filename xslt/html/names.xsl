<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI names and dates → HTML. A name whose @ref points into the edition's
  register ("register.xml#per-x" or "#per-x") links to the register page
  given as the parameter $register-href, at the entry of the same id; any
  other @ref is an ordinary link through the URL allow-list. Dates become
  <time> with a machine-readable datetime when @when is an ISO date.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <!-- The elements of tk:name-elements. A register mention carries its
       anchor (tk:mention-anchor), linked or not, so the register page can
       point at it; the site's records number the mentions by the same rule. -->
  <xsl:template match="tei:persName | tei:orgName | tei:placeName | tei:geogName | tei:name | tei:rs" mode="html">
    <xsl:param name="tk:copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="ref" select="substring-before(normalize-space(@ref) || ' ', ' ')"/>
    <xsl:variable name="entry" select="tk:register-id($ref)"/>
    <xsl:variable name="href" select="if ($entry) then $tk:register || '#' || $entry else tk:safe-url($ref)"/>
    <xsl:variable name="number" select="$tk:mention-numbers(generate-id())" as="xs:integer?"/>
    <!-- No link inside a link, and none around a note marker (a button). -->
    <xsl:element name="{if ($href and not(ancestor::tei:ref) and not(descendant::tei:note)) then 'a' else 'span'}">
      <xsl:attribute name="class" select="'name', 'name-' || local-name()"/>
      <xsl:if test="$href and not(ancestor::tei:ref) and not(descendant::tei:note)">
        <xsl:attribute name="href" select="$href"/>
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
