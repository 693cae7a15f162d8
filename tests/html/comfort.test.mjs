// comfort.test.mjs: reading html/httperror.html in comfort (issue 11, item 4):
// jump links to each status's sections, deep links that land at once, copy
// buttons clear of the code, code lines kept whole, the sticky sidebar on wide
// screens, print within a page budget, and screenshots of the layout at
// desktop and phone widths, light and dark, for a person to look at (in
// build/screenshots/, with the printed PDF).
//
// Run by tests/html.sh beside page.test.mjs, on the same pages (lib.mjs).
// This browser says it has no preference about motion, as most do: under
// page.test.mjs's "reduce" a smooth scroll never shows.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { SHOTS, realUrl, hostileUrl, launch } from './lib.mjs';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
// Headers only where the status has a <headers> list.
const SECTIONS = ['fix', 'visitor', 'diagnose', 'causes', 'meaning', 'facts', 'headers', 'examples'];

await mkdir(SHOTS, { recursive: true });
const browser = await launch({ reducedMotion: 'no-preference', colorScheme: 'light' });
const page = await browser.context.newPage();

after(() => browser.close());

async function open(hash = '', viewport = DESKTOP) {
	await page.goto('about:blank');
	await page.setViewportSize(viewport);
	await page.goto(realUrl + hash);
}

// Print is measured before any test is named (a test starts as soon as it is
// named, and would share the page), so that the page count is in its name.
// The bound: a status's text, facts and exchange on the wire take about two
// A4 pages at 9 pt; three on average leaves room for long ones and for an
// example or two opened before printing.  (With every framework example
// printed as well it took 87 pages; before this print stylesheet, 119.)
const PER_STATUS = 3;
let statuses = 0;
let pdfPages = NaN;
let pdfError = null;
try {
	await open();
	statuses = await page.locator('article.status').count();
	await page.emulateMedia({ media: 'print' });
	const pdf = await page.pdf({ path: path.join(SHOTS, 'print-a4.pdf'), format: 'A4', printBackground: true });
	pdfPages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) || []).length;
} catch (e) {
	pdfError = e;
} finally {
	await page.emulateMedia({ media: 'screen' });
}

// Where the element with this id is in the window now and on the next two
// animation frames, and how far the page is scrolled: an animated scroll
// moves it between them.  What is measured is what the reader sees, the
// target's place: the script's layout on load (the search box, the copy
// strips) may change scrollY while scroll anchoring keeps the target still.
function settle(id) {
	return page.evaluate((i) => new Promise((done) => {
		const at = () => {
			const e = document.getElementById(i);
			return e ? Math.round(e.getBoundingClientRect().top) : null;
		};
		const tops = [at()];
		requestAnimationFrame(() => {
			tops.push(at());
			requestAnimationFrame(() => {
				tops.push(at());
				done({ tops, y: scrollY });
			});
		});
	}), id);
}

function assertLanded(where, s, label) {
	assert.ok(s.tops.every((t) => t !== null && t >= 0 && t <= 40),
		`${label}: #${where} is not still at the top of the window: ${s.tops.join(', ')} px on three frames`);
	assert.ok(s.y > 500, `${label}: the page did not scroll (scrollY ${s.y})`);
}

// ===== Deep links =====

test('a deep link lands at once, at the top of the window (phone and desktop)', async () => {
	for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
		for (const id of ['502', '499-token-required', '502-fix', '499-token-required-examples']) {
			await open(`#${id}`, viewport);
			assertLanded(id, await settle(id), `${name} #${id}`);
		}
	}
});

test('following an index link or a jump link lands at once', async () => {
	await open();
	await page.click('#index a[href="#502"]');
	assertLanded('502', await settle('502'), 'index link to #502');
	await page.click('[id="502"] .jump a[href="#502-diagnose"]');
	assertLanded('502-diagnose', await settle('502-diagnose'), 'jump link to #502-diagnose');
	assert.equal(await page.evaluate(() => location.hash), '#502-diagnose');
});

// ===== Jump links =====

// The section ids every page gets, and that every id is unique and every
// #link leads somewhere, on the hostile page too.
async function idsOf(url) {
	await page.goto(url);
	return page.evaluate(() => {
		const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
		const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
		// A number's id has a dot between digits (#500.19, #500.19-fix).
		const bad = ids.filter((id) => !/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(id) &&
			!/^[0-9]{3}\.[0-9]{1,3}(-[a-z]+)?$/.test(id));
		const dangling = [...document.querySelectorAll('a[href^="#"]')]
			.map((a) => a.getAttribute('href').slice(1))
			.filter((id) => !document.getElementById(id));
		return { n: ids.length, dup, bad, dangling: [...new Set(dangling)] };
	});
}

