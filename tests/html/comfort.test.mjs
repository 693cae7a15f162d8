// comfort.test.mjs: reading html/httperror.html in comfort (issue 11, item 4):
// jump links to each status's sections and deep links that land at once.
//
// Run by tests/html.sh beside page.test.mjs, on the same pages (lib.mjs).
// This browser says it has no preference about motion, as most do: under
// page.test.mjs's "reduce" a smooth scroll never shows.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { realUrl, hostileUrl, launch } from './lib.mjs';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const SECTIONS = ['fix', 'visitor', 'diagnose', 'causes', 'meaning', 'examples'];

const browser = await launch({ reducedMotion: 'no-preference', colorScheme: 'light' });
const page = await browser.context.newPage();

after(() => browser.close());

async function open(hash = '', viewport = DESKTOP) {
	await page.goto('about:blank');
	await page.setViewportSize(viewport);
	await page.goto(realUrl + hash);
}

// Where the page is scrolled now and on the next two animation frames, and
// where the element with this id is: an animated scroll moves between them.
function settle(id) {
	return page.evaluate((i) => new Promise((done) => {
		const ys = [scrollY];
		requestAnimationFrame(() => {
			ys.push(scrollY);
			requestAnimationFrame(() => {
				ys.push(scrollY);
				const e = document.getElementById(i);
				done({ ys, top: e ? e.getBoundingClientRect().top : null });
			});
		});
	}), id);
}

function assertLanded(where, s, label) {
	assert.deepEqual(s.ys, [s.ys[0], s.ys[0], s.ys[0]], `${label}: still scrolling: scrollY ${s.ys.join(', ')}`);
	assert.ok(s.ys[0] > 500, `${label}: the page did not scroll (scrollY ${s.ys[0]})`);
	assert.ok(s.top !== null && s.top >= 0 && s.top <= 40,
		`${label}: #${where} is ${s.top}px from the top of the window`);
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
		const bad = ids.filter((id) => !/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(id));
		const dangling = [...document.querySelectorAll('a[href^="#"]')]
			.map((a) => a.getAttribute('href').slice(1))
			.filter((id) => !document.getElementById(id));
		return { n: ids.length, dup, bad, dangling: [...new Set(dangling)] };
	});
}

test('every status has jump links to its sections, in page order', async () => {
	await open();
	const r = await page.evaluate((keys) => {
		const out = [];
		let n = 0;
		for (const a of document.querySelectorAll('article.status')) {
			n++;
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
		await p.goto(realUrl + '#502-fix');
		const cdp = await browser.context.newCDPSession(p);
		await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
		await p.reload();
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
