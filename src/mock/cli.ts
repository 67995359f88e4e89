// `voucherify-mock`: the one module that runs on import, because it is the executable.
import { missingPackageOf, missingPeerMessage, MOCK_PEER } from './cli/missing-package.js';

/** Loads the mock (and with it msw) only once the CLI runs, so a missing msw is one line, not a stack trace. */
async function main(): Promise<number> {
	let runCli: typeof import('./cli/run.js').runCli;
	try {
		({ runCli } = await import('./cli/run.js'));
	} catch (error) {
		if (missingPackageOf(error) !== MOCK_PEER) throw error;
		process.stderr.write(missingPeerMessage(MOCK_PEER));
		return 2;
	}
	return runCli(process.argv.slice(2), {
		stdout: process.stdout,
		stderr: process.stderr,
		onStopSignal(stop) {
			process.once('SIGINT', stop);
			process.once('SIGTERM', stop);
		},
	});
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		process.stderr.write(`[voucherify] mock: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exitCode = 1;
	},
);
