type Grant = () => void;

/** The lock the SDK takes for the default cookie name. */
const VISITOR_LOCK = 'voucherify:voucherify_tracking_id';

/**
A Web Locks API stand-in: one queue per lock name, requests granted in order, a callback's promise holds its lock, an
aborted request leaves its queue, and `query()` lists the held names. `holdElsewhere()` plays another tab that holds
the visitor lock until it lets go, optionally handing on an id the way the SDK does (a lock named `<lock>=<id>`).
*/
export class FakeLockManager {
	/** The lock names the page asked for, in order. */
	readonly requested: string[] = [];
	private readonly queues = new Map<string, Grant[]>();
	private readonly holders = new Set<string>();

	private readonly onRequest: Array<(name: string) => void> = [];

	request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<unknown>): Promise<unknown> {
		this.requested.push(name);
		const granted = this.enqueue(name, callback, options.signal);
		this.onRequest.splice(0).forEach((listener) => listener(name));
		return granted;
	}

	/** Runs `listener` right after the page's next request is queued: another tab that asks for the lock just after it. */
	afterNextRequest(listener: (name: string) => void): void {
		this.onRequest.push(listener);
	}

	async query(): Promise<{ held: Array<{ name: string }> }> {
		return { held: [...this.holders].map((name) => ({ name })) };
	}

	/** Another tab takes the visitor lock now; the returned function releases it, first handing `handOff` on if given. */
	holdElsewhere(name = VISITOR_LOCK): (handOff?: string) => void {
		let release!: () => void;
		void this.enqueue(name, () => new Promise<void>((resolve) => (release = resolve)));
		return (handOff) => {
			if (handOff !== undefined) void this.enqueue(`${name}=${handOff}`, () => new Promise(() => undefined));
			release();
		};
	}

	/** The names held now, hand-off locks included. */
	get heldNames(): string[] {
		return [...this.holders];
	}

	/** Whether a page holds the visitor lock itself (not a hand-off lock). */
	get isHeld(): boolean {
		return [...this.holders].some((name) => !name.includes('='));
	}

	private enqueue(name: string, callback: () => Promise<unknown>, signal?: AbortSignal): Promise<unknown> {
		const queue = this.queues.get(name) ?? [];
		this.queues.set(name, queue);
		return new Promise((resolve, reject) => {
			const grant = () => {
				this.holders.add(name);
				callback().then(resolve, reject).finally(() => this.next(name));
			};
			signal?.addEventListener('abort', () => {
				const index = queue.indexOf(grant);
				if (index === -1) return;
				queue.splice(index, 1);
				reject(signal.reason);
			});
			queue.push(grant);
			if (!this.holders.has(name)) this.next(name);
		});
	}

	private next(name: string): void {
		this.holders.delete(name);
		this.queues.get(name)?.shift()?.();
	}
}
