/** What voucherify.js handed to callbacks and `.fail` on failure; kept so old storefront code reads errors unchanged. */
export type LegacyErrorResult = { type: 'error'; message: string; context: unknown };

/** jQuery takes functions or arrays of functions, as many as given. */
type Callbacks<T> = Array<((value: T) => unknown) | Array<(value: T) => unknown>>;

/** A native Promise that also has jQuery's `.done`, `.fail` and `.always`, as voucherify.js's calls returned with jQuery loaded. */
export interface LegacyPromise<T> extends Promise<T> {
	done(...callbacks: Callbacks<T>): LegacyPromise<T>;
	fail(...callbacks: Callbacks<LegacyErrorResult>): LegacyPromise<T>;
	always(...callbacks: Callbacks<T | LegacyErrorResult>): LegacyPromise<T>;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Promise's own signatures
	then<A = T, B = never>(onValue?: ((value: T) => A | PromiseLike<A>) | null, onError?: ((reason: any) => B | PromiseLike<B>) | null): LegacyPromise<A | B>;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	catch<B = never>(onError?: ((reason: any) => B | PromiseLike<B>) | null): LegacyPromise<T | B>;
	finally(onFinally?: (() => void) | null): LegacyPromise<T>;
}

/**
Our typed error in voucherify.js's `{ type: 'error', message, context }`. As with jQuery's XHR, `context.status` and
`context.responseJSON` (the API's error body) are there for an API error.
*/
export const toLegacyError = (error: unknown): LegacyErrorResult => ({
	type: 'error',
	message: (error as Error)?.message ?? String(error),
	context: (error as { body?: unknown })?.body ? Object.assign(error as object, { responseJSON: (error as { body: unknown }).body }) : error,
});

type Listener = (value: unknown) => void;

/**
Adds `.done/.fail/.always` to `promise`. Each returns the same object, and `.then` (so `.catch` and `.finally`, which
call it) returns a new one that has them too, as jQuery 3's promises do. `.fail` and `.always` get any failure as
voucherify.js's `{ type: 'error', message, context }`. A `.done` alone does not turn a failure into an unhandled
rejection, as jQuery's did not.
*/
export function legacyPromise<T>(promise: Promise<T>): LegacyPromise<T> {
	const then = promise.then.bind(promise) as (onValue?: Listener, onError?: Listener) => Promise<never>;
	const listen = (onValue?: Listener, onError: Listener = () => {}) => {
		then(onValue, onError);
		return chained;
	};
	const call = (callbacks: unknown[]) => (value: unknown) => {
		for (const callback of callbacks.flat()) if (typeof callback === 'function') callback(value);
	};
	const chained: LegacyPromise<T> = Object.assign(promise, {
		then: (onValue?: Listener, onError?: Listener) => legacyPromise(then(onValue, onError)),
		done: (...callbacks: unknown[]) => listen(call(callbacks)),
		fail: (...callbacks: unknown[]) => listen(undefined, (reason) => call(callbacks)(toLegacyError(reason))),
		always: (...callbacks: unknown[]) => chained.done(...(callbacks as [])).fail(...(callbacks as [])),
	}) as never;
	return chained;
}
