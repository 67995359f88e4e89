import { parseArgs } from 'node:util';
import type { FaultOptions } from '../faults/options.js';
import type { RateLimit } from '../http/rate-limiter.js';
import { MOCK_DEFAULTS } from '../options.js';

/** The `--help` text. */
export const CLI_USAGE = `Usage: voucherify-mock [options]

Serves a mock Voucherify API (client routes under /client/v1, server routes under /v1).

Options:
  --port <n>              Port to listen on; 0 picks a free one (default ${MOCK_DEFAULTS.port})
  --host <host>           Interface to listen on (default ${MOCK_DEFAULTS.host})
  --client-app-id <id>    Client application id (default ${MOCK_DEFAULTS.clientApplicationId})
  --client-token <token>  Client token (default ${MOCK_DEFAULTS.clientToken})
  --app-id <id>           Server application id, X-App-Id (default ${MOCK_DEFAULTS.applicationId})
  --app-token <token>     Server secret key, X-App-Token (default ${MOCK_DEFAULTS.secretKey})
  --allowed-origin <o>    Allowed browser origin: shop.com, .shop.com, https://shop.com:8443 or *;
                          repeat for several (default: ${MOCK_DEFAULTS.allowedOrigins.join(', ')})
  --fixtures <file.json>  A JSON array of vouchers replacing the default fixtures
  --data <file.json>      Load state from this file on start; journal every change to <file.json>.journal
  --customers <file.csv>  Import customers from a CSV file at start (the API's template or
                          source_id, name, email, phone, address_<key>, metadata.<key>; other
                          columns go to metadata); an existing source_id is updated
  --rate-limit <n/s>      At most n client calls per s seconds per client IP, then 429;
                          5/5 (or "real") is the real API's limit (default: off)
  --request-timeout <ms>  Close a request not fully received in time, 408 (default ${MOCK_DEFAULTS.requestTimeoutMs})
  --headers-timeout <ms>  Close a request whose headers are not received in time, 408 (default ${MOCK_DEFAULTS.headersTimeoutMs})
  --job-delay <ms>        Report async actions and exports pending this long before DONE (default ${MOCK_DEFAULTS.jobDelayMs})
  -h, --help              Show this help

Fault injection, on client routes only (all off by default; shares are 0..1 of client calls):
  --latency <ms>          Delay every client call (default 0)
  --jitter <ms>           Up to this much more delay, drawn per call (default 0)
  --fail-500 <share>      Answer 500 internal_error
  --fail-503 <share>      Answer 503 service_unavailable with Retry-After
  --fail-429 <share>      Answer 429 too_many_requests with Retry-After
  --retry-after <s>       Retry-After of injected 503 and 429 answers (default 1)
  --fail-reset <share>    Write the status line and half the body, then destroy the socket
  --fail-html <share>     Answer a proxy's HTML 502 page
  --fail-truncated <share>  Answer 200 with a JSON body cut short
  --fault-seed <n>        Seed of the fault draws, to reproduce a run (default: random)

Test-only: POST /__mock/reset restores the fixtures and clears customers and activity.
`;

/** A command line the CLI cannot run; exits with status 2. */
export class CliUsageError extends Error {
	override readonly name = 'CliUsageError';
}

/** What the command line asks for. */
export type CliCommand =
	| { readonly kind: 'help' }
	| {
			readonly kind: 'serve';
			readonly port: number;
			readonly host: string;
			readonly clientApplicationId?: string;
			readonly clientToken?: string;
			readonly applicationId?: string;
			readonly secretKey?: string;
			readonly allowedOrigins?: readonly string[];
			readonly fixturesFile?: string;
			readonly customersFile?: string;
			readonly dataFile?: string;
			readonly rateLimit?: RateLimit | true;
			readonly requestTimeoutMs?: number;
			readonly headersTimeoutMs?: number;
			readonly jobDelayMs?: number;
			readonly faults?: FaultOptions;
	  };

function readPort(value: string | undefined): number {
	if (value === undefined) return MOCK_DEFAULTS.port;
	const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
	if (!(port >= 0 && port <= 65_535)) throw new CliUsageError(`--port must be an integer from 0 to 65535, not "${value}"`);
	return port;
}

/** A whole number (a seed may be negative); ranges are checked by createMockApi, which names the flag. */
function readInteger(value: string | undefined, flag: string): number | undefined {
	if (value === undefined) return undefined;
	if (!/^-?\d{1,15}$/.test(value)) throw new CliUsageError(`--${flag} must be a whole number, not "${value}"`);
	return Number(value);
}

