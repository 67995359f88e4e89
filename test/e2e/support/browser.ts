import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Debian's Chromium, or CHROME_PATH. The suite fails (never skips) when there is none. */
export function findChromium(): string {
	const path = process.env.CHROME_PATH || CANDIDATES.find((candidate) => existsSync(candidate));
	if (!path || !existsSync(path)) {
		throw new Error(
			'No Chromium for the end-to-end suite. Install it with `apt-get update && apt-get install -y --no-install-recommends chromium`, or set CHROME_PATH to a Chromium or Chrome binary.',
		);
	}
	return path;
}

/** Flags for a sandboxed CI machine with no network: no background traffic, no GPU, no QUIC. */
const FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	// Test host names without DNS: shop.test and its subdomains, and api.test, all on loopback.
	'--host-resolver-rules=MAP shop.test 127.0.0.1, MAP *.shop.test 127.0.0.1, MAP api.test 127.0.0.1',
];

export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
	return chromium.launch({ executablePath: findChromium(), args: FLAGS, ...options });
}
