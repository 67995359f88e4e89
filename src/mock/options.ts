import { isDomainError } from './domain/shared/errors.js';
import type { VoucherDefinition } from './domain/vouchers/voucher.js';
import { normalizeFaults, type FaultOptions, type ResolvedFaults } from './faults/options.js';
import { DEFAULT_VOUCHERS } from './fixtures.js';
import type { ApiKeys } from './http/auth.js';
import type { ClientCall } from './http/fault-answers.js';
import { parseOriginPattern, type OriginPattern } from './http/origins.js';
import { REAL_RATE_LIMIT, type RateLimit } from './http/rate-limiter.js';
import { bodyReader } from './input/reader.js';
import { readVoucherDefinition } from './input/voucher-definition.js';

/**
 * Options of {@link createMockApi}. All optional: the defaults ({@link MOCK_DEFAULTS}) let the demo
 * and the SDK's tests run with no setup.
 */
export interface MockApiOptions {
	/** @default 'mock-client-app-id' */
	readonly clientApplicationId?: string;
	/** @default 'mock-client-token' */
	readonly clientToken?: string;
	/** The server-side application id (`X-App-Id`). @default 'mock-app-id' */
	readonly applicationId?: string;
	/** The server-side secret key (`X-App-Token`). @default 'mock-app-token' */
	readonly secretKey?: string;
	/**
	 * Origins client routes accept: `shop.com` (that host, any scheme and port), `.shop.com` (its
	 * subdomains), `https://shop.com:8443` (exactly that origin) or `*`. Requests without an `Origin`
	 * header are always accepted.
	 * @default ['localhost', '127.0.0.1']
	 */
	readonly allowedOrigins?: readonly string[];
	/** The voucher fixtures, replacing the defaults. @default DEFAULT_VOUCHERS */
	readonly vouchers?: readonly VoucherDefinition[];
	/**
	 * A JSON snapshot the state is loaded from on start; every change is appended, fsynced, to
	 * `<dataFile>.journal` before it is answered, and the journal is folded into the snapshot at start
	 * and whenever it outgrows it. A change costs what it changed, not what is stored.
	 */
	readonly dataFile?: string;
	/**
	 * Limits client calls to `limit` per `windowMs` per client address, answering 429 with
	 * `Retry-After`; `true` is the real API's 5 calls per 5 s per IP. The address is the socket's over
	 * `start()`, the first `X-Forwarded-For` entry (else `unknown`) under msw. Off by default.
	 */
	readonly rateLimit?: RateLimit | true;
	/** Latency, error answers, 429s, resets and broken bodies on client routes, from a seed. Off by default. */
	readonly faults?: FaultOptions;
	/** Servers from `start()` close a request not fully received in this time (`408`). @default 10000 */
	readonly requestTimeoutMs?: number;
	/** Servers from `start()` close a request whose headers are not received in this time (`408`); at most `requestTimeoutMs`. @default 5000 */
	readonly headersTimeoutMs?: number;
	/** Told of every client call as it arrives (its address and injected fault), e.g. to count calls in a test. */
	readonly onClientCall?: (call: ClientCall) => void;
	/**
	 * Which URLs the exported `handlers` answer, e.g. `https://api.voucherify.io`. `*` answers any
	 * host. Servers from `start()` always answer their own URL.
	 * @default '*'
	 */
	readonly baseUrl?: string;
	/** The largest request body accepted; larger ones get `400 invalid_payload`. @default 65536 */
	readonly bodyLimitBytes?: number;
	/**
	 * How long an async action or an export reports itself pending (`IN_PROGRESS`, `SCHEDULED`) before `DONE`, in
	 * milliseconds. Creation always answers pending, as the live API does. @default 0
	 */
	readonly jobDelayMs?: number;
}

/**
 * The documented defaults. The demo and the SDK's tests rely on these exact values.
 *
 * @example
 * ```ts
 * import { MOCK_DEFAULTS } from 'voucherify-browser/mock';
 * createClient({ clientApplicationId: MOCK_DEFAULTS.clientApplicationId, clientToken: MOCK_DEFAULTS.clientToken, apiUrl: 'http://127.0.0.1:4010' });
 * ```
 */
export const MOCK_DEFAULTS = Object.freeze({
	clientApplicationId: 'mock-client-app-id',
	clientToken: 'mock-client-token',
	applicationId: 'mock-app-id',
	secretKey: 'mock-app-token',
	port: 4010,
	host: '127.0.0.1',
	allowedOrigins: Object.freeze(['localhost', '127.0.0.1']) as readonly string[],
	bodyLimitBytes: 65_536,
	baseUrl: '*',
	requestTimeoutMs: 10_000,
	headersTimeoutMs: 5000,
	jobDelayMs: 0,
});

/** The options with every default filled in and every value checked. */
export interface ResolvedOptions {
	readonly keys: ApiKeys;
	readonly allowedOrigins: readonly OriginPattern[];
	readonly vouchers: readonly VoucherDefinition[];
	readonly dataFile: string | undefined;
	readonly rateLimit: RateLimit | undefined;
	readonly baseUrl: string;
	readonly bodyLimitBytes: number;
	readonly faults: ResolvedFaults | undefined;
	readonly requestTimeoutMs: number;
	readonly headersTimeoutMs: number;
	readonly onClientCall: ((call: ClientCall) => void) | undefined;
	readonly jobDelayMs: number;
}