function readShare(value: string | undefined, flag: string): number | undefined {
	if (value === undefined) return undefined;
	if (!/^(\d+(\.\d*)?|\.\d+)$/.test(value)) throw new CliUsageError(`--${flag} must be a share from 0 to 1, such as 0.25, not "${value}"`);
	return Number(value);
}

function readRateLimit(value: string | undefined): RateLimit | true | undefined {
	if (value === undefined) return undefined;
	if (value === 'real') return true;
	const match = /^(\d{1,9})\/(\d{1,6})$/.exec(value);
	if (!match) throw new CliUsageError(`--rate-limit must be <calls>/<seconds> such as 5/5, or real, not "${value}"`);
	return { limit: Number(match[1]), windowMs: Number(match[2]) * 1000 };
}

/** The fault flags as the `faults` option, or `undefined` when none is given. */
function readFaults(values: Record<string, string | boolean | string[] | undefined>): FaultOptions | undefined {
	const text = (flag: string) => values[flag] as string | undefined;
	const faults = {
		seed: readInteger(text('fault-seed'), 'fault-seed'),
		latencyMs: readInteger(text('latency'), 'latency'),
		jitterMs: readInteger(text('jitter'), 'jitter'),
		retryAfterSeconds: readInteger(text('retry-after'), 'retry-after'),
		fail500: readShare(text('fail-500'), 'fail-500'),
		fail503: readShare(text('fail-503'), 'fail-503'),
		fail429: readShare(text('fail-429'), 'fail-429'),
		failReset: readShare(text('fail-reset'), 'fail-reset'),
		failHtml: readShare(text('fail-html'), 'fail-html'),
		failTruncated: readShare(text('fail-truncated'), 'fail-truncated'),
	};
	const given = Object.entries(faults).filter(([, value]) => value !== undefined);
	return given.length === 0 ? undefined : Object.fromEntries(given);
}

/** The flags that configure fault injection, by the option each one sets. */
export const FAULT_FLAGS = {
	seed: '--fault-seed',
	latencyMs: '--latency',
	jitterMs: '--jitter',
	retryAfterSeconds: '--retry-after',
	fail500: '--fail-500',
	fail503: '--fail-503',
	fail429: '--fail-429',
	failReset: '--fail-reset',
	failHtml: '--fail-html',
	failTruncated: '--fail-truncated',
} as const;

/** Reads the command line; throws {@link CliUsageError} for unknown flags, missing values and bad ports. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
	let values;
	try {
		({ values } = parseArgs({
			args: [...argv],
			strict: true,
			allowPositionals: false,
			options: {
				port: { type: 'string' },
				host: { type: 'string' },
				'client-app-id': { type: 'string' },
				'client-token': { type: 'string' },
				'app-id': { type: 'string' },
				'app-token': { type: 'string' },
				'allowed-origin': { type: 'string', multiple: true },
				fixtures: { type: 'string' },
				customers: { type: 'string' },
				data: { type: 'string' },
				'rate-limit': { type: 'string' },
				'request-timeout': { type: 'string' },
				'job-delay': { type: 'string' },
				'headers-timeout': { type: 'string' },
				...Object.fromEntries(Object.values(FAULT_FLAGS).map((flag) => [flag.slice(2), { type: 'string' } as const])),
				help: { type: 'boolean', short: 'h' },
			},
		}));
	} catch (error) {
		throw new CliUsageError(error instanceof Error ? error.message : String(error));
	}
	if (values.help) return { kind: 'help' };
	const host = values.host ?? MOCK_DEFAULTS.host;
	if (host.trim() === '') throw new CliUsageError('--host must not be empty');
	const optional = {
		clientApplicationId: values['client-app-id'],
		clientToken: values['client-token'],
		applicationId: values['app-id'],
		secretKey: values['app-token'],
		allowedOrigins: values['allowed-origin'],
		fixturesFile: values.fixtures,
		customersFile: values.customers,
		dataFile: values.data,
		rateLimit: readRateLimit(values['rate-limit']),
		requestTimeoutMs: readInteger(values['request-timeout'], 'request-timeout'),
		headersTimeoutMs: readInteger(values['headers-timeout'], 'headers-timeout'),
		jobDelayMs: readInteger(values['job-delay'], 'job-delay'),
		faults: readFaults(values),
	};
	return {
		kind: 'serve',
		port: readPort(values.port),
		host,
		...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
	};
}
