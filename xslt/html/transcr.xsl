<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI transcription and editorial phenomena → HTML: the reader's marks
  (<hi rend="margin-…">, drawn in the left margin by the script, with a
  left-rule fallback in CSS), other highlighting, stamps (boxed), words
  supplied by the translator (in brackets), gaps, unclear readings, glosses,
  and <choice> (sic/corr, orig/reg shown through a switch; abbr/expan shown
  together). Also the toolbar: the switch and the legend of the marks.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <!-- Who made an editorial intervention, for tooltips. -->
  <xsl:function name="tk:by" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="resp" select="normalize-space($e/@resp)"/>
    <xsl:sequence select="if ($resp = '#translator') then 'the translator'
        else if ($resp = '#encoder') then 'the encoder' else 'the editor'"/>
  </xsl:function>

  <!-- The reader's marks -->

  <xsl:template match="tei:hi[tk:mark-kind(@rend)]" mode="html">
    <xsl:variable name="kind" select="tk:mark-kind(@rend)"/>
    <span class="mark mark-{$kind}{' mark-uncertain'[current()/@cert = ('low', 'unknown')]}"
        data-mark="{$kind}" title="{tk:mark-description(.)}">
      <xsl:if test="@cert = ('low', 'unknown')"><xsl:attribute name="data-cert" select="'low'"/></xsl:if>
      <xsl:apply-templates select="@xml:id | @xml:lang" mode="html-attr"/>
      <xsl:apply-templates mode="html">
        <xsl:with-param name="tk:in-phrase" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </span>
  </xsl:template>

  <xsl:template match="tei:hi" mode="html">
    <xsl:variable name="rend" select="tk:tokens(@rend)"/>
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="if ($rend = ('sup', 'superscript')) then 'sup'
          else if ($rend = ('sub', 'subscript')) then 'sub' else 'span'"/>
      <xsl:with-param name="class" select="'hi', $rend ! ('rend-' || .)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:stamp" mode="html">
    <span class="stamp{tk:tokens(@type) ! (' stamp-' || .)}{' stamp-inline'[not(tk:stamp-stands-alone(current()))]}"
        role="group" aria-label="Stamp">
      <xsl:apply-templates select="@xml:id | @xml:lang" mode="html-attr"/>
      <xsl:apply-templates mode="html">
        <xsl:with-param name="tk:in-phrase" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </span>
  </xsl:template>

  <!-- Editorial brackets: the brackets are text, so copying the page gives
       the translation as published. -->

  <xsl:template match="tei:supplied" mode="html">
    <span class="supplied" title="Supplied by {tk:by(.)}">
      <xsl:apply-templates select="@xml:id | @xml:lang" mode="html-attr"/>
      <xsl:text>[</xsl:text>
      <xsl:apply-templates mode="html">
        <xsl:with-param name="tk:in-phrase" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:text>]</xsl:text>
    </span>
  </xsl:template>

  <xsl:template match="tei:gloss" mode="html">
    <span class="gloss" title="Gloss by {tk:by(.)}">
      <xsl:apply-templates select="@xml:id | @xml:lang" mode="html-attr"/>
      <xsl:text>[</xsl:text>
      <xsl:apply-templates mode="html">
        <xsl:with-param name="tk:in-phrase" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:text>]</xsl:text>
    </span>
  </xsl:template>

  <xsl:template match="tei:gap" mode="html">
    <xsl:variable name="what" select="tk:gap-text(.)"/>
    <span class="gap{tk:tokens(@reason) ! (' gap-' || .)}"
        title="{if (@reason = 'signature') then 'Signature' else 'Not transcribed' || (' (' || normalize-space(@reason) || ')')[current()/@reason]}">
      <xsl:apply-templates select="@xml:id" mode="html-attr"/>
      <xsl:text>[</xsl:text><xsl:value-of select="$what"/><xsl:text>]</xsl:text>
    </span>
  </xsl:template>

  <xsl:template match="tei:unclear" mode="html">
    <span class="unclear" title="{if (@reason) then 'Unclear (' || normalize-space(@reason) || ')' else 'Unclear reading'}">
      <xsl:apply-templates select="@xml:id | @xml:lang" mode="html-attr"/>
      <xsl:apply-templates mode="html">
        <xsl:with-param name="tk:in-phrase" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </span>
  </xsl:template>

  <xsl:template match="tei:add" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'ins'"/>
      <xsl:with-param name="class" select="'add'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:del" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'del'"/>
      <xsl:with-param name="class" select="'del'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- choice: both readings are in the page; the switch (CSS, no script
       needed) shows the one asked for. -->

  <xsl:template match="tei:choice[tei:sic and tei:corr or tei:orig and tei:reg]" mode="html">
    <xsl:variable name="published" select="tk:source-reading(.)"/>
    <xsl:variable name="corrected" select="tk:editor-reading(.)"/>
    <span class="choice">
      <xsl:apply-templates select="@xml:id" mode="html-attr"/>
      <span class="v-published" title="As published; corrected by {tk:by($corrected)}: {normalize-space($corrected)}">
        <xsl:apply-templates select="$published/node()" mode="html">
          <xsl:with-param name="tk:in-phrase" select="true()" tunnel="yes"/>
        </xsl:apply-templates>
      </span>
      <span class="v-corrected" title="Corrected by {tk:by($corrected)}; as published: {normalize-space($published)}">
        <xsl:apply-templates select="$corrected/node()" mode="html">
          <xsl:with-param name="tk:in-phrase" select="true()" tunnel="yes"/>
        </xsl:apply-templates>
      </span>
    </span>
  </xsl:template>

  <xsl:template match="tei:choice[tei:abbr and tei:expan]" mode="html">
    <span class="choice choice-abbr">
      <xsl:apply-templates select="@xml:id" mode="html-attr"/>
      <abbr title="{normalize-space(tei:expan[1])}">
        <xsl:apply-templates select="tei:abbr[1]/node()" mode="html">
          <xsl:with-param name="tk:in-phrase" select="true()" tunnel="yes"/>
        </xsl:apply-templates>
      </abbr>
      <xsl:text> </xsl:text>
      <span class="expan" title="Expansion by {tk:by(tei:expan[1])}">
        <xsl:text>[</xsl:text>
        <xsl:apply-templates select="tei:expan[1]/node()" mode="html">
          <xsl:with-param name="tk:in-phrase" select="true()" tunnel="yes"/>
        </xsl:apply-templates>
        <xsl:text>]</xsl:text>
      </span>
    </span>
  </xsl:template>

  <xsl:template match="tei:sic | tei:corr | tei:orig | tei:reg | tei:abbr | tei:expan | tei:choice" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'span'"/>
      <xsl:with-param name="class" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The toolbar above the text -->

  <xsl:template name="tk:toolbar">
    <xsl:param name="marks" as="element()*"/>
    <xsl:param name="choices" as="element()*"/>
    <aside class="toolbar" aria-label="Reading aids">
      <xsl:if test="exists($choices)">
        <fieldset class="switch">
          <legend>Typing errors of the translation</legend>
          <label><input type="radio" name="tk-view" id="tk-view-corrected" value="corrected" checked="checked"/> as corrected</label>
          <label><input type="radio" name="tk-view" id="tk-view-published" value="published"/> as published</label>
        </fieldset>
      </xsl:if>
      <xsl:if test="exists($marks)">
        <xsl:variable name="kinds" select="distinct-values($marks ! tk:mark-kind(@rend))"/>
        <div class="legend">
          <p class="legend-title">A later reader’s marks in the left margin:</p>
          <ul>
            <xsl:for-each select="$tk:mark-order[. = $kinds]">
              <li>
                <span class="legend-sample mm mm-{.}" aria-hidden="true"></span>
                <xsl:value-of select="$tk:mark-legend(.)"/>
              </li>
            </xsl:for-each>
            <xsl:if test="$marks/@cert = ('low', 'unknown')">
              <li>
                <span class="legend-sample mm mm-double-line mm-low" aria-hidden="true"></span>
                <xsl:text>dashed: the extent of the marked passage is uncertain</xsl:text>
              </li>
            </xsl:if>
          </ul>
        </div>
      </xsl:if>
    </aside>
  </xsl:template>

</xsl:stylesheet>
