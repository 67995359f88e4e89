import { readFileSync } from 'node:fs';
import { createMockApi, type MockApi } from '../create-mock-api.js';
import { isDomainError } from '../domain/shared/errors.js';
import type { VoucherDefinition } from '../domain/vouchers/voucher.js';
import type { RunningMockServer } from '../server/node-server.js';
import { CLI_USAGE, CliUsageError, FAULT_FLAGS, parseCliArgs, type CliCommand } from './arguments.js';

/** Where the CLI writes, and how it learns it should stop. */
export interface CliIo {
	readonly stdout: { write(text: string): unknown };
	readonly stderr: { write(text: string): unknown };
	/** Calls `stop` once on SIGINT or SIGTERM. */
	readonly onStopSignal: (stop: () => void) => void;
}

const randomSeed = (): number => globalThis.crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

function readFixturesFile(path: string): VoucherDefinition[] {
	let value: unknown;
	try {
		value = JSON.parse(readFileSync(path, 'utf8'));
	} catch (error) {
		throw new CliUsageError(`--fixtures ${path}: ${describe(error)}`);
	}
	if (!Array.isArray(value)) throw new CliUsageError(`--fixtures ${path} must hold a JSON array of vouchers`);
	return value as VoucherDefinition[];
}

/** Imports `--customers`; a file it cannot read is a usage error, a bad row a warning naming its line. */
function seedCustomers(api: MockApi, path: string, io: CliIo): void {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		throw new CliUsageError(`--customers ${path}: ${describe(error)}`);
	}
	let result;
	try {
		result = api.importCustomersCsv(text);
	} catch (error) {
		throw new CliUsageError(`--customers ${path}: ${isDomainError(error) ? error.details : describe(error)}`);
	}
	for (const line of result.lines) if (line.error !== null) io.stderr.write(`[voucherify] mock: --customers ${path}: ${line.error}\n`);
	io.stderr.write(`[voucherify] mock: --customers ${path}: ${result.created} created, ${result.updated} updated, ${result.failed} failed\n`);
}

/** The flag behind each option createMockApi may name in an error. */
const FLAG_OF_OPTION: Readonly<Record<string, string>> = {
	clientApplicationId: '--client-app-id',
	clientToken: '--client-token',
	applicationId: '--app-id',
	secretKey: '--app-token',
	allowedOrigins: '--allowed-origin',
	vouchers: '--fixtures',
	'rateLimit.limit': '--rate-limit',
	'rateLimit.windowMs': '--rate-limit',
	requestTimeoutMs: '--request-timeout',
	headersTimeoutMs: '--headers-timeout',
	jobDelayMs: '--job-delay',
	...Object.fromEntries(Object.entries(FAULT_FLAGS).map(([option, flag]) => [`faults.${option}`, flag])),
};

/** Names flags instead of options in a message of createMockApi. */
const inFlagTerms = (message: string): string =>
	message
		.replace(/The `([\w.]+)` option/, (phrase, name: string) => (FLAG_OF_OPTION[name] ? `The ${FLAG_OF_OPTION[name]} value` : phrase))
		.replace(/at most requestTimeoutMs/, 'at most --request-timeout')
		.replace(/The `faults` shares \([^)]*\)/, 'The --fail-* shares');

/** Options are checked by createMockApi; a TypeError there is a bad flag value, so a usage error too. */
function createApi(command: Extract<CliCommand, { kind: 'serve' }>): MockApi {
	const { fixturesFile, customersFile: _customers, port: _port, host: _host, kind: _kind, ...options } = command;
	try {
		return createMockApi({ ...options, ...(fixturesFile === undefined ? {} : { vouchers: readFixturesFile(fixturesFile) }) });
	} catch (error) {
		if (!(error instanceof TypeError)) throw error;
		throw new CliUsageError(inFlagTerms(error.message));
	}
}

/**
 * Runs `voucherify-mock`. Resolves with the exit code once the server has stopped (or could not
 * start): 0 for a clean stop or `--help`, 2 for a bad command line, 1 when it cannot start.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
	let server: RunningMockServer;
	try {
		const command = parseCliArgs(argv);
		if (command.kind === 'help') {
			io.stdout.write(CLI_USAGE);
			return 0;
		}
		// The CLI draws the seed itself when none is given, so it can say how to reproduce the run.
		const faults = command.faults && { ...command.faults, seed: command.faults.seed ?? randomSeed() };
		const api = createApi(faults ? { ...command, faults } : command);
		if (command.customersFile !== undefined) seedCustomers(api, command.customersFile, io);
		server = await api.start({ port: command.port, host: command.host });
		if (faults) io.stderr.write(`[voucherify] mock: fault injection on client routes; --fault-seed ${faults.seed} reproduces this run\n`);
	} catch (error) {
		if (error instanceof CliUsageError) {
			io.stderr.write(`[voucherify] mock: ${error.message}\nRun voucherify-mock --help for the options.\n`);
			return 2;
		}
		io.stderr.write(`[voucherify] mock: could not start: ${describe(error)}\n`);
		return 1;
	}
	// Listen for the stop signal before announcing readiness: whoever reads the line may signal at once.
	const stopped = new Promise<void>((resolve) => io.onStopSignal(resolve));
	io.stdout.write(`Voucherify mock API listening on ${server.url}\n`);
	await stopped;
	await server.close();
	return 0;
}
