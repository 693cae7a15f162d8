<?xml version="1.0" encoding="UTF-8"?>
<!--
  data.xsl: what the reader's command (httperror CODE, list) needs of each
  entry, as plain text, for src/out_data.c to put in data/httperror.db.

  One line per field, "KEY<TAB>VALUE", each value on one line
  (normalize-space: no tab or newline is left in it), each entry opened by a
  line "entry<TAB>status" or "entry<TAB>number".  Inline markup becomes its
  text: a code stays as written, a link to another entry becomes its code and
  phrase.  No registry text is ever a key, so a hostile registry can only
  change values, which C stores as SQLite text, never as SQL.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:hx="urn:x-httperror:ext"
    extension-element-prefixes="hx"
    exclude-result-prefixes="hx">

  <xsl:import href="common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="date" select="'1970-01-01'"/>
  <xsl:param name="version" select="'0'"/>

  <!-- A page per entry, handed to C as it is made: one text node growing
       through the whole registry would be copied at every append. -->
  <xsl:template match="/">
    <hx:page name="classes">
      <xsl:apply-templates select="registry/class"/>
    </hx:page>
    <xsl:for-each select="registry/status | registry/number">
      <hx:page name="entry">
        <xsl:apply-templates select="."/>
      </hx:page>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="line">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <xsl:value-of select="concat($key, '&#9;', normalize-space($value), '&#10;')"/>
  </xsl:template>

  <!-- Inline markup as plain text. -->
  <xsl:template match="sref" mode="plain">
    <xsl:call-template name="title">
      <xsl:with-param name="s" select="key('slug', @to)"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="*" mode="plain">
    <xsl:apply-templates mode="plain"/>
  </xsl:template>

  <xsl:template name="plain-line">
    <xsl:param name="key"/>
    <xsl:param name="nodes"/>
    <xsl:variable name="t">
      <xsl:apply-templates select="$nodes" mode="plain"/>
    </xsl:variable>
    <xsl:call-template name="line">
      <xsl:with-param name="key" select="$key"/>
      <xsl:with-param name="value" select="$t"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="class">
    <xsl:call-template name="line">
      <xsl:with-param name="key" select="'class'"/>
      <xsl:with-param name="value" select="concat(@id, ' ', @name)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- What every entry has, in the order the card shows it. -->
  <xsl:template name="common">
    <xsl:param name="code"/>
    <xsl:param name="tag"/>
    <xsl:param name="sent"/>
    <xsl:variable name="f" select="facts"/>
    <xsl:call-template name="line">
      <xsl:with-param name="key" select="'code'"/>
      <xsl:with-param name="value" select="$code"/>
    </xsl:call-template>
    <xsl:call-template name="line">
      <xsl:with-param name="key" select="'slug'"/>
      <xsl:with-param name="value" select="@slug"/>
    </xsl:call-template>
    <xsl:call-template name="line">
      <xsl:with-param name="key" select="'phrase'"/>
      <xsl:with-param name="value" select="$f/phrase"/>
    </xsl:call-template>
    <xsl:if test="string($tag) != ''">
      <xsl:call-template name="line">
        <xsl:with-param name="key" select="'tag'"/>
        <xsl:with-param name="value" select="$tag"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="line">
      <xsl:with-param name="key" select="'origin'"/>
      <xsl:with-param name="value" select="$f/origin"/>
    </xsl:call-template>
    <xsl:if test="$f/spec">
      <xsl:call-template name="line">
        <xsl:with-param name="key" select="'spec'"/>
        <xsl:with-param name="value">
          <xsl:value-of select="$f/spec[1]/@doc"/>
          <xsl:if test="$f/spec[1]/@section">
            <xsl:value-of select="concat(' section ', $f/spec[1]/@section)"/>
          </xsl:if>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$f/fault">
      <xsl:call-template name="line">
        <xsl:with-param name="key" select="'fault'"/>
        <xsl:with-param name="value" select="$f/fault"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="plain-line">
      <xsl:with-param name="key" select="'tldr'"/>
      <xsl:with-param name="nodes" select="about/tldr/node()"/>
    </xsl:call-template>
    <xsl:call-template name="line">
      <xsl:with-param name="key" select="'sent'"/>
      <xsl:with-param name="value" select="$sent"/>
    </xsl:call-template>
    <xsl:for-each select="about/developer/ul/li">
      <xsl:call-template name="plain-line">
        <xsl:with-param name="key" select="'developer'"/>
        <xsl:with-param name="nodes" select="node()"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="about/visitor/ul/li">
      <xsl:call-template name="plain-line">
        <xsl:with-param name="key" select="'visitor'"/>
        <xsl:with-param name="nodes" select="node()"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$f/related">
      <xsl:variable name="to" select="key('slug', @to)"/>
      <xsl:call-template name="line">
        <xsl:with-param name="key" select="'related'"/>
        <xsl:with-param name="value">
          <xsl:call-template name="title">
            <xsl:with-param name="s" select="$to"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <!-- The search index (src/search.c), as xsl/html.xsl gives it to the
         page: keywords, then older phrases; and the other words. -->
    <xsl:for-each select="about/keywords/keyword">
      <xsl:call-template name="line">
        <xsl:with-param name="key" select="'name'"/>
        <xsl:with-param name="value" select="."/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="$f/alias">
      <xsl:call-template name="line">
        <xsl:with-param name="key" select="'name'"/>
        <xsl:with-param name="value" select="."/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="line">
      <xsl:with-param name="key" select="'words'"/>
      <xsl:with-param name="value">
        <xsl:call-template name="search-words"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="status">
    <xsl:variable name="f" select="facts"/>
    <xsl:variable name="primary" select="not(@primary = 'false')"/>
    <xsl:text>entry&#9;status&#10;</xsl:text>
    <xsl:call-template name="common">
      <xsl:with-param name="code" select="@code"/>
      <xsl:with-param name="tag">
        <xsl:choose>
          <xsl:when test="$f/origin/@kind = 'vendor'">
            <xsl:value-of select="concat($f/origin, ', unofficial')"/>
          </xsl:when>
          <xsl:when test="$f/origin/@kind = 'draft'">
            <xsl:value-of select="concat($f/origin, ', never registered')"/>
          </xsl:when>
          <xsl:when test="$f/origin/@kind = 'folklore'">folklore, unofficial</xsl:when>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="sent">
        <xsl:call-template name="sent-by"/>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="line">
      <xsl:with-param name="key" select="'class'"/>
      <xsl:with-param name="value" select="@class"/>
    </xsl:call-template>
    <xsl:call-template name="line">
      <xsl:with-param name="key" select="'prim'"/>
      <xsl:with-param name="value" select="number($primary)"/>
    </xsl:call-template>
    <!-- man 499 and info httperror 499 land on the primary meaning; the
         other is reached by its own page and node names. -->
    <xsl:call-template name="line">
      <xsl:with-param name="key" select="'man'"/>
      <xsl:with-param name="value">
        <xsl:choose>
          <xsl:when test="$primary"><xsl:value-of select="@code"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="@slug"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="line">
      <xsl:with-param name="key" select="'info'"/>
      <xsl:with-param name="value">
        <xsl:choose>
          <xsl:when test="$primary"><xsl:value-of select="@code"/></xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="concat(&quot;'&quot;, hx:info-node(concat(@code, ' ', $f/phrase)), &quot;'&quot;)"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="number">
    <xsl:variable name="f" select="facts"/>
    <xsl:text>entry&#9;number&#10;</xsl:text>
    <xsl:call-template name="common">
      <xsl:with-param name="code" select="@number"/>
      <xsl:with-param name="tag" select="concat($f/origin, ', not an HTTP status')"/>
      <xsl:with-param name="sent">
        <xsl:call-template name="number-kind"/>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:for-each select="$f/also">
      <xsl:call-template name="line">
        <xsl:with-param name="key" select="'also'"/>
        <xsl:with-param name="value" select="."/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="line">
      <xsl:with-param name="key" select="'man'"/>
      <xsl:with-param name="value" select="@number"/>
    </xsl:call-template>
    <xsl:call-template name="line">
      <xsl:with-param name="key" select="'info'"/>
      <xsl:with-param name="value" select="@number"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
