import { ApiError } from './api-error';

/** How many client calls a window allows. */
export interface RateLimit {
	readonly limit: number;
	readonly windowMs: number;
}

/** Counts client calls in fixed windows; throws the 429 of CONTRACT §1 when a window is full. */
export interface RateLimiter {
	take(): void;
	/** Starts a fresh window. */
	reset(): void;
}

/** The real API allows 5 client calls per 5 s per IP; the mock counts all client calls to one instance. */
export function createRateLimiter({ limit, windowMs }: RateLimit, now: () => number): RateLimiter {
	let windowStart = Number.NEGATIVE_INFINITY;
	let used = 0;
	return {
		take() {
			const time = now();
			if (time - windowStart >= windowMs) {
				windowStart = time;
				used = 0;
			}
			used += 1;
			if (used <= limit) return;
			const retryAfter = Math.max(1, Math.ceil((windowStart + windowMs - time) / 1000));
			throw new ApiError(
				429,
				'too_many_requests',
				'Too many requests hit the API too quickly.',
				`At most ${limit} client calls per ${windowMs} ms; retry in ${retryAfter} s`,
				{},
				{ 'Retry-After': String(retryAfter) },
			);
		},
		reset() {
			windowStart = Number.NEGATIVE_INFINITY;
			used = 0;
		},
	};
}
