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

  <!-- Examples of TEI markup: written out as text, so the reader sees the
       tags. Templates do it rather than serialize(), whose per-call set-up
       was a third of the time of a page with two thousand examples (the TEI
       Guidelines); namespace declarations are left out, as the reader needs
       only the tags. -->
  <xsl:template match="eg:egXML" mode="html">
    <xsl:param name="tk:in-phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($tk:in-phrase) then 'code' else 'pre'}">
      <xsl:attribute name="class" select="'tei-egXML'"/>
      <xsl:apply-templates mode="tk:markup"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="*" mode="tk:markup">
    <xsl:text>&lt;</xsl:text>
    <xsl:value-of select="name()"/>
    <xsl:for-each select="@*">
      <xsl:value-of select="' ' || name() || '=&quot;' || tk:markup-escape(., true()) || '&quot;'"/>
    </xsl:for-each>
    <xsl:choose>
      <xsl:when test="node()">
        <xsl:text>&gt;</xsl:text>
        <xsl:apply-templates mode="tk:markup"/>
        <xsl:value-of select="'&lt;/' || name() || '&gt;'"/>
      </xsl:when>
      <xsl:otherwise><xsl:text>/&gt;</xsl:text></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="text()" mode="tk:markup">
    <xsl:value-of select="tk:markup-escape(., false())"/>
  </xsl:template>

  <xsl:template match="comment()" mode="tk:markup">
    <xsl:value-of select="'&lt;!--' || . || '--&gt;'"/>
  </xsl:template>

  <xsl:template match="processing-instruction()" mode="tk:markup">
    <xsl:value-of select="'&lt;?' || name() || (' ' || .)[normalize-space(current())] || '?&gt;'"/>
  </xsl:template>

  <!-- Text as it stands in markup: &, <, > escaped (and, in an attribute
       value, quotes and line ends); most text has none of them, which is
       checked first because it is cheap. -->
  <xsl:function name="tk:markup-escape" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="in-attribute" as="xs:boolean"/>
    <xsl:sequence select="
        if (not(contains($s, '&amp;') or contains($s, '&lt;') or contains($s, '&gt;')
                or $in-attribute and matches($s, '[&quot;&#9;&#10;&#13;]')))
        then $s
        else
          let $e := replace(replace(replace($s, '&amp;', '&amp;amp;'), '&lt;', '&amp;lt;'), '&gt;', '&amp;gt;')
          return if ($in-attribute)
            then replace(replace(replace(replace($e, '&quot;', '&amp;quot;'), '&#9;', '&amp;#x9;'),
                 '&#10;', '&amp;#xA;'), '&#13;', '&amp;#xD;')
            else $e"/>
  </xsl:function>

  <!-- Comments and processing instructions of the source are not content. -->
  <xsl:template match="comment() | processing-instruction()" mode="html"/>

</xsl:stylesheet>
