// page.test.mjs: html/httperror.html in a real browser (Debian's chromium driven
// by playwright-core), opened from file:// as a sysadmin on an air-gapped machine
// would open it.  tests/html.sh runs this file under `unshare -n` (no network at
// all) and passes the pages to test in the environment:
//
//   HTTPERROR_HTML          the page built from the real registry
//                           (default: build/html/httperror.html)
//   HTTPERROR_HOSTILE_HTML  the page built from tests/fixtures/hostile
//   HTTPERROR_SHOTS         where the screenshots go (default: build/screenshots)
//   CHROMIUM                the browser (default: /usr/bin/chromium)
//
// Each test() is one PASS/FAIL line in html.sh.  They run in order and share one
// browser profile; the last few look at everything every page did (requests,
// console, page errors, CSP violations), so keep them last.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { SHOTS, realUrl, hostileUrl, launch } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let browser;     // the browser on its fresh profile (lib.mjs)
let context;     // its persistent context
let page;        // the page most tests share (the real registry)
let allIds;      // every entry's id, in document order, as loaded
let axeSource;

// What every watched page did, checked by the last tests.  The control test
// uses a page of its own whose records are kept apart ("control").
const seen = { requests: [], failed: [], console: [], errors: [], csp: [], dialogs: [] };
const control = { requests: [], console: [], csp: [] };
const controlPages = new WeakSet();

function pageOf(frameOwner) {
	try { return frameOwner.frame().page(); } catch { return null; }
}

function watch(p) {
	p.on('console', (m) => {
		if (m.type() !== 'error' && m.type() !== 'warning') return;
		const line = `${m.type()}: ${m.text()} (${p.url()})`;
		(controlPages.has(p) ? control.console : seen.console).push(line);
	});
	p.on('pageerror', (e) => seen.errors.push(`${e.message} (${p.url()})`));
	p.on('dialog', (d) => {
		seen.dialogs.push(`${d.type()}: ${d.message()} (${p.url()})`);
		d.dismiss().catch(() => {});
	});
	return p;
}

async function newPage() {
	return watch(await context.newPage());
}

// The ids of the entries a reader can see, in the order they appear.
function visibleIds(p = page) {
	return p.$$eval('article.status', (as) =>
		as.filter((a) => a.getClientRects().length > 0).map((a) => a.id));
}

// Start from a newly loaded page with focus on the body.  (Going straight from
// page.html to page.html#404 would only change the fragment of the same
// document, keeping whatever an earlier test did to it.)
async function fresh(hash = '') {
	await page.goto('about:blank');
	await page.goto(realUrl + hash);
	await page.evaluate(() => document.activeElement && document.activeElement.blur());
}

// Type text into the search box and wait for the whole list: a keystroke
// makes the first screenful and the rest comes after that frame, with
// #results aria-busy until then.
async function search(text) {
	await page.focus('#q');
	await page.fill('#q', '');
	await page.keyboard.type(text);
	await page.waitForSelector('#results:not([aria-busy])', { state: 'attached' });
}

// The same in one input event, for the tests that run a search for each of
// a hundred aliases or numbers: what they check is the ranking, which does
// not depend on how the text was typed (the tests above type it).
async function lookUp(text) {
	await page.fill('#q', text);
	await page.waitForSelector('#results:not([aria-busy])', { state: 'attached' });
}

function activeId(p = page) {
	return p.evaluate(() => (document.activeElement ? document.activeElement.id : ''));
}

function targetId(p = page) {
	return p.evaluate(() => {
		const t = document.querySelector(':target');
		return t ? t.id : null;
	});
}

function shot(name, options = {}) {
	return page.screenshot({ path: path.join(SHOTS, name), ...options });
}

before(async () => {
	await mkdir(SHOTS, { recursive: true });
	axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
	browser = await launch({ reducedMotion: 'reduce', colorScheme: 'light' });
	context = browser.context;
	context.on('request', (r) => {
		const p = pageOf(r);
		(p && controlPages.has(p) ? control.requests : seen.requests).push(r.url());
	});
	context.on('requestfailed', (r) => {
		const p = pageOf(r);
		if (!(p && controlPages.has(p))) seen.failed.push(`${r.url()}: ${r.failure()?.errorText}`);
	});
	// A securitypolicyviolation event is the page's own report of what the CSP
	// blocked.  The init script and the binding are not subject to the CSP.
	await context.exposeBinding('__httperrorCsp', (source, v) => {
		(controlPages.has(source.page) ? control.csp : seen.csp)
			.push(`${v.directive} blocked ${v.blocked || '(inline)'} ${v.sample || ''} (${source.page.url()})`);
	});
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			window.__httperrorCsp({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
		}, true);
	});
	for (const p of context.pages()) await p.close();
	page = await newPage();
	await page.goto(realUrl);
	allIds = await page.$$eval('article.status', (as) => as.map((a) => a.id));
});

