<?xml version="1.0" encoding="UTF-8"?>
<!--
  The facsimile beside the text: the page images a document names (the
  <graphic> of each <surface> of its <facsimile>, and a @facs that points
  straight at an image), a list of links to them that reads without
  script, and each page break with @facs as a link to its page. The viewer
  itself (zoom, pan, page turn, following the reading position) is built
  by facsimile.js from the data attributes written here.

  What is loaded: an image with a relative address (beside the TEI), or
  one on a host the caller names in $image-hosts (the IIIF service a
  sidecar names). Any other address is only linked, so that opening the
  page fetches nothing from a host nobody named.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <!-- Prefixed to a relative image address: where the TEI file is, seen from the page. -->
  <xsl:param name="facsimile-base" as="xs:string" select="''"/>
  <!-- Origins (https://host) whose images may be loaded, space-separated. -->
  <xsl:param name="image-hosts" as="xs:string" select="''"/>
  <!-- The document's IIIF Presentation manifest, when one is published. -->
  <xsl:param name="iiif-href" as="xs:string" select="''"/>

  <xsl:key name="tk:facs-id" match="tei:surface | tei:zone" use="string(@xml:id)"/>

  <!-- The pages, in order: the facsimile's surfaces, then images that page
       breaks name directly. Each: id, label, url, width, height, node. -->
  <xsl:variable name="tk:facs-pages" as="map(*)*">
    <xsl:variable name="root" select="/*"/>
    <xsl:for-each select="$root/tei:facsimile//tei:surface">
      <xsl:variable name="graphic" select="(tei:graphic[normalize-space(@url)], .//tei:graphic[normalize-space(@url)])[1]"/>
      <xsl:sequence select="map {
          'id': string(@xml:id),
          'label': if (normalize-space(@n)) then normalize-space(@n) else string(position()),
          'url': string($graphic/@url),
          'pdf': $graphic/@mimeType = 'application/pdf' or matches(string($graphic/@url), '\.pdf(#.*)?$', 'i'),
          'width': tk:pixels(($graphic/@width, @lrx)[1]),
          'height': tk:pixels(($graphic/@height, @lry)[1]),
          'node': . }"/>
    </xsl:for-each>
    <xsl:variable name="surfaces" select="count($root/tei:facsimile//tei:surface)"/>
    <xsl:for-each select="distinct-values($root/tei:text//tei:pb/@facs[not(starts-with(normalize-space(.), '#'))]
        ! tokenize(normalize-space(.), ' ')[1])">
      <xsl:sequence select="map {
          'id': '', 'label': string($surfaces + position()), 'url': ., 'width': '', 'height': '', 'node': (),
          'pdf': matches(., '\.pdf(#.*)?$', 'i') }"/>
    </xsl:for-each>
  </xsl:variable>

  <xsl:function name="tk:pixels" as="xs:string">
    <xsl:param name="value" as="attribute()?"/>
    <xsl:sequence select="if (matches(string($value), '^\s*\d+(\.\d+)?(px)?\s*$')) then replace(string($value), '[^\d.]', '') else ''"/>
  </xsl:function>

  <!-- The address the page uses for an image, or () when it has none it may use. -->
  <xsl:function name="tk:facs-src" as="xs:string?">
    <xsl:param name="url" as="xs:string"/>
    <xsl:variable name="safe" select="tk:safe-url($url)"/>
    <xsl:sequence select="if (empty($safe)) then ()
        else if (tk:facs-relative($safe)) then $facsimile-base || $safe
        else $safe"/>
  </xsl:function>

  <xsl:function name="tk:facs-relative" as="xs:boolean">
    <xsl:param name="url" as="xs:string"/>
    <xsl:sequence select="not(matches($url, '^[A-Za-z][A-Za-z0-9+.-]*:')) and not(starts-with($url, '/')) and not(starts-with($url, '#'))"/>
  </xsl:function>

  <!-- Whether the viewer may load the image: beside the TEI, or on a host named by the caller. -->
  <xsl:function name="tk:facs-loadable" as="xs:boolean">
    <xsl:param name="url" as="xs:string"/>
    <xsl:variable name="origin" select="lower-case(replace($url, '^(https?://[^/?#]+).*$', '$1', 'i'))"/>
    <xsl:sequence select="tk:facs-relative($url)
        or (matches($url, '^https?://', 'i') and $origin = tokenize(lower-case($image-hosts)))"/>
  </xsl:function>

  <!-- The page a page break begins (its position among the pages), and the
       zone it points at, if any: map { 'page', 'zone' } or (). -->
  <xsl:function name="tk:facs-target" as="map(*)?">
    <xsl:param name="pb" as="element()"/>
    <xsl:variable name="facs" select="tokenize(normalize-space($pb/@facs), ' ')[1]"/>
    <xsl:variable name="pages" select="$tk:facs-pages"/>
    <xsl:choose>
      <xsl:when test="empty($facs)"/>
      <xsl:when test="starts-with($facs, '#')">
        <xsl:variable name="target" select="key('tk:facs-id', substring($facs, 2), root($pb))[1]"/>
        <xsl:variable name="surface" select="$target/ancestor-or-self::tei:surface[1]"/>
        <xsl:variable name="index" select="(for $i in 1 to count($pages) return $i[$pages[$i]?node is $surface])[1]"/>
        <xsl:if test="exists($index)">
          <xsl:sequence select="map { 'page': $index, 'zone': $target/self::tei:zone }"/>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="index" select="(for $i in 1 to count($pages) return $i[$pages[$i]?url = $facs and empty($pages[$i]?node)])[1]"/>
        <xsl:if test="exists($index)"><xsl:sequence select="map { 'page': $index, 'zone': () }"/></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A zone as a box in percent of its surface: "left top width height". -->
  <xsl:function name="tk:facs-zone" as="xs:string?">
    <xsl:param name="zone" as="element(tei:zone)?"/>
    <xsl:param name="page" as="map(*)"/>
    <xsl:variable name="surface" select="$zone/ancestor::tei:surface[1]"/>
    <xsl:variable name="x0" select="number(($surface/@ulx, 0)[1])"/>
    <xsl:variable name="y0" select="number(($surface/@uly, 0)[1])"/>
    <xsl:variable name="w" select="if ($surface/@lrx) then number($surface/@lrx) - $x0 else number($page?width)"/>
    <xsl:variable name="h" select="if ($surface/@lry) then number($surface/@lry) - $y0 else number($page?height)"/>
    <xsl:variable name="box" select="($zone/@ulx, $zone/@uly, $zone/@lrx, $zone/@lry) ! number(.)"/>
    <xsl:if test="count($box) = 4 and $w gt 0 and $h gt 0 and not(some $b in $box satisfies string($b) = 'NaN')">
      <xsl:sequence select="string-join((($box[1] - $x0) div $w, ($box[2] - $y0) div $h,
          ($box[3] - $box[1]) div $w, ($box[4] - $box[2]) div $h) ! format-number(. * 100, '0.##'), ' ')"/>
    </xsl:if>
  </xsl:function>

  <!-- A page break that begins a page of the facsimile links to its image. -->
  <xsl:template match="tei:pb[exists(tk:facs-target(.))]" mode="html" priority="2">
    <xsl:variable name="target" select="tk:facs-target(.)"/>
    <xsl:variable name="page" select="$tk:facs-pages[$target?page]"/>
    <xsl:variable name="label" select="if (normalize-space(@n)) then normalize-space(@n) else $page?label"/>
    <xsl:variable name="src" select="tk:facs-src($page?url)"/>
    <xsl:element name="{if ($src) then 'a' else 'span'}">
      <xsl:if test="$src"><xsl:attribute name="href" select="$src"/></xsl:if>
      <xsl:attribute name="class" select="'pb', 'pb-facs', 'pb-in-word'[current()/@break = 'no']"/>
      <xsl:attribute name="data-facs-index" select="$target?page - 1"/>
      <xsl:attribute name="data-n" select="$label"/>
      <xsl:variable name="zone" select="tk:facs-zone($target?zone, $page)"/>
      <xsl:if test="$zone"><xsl:attribute name="data-zone" select="$zone"/></xsl:if>
      <xsl:attribute name="aria-label" select="'page ' || $label || ': its image in the facsimile'"/>
      <xsl:if test="not(@break = 'no')">
        <xsl:text>[page </xsl:text><xsl:value-of select="$label"/><xsl:text>]</xsl:text>
      </xsl:if>
    </xsl:element>
  </xsl:template>

  <!-- The facsimile's own content is shown by the viewer, not as text. -->
  <xsl:template match="tei:facsimile" mode="html"/>

  <!-- The panel: a heading and a link to each page image (all a reader
       without script gets), which the script turns into the viewer. -->
  <xsl:template name="tk:facsimile">
    <xsl:variable name="pages" select="$tk:facs-pages"/>
    <xsl:if test="exists($pages)">
      <aside class="facsimile" id="tk-facsimile" aria-labelledby="tk-facsimile-title">
        <h2 class="facs-title" id="tk-facsimile-title">Facsimile of the original</h2>
        <ol class="facs-pages">
          <xsl:for-each select="$pages">
            <xsl:variable name="src" select="tk:facs-src(?url)"/>
            <li>
              <xsl:choose>
                <xsl:when test="$src">
                  <a href="{$src}" data-facs-index="{position() - 1}" data-label="{?label}"
                     data-alt="{'Page ' || ?label || ' of the original (facsimile image)'}">
                    <xsl:if test="?width != '' and ?height != ''">
                      <xsl:attribute name="data-width" select="?width"/>
                      <xsl:attribute name="data-height" select="?height"/>
                    </xsl:if>
                    <xsl:if test="?pdf"><xsl:attribute name="data-pdf" select="'yes'"/></xsl:if>
                    <xsl:if test="not(tk:facs-loadable($src))">
                      <xsl:attribute name="data-remote" select="if (matches($src, '^https?://[^/?#]+', 'i'))
                          then replace($src, '^[A-Za-z]+://([^/?#]*).*$', '$1') else 'another address'"/>
                    </xsl:if>
                    <xsl:text>Page </xsl:text><xsl:value-of select="?label"/>
                  </a>
                </xsl:when>
                <xsl:otherwise>
                  <span data-facs-index="{position() - 1}" data-label="{?label}">Page <xsl:value-of select="?label"/> (no usable image address)</span>
                </xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ol>
        <xsl:variable name="manifest" select="tk:safe-url($iiif-href)"/>
        <xsl:if test="$manifest">
          <p class="facs-iiif"><a href="{$manifest}" type="application/ld+json">IIIF manifest</a> (for Mirador or the Universal Viewer)</p>
        </xsl:if>
      </aside>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
