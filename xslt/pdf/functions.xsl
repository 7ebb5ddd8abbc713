<?xml version="1.0" encoding="UTF-8"?>
<!-- Node constructors and text handling shared by every module of the PDF
     stylesheets: the one place that decides how a node looks in the JSON. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <xsl:mode name="pdf" on-no-match="shallow-skip"/>

  <!-- A node of kind $kind whose children are the rendered children of $e. -->
  <xsl:function name="tk:node" as="map(*)">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="tk:node($kind, $e, map {})"/>
  </xsl:function>

  <xsl:function name="tk:node" as="map(*)">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="e" as="element()"/>
    <xsl:param name="extra" as="map(*)"/>
    <xsl:variable name="children" as="item()*">
      <xsl:apply-templates select="$e/node()" mode="pdf"/>
    </xsl:variable>
    <xsl:sequence select="map:merge(($extra, tk:language-of($e), map { 'k': $kind, 'c': array { $children } }))"/>
  </xsl:function>

  <!-- An element in another language than its surroundings (an English
       paragraph in a Hebrew text) carries its language and direction, so
       that Typst hyphenates and lays it out as that language. -->
  <xsl:function name="tk:language-of" as="map(*)?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="code" select="lower-case(substring-before(normalize-space($e/@xml:lang) || '-', '-'))"/>
    <xsl:sequence select="map { 'lang': $code, 'dir': tk:direction($e/@xml:lang) }[matches($code, '^[a-z]{2,3}$')]"/>
  </xsl:function>

  <!-- Text as one line of words: the layout of the XML source (newlines,
       indentation) is not the document's, so runs of white space become one
       space. Whitespace between block elements carries nothing and goes. -->
  <xsl:template match="text()" mode="pdf">
    <xsl:sequence select="replace(., '\s+', ' ')"/>
  </xsl:template>

  <!-- A footnote's call follows the word it belongs to, without a space
       (the source has "leaders. [Translator's note: …]"). -->
  <xsl:template match="text()[following-sibling::node()[1][self::tei:note[tk:is-numbered-note(.)]]]" mode="pdf" priority="1">
    <xsl:sequence select="replace(replace(., '\s+', ' '), ' $', '')"/>
  </xsl:template>

  <xsl:template match="text()[not(normalize-space())][tk:is-structural(..)]" mode="pdf" priority="2"/>

  <!-- Elements that hold blocks, not text: white space inside them is only
       the source's indentation. Anywhere else a space may separate words
       (<quote>…</quote> <bibl>…</bibl>) and is kept. -->
  <xsl:function name="tk:is-structural" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="not($e/text()[normalize-space()]) and (
      local-name($e) = ('TEI', 'teiCorpus', 'text', 'front', 'body', 'back', 'group', 'div', 'opener', 'closer',
                        'list', 'listBibl', 'lg', 'table', 'row', 'sp', 'figure', 'castList', 'floatingText',
                        'titlePage', 'argument', 'epigraph', 'postscript', 'specGrp', 'schemaSpec',
                        'content', 'attList', 'classes', 'constraintSpec', 'valList',
                        'standOff', 'sourceDoc', 'surface', 'zone', 'listPerson', 'listPlace', 'listOrg',
                        'listEvent', 'listApp', 'listWit', 'person', 'place', 'org', 'msDesc', 'msContents',
                        'msItem', 'physDesc', 'history', 'app', 'docTitle', 'docImprint')
      or matches(local-name($e), '^div\d$|Spec$'))"/>
  </xsl:function>

  <!-- Comments and processing instructions are not part of the text. -->
  <xsl:template match="comment() | processing-instruction()" mode="pdf"/>

  <!-- An element's text as one normalized string (for header fields). -->
  <xsl:function name="tk:text" as="xs:string">
    <xsl:param name="e" as="node()*"/>
    <xsl:sequence select="normalize-space(string-join($e ! string(.), ' '))"/>
  </xsl:function>

</xsl:stylesheet>