after(async () => {
	if (browser) await browser.close();
});

// ===== The watchers themselves =====

test('control: the watchers see a request, a console error and a CSP violation', async () => {
	// A page that breaks the rules on purpose: if nothing is recorded here, the
	// "zero requests/errors/violations" tests at the end would prove nothing.
	const p = await context.newPage();
	controlPages.add(p);
	watch(p);
	await p.goto(realUrl);
	await p.evaluate(() => {
		const img = document.createElement('img');
		img.alt = '';
		img.src = 'https://example.invalid/control.png';
		document.body.appendChild(img);
	});
	await p.waitForTimeout(300);
	await p.close();
	assert.ok(control.requests.some((u) => u.startsWith('https://example.invalid/')),
		`no request recorded: ${JSON.stringify(control.requests)}`);
	assert.ok(control.csp.some((v) => v.startsWith('img-src')),
		`no CSP violation recorded: ${JSON.stringify(control.csp)}`);
	assert.ok(control.console.length > 0, 'no console error recorded');
});

// ===== Loading =====

test('the page loads from file:// and its script and style pass the CSP', async () => {
	assert.ok(allIds.length >= 2, `only ${allIds.length} entries`);
	const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
	assert.match(csp, /(^|;)\s*default-src 'none'\s*(;|$)/);
	assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/]{43}='/);
	assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/]{43}='/);
	assert.doesNotMatch(csp, /unsafe-|https?:|\*/);
	// The script ran (it un-hides the search box) ...
	assert.equal(await page.isVisible('#q'), true, 'search box not visible: script blocked?');
	assert.ok(await page.locator('button.copy').count() > 0, 'no copy buttons');
	// ... and the stylesheet applied: the index is a grid only through html.css.
	const css = await page.evaluate(() => ({
		index: getComputedStyle(document.getElementById('index')).display,
		radius: getComputedStyle(document.querySelector('article.status')).borderTopLeftRadius,
	}));
	assert.deepEqual(css, { index: 'grid', radius: '8px' }, 'stylesheet not applied: style blocked?');
});

// ===== Search =====
//
// A keystroke rewrites a ranked list under the search box (#results); the
// articles themselves never change (issue 11: a result list, not whole
// articles shown and hidden).

// The ids the result list links to, best first.
function resultIds(p = page) {
	return p.$$eval('#results ol.hits > li > a.hit', (as) => as.map((a) => a.getAttribute('href').slice(1)));
}

// Everything in the list is one of the few elements html.js makes, and a
// <mark> holds text only: registry text never became markup in there.
function resultMarkup(p = page) {
	return p.evaluate(() => {
		const ok = new Set(['OL', 'LI', 'A', 'SPAN', 'P', 'MARK']);
		const r = document.getElementById('results');
		const bad = [...r.querySelectorAll('*')].filter((e) => !ok.has(e.tagName)).map((e) => e.tagName);
		const marks = [...r.querySelectorAll('mark')];
		return {
			bad,
			marks: marks.map((m) => m.textContent),
			markup: marks.filter((m) => [...m.childNodes].some((n) => n.nodeType !== Node.TEXT_NODE)).length,
		};
	});
}

test('"/" on the body focuses the search box without typing a slash', async () => {
	await fresh();
	assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
	await page.keyboard.press('/');
	assert.equal(await activeId(), 'q');
	assert.equal(await page.inputValue('#q'), '');
});

test('"/" typed in the search box is text', async () => {
	await fresh();
	await page.keyboard.press('/');
	await page.keyboard.type('4/');
	assert.equal(await page.inputValue('#q'), '4/');
	assert.equal(await activeId(), 'q');
});

