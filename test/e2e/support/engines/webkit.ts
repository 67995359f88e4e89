import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { EngineBrowser, EngineContext, EngineCookie, EnginePage } from './driver.js';
import { startWebKitDriver, type DriverProcess } from './webdriver-process.js';

const MINIBROWSER = process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
/** New Session now and then hangs with nothing on stderr; past this, the driver is restarted. */
const NEW_SESSION_TIMEOUT_MS = 20_000;
const COLD_START_TIMEOUT_MS = 40_000;
const COMMAND_TIMEOUT_MS = 70_000;

type Send = (method: string, path: string, body?: unknown, timeoutMs?: number) => Promise<unknown>;

function client(baseUrl: string): Send {
	return async (method, path, body, timeoutMs = COMMAND_TIMEOUT_MS) => {
		const response = await fetch(`${baseUrl}${path}`, {
			method,
			headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(timeoutMs),
		});
		const { value } = (await response.json()) as { value: unknown };
		const failure = value as { error?: string; message?: string } | null;
		if (!response.ok || failure?.error) throw new Error(`WebKitWebDriver ${method} ${path}: ${failure?.error} ${failure?.message}`);
		return value;
	};
}

/**
WebKitGTK's MiniBrowser over WebDriver classic. One driver holds one session at a time, and a session is a fresh
profile, so a context is a session and opening one closes the last. Classic WebDriver has one current window per
session: every command of a session runs in turn, after switching to its page's window.
*/
export async function launchWebKitEngine(proxyPort: number): Promise<EngineBrowser> {
	let driver: DriverProcess = await startWebKitDriver();
	let open: EngineContext | undefined;
	const capabilities = {
		browserName: 'MiniBrowser',
		'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
		proxy: { proxyType: 'manual', httpProxy: `127.0.0.1:${proxyPort}`, sslProxy: `127.0.0.1:${proxyPort}`, noProxy: ['localhost', '127.0.0.1'] },
	};

	async function newSession(timeoutMs = NEW_SESSION_TIMEOUT_MS): Promise<{ send: Send; session: string }> {
		let lastError: unknown;
		for (let attempt = 1; attempt <= 3; attempt += 1) {
			const send = client(driver.url);
			try {
				// A restarted driver starts its MiniBrowser cold: give it the cold start's time.
				const limit = attempt === 1 ? timeoutMs : COLD_START_TIMEOUT_MS;
				const { sessionId } = (await send('POST', '/session', { capabilities: { alwaysMatch: capabilities } }, limit)) as { sessionId: string };
				await send('POST', `/session/${sessionId}/timeouts`, { script: 60_000, pageLoad: 30_000 });
				return { send, session: sessionId };
			} catch (error) {
				lastError = error;
				await driver.stop();
				driver = await startWebKitDriver();
			}
		}
		throw new Error(`WebKitWebDriver could not open a session in 3 attempts: ${String(lastError)}`);
	}

	// The first MiniBrowser of a new X server starts cold, slower than the New Session timeout on a loaded machine: start
	// one at launch (the hook's time, not a test's), so the first test's session opens warm.
	const warm = await newSession(COLD_START_TIMEOUT_MS);
	open = sessionContext((method, path, body) => warm.send(method, `/session/${warm.session}${path}`, body));

	return {
		name: 'webkit',
		version: `WebKitGTK ${webkitVersion()}`,
		async newContext() {
			await open?.close();
			const { send, session } = await newSession();
			open = sessionContext((method, path, body) => send(method, `/session/${session}${path}`, body));
			return open;
		},
		async close() {
			await open?.close();
			await driver.stop();
		},
	};
}

function webkitVersion(): string {
	try {
		return execFileSync('dpkg-query', ['-W', '-f=${Version}', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' }).split('-')[0] ?? 'unknown';
	} catch {
		return 'unknown';
	}
}

function sessionContext(send: Send): EngineContext {
	let queue: Promise<unknown> = Promise.resolve();
	let current: string | undefined;
	let closed = false;
	let firstWindowTaken = false;
	const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
		const run = queue.then(work);
		queue = run.catch(() => undefined);
		return run;
	};
	const inWindow = <T>(handle: string, work: () => Promise<T>) =>
		inTurn(async () => {
			if (current !== handle) {
				await send('POST', '/window', { handle });
				current = handle;
			}
			return work();
		});

	return {
		newPage: () =>
			inTurn(async () => {
				let handle: string;
				if (firstWindowTaken) {
					handle = ((await send('POST', '/window/new', { type: 'window' })) as { handle: string }).handle;
				} else {
					handle = (await send('GET', '/window')) as string;
					firstWindowTaken = true;
				}
				return windowPage((work) => inWindow(handle, work), send, () => {
					if (current === handle) current = undefined;
				});
			}),
		close: async () => {
			if (closed) return;
			closed = true;
			await queue;
			await send('DELETE', '').catch(() => undefined);
		},
	};
}

function windowPage(inWindow: <T>(work: () => Promise<T>) => Promise<T>, send: Send, forget: () => void): EnginePage {
	const element = async (selector: string) => ((await send('POST', '/element', { using: 'css selector', value: selector })) as Record<string, string>)[ELEMENT];
	const evaluate = <R, A>(fn: (argument: A) => unknown, argument?: A) =>
		inWindow(async () => {
			const script = `const done = arguments[arguments.length - 1];
Promise.resolve().then(() => (${fn.toString()})(arguments[0].a)).then(
	(value) => done({ value, isUndefined: value === undefined }),
	(error) => done({ error: String((error && error.stack) || error) }),
);`;
			const outcome = (await send('POST', '/execute/async', { script, args: [{ a: argument }] })) as { value: R; isUndefined?: boolean; error?: string };
			if (outcome.error) throw new Error(`evaluate failed in the page: ${outcome.error}`);
			return (outcome.isUndefined ? undefined : outcome.value) as R;
		});

	return {
		goto: (url) => inWindow(async () => void (await send('POST', '/url', { url }))),
		reload: () => inWindow(async () => void (await send('POST', '/refresh', {}))),
		fill: (selector, value) =>
			inWindow(async () => {
				const id = await element(selector);
				await send('POST', `/element/${id}/clear`, {});
				await send('POST', `/element/${id}/value`, { text: value });
			}),
		click: (selector) => inWindow(async () => void (await send('POST', `/element/${await element(selector)}/click`, {}))),
		evaluate,
		async waitForFunction(fn, argument, timeoutMs = 15_000) {
			for (const deadline = Date.now() + timeoutMs; ; ) {
				if (await evaluate(fn, argument)) return;
				if (Date.now() > deadline) throw new Error(`waitForFunction timed out after ${timeoutMs} ms: ${fn.toString()}`);
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
		},
		screenshot: (path) => inWindow(async () => writeFileSync(path, Buffer.from((await send('GET', '/screenshot')) as string, 'base64'))),
		url: () => inWindow(async () => (await send('GET', '/url')) as string),
		cookies: () =>
			inWindow(async () =>
				((await send('GET', '/cookie')) as Array<Omit<EngineCookie, 'expires'> & { expiry?: number }>).map(({ expiry, ...cookie }) => ({ ...cookie, expires: expiry ?? -1 })),
			),
		close: () =>
			inWindow(async () => {
				await send('DELETE', '/window');
				forget();
			}),
	};
}
