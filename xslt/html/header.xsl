<?xml version="1.0" encoding="UTF-8"?>
<!--
  The header's fields (tk:header, the map the PDF and the site read too) →
  the page's masthead: title, date, authors, archive and call number, source
  (publisher and URL), translator, funding, licence, a suggested citation,
  and the links to the TEI source and the PDF. Each row appears only when
  the header says something for it, so headers of other editions render
  with whatever they hold. (The full header is also shown, folded, at the
  end of the page, by the ordinary templates.)
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <xsl:function name="tk:page-title" as="xs:string">
    <xsl:param name="fields" as="map(*)"/>
    <xsl:sequence select="(normalize-space($fields?title)[. != ''], $tk:untitled)[1]"/>
  </xsl:function>

  <xsl:template name="tk:masthead">
    <xsl:param name="fields" as="map(*)"/>
    <xsl:variable name="date" select="$fields?date"/>
    <xsl:variable name="uri" select="$fields?url"/>
    <xsl:variable name="licence" select="$fields?licence[self::tei:licence]"/>
    <header class="masthead">
      <xsl:for-each select="tk:kicker(/*)"><p class="kicker"><xsl:value-of select="."/></p></xsl:for-each>
      <h1 class="doc-title">
        <xsl:apply-templates select="$fields?title/node()" mode="html">
          <xsl:with-param name="tk:in-phrase" select="true()" tunnel="yes"/>
          <xsl:with-param name="tk:copy" select="true()" tunnel="yes"/>
        </xsl:apply-templates>
        <xsl:if test="empty($fields?title)"><xsl:value-of select="$tk:untitled"/></xsl:if>
      </h1>
      <dl class="meta">
        <xsl:call-template name="tk:meta-row">
          <xsl:with-param name="label" select="'Date'"/>
          <xsl:with-param name="value" as="item()*">
            <xsl:if test="$date">
              <time>
                <xsl:if test="matches($date/@when, '^\d{4}(-\d{2}(-\d{2})?)?$')">
                  <xsl:attribute name="datetime" select="$date/@when"/>
                </xsl:if>
                <xsl:value-of select="(normalize-space($date)[. != ''], tk:format-date($date/@when))[1]"/>
              </time>
            </xsl:if>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="tk:meta-row">
          <xsl:with-param name="label" select="if (count($fields?authors) gt 1) then 'Authors' else 'Author'"/>
          <xsl:with-param name="value" select="tk:listed($fields?authors)"/>
        </xsl:call-template>
        <xsl:call-template name="tk:meta-row">
          <xsl:with-param name="label" select="'Classification'"/>
          <xsl:with-param name="value" select="tk:listed($fields?classification)"/>
        </xsl:call-template>
        <xsl:call-template name="tk:meta-row">
          <xsl:with-param name="label" select="'Archive'"/>
          <xsl:with-param name="value" select="tk:listed($fields?archive)"/>
        </xsl:call-template>
        <xsl:call-template name="tk:meta-row">
          <xsl:with-param name="label" select="'Call number'"/>
          <xsl:with-param name="value" select="tk:listed($fields?idno)"/>
        </xsl:call-template>
        <xsl:call-template name="tk:meta-row">
          <xsl:with-param name="label" select="'Source'"/>
          <xsl:with-param name="value" as="item()*">
            <xsl:sequence select="tk:listed($fields?publisher)"/>
            <xsl:if test="$uri">
              <xsl:text> · </xsl:text>
              <a href="{$uri}" class="source-link"><xsl:value-of select="$uri"/></a>
            </xsl:if>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="tk:meta-row">
          <xsl:with-param name="label" select="'Translation'"/>
          <xsl:with-param name="value" select="tk:listed($fields?translators)"/>
        </xsl:call-template>
        <xsl:call-template name="tk:meta-row">
          <xsl:with-param name="label" select="'Funding'"/>
          <xsl:with-param name="value" select="tk:listed($fields?funding)"/>
        </xsl:call-template>
        <xsl:call-template name="tk:meta-row">
          <xsl:with-param name="label" select="'Licence'"/>
          <xsl:with-param name="value" as="item()*">
            <xsl:variable name="href" select="$fields?licence-url"/>
            <xsl:choose>
              <xsl:when test="$licence and $href">
                <a href="{$href}" rel="license"><xsl:value-of select="(normalize-space($licence)[. != ''], $href)[1]"/></a>
              </xsl:when>
              <xsl:otherwise>
                <xsl:sequence select="tk:listed($fields?licence)"/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </dl>
      <xsl:for-each select="$fields?abstract">
        <div class="abstract">
          <xsl:apply-templates mode="html">
            <xsl:with-param name="tk:copy" select="true()" tunnel="yes"/>
            <xsl:with-param name="tk:numbers" select="map{}" tunnel="yes"/>
          </xsl:apply-templates>
        </div>
      </xsl:for-each>
      <xsl:variable name="citation" select="$fields?citation"/>
      <p class="citation">
        <strong>Suggested citation: </strong>
        <xsl:choose>
          <xsl:when test="$citation"><xsl:sequence select="tk:listed($citation)"/></xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="string-join((
                normalize-space(string-join($fields?authors/normalize-space(), '; '))[. != ''],
                '“' || tk:page-title($fields) || '”',
                normalize-space($date)[. != ''],
                normalize-space($fields?publisher)[. != ''],
                $uri), ', ') || '.'"/>
          </xsl:otherwise>
        </xsl:choose>
      </p>
      <xsl:call-template name="tk:downloads"/>
    </header>
  </xsl:template>

  <xsl:template name="tk:downloads">
    <xsl:variable name="tei" select="tk:safe-url($tei-href)"/>
    <xsl:variable name="pdf" select="tk:safe-url($pdf-href)"/>
    <xsl:if test="$tei or $pdf">
      <nav class="downloads" aria-label="Other formats">
        <ul>
          <xsl:if test="$tei"><li><a href="{$tei}" type="application/tei+xml">TEI source (XML)</a></li></xsl:if>
          <xsl:if test="$pdf"><li><a href="{$pdf}" type="application/pdf">PDF</a></li></xsl:if>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- Header values rendered inline (names keep their register links), in
       copy mode so their ids do not clash with the folded full header. -->
  <xsl:function name="tk:listed" as="node()*">
    <xsl:param name="values" as="element()*"/>
    <xsl:for-each select="$values">
      <xsl:if test="position() gt 1"><xsl:text>; </xsl:text></xsl:if>
      <xsl:apply-templates select="node()" mode="html">
        <xsl:with-param name="tk:in-phrase" select="true()" tunnel="yes"/>
        <xsl:with-param name="tk:copy" select="true()" tunnel="yes"/>
        <xsl:with-param name="tk:numbers" select="map{}" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:for-each>
  </xsl:function>

  <xsl:template name="tk:meta-row">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="value" as="item()*"/>
    <xsl:if test="normalize-space(string-join($value ! string(.), ''))">
      <div class="meta-row">
        <dt><xsl:value-of select="$label"/></dt>
        <dd><xsl:sequence select="$value"/></dd>
      </div>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