test('"/" with Ctrl or Alt held does nothing', async () => {
	await fresh();
	for (const chord of ['Control+/', 'Alt+/']) {
		await page.keyboard.press(chord);
		assert.notEqual(await activeId(), 'q', `${chord} focused the search box`);
	}
	assert.equal(await page.inputValue('#q'), '');
	await page.keyboard.press('/');
	assert.equal(await activeId(), 'q', 'control: "/" alone does focus the box');
});

test('"404" lists 404 first and the live region announces the count', async () => {
	await fresh();
	await page.keyboard.press('/');
	await page.keyboard.type('404');
	const ids = await resultIds();
	assert.equal(ids[0], '404');
	assert.ok(ids.length < allIds.length, 'everything was listed');
	const live = await page.evaluate(() => {
		const c = document.getElementById('count');
		return { role: c.getAttribute('role'), text: c.textContent.trim() };
	});
	assert.equal(live.role, 'status');
	assert.equal(live.text, ids.length === 1 ? '1 match' : `${ids.length} matches`);
});

test('a search lists results and leaves every article as it was', async () => {
	await fresh();
	// Every change to <main> while typing, as a MutationObserver sees it.
	await page.evaluate(() => {
		window.__mainChanges = 0;
		new MutationObserver((m) => { window.__mainChanges += m.length; })
			.observe(document.getElementById('main'), { subtree: true, childList: true, attributes: true, characterData: true });
	});
	await search('gateway');
	const list = await page.evaluate(() => {
		const r = document.getElementById('results');
		return {
			shown: r.getClientRects().length > 0,
			items: r.querySelectorAll('ol.hits > li').length,
			articlesInside: r.querySelectorAll('article').length,
			first: r.querySelector('ol.hits > li') ? r.querySelector('ol.hits > li').textContent : '',
		};
	});
	assert.equal(list.shown, true, 'no result list shown');
	assert.ok(list.items > 0, 'the list has no item');
	assert.equal(list.articlesInside, 0, 'whole articles in the result list');
	// The first result: code, phrase and summary.
	const summary = await page.textContent('[id="502"] .tldr');
	assert.ok(list.first.startsWith('502 Bad Gateway'), `first result: ${list.first}`);
	assert.ok(list.first.includes(summary.trim().replace(/\s+/g, ' ')), 'no summary in the first result');
	assert.equal(await page.evaluate(() => window.__mainChanges), 0, 'typing changed the articles');
	assert.deepEqual(await visibleIds(), allIds, 'an article was hidden');
});

test('"4xx" lists the 4xx statuses, all of them and nothing else', async () => {
	await fresh();
	await search('4xx');
	const want = await page.$$eval('article.status[data-class="4xx"]', (as) => as.map((a) => a.id));
	assert.ok(want.length > 0);
	assert.deepEqual(await resultIds(), want);
});

test('"gateway" lists 502 first', async () => {
	await fresh();
	await search('gateway');
	const ids = await resultIds();
	// The phrase of 504 (if present) has "Gateway" in it too: the two share
	// the top, in code order.
	const want = allIds.includes('504') ? ['502', '504'] : ['502'];
	assert.deepEqual(ids.slice(0, want.length), want, `order: ${ids.join(' ')}`);
	assert.ok(ids.length > want.length, 'control: other statuses mention a gateway');
	await shot('search-gateway.png');
});

// A keystroke makes only the results the list shows before it scrolls
// (issue 11: a key's frame at a hundred statuses); the rest come in a task
// after that frame.  In the keystroke itself, at phone and desktop width,
// the list already fills its box, on the first key (ten results) and on a
// later one (as many as the last list's items say fill it); after it,
// every result is there.
test('a long result list fills its box at once and is whole a frame later', async () => {
	for (const [width, height, before] of [[390, 844, ''], [390, 844, 'reque'], [800, 600, 'reque'],
		[1280, 800, ''], [1280, 1400, 'reque']]) {
		await fresh();
		await page.setViewportSize({ width, height });
		if (before) {
			await page.evaluate((t) => {
				const q = document.getElementById('q');
				q.value = t;
				q.dispatchEvent(new Event('input'));
			}, before);
			await page.waitForSelector('#results:not([aria-busy])', { state: 'attached' });
		}
		const now = await page.evaluate(() => {
			const q = document.getElementById('q');
			const r = document.getElementById('results');
			q.value = 'request';
			q.dispatchEvent(new Event('input'));
			return {
				busy: r.getAttribute('aria-busy'),
				items: r.querySelectorAll('ol.hits > li').length,
				fills: r.scrollHeight > r.clientHeight,
				count: document.getElementById('count').textContent,
			};
		});
		const total = parseInt(now.count, 10);
		const at = `${width}x${height}${before ? ` after "${before}"` : ''}`;
		assert.ok(total > now.items, `control: "request" must match more than a screenful (${now.count}, ${now.items} made)`);
		assert.equal(now.busy, 'true', `${at}: the list is not marked busy while it is partial`);
		assert.ok(now.fills, `${at}: the first ${now.items} results leave the list's box part empty`);
		await page.waitForSelector('#results:not([aria-busy])', { state: 'attached' });
		const items = await page.$$eval('#results ol.hits > li', (li) => li.length);
		assert.equal(items, Math.min(total, 50), `${at}: ${items} results listed after the frame, of ${now.count}`);
	}
	await page.setViewportSize({ width: 1280, height: 800 });
});

