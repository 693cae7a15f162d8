// html-timing.mjs LABEL=PAGE...: for `make bench`, the HTML page in Debian's
// Chromium (playwright-core), opened from file:// as a reader would: the time
// to the load event, and the time from a keystroke in the search box to the
// frame after it has been handled (two animation frames after the keydown).
// Prints one line per page; reports only, never fails on a time.
import { chromium } from 'playwright-core';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)];

const profile = await mkdtemp(path.join(tmpdir(), 'httperror-bench-'));
const context = await chromium.launchPersistentContext(profile, {
	executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
	headless: true,
	args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
		'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	viewport: { width: 1280, height: 800 },
});
try {
	for (const arg of process.argv.slice(2)) {
		const [label, file] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, arg];
		const loads = [];
		const keys = [];
		for (let run = 0; run < 3; run++) {
			const page = await context.newPage();
			await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: 'load' });
			loads.push(await page.evaluate(() => {
				const nav = performance.getEntriesByType('navigation')[0];
				return nav.loadEventEnd - nav.startTime;
			}));
			await page.evaluate(() => {
				window.__keys = [];
				document.addEventListener('keydown', () => {
					const t0 = performance.now();
					requestAnimationFrame(() => requestAnimationFrame(() => {
						window.__keys.push(performance.now() - t0);
					}));
				}, true);
			});
			await page.focus('#q');
			for (const word of ['404', 'gateway', 'rate limit']) {
				await page.fill('#q', '');
				for (const ch of word) {
					await page.keyboard.type(ch);
					await page.waitForTimeout(50);
				}
			}
			await page.waitForTimeout(200);
			keys.push(...await page.evaluate(() => window.__keys));
			await page.close();
		}
		const size = (await stat(file)).size;
		console.log(`  ${label}: ${size} bytes, ` +
			`load event ${median(loads).toFixed(0)} ms, ` +
			`keystroke to frame ${median(keys).toFixed(1)} ms median, ` +
			`${Math.max(...keys).toFixed(1)} ms worst (${keys.length} keys)`);
	}
} finally {
	await context.close();
	await rm(profile, { recursive: true, force: true });
}
