<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: what every backend's stylesheet says the same way: lookup keys and
  the wording of the registry's enumerations ("heuristic" becomes a sentence a
  reader understands).  Imported by man.xsl, info.xsl, docset.xsl and html.xsl.
  Produces plain strings only; each backend escapes them its own way.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:hx="urn:x-httperror:ext" exclude-result-prefixes="hx">

  <xsl:key name="slug" match="status | number" use="@slug"/>
  <xsl:key name="code" match="status" use="@code"/>
  <xsl:key name="class" match="class" use="@id"/>

  <xsl:variable name="lower" select="'abcdefghijklmnopqrstuvwxyz'"/>
  <xsl:variable name="upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <xsl:variable name="iana-url"
      select="'https://www.iana.org/assignments/http-status-codes/http-status-codes.xhtml'"/>

  <!-- "4xx client error", "nginx, unofficial 4xx client error" for vendor
       codes, "WebDAV draft, never registered, 4xx client error" for a draft's. -->
  <xsl:template name="kind-label">
    <xsl:param name="s" select="ancestor-or-self::status"/>
    <xsl:variable name="cls"
        select="translate(key('class', $s/@class)/@name, $upper, $lower)"/>
    <xsl:choose>
      <xsl:when test="$s/facts/origin/@kind = 'vendor'">
        <xsl:value-of select="concat($s/facts/origin, ', unofficial ', $s/@class, ' ', $cls)"/>
      </xsl:when>
      <xsl:when test="$s/facts/origin/@kind = 'draft'">
        <xsl:value-of select="concat($s/facts/origin, ', never registered, ', $s/@class, ' ', $cls)"/>
      </xsl:when>
      <xsl:when test="$s/facts/origin/@kind = 'folklore'">
        <xsl:value-of select="concat('folklore, unofficial ', $s/@class, ' ', $cls)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat($s/@class, ' ', $cls)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "Cloudflare's", but "Cloudflare Workers'". -->
  <xsl:template name="possessive">
    <xsl:param name="of"/>
    <xsl:choose>
      <xsl:when test="substring($of, string-length($of)) = 's'">
        <xsl:value-of select="concat($of, &quot;'&quot;)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat($of, &quot;'s&quot;)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "404 Not Found", "1020 Access Denied": how every output names a status
       or a number (a status has a code, a number a number, never both). -->
  <xsl:template name="title">
    <xsl:param name="s" select="."/>
    <xsl:value-of select="concat($s/@code, $s/@number, ' ', $s/facts/phrase)"/>
  </xsl:template>

  <!-- What a number is, in one sentence (xml/registry.xsd, number-kind):
       "Not an HTTP status: Cloudflare's error number, on an error page sent
       as 403 Forbidden."  $short leaves out "Not an HTTP status: " and
       capitalises what follows, for a line that already says so.  Plain
       text: each output escapes it its own way. -->
  <xsl:template name="number-kind">
    <xsl:param name="n" select="ancestor-or-self::number"/>
    <xsl:param name="short" select="false()"/>
    <xsl:variable name="as" select="$n/facts/sent-as"/>
    <xsl:variable name="to" select="key('code', $as)[not(@primary = 'false')][1]"/>
    <xsl:variable name="status">
      <xsl:value-of select="$as"/>
      <xsl:if test="$to">
        <xsl:value-of select="concat(' ', $to/facts/phrase)"/>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="whose">
      <xsl:call-template name="possessive">
        <xsl:with-param name="of" select="$n/facts/origin"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="what">
      <xsl:choose>
        <xsl:when test="$n/@kind = 'no-response'">
          <xsl:value-of select="concat('shown by ', $n/facts/origin, ' when no response arrived at all')"/>
        </xsl:when>
        <xsl:when test="$n/@kind = 'out-of-range'">
          <xsl:value-of select="concat('a code outside 100 to 599 on the status line, sent by ', $n/facts/origin)"/>
        </xsl:when>
        <xsl:when test="$n/@kind = 'substatus'">
          <xsl:value-of select="concat($whose, ' detail of a ', $status, ', on its error page and in its log; the client receives ', $as)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="concat($whose, ' error number, on an error page sent as ', $status)"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$short">
        <xsl:value-of select="concat(translate(substring($what, 1, 1), $lower, $upper), substring($what, 2), '.')"/>
      </xsl:when>
      <xsl:when test="$n/@kind = 'out-of-range'">
        <xsl:value-of select="concat('Not a valid HTTP status: ', $what, '.')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('Not an HTTP status: ', $what, '.')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The first line of a number's facts: "Not an HTTP status; documented
       in Cloudflare's documentation, section Error 1020."  Plain text. -->
  <xsl:template name="number-head">
    <xsl:param name="n" select="ancestor-or-self::number"/>
    <xsl:choose>
      <xsl:when test="$n/@kind = 'out-of-range'">Not a valid HTTP status</xsl:when>
      <xsl:otherwise>Not an HTTP status</xsl:otherwise>
    </xsl:choose>
    <xsl:text>; described in </xsl:text>
    <xsl:apply-templates select="$n/facts/spec" mode="describe"/>
    <xsl:text>.</xsl:text>
  </xsl:template>

  <!-- What the client receives with a number: "403 Forbidden", or why
       nothing.  Plain text. -->
  <xsl:template name="number-sent-as">
    <xsl:param name="n" select="ancestor-or-self::number"/>
    <xsl:variable name="to" select="key('code', $n/facts/sent-as)[not(@primary = 'false')][1]"/>
    <xsl:choose>
      <xsl:when test="$n/@kind = 'no-response'">no HTTP status: no response arrived</xsl:when>
      <xsl:when test="$n/@kind = 'out-of-range'">
        <xsl:value-of select="concat('a status line with ', $n/@number, ', outside the 100 to 599 that RFC 9110 allows; each client handles it its own way')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$n/facts/sent-as"/>
        <xsl:if test="$to">
          <xsl:value-of select="concat(' ', $to/facts/phrase)"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="framework-title">
    <xsl:param name="name" select="local-name()"/>
    <xsl:choose>
      <xsl:when test="$name = 'flask'">Flask (Python)</xsl:when>
      <xsl:when test="$name = 'express'">Express (Node.js)</xsl:when>
      <xsl:when test="$name = 'php'">PHP</xsl:when>
      <xsl:when test="$name = 'go'">Go net/http</xsl:when>
      <xsl:when test="$name = 'spring'">Spring Boot (Java)</xsl:when>
      <xsl:when test="$name = 'sinatra'">Sinatra (Ruby)</xsl:when>
      <xsl:when test="$name = 'wire'">On the wire</xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">common.xsl: unknown framework '<xsl:value-of select="$name"/>'</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== Enumerations in words ===== -->

  <xsl:template match="state" mode="describe">
    <xsl:choose>
      <xsl:when test=". = 'permanent'">IANA, permanent registration</xsl:when>
      <xsl:when test=". = 'temporary'">IANA, temporary registration</xsl:when>
      <xsl:when test=". = 'unused'">IANA, reserved and unused: do not send it</xsl:when>
      <xsl:when test=". = 'obsoleted'">IANA, obsoleted</xsl:when>
      <xsl:when test=". = 'unofficial' and ../origin/@kind = 'folklore'">
        <xsl:value-of select="concat('not in the IANA registry; found only in ', ../origin)"/>
      </xsl:when>
      <xsl:when test=". = 'unofficial' and ../origin/@kind = 'draft'">
        <xsl:value-of select="concat('not in the IANA registry; proposed in ', ../origin, ' and never registered')"/>
      </xsl:when>
      <xsl:when test=". = 'unofficial'">
        <xsl:value-of select="concat('not in the IANA registry; used by ', ../origin)"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="spec" mode="describe">
    <xsl:value-of select="@doc"/>
    <xsl:if test="@section">
      <xsl:value-of select="concat(', section ', @section)"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="alias" mode="describe">
    <xsl:value-of select="."/>
    <xsl:if test="@source">
      <xsl:value-of select="concat(' (', @source, ')')"/>
    </xsl:if>
    <xsl:if test="following-sibling::alias">
      <xsl:text>; </xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- "Python HTTPStatus.BAD_GATEWAY, Go http.StatusBadGateway, ...": each
       name after its library, in the order the registry gives them (the
       schema's order, which tests/names.sh holds it to). -->
  <xsl:template match="names" mode="describe">
    <xsl:for-each select="name">
      <xsl:apply-templates select="." mode="lib"/>
      <xsl:text> </xsl:text>
      <xsl:apply-templates select="." mode="code"/>
      <xsl:if test="position() != last()">
        <xsl:text>, </xsl:text>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="name" mode="lib">
    <xsl:choose>
      <xsl:when test="@lib = 'python'">Python</xsl:when>
      <xsl:when test="@lib = 'go'">Go</xsl:when>
      <xsl:when test="@lib = 'node'">Node.js</xsl:when>
      <xsl:when test="@lib = 'rack'">Rack/Rails</xsl:when>
      <xsl:when test="@lib = 'spring'">Spring</xsl:when>
      <xsl:when test="@lib = 'aspnetcore'">ASP.NET Core</xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">common.xsl: unknown library '<xsl:value-of select="@lib"/>'</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The name as code says it.  Node.js has no constant, only the phrase its
       table holds for the code: http.STATUS_CODES[502] = "Bad Gateway". -->
  <xsl:template match="name" mode="code">
    <xsl:choose>
      <xsl:when test="@lib = 'node'">
        <xsl:value-of select="concat('http.STATUS_CODES[', ancestor::status/@code, '] = &quot;', ., '&quot;')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="."/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="fault" mode="describe">
    <xsl:choose>
      <xsl:when test=". = 'client'">the client side: its request, its credentials or its behaviour</xsl:when>
      <xsl:when test=". = 'server'">the server, or something behind it</xsl:when>
      <xsl:otherwise>nobody: this is not an error</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The first line of the facts block (xml/README.md, Page order):
       "5xx Server Error; IANA, permanent registration; defined by RFC 9110,
       section 15.6.3."  Plain text: each output escapes it its own way. -->
  <xsl:template name="facts-head">
    <xsl:param name="s" select="ancestor-or-self::status"/>
    <xsl:value-of select="concat($s/@class, ' ', key('class', $s/@class)/@name, '; ')"/>
    <xsl:apply-templates select="$s/facts/state" mode="describe"/>
    <xsl:text>; defined by </xsl:text>
    <xsl:apply-templates select="$s/facts/spec" mode="describe"/>
    <xsl:text>.</xsl:text>
  </xsl:template>

  <!-- The facts block's rows in the two HTML outputs (html.xsl and
       docset.xsl, whose default-mode templates render the inline text):
       short labelled rows after the facts-head line. -->
  <xsl:template name="facts-rows">
    <xsl:param name="f" select="facts"/>
    <dl class="facts">
      <xsl:if test="$f/alias">
        <dt>Known as</dt>
        <dd>
          <xsl:for-each select="$f/alias">
            <span class="alias"><xsl:value-of select="."/></span>
            <xsl:if test="@source">
              <xsl:value-of select="concat(' (', @source, ')')"/>
            </xsl:if>
            <xsl:if test="position() != last()">; </xsl:if>
          </xsl:for-each>
        </dd>
      </xsl:if>
      <dt>Fault</dt>
      <dd><xsl:apply-templates select="$f/fault" mode="describe"/></dd>
      <dt>Content</dt>
      <dd><xsl:apply-templates select="$f/body" mode="describe"/></dd>
      <dt>Caching</dt>
      <dd><xsl:apply-templates select="$f/cache" mode="describe"/></dd>
      <dt>Retry</dt>
      <dd>
        <strong><xsl:apply-templates select="$f/retry/@when" mode="describe"/>.</strong>
        <xsl:text> </xsl:text>
        <xsl:apply-templates select="$f/retry/node()"/>
      </dd>
      <xsl:if test="$f/browser">
        <dt>Browsers</dt>
        <dd><xsl:apply-templates select="$f/browser/node()"/></dd>
      </xsl:if>
      <xsl:if test="$f/names">
        <dt>In code</dt>
        <dd>
          <xsl:for-each select="$f/names/name">
            <xsl:apply-templates select="." mode="lib"/>
            <xsl:text> </xsl:text>
            <code><xsl:apply-templates select="." mode="code"/></code>
            <xsl:if test="position() != last()">, </xsl:if>
          </xsl:for-each>
        </dd>
      </xsl:if>
    </dl>
  </xsl:template>

  <!-- A number's facts rows in the two HTML outputs, after number-head. -->
  <xsl:template name="number-rows">
    <xsl:param name="f" select="facts"/>
    <dl class="facts">
      <xsl:if test="$f/alias">
        <dt>Known as</dt>
        <dd>
          <xsl:for-each select="$f/alias">
            <span class="alias"><xsl:value-of select="."/></span>
            <xsl:if test="position() != last()">; </xsl:if>
          </xsl:for-each>
        </dd>
      </xsl:if>
      <xsl:if test="$f/also">
        <dt>Also</dt>
        <dd>
          <xsl:for-each select="$f/also">
            <xsl:value-of select="."/>
            <xsl:if test="position() != last()">, </xsl:if>
          </xsl:for-each>
        </dd>
      </xsl:if>
      <dt>Shown by</dt>
      <dd><xsl:value-of select="$f/origin"/></dd>
      <dt>Sent as</dt>
      <dd><xsl:call-template name="number-sent-as"/></dd>
    </dl>
  </xsl:template>

  <!-- "never sent as 494: the client receives 400 Bad Request" (the phrase
       of the status answering for that code, when the registry has it). -->
  <xsl:template name="sent-as">
    <xsl:param name="s" select="ancestor-or-self::status"/>
    <xsl:variable name="as" select="$s/facts/sent-as"/>
    <xsl:variable name="to" select="key('code', $as)[not(@primary = 'false')][1]"/>
    <xsl:value-of select="concat('never sent as ', $s/@code, ': the client receives ', $as)"/>
    <xsl:if test="$to">
      <xsl:value-of select="concat(' ', $to/facts/phrase)"/>
    </xsl:if>
  </xsl:template>

  <!-- The line after the summary (xml/README.md, Page order): "Most likely
       sent by a reverse proxy or a CDN.", or "logged by" for a code that is
       never sent, "sent, as 400, by" for one that goes out as another status.
       Plain text: each output escapes it its own way. -->
  <!-- The words of an entry that its phrase, summary, keywords and aliases do
       not already hold, once each (hx:words, src/words.c): the body of the
       search index, the same for the HTML page's search (xsl/html.js) and
       `httperror search` (src/search.c), which rank alike. -->
  <xsl:template name="search-words">
    <xsl:param name="e" select="."/>
    <xsl:choose>
      <xsl:when test="$e/self::number">
        <xsl:variable name="kind">
          <xsl:call-template name="number-kind">
            <xsl:with-param name="n" select="$e"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:value-of select="hx:words(concat($kind, ' ', $e/about/developer, ' ',
            $e/about/visitor, ' ', $e/about/diagnose, ' ', $e/about/causes, ' ',
            $e/about/meaning, ' ', $e/seen))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="sent">
          <xsl:call-template name="sent-by">
            <xsl:with-param name="s" select="$e"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:value-of select="hx:words(concat($sent, ' ', $e/about/developer, ' ',
            $e/about/visitor, ' ', $e/about/diagnose, ' ', $e/about/causes, ' ',
            $e/about/meaning, ' ', $e/facts/headers, ' ', $e/facts/names))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="sent-by">
    <xsl:param name="s" select="ancestor-or-self::status"/>
    <xsl:choose>
      <xsl:when test="$s/facts/body = 'not-sent'">Most likely logged by </xsl:when>
      <xsl:when test="$s/facts/sent-as">
        <xsl:value-of select="concat('Most likely sent, as ', $s/facts/sent-as, ', by ')"/>
      </xsl:when>
      <xsl:otherwise>Most likely sent by </xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates select="$s/facts/producers" mode="describe"/>
    <xsl:text>.</xsl:text>
  </xsl:template>

  <!-- Most likely first (xml/README.md): "a reverse proxy, a CDN or an API
       gateway". -->
  <xsl:template match="producers" mode="describe">
    <xsl:for-each select="producer">
      <xsl:apply-templates select="." mode="describe"/>
      <xsl:choose>
        <xsl:when test="position() = last() - 1">
          <xsl:text> or </xsl:text>
        </xsl:when>
        <xsl:when test="position() != last()">
          <xsl:text>, </xsl:text>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="producer" mode="describe">
    <xsl:choose>
      <xsl:when test=". = 'origin-app'">the application</xsl:when>
      <xsl:when test=". = 'framework'">the web framework</xsl:when>
      <xsl:when test=". = 'web-server'">the web server</xsl:when>
      <xsl:when test=". = 'reverse-proxy'">a reverse proxy</xsl:when>
      <xsl:when test=". = 'load-balancer'">a load balancer</xsl:when>
      <xsl:when test=". = 'cdn'">a CDN</xsl:when>
      <xsl:when test=". = 'api-gateway'">an API gateway</xsl:when>
      <xsl:when test=". = 'forward-proxy'">a forward proxy</xsl:when>
      <xsl:when test=". = 'captive-portal'">a captive portal</xsl:when>
      <xsl:when test=". = 'cache'">a cache</xsl:when>
      <xsl:otherwise>nobody today</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="body" mode="describe">
    <xsl:if test="../sent-as">
      <xsl:call-template name="sent-as"/>
      <xsl:text> instead; content </xsl:text>
    </xsl:if>
    <xsl:choose>
      <xsl:when test=". = 'forbidden'">none: the response ends with its header section</xsl:when>
      <xsl:when test=". = 'empty'">none, but framed as usual: Content-Length: 0</xsl:when>
      <xsl:when test=". = 'allowed'">allowed</xsl:when>
      <xsl:otherwise>nothing is sent: the status appears only in a log</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="cache" mode="describe">
    <xsl:choose>
      <xsl:when test=". = 'heuristic'">cacheable by default (heuristically), unless headers say otherwise</xsl:when>
      <xsl:when test=". = 'explicit'">stored only when headers such as Cache-Control allow it explicitly</xsl:when>
      <xsl:when test=". = 'never'">caches must not store it</xsl:when>
      <xsl:otherwise>does not apply</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="@when" mode="describe">
    <xsl:choose>
      <xsl:when test=". = 'interim'">Not applicable: an interim response, a final one follows</xsl:when>
      <xsl:when test=". = 'not-needed'">Not needed: the request succeeded</xsl:when>
      <xsl:when test=". = 'never'">Do not repeat the same request</xsl:when>
      <xsl:when test=". = 'after-change'">Only after changing the request</xsl:when>
      <xsl:when test=". = 'follow'">Where Location says</xsl:when>
      <xsl:when test=". = 'after-delay'">After a delay</xsl:when>
      <xsl:when test=". = 'idempotent-only'">Only idempotent requests, with backoff</xsl:when>
      <xsl:when test=". = 'yes'">Yes</xsl:when>
      <xsl:otherwise>Not applicable</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="@rule" mode="describe">
    <xsl:choose>
      <xsl:when test=". = 'must'">(must be sent)</xsl:when>
      <xsl:when test=". = 'should'">(should be sent)</xsl:when>
      <xsl:when test=". = 'may'">(may be sent)</xsl:when>
      <xsl:when test=". = 'request'">(request header)</xsl:when>
      <xsl:otherwise>(related)</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
