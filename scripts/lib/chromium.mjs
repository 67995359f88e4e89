import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Flags for a sandboxed machine with no network: no background traffic, no GPU, no QUIC, so only our loopback calls run. */
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

/** Debian's Chromium, or CHROME_PATH. Callers fail (never skip) when there is none. */
export function findChromium() {
	const path = process.env.CHROME_PATH || CANDIDATES.find((candidate) => existsSync(candidate));
	if (!path || !existsSync(path)) {
		throw new Error(
			'No Chromium found. Install it with `apt-get update && apt-get install -y --no-install-recommends chromium`, or set CHROME_PATH to a Chromium or Chrome binary.',
		);
	}
	return path;
}

export async function launchChromium({ args = [] } = {}) {
	return chromium.launch({ executablePath: findChromium(), args: [...FLAGS, ...args] });
}
