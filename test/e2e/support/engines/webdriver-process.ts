import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';

const DRIVER = process.env.WEBKIT_WEBDRIVER_PATH || '/usr/bin/WebKitWebDriver';

/** A WebKitWebDriver under its own X server (MiniBrowser has no headless mode), in a process group of its own. */
export type DriverProcess = { url: string; stop(): Promise<void> };

async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

function endGroup(child: ChildProcess, signal: NodeJS.Signals) {
	try {
		process.kill(-child.pid!, signal);
	} catch {
		// The group has already gone.
	}
}

export async function startWebKitDriver(): Promise<DriverProcess> {
	if (!existsSync(DRIVER)) {
		throw new Error(`No WebKitWebDriver at ${DRIVER}. Install it with \`apt-get install -y --no-install-recommends webkit2gtk-driver xvfb xauth\`.`);
	}
	const port = await freePort();
	const child = spawn('xvfb-run', ['-a', DRIVER, `--port=${port}`, '--host=127.0.0.1'], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const url = `http://127.0.0.1:${port}`;
	const stop = async () => {
		endGroup(child, 'SIGTERM');
		const timer = setTimeout(() => endGroup(child, 'SIGKILL'), 3000);
		await exited;
		clearTimeout(timer);
		endGroup(child, 'SIGKILL');
	};
	for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
		if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${child.exitCode}: ${stderr}`);
		try {
			const status = (await (await fetch(`${url}/status`, { signal: AbortSignal.timeout(1000) })).json()) as { value?: { ready?: boolean } };
			if (status.value?.ready) return { url, stop };
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	await stop();
	throw new Error(`WebKitWebDriver did not start within 15 s: ${stderr}`);
}