// A later keystroke's list is never mixed with the rest of an earlier one.
test('typing on replaces a list that is still being made', async () => {
	await fresh();
	const items = await page.evaluate(() => new Promise((done) => {
		const q = document.getElementById('q');
		q.value = 'request';
		q.dispatchEvent(new Event('input'));
		q.value = '4xx';
		q.dispatchEvent(new Event('input'));
		// Two frames and a task later, whatever 'request' left pending has run.
		requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() =>
			done([...document.querySelectorAll('#results ol.hits > li > a.hit')]
				.map((a) => a.getAttribute('href').slice(1))), 0)));
	}));
	const want = await page.$$eval('article.status[data-class="4xx"]', (as) => as.map((a) => a.id));
	assert.deepEqual(items, want);
});

// Found by symptom (issue 11): a keyword outranks a page that only
// mentions the words (304's text speaks of rate limits too).
test('"rate limit" lists 429 first, "upstream" 502', async () => {
	await fresh();
	await search('rate limit');
	let ids = await resultIds();
	assert.equal(ids[0], '429', `order: ${ids.join(' ')}`);
	assert.ok(ids.includes('304'), `control: 304 mentions rate limits too: ${ids.join(' ')}`);
	await search('upstream');
	ids = await resultIds();
	assert.equal(ids[0], '502', `order: ${ids.join(' ')}`);
});

// A log line pasted from nginx's error log finds the status whose
// "Finding who sent it" quotes it (xml/README.md, Log lines).
test('"password mismatch" from the nginx log lists 401 first', async () => {
	await fresh();
	await search('password mismatch');
	const ids = await resultIds();
	assert.equal(ids[0], '401', `order: ${ids.join(' ')}`);
});

test('an alias finds its status first', async () => {
	await fresh();
	const aliases = await page.$$eval('article.status:not(.number)[data-aliases]', (as) =>
		as.flatMap((a) => a.dataset.aliases.split('|').map((x) => [a.id, x])));
	assert.ok(aliases.length > 0, 'no alias on the page');
	for (const [id, alias] of aliases) {
		await lookUp(alias.toLowerCase());
		assert.equal((await resultIds())[0], id, `"${alias}"`);
	}
	// A number's words count half (xsl/html.js), so a status with the same
	// words may come first ("Require SSL" is 496 first, then IIS's 403.4);
	// its alias still finds it among the first five.
	const numbers = await page.$$eval('article.number[data-aliases]', (as) =>
		as.flatMap((a) => a.dataset.aliases.split('|').map((x) => [a.id, x])));
	assert.ok(numbers.length > 0, 'no number with an alias on the page');
	const far = [];
	for (const [id, alias] of numbers) {
		await lookUp(alias.toLowerCase());
		if (!(await resultIds()).slice(0, 5).includes(id))
			far.push(`"${alias}": ${(await resultIds()).slice(0, 5).join(' ')}`);
	}
	assert.deepEqual(far, []);
});

test('the matched words are highlighted with <mark>, text only', async () => {
	await fresh();
	await search('bad gate');
	const m = await resultMarkup();
	assert.deepEqual(m.bad, []);
	assert.equal(m.markup, 0, 'a <mark> holds markup');
	assert.ok(m.marks.length >= 2, `marks: ${JSON.stringify(m.marks)}`);
	// A word the query only begins is marked as far as the query goes.
	for (const t of m.marks) assert.match(t, /^(bad|gate)$/i);
	assert.deepEqual(await page.$$eval('#results li:first-child .phrase mark', (ms) => ms.map((x) => x.textContent)),
		['Bad', 'Gate']);
});

