<?xml version="1.0" encoding="UTF-8"?>
<!-- Tries to write a secondary result document wherever the input says:
     the XSLT host must never let it reach the disk. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <out>main result</out>
    <xsl:result-document href="{/*/@href}" method="text">WRITTEN BY A STYLESHEET</xsl:result-document>
  </xsl:template>
</xsl:stylesheet>
