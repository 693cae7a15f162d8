<?xml version="1.0" encoding="UTF-8"?>
<!--
  refentry.xsl: the registry as DocBook refentry pages (DocBook 4 elements, no
  namespace, for docbook-xsl-nons), for `make bench` only:
  the same statuses and sections as httperror's man pages (NAME, SYNOPSIS,
  DESCRIPTION, FACTS, COMMON CAUSES, the two FIXING IT sections, FINDING WHO
  SENT IT, EXAMPLES), so that Debian's docbook-xsl manpages stylesheet can be
  timed on the same work as `httperror build -f man`.

    xsltproc -xinclude refentry.xsl xml/registry.xml       one <reference>
    xsltproc -xinclude -stringparam slug S refentry.xsl ... one <refentry>
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:param name="slug" select="''"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$slug != ''">
        <xsl:apply-templates select="registry/status[@slug = $slug]"/>
      </xsl:when>
      <xsl:otherwise>
        <reference>
          <title>HTTP status codes</title>
          <xsl:apply-templates select="registry/status"/>
        </reference>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="status">
    <refentry id="s{@slug}">
      <refmeta>
        <refentrytitle><xsl:value-of select="@slug"/></refentrytitle>
        <manvolnum>7</manvolnum>
      </refmeta>
      <refnamediv>
        <refname><xsl:value-of select="@slug"/></refname>
        <refname><xsl:value-of select="@code"/></refname>
        <refpurpose>HTTP status <xsl:value-of select="concat(@code, ' ', facts/phrase)"/></refpurpose>
      </refnamediv>
      <refsynopsisdiv>
        <synopsis>HTTP/1.1 <xsl:value-of select="concat(@code, ' ', facts/phrase)"/></synopsis>
      </refsynopsisdiv>
      <refsect1>
        <title>Description</title>
        <para><xsl:apply-templates select="about/tldr/node()"/></para>
        <xsl:apply-templates select="about/meaning/*"/>
      </refsect1>
      <refsect1>
        <title>Facts</title>
        <variablelist>
          <xsl:for-each select="facts/*[not(*)][normalize-space()]">
            <varlistentry>
              <term><xsl:value-of select="local-name()"/></term>
              <listitem><para><xsl:value-of select="."/></para></listitem>
            </varlistentry>
          </xsl:for-each>
        </variablelist>
      </refsect1>
      <xsl:call-template name="sect"><xsl:with-param name="title" select="'Common causes'"/><xsl:with-param name="of" select="about/causes"/></xsl:call-template>
      <xsl:call-template name="sect"><xsl:with-param name="title" select="'Fixing it as a visitor'"/><xsl:with-param name="of" select="about/visitor"/></xsl:call-template>
      <xsl:call-template name="sect"><xsl:with-param name="title" select="'Fixing it as a developer or admin'"/><xsl:with-param name="of" select="about/developer"/></xsl:call-template>
      <xsl:call-template name="sect"><xsl:with-param name="title" select="'Finding who sent it'"/><xsl:with-param name="of" select="about/diagnose"/></xsl:call-template>
      <refsect1>
        <title>Examples</title>
        <programlisting><xsl:value-of select="examples/wire"/></programlisting>
        <xsl:for-each select="examples/*[not(self::wire)]">
          <refsect2>
            <title><xsl:value-of select="local-name()"/></title>
            <xsl:apply-templates select="p | ul | pre"/>
          </refsect2>
        </xsl:for-each>
      </refsect1>
    </refentry>
  </xsl:template>

  <xsl:template name="sect">
    <xsl:param name="title"/>
    <xsl:param name="of"/>
    <refsect1>
      <title><xsl:value-of select="$title"/></title>
      <xsl:apply-templates select="$of/*"/>
    </refsect1>
  </xsl:template>

  <xsl:template match="p"><para><xsl:apply-templates/></para></xsl:template>
  <xsl:template match="ul">
    <itemizedlist>
      <xsl:for-each select="li"><listitem><para><xsl:apply-templates/></para></listitem></xsl:for-each>
    </itemizedlist>
  </xsl:template>
  <xsl:template match="pre"><programlisting><xsl:value-of select="."/></programlisting></xsl:template>
  <xsl:template match="code | hdr"><literal><xsl:apply-templates/></literal></xsl:template>
  <xsl:template match="em"><emphasis><xsl:apply-templates/></emphasis></xsl:template>
  <xsl:template match="sref"><xsl:value-of select="@to"/></xsl:template>
</xsl:stylesheet>
