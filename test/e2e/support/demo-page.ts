import type { BrowserContext, Page } from 'playwright-core';

/** Opens the demo storefront and records every CSP violation and page error it reports. */
export async function openDemo(context: BrowserContext, demoUrl: string): Promise<{ page: Page; problems: string[] }> {
	const page = await context.newPage();
	const problems: string[] = [];
	page.on('console', (message) => {
		if (/Content[- ]Security[- ]Policy/i.test(message.text())) problems.push(message.text());
	});
	page.on('pageerror', (error) => problems.push(error.message));
	await page.goto(demoUrl);
	return { page, problems };
}

/** Applies a code in the demo and waits for the answer about it (a new answer replaces the last one). */
export async function applyCode(page: Page, code: string): Promise<string> {
	await page.evaluate(() => {
		document.querySelector('#validation-status')!.textContent = '';
	});
	await page.fill('#code', code);
	await page.click('#validate-form button[type=submit]');
	await page.waitForFunction((expected) => document.querySelector('#validation-status')?.textContent?.includes(expected), code);
	return (await page.textContent('#validation-status')) ?? '';
}
