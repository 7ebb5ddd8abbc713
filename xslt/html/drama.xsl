<?xml version="1.0" encoding="UTF-8"?>
<!--
  The structures of literary and spoken texts → HTML, with the look their
  readers expect: speeches with the speaker above and stage directions in
  italics (drama), stanzas with their heads and line numbers (verse), title
  pages, utterances with pauses (spoken), glossaries as definition lists,
  figures, MathML, the unheaded divisions of EpiDoc editions, and the word
  boundaries that TEI marks without a space (break="no", <space/>, sibling
  segments).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:mml="http://www.w3.org/1998/Math/MathML"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <!-- Drama -->

  <xsl:template match="tei:sp" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'div'"/>
      <xsl:with-param name="class" select="'sp'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:speaker" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'p'"/>
      <xsl:with-param name="class" select="'speaker'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A stage direction between speeches is a paragraph of its own; one
       inside a line or speech stays in it. -->
  <xsl:template match="tei:stage" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="if (../text()[normalize-space()] or parent::tei:l or parent::tei:p) then 'span' else 'p'"/>
      <xsl:with-param name="class" select="'stage', tk:tokens(@type) ! ('stage-' || .)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:castList" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'div'"/>
      <xsl:with-param name="class" select="'castList'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:castItem | tei:castGroup" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="if (self::tei:castItem) then 'p' else 'div'"/>
      <xsl:with-param name="class" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:role" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'span'"/>
      <xsl:with-param name="class" select="'role'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Heads of stanzas, speeches, cast lists: a heading inside the block. -->
  <xsl:template match="tei:lg/tei:head | tei:sp/tei:head | tei:castList/tei:head | tei:castGroup/tei:head" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'p'"/>
      <xsl:with-param name="class" select="'block-head'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Verse: a line keeps its number, shown every fifth line and on hover. -->
  <xsl:template match="tei:l" mode="html" priority="1">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'p'"/>
      <xsl:with-param name="class" select="'l', tk:tokens(@rend) ! ('rend-' || .),
          'l-numbered'[matches(current()/@n, '^\d+$') and xs:integer(current()/@n) mod 5 = 0]"/>
      <xsl:with-param name="content" as="node()*">
        <xsl:if test="matches(@n, '^\d+$') and xs:integer(@n) mod 5 = 0">
          <tei:label type="tk-line-number"><xsl:value-of select="@n"/></tei:label>
        </xsl:if>
        <xsl:sequence select="node()"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Title pages -->

  <xsl:template match="tei:titlePage | tei:docTitle | tei:docImprint | tei:argument | tei:epigraph | tei:trailer" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'div'"/>
      <xsl:with-param name="class" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:titlePart | tei:docEdition | tei:docDate[not(ancestor::tei:p)]" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="if (../text()[normalize-space()]) then 'span' else 'p'"/>
      <xsl:with-param name="class" select="local-name(), tk:tokens(@type) ! (local-name(current()) || '-' || .)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Spoken texts: an utterance is a paragraph led by its speaker. -->
  <xsl:template match="tei:u" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="if (../text()[normalize-space()]) then 'span' else 'p'"/>
      <xsl:with-param name="class" select="'u'"/>
      <xsl:with-param name="content" as="node()*">
        <xsl:if test="@who">
          <xsl:variable name="who" select="string-join(tokenize(normalize-space(@who), ' ') ! replace(., '^.*#', ''), ', ')"/>
          <tei:label type="tk-who"><xsl:value-of select="$who"/></tei:label>
        </xsl:if>
        <xsl:sequence select="node()"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:label[@type = 'tk-line-number']" mode="html" priority="2">
    <span class="l-n" aria-hidden="true"><xsl:value-of select="."/></span>
  </xsl:template>

  <xsl:template match="tei:label[@type = 'tk-who']" mode="html" priority="2">
    <span class="u-who"><xsl:value-of select="."/>: </span>
  </xsl:template>

  <!-- A pause or an empty space of the source keeps the words around it apart. -->
  <xsl:template match="tei:pause" mode="html">
    <span class="pause" title="Pause{(' (' || @dur || ')')[current()/@dur]}"> (.) </span>
  </xsl:template>

  <xsl:template match="tei:space" mode="html">
    <span class="space" title="Space left blank in the source"><xsl:text> </xsl:text></span>
  </xsl:template>

  <xsl:template match="tei:caesura" mode="html">
    <span class="caesura"><xsl:text> </xsl:text></span>
  </xsl:template>

  <!-- Segments, words and utterances set side by side without a space are
       still separate words. -->
  <xsl:template match="tei:seg[preceding-sibling::node()[1][self::tei:seg]]" mode="html" priority="1">
    <xsl:text> </xsl:text>
    <xsl:next-match/>
  </xsl:template>

  <!-- break="no": the word goes on across the break, so the break and the
       white space of the source's layout around it are left out. -->
  <xsl:template match="tei:lb[tk:joins-word(.)] | tei:cb[tk:joins-word(.)]" mode="html" priority="2"/>

  <xsl:template match="text()[tk:joins-word(following-sibling::node()[1])]
      | text()[tk:joins-word(preceding-sibling::node()[1])]" mode="html">
    <xsl:variable name="before" select="tk:joins-word(following-sibling::node()[1])"/>
    <xsl:variable name="after" select="tk:joins-word(preceding-sibling::node()[1])"/>
    <xsl:variable name="head" select="if ($before) then replace(., '\s+$', '') else string(.)"/>
    <xsl:value-of select="if ($after) then replace($head, '^\s+', '') else $head"/>
  </xsl:template>

  <!-- A line break before any word of its parent (EpiDoc numbers every
       line, the first too) opens the first line: nothing to break. -->
  <xsl:template match="tei:lb[not(preceding-sibling::node()[not(self::text()[not(normalize-space())])])]"
      mode="html" priority="1"/>

  <!-- The letters an editor expands an abbreviation with (EpiDoc's ex), in
       parentheses as Leiden has them. -->
  <xsl:template match="tei:ex" mode="html">
    <span class="ex">(<xsl:apply-templates mode="html"/>)</span>
  </xsl:template>

  <!-- Glossaries: a list of labels and items is a definition list. -->
  <xsl:template match="tei:list[tei:label]" mode="html" priority="1">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'dl'"/>
      <xsl:with-param name="class" select="'list', 'list-gloss', tk:tokens(@type) ! ('list-' || .)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:list[tei:label]/tei:label" mode="html" priority="1">
    <xsl:call-template name="tk:wrap"><xsl:with-param name="tag" select="'dt'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:list[tei:label]/tei:item" mode="html" priority="1">
    <xsl:call-template name="tk:wrap"><xsl:with-param name="tag" select="'dd'"/></xsl:call-template>
  </xsl:template>

  <!-- An unheaded division of a known type gets its name as heading. -->
  <xsl:template match="tei:div[tk:division-label(.)]" mode="html" priority="1">
    <xsl:variable name="depth" select="count(ancestor-or-self::*[matches(local-name(), '^div[1-7]?$')])"/>
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'section'"/>
      <xsl:with-param name="class" select="'div', tk:tokens(@type) ! ('div-' || .)"/>
      <xsl:with-param name="content" as="node()*">
        <tei:head type="tk-label" n="{min((6, $depth + 1))}"><xsl:value-of select="tk:division-label(.)"/></tei:head>
        <xsl:sequence select="node()"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:head[@type = 'tk-label']" mode="html" priority="3">
    <xsl:element name="h{@n}">
      <xsl:attribute name="class" select="'head', 'div-label'"/>
      <xsl:attribute name="lang" select="'en'"/>
      <xsl:attribute name="dir" select="'ltr'"/>
      <xsl:value-of select="."/>
    </xsl:element>
  </xsl:template>

  <!-- Figures: each image its own line, linked (the page loads nothing). -->
  <xsl:template match="tei:figure/tei:graphic" mode="html" priority="1">
    <xsl:variable name="href" select="tk:safe-url(@url)"/>
    <span class="graphic-line">
      <xsl:element name="{if ($href) then 'a' else 'span'}">
        <xsl:attribute name="class" select="'graphic'"/>
        <xsl:if test="$href"><xsl:attribute name="href" select="$href"/></xsl:if>
        <xsl:text>Image: </xsl:text><xsl:value-of select="@url"/>
      </xsl:element>
    </span>
  </xsl:template>

  <!-- MathML is passed through; only presentation attributes are kept. -->
  <xsl:template match="mml:*" mode="html">
    <xsl:element name="{local-name()}" namespace="http://www.w3.org/1998/Math/MathML">
      <xsl:copy-of select="@*[not(namespace-uri())][not(matches(local-name(), '^(on|href|src|xlink)', 'i'))]"/>
      <xsl:apply-templates mode="html"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:formula" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="if (mml:math[@display = 'block']) then 'div' else 'span'"/>
      <xsl:with-param name="class" select="'formula', tk:tokens(@notation) ! ('formula-' || .)"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
