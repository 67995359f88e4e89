import { createClient, type VoucherifyClient } from '../client/create-client.js';
import type { ClientOptions } from '../client/options.js';
import { VoucherifyError } from '../errors/voucherify-error.js';
import type { ValidateParams, ValidationResult } from '../client/types.js';

/** What voucherify.js handed to callbacks on failure; kept so old storefront code reads errors unchanged. */
export type LegacyErrorResult = { type: 'error'; message: string; context: unknown };
export type LegacyCallback<T> = (result: T | LegacyErrorResult) => void;

/**
With a callback, voucherify.js style: the callback gets the answer or a `{ type: 'error' }` object, and nothing is
returned. Without one, a Promise that rejects with our typed error.
*/
export function settle<T>(promise: Promise<T>, callback: unknown): Promise<T> | undefined {
	if (typeof callback !== 'function') return promise;
	promise.then(
		(result) => callback(result),
		(error: unknown) => callback({ type: 'error', message: error instanceof Error ? error.message : String(error), context: error }),
	);
	return undefined;
}

/** The default instance behind `window.Voucherify`: the legacy voucherify.js surface on top of `createClient`. */
export function createLegacyInstance() {
	let options: ClientOptions | undefined;
	let client: VoucherifyClient | undefined;

	const requireClient = (): VoucherifyClient => {
		if (!client) throw new VoucherifyError('Call Voucherify.initialize(clientApplicationId, clientToken) first');
		return client;
	};
	const run = <T>(call: (client: VoucherifyClient) => Promise<T>, callback: unknown) =>
		settle(
			Promise.resolve().then(() => call(requireClient())),
			callback,
		);

	return {
		/** Same arguments as voucherify.js; the keys are checked at once. */
		initialize(clientApplicationId: string, clientToken: string, timeout?: number) {
			options = { ...options, clientApplicationId, clientToken, ...(timeout === undefined ? {} : { timeout }) };
			client = createClient(options);
		},
		setBaseUrl(apiUrl: string) {
			if (!options) throw new VoucherifyError('Call Voucherify.initialize(clientApplicationId, clientToken) before setBaseUrl()');
			options = { ...options, apiUrl };
			client = createClient(options);
		},
		/** Unlike voucherify.js, the identifier is hashed with SHA-256 before it is stored or sent. */
		setIdentity: (identity: string): string => requireClient().setIdentity(identity),
		validate: (codeOrParams: string | ValidateParams, callback?: LegacyCallback<ValidationResult>) =>
			run((current) => current.validate(codeOrParams), callback),
		get client(): VoucherifyClient | undefined {
			return client;
		},
	};
}

export type LegacyInstance = ReturnType<typeof createLegacyInstance>;
