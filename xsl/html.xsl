<?xml version="1.0" encoding="UTF-8"?>
<!--
  html.xsl: the single-file offline reference, html/httperror.html.

  Applied once by src/out_html.c, which passes the page's CSS and JavaScript
  (xsl/html.css, xsl/html.js) and the Content-Security-Policy that hashes them.
  Rules that keep the page safe with hostile registry text:
    - registry text only ever becomes element text or an attribute value, which
      the html output method escapes; never disable-output-escaping;
    - nothing from the registry goes inside <style> or <script>;
    - ids and in-page hrefs are built only from codes and slugs, which the schema
      and src/registry.c have checked; the only external hrefs are the
      specification links (https, checked) and the IANA registry;
    - no style attributes and no inline event handlers (the CSP forbids both).
  Everything is readable with JavaScript off; the script only adds search,
  copy buttons and the "/" shortcut.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:hx="urn:x-httperror:ext"
    extension-element-prefixes="hx"
    exclude-result-prefixes="hx">

  <xsl:import href="common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <xsl:param name="css" select="''"/>
  <xsl:param name="js" select="''"/>
  <xsl:param name="csp" select="''"/>
  <xsl:param name="date" select="''"/>
  <xsl:param name="version" select="''"/>
  <xsl:param name="rank" select="''"/>

  <!-- White space, as normalize-space() sees it. -->
  <xsl:variable name="ws" select="'&#9;&#10;&#13; '"/>

  <xsl:template match="/">
    <xsl:apply-templates select="registry"/>
  </xsl:template>

  <!-- The in-page id of a status: its code when it answers for the code,
       otherwise its slug; a number's is the number (#1020, #500.19). -->
  <xsl:template name="id">
    <xsl:param name="s" select="."/>
    <xsl:choose>
      <xsl:when test="$s/@number">
        <xsl:value-of select="$s/@number"/>
      </xsl:when>
      <xsl:when test="$s/@primary = 'false'">
        <xsl:value-of select="$s/@slug"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$s/@code"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="status-link">
    <xsl:param name="s"/>
    <a>
      <xsl:attribute name="href">
        <xsl:text>#</xsl:text>
        <xsl:call-template name="id">
          <xsl:with-param name="s" select="$s"/>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:call-template name="title">
        <xsl:with-param name="s" select="$s"/>
      </xsl:call-template>
    </a>
  </xsl:template>

  <!-- The page comes out in pieces (hx:page, src/xform.c): first the frame,
       all of it but the classes, then each class's frame, its statuses one
       part each, and the end of each frame. -->
  <xsl:template match="registry">
    <hx:page name="frame">
      <html lang="en">
        <head>
          <meta http-equiv="Content-Security-Policy" content="{$csp}"/>
          <meta name="viewport" content="width=device-width, initial-scale=1"/>
          <meta name="color-scheme" content="light dark"/>
          <meta name="description" content="Every HTTP status code: what it means, what causes it, how to fix it and how to send it correctly. Works offline."/>
          <meta name="generator" content="httperror {$version}"/>
          <title>HTTP status codes: httperror</title>
          <style><xsl:value-of select="$css"/></style>
        </head>
        <body>
          <a class="skip" href="#main">Skip to the statuses</a>
          <!-- The title, search and index: a sticky sidebar on wide screens. -->
          <div class="side">
          <header class="top">
            <h1>HTTP status codes</h1>
            <p class="lede">What each status means, why it happens, how to fix it and how to send it correctly. Offline, in one file.</p>
            <!-- data-rank: the search weights of src/search.h, which
                 httperror search ranks with too (xsl/html.js). -->
            <div id="search" class="search" hidden="" data-rank="{$rank}">
              <label for="q">Search by code, class or words</label>
              <input id="q" type="search" autocomplete="off" spellcheck="false"
                  placeholder="404, 4xx, gateway…" aria-describedby="search-help"/>
              <p id="search-help" class="help">Press <kbd>/</kbd> to search, <kbd>Enter</kbd> to jump to the first match, <kbd>Esc</kbd> to clear.</p>
              <p id="count" class="count" role="status" aria-live="polite"></p>
              <!-- The ranked result list, written by xsl/html.js, drops
                   down over the page so that nothing under it moves. -->
              <div class="drop">
                <section id="results" class="results" hidden="" aria-label="Search results"></section>
              </div>
            </div>
            <noscript>
              <p class="noscript">Search needs JavaScript. Every status is on this page: use your browser's find (Ctrl+F or ⌘F), or the index below.</p>
            </noscript>
          </header>
          <nav id="index" class="index" aria-label="Index of statuses">
            <xsl:for-each select="class">
              <xsl:variable name="id" select="@id"/>
              <div class="index-class">
                <h2><a href="#{$id}"><xsl:value-of select="concat(@id, ' ', @name)"/></a></h2>
                <ul>
                  <xsl:for-each select="../status[@class = $id]">
                    <xsl:sort select="@code" data-type="number"/>
                    <xsl:sort select="@primary = 'false'"/>
                    <xsl:sort select="@slug"/>
                    <li>
                      <xsl:call-template name="status-link">
                        <xsl:with-param name="s" select="."/>
                      </xsl:call-template>
                      <xsl:if test="facts/origin/@kind = 'folklore' or facts/origin/@kind = 'draft'">
                        <xsl:text> </xsl:text>
                        <span class="tag"><xsl:value-of select="facts/origin/@kind"/></span>
                      </xsl:if>
                      <xsl:if test="facts/origin/@kind = 'vendor'">
                        <xsl:text> </xsl:text>
                        <span class="tag"><xsl:value-of select="facts/origin"/></span>
                      </xsl:if>
                    </li>
                  </xsl:for-each>
                </ul>
              </div>
            </xsl:for-each>
            <xsl:if test="number">
              <div class="index-class">
                <h2><a href="#numbers">Not HTTP statuses</a></h2>
                <ul>
                  <xsl:for-each select="number">
                    <xsl:sort select="substring-before(concat(@number, '.'), '.')" data-type="number"/>
                    <xsl:sort select="substring-after(@number, '.')" data-type="number"/>
                    <xsl:sort select="@number"/>
                    <li>
                      <xsl:call-template name="status-link">
                        <xsl:with-param name="s" select="."/>
                      </xsl:call-template>
                      <xsl:text> </xsl:text>
                      <span class="tag"><xsl:value-of select="facts/origin"/></span>
                    </li>
                  </xsl:for-each>
                </ul>
              </div>
            </xsl:if>
          </nav>
          </div>
          <main id="main">
            <!-- The classes and their statuses go here. -->
            <xsl:processing-instruction name="hx-parts"/>
          </main>
          <footer class="foot">
            <p>Generated by httperror <xsl:value-of select="$version"/> on <xsl:value-of select="$date"/> from the httperror registry. Registered codes follow the <a href="{$iana-url}">IANA HTTP Status Code Registry</a>.</p>
          </footer>
          <script><xsl:value-of select="$js"/></script>
        </body>
      </html>
    </hx:page>
    <!-- Each class, a frame around its statuses, each status a part: C
         writes them where the frame before says hx-parts as soon as they
         are made (src/out_html.c), so the page is never held whole. -->
    <xsl:for-each select="class">
      <xsl:variable name="id" select="@id"/>
      <hx:page name="frame" fragment="yes">
        <section class="class" id="{$id}" aria-labelledby="h-{$id}">
          <h2 id="h-{$id}"><xsl:value-of select="concat(@id, ' ', @name)"/></h2>
          <p class="class-summary"><xsl:apply-templates select="summary/node()"/></p>
          <xsl:processing-instruction name="hx-parts"/>
        </section>
      </hx:page>
      <xsl:apply-templates select="../status[@class = $id]" mode="part">
        <xsl:sort select="@code" data-type="number"/>
        <xsl:sort select="@primary = 'false'"/>
        <xsl:sort select="@slug"/>
      </xsl:apply-templates>
      <hx:page name="end"/>
    </xsl:for-each>
    <xsl:if test="number">
      <hx:page name="frame" fragment="yes">
        <section class="class" id="numbers" aria-labelledby="h-numbers">
          <h2 id="h-numbers">Not HTTP statuses</h2>
          <p class="class-summary">Numbers that are read as a status and are not one: what a client shows when no response arrived, a code outside 100 to 599, a server's detail of a status (IIS's 500.19), a vendor's error page number (Cloudflare's 1020).</p>
          <xsl:processing-instruction name="hx-parts"/>
        </section>
      </hx:page>
      <xsl:apply-templates select="number" mode="part">
        <xsl:sort select="substring-before(concat(@number, '.'), '.')" data-type="number"/>
        <xsl:sort select="substring-after(@number, '.')" data-type="number"/>
        <xsl:sort select="@number"/>
      </xsl:apply-templates>
      <hx:page name="end"/>
    </xsl:if>
    <hx:page name="end"/>
  </xsl:template>

  <!-- ===== One status ===== -->

  <xsl:template match="status | number" mode="part">
    <hx:page name="part" fragment="yes">
      <xsl:apply-templates select="."/>
    </hx:page>
  </xsl:template>

  <xsl:template match="status">
    <xsl:variable name="f" select="facts"/>
    <xsl:variable name="id">
      <xsl:call-template name="id"/>
    </xsl:variable>
    <xsl:variable name="others" select="key('code', @code)[@slug != current()/@slug]"/>
    <article class="status" id="{$id}" data-code="{@code}" data-class="{@class}"
        aria-labelledby="t-{@slug}">
      <xsl:if test="@primary != 'false' or not(@primary)">
        <xsl:attribute name="data-primary">yes</xsl:attribute>
      </xsl:if>
      <!-- The search index (xsl/html.js), made here so that the script
           never reads an article's text: what readers type (xml/README.md,
           Keywords) and the older phrases, each whole, and the distinct
           words of the rest of the entry's prose (hx:words, src/words.c).
           The phrase and the summary it reads from the heading and the
           summary line. -->
      <xsl:attribute name="data-keywords">
        <xsl:for-each select="about/keywords/keyword">
          <xsl:value-of select="."/>
          <xsl:if test="position() != last()">|</xsl:if>
        </xsl:for-each>
      </xsl:attribute>
      <xsl:if test="$f/alias">
        <xsl:attribute name="data-aliases">
          <xsl:for-each select="$f/alias">
            <xsl:value-of select="."/>
            <xsl:if test="position() != last()">|</xsl:if>
          </xsl:for-each>
        </xsl:attribute>
      </xsl:if>
      <xsl:attribute name="data-words">
        <xsl:call-template name="search-words"/>
      </xsl:attribute>
      <h3 id="t-{@slug}">
        <a class="self" href="#{$id}">
          <span class="code"><xsl:value-of select="@code"/></span>
          <xsl:text> </xsl:text>
          <span class="phrase"><xsl:value-of select="$f/phrase"/></span>
        </a>
        <xsl:if test="$f/origin/@kind = 'vendor'">
          <xsl:text> </xsl:text>
          <span class="tag vendor"><xsl:value-of select="concat($f/origin, ', unofficial')"/></span>
        </xsl:if>
        <xsl:if test="$f/origin/@kind = 'draft'">
          <xsl:text> </xsl:text>
          <span class="tag vendor"><xsl:value-of select="concat($f/origin, ', never registered')"/></span>
        </xsl:if>
        <xsl:if test="$f/origin/@kind = 'folklore'">
          <xsl:text> </xsl:text>
          <span class="tag vendor">folklore, unofficial</span>
        </xsl:if>
        <xsl:if test="$f/state = 'unused' or $f/state = 'obsoleted' or $f/state = 'temporary'">
          <xsl:text> </xsl:text>
          <span class="tag"><xsl:value-of select="$f/state"/></span>
        </xsl:if>
      </h3>
      <!-- Jump links to the sections below, in page order; each section
           heading is a deep link of its own (#502-fix). -->
      <ul class="jump">
        <xsl:call-template name="jump">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="key" select="'fix'"/>
          <xsl:with-param name="label" select="'Fix'"/>
        </xsl:call-template>
        <xsl:call-template name="jump">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="key" select="'visitor'"/>
          <xsl:with-param name="label" select="'Visitors'"/>
        </xsl:call-template>
        <xsl:call-template name="jump">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="key" select="'diagnose'"/>
          <xsl:with-param name="label" select="'Who sent it'"/>
        </xsl:call-template>
        <xsl:call-template name="jump">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="key" select="'causes'"/>
          <xsl:with-param name="label" select="'Causes'"/>
        </xsl:call-template>
        <xsl:call-template name="jump">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="key" select="'meaning'"/>
          <xsl:with-param name="label" select="'Meaning'"/>
        </xsl:call-template>
        <xsl:call-template name="jump">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="key" select="'facts'"/>
          <xsl:with-param name="label" select="'Facts'"/>
        </xsl:call-template>
        <xsl:if test="$f/headers">
          <xsl:call-template name="jump">
            <xsl:with-param name="id" select="$id"/>
            <xsl:with-param name="key" select="'headers'"/>
            <xsl:with-param name="label" select="'Headers'"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="jump">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="key" select="'examples'"/>
          <xsl:with-param name="label" select="'Examples'"/>
        </xsl:call-template>
      </ul>
      <p class="tldr"><xsl:apply-templates select="about/tldr/node()"/></p>
      <p class="sent"><xsl:call-template name="sent-by"/></p>
      <xsl:if test="$others">
        <p class="others">
          <xsl:text>The code </xsl:text>
          <xsl:value-of select="@code"/>
          <xsl:text> also means: </xsl:text>
          <xsl:for-each select="$others">
            <xsl:call-template name="status-link">
              <xsl:with-param name="s" select="."/>
            </xsl:call-template>
            <xsl:value-of select="concat(' (', facts/origin, ')')"/>
            <xsl:if test="position() != last()">, </xsl:if>
          </xsl:for-each>
          <xsl:text>.</xsl:text>
        </p>
      </xsl:if>

      <!-- The answer first (xml/README.md, "Page order"). -->
      <xsl:call-template name="answer">
        <xsl:with-param name="id" select="$id"/>
      </xsl:call-template>

      <!-- Facts as a compact block: class, registry and specification in
           one line, then short labelled rows.  Who sends it is already the
           line after the summary. -->
      <xsl:call-template name="heading">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="key" select="'facts'"/>
        <xsl:with-param name="title" select="'Facts'"/>
      </xsl:call-template>
      <p class="facts-head">
        <xsl:value-of select="concat(@class, ' ', key('class', @class)/@name, '; ')"/>
        <xsl:choose>
          <xsl:when test="$f/state != 'unofficial'">
            <a href="{$iana-url}"><xsl:apply-templates select="$f/state" mode="describe"/></a>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="$f/state" mode="describe"/>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:text>; defined by </xsl:text>
        <a href="{$f/spec/@href}"><xsl:apply-templates select="$f/spec" mode="describe"/></a>
        <xsl:text>.</xsl:text>
      </p>
      <xsl:call-template name="facts-rows"/>

      <xsl:if test="$f/headers">
        <xsl:call-template name="heading">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="key" select="'headers'"/>
          <xsl:with-param name="title" select="'Headers'"/>
        </xsl:call-template>
        <dl class="headers">
          <xsl:for-each select="$f/headers/header">
            <dt><code><xsl:value-of select="@name"/></code>
              <xsl:text> </xsl:text>
              <span class="rule"><xsl:apply-templates select="@rule" mode="describe"/></span>
            </dt>
            <dd><xsl:apply-templates select="node()"/></dd>
          </xsl:for-each>
        </dl>
      </xsl:if>


      <xsl:call-template name="heading">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="key" select="'examples'"/>
        <xsl:with-param name="title" select="'Examples'"/>
      </xsl:call-template>
      <div class="examples">
        <xsl:for-each select="examples/*">
          <details class="example">
            <xsl:if test="self::wire">
              <xsl:attribute name="open"></xsl:attribute>
            </xsl:if>
            <summary>
              <xsl:call-template name="framework-title"/>
            </summary>
            <xsl:choose>
              <xsl:when test="self::wire">
                <pre class="code"><code><xsl:value-of select="."/></code></pre>
              </xsl:when>
              <xsl:otherwise>
                <xsl:apply-templates select="*[not(self::expect or self::norun)]" mode="block"/>
              </xsl:otherwise>
            </xsl:choose>
          </details>
        </xsl:for-each>
      </div>

      <xsl:call-template name="related"/>
    </article>
  </xsl:template>

  <!-- ===== One number ===== -->

  <xsl:template match="number">
    <xsl:variable name="f" select="facts"/>
    <xsl:variable name="id" select="@number"/>
    <!-- data-code is the number: the script ranks a search for it first
         (xsl/html.js); no data-class, so 5xx does not list 500.19. -->
    <article class="status number" id="{$id}" data-code="{@number}"
        aria-labelledby="t-{@slug}">
      <xsl:attribute name="data-keywords">
        <xsl:for-each select="about/keywords/keyword">
          <xsl:value-of select="."/>
          <xsl:if test="position() != last()">|</xsl:if>
        </xsl:for-each>
      </xsl:attribute>
      <xsl:if test="$f/alias">
        <xsl:attribute name="data-aliases">
          <xsl:for-each select="$f/alias">
            <xsl:value-of select="."/>
            <xsl:if test="position() != last()">|</xsl:if>
          </xsl:for-each>
        </xsl:attribute>
      </xsl:if>
      <!-- The other numbers that lead here (0 for 000), which a search
           finds as it finds the number itself. -->
      <xsl:if test="$f/also">
        <xsl:attribute name="data-also">
          <xsl:for-each select="$f/also">
            <xsl:value-of select="."/>
            <xsl:if test="position() != last()">|</xsl:if>
          </xsl:for-each>
        </xsl:attribute>
      </xsl:if>
      <xsl:attribute name="data-words">
        <xsl:call-template name="search-words"/>
      </xsl:attribute>
      <h3 id="t-{@slug}">
        <a class="self" href="#{$id}">
          <span class="code"><xsl:value-of select="@number"/></span>
          <xsl:text> </xsl:text>
          <span class="phrase"><xsl:value-of select="$f/phrase"/></span>
        </a>
        <xsl:text> </xsl:text>
        <span class="tag vendor"><xsl:value-of select="concat($f/origin, ', not an HTTP status')"/></span>
      </h3>
      <ul class="jump">
        <xsl:for-each select="document('')/*/hx:number-jumps/jump">
          <xsl:call-template name="jump">
            <xsl:with-param name="id" select="$id"/>
            <xsl:with-param name="key" select="@key"/>
            <xsl:with-param name="label" select="@label"/>
          </xsl:call-template>
        </xsl:for-each>
      </ul>
      <p class="tldr"><xsl:apply-templates select="about/tldr/node()"/></p>
      <p class="sent"><xsl:call-template name="number-kind"/></p>
      <xsl:call-template name="answer">
        <xsl:with-param name="id" select="$id"/>
      </xsl:call-template>
      <xsl:call-template name="heading">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="key" select="'facts'"/>
        <xsl:with-param name="title" select="'Facts'"/>
      </xsl:call-template>
      <p class="facts-head">
        <xsl:choose>
          <xsl:when test="@kind = 'out-of-range'">Not a valid HTTP status</xsl:when>
          <xsl:otherwise>Not an HTTP status</xsl:otherwise>
        </xsl:choose>
        <xsl:text>; described in </xsl:text>
        <a href="{$f/spec/@href}"><xsl:apply-templates select="$f/spec" mode="describe"/></a>
        <xsl:text>.</xsl:text>
      </p>
      <xsl:call-template name="number-rows"/>
      <xsl:call-template name="heading">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="key" select="'seen'"/>
        <xsl:with-param name="title" select="'What you see'"/>
      </xsl:call-template>
      <pre class="code"><code><xsl:value-of select="seen"/></code></pre>
      <xsl:call-template name="related"/>
    </article>
  </xsl:template>

  <!-- A number's jump links, in page order. -->
  <hx:number-jumps>
    <jump key="fix" label="Fix"/>
    <jump key="visitor" label="Visitors"/>
    <jump key="diagnose" label="Who sent it"/>
    <jump key="causes" label="Causes"/>
    <jump key="meaning" label="Meaning"/>
    <jump key="facts" label="Facts"/>
    <jump key="seen" label="What you see"/>
  </hx:number-jumps>

  <!-- The sections of our own words, the same for a status and a number. -->
  <xsl:template name="answer">
    <xsl:param name="id"/>
    <xsl:call-template name="part">
      <xsl:with-param name="title" select="'Fixing it as a developer or admin'"/>
      <xsl:with-param name="of" select="about/developer"/>
      <xsl:with-param name="id" select="$id"/>
      <xsl:with-param name="key" select="'fix'"/>
    </xsl:call-template>
    <xsl:call-template name="part">
      <xsl:with-param name="title" select="'Fixing it as a visitor'"/>
      <xsl:with-param name="of" select="about/visitor"/>
      <xsl:with-param name="id" select="$id"/>
      <xsl:with-param name="key" select="'visitor'"/>
    </xsl:call-template>
    <xsl:call-template name="part">
      <xsl:with-param name="title" select="'Finding who sent it'"/>
      <xsl:with-param name="of" select="about/diagnose"/>
      <xsl:with-param name="id" select="$id"/>
      <xsl:with-param name="key" select="'diagnose'"/>
    </xsl:call-template>
    <xsl:call-template name="part">
      <xsl:with-param name="title" select="'Common causes'"/>
      <xsl:with-param name="of" select="about/causes"/>
      <xsl:with-param name="id" select="$id"/>
      <xsl:with-param name="key" select="'causes'"/>
    </xsl:call-template>
    <xsl:call-template name="part">
      <xsl:with-param name="title" select="'What it means'"/>
      <xsl:with-param name="of" select="about/meaning"/>
      <xsl:with-param name="id" select="$id"/>
      <xsl:with-param name="key" select="'meaning'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="related">
    <xsl:if test="facts/related">
      <p class="related">
        <xsl:text>Related: </xsl:text>
        <xsl:for-each select="facts/related">
          <xsl:call-template name="status-link">
            <xsl:with-param name="s" select="key('slug', @to)"/>
          </xsl:call-template>
          <xsl:if test="position() != last()">, </xsl:if>
        </xsl:for-each>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- A section: its heading, a deep link of its own, and its blocks. -->
  <xsl:template name="part">
    <xsl:param name="title"/>
    <xsl:param name="of"/>
    <xsl:param name="id"/>
    <xsl:param name="key"/>
    <xsl:call-template name="heading">
      <xsl:with-param name="id" select="$id"/>
      <xsl:with-param name="key" select="$key"/>
      <xsl:with-param name="title" select="$title"/>
    </xsl:call-template>
    <xsl:apply-templates select="$of/*" mode="block"/>
  </xsl:template>

  <!-- A section heading that is a deep link of its own (#502-fix). -->
  <xsl:template name="heading">
    <xsl:param name="id"/>
    <xsl:param name="key"/>
    <xsl:param name="title"/>
    <h4>
      <xsl:attribute name="id">
        <xsl:call-template name="section-id">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="key" select="$key"/>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:value-of select="$title"/>
    </h4>
  </xsl:template>

  <!-- The id of a section of the status whose id is $id: "502-fix".  A
       status id is a code or a slug, and a key ("fix", "causes") has no
       dash, so two sections never share an id; only a slug could be the
       same text (a second 502 whose phrase is "Fix"), and then the key goes
       first, "fix-502", which nothing else can be (every other id is a
       word other than a key, or starts with a digit). -->
  <xsl:template name="section-id">
    <xsl:param name="id"/>
    <xsl:param name="key"/>
    <xsl:choose>
      <xsl:when test="key('slug', concat($id, '-', $key))">
        <xsl:value-of select="concat($key, '-', $id)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat($id, '-', $key)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One jump link, to the section $key of the status $id. -->
  <xsl:template name="jump">
    <xsl:param name="id"/>
    <xsl:param name="key"/>
    <xsl:param name="label"/>
    <li>
      <a>
        <xsl:attribute name="href">
          <xsl:text>#</xsl:text>
          <xsl:call-template name="section-id">
            <xsl:with-param name="id" select="$id"/>
            <xsl:with-param name="key" select="$key"/>
          </xsl:call-template>
        </xsl:attribute>
        <xsl:value-of select="$label"/>
      </a>
    </li>
  </xsl:template>

  <!-- ===== Blocks and inline markup ===== -->

  <xsl:template match="p" mode="block">
    <p><xsl:apply-templates select="node()"/></p>
  </xsl:template>
  <xsl:template match="ul" mode="block">
    <ul>
      <xsl:for-each select="li">
        <li><xsl:apply-templates select="node()"/></li>
      </xsl:for-each>
    </ul>
  </xsl:template>
  <!-- Log lines (xml/README.md, Log lines): one block, a line each, that
       scrolls sideways rather than wraps. -->
  <xsl:template match="logs" mode="block">
    <p class="logs-from"><xsl:value-of select="concat('In the ', @from, ':')"/></p>
    <pre class="code log"><code>
      <xsl:for-each select="log">
        <xsl:value-of select="."/>
        <xsl:if test="position() != last()">
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
      </xsl:for-each>
    </code></pre>
  </xsl:template>

  <xsl:template match="pre" mode="block">
    <pre class="code"><code><xsl:value-of select="."/></code></pre>
  </xsl:template>

  <!-- Registry prose is wrapped and indented for editing.  In the page every
       run of white space (line breaks included) becomes one space, as the
       browser renders it anyway: no trailing blanks at line ends, and a
       smaller file.  Text in pre blocks is written with xsl:value-of and
       keeps its layout. -->
  <xsl:template match="text()">
    <xsl:variable name="words" select="normalize-space(.)"/>
    <xsl:if test="contains($ws, substring(., 1, 1))">
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:value-of select="$words"/>
    <xsl:if test="$words != '' and contains($ws, substring(., string-length(.), 1))">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="code">
    <code><xsl:value-of select="."/></code>
  </xsl:template>
  <xsl:template match="em">
    <em><xsl:value-of select="."/></em>
  </xsl:template>
  <xsl:template match="hdr">
    <code class="hdr"><xsl:value-of select="."/></code>
  </xsl:template>
  <xsl:template match="sref">
    <xsl:call-template name="status-link">
      <xsl:with-param name="s" select="key('slug', @to)"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
