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

type Queues = Map<string, Promise<unknown>>;

/**
Where the Web Locks API is missing (Firefox before 96, pages that are not a secure context): one queue per name,
shared by every client of the page through a registered global symbol, so clients on one page still converge. Other
tabs are not covered there: a documented best effort. An aborted request leaves the queue at once.
*/
const pageQueues = (): Queues => ((globalThis as unknown as Record<symbol, Queues | undefined>)[PAGE_LOCKS] ??= new Map());

export function queueLocks(queues: Queues): LockManagerLike {
	return {
		request(name, { signal }, callback) {
			const previous = queues.get(name) ?? Promise.resolve();
			const held = new Promise((resolve, reject) => {
				signal.addEventListener('abort', () => reject(signal.reason));
				void previous.then(() => {
					if (!signal.aborted) callback().then(resolve, reject);
				});
			});
			queues.set(
				name,
				previous.then(() => held).catch(() => undefined),
			);
			return held;
		},
	};
}

const webLocks = (): LockManagerLike | undefined =>
	typeof navigator === 'undefined' ? undefined : (navigator as { locks?: LockManagerLike }).locks;

export function createVisitorLock(name: string, locks: LockManagerLike = webLocks() ?? queueLocks(pageQueues())): VisitorLock {
	return {
		acquire: (signal, waitMs) =>
			new Promise<Release>((resolve, reject) => {
				const waiting = new AbortController();
				const stop = () => waiting.abort(signal?.reason);
				const timer = setTimeout(stop, waitMs);
				signal?.addEventListener('abort', stop);
				locks
					.request(name, { signal: waiting.signal }, () => {
						clearTimeout(timer);
						signal?.removeEventListener('abort', stop);
						// The lock is held until this promise settles: its `resolve` is the caller's `Release`.
						return new Promise<void>(resolve);
					})
					// An abort rejects; a wait past `waitMs`, or a refusal (an opaque-origin frame), goes on unlocked.
					.catch(() => (signal?.aborted ? reject(signal.reason) : resolve(unlocked)));
				if (signal?.aborted) stop();
			}),
	};
}
