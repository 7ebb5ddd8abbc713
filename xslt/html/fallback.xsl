<?xml version="1.0" encoding="UTF-8"?>
<!--
  Anything no other template claims: an element of any namespace becomes a
  <span> or <div> whose class is "tei-" plus the element's name, so TEI
  from other projects renders with all its text and can be styled later.
  A <span> is chosen inside phrasing content (or when the element stands
  among words), a <div> otherwise. Examples of markup (egXML) are shown as
  markup.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:eg="http://www.tei-c.org/ns/Examples"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <xsl:template match="*" mode="html" priority="-10">
    <xsl:param name="tk:in-phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="inline" select="$tk:in-phrase or exists(../text()[normalize-space()])"/>
    <xsl:element name="{if ($inline) then 'span' else 'div'}">
      <xsl:attribute name="class" select="'tei-' || local-name()"/>
      <xsl:apply-templates select="@xml:id | @xml:lang" mode="html-attr"/>
      <xsl:apply-templates mode="html">
        <xsl:with-param name="tk:in-phrase" select="$inline" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- Examples of TEI markup: serialized, so the reader sees the tags. -->
  <xsl:template match="eg:egXML" mode="html">
    <xsl:param name="tk:in-phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($tk:in-phrase) then 'code' else 'pre'}">
      <xsl:attribute name="class" select="'tei-egXML'"/>
      <xsl:value-of select="replace(serialize(node()), ' xmlns(:\w+)?=&quot;[^&quot;]*&quot;', '')"/>
    </xsl:element>
  </xsl:template>

  <!-- Comments and processing instructions of the source are not content. -->
  <xsl:template match="comment() | processing-instruction()" mode="html"/>

</xsl:stylesheet>
