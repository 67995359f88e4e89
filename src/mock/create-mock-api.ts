import type { RequestHandler } from 'msw';
import type { Activity } from './domain/tracking/activity.js';
import type { ImportResult } from './domain/import-export/async-actions.js';
import { createMockCore, type MockCore } from './domain/mock-core.js';
import type { Customer } from './domain/customers/customer.js';
import { createIdSource } from './domain/shared/ids.js';
import type { MockStateSnapshot } from './domain/shared/state.js';
import type { Voucher } from './domain/vouchers/voucher.js';
import { createFaultInjector, type FaultInjector } from './faults/injector.js';
import { normalizeFaults, type FaultOptions } from './faults/options.js';
import { DEFAULT_CAMPAIGNS, DEFAULT_CONSENTS } from './fixtures.js';
import { ApiError, errorBody } from './http/api-error.js';
import { corsHeaders, corsHeadersForOrigin } from './http/cors.js';
import { createApiHandlers, createServerOnlyHandlers, notFoundError } from './http/handlers.js';
import { isOriginAllowed } from './http/origins.js';
import { createRateLimiter } from './http/rate-limiter.js';
import { errorResponse, type HttpEnvironment } from './http/router.js';
import { MOCK_DEFAULTS, normalizeOptions, type MockApiOptions } from './options.js';
import { openStateStore } from './persistence/state-store.js';
import { NODE_TRANSPORT } from './server/connection.js';
import { HEADER_LIMIT_BYTES, startNodeServer, type RunningMockServer } from './server/node-server.js';

/** Where `start()` listens. */
export interface StartOptions {
	/** `0` picks any free port. @default 4010 */
	readonly port?: number;
	/** @default '127.0.0.1' */
	readonly host?: string;
}

/** One mock Voucherify API: its msw handlers, a way to serve them over HTTP, and its state. */
export interface MockApi {
	/** msw handlers for `setupServer(...api.handlers)` (or `setupWorker`). They share this instance's state. */
	readonly handlers: readonly RequestHandler[];
	/**
	 * Serves the same API over `node:http`, plus `POST /__mock/reset` and a 404 for every other path.
	 * May be called more than once; all servers share the state.
	 */
	start(options?: StartOptions): Promise<RunningMockServer>;
	/**
	 * Restores the voucher fixtures, forgets customers, activity and publications, starts a fresh
	 * rate-limit window and starts the fault sequence over from its seed.
	 */
	reset(): void;
	/**
	 * Replaces the fault injection while the mock runs (`undefined` turns it off), with the same
	 * checks as the `faults` option. The new sequence starts from its seed.
	 */
	setFaults(faults: FaultOptions | undefined): void;
	/** A deep copy of the whole state, as `dataFile` stores it. */
	snapshot(): MockStateSnapshot;
	/** A copy of the customer with this id or source_id, if there is one. */
	getCustomer(idOrSourceId: string): Customer | undefined;
	/** A copy of the voucher with this code, if there is one. */
	getVoucher(code: string): Voucher | undefined;
	/** A copy of the activity recorded under a tracking id no customer owns yet, oldest first. */
	anonymousActivity(trackingId: string): Activity[];
	/**
	 * Imports customers from CSV text as `POST /v1/customers/importCSV` does, and answers the per-line
	 * result. Throws a `DomainError` (`invalid_payload`) for a file that is not a customer import at all.
	 */
	importCustomersCsv(csv: string): ImportResult;
}

const attempt = <T>(read: () => T): T | undefined => {
	try {
		return structuredClone(read());
	} catch {
		return undefined;
	}
};

/** The error a request too malformed or too slow to reach a handler gets, written by the server itself. */
function malformedRequestError(status: number): ApiError {
	if (status === 408) return new ApiError(408, 'request_timeout', 'Request timeout', 'The request was not received in time (requestTimeoutMs / headersTimeoutMs)');
	if (status === 431) {
		return new ApiError(431, 'invalid_payload', 'Request header fields too large', `The URL and headers exceed ${HEADER_LIMIT_BYTES} bytes; send fewer query parameters (or use POST /validations)`);
	}
	return new ApiError(status, 'invalid_payload', 'Malformed HTTP request', 'The request could not be parsed as HTTP/1.1');
}