test('"512" (not in the registry) says so and links the nearest codes', async () => {
	await fresh();
	const codes = [...new Set(await page.$$eval('article.status', (as) => as.map((a) => Number(a.dataset.code))))];
	// A code of the registry's own for the control, and an absent one: 512
	// is unassigned, and no vendor code the registry means to hold.
	const missing = codes.includes(512) ? null : 512;
	assert.ok(missing, 'the registry has 512 now: pick another absent code for this test');
	const below = Math.max(...codes.filter((c) => c < missing));
	const above = codes.filter((c) => c > missing);
	const want = [below, ...(above.length ? [Math.min(...above)] : [])].map(String);
	await search(String(missing));
	const line = await page.evaluate(() => {
		const p = document.querySelector('#results .absent');
		return p && { text: p.textContent, links: [...p.querySelectorAll('a')].map((a) => a.getAttribute('href')) };
	});
	assert.ok(line, 'no "not in this reference" line');
	assert.match(line.text, /^No status 512 in this reference\./);
	assert.deepEqual(line.links, want.map((c) => `#${c}`));
	// A code that is there gets no such line.
	await search('502');
	assert.equal(await page.locator('#results .absent').count(), 0, '"not here" for a code that is here');
	assert.equal((await resultIds())[0], '502');
});

test('clicking a result goes to its status', async () => {
	await fresh();
	await search('token required');
	const first = (await resultIds())[0];
	assert.equal(first, '499-token-required');
	await page.click('#results ol.hits > li:first-child a.hit');
	assert.equal(await page.evaluate(() => location.hash), '#499-token-required');
	assert.equal(await targetId(), '499-token-required');
});

test('Esc clears the list and leaves every entry in the original order', async () => {
	await fresh();
	await search('4xx');
	assert.ok((await resultIds()).length > 0);
	await page.keyboard.press('Escape');
	assert.equal(await page.inputValue('#q'), '');
	assert.deepEqual(await resultIds(), []);
	assert.equal(await page.isVisible('#results'), false);
	assert.equal(await page.textContent('#count'), '');
	assert.deepEqual(await visibleIds(), allIds);
	assert.deepEqual(await page.$$eval('article.status', (as) => as.map((a) => a.id)), allIds,
		'the DOM order changed');
	assert.equal(await page.isVisible('#index'), true, 'the index is hidden');
});

test('Enter jumps to the first hit', async () => {
	await fresh();
	await search('gateway');
	const first = (await resultIds())[0];
	await page.keyboard.press('Enter');
	assert.equal(await page.evaluate(() => location.hash), `#${first}`);
	assert.equal(await targetId(), first);
});

// ===== Deep links =====

async function highlightOf(id) {
	return page.evaluate((i) => {
		const cs = getComputedStyle(document.getElementById(i));
		return `${cs.backgroundColor} ${cs.borderTopColor} ${cs.boxShadow}`;
	}, id);
}

test('#404 shows and highlights 404', async () => {
	await fresh('#404');
	assert.equal(await targetId(), '404');
	assert.equal(await page.locator('[id="404"]').isVisible(), true);
	const other = allIds.find((i) => i !== '404');
	assert.notEqual(await highlightOf('404'), await highlightOf(other), ':target looks like any entry');
	const inView = await page.evaluate(() => {
		const r = document.getElementById('404').getBoundingClientRect();
		return r.top >= 0 && r.top < innerHeight;
	});
	assert.equal(inView, true, '404 is not scrolled into view');
	await shot('target-404.png');
});

test('#404 with a result list open shows 404', async () => {
	await fresh();
	await search('500');
	assert.ok(!(await resultIds()).includes('404'), 'precondition: "500" does not list 404');
	await page.evaluate(() => { location.hash = '#404'; });
	await page.waitForFunction(() => document.querySelector(':target'), null, { timeout: 2000 }).catch(() => {});
	assert.equal(await targetId(), '404');
	const inView = await page.evaluate(() => {
		const r = document.getElementById('404').getBoundingClientRect();
		return r.bottom > 0 && r.top < innerHeight;
	});
	assert.equal(inView, true, '404 is not scrolled into view');
});

