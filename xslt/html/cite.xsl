<?xml version="1.0" encoding="UTF-8"?>
<!--
  Citable places on the page: every paragraph and every division heading
  that has an id gets a visible anchor link ("¶" / "§") to itself, so a
  reader can copy the address of exactly the passage they cite. The page's
  own rendering of the element is kept (next-match); the link is appended
  inside it.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:text//tei:p[@xml:id][not(ancestor::tei:note)]
      | tei:text//tei:ab[@xml:id][not(ancestor::tei:note)]" mode="html" priority="10">
    <xsl:param name="tk:copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:call-template name="tk:with-anchor">
      <xsl:with-param name="id" select="if ($tk:copy) then '' else string(@xml:id)"/>
      <xsl:with-param name="sign" select="'¶'"/>
      <xsl:with-param name="label" select="'paragraph'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A division's first heading carries the link to the division. -->
  <xsl:template match="tei:head[not(preceding-sibling::tei:head)][parent::*[@xml:id][matches(local-name(), '^div[1-7]?$')]]"
      mode="html" priority="10">
    <xsl:param name="tk:copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:call-template name="tk:with-anchor">
      <xsl:with-param name="id" select="if ($tk:copy) then '' else string(../@xml:id)"/>
      <xsl:with-param name="sign" select="'§'"/>
      <xsl:with-param name="label" select="'section'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="tk:with-anchor">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="sign" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:variable name="rendered" as="node()*"><xsl:next-match/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$id != '' and count($rendered[self::*]) = 1">
        <xsl:for-each select="$rendered">
          <xsl:choose>
            <xsl:when test="self::*">
              <xsl:copy>
                <xsl:copy-of select="@*"/>
                <xsl:attribute name="data-cite" select="$id"/>
                <xsl:copy-of select="node()"/>
                <a class="tk-anchor" href="#{$id}" aria-label="Link to this {$label} ({$id})"
                   title="Link to this {$label}"><xsl:value-of select="$sign"/></a>
              </xsl:copy>
            </xsl:when>
            <xsl:otherwise><xsl:copy-of select="."/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="$rendered"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
