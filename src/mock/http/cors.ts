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

/**
 * CORS headers for a client-route answer: the `Origin` echoed (never `*`, so credentialed calls work),
 * `Vary: Origin` for caches, and `Retry-After` readable by scripts.
 */
export function corsHeaders(request: Request): Record<string, string> {
	const origin = request.headers.get('origin');
	return {
		Vary: 'Origin',
		...(origin === null
			? {}
			: {
					'Access-Control-Allow-Origin': origin,
					'Access-Control-Allow-Credentials': 'true',
					'Access-Control-Expose-Headers': 'Retry-After',
				}),
	};
}

/** The answer to an `OPTIONS` preflight. */
export const preflightHeaders = (request: Request): Record<string, string> => ({
	...corsHeaders(request),
	'Access-Control-Allow-Methods': CORS_ALLOWED_METHODS,
	'Access-Control-Allow-Headers': CORS_ALLOWED_HEADERS.join(', '),
	'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
});
