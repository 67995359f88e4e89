import { http, type HttpHandler } from 'msw';
import type { MockCore } from '../domain/mock-core.js';
import type { FaultInjector } from '../faults/injector.js';
import { parseQueryString, type QueryObject } from '../input/query-string.js';
import { ApiError, errorBody, toApiError } from './api-error.js';
import { assertClientKeys, assertServerKeys, type ApiKeys } from './auth.js';
import { corsHeaders } from './cors.js';
import { injectFault, type ClientCall } from './fault-answers.js';
import { readJsonBody } from './json-body.js';
import { isOriginAllowed, type OriginPattern } from './origins.js';
import type { RateLimiter } from './rate-limiter.js';
import type { Transport } from './transport.js';

/** What the HTTP layer of one mock works with. */
export interface HttpEnvironment {
	readonly core: MockCore;
	readonly keys: ApiKeys;
	readonly allowedOrigins: readonly OriginPattern[];
	readonly bodyLimitBytes: number;
	readonly rateLimiter?: RateLimiter;
	/** The fault injection in force, if any; it can be replaced while the mock runs. */
	readonly faults: () => FaultInjector | undefined;
	/** Told of every client call as it arrives, before faults, checks or the domain. */
	readonly onClientCall?: (call: ClientCall) => void;
	/** Where unexpected errors go; they never reach the caller. */
	readonly logError: (error: unknown) => void;
	/** Back to the fixtures, with a fresh rate-limit window and the fault sequence started over. */
	readonly reset: () => void;
}

/** A handler's view of the request. */
export interface RouteRequest {
	readonly request: Request;
	/** Path parameters, percent-decoded. */
	readonly path: Readonly<Record<string, string>>;
	/** The query in the client API's bracket grammar. */
	readonly query: QueryObject;
	/** The JSON object body, size-limited. */
	json(): Promise<Record<string, unknown>>;
}

/** A handler's answer: a status and a JSON body (none for 204). */
export interface Reply {
	readonly status: number;
	readonly body?: unknown;
}

/** `200` with a JSON body. */
export const ok = (body: unknown): Reply => ({ status: 200, body });
/** `204`, no body. */
export const noContent = (): Reply => ({ status: 204 });

type Answer = (input: RouteRequest) => Reply | Promise<Reply>;
type Method = 'get' | 'post' | 'put' | 'delete';

/** Which keys a route takes: client routes are also origin-checked, CORS-enabled and rate limited. */
export type RouteKind = 'client' | 'server' | 'control';

/** Builds a JSON response; `headers` come first so nothing can override the content type. */
export function jsonResponse(reply: Reply, headers: Readonly<Record<string, string>>): Response {
	if (reply.body === undefined) return new Response(null, { status: reply.status, headers });
	return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } });
}

/** The error answer for any thrown value, with the request's CORS headers when it is a client call. */
export function errorResponse(env: HttpEnvironment, error: unknown, cors: Readonly<Record<string, string>>): Response {
	const apiError = toApiError(error);
	if (apiError.status >= 500) env.logError(error);
	return jsonResponse({ status: apiError.status, body: errorBody(apiError, env.core.ids.requestId()) }, { ...cors, ...apiError.headers });
}

const stringParams = (params: Record<string, string | readonly string[] | undefined>): Record<string, string> =>
	Object.fromEntries(Object.entries(params).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : [])));

/**
Whether the path holds a malformed percent-escape (`/customers/%E0%A4%A`). msw 2 matches no route then; msw 3 matches
with the raw text as the parameter. Both must answer as for an unknown path, so such a request skips every route.
*/
const hasMalformedPath = (request: Request): boolean => {
	try {
		decodeURIComponent(new URL(request.url).pathname);
		return false;
	} catch {
		return true;
	}
};

/** Runs the checks of a route kind: origin, keys and rate limit for client routes, keys for server routes. */
function guard(env: HttpEnvironment, transport: Transport, kind: RouteKind, request: Request): void {
	if (kind === 'control') return;
	if (kind === 'server') return assertServerKeys(request.headers, env.keys);
	const origin = request.headers.get('origin');
	// No Origin: a server, a test or the official SDK in Node, not a browser. The real API is stricter.
	if (origin !== null && !isOriginAllowed(origin, env.allowedOrigins)) {
		throw new ApiError(403, 'forbidden_origin', 'Forbidden origin', `The origin ${origin} is not on the allowed origins of this project`);
	}
	assertClientKeys(request.headers, env.keys);
	env.rateLimiter?.take(transport.clientAddress(request));
}

/**
 * Makes msw handlers whose answers follow one pipeline: injected faults (client routes only), guard,
 * parse, answer, and every failure as the error body.
 */
export function createRouter(env: HttpEnvironment, baseUrl: string, transport: Transport) {
	const prefixes: Record<RouteKind, string> = { client: '/client/v1', server: '/v1', control: '/__mock' };
	const route =
		(kind: RouteKind) =>
		(method: Method, path: string, answer: Answer): HttpHandler =>
			http[method](`${baseUrl}${prefixes[kind]}${path}`, async ({ request, params }) => {
				// No answer: msw goes on to the next handler, and the unknown-path answer in the end.
				if (hasMalformedPath(request)) return undefined;
				const cors = kind === 'server' ? {} : corsHeaders(request);
				try {
					const fault = kind === 'client' ? await injectFault(env, transport, request, cors) : undefined;
					if (fault) return fault;
					guard(env, transport, kind, request);
					const reply = await answer({
						request,
						path: stringParams(params),
						query: parseQueryString(new URL(request.url).search),
						json: () => readJsonBody(request, env.bodyLimitBytes),
					});
					return jsonResponse(reply, cors);
				} catch (error) {
					return errorResponse(env, error, cors);
				}
			});
	return { client: route('client'), server: route('server'), control: route('control'), baseUrl };
}

/** Route builders per kind: `router.client(method, path, answer)`. */
export type Router = ReturnType<typeof createRouter>;
