<?xml version="1.0" encoding="UTF-8"?>
<!-- A document's record for the site's pages, as JSON: the catalogue fields
     from tk:header (the map the HTML masthead and the PDF title block read)
     and the register mentions from tk:mentions, with the anchors the HTML
     writes on them. So the index, the document page and the PDF agree on a
     date or an archive, and the register page links to anchors that exist.

     Shape: {"title", "date" (ISO), "date_text", "archive", "summary",
     "mentions": [[entry id, anchor, name as written], ...],
     "authors": [name, ...], "repository" (the archive without the call
     number: the archive facet), "publisher", "source_url", "idno",
     "classification", "genre", "languages": [original language, ...],
     "lang"} — the last ones for the facets and the citations. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>

  <xsl:output method="json" indent="no" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:variable name="root" select="*"/>
    <xsl:variable name="f" select="tk:header($root)"/>
    <xsl:variable name="mentions" select="tk:mentions($root)"/>
    <xsl:sequence select="map {
      'title': (normalize-space($f?title)[. != ''], $tk:untitled)[1],
      'date': $f?when,
      'date_text': normalize-space($f?date),
      'archive': (tk:archive-line($f)[. != ''], normalize-space($f?publisher))[1],
      'summary': normalize-space(($f?abstract, $f?header/tei:fileDesc/tei:notesStmt/tei:note[@type = 'summary'])[1]),
      'authors': array { $f?authors ! normalize-space((tei:persName, tei:orgName, tei:name, .)[1])[. != ''] },
      'repository': normalize-space(($f?archive[self::tei:repository], $f?archive[self::tei:institution], $f?archive)[1]),
      'publisher': normalize-space($f?publisher),
      'source_url': string($f?url),
      'idno': normalize-space(string-join($f?idno, ' ')),
      'classification': normalize-space($f?classification),
      'genre': tk:genre($root),
      'languages': array { tk:original-languages($root) },
      'lang': tk:language($root),
      'mentions': array {
        for $i in 1 to count($mentions)
        return let $m := $mentions[$i]
        return array { tk:register-id(tokenize(normalize-space($m/@ref), ' ')[1]), tk:mention-anchor($m, $i),
                       normalize-space($m) }
      }
    }"/>
  </xsl:template>

  <!-- The kind of document: the header's keywords or class reference if it
       gives one, else the text's heading typed "genre" without its brackets
       ("(Memo)" is a memo). -->
  <xsl:function name="tk:genre" as="xs:string">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="declared" select="($root/tei:teiHeader/tei:profileDesc/tei:textClass/tei:keywords/tei:term,
        $root/tei:teiHeader/tei:profileDesc/tei:textClass/tei:catRef/@target ! substring-after(., '#'))[1]"/>
    <xsl:variable name="head" select="($root/tei:text//tei:head[@type = 'genre'])[1]"/>
    <xsl:variable name="text" select="normalize-space(replace(string(($declared, $head)[1]), '^[\s(\[]+|[\s)\].]+$', ''))"/>
    <xsl:sequence select="if ($text = '') then '' else upper-case(substring($text, 1, 1)) || lower-case(substring($text, 2))"/>
  </xsl:function>

  <!-- The languages of the original: those of langUsage that are not the
       text's own language (a translation names its original beside it), or
       those it calls "original". -->
  <xsl:function name="tk:original-languages" as="xs:string*">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="own" select="tk:language($root)"/>
    <xsl:variable name="all" select="$root/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language"/>
    <xsl:variable name="named" select="$all[contains(lower-case(.), 'original')]"/>
    <xsl:sequence select="distinct-values((if (exists($named)) then $named else $all[@ident != $own])
        ! normalize-space(replace(., '\s*\([^)]*\)\s*', ' '))[. != ''])"/>
  </xsl:function>

</xsl:stylesheet>
