import { createClient, type VoucherifyClient } from '../client/create-client.js';
import type { ClientOptions } from '../client/options.js';
import { calculateDiscount, calculatePrice } from '../client/price.js';
import { VoucherifyError } from '../errors/voucherify-error.js';
import type {
	CustomerInput,
	ListVouchersParams,
	PublicationResult,
	PublishParams,
	RedeemParams,
	RedemptionResult,
	TrackedEvent,
	ValidateParams,
	ValidationResult,
	VoucherList,
} from '../client/types.js';

/** What voucherify.js handed to callbacks on failure; kept so old storefront code reads errors unchanged. */
export type LegacyErrorResult = { type: 'error'; message: string; context: unknown };
export type LegacyCallback<T> = (result: T | LegacyErrorResult) => void;

/**
With a callback, voucherify.js style: the callback gets the answer or a `{ type: 'error' }` object, and nothing is
returned. Without one, a Promise that rejects with our typed error.
*/
function settle<T>(promise: Promise<T>, callback: unknown): Promise<T> | undefined {
	if (typeof callback !== 'function') return promise;
	promise.then(
		(result) => callback(result),
		(error: unknown) => callback({ type: 'error', message: error instanceof Error ? error.message : String(error), context: error }),
	);
	return undefined;
}

/** The default instance behind `window.Voucherify`: voucherify.js's surface and argument orders on `createClient`. */
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
	const configure = (changes: Partial<ClientOptions>) => {
		options = { ...options, ...changes } as ClientOptions;
		client = createClient(options);
	};

	return {
		/** Same arguments as voucherify.js; the keys are checked at once. */
		initialize(clientApplicationId: string, clientToken: string, timeout?: number) {
			configure({ clientApplicationId, clientToken, ...(timeout === undefined ? {} : { timeout }) });
		},
		setBaseUrl(apiUrl: string) {
			if (!options) throw new VoucherifyError('Call Voucherify.initialize(clientApplicationId, clientToken) before setBaseUrl()');
			configure({ apiUrl });
		},
		/** Unlike voucherify.js, the identifier is hashed with SHA-256 before it is stored or sent. */
		setIdentity: (identity: string): string => requireClient().setIdentity(identity),
		validate: (codeOrParams: string | ValidateParams, callback?: LegacyCallback<ValidationResult>) =>
			run((current) => current.validate(codeOrParams), callback),
		redeem: (code: string, payload?: RedeemParams, callback?: LegacyCallback<RedemptionResult>) =>
			run((current) => current.redeem(code, payload), callback),
		publish: (campaign: string, payload?: PublishParams, callback?: LegacyCallback<PublicationResult>) =>
			run((current) => current.publish(campaign, payload), callback),
		track(
			eventName: string,
			metadata?: Record<string, unknown>,
			customer?: CustomerInput | LegacyCallback<TrackedEvent>,
			callback?: LegacyCallback<TrackedEvent>,
		) {
			const [person, done] = typeof customer === 'function' ? [undefined, customer] : [customer, callback];
			return run((current) => current.track(eventName, { metadata, customer: person }), done);
		},
		listVouchers(filters?: ListVouchersParams | LegacyCallback<VoucherList>, callback?: LegacyCallback<VoucherList>) {
			const [params, done] = typeof filters === 'function' ? [undefined, filters] : [filters, callback];
			return run((current) => current.listVouchers(params), done);
		},
		utils: { calculatePrice, calculateDiscount },
		/** The client behind the legacy calls, for everything voucherify.js never had. */
		get client(): VoucherifyClient | undefined {
			return client;
		},
	};
}