const fail = (name: string, expectation: string): TypeError => new TypeError(`The \`${name}\` option must be ${expectation}`);

function text(options: MockApiOptions, name: keyof MockApiOptions & string, fallback: string): string {
	const value = options[name] ?? fallback;
	if (typeof value !== 'string' || value.trim() === '') throw fail(name, 'a non-empty string');
	return value;
}

function positiveInteger(value: unknown, name: string): number {
	if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw fail(name, 'a positive integer');
	return value;
}

function nonNegativeInteger(value: unknown, name: string): number {
	if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw fail(name, 'a whole number of 0 or more');
	return value;
}

function readFixtures(vouchers: unknown): VoucherDefinition[] {
	if (!Array.isArray(vouchers)) throw fail('vouchers', 'an array of voucher definitions');
	const definitions = vouchers.map((voucher, index) => {
		try {
			const definition = readVoucherDefinition(bodyReader, voucher, `vouchers[${index}]`);
			if (definition.code === undefined) throw fail(`vouchers[${index}].code`, 'a non-empty string');
			return definition;
		} catch (error) {
			if (isDomainError(error)) throw new TypeError(`The \`vouchers\` option is invalid: ${error.details}`, { cause: error });
			throw error;
		}
	});
	const codes = definitions.map((definition) => definition.code);
	const repeated = codes.find((code, index) => codes.indexOf(code) !== index);
	if (repeated !== undefined) throw new TypeError(`The \`vouchers\` option lists the code ${repeated} more than once`);
	return definitions;
}

function readOrigins(value: unknown): OriginPattern[] {
	if (!Array.isArray(value)) throw fail('allowedOrigins', 'an array of strings');
	return value.map((pattern) => {
		const parsed = typeof pattern === 'string' ? parseOriginPattern(pattern) : undefined;
		if (!parsed) throw fail('allowedOrigins', `a list of \`*\`, hosts (\`shop.com\`), \`.shop.com\` or origins; got ${JSON.stringify(pattern)}`);
		return parsed;
	});
}

function readRateLimit(value: unknown): RateLimit | undefined {
	if (value === undefined) return undefined;
	if (value === true) return REAL_RATE_LIMIT;
	if (typeof value !== 'object' || value === null) throw fail('rateLimit', 'true or an object `{limit, windowMs}`');
	const { limit, windowMs } = value as RateLimit;
	return { limit: positiveInteger(limit, 'rateLimit.limit'), windowMs: positiveInteger(windowMs, 'rateLimit.windowMs') };
}

/** Validates the options early, naming the offending one. */
export function normalizeOptions(options: MockApiOptions = {}): ResolvedOptions {
	if (typeof options !== 'object' || options === null) throw new TypeError('The options of createMockApi must be an object');
	if (options.dataFile !== undefined && (typeof options.dataFile !== 'string' || options.dataFile === '')) throw fail('dataFile', 'a file path');
	if (options.onClientCall !== undefined && typeof options.onClientCall !== 'function') throw fail('onClientCall', 'a function');
	const requestTimeoutMs = positiveInteger(options.requestTimeoutMs ?? MOCK_DEFAULTS.requestTimeoutMs, 'requestTimeoutMs');
	const headersTimeoutMs = positiveInteger(options.headersTimeoutMs ?? Math.min(MOCK_DEFAULTS.headersTimeoutMs, requestTimeoutMs), 'headersTimeoutMs');
	// Node refuses a headers timeout longer than the request timeout.
	if (headersTimeoutMs > requestTimeoutMs) throw fail('headersTimeoutMs', `at most requestTimeoutMs (${requestTimeoutMs})`);
	return {
		keys: {
			clientApplicationId: text(options, 'clientApplicationId', MOCK_DEFAULTS.clientApplicationId),
			clientToken: text(options, 'clientToken', MOCK_DEFAULTS.clientToken),
			applicationId: text(options, 'applicationId', MOCK_DEFAULTS.applicationId),
			secretKey: text(options, 'secretKey', MOCK_DEFAULTS.secretKey),
		},
		allowedOrigins: readOrigins(options.allowedOrigins ?? MOCK_DEFAULTS.allowedOrigins),
		vouchers: readFixtures(options.vouchers ?? DEFAULT_VOUCHERS),
		dataFile: options.dataFile,
		rateLimit: readRateLimit(options.rateLimit),
		baseUrl: text(options, 'baseUrl', MOCK_DEFAULTS.baseUrl).replace(/\/+$/, ''),
		bodyLimitBytes: positiveInteger(options.bodyLimitBytes ?? MOCK_DEFAULTS.bodyLimitBytes, 'bodyLimitBytes'),
		faults: options.faults === undefined ? undefined : normalizeFaults(options.faults),
		requestTimeoutMs,
		headersTimeoutMs,
		onClientCall: options.onClientCall,
		jobDelayMs: nonNegativeInteger(options.jobDelayMs ?? MOCK_DEFAULTS.jobDelayMs, 'jobDelayMs'),
	};
}
