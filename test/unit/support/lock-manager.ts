/**
A Web Locks API stand-in for one lock: requests queue in order, a callback's promise holds the lock, an aborted
request leaves the queue. `holdElsewhere()` plays another tab that holds the lock until it lets go.
*/
export class FakeLockManager {
	/** The lock names the page asked for. */
	readonly requested: string[] = [];
	private queue: Array<() => void> = [];
	private held = false;

	request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>): Promise<void> {
		this.requested.push(name);
		return this.enqueue(callback, options.signal);
	}

	/** Another tab takes the lock now; the returned function releases it. */
	holdElsewhere(): () => void {
		let release!: () => void;
		void this.enqueue(() => new Promise<void>((resolve) => (release = resolve)));
		return () => release();
	}

	get isHeld(): boolean {
		return this.held;
	}

	private enqueue(callback: () => Promise<void>, signal?: AbortSignal): Promise<void> {
		return new Promise<void>((resolve, reject) => {
			const grant = () => {
				this.held = true;
				callback().then(resolve, reject).finally(() => this.next());
			};
			signal?.addEventListener('abort', () => {
				if (!this.queue.includes(grant)) return;
				this.queue = this.queue.filter((queued) => queued !== grant);
				reject(signal.reason);
			});
			this.queue.push(grant);
			if (!this.held) this.next();
		});
	}

	private next(): void {
		this.held = false;
		this.queue.shift()?.();
	}
}
