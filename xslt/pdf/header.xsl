<?xml version="1.0" encoding="UTF-8"?>
<!-- The TEI header -> the fields of the title block and the PDF's metadata.
     Every field is a plain string (empty when the header does not say), so
     the template never has to guess at TEI structure. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <!-- Running heads hold one line: longer titles are cut at a word. -->
  <xsl:variable name="tk:short-title-length" as="xs:integer" select="70"/>

  <!-- The fields of tk:header (the map the HTML masthead and the site's
       records read), as the strings the title block sets. -->
  <xsl:function name="tk:meta" as="map(*)">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="f" select="tk:header($root)"/>
    <xsl:variable name="title" select="(tk:text($f?title)[. != ''], $tk:untitled)[1]"/>
    <xsl:sequence select="map {
      'title': $title,
      'short': tk:shorten($title),
      'subtitle': tk:text($f?subtitle),
      'authors': array { $f?authors ! tk:text(.) },
      'author-names': array { $f?authors ! tk:text((.//tei:persName, .//tei:name, .)[1]) },
      'date': (tk:text($f?date)[. != ''], tk:format-date($f?when), '')[1],
      'when': $f?when,
      'archive': tk:archive-line($f),
      'translator': string-join($f?translators ! tk:text(.), '; '),
      'publisher': tk:text($f?publisher),
      'url': string($f?url),
      'licence': tk:text($f?licence),
      'licence-url': string($f?licence-url),
      'funding': tk:text($f?funding),
      'citation': tk:text($f?citation),
      'lang': tk:language-code($root),
      'dir': tk:direction(tk:language($root)),
      'marks': exists($root//tei:hi[tk:mark-kind(@rend)])
    }"/>
  </xsl:function>

  <xsl:function name="tk:shorten" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="if (string-length($s) le $tk:short-title-length) then $s
      else replace(substring($s, 1, $tk:short-title-length), '\s+\S*$', '') || '…'"/>
  </xsl:function>

  <!-- tk:language as a two- or three-letter code, for Typst's hyphenation
       and the PDF's /Lang; English when it is not one. -->
  <xsl:function name="tk:language-code" as="xs:string">
    <xsl:param name="root" as="element()"/>
    <xsl:sequence select="let $code := lower-case(substring-before(tk:language($root) || '-', '-'))
                          return if (matches($code, '^[a-z]{2,3}$')) then $code else 'en'"/>
  </xsl:function>

</xsl:stylesheet>