test('every status has jump links to its sections, in page order', async () => {
	await open();
	const r = await page.evaluate((all) => {
		const out = [];
		let keys;
		let n = 0;
		for (const a of document.querySelectorAll('article.status')) {
			n++;
			// A number has what the reader sees where a status has examples.
			keys = all.filter((k) => k !== 'headers' || a.querySelector('dl.headers'))
				.map((k) => (k === 'examples' && a.classList.contains('number') ? 'seen' : k));
			const links = [...a.querySelectorAll('.jump a')];
			const targets = links.map((l) => document.getElementById(l.getAttribute('href').slice(1)));
			const sections = [...a.querySelectorAll('h4[id]')];
			if (links.length !== keys.length)
				out.push(`${a.id}: ${links.length} jump links`);
			if (targets.some((t) => !t || !a.contains(t) || t.tagName !== 'H4'))
				out.push(`${a.id}: a jump link leads out of its article or to no heading`);
			else if (targets.length !== sections.length || targets.some((t, i) => t !== sections[i]))
				out.push(`${a.id}: the jump links are not its section headings in page order`);
			targets.forEach((t, i) => {
				if (t && t.id !== `${a.id}-${keys[i]}`)
					out.push(`${a.id}: link ${i + 1} leads to #${t.id}, not #${a.id}-${keys[i]}`);
			});
			const jump = a.querySelector('.jump');
			const h3 = a.querySelector('h3');
			if (!jump || !h3 || h3.nextElementSibling !== jump)
				out.push(`${a.id}: the jump links do not follow the heading`);
		}
		return { out, n };
	}, SECTIONS);
	assert.ok(r.n >= 16, `only ${r.n} statuses`);
	assert.deepEqual(r.out, []);
});

test('every id is unique and every #link leads somewhere (real and hostile pages)', async () => {
	assert.ok(hostileUrl, 'HTTPERROR_HOSTILE_HTML is not set');
	for (const url of [realUrl, hostileUrl]) {
		const r = await idsOf(url);
		assert.ok(r.n > 20, `${url}: only ${r.n} ids`);
		assert.deepEqual({ dup: r.dup, bad: r.bad, dangling: r.dangling },
			{ dup: [], bad: [], dangling: [] }, url);
	}
});

test('with JavaScript off the jump links show and #502-fix lands on the fix', async () => {
	const p = await browser.context.newPage();
	try {
		await p.setViewportSize(PHONE);
		// Scripts off before the first load: a reload would restore the
		// scroll position of the page as the script had laid it out.
		const cdp = await browser.context.newCDPSession(p);
		await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
		await p.goto(realUrl + '#502-fix');
		assert.equal(await p.locator('button.copy').count(), 0, 'the script ran');
		assert.equal(await p.isVisible('[id="502"] .jump a[href="#502-fix"]'), true, 'no jump link');
		const t = await p.evaluate(() => {
			const e = document.querySelector(':target');
			return e && { id: e.id, text: e.textContent, top: e.getBoundingClientRect().top };
		});
		assert.ok(t, 'nothing is the :target');
		assert.equal(t.id, '502-fix');
		assert.match(t.text, /Fixing it as a developer/);
		assert.ok(t.top >= 0 && t.top <= 40, `#502-fix is ${t.top}px from the top`);
	} finally {
		await p.close();
	}
});

// ===== Code blocks =====

// Open every example, so that every block is laid out.
function openAll() {
	return page.evaluate(() => {
		for (const d of document.querySelectorAll('details')) d.open = true;
	});
}

for (const [name, viewport] of [['390x844', PHONE], ['1280x800', DESKTOP]]) {
	test(`at ${name} no copy button covers any code text`, async () => {
		await open('', viewport);
		await openAll();
		const r = await page.evaluate(() => {
			const hits = [];
			let n = 0;
			for (const pre of document.querySelectorAll('pre.code')) {
				const b = pre.parentNode.querySelector(':scope > button.copy');
				if (!b) continue;
				n++;
				const br = b.getBoundingClientRect();
				if (br.width === 0 || br.height === 0) {
					hits.push(`${pre.closest('article').id}: button not shown`);
					continue;
				}
				const range = document.createRange();
				range.selectNodeContents(pre.querySelector('code'));
				const over = [...range.getClientRects()].some((t) => t.width > 0 &&
					t.left < br.right && t.right > br.left && t.top < br.bottom && t.bottom > br.top);
				if (over)
					hits.push(`${pre.closest('article').id}: "${pre.textContent.slice(0, 40)}"`);
			}
			return { n, blocks: document.querySelectorAll('pre.code').length, hits };
		});
		assert.ok(r.n >= 100 && r.n === r.blocks, `${r.n} buttons for ${r.blocks} blocks`);
		assert.deepEqual(r.hits, [], `${r.hits.length} of ${r.n} blocks covered`);
	});
}

