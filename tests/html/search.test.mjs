// search.test.mjs: one ranking, two implementations.  The same queries go
// through the page's search (xsl/html.js, in Chromium) and through
// `httperror search --json` (src/search.c), and the two must list the same
// entries in the same order, with the same count: both rank by src/search.h,
// whose weights the page reads from data-rank.  The data comes from
// HTTPERROR_DATA (tests/html.sh builds it from the same registry as the page).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { TOP, realUrl, launch } from './lib.mjs';

const TOOL = process.env.TOOL || path.join(TOP, 'build/httperror');

// What readers type: codes, parts of codes, numbers, words, prefixes,
// several words, a phrase in a row, old names, words only the body holds.
const QUERIES = [
	'404', '40', '5', '0', '000', '500.19', '19', '1020', '10', '499',
	'gateway', 'gate', 'rate limit', 'limit rate', 'too many', 'timeout',
	'time', 'not found', 'upstream', 'cloudflare', 'csrf', 'teapot',
	'request entity too large', 'payload', 'proxy error', 'cors',
	'keep alive', 'nginx', 'iis', 'redirect', 'cache', 'auth', 'token',
	'webdav', 'expired', 'x', 'retry-after', 'Content-Length', 'bad',
];

let browser, page;
before(async () => {
	browser = await launch();
	page = await browser.context.newPage();
	await page.goto(realUrl);
});
after(async () => { await browser.close(); });

// The page's list: each hit's code and phrase, and the count it shows.
async function pageSearch(q) {
	await page.fill('#q', q);
	await page.waitForSelector('#results:not([aria-busy])', { state: 'attached' });
	return page.evaluate(() => ({
		hits: Array.from(document.querySelectorAll('#results ol.hits a.hit')).map((a) =>
			a.querySelector('.code').textContent + ' ' + a.querySelector('.phrase').textContent),
		count: document.getElementById('count').textContent,
	}));
}

function toolSearch(q) {
	let out;
	try {
		out = execFileSync(TOOL, ['search', '--json', q], { encoding: 'utf8' });
	} catch (e) {
		if (e.status === 1) return { total: 0, hits: [] };
		throw e;
	}
	const j = JSON.parse(out);
	return { total: j.total, hits: j.entries.map((e) => e.code + ' ' + e.phrase) };
}

test('search: the page and httperror search rank every query alike', async () => {
	let compared = 0;
	for (const q of QUERIES) {
		const p = await pageSearch(q);
		const t = toolSearch(q);
		const want = t.total === 1 ? '1 match' : t.total + ' matches';
		assert.equal(p.count, want, `"${q}": the page counts ${p.count}, the tool ${t.total}`);
		assert.deepEqual(p.hits, t.hits.slice(0, 50), `"${q}": the order differs`);
		compared += p.hits.length;
	}
	assert.ok(compared > 500, `only ${compared} hits compared`);
});