// Every status by its id (its code, or its slug for a code's other
// meaning, as #499-token-required): with #N, the page shows that status at
// the top of the window, headed by its code.  A few are loaded afresh with
// #N; the rest are reached by changing the hash of the loaded page, which
// scrolls and targets the same way without loading two megabytes again for
// each of a hundred and more entries.
test('#N opens every status at the top of the window', async () => {
	await fresh();
	const statuses = await page.$$eval('article.status', (as) =>
		as.map((a) => ({ id: a.id, head: a.querySelector('h3').textContent })));
	assert.ok(statuses.length >= 33, `only ${statuses.length} statuses`);
	const loaded = new Set([statuses[0].id, statuses[Math.floor(statuses.length / 2)].id,
		statuses[statuses.length - 1].id, '499-token-required']);
	const bad = [];
	for (const s of statuses) {
		if (loaded.has(s.id))
			await page.goto(realUrl + '#' + s.id);
		else {
			await page.evaluate((id) => { location.hash = id; }, s.id);
			await page.waitForFunction((id) => {
				const t = document.querySelector(':target');
				return t && t.id === id;
			}, s.id);
		}
		const r = await page.evaluate((id) => {
			const t = document.querySelector(':target');
			const a = document.getElementById(id);
			return {
				target: t ? t.id : null,
				// scroll-margin-top keeps a little room above the status.
				top: a.getBoundingClientRect().top - parseFloat(getComputedStyle(a).scrollMarginTop),
			};
		}, s.id);
		if (r.target !== s.id || Math.abs(r.top) > 2)
			bad.push(`#${s.id}: target ${r.target}, ${Math.round(r.top)}px from the top`);
		// A status's id is its code or its slug; a number's is the number.
		const code = s.id.includes('-') ? s.id.slice(0, 3) : s.id;
		if (!s.head.startsWith(code + ' '))
			bad.push(`#${s.id}: headed "${s.head}"`);
	}
	assert.deepEqual(bad, []);
});

// Numbers that are not statuses (xml/numbers/): a search for the number as
// the reader saw it (000, 1020, 500.19) lists that entry first, and so does
// one for each other number that leads there (0 for 000).
test('a search for any number that is not a status lists it first', async () => {
	await fresh();
	const numbers = await page.$$eval('article.number', (as) => as.map((a) => ({
		id: a.id,
		also: (a.getAttribute('data-also') || '').split('|').filter(Boolean),
	})));
	assert.ok(numbers.length > 0, 'no number on the page');
	const bad = [];
	for (const n of numbers)
		for (const q of [n.id, ...n.also]) {
			await lookUp(q);
			const ids = await resultIds();
			if (ids[0] !== n.id)
				bad.push(`"${q}": ${ids.slice(0, 3).join(' ')}`);
		}
	assert.deepEqual(bad, []);
	// The status a number details still comes first for its own code.
	if (numbers.some((n) => n.id.startsWith('500.'))) {
		await search('500');
		assert.equal((await resultIds())[0], '500');
	}
});

test('#499 is nginx\'s 499 and #499-token-required is Esri\'s', async () => {
	await fresh('#499');
	assert.equal(await targetId(), '499');
	assert.match(await page.textContent('[id="499"] h3'), /nginx/);
	await fresh('#499-token-required');
	assert.equal(await targetId(), '499-token-required');
	assert.match(await page.textContent('[id="499-token-required"] h3'), /Esri/);
});

// ===== Accessibility and looks =====

// axe(p, within): the whole page, or only the elements under the selector
// within (the search box and its results, once a search has filled them).
async function axe(p = page, within = null) {
	// The statuses off screen are skipped (content-visibility: auto), and a
	// skipped one keeps its placeholder size while axe lays out its content
	// to measure it, so its links seem to overlap the next status's (a
	// target-size violation no reader can meet).  Audit the page as it is
	// once a reader has scrolled through it: every status laid out.
	await p.evaluate(() => document.querySelectorAll('.status').forEach((s) => { s.style.contentVisibility = 'visible'; }));
	await p.evaluate(axeSource);  // CDP evaluation is not subject to the page's CSP
	return p.evaluate(async ([tags, sel]) => {
		const r = await window.axe.run(sel ? { include: [sel] } : document,
			{ runOnly: { type: 'tag', values: tags } });
		return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n` +
			v.nodes.slice(0, 4).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary}`).join('\n'));
	}, [AXE_TAGS, within]);
}

