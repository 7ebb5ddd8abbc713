<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI critical apparatus (module textcrit) → HTML. An <app> in the text shows
  its lemma (tk:apparatus-lemma) followed by a note marker; the readings and
  their witnesses are the note, in the popover and in the list of notes, as
  a printed apparatus gives them: "lemma ] reading Wit; reading Wit". An
  apparatus kept apart (listApp) is a list of such entries.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:app" mode="html">
    <xsl:param name="tk:numbers" as="map(*)" tunnel="yes" select="map{}"/>
    <xsl:variable name="i" select="$tk:numbers(generate-id())" as="xs:integer?"/>
    <xsl:choose>
      <xsl:when test="exists($i)">
        <span class="app">
          <xsl:apply-templates select="@xml:id" mode="html-attr"/>
          <span class="lem">
            <xsl:apply-templates select="tk:apparatus-lemma(.)/node()" mode="html">
              <xsl:with-param name="tk:in-phrase" select="true()" tunnel="yes"/>
            </xsl:apply-templates>
          </span>
          <xsl:call-template name="tk:note-marker">
            <xsl:with-param name="i" select="$i"/>
            <xsl:with-param name="kind" select="'Variant readings'"/>
          </xsl:call-template>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <span class="app app-entry">
          <xsl:apply-templates select="@xml:id" mode="html-attr"/>
          <xsl:call-template name="tk:apparatus-entry"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "lemma ] reading Wit; reading Wit (note)": a reading without words is
       an omission. -->
  <xsl:template name="tk:apparatus-entry">
    <xsl:variable name="lemma" select="tk:apparatus-lemma(.)"/>
    <xsl:if test="@loc">
      <span class="app-loc"><xsl:value-of select="@loc"/></span>
      <xsl:text> </xsl:text>
    </xsl:if>
    <span class="app-lem">
      <xsl:apply-templates select="$lemma/node()" mode="html">
        <xsl:with-param name="tk:in-phrase" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </span>
    <xsl:if test="tk:sigla($lemma) != ''">
      <xsl:text> </xsl:text><span class="wit"><xsl:value-of select="tk:sigla($lemma)"/></span>
    </xsl:if>
    <span class="app-sep"> ] </span>
    <xsl:for-each select="tk:apparatus-readings(.)">
      <xsl:if test="position() gt 1"><xsl:text>; </xsl:text></xsl:if>
      <span class="rdg">
        <xsl:apply-templates select="node()" mode="html">
          <xsl:with-param name="tk:in-phrase" select="true()" tunnel="yes"/>
        </xsl:apply-templates>
        <xsl:if test="not(normalize-space())"><span class="om">om.</span></xsl:if>
      </span>
      <xsl:if test="tk:sigla(.) != ''">
        <xsl:text> </xsl:text><span class="wit"><xsl:value-of select="tk:sigla(.)"/></span>
      </xsl:if>
    </xsl:for-each>
    <xsl:for-each select="tei:note | tei:wit">
      <xsl:text> (</xsl:text>
      <span class="app-note">
        <xsl:apply-templates select="node()" mode="html">
          <xsl:with-param name="tk:in-phrase" select="true()" tunnel="yes"/>
        </xsl:apply-templates>
      </span>
      <xsl:text>)</xsl:text>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:listApp" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'ul'"/>
      <xsl:with-param name="class" select="'list', 'list-app'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:listApp/tei:app" mode="html" priority="1">
    <li class="app app-entry">
      <xsl:apply-templates select="@xml:id" mode="html-attr"/>
      <xsl:call-template name="tk:apparatus-entry"/>
    </li>
  </xsl:template>

  <!-- The list of witnesses: siglum, then the description. -->
  <xsl:template match="tei:listWit" mode="html">
    <xsl:call-template name="tk:wrap">
      <xsl:with-param name="tag" select="'ul'"/>
      <xsl:with-param name="class" select="'list', 'list-wit'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:listWit/tei:witness" mode="html">
    <li class="witness">
      <xsl:apply-templates select="@xml:id" mode="html-attr"/>
      <xsl:if test="@xml:id"><span class="wit"><xsl:value-of select="@xml:id"/></span><xsl:text> </xsl:text></xsl:if>
      <xsl:apply-templates mode="html">
        <xsl:with-param name="tk:in-phrase" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </li>
  </xsl:template>

</xsl:stylesheet>
