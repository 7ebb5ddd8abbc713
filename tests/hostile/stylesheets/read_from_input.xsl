<?xml version="1.0" encoding="UTF-8"?>
<!-- Tries every way XSLT has to read a resource named by the input document:
     the XSLT host must refuse them all at run time. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema" exclude-result-prefixes="xs">
  <xsl:param name="how" as="xs:string" select="'doc'"/>
  <xsl:template match="/">
    <xsl:variable name="href" select="string(/*/@href)"/>
    <out>
      <xsl:choose>
        <xsl:when test="$how = 'doc'"><xsl:copy-of select="doc($href)"/></xsl:when>
        <xsl:when test="$how = 'document'"><xsl:copy-of select="document($href)"/></xsl:when>
        <xsl:when test="$how = 'unparsed-text'"><xsl:value-of select="unparsed-text($href)"/></xsl:when>
        <xsl:when test="$how = 'unparsed-text-lines'"><xsl:value-of select="unparsed-text-lines($href)"/></xsl:when>
        <xsl:when test="$how = 'json-doc'"><xsl:value-of select="json-doc($href)"/></xsl:when>
        <xsl:when test="$how = 'collection'"><xsl:copy-of select="collection($href)"/></xsl:when>
        <xsl:when test="$how = 'evaluate'"><xsl:evaluate xpath="'unparsed-text(''' || $href || ''')'"/></xsl:when>
      </xsl:choose>
    </out>
  </xsl:template>
</xsl:stylesheet>
