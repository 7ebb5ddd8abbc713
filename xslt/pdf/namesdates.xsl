<?xml version="1.0" encoding="UTF-8"?>
<!-- Names and dates (TEI modules namesdates, core's names): set as ordinary
     text; their links to the register belong to the HTML edition. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:xslt"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:persName | tei:orgName | tei:placeName | tei:name | tei:roleName | tei:date
                       | tei:time | tei:num | tei:measure | tei:geogName" mode="pdf">
    <xsl:apply-templates mode="pdf"/>
  </xsl:template>

</xsl:stylesheet>
