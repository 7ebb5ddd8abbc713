<?xml version="1.0" encoding="UTF-8"?>
<!-- A document's record for the site's pages, as JSON: the catalogue fields
     from tk:header (the map the HTML masthead and the PDF title block read)
     and the register mentions from tk:mentions, with the anchors the HTML
     writes on them. So the index, the document page and the PDF agree on a
     date or an archive, and the register page links to anchors that exist.

     Shape: {"title", "date" (ISO), "date_text", "archive", "summary",
     "mentions": [[entry id, anchor, name as written], ...]} -->
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
      'mentions': array {
        for $i in 1 to count($mentions)
        return let $m := $mentions[$i]
        return array { tk:register-id(tokenize(normalize-space($m/@ref), ' ')[1]), tk:mention-anchor($m, $i),
                       normalize-space($m) }
      }
    }"/>
  </xsl:template>

</xsl:stylesheet>
