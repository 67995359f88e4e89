/**
 * Fault injection of the mock API: what goes wrong, how often, and from which seed. Off unless given.
 * Every share is a number from 0 to 1 of the client calls; the shares together are at most 1, so one
 * draw per call picks at most one fault.
 */
export interface FaultOptions {
	/** Seeds the draws, so a run can be reproduced. @default a random seed per instance */
	readonly seed?: number;
	/** Milliseconds every client call waits before it is answered. @default 0 */
	readonly latencyMs?: number;
	/** Up to this many milliseconds more, drawn per call (uniformly, from the seed). @default 0 */
	readonly jitterMs?: number;
	/** Share answered `500 internal_error` with the contract's error body. @default 0 */
	readonly fail500?: number;
	/** Share answered `503 service_unavailable` with the error body and `Retry-After`. @default 0 */
	readonly fail503?: number;
	/** Share answered `429 too_many_requests` with `Retry-After`, like the real rate limit. @default 0 */
	readonly fail429?: number;
	/** The `Retry-After` of injected 429 and 503 answers, in whole seconds. @default 1 */
	readonly retryAfterSeconds?: number;
	/**
	 * Share whose connection is reset mid-response: over `start()` the status line, the headers and
	 * part of the body are written, then the socket is destroyed; under msw the call fails with a
	 * network error (`HttpResponse.error()`). @default 0
	 */
	readonly failReset?: number;
	/** Share answered by a proxy's HTML `502 Bad Gateway` page instead of JSON. @default 0 */
	readonly failHtml?: number;
	/** Share answered `200` with a JSON body cut short (complete HTTP, unparseable JSON). @default 0 */
	readonly failTruncated?: number;
}

/** The faults a draw can pick, in the order their shares are laid out on [0, 1). */
export const FAULT_KINDS = ['500', '503', '429', 'reset', 'html', 'truncated'] as const;

/** One injected fault. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** The option that sets the share of each fault. */
export const SHARE_OPTION: Readonly<Record<FaultKind, keyof FaultOptions & `fail${string}`>> = {
	'500': 'fail500',
	'503': 'fail503',
	'429': 'fail429',
	reset: 'failReset',
	html: 'failHtml',
	truncated: 'failTruncated',
};

/** The fault options with every default filled in and every value checked. */
export interface ResolvedFaults {
	readonly seed: number;
	readonly latencyMs: number;
	readonly jitterMs: number;
	readonly retryAfterSeconds: number;
	readonly shares: Readonly<Record<FaultKind, number>>;
}

/** Timers cannot wait longer than this (about 24.8 days). */
const MAX_DELAY_MS = 2_147_483_647;

const fail = (name: string, expectation: string): TypeError => new TypeError(`The \`faults.${name}\` option must be ${expectation}`);

function wholeNumber(value: unknown, name: string, fallback: number, max = MAX_DELAY_MS): number {
	if (value === undefined) return fallback;
	if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > max) throw fail(name, `a whole number from 0 to ${max}`);
	return value;
}

function share(value: unknown, name: string): number {
	if (value === undefined) return 0;
	if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw fail(name, 'a number from 0 to 1');
	return value;
}

/** A random seed, drawn when an instance is created (never at import). */
const randomSeed = (): number => globalThis.crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;

/** Validates the fault options early, naming the offending one. */
export function normalizeFaults(value: unknown): ResolvedFaults {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError('The `faults` option must be an object');
	const options = value as FaultOptions;
	const known = new Set<string>(['seed', 'latencyMs', 'jitterMs', 'retryAfterSeconds', ...Object.values(SHARE_OPTION)]);
	const unknown = Object.keys(options).find((name) => !known.has(name));
	if (unknown !== undefined) throw new TypeError(`The \`faults\` option has no \`${unknown}\`; it takes ${[...known].join(', ')}`);
	if (options.seed !== undefined && (typeof options.seed !== 'number' || !Number.isSafeInteger(options.seed))) throw fail('seed', 'an integer');
	const shares = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, share(options[SHARE_OPTION[kind]], SHARE_OPTION[kind])])) as Record<FaultKind, number>;
	const total = FAULT_KINDS.reduce((sum, kind) => sum + shares[kind], 0);
	// A little slack for shares such as 0.1 + 0.2 + 0.7, whose float sum is 1.0000000000000002.
	if (total > 1 + 1e-9) throw new TypeError(`The \`faults\` shares (${Object.values(SHARE_OPTION).join(', ')}) must add up to at most 1, not ${Number(total.toFixed(6))}`);
	return {
		seed: options.seed ?? randomSeed(),
		latencyMs: wholeNumber(options.latencyMs, 'latencyMs', 0),
		jitterMs: wholeNumber(options.jitterMs, 'jitterMs', 0),
		retryAfterSeconds: wholeNumber(options.retryAfterSeconds, 'retryAfterSeconds', 1, 86_400),
		shares,
	};
}
