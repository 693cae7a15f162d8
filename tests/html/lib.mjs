// lib.mjs: what the browser suites in tests/html/ share: the pages under test,
// as tests/html.sh names them in the environment (see page.test.mjs), and a
// Chromium on a fresh profile, with the network features that could phone
// home turned off.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const TOP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const REAL = path.resolve(process.env.HTTPERROR_HTML || path.join(TOP, 'build/html/httperror.html'));
export const HOSTILE = process.env.HTTPERROR_HOSTILE_HTML ? path.resolve(process.env.HTTPERROR_HOSTILE_HTML) : null;
export const SHOTS = path.resolve(process.env.HTTPERROR_SHOTS || path.join(TOP, 'build/screenshots'));
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const realUrl = pathToFileURL(REAL).href;
export const hostileUrl = HOSTILE ? pathToFileURL(HOSTILE).href : null;

// A persistent context on a new profile directory (launch() refuses
// --user-data-dir), 1280x800 unless options say otherwise.  close() removes
// the profile too.
export async function launch(options = {}) {
	const profile = await mkdtemp(path.join(tmpdir(), 'httperror-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
		viewport: { width: 1280, height: 800 },
		...options,
	});
	return {
		context,
		async close() {
			await context.close();
			await rm(profile, { recursive: true, force: true });
		},
	};
}