for (const scheme of ['light', 'dark']) {
	test(`axe-core finds no violation (${scheme})`, async () => {
		await page.emulateMedia({ colorScheme: scheme });
		try {
			await fresh();
			const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
			assert.equal(bg, scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(21, 23, 27)');
			await shot(`${scheme}.png`);
			const violations = await axe();
			assert.deepEqual(violations, []);
			// The filtered state too: the results section and its heading.
			// Only the search box and its list changed, so only they are
			// audited again (the whole page takes half a minute a run).
			await search('gateway');
			assert.deepEqual(await axe(page, '#search'), []);
		} finally {
			await page.emulateMedia({ colorScheme: 'light' });
		}
	});
}

test('a phone-sized window shows the page without sideways scrolling', async () => {
	await page.setViewportSize({ width: 390, height: 844 });
	try {
		await fresh();
		const widths = await page.evaluate(() => ({
			scroll: document.documentElement.scrollWidth,
			client: document.documentElement.clientWidth,
			wide: [...document.querySelectorAll('body *')]
				.filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 &&
					!e.closest('pre') && e.getClientRects().length > 0)
				.slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
		}));
		assert.ok(widths.scroll <= widths.client, `page is ${widths.scroll}px wide: ${widths.wide.join(', ')}`);
		await shot('phone.png');
	} finally {
		await page.setViewportSize({ width: 1280, height: 800 });
	}
});

// The answer first (xml/README.md, "Page order"): on a phone, the first
// developer fix of every status starts within one screen of its heading.
test('at 390x844 every status shows its first fix within a screen of its heading', async () => {
	await page.setViewportSize({ width: 390, height: 844 });
	try {
		await fresh();
		const far = await page.evaluate(() => {
			const out = [];
			for (const a of document.querySelectorAll('article.status')) {
				const h = a.querySelector('h3');
				const fixes = [...a.querySelectorAll('h4')]
					.find((e) => e.textContent === 'Fixing it as a developer or admin');
				let first = fixes && fixes.nextElementSibling;
				if (first && first.tagName === 'UL')
					first = first.querySelector('li');
				if (!h || !first) {
					out.push(`${a.id}: no heading or no developer fix`);
					continue;
				}
				const below = first.getBoundingClientRect().top - h.getBoundingClientRect().top;
				if (below < 0 || below > window.innerHeight - 60)
					out.push(`${a.id}: first fix ${Math.round(below)}px below the heading`);
			}
			return { out, n: document.querySelectorAll('article.status').length };
		});
		assert.ok(far.n >= 16, `only ${far.n} statuses`);
		assert.deepEqual(far.out, []);
		// Two frames after the scroll, so that the article, skipped by
		// content-visibility while it was off screen, has been painted: the
		// shot was blank white before.
		await page.evaluate(() => new Promise((done) => {
			document.getElementById('502').scrollIntoView();
			requestAnimationFrame(() => requestAnimationFrame(done));
		}));
		await shot('phone-502.png');
	} finally {
		await page.setViewportSize({ width: 1280, height: 800 });
	}
});

// ===== Without JavaScript, and on paper =====

test('with JavaScript disabled every entry shows and #404 still works', async () => {
	const p = await newPage();
	try {
		await p.goto(realUrl + '#404');
		const cdp = await context.newCDPSession(p);
		await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
		await p.reload();
		// The script really did not run: it would have added copy buttons.
		assert.equal(await p.locator('button.copy').count(), 0, 'the script ran');
		assert.deepEqual(await visibleIds(p), allIds);
		assert.equal(await p.isVisible('#q'), false, 'search box shown without JavaScript');
		assert.equal(await p.isVisible('#results'), false, 'an empty result list shown without JavaScript');
		assert.equal(await p.isVisible('.noscript'), true, 'no <noscript> hint');
		assert.equal(await targetId(p), '404');
		assert.equal(await p.isVisible('#index'), true);
	} finally {
		await p.close();
	}
});

