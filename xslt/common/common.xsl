<?xml version="1.0" encoding="UTF-8"?>
<!--
  Format-free helpers shared by every output (HTML, PDF). Import it; it writes
  no markup of its own and declares no mode, so importing it changes nothing
  until a function is called. What it offers (stable names, namespace
  "urn:teikit:xslt"):

    tk:safe-url($url)          the URL if its scheme is allowed (http, https,
                               relative, fragment), else the empty sequence
    tk:register-id($ref)       "per-x" for a @ref "register.xml#per-x" or "#per-x"
    tk:target-ids($target)     the ids named by a pointer list "#a #b"
    tk:mark-kind($rend)        "line", "double-line", "query", "exclamation",
                               "mark" for a margin-* @rend, else ()
    tk:mark-description($hi)   a sentence describing a reader's mark on a <hi>
    tk:format-date($when)      "9 June 1969", "June 1969" or "1969" from ISO
    tk:is-numbered-note($note) whether a note becomes a numbered note (marker in
                               the text, entry in the list of notes)
    tk:numbered-notes($root)   the numbered notes of a document's texts, in order
    tk:note-numbers($notes)    a map from generate-id() of each note to its number
    tk:note-label($note, $i)   the label shown for the $i-th numbered note
    tk:tokens($s)              a class-safe list of tokens from an attribute
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <!-- Schemes a link may use. Everything else (javascript:, data:, vbscript:,
       file:, …) is dropped, however it is spelled. -->
  <xsl:variable name="tk:allowed-schemes" as="xs:string*" select="('http', 'https')"/>

  <xsl:function name="tk:safe-url" as="xs:string?">
    <xsl:param name="url" as="xs:string?"/>
    <!-- Browsers ignore control, format and white-space characters inside a
         scheme ("java&#9;script:"), so they are removed before the scheme is
         read; the case of a scheme does not matter either. -->
    <xsl:variable name="clean" as="xs:string"
        select="replace(string($url), '[\p{Cc}\p{Cf}\p{Z}\s]+', '')"/>
    <!-- The scheme is whatever stands before the first colon that comes
         before any / ? or #; a relative URL has no such colon. -->
    <xsl:variable name="head" as="xs:string" select="replace($clean, '[/?#].*$', '')"/>
    <xsl:variable name="scheme" as="xs:string?"
        select="if (contains($head, ':')) then lower-case(substring-before($head, ':')) else ()"/>
    <xsl:sequence select="
        if ($clean = '') then ()
        else if (contains($head, '&amp;') or contains($head, '\')) then ()
        else if (empty($scheme)) then $clean
        else if ($scheme = $tk:allowed-schemes) then $clean
        else ()"/>
  </xsl:function>

  <xsl:function name="tk:register-id" as="xs:string?">
    <xsl:param name="ref" as="xs:string?"/>
    <!-- A name points into the edition's register either by a local fragment
         or by "register.xml#id"; other references are ordinary links. -->
    <xsl:variable name="r" select="normalize-space($ref)"/>
    <xsl:sequence select="
        if (starts-with($r, '#') or starts-with($r, 'register.xml#') or contains($r, '/register.xml#'))
        then substring-after($r, '#')[. != ''] else ()"/>
  </xsl:function>

  <xsl:function name="tk:target-ids" as="xs:string*">
    <xsl:param name="target" as="xs:string?"/>
    <xsl:sequence select="
        for $t in tokenize(normalize-space($target), ' ')[starts-with(., '#')]
        return substring($t, 2)"/>
  </xsl:function>

  <xsl:function name="tk:mark-kind" as="xs:string?">
    <xsl:param name="rend" as="xs:string?"/>
    <xsl:variable name="r" select="normalize-space($rend)"/>
    <xsl:sequence select="
        if ($r = ('margin-line', 'margin-double-line', 'margin-query',
                  'margin-exclamation', 'margin-mark'))
        then substring-after($r, 'margin-') else ()"/>
  </xsl:function>

  <xsl:function name="tk:mark-description" as="xs:string">
    <xsl:param name="hi" as="element()"/>
    <xsl:variable name="kind" select="tk:mark-kind($hi/@rend)"/>
    <xsl:variable name="what" select="
        if ($kind = 'line') then 'Marked in the left margin with one vertical line'
        else if ($kind = 'double-line') then 'Marked in the left margin with two vertical lines'
        else if ($kind = 'query') then 'Marked in the left margin with a question mark'
        else if ($kind = 'exclamation') then 'Marked in the left margin with an exclamation point'
        else 'Highlighted in the left margin'"/>
    <xsl:sequence select="concat($what, ' by a later reader',
        if ($hi/@cert = ('low', 'unknown')) then ' (the extent of the marked passage is uncertain)' else '',
        '.')"/>
  </xsl:function>

  <xsl:variable name="tk:months" as="xs:string+" select="('January', 'February', 'March',
      'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December')"/>

  <xsl:function name="tk:format-date" as="xs:string?">
    <xsl:param name="when" as="xs:string?"/>
    <xsl:variable name="w" select="normalize-space($when)"/>
    <xsl:sequence select="
        if (matches($w, '^\d{4}-\d{2}-\d{2}$') and xs:integer(substring($w, 6, 2)) = 1 to 12)
          then concat(xs:integer(substring($w, 9, 2)), ' ', $tk:months[xs:integer(substring($w, 6, 2))], ' ', substring($w, 1, 4))
        else if (matches($w, '^\d{4}-\d{2}$') and xs:integer(substring($w, 6, 2)) = 1 to 12)
          then concat($tk:months[xs:integer(substring($w, 6, 2))], ' ', substring($w, 1, 4))
        else if ($w = '') then ()
        else $w"/>
  </xsl:function>

  <xsl:function name="tk:is-numbered-note" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <!-- Translator's notes and notes placed outside the running text
         (footnotes, end notes, margin notes of other editions) get a number;
         descriptions that stood inline in the text (a stamp, handwriting)
         stay where they are. -->
    <xsl:sequence select="$note/@type = 'translator'
        or not($note/@place = ('inline', 'inline-block')) and not($note/@type = ('stamp', 'handwritten'))"/>
  </xsl:function>

  <xsl:function name="tk:numbered-notes" as="element()*">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="$root/descendant::tei:note[tk:is-numbered-note(.)][not(ancestor::tei:teiHeader)]"/>
  </xsl:function>

  <xsl:function name="tk:note-numbers" as="map(xs:string, xs:integer)">
    <xsl:param name="notes" as="element()*"/>
    <xsl:sequence select="map:merge($notes ! map:entry(generate-id(.), position()))"/>
  </xsl:function>

  <xsl:function name="tk:note-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:param name="number" as="xs:integer"/>
    <xsl:sequence select="(normalize-space($note/@n)[. != ''], string($number))[1]"/>
  </xsl:function>

  <xsl:function name="tk:tokens" as="xs:string*">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="
        for $t in tokenize(lower-case(normalize-space($value)), ' ')
        return replace($t, '[^a-z0-9_-]', '-')[. != '']"/>
  </xsl:function>

</xsl:stylesheet>
