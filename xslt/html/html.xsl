<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI → one self-contained HTML page (entry point of the HTML output).
  The page: a masthead from the teiHeader, a toolbar (corrections switch,
  legend of the reader's marks), the text, the numbered notes, the full
  header, and the inlined CSS and script. Everything is rendered in the
  declared mode "html"; the TEI module families live in the included files.
  Nothing here reads a file or a URL: CSS, script and links arrive as
  parameters.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:include href="core.xsl"/>
  <xsl:include href="header.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="names.xsl"/>
  <xsl:include href="transcr.xsl"/>
  <xsl:include href="textcrit.xsl"/>
  <xsl:include href="drama.xsl"/>
  <xsl:include href="msdesc.xsl"/>
  <xsl:include href="fallback.xsl"/>
  <xsl:include href="cite.xsl"/>
  <xsl:include href="facsimile.xsl"/>
  <xsl:include href="parallel.xsl"/>

  <!-- URLs are already checked by tk:safe-url; re-escaping every href costs
       time and browsers read IRIs as they are. -->
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no" escape-uri-attributes="no"/>

  <!-- The one rendering mode: text that no template claims is kept. -->
  <xsl:mode name="html" on-no-match="text-only-copy"/>
  <!-- Attributes that carry over (id, lang); all others are dropped. -->
  <xsl:mode name="html-attr" on-no-match="deep-skip"/>

  <xsl:param name="css" as="xs:string" select="''"/>
  <xsl:param name="js" as="xs:string" select="''"/>
  <xsl:param name="tei-href" as="xs:string" select="''"/>
  <xsl:param name="pdf-href" as="xs:string" select="''"/>
  <xsl:param name="register-href" as="xs:string" select="'register.html'"/>

  <xsl:variable name="tk:register" as="xs:string" select="string(tk:safe-url($register-href))"/>

  <!-- The number of each register mention of the document (tk:mentions). -->
  <xsl:variable name="tk:mention-numbers" as="map(xs:string, xs:integer)" select="tk:mention-numbers(tk:mentions(/))"/>

  <xsl:template match="/">
    <xsl:variable name="root" select="*"/>
    <xsl:variable name="fields" select="tk:header($root)"/>
    <xsl:variable name="header" select="$fields?header"/>
    <xsl:variable name="notes" select="tk:numbered-notes($root)"/>
    <xsl:variable name="numbers" select="tk:note-numbers($notes)"/>
    <xsl:variable name="marks" select="$root/descendant::tei:hi[tk:mark-kind(@rend)]"/>
    <xsl:variable name="choices" select="$root/descendant::tei:choice[tei:sic and tei:corr or tei:orig and tei:reg]"/>
    <html lang="{tk:language($root)}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="teikit"/>
        <title><xsl:value-of select="tk:page-title($fields)"/></title>
        <style><xsl:value-of select="$css"/></style>
      </head>
      <body>
        <a class="skip-link" href="#tk-text">Skip to the text</a>
        <!-- Where a built site puts its navigation (edition, breadcrumb, previous/next). -->
        <xsl:comment>tk:site-top</xsl:comment>
        <xsl:call-template name="tk:masthead">
          <xsl:with-param name="fields" select="$fields"/>
        </xsl:call-template>
        <xsl:if test="exists($marks) or exists($choices)">
          <xsl:call-template name="tk:toolbar">
            <xsl:with-param name="marks" select="$marks"/>
            <xsl:with-param name="choices" select="$choices"/>
          </xsl:call-template>
        </xsl:if>
        <main id="tk-text" class="page">
          <xsl:call-template name="tk:facsimile"/>
          <article class="text">
            <xsl:if test="tk:direction(tk:language($root)) = 'rtl'"><xsl:attribute name="dir" select="'rtl'"/></xsl:if>
            <div class="margin-layer" aria-hidden="true"></div>
            <!-- The text first; the entities of the standOff after it, as in the PDF. -->
            <xsl:apply-templates select="$root/node()[not(self::tei:teiHeader or self::tei:standOff)], $root/tei:standOff" mode="html">
              <xsl:with-param name="tk:numbers" select="$numbers" tunnel="yes"/>
            </xsl:apply-templates>
            <xsl:if test="exists($notes)"><xsl:call-template name="tk:popover"/></xsl:if>
          </article>
          <xsl:call-template name="tk:described-sources"><xsl:with-param name="root" select="$root"/></xsl:call-template>
          <xsl:call-template name="tk:endnotes">
            <xsl:with-param name="notes" select="$notes"/>
            <xsl:with-param name="numbers" select="$numbers"/>
          </xsl:call-template>
          <xsl:if test="$header">
            <details class="tei-header">
              <summary>The full TEI header</summary>
              <xsl:apply-templates select="$header/node()" mode="html">
                <xsl:with-param name="tk:numbers" select="map{}" tunnel="yes"/>
              </xsl:apply-templates>
            </details>
          </xsl:if>
          <!-- Where a built site puts the citation and the release. -->
          <xsl:comment>tk:site-bottom</xsl:comment>
        </main>
        <footer class="colophon">
          <p>Rendered from TEI P5 by teikit.</p>
        </footer>
        <script><xsl:value-of select="$js"/></script>
      </body>
    </html>
  </xsl:template>

  <!-- id and lang carry over; ids are left out in copies (header values
       repeated in the masthead) so they stay unique. -->
  <xsl:template match="@xml:id" mode="html-attr">
    <xsl:param name="tk:copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:if test="not($tk:copy)">
      <xsl:attribute name="id" select="."/>
    </xsl:if>
  </xsl:template>

  <!-- The direction is written where it changes (a Hebrew text, an English
       paragraph inside it), so that the browser lays each part out right. -->
  <xsl:template match="@xml:lang" mode="html-attr">
    <xsl:attribute name="lang" select="."/>
    <xsl:variable name="around" select="(../ancestor::*/@xml:lang)[last()]"/>
    <xsl:variable name="outer" select="tk:direction(if ($around) then string($around) else tk:language(/*))"/>
    <xsl:if test="tk:direction(.) != $outer"><xsl:attribute name="dir" select="tk:direction(.)"/></xsl:if>
  </xsl:template>

</xsl:stylesheet>
