<?xml version="1.0" encoding="UTF-8"?>
<!-- The TEI header -> the fields of the title block and the PDF's metadata.
     Every field is a plain string (empty when the header does not say), so
     the template never has to guess at TEI structure. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:pdf"
    exclude-result-prefixes="#all">

  <!-- Running heads hold one line: longer titles are cut at a word. -->
  <xsl:variable name="tk:short-title-length" as="xs:integer" select="70"/>

  <xsl:function name="tk:meta" as="map(*)">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="h" select="($root/tei:teiHeader, $root/tei:TEI/tei:teiHeader)[1]"/>
    <xsl:variable name="fd" select="$h/tei:fileDesc"/>
    <xsl:variable name="ts" select="$fd/tei:titleStmt"/>
    <xsl:variable name="title" select="tk:text(($ts/tei:title[@type = 'main'], $ts/tei:title)[1])"/>
    <xsl:variable name="date" select="($h/tei:profileDesc/tei:creation//tei:date, $fd/tei:sourceDesc//tei:date,
                                        $fd/tei:publicationStmt/tei:date)[1]"/>
    <xsl:variable name="ms" select="$fd/tei:sourceDesc//tei:msIdentifier[1]"/>
    <xsl:variable name="translator" select="$ts/tei:respStmt[@xml:id = 'translator'
                                            or contains(lower-case(tei:resp), 'translat')][1]"/>
    <xsl:variable name="licence" select="($fd/tei:publicationStmt/tei:availability/tei:licence)[1]"/>
    <xsl:sequence select="map {
      'title': $title,
      'short': tk:shorten($title),
      'subtitle': tk:text($ts/tei:title[@type = 'sub'][1]),
      'authors': array { $ts/tei:author ! tk:text(.) },
      'author-names': array { $ts/tei:author ! tk:text((.//tei:persName, .//tei:name, .)[1]) },
      'date': tk:text($date),
      'when': string(($date/@when, $date/@from, $date/@notBefore)[1]),
      'archive': string-join(($ms/tei:repository, $ms/tei:collection) ! tk:text(.), ', '),
      'idno': tk:text($ms/tei:idno[1]),
      'translator': tk:text(($translator/tei:persName, $translator/tei:name)[1]),
      'publisher': tk:text($fd/tei:publicationStmt/(tei:publisher, tei:distributor, tei:authority)[1]),
      'url': tk:text($fd/tei:publicationStmt/tei:idno[@type = 'URI'][1]),
      'licence': tk:text(($licence, $fd/tei:publicationStmt/tei:availability)[1]),
      'licence-url': string($licence/@target),
      'funding': tk:text(($fd/tei:notesStmt/tei:note[@type = 'funding'], $ts/tei:funder)[1]),
      'citation': tk:text($fd/tei:notesStmt/tei:note[@type = 'citation'][1]),
      'lang': tk:language($root),
      'marks': exists($root//tei:hi[tk:is-mark(.)])
    }"/>
  </xsl:function>

  <xsl:function name="tk:shorten" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="if (string-length($s) le $tk:short-title-length) then $s
      else replace(substring($s, 1, $tk:short-title-length), '\s+\S*$', '') || '…'"/>
  </xsl:function>

  <!-- The language of the text as a two- or three-letter code for Typst's
       hyphenation and the PDF's /Lang; English when nothing says. -->
  <xsl:function name="tk:language" as="xs:string">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="lang" select="($root/tei:text/@xml:lang, $root/@xml:lang, 'en')[1]"/>
    <xsl:sequence select="let $code := lower-case(substring-before($lang || '-', '-'))
                          return if (matches($code, '^[a-z]{2,3}$')) then $code else 'en'"/>
  </xsl:function>

</xsl:stylesheet>