function assertStartOptions({ port, host }: { port: unknown; host: unknown }): void {
	if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65_535) throw new TypeError('The `port` option must be an integer from 0 to 65535');
	if (typeof host !== 'string' || host === '') throw new TypeError('The `host` option must be a non-empty string');
}

/**
 * Creates a mock Voucherify API with its own state. Nothing listens until `start()`.
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { createMockApi } from 'voucherify-browser/mock';
 *
 * const api = createMockApi();
 * const server = setupServer(...api.handlers);
 * server.listen({ onUnhandledRequest: 'error' });
 * ```
 * @example
 * ```ts
 * const { url, close } = await createMockApi().start({ port: 0 });
 * ```
 */
export function createMockApi(options: MockApiOptions = {}): MockApi {
	const settings = normalizeOptions(options);
	const store = settings.dataFile === undefined ? undefined : openStateStore(settings.dataFile);
	const core: MockCore = createMockCore({
		catalog: { campaigns: DEFAULT_CAMPAIGNS, consents: DEFAULT_CONSENTS },
		vouchers: settings.vouchers,
		ids: createIdSource(),
		now: () => new Date(),
		jobDelayMs: settings.jobDelayMs,
		...(store?.loaded ? { initialState: store.loaded } : {}),
		...(store ? { store } : {}),
	});

	const rateLimiter = settings.rateLimit && createRateLimiter(settings.rateLimit, Date.now);
	let faults: FaultInjector | undefined = settings.faults && createFaultInjector(settings.faults);
	const env: HttpEnvironment = {
		core,
		keys: settings.keys,
		allowedOrigins: settings.allowedOrigins,
		bodyLimitBytes: settings.bodyLimitBytes,
		...(rateLimiter ? { rateLimiter } : {}),
		faults: () => faults,
		...(settings.onClientCall ? { onClientCall: settings.onClientCall } : {}),
		logError: (error) => console.error('[voucherify] mock: a request failed unexpectedly', error),
		reset() {
			core.reset();
			rateLimiter?.reset();
			faults?.restart();
		},
	};

	return {
		handlers: createApiHandlers(env, settings.baseUrl),
		start({ port = MOCK_DEFAULTS.port, host = MOCK_DEFAULTS.host } = {}) {
			assertStartOptions({ port, host });
			return startNodeServer({
				port,
				host,
				bodyLimitBytes: settings.bodyLimitBytes,
				requestTimeoutMs: settings.requestTimeoutMs,
				headersTimeoutMs: settings.headersTimeoutMs,
				handlersFor: (url) => [...createApiHandlers(env, url, NODE_TRANSPORT), ...createServerOnlyHandlers(env, url, NODE_TRANSPORT)],
				fallback: (request) => errorResponse(env, notFoundError(request), corsHeaders(request)),
				refusal: (status, origin) => ({
					body: JSON.stringify(errorBody(malformedRequestError(status), core.ids.requestId())),
					headers: origin !== null && isOriginAllowed(origin, settings.allowedOrigins) ? corsHeadersForOrigin(origin) : {},
				}),
			});
		},
		reset: env.reset,
		setFaults(options) {
			faults = options === undefined ? undefined : createFaultInjector(normalizeFaults(options));
		},
		snapshot: () => core.snapshot(),
		getCustomer: (idOrSourceId) => attempt(() => core.getCustomer(idOrSourceId)),
		getVoucher: (code) => attempt(() => core.getVoucher(code)),
		anonymousActivity: (trackingId) => structuredClone([...core.anonymousActivity(trackingId)]),
		importCustomersCsv: (csv) => structuredClone(core.importCustomersCsv(csv).result),
	};
}
