<?xml version="1.0" encoding="UTF-8"?>
<!-- Chatters on stderr, then fails: the host must report one line. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <xsl:message>first line of chatter&#10;second line of chatter</xsl:message>
    <xsl:sequence select="error(xs:QName('err:TEST0001'), 'deliberate failure&#10;on two lines')"
                  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:err="http://www.w3.org/2005/xqt-errors"/>
  </xsl:template>
</xsl:stylesheet>