test('at 390x844 code lines are not wrapped and only the blocks scroll sideways', async () => {
	await open('', PHONE);
	await openAll();
	const r = await page.evaluate(() => {
		const wrapped = [];
		let scrolling = 0;
		for (const pre of document.querySelectorAll('pre.code')) {
			const code = pre.querySelector('code');
			const lines = code.textContent.replace(/\n+$/, '').split('\n').filter((l) => l.trim() !== '');
			const range = document.createRange();
			range.selectNodeContents(code);
			const rows = new Set([...range.getClientRects()].filter((t) => t.width > 0)
				.map((t) => Math.round(t.top)));
			if (rows.size !== lines.length)
				wrapped.push(`${pre.closest('article').id}: ${lines.length} lines shown as ${rows.size}`);
			if (pre.scrollWidth > pre.clientWidth) scrolling++;
		}
		return {
			wrapped,
			scrolling,
			page: document.documentElement.scrollWidth,
			client: document.documentElement.clientWidth,
		};
	});
	assert.deepEqual(r.wrapped, []);
	assert.ok(r.scrolling > 0, 'no block is wider than a phone: the check proves nothing');
	assert.ok(r.page <= r.client, `the page scrolls sideways: ${r.page}px wide in ${r.client}px`);
});

// A long unbreakable value (an nginx constant as an alias) wraps inside its
// row: the facts and headers tables never grow past their article, which
// would clip them, since an article contains its paint.
test('at 390x844 no facts or headers table is wider than its article', async () => {
	await open('', PHONE);
	const wide = await page.evaluate(() => [...document.querySelectorAll('dl.facts, dl.headers')]
		.filter((dl) => dl.scrollWidth > dl.clientWidth + 1 ||
			dl.getBoundingClientRect().right > dl.closest('article').getBoundingClientRect().right + 1)
		.map((dl) => `${dl.closest('article').id} ${dl.className}`));
	assert.deepEqual(wide, []);
});

test('a copy button copies exactly the code of its block', async () => {
	await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await open('#502-diagnose', PHONE);
	const block = page.locator('[id="502"] .codebox').first();
	const want = await block.locator('pre.code code').textContent();
	await block.locator('button.copy').click();
	await page.waitForFunction((b) => b.textContent === 'Copied',
		await block.locator('button.copy').elementHandle());
	assert.equal(await page.evaluate(() => navigator.clipboard.readText()), want);
	assert.ok(want.includes('curl'), `not the block expected: ${want.slice(0, 40)}`);
});

// ===== Layout =====

function inView(sel) {
	return page.evaluate((s) => {
		const r = document.querySelector(s).getBoundingClientRect();
		return { top: Math.round(r.top), bottom: Math.round(r.bottom), right: Math.round(r.right), shown: r.height > 0 && r.top >= 0 && r.top < innerHeight };
	}, sel);
}

test('at 1280x800 the search and the index stay in view beside the statuses', async () => {
	await open('#502', DESKTOP);
	for (const y of [null, 'end']) {
		if (y === 'end') await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
		assert.ok(await page.evaluate(() => scrollY) > 1000, 'the page did not scroll');
		const q = await inView('#q');
		assert.ok(q.shown && q.bottom <= DESKTOP.height, `search box at ${q.top}..${q.bottom}`);
		const index = await inView('#index');
		assert.ok(index.shown, `index at ${index.top}`);
		const art = await page.evaluate(() => document.getElementById('502').getBoundingClientRect().left);
		assert.ok(index.right <= art && q.right <= art, `the sidebar (right edge ${index.right}) overlaps the statuses (${art})`);
	}
	assert.ok(await page.isVisible('#index a[href="#502"]'), 'the index link to 502 is not shown');
});

test('at 390x844 the search and the index scroll away with the page', async () => {
	await open('#502', PHONE);
	const q = await inView('#q');
	const index = await inView('#index');
	assert.ok(q.bottom < 0 && index.bottom < 0, `search at ${q.top}, index at ${index.top}: still in view`);
});

// ===== Print =====

test(`print: ${pdfPages} A4 pages for ${statuses} statuses, at most ${PER_STATUS} a status`, async () => {
	assert.equal(pdfError, null, `page.pdf() failed: ${pdfError}`);
	assert.ok(statuses >= 16, `only ${statuses} statuses`);
	assert.ok(pdfPages >= statuses / 2, `${pdfPages} pages: is the PDF counted right?`);
	assert.ok(pdfPages <= PER_STATUS * statuses, `${pdfPages} pages, over ${PER_STATUS * statuses}`);
	await open();
	await page.emulateMedia({ media: 'print' });
	try {
		for (const sel of ['#q', '#index', '.jump', 'button.copy'])
			assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} is printed`);
		assert.equal(await page.isVisible('h1'), true, 'the title is not printed');
	} finally {
		await page.emulateMedia({ media: 'screen' });
	}
});

// ===== Screenshots =====

test('screenshots of the layout, desktop and phone, light and dark', async () => {
	for (const scheme of ['light', 'dark']) {
		await page.emulateMedia({ colorScheme: scheme });
		try {
			await open('', DESKTOP);
			const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
			assert.equal(bg, scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(21, 23, 27)', scheme);
			await page.screenshot({ path: path.join(SHOTS, `desktop-${scheme}.png`) });
			await open('#502', DESKTOP);
			await page.screenshot({ path: path.join(SHOTS, `desktop-${scheme}-502.png`) });
			await open('#502', PHONE);
			await page.screenshot({ path: path.join(SHOTS, `phone-${scheme}-502.png`) });
		} finally {
			await page.emulateMedia({ colorScheme: 'light' });
		}
	}
});