test('print: no search box, no index, small blocks kept together', async () => {
	await fresh();
	await page.emulateMedia({ media: 'print' });
	try {
		assert.equal(await page.isVisible('#q'), false, 'search box printed');
		assert.equal(await page.isVisible('#index'), false, 'index printed');
		assert.equal(await page.isVisible('h1'), true, 'title not printed');
		// A whole status is not kept together: most are longer than a page
		// (tests/html/comfort.test.mjs counts the pages).
		const breaks = await page.$$eval('article.status li, article.status pre.code', (es) =>
			es.map((e) => `${e.closest('article').id} ${e.tagName}: ${getComputedStyle(e).breakInside}`)
				.filter((s) => !s.endsWith(': avoid')));
		assert.deepEqual(breaks, []);
		await shot('print.png');
		await page.pdf({ path: path.join(SHOTS, 'print.pdf'), format: 'A4', printBackground: true });
		assert.ok((await stat(path.join(SHOTS, 'print.pdf'))).size > 10000);
	} finally {
		await page.emulateMedia({ media: 'screen' });
	}
});

// ===== Hostile registry text =====

test('hostile registry text renders as inert text', async () => {
	assert.ok(hostileUrl, 'HTTPERROR_HOSTILE_HTML is not set');
	const p = await newPage();
	try {
		const dialogs = seen.dialogs.length;
		await p.goto(hostileUrl);
		await p.waitForTimeout(200);
		assert.equal(await p.evaluate(() => typeof window.__pwned), 'undefined', 'window.__pwned is set');
		assert.equal(seen.dialogs.length, dialogs, `dialogs: ${seen.dialogs.slice(dialogs).join('; ')}`);
		// The text as rendered: each status scrolled into view first, since
		// the browser skips rendering statuses off screen (content-visibility).
		const text = await p.evaluate(async () => {
			const out = [];
			for (const a of document.querySelectorAll('article.status')) {
				a.scrollIntoView();
				await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
				out.push(a.innerText);
			}
			window.scrollTo(0, 0);
			return out.join('\n');
		});
		assert.ok(text.includes('</script><script>window.__pwned=1</script>'), 'the <script> text is not shown');
		assert.ok(text.includes('"><img src=x onerror="window.__pwned=2">'), 'the <img> text is not shown');
		const bad = await p.evaluate(() => [...document.querySelectorAll('*')].flatMap((e) =>
			[...e.attributes].filter((a) => /^on/i.test(a.name) ||
				/^\s*javascript:/i.test(a.value) && /^(href|src|action|formaction|xlink:href)$/i.test(a.name))
				.map((a) => `<${e.tagName.toLowerCase()} ${a.name}="${a.value}">`)));
		assert.deepEqual(bad, []);
		assert.equal(await p.locator('img, iframe, object, embed').count(), 0, 'injected elements');
		assert.equal(await p.locator('script').count(), 1, 'more than one <script>');
		assert.equal(await p.isVisible('#q'), true, 'the page script did not run');
		// The same text in the result list: the alias and the keyword that
		// look like markup are listed, and marked, as text.
		for (const [word, literal] of [['img', '"><img src=x onerror=alert(5)>'], ['script', '<script>x']]) {
			await p.fill('#q', word);
			const also = await p.$$eval('#results .also', (ps) => ps.map((x) => x.textContent));
			assert.ok(also.some((t) => t.includes(literal)), `"${word}": ${JSON.stringify(also)}`);
			const m = await resultMarkup(p);
			assert.deepEqual(m.bad, [], `"${word}": elements made from registry text`);
			assert.equal(m.markup, 0, `"${word}": a <mark> holds markup`);
			assert.ok(m.marks.length > 0, `"${word}": nothing marked`);
		}
		assert.equal(await p.locator('img, iframe, object, embed').count(), 0, 'injected elements after a search');
		assert.equal(await p.evaluate(() => typeof window.__pwned), 'undefined', 'window.__pwned is set after a search');
		assert.equal(seen.dialogs.length, dialogs, `dialogs after a search: ${seen.dialogs.slice(dialogs).join('; ')}`);
	} finally {
		await p.close();
	}
});

// ===== Everything every page did (keep these last) =====

test('no request other than the page files themselves', () => {
	const pages = new Set([realUrl, hostileUrl].filter(Boolean));
	const stray = seen.requests.map((u) => u.replace(/#.*$/, '')).filter((u) => !pages.has(u));
	assert.deepEqual(stray, []);
	assert.deepEqual(seen.failed, []);
});

test('no console error or warning', () => {
	assert.deepEqual(seen.console, []);
});

test('no uncaught page error and no dialog', () => {
	assert.deepEqual(seen.errors, []);
	assert.deepEqual(seen.dialogs, []);
});

test('no CSP violation', () => {
	assert.deepEqual(seen.csp, []);
});
