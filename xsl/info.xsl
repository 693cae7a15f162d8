<?xml version="1.0" encoding="UTF-8"?>
<!--
  info.xsl: the structure of the GNU Info manual, httperror.info.

  Applied once by src/out_info.c.  The output is not Info yet but a line
  protocol that out_info.c turns into Info bytes: it wraps paragraphs at 72
  columns, writes node separators and headers, formats menus and the index, and
  computes the Tag Table offsets.  One record per line, fields separated by a
  tab; every piece of registry text has been through hx:info-text (white space
  squeezed, control bytes dropped) or hx:info-node (node-name safe), so no
  record can contain a tab or a newline of its own.

  Cross-references are this stylesheet's to make: it writes each one as DEL
  (&#127;, which no hx:info-* function lets through) followed by "note NODE::".
  out_info.c defuses every "*note" and every line-initial "* " on each line as
  finally written (after wrapping, when all the pieces of text are side by
  side) and only then turns DEL into '*'.

    @node  NAME UP                  start a node; Next and Prev follow from the
                                    order nodes come in (out_info.c)
    @title TEXT / @section TEXT / @subsection TEXT
    @p TEXT                         a wrapped paragraph
    @li TEXT                        a wrapped bullet item
    @fact TERM TEXT                 "TERM: TEXT" with a hanging indent
    @pre, then |LINE records        a literal block, indented
    @menu / @menu-comment TEXT / @menu-item NODE TEXT
    @menu-ref LABEL TARGET          "* LABEL: TARGET.", TARGET a node or anchor
    @menu-next LABEL                "* LABEL: NEXT.", NEXT the node's Next
                                    (out_info.c knows it when the next starts)
    @anchor NAME                    an anchor (a Ref: in the Tag Table) where
                                    the next heading or paragraph starts
    @index, then @index-entry ENTRY NODE [header]
                                    an index entry; "header" marks one made
                                    from a header the status carries, which
                                    sorts after the same words as a keyword
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:hx="urn:x-httperror:ext"
    extension-element-prefixes="hx"
    exclude-result-prefixes="hx">

  <xsl:import href="common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="version" select="'0'"/>
  <xsl:param name="date" select="''"/>

  <xsl:variable name="tab" select="'&#9;'"/>
  <xsl:variable name="nl" select="'&#10;'"/>
  <!-- Starts a cross-reference of ours; see the top of this file. -->
  <xsl:variable name="xref" select="'&#127;note '"/>

  <!-- The menu of a status node, in the order of its sections; @if names
       the part of the facts a section needs. -->
  <xsl:variable name="jumps" select="document('')/*/hx:jumps"/>
  <hx:jumps>
    <jump label="Fix"/>
    <jump label="Visitor"/>
    <jump label="Sender"/>
    <jump label="Causes"/>
    <jump label="Meaning"/>
    <jump label="Facts"/>
    <jump label="Headers" if="headers"/>
    <jump label="Examples"/>
    <jump label="Standards"/>
    <jump label="Related" if="related"/>
  </hx:jumps>
  <!-- The same for a number's node. -->
  <xsl:variable name="number-jumps" select="document('')/*/hx:number-jumps"/>
  <hx:number-jumps>
    <jump label="Fix"/>
    <jump label="Visitor"/>
    <jump label="Sender"/>
    <jump label="Causes"/>
    <jump label="Meaning"/>
    <jump label="Facts"/>
    <jump label="Seen"/>
    <jump label="Standards"/>
    <jump label="Related" if="related"/>
  </hx:number-jumps>

  <!-- The lines come out in pieces, an <hx:page name="-"> for every menu
       entry, node and index group, which C joins in order (src/xform.c,
       src/out_info.c): one result text node growing line by line would cost
       the square of the registry's size. -->
  <xsl:template match="/">
    <xsl:apply-templates select="registry"/>
  </xsl:template>

  <xsl:template name="node-name">
    <xsl:param name="s" select="."/>
    <xsl:value-of select="hx:info-node(concat($s/@code, translate($s/@number, '.', '-'), ' ', $s/facts/phrase))"/>
  </xsl:template>

  <!-- The numbers, in the order registry.c sorts them. -->
  <xsl:template name="numbers">
    <xsl:param name="mode"/>
    <xsl:for-each select="/registry/number">
      <xsl:sort select="substring-before(concat(@number, '.'), '.')" data-type="number"/>
      <xsl:sort select="substring-after(@number, '.')" data-type="number"/>
      <xsl:sort select="@number"/>
      <hx:page name="-">
        <xsl:choose>
          <xsl:when test="$mode = 'menu'">
            <xsl:text>@menu-item&#9;</xsl:text>
            <xsl:call-template name="node-name"/>
            <xsl:value-of select="concat($tab, hx:info-text(about/tldr), $nl)"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="."/>
          </xsl:otherwise>
        </xsl:choose>
      </hx:page>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="registry">
    <!-- Top -->
    <hx:page name="-">
    <xsl:value-of select="concat('@node', $tab, 'Top', $tab, '(dir)', $nl)"/>
    <xsl:value-of select="concat('@title', $tab, 'httperror: HTTP status codes', $nl)"/>
    <xsl:value-of select="concat('@p', $tab, hx:info-text(concat('This manual explains every HTTP status in the httperror registry: what it means, what usually causes it, how a visitor and a developer or administrator can fix it, how to find out which server sent it, and how to send it correctly. Generated by httperror ', $version, ' on ', $date, '.')), $nl)"/>
    <xsl:value-of select="concat('@p', $tab, hx:info-text('Type the code at the prompt, as in info httperror 404, or use the index (the i key) to look a status up by its reason phrase or an older name.'), $nl)"/>
    <xsl:text>@menu&#10;</xsl:text>
    </hx:page>
    <xsl:for-each select="class[@id = ../status/@class]">
      <xsl:variable name="id" select="@id"/>
      <hx:page name="-">
        <xsl:value-of select="concat('@menu-comment', $tab, hx:info-text(concat(@id, ' ', @name)), $nl)"/>
      </hx:page>
      <xsl:for-each select="../status[@class = $id]">
        <xsl:sort select="@code" data-type="number"/>
        <xsl:sort select="@primary = 'false'"/>
        <xsl:sort select="@slug"/>
        <hx:page name="-">
          <xsl:text>@menu-item&#9;</xsl:text>
          <xsl:call-template name="node-name"/>
          <xsl:value-of select="concat($tab, hx:info-text(about/tldr), $nl)"/>
        </hx:page>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:if test="number">
      <hx:page name="-">
        <xsl:value-of select="concat('@menu-comment', $tab, 'Not HTTP statuses', $nl)"/>
      </hx:page>
      <xsl:call-template name="numbers">
        <xsl:with-param name="mode" select="'menu'"/>
      </xsl:call-template>
    </xsl:if>
    <hx:page name="-">
      <xsl:value-of select="concat('@menu-comment', $tab, 'Looking things up', $nl)"/>
      <xsl:value-of select="concat('@menu-item', $tab, 'Index', $tab, hx:info-text('Every code, reason phrase and older name.'), $nl)"/>
    </hx:page>

    <!-- One node per status, chained in code order. -->
    <xsl:for-each select="status">
      <xsl:sort select="@code" data-type="number"/>
      <xsl:sort select="@primary = 'false'"/>
      <xsl:sort select="@slug"/>
      <hx:page name="-">
        <xsl:apply-templates select="."/>
      </hx:page>
    </xsl:for-each>
    <!-- Then one per number, chained on after them. -->
    <xsl:call-template name="numbers"/>

    <!-- The index: code, phrase and every alias of each status. -->
    <hx:page name="-">
      <xsl:value-of select="concat('@node', $tab, 'Index', $tab, 'Top', $nl)"/>
      <xsl:value-of select="concat('@title', $tab, 'Index', $nl)"/>
      <xsl:text>@index&#10;</xsl:text>
    </hx:page>
    <xsl:for-each select="status">
      <xsl:variable name="node">
        <xsl:call-template name="node-name"/>
      </xsl:variable>
      <hx:page name="-">
        <!-- The bare code only for the meaning that answers for it: the
             index sorts equal entries by node name, so info httperror 103
             would open 103 Checkpoint, not 103 Early Hints. -->
        <xsl:if test="not(@primary = 'false')">
          <xsl:value-of select="concat('@index-entry', $tab, @code, $tab, $node, $nl)"/>
        </xsl:if>
        <xsl:value-of select="concat('@index-entry', $tab, hx:info-node(facts/phrase), $tab, $node, $nl)"/>
        <xsl:for-each select="facts/alias">
          <xsl:value-of select="concat('@index-entry', $tab, hx:info-node(.), $tab, $node, $nl)"/>
        </xsl:for-each>
        <!-- Found by symptom (issue 11): the keywords, and the headers the
             status comes with, so that i rate limit and i Retry-After land
             here; a header that is not also a keyword is marked, and sorts
             after the statuses that have it as a keyword (429 before 413
             for Retry-After). -->
        <xsl:for-each select="about/keywords/keyword">
          <xsl:value-of select="concat('@index-entry', $tab, hx:info-node(.), $tab, $node, $nl)"/>
        </xsl:for-each>
        <xsl:for-each select="facts/headers/header/@name[not(. = ../../../../about/keywords/keyword)]">
          <xsl:value-of select="concat('@index-entry', $tab, hx:info-node(.), $tab, $node, $tab, 'header', $nl)"/>
        </xsl:for-each>
        <!-- and each log line, so that i Connection refused lands on 502. -->
        <xsl:for-each select="about/diagnose/logs/log">
          <xsl:value-of select="concat('@index-entry', $tab, hx:info-node(.), $tab, $node, $nl)"/>
        </xsl:for-each>
      </hx:page>
    </xsl:for-each>
    <!-- A number by the number itself, dot and all (i 500.19), and by
         every other number; then by its phrase, aliases, keywords and log
         lines, marked as the headers are, so that a status with the same
         words comes first (i rate limit is 429, then Cloudflare's 1015). -->
    <xsl:for-each select="number">
      <xsl:variable name="node">
        <xsl:call-template name="node-name"/>
      </xsl:variable>
      <hx:page name="-">
        <xsl:for-each select="@number | facts/also">
          <xsl:value-of select="concat('@index-entry', $tab, hx:info-entry(.), $tab, $node, $nl)"/>
        </xsl:for-each>
        <xsl:for-each select="facts/phrase | facts/alias | about/keywords/keyword | about/diagnose/logs/log">
          <xsl:value-of select="concat('@index-entry', $tab, hx:info-entry(.), $tab, $node, $tab, 'header', $nl)"/>
        </xsl:for-each>
      </hx:page>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== A number node ===== -->

  <xsl:template match="number">
    <xsl:variable name="f" select="facts"/>
    <xsl:variable name="me" select="."/>
    <xsl:variable name="name">
      <xsl:call-template name="node-name"/>
    </xsl:variable>
    <xsl:variable name="title">
      <xsl:call-template name="title"/>
    </xsl:variable>
    <xsl:value-of select="concat('@node', $tab, $name, $tab, 'Top', $nl)"/>
    <xsl:value-of select="concat('@title', $tab, hx:info-text($title), $nl)"/>
    <xsl:call-template name="para">
      <xsl:with-param name="nodes" select="about/tldr/node()"/>
    </xsl:call-template>
    <xsl:variable name="kind">
      <xsl:call-template name="number-kind"/>
    </xsl:variable>
    <xsl:value-of select="concat('@p', $tab, hx:info-text($kind), $nl)"/>

    <xsl:text>@menu&#10;</xsl:text>
    <xsl:value-of select="concat('@menu-next', $tab, 'Next', $nl)"/>
    <xsl:for-each select="$number-jumps/jump[not(@if) or (@if = 'related' and $f/related)]">
      <xsl:value-of select="concat('@menu-ref', $tab, @label, $tab,
          hx:info-node(concat($me/@slug, ' ', @label)), $nl)"/>
    </xsl:for-each>

    <xsl:call-template name="answer"/>

    <xsl:call-template name="anchor">
      <xsl:with-param name="jump" select="'Facts'"/>
    </xsl:call-template>
    <xsl:value-of select="concat('@section', $tab, 'Facts', $nl)"/>
    <xsl:variable name="head">
      <xsl:call-template name="number-head"/>
    </xsl:variable>
    <xsl:value-of select="concat('@p', $tab, hx:info-text($head), $nl)"/>
    <xsl:if test="$f/alias">
      <xsl:call-template name="fact">
        <xsl:with-param name="term" select="'Known as'"/>
        <xsl:with-param name="text"><xsl:apply-templates select="$f/alias" mode="describe"/></xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$f/also">
      <xsl:call-template name="fact">
        <xsl:with-param name="term" select="'Also'"/>
        <xsl:with-param name="text">
          <xsl:for-each select="$f/also">
            <xsl:value-of select="."/>
            <xsl:if test="position() != last()">, </xsl:if>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="fact">
      <xsl:with-param name="term" select="'Shown by'"/>
      <xsl:with-param name="text" select="$f/origin"/>
    </xsl:call-template>
    <xsl:call-template name="fact">
      <xsl:with-param name="term" select="'Sent as'"/>
      <xsl:with-param name="text"><xsl:call-template name="number-sent-as"/></xsl:with-param>
    </xsl:call-template>

    <xsl:call-template name="anchor">
      <xsl:with-param name="jump" select="'Seen'"/>
    </xsl:call-template>
    <xsl:value-of select="concat('@section', $tab, 'What you see', $nl)"/>
    <xsl:for-each select="seen">
      <xsl:call-template name="pre"/>
    </xsl:for-each>

    <xsl:call-template name="standards"/>
    <xsl:call-template name="see-also"/>
  </xsl:template>

  <!-- ===== A status node ===== -->

  <xsl:template match="status">
    <xsl:variable name="f" select="facts"/>
    <xsl:variable name="me" select="."/>
    <xsl:variable name="name">
      <xsl:call-template name="node-name"/>
    </xsl:variable>
    <xsl:value-of select="concat('@node', $tab, $name, $tab, 'Top', $nl)"/>
    <xsl:value-of select="concat('@title', $tab, $name, $nl)"/>
    <xsl:call-template name="para">
      <xsl:with-param name="nodes" select="about/tldr/node()"/>
    </xsl:call-template>

    <xsl:variable name="sent">
      <xsl:call-template name="sent-by"/>
    </xsl:variable>
    <xsl:value-of select="concat('@p', $tab, hx:info-text($sent), $nl)"/>
    <xsl:variable name="others" select="key('code', @code)[@slug != $me/@slug]"/>
    <xsl:if test="$others">
      <xsl:text>@p&#9;</xsl:text>
      <xsl:value-of select="hx:info-text(concat('The code ', @code, ' has another meaning: '))"/>
      <xsl:for-each select="$others">
        <xsl:value-of select="$xref"/>
        <xsl:call-template name="node-name"/>
        <xsl:text>::</xsl:text>
        <xsl:value-of select="hx:info-text(concat(' (', facts/origin, ')'))"/>
        <xsl:if test="position() != last()">, </xsl:if>
      </xsl:for-each>
      <xsl:text>.&#10;</xsl:text>
    </xsl:if>

    <!-- A menu of the node's own sections (issue 11), each item an anchor
         named "SLUG LABEL": m Fix, or info httperror 502 Fix, goes to the
         line of that heading.  A slug has a dash where a node name has a
         space after its code, so no anchor can take a node's name.  The
         first item is the Next node: at the end of a node, SPC in info and
         in Emacs goes to the first menu item, which would otherwise be this
         node's own Fix, and a reader paging on would never leave it. -->
    <xsl:text>@menu&#10;</xsl:text>
    <xsl:value-of select="concat('@menu-next', $tab, 'Next', $nl)"/>
    <xsl:for-each select="$jumps/jump[not(@if) or
        (@if = 'headers' and $f/headers) or (@if = 'related' and $f/related)]">
      <xsl:value-of select="concat('@menu-ref', $tab, @label, $tab,
          hx:info-node(concat($me/@slug, ' ', @label)), $nl)"/>
    </xsl:for-each>

    <!-- The answer first (xml/README.md, "Page order"). -->
    <xsl:call-template name="answer"/>

    <!-- Facts as a compact block: class, registry and specification in one
         paragraph, then short "TERM: TEXT" lines.  Who sends it is already
         the paragraph after the summary. -->
    <xsl:call-template name="anchor">
      <xsl:with-param name="jump" select="'Facts'"/>
    </xsl:call-template>

    <xsl:value-of select="concat('@section', $tab, 'Facts', $nl)"/>
    <xsl:variable name="head">
      <xsl:call-template name="facts-head"/>
    </xsl:variable>
    <xsl:value-of select="concat('@p', $tab, hx:info-text($head), $nl)"/>
    <xsl:if test="$f/alias">
      <xsl:call-template name="fact">
        <xsl:with-param name="term" select="'Known as'"/>
        <xsl:with-param name="text"><xsl:apply-templates select="$f/alias" mode="describe"/></xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="fact">
      <xsl:with-param name="term" select="'Fault'"/>
      <xsl:with-param name="text"><xsl:apply-templates select="$f/fault" mode="describe"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="fact">
      <xsl:with-param name="term" select="'Content'"/>
      <xsl:with-param name="text"><xsl:apply-templates select="$f/body" mode="describe"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="fact">
      <xsl:with-param name="term" select="'Caching'"/>
      <xsl:with-param name="text"><xsl:apply-templates select="$f/cache" mode="describe"/></xsl:with-param>
    </xsl:call-template>
    <xsl:text>@fact&#9;Retry&#9;</xsl:text>
    <xsl:variable name="when">
      <xsl:apply-templates select="$f/retry/@when" mode="describe"/>
    </xsl:variable>
    <xsl:value-of select="hx:info-text(concat($when, '. '))"/>
    <xsl:apply-templates select="$f/retry/node()" mode="inline"/>
    <xsl:value-of select="$nl"/>
    <xsl:if test="$f/browser">
      <xsl:text>@fact&#9;Browsers&#9;</xsl:text>
      <xsl:apply-templates select="$f/browser/node()" mode="inline"/>
      <xsl:value-of select="$nl"/>
    </xsl:if>
    <xsl:if test="$f/names">
      <xsl:call-template name="fact">
        <xsl:with-param name="term" select="'In code'"/>
        <xsl:with-param name="text"><xsl:apply-templates select="$f/names" mode="describe"/></xsl:with-param>
      </xsl:call-template>
    </xsl:if>

    <xsl:if test="$f/headers">
      <xsl:call-template name="anchor">
        <xsl:with-param name="jump" select="'Headers'"/>
      </xsl:call-template>
      <xsl:value-of select="concat('@section', $tab, 'Headers', $nl)"/>
      <xsl:for-each select="$f/headers/header">
        <xsl:variable name="rule">
          <xsl:apply-templates select="@rule" mode="describe"/>
        </xsl:variable>
        <xsl:value-of select="concat('@fact', $tab, hx:info-text(concat(@name, ' ', $rule)), $tab)"/>
        <xsl:apply-templates select="node()" mode="inline"/>
        <xsl:value-of select="$nl"/>
      </xsl:for-each>
    </xsl:if>

    <xsl:call-template name="anchor">
      <xsl:with-param name="jump" select="'Examples'"/>
    </xsl:call-template>
    <xsl:value-of select="concat('@section', $tab, 'Examples', $nl)"/>
    <xsl:for-each select="examples/*">
      <xsl:variable name="title">
        <xsl:call-template name="framework-title"/>
      </xsl:variable>
      <xsl:value-of select="concat('@subsection', $tab, hx:info-text($title), $nl)"/>
      <xsl:choose>
        <xsl:when test="self::wire">
          <xsl:call-template name="pre"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="*[not(self::expect or self::norun)]" mode="block"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>

    <xsl:call-template name="standards"/>
    <xsl:call-template name="see-also"/>
  </xsl:template>

  <!-- ===== Parts of a status's node and a number's ===== -->

  <xsl:template name="answer">
    <xsl:call-template name="part">
      <xsl:with-param name="jump" select="'Fix'"/>
      <xsl:with-param name="title" select="'Fixing it as a developer or admin'"/>
      <xsl:with-param name="of" select="about/developer"/>
    </xsl:call-template>
    <xsl:call-template name="part">
      <xsl:with-param name="jump" select="'Visitor'"/>
      <xsl:with-param name="title" select="'Fixing it as a visitor'"/>
      <xsl:with-param name="of" select="about/visitor"/>
    </xsl:call-template>
    <xsl:call-template name="part">
      <xsl:with-param name="jump" select="'Sender'"/>
      <xsl:with-param name="title" select="'Finding who sent it'"/>
      <xsl:with-param name="of" select="about/diagnose"/>
    </xsl:call-template>
    <xsl:call-template name="part">
      <xsl:with-param name="jump" select="'Causes'"/>
      <xsl:with-param name="title" select="'Common causes'"/>
      <xsl:with-param name="of" select="about/causes"/>
    </xsl:call-template>
    <xsl:call-template name="part">
      <xsl:with-param name="jump" select="'Meaning'"/>
      <xsl:with-param name="title" select="'What it means'"/>
      <xsl:with-param name="of" select="about/meaning"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="standards">
    <xsl:variable name="f" select="facts"/>
    <xsl:call-template name="anchor">
      <xsl:with-param name="jump" select="'Standards'"/>
    </xsl:call-template>
    <xsl:value-of select="concat('@section', $tab, 'Standards', $nl)"/>
    <xsl:variable name="spec">
      <xsl:apply-templates select="$f/spec" mode="describe"/>
    </xsl:variable>
    <xsl:value-of select="concat('@p', $tab, hx:info-text(concat($spec, ': ', $f/spec/@href)), $nl)"/>
    <xsl:if test="$f/state and $f/state != 'unofficial'">
      <xsl:value-of select="concat('@p', $tab, hx:info-text(concat('Registered in the IANA HTTP Status Code Registry: ', $iana-url)), $nl)"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="see-also">
    <xsl:variable name="f" select="facts"/>
    <xsl:if test="$f/related">
      <xsl:call-template name="anchor">
        <xsl:with-param name="jump" select="'Related'"/>
      </xsl:call-template>
      <xsl:value-of select="concat('@section', $tab, 'See also', $nl)"/>
      <xsl:text>@p&#9;</xsl:text>
      <xsl:for-each select="$f/related">
        <xsl:value-of select="$xref"/>
        <xsl:call-template name="node-name">
          <xsl:with-param name="s" select="key('slug', @to)"/>
        </xsl:call-template>
        <xsl:text>::</xsl:text>
        <xsl:if test="position() != last()">, </xsl:if>
      </xsl:for-each>
      <xsl:text>.&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template name="fact">
    <xsl:param name="term"/>
    <xsl:param name="text"/>
    <xsl:value-of select="concat('@fact', $tab, $term, $tab, hx:info-text($text), $nl)"/>
  </xsl:template>

  <!-- The anchor of a menu item in $jumps, for the heading that follows. -->
  <xsl:template name="anchor">
    <xsl:param name="jump"/>
    <xsl:value-of select="concat('@anchor', $tab, hx:info-node(concat(@slug, ' ', $jump)), $nl)"/>
  </xsl:template>

  <xsl:template name="part">
    <xsl:param name="jump"/>
    <xsl:param name="title"/>
    <xsl:param name="of"/>
    <xsl:call-template name="anchor">
      <xsl:with-param name="jump" select="$jump"/>
    </xsl:call-template>
    <xsl:value-of select="concat('@section', $tab, $title, $nl)"/>
    <xsl:apply-templates select="$of/*" mode="block"/>
  </xsl:template>

  <xsl:template name="para">
    <xsl:param name="nodes"/>
    <xsl:text>@p&#9;</xsl:text>
    <xsl:apply-templates select="$nodes" mode="inline"/>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template name="pre">
    <xsl:text>@pre&#10;</xsl:text>
    <xsl:value-of select="hx:info-pre(.)"/>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="p" mode="block">
    <xsl:call-template name="para">
      <xsl:with-param name="nodes" select="node()"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="ul" mode="block">
    <xsl:for-each select="li">
      <xsl:text>@li&#9;</xsl:text>
      <xsl:apply-templates select="node()" mode="inline"/>
      <xsl:value-of select="$nl"/>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="pre" mode="block">
    <xsl:call-template name="pre"/>
  </xsl:template>

  <!-- Log lines (xml/README.md, Log lines): a literal block, one line
       each, never wrapped, so that a search finds them whole.  The Index
       has an entry for each. -->
  <xsl:template match="logs" mode="block">
    <xsl:value-of select="concat('@p', $tab, hx:info-text(concat('In the ', @from, ':')), $nl)"/>
    <xsl:text>@pre&#10;</xsl:text>
    <xsl:for-each select="log">
      <xsl:value-of select="hx:info-pre(.)"/>
      <xsl:value-of select="$nl"/>
    </xsl:for-each>
  </xsl:template>

  <!-- Inline: code is quoted the way makeinfo does ('like this'), status
       references become cross-references Info can follow. -->
  <xsl:template match="text()" mode="inline">
    <xsl:value-of select="hx:info-text(.)"/>
  </xsl:template>
  <xsl:template match="code | hdr" mode="inline">
    <xsl:value-of select="hx:info-text(concat('&#8216;', ., '&#8217;'))"/>
  </xsl:template>
  <xsl:template match="em" mode="inline">
    <xsl:value-of select="hx:info-text(concat('_', ., '_'))"/>
  </xsl:template>
  <xsl:template match="sref" mode="inline">
    <xsl:value-of select="$xref"/>
    <xsl:call-template name="node-name">
      <xsl:with-param name="s" select="key('slug', @to)"/>
    </xsl:call-template>
    <xsl:text>::</xsl:text>
  </xsl:template>
</xsl:stylesheet>
