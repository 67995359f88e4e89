import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../../../scripts/lib/chromium.mjs';
import type { EngineBrowser, EngineContext, EnginePage } from './driver.js';

/** Chromium over playwright-core (Debian's package); test hosts resolve to loopback, anything else goes to the proxy's refusal. */
export async function launchChromiumEngine(proxyPort: number): Promise<EngineBrowser> {
	const browser = await launchChromium({
		args: [
			'--host-resolver-rules=MAP shop.test 127.0.0.1, MAP *.shop.test 127.0.0.1, MAP api.test 127.0.0.1',
			`--proxy-server=http://127.0.0.1:${proxyPort}`,
		],
	});
	return {
		name: 'chromium',
		version: `Chromium ${browser.version()}`,
		async newContext() {
			return wrapContext(await browser.newContext());
		},
		close: () => browser.close(),
	};
}

function wrapContext(context: BrowserContext): EngineContext {
	return {
		newPage: async () => wrapPage(await context.newPage()),
		close: () => context.close(),
	};
}

function wrapPage(page: Page): EnginePage {
	return {
		goto: async (url) => void (await page.goto(url)),
		reload: async () => void (await page.reload()),
		fill: (selector, value) => page.fill(selector, value),
		click: (selector) => page.click(selector),
		evaluate: (fn, argument) => page.evaluate(fn as never, argument) as never,
		waitForFunction: async (fn, argument, timeoutMs = 15_000) => void (await page.waitForFunction(fn as never, argument, { timeout: timeoutMs, polling: 50 })),
		screenshot: async (path) => void (await page.screenshot({ path, fullPage: true })),
		url: async () => page.url(),
		cookies: async () =>
			(await page.context().cookies(page.url())).map(({ name, value, domain, path, expires, sameSite, httpOnly, secure }) => ({ name, value, domain, path, expires, sameSite, httpOnly, secure })),
		close: () => page.close(),
	};
}
