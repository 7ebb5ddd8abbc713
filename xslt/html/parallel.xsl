<?xml version="1.0" encoding="UTF-8"?>
<!--
  The original-language text beside the translation. When a document has a
  <text type="original"> after its translation, each alignable block of the
  translation (the names are teikit.anchors.ALIGNABLE) becomes a row: the
  block, then the original's paragraphs that point at it (@corresp; one
  that points nowhere goes with the row before it). CSS (parallel.css)
  sets the rows as two columns, or one above the other on a narrow screen;
  the switch (parallel.js) shows the translation, both, or the original.
  Without script both are shown and the switch stays hidden.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <xsl:variable name="tk:alignable" as="xs:string*"
      select="('p', 'ab', 'head', 'opener', 'closer', 'list', 'table', 'lg', 'sp', 'postscript', 'trailer',
               'byline', 'epigraph', 'argument', 'figure')"/>
  <xsl:variable name="tk:original" select="/tei:TEI/tei:text[@type = 'original'][preceding-sibling::tei:text][1]"/>
  <xsl:variable name="tk:translation" select="$tk:original/preceding-sibling::tei:text[1]"/>

  <!-- Each original paragraph under the id of the block it stands beside. -->
  <xsl:key name="tk:beside" match="tei:text[@type = 'original']//tei:p"
      use="(tokenize(normalize-space((@corresp, preceding-sibling::tei:p[@corresp][1]/@corresp, following-sibling::tei:p[@corresp][1]/@corresp)[1]), ' ')[1] ! substring(., 2))"/>

  <xsl:template match="tei:text[@type = 'original'][. is $tk:original]" mode="html" priority="20"/>

  <xsl:template match="tei:text[. is $tk:translation]" mode="html" priority="20">
    <xsl:variable name="lang" select="string($tk:original/@xml:lang)"/>
    <div class="parallel" data-show="both">
      <div class="parallel-switch" role="radiogroup" aria-label="Texts shown" hidden="">
        <xsl:for-each select="('translation', 'both', 'original')">
          <label>
            <input type="radio" name="parallel-show" value="{.}">
              <xsl:if test=". = 'both'"><xsl:attribute name="checked" select="'checked'"/></xsl:if>
            </input>
            <xsl:value-of select="if (. = 'translation') then 'Translation' else if (. = 'both') then 'Both' else 'Original'"/>
          </label>
        </xsl:for-each>
      </div>
      <div class="parallel-heads" aria-hidden="true">
        <span class="parallel-tr">Translation</span>
        <span class="parallel-orig" lang="{$lang}">
          <xsl:value-of select="(/tei:TEI/tei:teiHeader//tei:language[@ident = $lang], $lang)[1] ! replace(string(.), ' \(original\)$', '') || ' (original)'"/>
        </span>
      </div>
      <xsl:next-match/>
    </div>
  </xsl:template>

  <xsl:template match="tei:*[local-name() = $tk:alignable][ancestor::tei:text[1] is $tk:translation]
      [not(ancestor::tei:note)][not(ancestor::*[local-name() = $tk:alignable][ancestor::tei:text[1] is $tk:translation])]"
      mode="html" priority="30">
    <xsl:variable name="beside" select="if (@xml:id) then key('tk:beside', string(@xml:id)) else ()"/>
    <div class="parallel-row">
      <div class="parallel-tr"><xsl:next-match/></div>
      <div class="parallel-orig" lang="{$tk:original/@xml:lang}">
        <xsl:if test="tk:direction(string($tk:original/@xml:lang)) = 'rtl'"><xsl:attribute name="dir" select="'rtl'"/></xsl:if>
        <xsl:for-each select="$beside">
          <p id="{@xml:id}">
            <xsl:if test="@cert = 'low'">
              <xsl:attribute name="class" select="'uncertain'"/>
              <xsl:attribute name="title" select="'The alignment of this paragraph is uncertain'"/>
            </xsl:if>
            <xsl:apply-templates mode="html"/>
          </p>
        </xsl:for-each>
      </div>
    </div>
  </xsl:template>

</xsl:stylesheet>
