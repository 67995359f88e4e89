/** Ends a hold on the lock. */
export type Release = () => void;

/**
One id-issuing call at a time for every tab, window and SDK client of an origin that share a cookie name, so N tabs
opened at once get one tracking id (CONTRACT §3a).
*/
export type VisitorLock = {
	/**
	Resolves with a `Release` once this page holds the lock. After `waitMs` (the call's timeout) it stops waiting and
	resolves unlocked, so a stuck tab cannot block a shopper; it rejects with the reason when `signal` aborts.
	*/
	acquire(signal: AbortSignal | undefined, waitMs: number): Promise<Release>;
};

/** What the lock needs of the Web Locks API (`navigator.locks`). */
export type LockManagerLike = {
	request(name: string, options: { signal: AbortSignal }, callback: () => Promise<void>): Promise<unknown>;
};

const PAGE_LOCKS = Symbol.for('voucherify.visitorLocks');
const unlocked: Release = () => undefined;

/**
Where the Web Locks API is missing (browsers before 2022, pages that are not a secure context): one queue per name
shared by every client of this page through a registered global symbol, so clients on one page still converge. Other
tabs are not covered there: a documented best effort.
*/
function pageLocks(): LockManagerLike {
	const scope = globalThis as unknown as Record<symbol, Map<string, Promise<unknown>> | undefined>;
	const queues = (scope[PAGE_LOCKS] ??= new Map());
	return {
		request(name, { signal }, callback) {
			const held = (queues.get(name) ?? Promise.resolve()).then(() => {
				if (signal.aborted) throw signal.reason;
				return callback();
			});
			queues.set(
				name,
				held.catch(() => undefined),
			);
			return held;
		},
	};
}

const webLocks = (): LockManagerLike | undefined =>
	typeof navigator === 'undefined' ? undefined : (navigator as { locks?: LockManagerLike }).locks;

export function createVisitorLock(name: string, locks: LockManagerLike = webLocks() ?? pageLocks()): VisitorLock {
	return {
		acquire(signal, waitMs) {
			return new Promise<Release>((resolve, reject) => {
				const request = new AbortController();
				let settled = false;
				const settle = (outcome: () => void) => {
					if (settled) return;
					settled = true;
					clearTimeout(timer);
					signal?.removeEventListener('abort', onAbort);
					outcome();
				};
				const onAbort = () => {
					request.abort();
					settle(() => reject(signal?.reason));
				};
				const timer = setTimeout(() => {
					request.abort();
					settle(() => resolve(unlocked));
				}, waitMs);
				if (signal?.aborted) return onAbort();
				signal?.addEventListener('abort', onAbort, { once: true });
				locks
					.request(name, { signal: request.signal }, () => new Promise<void>((release) => (settled ? release() : settle(() => resolve(release)))))
					// Refused (an opaque-origin frame) or given up: proceed unlocked.
					.catch(() => settle(() => resolve(unlocked)));
			});
		},
	};
}
