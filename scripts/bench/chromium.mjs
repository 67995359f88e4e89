import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The flags of test/e2e/support/browser.ts: no background traffic, no GPU, no QUIC, so only our loopback calls run. */
const FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export function launchChromium() {
	const executablePath = process.env.CHROME_PATH || CANDIDATES.find((candidate) => existsSync(candidate));
	if (!executablePath) {
		throw new Error('No Chromium: install it with `apt-get install -y --no-install-recommends chromium`, or set CHROME_PATH.');
	}
	return chromium.launch({ executablePath, args: FLAGS });
}
