<?xml version="1.0" encoding="UTF-8"?>
<!-- Reads at compile time (a static variable) what the port parameter names:
     the host must allow local includes only while compiling. The test writes
     a copy with the listener's port in place of PORT. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:variable name="fetched" static="yes" select="unparsed-text-available('http://127.0.0.1:PORT/static')"/>
  <xsl:template match="/"><out><xsl:value-of select="$fetched"/></out></xsl:template>
</xsl:stylesheet>
