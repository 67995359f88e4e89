/**
Ends a hold on the lock. The id the holder leaves in the store is handed to the calls queued behind it at that moment,
through the lock manager itself: Firefox delivers a `document.cookie` write to another process's copy of the jar
after the lock has already passed on, so the next holder may not see it yet (README "Tracking id and identity").
*/
export type Release = (handOff?: string) => void;

/** A hold on the lock, then whatever ids holders before it handed on (unchecked: any script of the origin can name a lock). */
export type Hold = [release: Release, ...handedOff: string[]];

/**
One id-issuing call at a time for every tab, window and SDK client of an origin that share a cookie name, so N tabs
opened at once get one tracking id (CONTRACT §3a).
*/
export type VisitorLock = {
	/**
	Resolves with a `Hold` once this page holds the lock. After `waitMs` (the call's timeout) it stops waiting and
	resolves unlocked, so a stuck tab cannot block a shopper; it rejects with the reason when `signal` aborts.
	*/
	acquire(signal: AbortSignal | undefined, waitMs: number): Promise<Hold>;
};

/** What the lock needs of the Web Locks API (`navigator.locks`); without `query` nothing is handed on. */
export type LockManagerLike = {
	request(name: string, options: { signal: AbortSignal }, callback: () => Promise<unknown>): Promise<unknown>;
	query?(): Promise<{ held: Array<{ name: string }> }>;
};

const PAGE_LOCKS = Symbol.for('voucherify.visitorLocks');
const unlocked: Hold = [() => undefined];

type Queues = Map<string, Promise<unknown>>;

/**
Where the Web Locks API is missing (Firefox before 96, pages that are not a secure context): one queue per name,
shared by every client of the page through a registered global symbol, so clients on one page still converge. Other
tabs are not covered there: a documented best effort. An aborted request leaves the queue at once.
*/
const pageQueues = (scope = globalThis as unknown as Record<symbol, Queues | undefined>): Queues => scope[PAGE_LOCKS] ?? (scope[PAGE_LOCKS] = new Map());

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

// `navigator` is there in every browser; the Node path passes its own queue (create-client).
const webLocks = (): LockManagerLike | undefined => (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;

export function createVisitorLock(name: string, locks: LockManagerLike = webLocks() ?? queueLocks(pageQueues())): VisitorLock {
	// Lock names carry the handed-on id: `voucherify:<cookie>=<id>`; a cookie name is a token, so `=` ends it.
	const prefix = `${name}=`;
	return {
		acquire: (signal, waitMs) =>
			new Promise<Hold>((resolve, reject) => {
				const waiting = new AbortController();
				const options = { signal: waiting.signal };
				const stop = () => waiting.abort(signal?.reason);
				const timer = setTimeout(stop, waitMs);
				signal?.addEventListener('abort', stop);
				locks
					.request(name, options, async () => {
						clearTimeout(timer);
						signal?.removeEventListener('abort', stop);
						const handedOff = (await locks.query?.())?.held.map((lock) => lock.name.split(prefix)[1] as string) ?? [];
						// The lock is held until this promise settles: its `done` is in the caller's `Release`.
						return new Promise<void>((done) =>
							resolve([
								(id) => {
									/*
									Holds `<name>=<id>` until this page gets the lock again: that request queues behind every call waiting
									now, and the lock manager runs requests, releases and queries in the order they were made, so each of
									them finds the id when it gets the lock. Then it goes: a later reset or cleared cookie stays cleared.
									*/
									if (id) void locks.request(prefix + id, options, () => locks.request(name, options, async () => undefined));
									done();
								},
								...handedOff,
							]),
						);
					})
					// An abort rejects; a wait past `waitMs`, or a refusal (an opaque-origin frame), goes on unlocked.
					.catch(() => (signal?.aborted ? reject(signal.reason) : resolve(unlocked)));
				if (signal?.aborted) stop();
			}),
	};
}
