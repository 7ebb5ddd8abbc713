<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI notes → HTML. A numbered note (a translator's note, a footnote of
  another edition) becomes a marker button in the text that opens a popover
  holding the note, and an entry in the list of notes at the end. The
  marker carries the ids the note's @target points at, so that the script
  can highlight the passage. Descriptions that stood inline in the text (a
  stamp, handwriting) stay inline, in brackets as the translation has them.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:note[tk:is-numbered-note(.)]" mode="html">
    <xsl:param name="tk:numbers" as="map(*)" tunnel="yes" select="map{}"/>
    <xsl:param name="tk:copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="i" select="$tk:numbers(generate-id())" as="xs:integer?"/>
    <xsl:choose>
      <xsl:when test="empty($i)">
        <!-- Not in the text (a header's note): plain content. -->
        <xsl:call-template name="tk:wrap">
          <xsl:with-param name="tag" select="'span'"/>
          <xsl:with-param name="class" select="'note', tk:tokens(@type) ! ('note-' || .)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$tk:copy or ancestor::tei:note[tk:is-numbered-note(.)]">
        <!-- A note inside a numbered note (shown in the list of notes): a
             link to its own entry. -->
        <sup class="note-link"><a href="#tk-note-{$i}"><xsl:value-of select="tk:note-label(., $i)"/></a></sup>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tk:note-marker">
          <xsl:with-param name="i" select="$i"/>
          <xsl:with-param name="kind" select="if (@type = 'translator') then 'Translator’s note' else 'Note'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The marker of the $i-th numbered note (or apparatus entry). One
       popover serves every marker (only one note is open at a time): the
       script moves it next to the marker and fills it from the note's entry
       in the list of notes. -->
  <xsl:template name="tk:note-marker">
    <xsl:param name="i" as="xs:integer"/>
    <xsl:param name="kind" as="xs:string"/>
    <button type="button" class="note-ref" id="tk-ref-{$i}" aria-expanded="false"
        aria-haspopup="dialog" aria-controls="tk-popover" data-note="{$i}">
      <xsl:if test="@target">
        <xsl:attribute name="data-targets" select="string-join(tk:target-ids(@target), ' ')"/>
      </xsl:if>
      <span class="visually-hidden"><xsl:value-of select="$kind"/><xsl:text> </xsl:text></span>
      <xsl:value-of select="tk:note-label(., $i)"/>
    </button>
  </xsl:template>

  <!-- A description in the running text (stamp, handwriting): kept in place
       and in brackets, set off from the document's own words. -->
  <xsl:template match="tei:note" mode="html" priority="-1">
    <xsl:param name="tk:in-phrase" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($tk:in-phrase or ../text()[normalize-space()]) then 'span' else 'p'}">
      <xsl:attribute name="class" select="'note', 'note-inline', tk:tokens(@type) ! ('note-' || .)" separator=" "/>
      <xsl:apply-templates select="@xml:id | @xml:lang" mode="html-attr"/>
      <xsl:text>[</xsl:text>
      <xsl:apply-templates mode="html">
        <xsl:with-param name="tk:in-phrase" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:text>]</xsl:text>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:note/tei:label" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'span'"/>
      <xsl:with-param name="class" select="'note-label'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="tk:popover">
    <span class="popover" id="tk-popover" role="dialog" aria-labelledby="tk-popover-title" hidden="hidden">
      <span class="popover-head">
        <span class="popover-title" id="tk-popover-title"></span>
        <button type="button" class="popover-close" aria-label="Close the note">×</button>
      </span>
      <span class="popover-body"></span>
      <a class="popover-more" href="#tk-notes-title">In the list of notes</a>
    </span>
  </xsl:template>

  <xsl:template name="tk:endnotes">
    <xsl:param name="notes" as="element()*"/>
    <xsl:param name="numbers" as="map(*)"/>
    <xsl:if test="exists($notes)">
      <section class="endnotes" aria-labelledby="tk-notes-title">
        <h2 id="tk-notes-title">Notes</h2>
        <ol>
          <xsl:for-each select="$notes">
            <xsl:variable name="i" select="position()"/>
            <li id="tk-note-{$i}" class="endnote">
              <xsl:if test="@type | self::tei:app"><xsl:attribute name="data-type" select="(@type, 'app')[1]"/></xsl:if>
              <a class="endnote-back" href="#tk-ref-{$i}" aria-label="Back to note {tk:note-label(., $i)} in the text">
                <xsl:value-of select="tk:note-label(., $i)"/>
              </a>
              <xsl:text> </xsl:text>
              <div class="endnote-body">
                <xsl:choose>
                  <xsl:when test="self::tei:app">
                    <xsl:call-template name="tk:apparatus-entry">
                      <xsl:with-param name="tk:numbers" select="$numbers" tunnel="yes"/>
                    </xsl:call-template>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:apply-templates mode="html">
                      <xsl:with-param name="tk:numbers" select="$numbers" tunnel="yes"/>
                    </xsl:apply-templates>
                  </xsl:otherwise>
                </xsl:choose>
              </div>
              <xsl:if test="exists(tk:target-ids(@target))">
                <button type="button" class="show-passage" data-note="{$i}"
                    data-targets="{string-join(tk:target-ids(@target), ' ')}">Show the passage</button>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
