import { describe, expect, test } from 'vitest';
import { openCall } from '../../src/client/http-call.js';
import { normalizeOptions } from '../../src/client/options.js';

const options = normalizeOptions({ clientApplicationId: 'app-id', clientToken: 'token', apiUrl: 'https://api.example.test' });
const request = { method: 'post', path: 'validations' } as const;
const never = new Promise<never>(() => undefined);

/** How `promise` stands once its microtasks have run: its value, its rejection reason, or `'pending'`. */
const outcome = (promise: Promise<unknown>) =>
	Promise.race([
		promise.then(
			(value) => ({ resolved: value }),
			(reason: unknown) => ({ rejected: reason }),
		),
		new Promise((resolve) => setTimeout(resolve, 0, 'pending')),
	]);

describe('a call', () => {
	test('settles a step as the step settles while it is live', async () => {
		const call = openCall(options, request);
		expect(await outcome(call.unlessAborted(Promise.resolve('answer')))).toEqual({ resolved: 'answer' });
		expect(await outcome(call.unlessAborted(never))).toBe('pending');
	});

	test('ends a step that never settles with the reason it is aborted with', async () => {
		const call = openCall(options, request);
		const step = outcome(call.unlessAborted(never));
		const reason = new Error('stop');
		call.abort(reason);
		expect(await step).toEqual({ rejected: reason });
	});

	test('ends a step begun after the call was aborted at once, with the same reason', async () => {
		const call = openCall(options, request);
		const reason = new Error('stop');
		call.abort(reason);
		expect(await outcome(call.unlessAborted(never))).toEqual({ rejected: reason });
	});

	test("aborts with the caller's reason until it ends, and not after", () => {
		const caller = new AbortController();
		const call = openCall(options, { ...request, signal: caller.signal });
		const later = new AbortController();
		const ended = openCall(options, { ...request, signal: later.signal });
		ended.end();

		caller.abort('caller stopped');
		later.abort('too late');

		expect(call.signal.reason).toBe('caller stopped');
		expect(ended.signal.aborted).toBe(false);
	});

	test('refuses to open for a caller that already aborted, with its reason', () => {
		const caller = new AbortController();
		caller.abort('gone');
		expect(() => openCall(options, { ...request, signal: caller.signal })).toThrow('gone');
	});
});
