/**
 * What the handlers need from whatever carries their requests: msw's interception, or the mock's own
 * `node:http` server. Only the per-IP rate limit and the connection-reset fault depend on it.
 */
export interface Transport {
	/** The caller's address, the key of the per-IP rate limit. */
	clientAddress(request: Request): string;
	/** Turns a prepared answer into one whose connection drops mid-response. */
	resetMidResponse(answer: Response): Response;
}

/** The address when a request names none. */
export const UNKNOWN_ADDRESS = 'unknown';

/**
 * Under msw there is no socket: the caller is the first `X-Forwarded-For` entry (so a test can play
 * several clients), else `unknown`; and a reset can only be a network error.
 */
export const MSW_TRANSPORT: Transport = Object.freeze({
	clientAddress: (request: Request) => request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || UNKNOWN_ADDRESS,
	resetMidResponse: () => Response.error(),
});
