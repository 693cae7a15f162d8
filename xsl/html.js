/* html.js: search, the "/" shortcut and copy buttons for html/httperror.html.
 * Inlined by httperror and hashed into the page's Content-Security-Policy.
 * It reads everything it needs from the page itself: no data lives in here.
 * Without it the page still shows every status; this only adds to it. */
(function () {
	'use strict';

	var doc = document;
	var box = doc.getElementById('search');
	var q = doc.getElementById('q');
	var count = doc.getElementById('count');
	var results = doc.getElementById('results');
	var articles = doc.getElementsByTagName('article');
	if (!box || !q || !results || articles.length === 0) return;

	/* ===== The index =====
	 * Made once, from what xsl/html.xsl put on each article: the code, the
	 * class, the phrase and the summary, the keywords and older phrases
	 * (data-keywords, data-aliases: "|" between them) and the distinct words
	 * of the rest (data-words, made by hx:words).  A keystroke only looks
	 * words up in it and rewrites the result list; it never reads or
	 * changes an article, so no key lays out the page. */

	/* What a field is worth to a word found whole in it; a word the query
	 * only begins is worth half.  The weights are src/search.h's, which
	 * httperror search ranks with by the same rules (tests/html/
	 * search.test.mjs runs the same queries through both): the page
	 * carries them in data-rank, code, phrase, name, summary, body. */
	var W = (box.getAttribute('data-rank') || '').split(' ').map(Number);
	if (W.length !== 5 || W.some(isNaN)) return;
	var CODE = W[0], PHRASE = W[1], NAME = W[2], SUMMARY = W[3], BODY = W[4];
	var SHOWN = 50;		/* results listed; the count says how many more */
	/* Results made in the keystroke's own frame: a few more than the list
	 * shows before it scrolls.  The rest are made in a task after that
	 * frame, so a key lays out a screenful, not fifty (issue 11: under a
	 * frame at a hundred statuses).  #results is aria-busy until they are
	 * there.  How many fill the list is learnt from the last one: its
	 * height over its items, against the list's max-height in html.css,
	 * min(70vh, 36rem); ten until a list has been laid out. */
	var FIRST = 10;
	function first() {
		var ol = results.querySelector('ol.hits');
		if (results.hidden || !ol || ol.children.length < 3) return FIRST;
		var each = ol.offsetHeight / ol.children.length;
		var rem = parseFloat(getComputedStyle(doc.documentElement).fontSize) || 16;
		var box = Math.min(0.7 * window.innerHeight, 36 * rem);
		return Math.max(4, Math.min(FIRST + 5, Math.ceil(box / each) + 2));
	}

	function words(s) {
		return s.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
	}

	var entries = null;	/* one per article, in page order */
	var vocab = null;	/* word -> [entry, weight, entry, weight, ...] */
	var keys = null;	/* vocab's words, sorted, for prefix look-ups */
	var codes = null;	/* the codes on the page, sorted, each once */

	function post(word, i, w) {
		var p = vocab.get(word);
		if (p === undefined) {
			vocab.set(word, [i, w]);
		} else if (p[p.length - 2] !== i) {
			p.push(i, w);
		} else if (p[p.length - 1] < w) {
			p[p.length - 1] = w;
		}
	}

	function textOf(a, sel) {
		var el = a.querySelector(sel);
		return el ? el.textContent.replace(/\s+/g, ' ').trim() : '';
	}

	function list(a, name) {
		var v = a.getAttribute(name);
		return v ? v.split('|').filter(Boolean) : [];
	}

	function build() {
		var seen = {};
		entries = [];
		vocab = new Map();
		codes = [];
		for (var i = 0; i < articles.length; i++) {
			var a = articles[i];
			var code = a.getAttribute('data-code');
			if (!a.id || !code) continue;
			var n = entries.length;
			var e = {
				id: a.id,
				code: code,
				cls: a.getAttribute('data-class'),
				phrase: textOf(a, 'h3 .phrase'),
				tag: textOf(a, 'h3 .tag.vendor'),
				summary: textOf(a, '.tldr'),
				names: list(a, 'data-keywords').concat(list(a, 'data-aliases')),
				/* A number's words count half: a status with the same
				 * words comes first (rate limit is 429, then Cloudflare's
				 * 1015); the number itself counts in full. */
				half: a.classList.contains('number') ? 0.5 : 1
			};
			entries.push(e);
			/* A number that is not a status (000, 500.19, 1020) is found
			 * by the number, and each of its parts: 500.19 is "500" and
			 * "19", both of which a search for it must find; it is never
			 * a status near an absent one. */
			if (/^[1-5][0-9][0-9]$/.test(code) && !seen[code]) {
				seen[code] = true;
				codes.push(code);
			}
			post(code, n, CODE);
			if (code.indexOf('.') !== -1)
				words(code).forEach(function (w) { post(w, n, CODE); });
			list(a, 'data-also').forEach(function (c) { post(c, n, CODE); });
			var half = e.half;
			words(e.phrase).forEach(function (w) { post(w, n, PHRASE * half); });
			e.names.forEach(function (k) {
				words(k).forEach(function (w) { post(w, n, NAME * half); });
			});
			words(e.summary).forEach(function (w) { post(w, n, SUMMARY * half); });
			(a.getAttribute('data-words') || '').split(' ').forEach(function (w) {
				if (w !== '') post(w, n, BODY * half);
			});
		}
		keys = Array.from(vocab.keys()).sort();
		codes.sort();
	}

	/* The score of each entry for one query word: the best field it is
	 * found whole in, or half that of the best field a word starting with
	 * it is in.  Returns a sparse array (entry -> score). */
	function lookup(t) {
		var s = [];
		var p = vocab.get(t), j, k, lo = 0, hi = keys.length;
		if (p)
			for (j = 0; j < p.length; j += 2) s[p[j]] = p[j + 1];
		while (lo < hi) {	/* the first word after t */
			k = (lo + hi) >>> 1;
			if (keys[k] <= t) lo = k + 1;
			else hi = k;
		}
		for (k = lo; k < keys.length && keys[k].lastIndexOf(t, 0) === 0; k++) {
			p = vocab.get(keys[k]);
			for (j = 0; j < p.length; j += 2) {
				var half = p[j + 1] / 2;
				if (!(s[p[j]] >= half)) s[p[j]] = half;
			}
		}
		return s;
	}

	/* " rate limit " in " hit the rate limit ": the query's words in a row. */
	function inRow(ws, text) {
		return (' ' + words(text).join(' ') + ' ').indexOf(' ' + ws.join(' ') + ' ') !== -1;
	}

	/* Best first: every word of the query must be found; whole words in
	 * weighty fields win, and the whole query in a row in the phrase or a
	 * keyword counts once more.  Ties keep page order (code order). */
	function rank(ws) {
		var total = null, i;
		ws.forEach(function (t) {
			var s = lookup(t);
			if (total === null) {
				total = s;
				return;
			}
			var next = [];
			total.forEach(function (v, i2) {
				if (s[i2] !== undefined) next[i2] = v + s[i2];
			});
			total = next;
		});
		var hits = [];
		total.forEach(function (v, i2) { hits.push({ e: entries[i2], i: i2, score: v }); });
		if (ws.length > 1)
			for (i = 0; i < hits.length; i++) {
				var e = hits[i].e;
				if (inRow(ws, e.phrase) || e.names.some(function (k) { return inRow(ws, k); }))
					hits[i].score += NAME * e.half;
			}
		hits.sort(function (a, b) { return b.score - a.score || a.i - b.i; });
		return hits;
	}

	/* ===== The result list ===== */

	/* Text with the words the query begins marked, as text nodes and
	 * <mark> elements: registry text is never parsed as markup. */
	function marked(text, ws) {
		var f = doc.createDocumentFragment();
		var re = /[A-Za-z0-9]+/g, at = 0, m;
		while ((m = re.exec(text)) !== null) {
			var lw = m[0].toLowerCase(), len = 0;
			ws.forEach(function (t) {
				if (t.length > len && lw.lastIndexOf(t, 0) === 0) len = t.length;
			});
			if (len === 0) continue;
			if (m.index > at) f.appendChild(doc.createTextNode(text.slice(at, m.index)));
			var mk = doc.createElement('mark');
			mk.textContent = m[0].slice(0, len);
			f.appendChild(mk);
			at = m.index + len;
		}
		if (at < text.length) f.appendChild(doc.createTextNode(text.slice(at)));
		return f;
	}

	function el(tag, cls, text) {
		var x = doc.createElement(tag);
		if (cls) x.className = cls;
		if (text) x.textContent = text;
		return x;
	}

	function link(e) {
		var a = el('a');
		a.href = '#' + e.id;
		a.appendChild(el('span', 'code', e.code));
		a.appendChild(doc.createTextNode(' ' + e.phrase));
		return a;
	}

	/* "No status 504 in this reference": the present codes either side. */
	function absent(code) {
		var p = el('p', 'absent', 'No status ' + code + ' in this reference.');
		var below = null, above = null;
		codes.forEach(function (c) {
			if (c < code) below = c;
			else if (c > code && above === null) above = c;
		});
		var near = [below, above].filter(function (c) { return c !== null; });
		if (near.length > 0) {
			p.appendChild(doc.createTextNode(' The nearest: '));
			near.forEach(function (c, k) {
				var e = entries.filter(function (x) { return x.code === c; })[0];
				if (k > 0) p.appendChild(doc.createTextNode(', '));
				p.appendChild(link(e));
			});
			p.appendChild(doc.createTextNode('.'));
		}
		return p;
	}

	function item(h, ws) {
		var e = h.e;
		var li = el('li');
		var a = el('a', 'hit');
		a.href = '#' + e.id;
		a.appendChild(el('span', 'code', e.code));
		a.appendChild(doc.createTextNode(' '));
		var ph = el('span', 'phrase');
		ph.appendChild(marked(e.phrase, ws));
		a.appendChild(ph);
		li.appendChild(a);
		if (e.tag) {
			li.appendChild(doc.createTextNode(' '));
			li.appendChild(el('span', 'tag', e.tag));
		}
		var sum = el('p', 'summary');
		sum.appendChild(marked(e.summary, ws));
		li.appendChild(sum);
		var names = e.names.filter(function (k) {
			return words(k).some(function (w) {
				return ws.some(function (t) { return w.lastIndexOf(t, 0) === 0; });
			});
		});
		if (names.length > 0) {
			var also = el('p', 'also', 'Also found as: ');
			names.slice(0, 3).forEach(function (k, i) {
				if (i > 0) also.appendChild(doc.createTextNode(', '));
				also.appendChild(marked(k, ws));
			});
			li.appendChild(also);
		} else if (ws.length > 0 && !li.querySelector('mark')) {
			var text = el('p', 'also', 'Found in its text: ');
			text.appendChild(marked(ws.join(' '), ws));
			li.appendChild(text);
		}
		return li;
	}

	var hits = [];

	/* Runs on every keystroke: looks the words up and rewrites the list
	 * that drops down under the search box.  The articles stay as they
	 * are, so #404 and the browser's find always have every one of them. */
	function search() {
		var raw = q.value.replace(/\s+/g, ' ').trim();
		var t = raw.toLowerCase();
		var now = first();
		generation++;
		results.removeAttribute('aria-busy');
		hits = [];
		if (t === '') {
			results.hidden = true;
			results.textContent = '';
			count.textContent = '';
			return;
		}
		if (entries === null) build();
		var ws = words(t);
		var f = doc.createDocumentFragment();
		if (/^[1-5]xx$/.test(t)) {
			entries.forEach(function (e, i) {
				if (e.cls === t) hits.push({ e: e, i: i, score: 0 });
			});
			ws = [];
		} else if (ws.length > 0) {
			hits = rank(ws);
		}
		if (/^[1-5][0-9][0-9]$/.test(t) && codes.indexOf(t) === -1)
			f.appendChild(absent(t));
		var ol = el('ol', 'hits');
		/* A class is listed whole (4xx has more than SHOWN); words are
		 * ranked, and the list stops at SHOWN. */
		var cap = ws.length === 0 ? hits.length : SHOWN;
		var shown = hits.slice(0, cap);
		shown.slice(0, now).forEach(function (h) { ol.appendChild(item(h, ws)); });
		if (hits.length > 0) f.appendChild(ol);
		if (hits.length > cap)
			f.appendChild(el('p', 'more', 'And ' + (hits.length - cap) +
				' more: add a word to narrow the search.'));
		else if (hits.length === 0)
			f.appendChild(el('p', 'none', 'No status matches \u201c' + raw + '\u201d.'));
		results.textContent = '';
		results.appendChild(f);
		results.hidden = false;
		count.textContent = hits.length === 1 ? '1 match' : hits.length + ' matches';
		if (shown.length > now) {
			results.setAttribute('aria-busy', 'true');
			later(shown.slice(now), ol, ws);
		}
	}

	/* The rest of the list, after the next frame; a later keystroke's list
	 * replaces it first (generation says whose it is). */
	var generation = 0;
	function later(rest, ol, ws) {
		var mine = generation;
		requestAnimationFrame(function () {
			setTimeout(function () {
				if (mine !== generation) return;
				var f = doc.createDocumentFragment();
				rest.forEach(function (h) { f.appendChild(item(h, ws)); });
				ol.appendChild(f);
				results.removeAttribute('aria-busy');
			}, 0);
		});
	}

	function clear() {
		q.value = '';
		search();
	}

	/* The list folds away once the reader has gone somewhere, and comes
	 * back, as it was, in the search box. */
	function fold() {
		results.hidden = true;
	}

	function unfold() {
		if (q.value.trim() !== '' && results.firstChild) results.hidden = false;
	}

	q.addEventListener('input', search);
	q.addEventListener('focus', unfold);
	results.addEventListener('click', function (ev) {
		if (ev.target.closest && ev.target.closest('a')) fold();
	});
	doc.addEventListener('click', function (ev) {
		if (!box.contains(ev.target)) fold();
	});
	window.addEventListener('hashchange', fold);
	q.addEventListener('keydown', function (ev) {
		if (ev.key === 'Escape') {
			clear();
			ev.preventDefault();
		} else if (ev.key === 'Enter' && hits.length > 0) {
			var id = hits[0].e.id;
			var art = doc.getElementById(id);
			ev.preventDefault();
			fold();
			if (location.hash === '#' + id) art.scrollIntoView();
			else location.hash = id;
			var self = art.querySelector('a.self');
			if (self) self.focus();
		}
	});
	doc.addEventListener('keydown', function (ev) {
		if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey || ev.defaultPrevented)
			return;
		var t = ev.target;
		var tag = t && t.tagName ? t.tagName.toLowerCase() : '';
		if (tag === 'input' || tag === 'textarea' || tag === 'select' || (t && t.isContentEditable))
			return;
		ev.preventDefault();
		q.focus();
		q.select();
	});
	/* The index is made when the page is idle, not before it has loaded;
	 * a keystroke before that makes it at once. */
	(window.requestIdleCallback || setTimeout)(function () {
		if (entries === null) build();
	});

	/* Copy buttons on every code block, each beside its block in a .codebox
	 * (html.css keeps it clear of the code), not inside the scrolling <pre>. */
	Array.prototype.forEach.call(doc.querySelectorAll('pre.code'), function (pre) {
		var wrap = doc.createElement('div');
		var b = doc.createElement('button');
		b.type = 'button';
		b.className = 'copy';
		b.textContent = 'Copy';
		b.setAttribute('aria-label', 'Copy this example');
		b.addEventListener('click', function () {
			var text = pre.querySelector('code').textContent;
			var done = function () {
				b.textContent = 'Copied';
				setTimeout(function () { b.textContent = 'Copy'; }, 1500);
			};
			if (navigator.clipboard && navigator.clipboard.writeText) {
				navigator.clipboard.writeText(text).then(done, function () { fallback(text, done); });
			} else {
				fallback(text, done);
			}
		});
		/* A block wider than its box scrolls: the keyboard must reach it. */
		pre.setAttribute('tabindex', '0');
		wrap.className = 'codebox';
		pre.parentNode.insertBefore(wrap, pre);
		wrap.appendChild(b);
		wrap.appendChild(pre);
	});

	function fallback(text, done) {
		var ta = doc.createElement('textarea');
		ta.value = text;
		ta.setAttribute('readonly', '');
		ta.className = 'skip';
		doc.body.appendChild(ta);
		ta.select();
		try { if (doc.execCommand('copy')) done(); } catch (e) { /* nothing to do */ }
		doc.body.removeChild(ta);
	}

	box.hidden = false;
}());
