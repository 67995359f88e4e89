import { ApiError } from './api-error.js';

/** How many client calls one client address may make per window. */
export interface RateLimit {
	readonly limit: number;
	readonly windowMs: number;
}

/** The real API's client-side limit (CONTRACT §1): 5 calls per 5 s per IP. `rateLimit: true` picks it. */
export const REAL_RATE_LIMIT: RateLimit = Object.freeze({ limit: 5, windowMs: 5000 });

/** Counts client calls per address in fixed windows; throws the 429 of CONTRACT §1 when a window is full. */
export interface RateLimiter {
	take(address: string): void;
	/** Starts a fresh window for every address. */
	reset(): void;
}

/** Past this many tracked addresses, those whose window has ended are forgotten. */
const SWEEP_AT = 1024;

/** One fixed window per client address, like the real API's per-IP limit. */
export function createRateLimiter({ limit, windowMs }: RateLimit, now: () => number): RateLimiter {
	const windows = new Map<string, { start: number; used: number }>();
	const sweep = (time: number) => {
		for (const [address, window] of windows) if (time - window.start >= windowMs) windows.delete(address);
	};
	return {
		take(address) {
			const time = now();
			let window = windows.get(address);
			if (!window || time - window.start >= windowMs) {
				if (!window && windows.size >= SWEEP_AT) sweep(time);
				window = { start: time, used: 0 };
				windows.set(address, window);
			}
			window.used += 1;
			if (window.used <= limit) return;
			const retryAfter = Math.max(1, Math.ceil((window.start + windowMs - time) / 1000));
			throw tooManyRequests(`At most ${limit} client calls per ${windowMs} ms from one address; retry in ${retryAfter} s`, retryAfter);
		},
		reset() {
			windows.clear();
		},
	};
}

/** The 429 of CONTRACT §1, with `Retry-After` in seconds. */
export const tooManyRequests = (details: string, retryAfterSeconds: number): ApiError =>
	new ApiError(429, 'too_many_requests', 'Too many requests hit the API too quickly.', details, {}, { 'Retry-After': String(retryAfterSeconds) });
