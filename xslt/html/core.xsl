<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI core and textstructure → HTML: the text's divisions, headings,
  paragraphs, line and page breaks, lists, tables, verse, quotations with
  their citations, links, titles and other phrase-level highlighting.
  Also the one helper every file uses to write an element, tk:wrap, which
  turns block elements into spans when they occur inside phrasing content
  (a list inside a note popover inside a paragraph stays valid HTML).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <!-- HTML elements that may hold phrasing content only. -->
  <xsl:variable name="tk:phrase-tags" as="xs:string+" select="('p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
      'span', 'a', 'q', 'cite', 'em', 'i', 'b', 'strong', 'small', 'code', 'pre', 'abbr', 'time', 'sup',
      'sub', 'dt', 'caption', 'figcaption', 'summary', 'del', 'ins', 'label', 'button', 's', 'u')"/>

  <!-- HTML elements that phrasing content may not hold. -->
  <xsl:variable name="tk:block-tags" as="xs:string+" select="('div', 'p', 'section', 'blockquote', 'ul',
      'ol', 'li', 'dl', 'dt', 'dd', 'table', 'caption', 'tr', 'td', 'th', 'thead', 'tbody', 'figure',
      'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'aside', 'header', 'footer', 'nav')"/>

  <xsl:variable name="tk:block-set" as="map(xs:string, xs:boolean)" select="map:merge($tk:block-tags ! map:entry(., true()))"/>
  <xsl:variable name="tk:phrase-set" as="map(xs:string, xs:boolean)" select="map:merge($tk:phrase-tags ! map:entry(., true()))"/>

  <xsl:template name="tk:wrap">
    <xsl:param name="tag" as="xs:string"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="content" as="node()*" select="node()"/>
    <xsl:param name="tk:in-phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="demoted" select="$tk:in-phrase and map:contains($tk:block-set, $tag)"/>
    <xsl:element name="{if ($demoted) then 'span' else $tag}">
      <xsl:if test="exists($class) or $demoted">
        <xsl:attribute name="class" select="$class, 'as-block'[$demoted]" separator=" "/>
      </xsl:if>
      <xsl:apply-templates select="@xml:id | @xml:lang" mode="html-attr"/>
      <xsl:apply-templates select="$content" mode="html">
        <xsl:with-param name="tk:in-phrase" tunnel="yes" select="$tk:in-phrase or map:contains($tk:phrase-set, $tag)"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- Structure -->

  <xsl:template match="tei:text | tei:front | tei:body | tei:back | tei:group" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'div'"/>
      <xsl:with-param name="class" select="'tei-' || local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'section'"/>
      <xsl:with-param name="class" select="'div', tk:tokens(@type) ! ('div-' || .)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A division's first heading is an HTML heading one level below its
       nesting (the page's own title is the h1); later heads are subtitles. -->
  <xsl:template match="tei:head[parent::tei:div or parent::tei:div1 or parent::tei:div2 or parent::tei:div3
      or parent::tei:div4 or parent::tei:div5 or parent::tei:div6 or parent::tei:div7 or parent::tei:body
      or parent::tei:front or parent::tei:back]" mode="html">
    <xsl:variable name="depth" select="count(ancestor::*[matches(local-name(), '^div[1-7]?$')])"/>
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="if (preceding-sibling::tei:head) then 'p' else 'h' || min((6, $depth + 1))"/>
      <xsl:with-param name="class" select="'head', tk:tokens(@type) ! ('head-' || .),
          'subhead'[current()/preceding-sibling::tei:head]"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'p'"/>
      <xsl:with-param name="class" select="('ab'[current()/self::tei:ab], tk:tokens(@rend) ! ('rend-' || .))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:lb" mode="html">
    <br/>
  </xsl:template>

  <!-- A line break next to a part drawn as its own block (a dateline in an
       opener) would add an empty line. -->
  <xsl:template match="tei:lb[(preceding-sibling::node()[not(self::text()) or normalize-space()][1],
      following-sibling::node()[not(self::text()) or normalize-space()][1])
      [self::tei:dateline or self::tei:salute or self::tei:signed or self::tei:byline]]" mode="html"/>

  <!-- A page break inside a word (break="no") keeps the word whole: its
       number is drawn by the style sheet, outside the page's text. -->
  <xsl:template match="tei:pb[@break = 'no']" mode="html" priority="1">
    <span class="pb pb-in-word" role="separator" aria-label="page {@n}" data-n="{@n}"></span>
  </xsl:template>

  <xsl:template match="tei:pb" mode="html">
    <span class="pb" role="separator">
      <xsl:text>[page</xsl:text>
      <xsl:value-of select="' ' || @n[normalize-space()]"/>
      <xsl:text>]</xsl:text>
    </span>
  </xsl:template>

  <xsl:template match="tei:cb | tei:gb" mode="html"/>

  <!-- A section separator keeps its printed form ("x x x") from @rend. -->
  <xsl:template match="tei:milestone" mode="html">
    <xsl:param name="tk:in-phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($tk:in-phrase) then 'span' else 'p'}">
      <xsl:attribute name="class" select="'milestone', 'milestone-' || tk:tokens(@unit)[1]"/>
      <xsl:attribute name="role" select="'separator'"/>
      <xsl:value-of select="if (@unit = 'section' and normalize-space(@rend)) then @rend else '* * *'"/>
    </xsl:element>
  </xsl:template>

  <!-- Lists, tables, verse -->

  <xsl:template match="tei:list | tei:listBibl" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="if (@type = ('ordered', 'numbered') or contains(@rend, 'numbered')) then 'ol' else 'ul'"/>
      <xsl:with-param name="class" select="'list', tk:tokens(@type) ! ('list-' || .)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:list/tei:item | tei:list/tei:label | tei:list/tei:head | tei:listBibl/*" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'li'"/>
      <xsl:with-param name="class" select="'list-' || local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:table" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'table'"/>
      <xsl:with-param name="content" select="tei:head, node() except tei:head"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:table/tei:head" mode="html">
    <xsl:call-template name="tk:wrap"><xsl:with-param name="tag" select="'caption'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:row" mode="html">
    <xsl:call-template name="tk:wrap"><xsl:with-param name="tag" select="'tr'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:cell" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="if (@role = 'label' or ../@role = 'label') then 'th' else 'td'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:lg" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'div'"/>
      <xsl:with-param name="class" select="'lg'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:l" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'p'"/>
      <xsl:with-param name="class" select="'l'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Quotations and citations -->

  <!-- Block or inline as tk:stands-alone says, the same in the PDF. -->
  <xsl:template match="tei:quote | tei:q | tei:said" mode="html">
    <xsl:param name="tk:in-phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="if ($tk:in-phrase or not(tk:stands-alone(.))) then 'q' else 'blockquote'"/>
      <xsl:with-param name="class" select="'quote'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:cit" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="if (tk:stands-alone(.)) then 'div' else 'span'"/>
      <xsl:with-param name="class" select="'cit'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:bibl | tei:biblStruct" mode="html">
    <xsl:param name="tk:in-phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="if ($tk:in-phrase or not(tk:stands-alone(.)) or parent::tei:cit) then 'cite' else 'p'"/>
      <xsl:with-param name="class" select="'bibl'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:title" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'cite'"/>
      <xsl:with-param name="class" select="'title', tk:tokens(@level) ! ('title-' || .), 'upright'[not(tk:is-italic-title(current()))]"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Phrase-level highlighting -->

  <xsl:template match="tei:emph" mode="html">
    <xsl:call-template name="tk:wrap"><xsl:with-param name="tag" select="'em'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:foreign | tei:term | tei:mentioned | tei:soCalled | tei:distinct" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'i'"/>
      <xsl:with-param name="class" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:code | tei:ident | tei:gi | tei:att | tei:val" mode="html">
    <code class="{local-name()}">
      <xsl:value-of select="if (self::tei:gi) then '&lt;' || . || '&gt;' else if (self::tei:att) then '@' || . else ."/>
    </code>
  </xsl:template>

  <xsl:template match="tei:eg" mode="html">
    <xsl:call-template name="tk:wrap"><xsl:with-param name="tag" select="'pre'"/></xsl:call-template>
  </xsl:template>

  <!-- Links: the target passes the allow-list or the link is not made. -->

  <xsl:template match="tei:ref | tei:ptr" mode="html">
    <xsl:variable name="href" select="tk:safe-url(tokenize(normalize-space(@target), ' ')[1])[not(current()/descendant::tei:note)]"/>
    <xsl:element name="{if ($href) then 'a' else 'span'}">
      <xsl:attribute name="class" select="local-name()"/>
      <xsl:if test="$href"><xsl:attribute name="href" select="$href"/></xsl:if>
      <xsl:apply-templates select="@xml:id | @xml:lang" mode="html-attr"/>
      <xsl:apply-templates select="if (self::tei:ptr) then @target else node()" mode="html">
        <xsl:with-param name="tk:in-phrase" tunnel="yes" select="true()"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:ptr/@target" mode="html">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- Images are linked, not loaded: the page must not fetch anything. -->
  <xsl:template match="tei:graphic" mode="html">
    <xsl:variable name="href" select="tk:safe-url(@url)"/>
    <xsl:element name="{if ($href) then 'a' else 'span'}">
      <xsl:attribute name="class" select="'graphic'"/>
      <xsl:if test="$href"><xsl:attribute name="href" select="$href"/></xsl:if>
      <xsl:text>[image: </xsl:text><xsl:value-of select="@url"/><xsl:text>]</xsl:text>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:figure" mode="html">
    <xsl:call-template name="tk:wrap"><xsl:with-param name="tag" select="'figure'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:figure/tei:head | tei:figDesc" mode="html">
    <xsl:call-template name="tk:wrap"><xsl:with-param name="tag" select="'figcaption'"/></xsl:call-template>
  </xsl:template>

  <!-- Letters and memos: opener, closer, signatures -->

  <xsl:template match="tei:opener | tei:closer | tei:postscript" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'div'"/>
      <xsl:with-param name="class" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:dateline | tei:salute | tei:signed | tei:byline | tei:docAuthor[not(ancestor::tei:p)]" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="if (../text()[normalize-space()]) then 'span' else 'p'"/>
      <xsl:with-param name="class" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A label outside a list or note (a caption in the text). -->
  <xsl:template match="tei:label" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'span'"/>
      <xsl:with-param name="class" select="'label'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:seg" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'span'"/>
      <xsl:with-param name="class" select="'seg', tk:tokens(@type) ! ('seg-' || .)"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
