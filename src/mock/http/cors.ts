/** Request headers a browser may send to client routes; each one is why the browser preflights. */
export const CORS_ALLOWED_HEADERS = [
	'X-Client-Application-Id',
	'X-Client-Token',
	'X-Voucherify-Channel',
	'X-Voucherify-Double-Opt-In',
	'Content-Type',
	'Accept',
] as const;

/** Methods client routes answer. */
export const CORS_ALLOWED_METHODS = 'GET, POST, PUT, DELETE, OPTIONS';

/** How long a browser may cache a preflight answer. */
export const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** Answer headers the SDK reads, so scripts may read them (the CORS-safelisted ones need no listing). */
export const CORS_EXPOSED_HEADERS = ['Retry-After'] as const;

/**
 * CORS headers for an answer to `origin` (`null`: no `Origin` header): the origin echoed (never `*`,
 * so credentialed calls work), `Vary: Origin` for caches, and the headers the SDK reads exposed.
 */
export function corsHeadersForOrigin(origin: string | null): Record<string, string> {
	return {
		Vary: 'Origin',
		...(origin === null
			? {}
			: {
					'Access-Control-Allow-Origin': origin,
					'Access-Control-Allow-Credentials': 'true',
					'Access-Control-Expose-Headers': CORS_EXPOSED_HEADERS.join(', '),
				}),
	};
}

/** CORS headers for a client-route answer to `request`. */
export const corsHeaders = (request: Request): Record<string, string> => corsHeadersForOrigin(request.headers.get('origin'));

/** The answer to an `OPTIONS` preflight. */
export const preflightHeaders = (request: Request): Record<string, string> => ({
	...corsHeaders(request),
	'Access-Control-Allow-Methods': CORS_ALLOWED_METHODS,
	'Access-Control-Allow-Headers': CORS_ALLOWED_HEADERS.join(', '),
	'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
});
