import { isDomainError } from './domain/errors';
import type { VoucherDefinition } from './domain/voucher';
import { DEFAULT_VOUCHERS } from './fixtures';
import type { ApiKeys } from './http/auth';
import { parseOriginPattern, type OriginPattern } from './http/origins';
import type { RateLimit } from './http/rate-limiter';
import { bodyReader } from './input/reader';
import { readVoucherDefinition } from './input/voucher-definition';

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
	/** A JSON file the state is loaded from on start and saved to, atomically, after every change. */
	readonly dataFile?: string;
	/** Limits client calls to `limit` per `windowMs` (answering 429 with `Retry-After`). Off by default. */
	readonly rateLimit?: RateLimit;
	/**
	 * Which URLs the exported `handlers` answer, e.g. `https://api.voucherify.io`. `*` answers any
	 * host. Servers from `start()` always answer their own URL.
	 * @default '*'
	 */
	readonly baseUrl?: string;
	/** The largest request body accepted; larger ones get `400 invalid_payload`. @default 65536 */
	readonly bodyLimitBytes?: number;
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

function readFixtures(vouchers: unknown): VoucherDefinition[] {
	if (!Array.isArray(vouchers)) throw fail('vouchers', 'an array of voucher definitions');
	const definitions = vouchers.map((voucher, index) => {
		try {
			const definition = readVoucherDefinition(bodyReader, voucher, `vouchers[${index}]`);
			if (definition.code === undefined) throw fail(`vouchers[${index}].code`, 'a non-empty string');
			return definition;
		} catch (error) {
			if (isDomainError(error)) throw new TypeError(`The \`vouchers\` option is invalid: ${error.details}`);
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

/** Validates the options early, naming the offending one. */
export function normalizeOptions(options: MockApiOptions = {}): ResolvedOptions {
	if (typeof options !== 'object' || options === null) throw new TypeError('The options of createMockApi must be an object');
	const rateLimit = options.rateLimit;
	if (rateLimit !== undefined && (typeof rateLimit !== 'object' || rateLimit === null)) throw fail('rateLimit', 'an object `{limit, windowMs}`');
	if (options.dataFile !== undefined && (typeof options.dataFile !== 'string' || options.dataFile === '')) throw fail('dataFile', 'a file path');
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
		rateLimit: rateLimit && { limit: positiveInteger(rateLimit.limit, 'rateLimit.limit'), windowMs: positiveInteger(rateLimit.windowMs, 'rateLimit.windowMs') },
		baseUrl: text(options, 'baseUrl', MOCK_DEFAULTS.baseUrl).replace(/\/+$/, ''),
		bodyLimitBytes: positiveInteger(options.bodyLimitBytes ?? MOCK_DEFAULTS.bodyLimitBytes, 'bodyLimitBytes'),
	};
}
