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
	var articles = Array.prototype.slice.call(doc.querySelectorAll('article.status'));
	if (!box || !q || !results || articles.length === 0) return;

	/* Where each entry lives when no filter is active, to put it back. */
	var homes = articles.map(function (a) {
		return { parent: a.parentNode, next: a.nextSibling };
	});

	function words(s) {
		return s.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
	}

	var entries = articles.map(function (a, i) {
		var names = [a.querySelector('.phrase').textContent];
		Array.prototype.forEach.call(a.querySelectorAll('.alias'), function (el) {
			names.push(el.textContent);
		});
		/* The keywords count as names: "rate limit" finds 429 before a page
		 * that only mentions rate limits. */
		(a.getAttribute('data-keywords') || '').split('|').forEach(function (k) {
			if (k !== '') names.push(k);
		});
		var lower = names.map(function (n) { return n.toLowerCase(); });
		return {
			el: a,
			order: i,
			code: a.getAttribute('data-code'),
			cls: a.getAttribute('data-class'),
			primary: a.hasAttribute('data-primary'),
			names: lower,
			words: lower.reduce(function (acc, n) { return acc.concat(words(n)); }, []),
			text: a.textContent.toLowerCase().replace(/\s+/g, ' ')
		};
	});

	/* Lower is better: exact code, class, code prefix, phrase prefix,
	 * word prefix, anywhere.  -1: no match. */
	function rank(e, t) {
		if (e.code === t) return e.primary ? 0 : 1;
		if (/^[1-5]xx$/.test(t)) return e.cls === t ? 2 : -1;
		if (/^[0-9]+$/.test(t) && e.code.indexOf(t) === 0) return 3;
		var i;
		for (i = 0; i < e.names.length; i++)
			if (e.names[i].indexOf(t) === 0) return 4;
		var tw = words(t);
		if (tw.length > 0 && tw.every(function (w) {
			return e.words.some(function (x) { return x.indexOf(w) === 0; });
		})) return 5;
		return e.text.indexOf(t) !== -1 ? 6 : -1;
	}

	/* Put every entry back where it was.  Last first: an entry's recorded
	 * next sibling is often the entry after it, which has to be home
	 * already before anything can be inserted in front of it. */
	function goHome() {
		var i;
		for (i = entries.length - 1; i >= 0; i--)
			homes[i].parent.insertBefore(entries[i].el, homes[i].next);
	}

	function restore() {
		goHome();
		entries.forEach(function (e) { e.el.hidden = false; });
		results.hidden = true;
		results.textContent = '';
		doc.body.classList.remove('filtering');
		count.textContent = '';
	}

	var hits = [];

	/* Runs on every keystroke.  The hits move, best first, into the results
	 * section, so that reading order is rank order; the other entries stay
	 * (hidden) where they were, so that #404 can always find them. */
	function filter() {
		var t = q.value.trim().toLowerCase().replace(/\s+/g, ' ');
		hits = [];
		if (t === '') {
			restore();
			return;
		}
		entries.forEach(function (e) {
			var r = rank(e, t);
			if (r >= 0) hits.push({ e: e, r: r });
		});
		hits.sort(function (a, b) { return a.r - b.r || a.e.order - b.e.order; });
		goHome();
		doc.body.classList.add('filtering');
		results.hidden = false;
		results.textContent = '';
		var h = doc.createElement('h2');
		h.textContent = (hits.length === 0 ? 'No status matches \u201c' : 'Statuses matching \u201c') +
			q.value.trim() + '\u201d';
		results.appendChild(h);
		entries.forEach(function (e) { e.el.hidden = true; });
		hits.forEach(function (x) {
			x.e.el.hidden = false;
			results.appendChild(x.e.el);
		});
		count.textContent = hits.length === 1 ? '1 match' : hits.length + ' matches';
	}

	function clear() {
		q.value = '';
		filter();
	}

	/* Opening #404 shows 404 even when a filter had hidden it. */
	function reveal() {
		var id;
		try {
			id = decodeURIComponent(location.hash.slice(1));
		} catch (e) {
			return;		/* a malformed %-escape names no entry */
		}
		if (!id) return;
		var el = doc.getElementById(id);
		if (!el) return;
		var art = el.closest ? el.closest('article.status') : null;
		if (art && art.hidden) {
			clear();
			el.scrollIntoView();
		}
	}

	q.addEventListener('input', filter);
	q.addEventListener('keydown', function (ev) {
		if (ev.key === 'Escape') {
			clear();
			ev.preventDefault();
		} else if (ev.key === 'Enter' && hits.length > 0) {
			var id = hits[0].e.el.id;
			ev.preventDefault();
			if (location.hash === '#' + id) hits[0].e.el.scrollIntoView();
			else location.hash = id;
			hits[0].e.el.querySelector('a.self').focus();
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
	window.addEventListener('hashchange', reveal);

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
	reveal();
}());
