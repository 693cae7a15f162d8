// html-timing.mjs LABEL=PAGE...: for `make bench`, the HTML page in Debian's
// Chromium (playwright-core), opened from file:// as a reader would: the time
// to the load event, and for a keystroke in the search box
//   - the time from the keydown to the next frame that shows its result
//     (the next animation frame's rendering done: a message posted from
//     requestAnimationFrame runs after it), which includes the wait for that
//     frame's turn, up to a frame at 60 Hz;
//   - the main thread's work for it: the page's input handlers plus that
//     frame's style, layout and paint.  This is what has to stay under a
//     frame (16 ms) for typing never to drop one.
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
		const work = [];
		for (let run = 0; run < 3; run++) {
			const page = await context.newPage();
			await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: 'load' });
			loads.push(await page.evaluate(() => {
				const nav = performance.getEntriesByType('navigation')[0];
				return nav.loadEventEnd - nav.startTime;
			}));
			await page.evaluate(() => {
				window.__keys = [];
				window.__work = [];
				let down = 0;
				let start = 0;
				document.addEventListener('keydown', () => { down = performance.now(); }, true);
				// Capturing on the document: before the page's own handlers;
				// bubbling: after them.
				document.addEventListener('input', () => { start = performance.now(); }, true);
				document.addEventListener('input', () => {
					const handled = performance.now() - start;
					requestAnimationFrame(() => {
						const t1 = performance.now();
						const ch = new MessageChannel();
						ch.port1.onmessage = () => {
							const t2 = performance.now();
							window.__keys.push(t2 - down);
							window.__work.push(handled + (t2 - t1));
						};
						ch.port2.postMessage(0);
					});
				});
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
			work.push(...await page.evaluate(() => window.__work));
			await page.close();
		}
		const size = (await stat(file)).size;
		console.log(`  ${label}: ${size} bytes, ` +
			`load event ${median(loads).toFixed(0)} ms, ` +
			`keystroke to next frame ${median(keys).toFixed(1)} ms median, ` +
			`${Math.max(...keys).toFixed(1)} ms worst, ` +
			`work ${median(work).toFixed(1)} ms median, ` +
			`${Math.max(...work).toFixed(1)} ms worst (${keys.length} keys)`);
	}
} finally {
	await context.close();
	await rm(profile, { recursive: true, force: true });
}
