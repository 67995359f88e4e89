import type { Browser } from 'playwright-core';
import { launchTestChromium } from './browser.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';
import { startStack, type Stack } from './stack.js';

/** What a suite of fixture pages runs against: the mock behind its request log, the fixture server, and Chromium. */
export type FixtureSuite = {
	stack: Stack;
	fixtures: FixtureServer;
	browser: Browser;
	close(): Promise<void>;
};

/** Fixture pages live on shop.test hosts, localhost and an opaque-origin sandbox, so the mock allows any origin here. */
export async function startFixtureSuite(): Promise<FixtureSuite> {
	const stack = await startStack({ allowedOrigins: ['*'] });
	const fixtures = await startFixtureServer(stack.apiUrl);
	const browser = await launchTestChromium();
	return {
		stack,
		fixtures,
		browser,
		async close() {
			await browser.close();
			await fixtures.close();
			await stack.close();
		},
	};
}
