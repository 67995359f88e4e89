import type { VoucherifyClient } from '../client/create-client.js';
import { isPlainObject } from '../client/input.js';
import { normalizeApiUrl, type ClientOptions } from '../client/options.js';
import { calculateDiscount, calculatePrice } from '../client/price.js';
import { VoucherifyInvalidInputError } from '../errors/invalid-input-error.js';
import { VoucherifyError } from '../errors/voucherify-error.js';
import { hashIdentity } from '../shared/identity.js';
import { legacyPromise, toLegacyError, type LegacyErrorResult, type LegacyPromise } from './legacy-promise.js';
import type { PublicationResult, RedemptionResult, TrackedEvent, VoucherList } from '../client/types/answers.js';
import type { CustomerInput, ListVouchersParams, PublishParams, RedeemParams, ValidateParams } from '../client/types/params.js';
import type { ValidationResult } from '../client/types/validation-answers.js';

export type { LegacyErrorResult };
export type LegacyCallback<T> = (result: T | LegacyErrorResult) => void;

/**
With a callback, voucherify.js style: the callback gets the answer or a `{ type: 'error' }` object, and nothing is
returned. Without one, a Promise that rejects with our typed error and also has jQuery's `.done/.fail/.always`.
*/
function settle<T>(promise: Promise<T>, callback: unknown): LegacyPromise<T> | undefined {
	if (typeof callback !== 'function') return legacyPromise(promise);
	promise.then(callback as (result: T) => void, (error: unknown) => callback(toLegacyError(error)));
	return undefined;
}

/** voucherify.js stripped whitespace anywhere in a code (`code.replace(/[\s\r\n]/g, "")`). */
const squeeze = (code: unknown) => (typeof code === 'string' ? code.replace(/\s/g, '') : code) as string;

/** voucherify.js read a null payload, and falsy fields in one, as absent (`payload || {}`, `if (metadata)`); ours refuses `null`. */
const lenient = <T>(payload: T): T =>
	(isPlainObject(payload) ? Object.fromEntries(Object.entries(payload).map(([key, value]) => [key, value || undefined])) : (payload ?? undefined)) as T;

/** A price or amount as voucherify.js took it (a number, or a numeric string it `parseInt`ed), rounded to the nearest minor unit. */
const cents = (value: unknown) => (/^\d+(\.\d+)?$/.test(value as string) ? Math.round(value as number) : value);

/** `price * 100` gives 1998.9999999999998: the legacy global sends the integer the shopper saw (1999), not an error. */
const roundItems = (items: unknown) =>
	Array.isArray(items) ? items.map((item: unknown) => (isPlainObject(item) ? { ...item, price: cents(item.price), amount: cents(item.amount) } : item)) : items;

/** A redeem or publish payload with its order's amounts rounded. */
const lenientPayload = <T>(payload: T): T => {
	const body = lenient(payload);
	const order = isPlainObject(body) && body.order;
	return (isPlainObject(order) ? { ...body, order: { ...order, amount: cents(order.amount), items: roundItems(order.items) } } : body) as T;
};

/** `validate(codeOrParams)` as voucherify.js read it, but an empty code stays an error; amounts are rounded to minor units. */
function lenientValidate(input: unknown): string | ValidateParams {
	if (!isPlainObject(input)) return squeeze(input);
	const params = lenient(input);
	return { ...params, code: squeeze(input.code ?? undefined), amount: cents(params.amount), items: roundItems(params.items) } as ValidateParams;
}

/** The default instance behind `window.Voucherify`: voucherify.js's surface and argument orders on `createClient`. */
export function createLegacyInstance(createClient: (options: ClientOptions) => VoucherifyClient) {
	// Kept from setBaseUrl() or an earlier initialize(), so the order of the two calls does not matter.
	let options: Partial<ClientOptions> = {};
	let client: VoucherifyClient | undefined;
	// voucherify.js took setIdentity() before initialize(); the identity waits for the client.
	let pendingIdentity: string | undefined;

	const requireClient = (): VoucherifyClient => {
		if (!client) throw new VoucherifyError('Call Voucherify.initialize(clientApplicationId, clientToken) first');
		return client;
	};
	// The call is made now, in the caller's task (a throw rejects): a track() followed by setIdentity() and a
	// navigation carries the id in force when it was made.
	const run = <T>(call: (client: VoucherifyClient) => Promise<T>, callback: unknown) =>
		settle(
			new Promise<T>((resolve) => resolve(call(requireClient()))),
			callback,
		);
	// Stores the change only once the client it makes has accepted it. A new client keeps the visitor's consent.
	const configure = (changes: Partial<ClientOptions>, create = !!client) => {
		const next = { ...options, ...changes };
		if (create) client = createClient({ ...next, ...(client && { tracking: { consent: client.consent } }) } as ClientOptions);
		options = next;
	};

	return {
		/** Same arguments as voucherify.js, `timeout || 5000` included; the keys are checked at once. */
		initialize(clientApplicationId: string, clientToken: string, timeout?: number) {
			configure({ clientApplicationId, clientToken, timeout: timeout || undefined }, true);
			if (pendingIdentity !== undefined) client!.setIdentity(pendingIdentity);
			pendingIdentity = undefined;
		},
		/** Adds `https://` to a bare host (`us1.api.voucherify.io`, `localhost:8080`) as voucherify.js did; a scheme other than http(s) is refused. */
		setBaseUrl(url: string) {
			const apiUrl = typeof url === 'string' && !/^[a-z][\w+.-]*:(?!\d)/i.test(url) ? `https://${url}` : url;
			try {
				normalizeApiUrl(apiUrl);
			} catch (error) {
				throw new VoucherifyInvalidInputError('apiUrl', (error as Error).message);
			}
			configure({ apiUrl });
		},
		/** Unlike voucherify.js, the identifier is hashed with SHA-256 before it is stored or sent. */
		setIdentity(identity: string): string {
			if (client) return client.setIdentity(identity);
			const hash = hashIdentity(identity);
			pendingIdentity = identity;
			return hash;
		},
		validate: (codeOrParams: string | ValidateParams, callback?: LegacyCallback<ValidationResult>) =>
			run((current) => current.validate(lenientValidate(codeOrParams)), callback),
		redeem: (code: string, payload?: RedeemParams, callback?: LegacyCallback<RedemptionResult>) =>
			run((current) => current.redeem(squeeze(code), lenientPayload(payload)), callback),
		publish: (campaign: string, payload?: PublishParams, callback?: LegacyCallback<PublicationResult>) =>
			run((current) => current.publish(campaign, lenientPayload(payload)), callback),
		track(
			eventName: string,
			metadata?: Record<string, unknown>,
			customer?: CustomerInput | LegacyCallback<TrackedEvent>,
			callback?: LegacyCallback<TrackedEvent>,
		) {
			const [person, done] = typeof customer === 'function' ? [undefined, customer] : [customer, callback];
			return run((current) => current.track(eventName, lenient({ metadata, customer: person })), done);
		},
		listVouchers(filters?: ListVouchersParams | LegacyCallback<VoucherList>, callback?: LegacyCallback<VoucherList>) {
			const [params, done] = typeof filters === 'function' ? [undefined, filters] : [lenient(filters), callback];
			return run((current) => current.listVouchers(params), done);
		},
		utils: { calculatePrice, calculateDiscount },
		/** The client behind the legacy calls, for everything voucherify.js never had. */
		get client(): VoucherifyClient | undefined {
			return client;
		},
	};
}
