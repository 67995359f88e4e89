// `voucherify-mock`: the one module that runs on import, because it is the executable.
import { runCli } from './cli/run.js';

runCli(process.argv.slice(2), {
	stdout: process.stdout,
	stderr: process.stderr,
	onStopSignal(stop) {
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
	},
}).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		process.stderr.write(`[voucherify] mock: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exitCode = 1;
	},
);
