<?xml version="1.0" encoding="UTF-8"?>
<!--
  The rendering core shared by every output (HTML, PDF) and by the site's
  records: how TEI elements are classified, whatever the format. Import it;
  it writes no markup of its own and declares no mode, so importing it
  changes nothing until a function is called. Stable names, one namespace,
  "urn:teikit:xslt":

    tk:header($root)           the header's fields as one map (see below):
                               the HTML masthead, the PDF title block and
                               the site's catalogue records all read it
    tk:archive-line($fields)   "repository, collection, call number"
    tk:untitled                what a document without a title is called
    tk:language($root)         the language of the text (xml:lang), else "en"
    tk:safe-url($url)          the URL if its scheme is allowed (http, https,
                               relative, fragment), else the empty sequence
    tk:register-id($ref)       "per-x" for a @ref "register.xml#per-x"
    tk:mentions($root)         the elements naming a register entry, in order
    tk:mention-numbers($m)     a map from generate-id() of each mention to its number
    tk:mention-anchor($e, $i)  the anchor of the $i-th mention (its xml:id or "mention-3")
    tk:target-ids($target)     the ids named by a pointer list "#a #b"
    tk:margin-marks            @rend of a margin mark -> its kind ("line", …)
    tk:mark-kind($rend)        the kind of a margin mark, else ()
    tk:mark-description($hi)   a sentence describing a reader's mark on a <hi>
    tk:format-date($when)      "9 June 1969", "June 1969" or "1969" from ISO
    tk:note-classes            note/@type -> "numbered" or "inline"
    tk:is-numbered-note($note) whether a note becomes a numbered note (a marker
                               or footnote call in the text, the note itself
                               in the list of notes or at the page's foot)
    tk:numbered-notes($root)   the numbered notes of a document's texts, in order
    tk:note-numbers($notes)    a map from generate-id() of each note to its number
    tk:note-label($note, $i)   the label shown for the $i-th numbered note
    tk:stands-alone($e)        whether a quotation, citation or reference is
                               a block of its own rather than part of a line
    tk:gap-text($gap)          what a gap shows in brackets
    tk:source-reading($c)      the source's reading of a choice (sic, abbr, orig)
    tk:editor-reading($c)      the editor's reading of a choice (corr, expan, reg)
    tk:stamp-stands-alone($s)  whether a stamp is drawn as one or stays in the line
    tk:is-italic-title($t)     whether a title is set in italics (by its level)
    tk:tokens($s)              a class-safe list of tokens from an attribute
    tk:is-apparatus-entry($a)  whether an <app> in the text gets a number (its
                               lemma in the text, its readings in the note)
    tk:apparatus-lemma($a)     the reading an <app> shows in the text (lem, else
                               the first rdg); tk:apparatus-readings($a) the others
    tk:sigla($r)               the witnesses of a reading ("El Hg"), else its resp
    tk:joins-word($n)          whether a line or page break falls inside a word
                               (break="no"): the outputs join the word
    tk:direction($lang)        "rtl" for a language written right to left, else "ltr"
    tk:kicker($root)           the line above the title that says what the
                               document is, or () when the header does not say
    tk:division-label($div)    what an unheaded division of a known type is
                               called ("Edition", "Translation", …), else ()
    tk:described-sources($r)   what the header's sourceDesc describes for the
                               reader (a manuscript description with more than
                               its shelfmark and hands, lists of persons, places):
                               both outputs show it after the text
    tk:record-label($e)        the label of a part of a manuscript description
                               or of a person's or place's entry, else ()

  and the vocabularies they use: tk:division-labels, tk:record-labels,
  tk:rtl-languages, tk:in-text-rends, tk:mark-names,
  tk:mark-legend, tk:mark-order, tk:name-elements, tk:block-holders,
  tk:upright-title-levels. The closed values among them (mark kinds, note
  types) are those of schemas/teikit.rnc; tests/contract/ checks that every
  copy (converter, stylesheets, Typst template, CSS, Schematron) agrees.
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
    <!-- A name points into the edition's register by "register.xml#id" (the
         same rule as the validator's and the site's); "#id" is a pointer
         inside the document, other references are ordinary links. -->
    <xsl:variable name="r" select="normalize-space($ref)"/>
    <xsl:sequence select="
        if (starts-with($r, 'register.xml#') or contains($r, '/register.xml#'))
        then substring-after($r, '#')[. != ''] else ()"/>
  </xsl:function>

  <!-- A mention of a register entry: an element whose first @ref points into
       the register. The HTML writes tk:mention-id on each one it renders in
       the text, and the site's records list the same elements, so the
       register page can link to every mention without reading the HTML. -->
  <xsl:variable name="tk:name-elements" as="xs:string+" select="('persName', 'orgName', 'placeName', 'geogName', 'name', 'rs')"/>

  <xsl:function name="tk:mentions" as="element()*">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="$root/descendant::tei:*[@ref][local-name() = $tk:name-elements]
        [exists(tk:register-id(tokenize(normalize-space(@ref), ' ')[1]))]"/>
  </xsl:function>

  <xsl:function name="tk:mention-numbers" as="map(xs:string, xs:integer)">
    <xsl:param name="mentions" as="element()*"/>
    <xsl:sequence select="map:merge($mentions ! map:entry(generate-id(.), position()))"/>
  </xsl:function>

  <!-- The anchor of a mention: its own xml:id, or "mention-N". -->
  <xsl:function name="tk:mention-anchor" as="xs:string">
    <xsl:param name="mention" as="element()"/>
    <xsl:param name="number" as="xs:integer"/>
    <xsl:sequence select="(normalize-space($mention/@xml:id)[. != ''], 'mention-' || $number)[1]"/>
  </xsl:function>

  <xsl:function name="tk:target-ids" as="xs:string*">
    <xsl:param name="target" as="xs:string?"/>
    <xsl:sequence select="
        for $t in tokenize(normalize-space($target), ' ')[starts-with(., '#')]
        return substring($t, 2)"/>
  </xsl:function>

  <!-- The reader's marks drawn in the margin: the margin.rend values of
       teikit.rnc, each with the kind both outputs draw (an underline, the
       other reader's mark, stays in the line: see tk:in-text-rends). -->
  <xsl:variable name="tk:margin-marks" as="map(xs:string, xs:string)" select="map {
      'margin-line': 'line',
      'margin-double-line': 'double-line',
      'margin-query': 'query',
      'margin-exclamation': 'exclamation',
      'margin-mark': 'mark'
  }"/>

  <!-- The other hi.rend values of teikit.rnc: highlighting set in the line. -->
  <xsl:variable name="tk:in-text-rends" as="xs:string+" select="('underline', 'emphasis')"/>

  <xsl:function name="tk:mark-kind" as="xs:string?">
    <xsl:param name="rend" as="xs:string?"/>
    <xsl:sequence select="$tk:margin-marks(normalize-space($rend))"/>
  </xsl:function>

  <xsl:function name="tk:mark-description" as="xs:string">
    <xsl:param name="hi" as="element()"/>
    <xsl:variable name="kind" select="tk:mark-kind($hi/@rend)"/>
    <xsl:variable name="what" select="if ($kind = 'mark') then 'Highlighted in the left margin'
        else 'Marked in the left margin with ' || $tk:mark-names($kind)"/>
    <xsl:sequence select="concat($what, ' by a later reader',
        if ($hi/@cert = ('low', 'unknown')) then ' (the extent of the marked passage is uncertain)' else '',
        '.')"/>
  </xsl:function>

  <!-- Each kind of margin mark in words: in a sentence (titles) and in the
       legend of the marks. -->
  <xsl:variable name="tk:mark-names" as="map(xs:string, xs:string)" select="map {
      'line': 'one vertical line',
      'double-line': 'two vertical lines',
      'query': 'a question mark',
      'exclamation': 'an exclamation point',
      'mark': 'a highlight'
  }"/>
  <xsl:variable name="tk:mark-legend" as="map(xs:string, xs:string)" select="map {
      'line': 'one vertical line',
      'double-line': 'two vertical lines',
      'query': 'question mark',
      'exclamation': 'exclamation point',
      'mark': 'highlighted (kind not stated)'
  }"/>
  <!-- The order in which the legends list the kinds. -->
  <xsl:variable name="tk:mark-order" as="xs:string+" select="('line', 'double-line', 'query', 'exclamation', 'mark')"/>

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

  <!-- How each note.type of teikit.rnc is set, in every output: "numbered"
       notes get a number (a marker in the HTML, a footnote in the PDF);
       "inline" notes describe the page where they stand (a stamp,
       handwriting) and stay there, in brackets. -->
  <xsl:variable name="tk:note-classes" as="map(xs:string, xs:string)" select="map {
      'translator': 'numbered',
      'footnote': 'numbered',
      'citation': 'numbered',
      'source': 'numbered',
      'funding': 'numbered',
      'classification': 'numbered',
      'editorial': 'numbered',
      'stamp': 'inline',
      'handwritten': 'inline'
  }"/>

  <xsl:function name="tk:is-numbered-note" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <!-- A translator's note is always numbered. Other notes follow their
         type; a note without a known type (TEI of other projects) is
         numbered unless it is placed inline in the text. An editorial note
         placed inline ("[sic]", "[emphasis in the original]") stays inline
         too: the translation printed it there. -->
    <xsl:variable name="class" select="$tk:note-classes(string($note/@type))"/>
    <xsl:sequence select="$note/@type = 'translator'
        or ($class = 'numbered' or empty($class)) and not($note/@place = ('inline', 'inline-block'))"/>
  </xsl:function>

  <xsl:function name="tk:numbered-notes" as="element()*">
    <xsl:param name="root" as="node()"/>
    <!-- An apparatus entry is numbered as a note is (its readings are the
         note); a note inside an entry or a reading belongs to that entry. -->
    <xsl:sequence select="$root/descendant::*[self::tei:note[tk:is-numbered-note(.)]
        [not(parent::tei:app or ancestor::tei:rdg or ancestor::tei:rdgGrp)] or self::tei:app[tk:is-apparatus-entry(.)]]
        [not(ancestor::tei:teiHeader or ancestor::tei:standOff)]"/>
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

  <!-- Elements that hold blocks: a quotation, citation or reference among
       them, with no words of its own beside it, is a block of its own. -->
  <xsl:variable name="tk:block-holders" as="xs:string+" select="('text', 'front', 'body', 'back', 'group',
      'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'cit', 'list', 'listBibl', 'item',
      'lg', 'sp', 'figure', 'floatingText', 'epigraph', 'argument', 'postscript', 'quote')"/>

  <xsl:function name="tk:stands-alone" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="not($e/../text()[normalize-space()])
        and (every $a in $e/ancestor::*[ancestor::tei:text] satisfies
             (local-name($a) = $tk:block-holders and not($a/../text()[normalize-space()])))"/>
  </xsl:function>

  <!-- The header: one map of fields (elements, so that the HTML can render
       their names as links; the PDF and the site take their text). Each
       field is empty when the header does not say. -->
  <xsl:function name="tk:header" as="map(*)">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="h" select="($root/self::tei:teiHeader, $root/tei:teiHeader, $root/descendant::tei:teiHeader)[1]"/>
    <xsl:variable name="fd" select="$h/tei:fileDesc"/>
    <xsl:variable name="ts" select="$fd/tei:titleStmt"/>
    <xsl:variable name="ps" select="$fd/tei:publicationStmt"/>
    <xsl:variable name="ms" select="($fd/tei:sourceDesc/descendant::tei:msIdentifier)[1]"/>
    <xsl:variable name="date" select="($h/tei:profileDesc/tei:creation/tei:date,
        $fd/tei:sourceDesc/descendant::tei:date, $ps/tei:date)[1]"/>
    <xsl:variable name="licence" select="($ps/tei:availability/tei:licence)[1]"/>
    <xsl:sequence select="map {
      'header': $h,
      'title': ($ts/tei:title[@type = 'main'], $ts/tei:title[not(@type)], $ts/tei:title)[1],
      'subtitle': $ts/tei:title[@type = 'sub'][1],
      'date': $date,
      'when': string(($date/@when, $date/@from)[1]),
      'authors': $ts/tei:author,
      'classification': ($fd/tei:notesStmt/tei:note[@type = 'classification'])[1],
      'archive': $ms/(tei:institution | tei:repository | tei:collection | tei:settlement),
      'idno': $ms/tei:idno,
      'publisher': $ps/(tei:publisher | tei:distributor | tei:authority)[1],
      'url': tk:safe-url(($ps/tei:idno[@type = ('URI', 'URL', 'url', 'uri')])[1]),
      'translators': $ts/tei:respStmt[@xml:id = 'translator' or tei:resp[contains(lower-case(.), 'translat')]]
                        /(tei:name | tei:persName | tei:orgName),
      'funding': ($fd/tei:notesStmt/tei:note[@type = 'funding'], $ts/tei:funder)[1],
      'licence': ($licence, $ps/tei:availability/tei:p)[1],
      'licence-url': tk:safe-url($licence/@target),
      'citation': ($fd/tei:notesStmt/tei:note[@type = 'citation'])[1],
      'abstract': $h/tei:profileDesc/tei:abstract
    }"/>
  </xsl:function>

  <xsl:variable name="tk:untitled" as="xs:string" select="'Untitled TEI document'"/>

  <!-- The language of the text: the text's own xml:lang, else the document's,
       else the first language the header's langUsage names, else English. -->
  <xsl:function name="tk:language" as="xs:string">
    <xsl:param name="root" as="element()"/>
    <xsl:sequence select="(($root/tei:text/@xml:lang, $root/@xml:lang,
        ($root/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language/@ident)[1]) ! normalize-space(.)[. != ''], 'en')[1]"/>
  </xsl:function>

  <!-- Languages written right to left (primary subtags), and the scripts
       that are, for a tag such as "ku-Arab" or "jrb-Hebr". -->
  <xsl:variable name="tk:rtl-languages" as="xs:string+" select="('ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'jrb', 'ks',
      'ku-arab', 'lad-hebr', 'ota', 'ps', 'sam', 'sd', 'syc', 'syr', 'ug', 'ur', 'yi')"/>
  <xsl:variable name="tk:rtl-scripts" as="xs:string+" select="('arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'samr', 'mand')"/>

  <xsl:function name="tk:direction" as="xs:string">
    <xsl:param name="lang" as="xs:string?"/>
    <xsl:variable name="parts" select="tokenize(lower-case(normalize-space($lang)), '-')"/>
    <xsl:sequence select="if ($parts[1] = $tk:rtl-languages and not($parts[2] = ('latn', 'cyrl'))
        or $parts[position() gt 1] = $tk:rtl-scripts) then 'rtl' else 'ltr'"/>
  </xsl:function>

  <!-- What the document is, in one line: only what its header says. A
       translation says so (teikit's own documents are English translations
       of archival documents); other documents get no line. -->
  <xsl:function name="tk:kicker" as="xs:string?">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="f" select="tk:header($root)"/>
    <xsl:sequence select="
        if (empty($f?translators)) then ()
        else if (starts-with(tk:language($root), 'en') and exists($f?header/tei:fileDesc/tei:sourceDesc//tei:msIdentifier))
          then 'Documentary edition · English translation'
        else if (starts-with(tk:language($root), 'en')) then 'English translation'
        else 'Translation'"/>
  </xsl:function>

  <!-- Divisions that editions of inscriptions and papyri (EpiDoc) and
       critical editions leave without a heading: the name each type is
       shown with. -->
  <xsl:variable name="tk:division-labels" as="map(xs:string, xs:string)" select="map {
      'edition': 'Edition',
      'apparatus': 'Apparatus',
      'translation': 'Translation',
      'commentary': 'Commentary',
      'bibliography': 'Bibliography',
      'textpart': 'Text part',
      'glossary': 'Glossary',
      'index': 'Index'
  }"/>

  <xsl:function name="tk:division-label" as="xs:string?">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="if ($div/tei:head) then () else $tk:division-labels(normalize-space($div/@type))"/>
  </xsl:function>

  <!-- The labelled parts of a manuscript description and of the entries of
       persons, places and organizations (standOff, back matter). -->
  <xsl:variable name="tk:record-labels" as="map(xs:string, xs:string)" select="map {
      'msIdentifier': 'Shelfmark', 'altIdentifier': 'Other shelfmark', 'msName': 'Name',
      'head': 'Heading', 'summary': 'Summary', 'msItem': 'Item', 'msContents': 'Contents',
      'textLang': 'Language', 'physDesc': 'Physical description',
      'locus': 'Folios', 'title': 'Title', 'author': 'Author', 'incipit': 'Incipit', 'explicit': 'Explicit',
      'rubric': 'Rubric', 'colophon': 'Colophon', 'decoNote': 'Decoration', 'handNote': 'Hand',
      'dimensions': 'Dimensions', 'origPlace': 'Place', 'origDate': 'Date', 'support': 'Support', 'extent': 'Extent', 'foliation': 'Foliation', 'collation': 'Collation',
      'condition': 'Condition', 'layoutDesc': 'Layout', 'scriptDesc': 'Script', 'additions': 'Additions', 'bindingDesc': 'Binding', 'sealDesc': 'Seals',
      'accMat': 'Accompanying material', 'history': 'History', 'origin': 'Origin',
      'provenance': 'Provenance', 'acquisition': 'Acquisition', 'additional': 'Additional',
      'adminInfo': 'Administrative information', 'surrogates': 'Surrogates', 'listBibl': 'Bibliography',
      'msPart': 'Part', 'msFrag': 'Fragment',
      'birth': 'Born', 'death': 'Died', 'floruit': 'Active', 'occupation': 'Occupation',
      'affiliation': 'Affiliation', 'residence': 'Residence', 'nationality': 'Nationality',
      'sex': 'Sex', 'gender': 'Gender', 'faith': 'Faith', 'education': 'Education', 'event': 'Event',
      'location': 'Location', 'geo': 'Coordinates', 'country': 'Country', 'region': 'Region',
      'settlement': 'Settlement', 'idno': 'Identifier', 'note': 'Note', 'desc': 'Description',
      'bibl': 'Reference', 'state': 'State', 'trait': 'Trait',
      'msDesc': 'Manuscript description', 'listPerson': 'Persons', 'listPlace': 'Places',
      'listOrg': 'Organizations', 'listEvent': 'Events', 'listWit': 'Witnesses', 'listNym': 'Names',
      'listObject': 'Objects', 'listRelation': 'Relations', 'standOff': 'Persons, places and other entities'
  }"/>

  <!-- The parts of an entry that name it (set first, in bold). -->
  <xsl:variable name="tk:entry-names" as="xs:string+" select="('persName', 'placeName', 'orgName', 'name',
      'objectName', 'eventName', 'label', 'title', 'head', 'forename', 'surname')"/>

  <xsl:function name="tk:described-sources" as="element()*">
    <xsl:param name="root" as="element()"/>
    <!-- Where a source is kept is already in the masthead and the title
         block; a description is shown when it says more than that. -->
    <xsl:sequence select="$root/tei:teiHeader/tei:fileDesc/tei:sourceDesc/*[
        self::tei:msDesc[tei:msContents | tei:physDesc/*[not(self::tei:handDesc)] | tei:history
                         | tei:additional | tei:msPart | tei:msFrag | tei:head]
        or starts-with(local-name(), 'list') and local-name() != 'listWit']"/>
  </xsl:function>

  <xsl:function name="tk:record-label" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="$tk:record-labels(local-name($e))"/>
  </xsl:function>

  <!-- Critical apparatus (TEI textcrit). -->
  <xsl:function name="tk:is-apparatus-entry" as="xs:boolean">
    <xsl:param name="app" as="element()"/>
    <!-- An apparatus kept apart (listApp, an EpiDoc apparatus division) is a
         list of its own, not a set of notes to the text. -->
    <xsl:sequence select="empty($app/ancestor::tei:listApp | $app/ancestor::tei:rdg | $app/ancestor::tei:rdgGrp
        | $app/ancestor::tei:teiHeader | $app/ancestor::tei:standOff)"/>
  </xsl:function>

  <xsl:function name="tk:apparatus-lemma" as="element()?">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="($app/tei:lem, $app/tei:rdgGrp/tei:lem, $app/tei:rdg, $app/tei:rdgGrp/tei:rdg)[1]"/>
  </xsl:function>

  <xsl:function name="tk:apparatus-readings" as="element()*">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="$app/(tei:lem | tei:rdg | tei:rdgGrp/tei:lem | tei:rdgGrp/tei:rdg) except tk:apparatus-lemma($app)"/>
  </xsl:function>

  <xsl:function name="tk:sigla" as="xs:string">
    <xsl:param name="reading" as="element()"/>
    <xsl:sequence select="string-join(
        for $t in tokenize(normalize-space(($reading/@wit, $reading/@resp, $reading/@source)[1]), ' ')
        return replace($t, '^.*#', ''), ' ')"/>
  </xsl:function>

  <xsl:function name="tk:joins-word" as="xs:boolean">
    <xsl:param name="break" as="node()?"/>
    <xsl:sequence select="exists($break/self::*[@break = 'no'][self::tei:lb or self::tei:pb or self::tei:cb])"/>
  </xsl:function>

  <!-- Where the source is kept, as one line: archive, collection, call number. -->
  <xsl:function name="tk:archive-line" as="xs:string">
    <xsl:param name="fields" as="map(*)"/>
    <xsl:sequence select="string-join(($fields?archive, $fields?idno) ! normalize-space(.)[. != ''], ', ')"/>
  </xsl:function>

  <!-- What a gap shows between its brackets: its description, else an
       ellipsis for words left out, else the reason ("illegible"). -->
  <xsl:function name="tk:gap-text" as="xs:string">
    <xsl:param name="gap" as="element()"/>
    <xsl:sequence select="(normalize-space(string-join($gap/tei:desc, ' '))[. != ''],
        if ($gap/@reason = 'omitted' or empty($gap/@reason)) then '…' else normalize-space($gap/@reason))[1]"/>
  </xsl:function>

  <!-- The two readings of a <choice>: the source's (sic, abbr, orig) and the
       editor's (corr, expan, reg); a choice of other projects' TEI takes its
       first child as the source's. -->
  <xsl:function name="tk:source-reading" as="element()?">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="($choice/(tei:sic | tei:abbr | tei:orig), $choice/*)[1]"/>
  </xsl:function>

  <xsl:function name="tk:editor-reading" as="element()?">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="($choice/(tei:corr | tei:expan | tei:reg), $choice/* except tk:source-reading($choice))[1]"/>
  </xsl:function>

  <!-- A stamp standing on its own (in the opener or closer, between
       paragraphs, or alone in a block) is drawn as a stamp; one quoted inside
       a sentence or a description stays in the line. -->
  <xsl:function name="tk:stamp-stands-alone" as="xs:boolean">
    <xsl:param name="stamp" as="element()"/>
    <xsl:sequence select="exists($stamp/parent::tei:opener | $stamp/parent::tei:closer | $stamp/parent::tei:div
        | $stamp/parent::tei:body | $stamp/parent::tei:ab[count(node()[normalize-space()]) = 1])"/>
  </xsl:function>

  <!-- Titles of articles and unpublished pieces (title.level "a", "u") are
       set upright, the others (books, journals, series) in italics. -->
  <xsl:variable name="tk:upright-title-levels" as="xs:string+" select="('a', 'u')"/>

  <xsl:function name="tk:is-italic-title" as="xs:boolean">
    <xsl:param name="title" as="element()"/>
    <xsl:sequence select="not($title/@level = $tk:upright-title-levels)"/>
  </xsl:function>

  <xsl:function name="tk:tokens" as="xs:string*">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="
        for $t in tokenize(lower-case(normalize-space($value)), ' ')
        return replace($t, '[^a-z0-9_-]', '-')[. != '']"/>
  </xsl:function>

</xsl:stylesheet>
