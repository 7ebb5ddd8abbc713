<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiHeader → the page's masthead: title, date, authors, archive and call
  number, source (publisher and URL), translator, funding, licence, a
  suggested citation, and the links to the TEI source and the PDF. Each row
  appears only when the header says something for it, so headers of other
  editions render with whatever they hold. (The full header is also shown,
  folded, at the end of the page, by the ordinary templates.)
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <xsl:function name="tk:main-title" as="element()?">
    <xsl:param name="header" as="element()?"/>
    <xsl:variable name="titles" select="$header/tei:fileDesc/tei:titleStmt/tei:title"/>
    <xsl:sequence select="($titles[@type = 'main'], $titles[not(@type)], $titles)[1]"/>
  </xsl:function>

  <xsl:function name="tk:page-title" as="xs:string">
    <xsl:param name="header" as="element()?"/>
    <xsl:sequence select="(normalize-space(tk:main-title($header))[. != ''], 'Untitled TEI document')[1]"/>
  </xsl:function>

  <xsl:template name="tk:masthead">
    <xsl:param name="header" as="element()?"/>
    <xsl:variable name="fd" select="$header/tei:fileDesc"/>
    <xsl:variable name="ms" select="($fd/tei:sourceDesc/descendant::tei:msIdentifier)[1]"/>
    <xsl:variable name="date" select="($header/tei:profileDesc/tei:creation/tei:date,
        $fd/tei:sourceDesc/descendant::tei:date, $fd/tei:publicationStmt/tei:date)[1]"/>
    <xsl:variable name="translators" select="$fd/tei:titleStmt/tei:respStmt[@xml:id = 'translator'
        or contains(lower-case(tei:resp), 'translat')]/(tei:name | tei:persName | tei:orgName)"/>
    <xsl:variable name="uri" select="tk:safe-url(($fd/tei:publicationStmt/tei:idno[@type = ('URI', 'URL', 'url', 'uri')])[1])"/>
    <xsl:variable name="licence" select="($fd/tei:publicationStmt/tei:availability/tei:licence)[1]"/>
    <header class="masthead">
      <p class="kicker">Documentary edition · English translation</p>
      <h1 class="doc-title">
        <xsl:apply-templates select="tk:main-title($header)/node()" mode="html">
          <xsl:with-param name="tk:in-phrase" select="true()" tunnel="yes"/>
          <xsl:with-param name="tk:copy" select="true()" tunnel="yes"/>
        </xsl:apply-templates>
        <xsl:if test="empty(tk:main-title($header))">Untitled TEI document</xsl:if>
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
          <xsl:with-param name="label" select="if (count($fd/tei:titleStmt/tei:author) gt 1) then 'Authors' else 'Author'"/>
          <xsl:with-param name="value" select="tk:listed($fd/tei:titleStmt/tei:author)"/>
        </xsl:call-template>
        <xsl:call-template name="tk:meta-row">
          <xsl:with-param name="label" select="'Classification'"/>
          <xsl:with-param name="value" select="tk:listed(($fd/tei:notesStmt/tei:note[@type = 'classification'])[1])"/>
        </xsl:call-template>
        <xsl:call-template name="tk:meta-row">
          <xsl:with-param name="label" select="'Archive'"/>
          <xsl:with-param name="value" select="tk:listed($ms/(tei:institution | tei:repository | tei:collection | tei:settlement))"/>
        </xsl:call-template>
        <xsl:call-template name="tk:meta-row">
          <xsl:with-param name="label" select="'Call number'"/>
          <xsl:with-param name="value" select="tk:listed($ms/tei:idno)"/>
        </xsl:call-template>
        <xsl:call-template name="tk:meta-row">
          <xsl:with-param name="label" select="'Source'"/>
          <xsl:with-param name="value" as="item()*">
            <xsl:sequence select="tk:listed($fd/tei:publicationStmt/(tei:publisher | tei:distributor | tei:authority)[1])"/>
            <xsl:if test="$uri">
              <xsl:text> · </xsl:text>
              <a href="{$uri}" class="source-link"><xsl:value-of select="$uri"/></a>
            </xsl:if>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="tk:meta-row">
          <xsl:with-param name="label" select="'Translation'"/>
          <xsl:with-param name="value" select="tk:listed($translators)"/>
        </xsl:call-template>
        <xsl:call-template name="tk:meta-row">
          <xsl:with-param name="label" select="'Funding'"/>
          <xsl:with-param name="value" select="tk:listed(($fd/tei:notesStmt/tei:note[@type = 'funding'],
              $fd/tei:titleStmt/tei:funder)[1])"/>
        </xsl:call-template>
        <xsl:call-template name="tk:meta-row">
          <xsl:with-param name="label" select="'Licence'"/>
          <xsl:with-param name="value" as="item()*">
            <xsl:variable name="href" select="tk:safe-url($licence/@target)"/>
            <xsl:choose>
              <xsl:when test="$licence and $href">
                <a href="{$href}" rel="license"><xsl:value-of select="(normalize-space($licence)[. != ''], $href)[1]"/></a>
              </xsl:when>
              <xsl:otherwise>
                <xsl:sequence select="tk:listed(($licence, $fd/tei:publicationStmt/tei:availability/tei:p)[1])"/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </dl>
      <xsl:for-each select="$header/tei:profileDesc/tei:abstract">
        <div class="abstract">
          <xsl:apply-templates mode="html">
            <xsl:with-param name="tk:copy" select="true()" tunnel="yes"/>
            <xsl:with-param name="tk:numbers" select="map{}" tunnel="yes"/>
          </xsl:apply-templates>
        </div>
      </xsl:for-each>
      <xsl:variable name="citation" select="($fd/tei:notesStmt/tei:note[@type = 'citation'])[1]"/>
      <p class="citation">
        <strong>Suggested citation: </strong>
        <xsl:choose>
          <xsl:when test="$citation"><xsl:sequence select="tk:listed($citation)"/></xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="string-join((
                normalize-space(string-join($fd/tei:titleStmt/tei:author/normalize-space(), '; '))[. != ''],
                '“' || tk:page-title($header) || '”',
                normalize-space($date)[. != ''],
                normalize-space(($fd/tei:publicationStmt/(tei:publisher | tei:distributor | tei:authority))[1])[. != ''],
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
