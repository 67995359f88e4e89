/** Returns `length` cryptographically random bytes. */
export type RandomBytes = (length: number) => Uint8Array;

/** Web Crypto, available in Node 20 and browsers alike, so the domain needs no Node builtin. */
export const webCryptoRandomBytes: RandomBytes = (length) => globalThis.crypto.getRandomValues(new Uint8Array(length));

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Voucher codes leave out 0/O and 1/I so people can read them aloud; 32 symbols keep `byte % 32` unbiased. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** 16 bytes encode to 22 base64 characters plus `==`, like the real API's tracking ids. */
const TRACKING_ID_BYTES = 16;

/** Every identifier the mock mints. One instance per mock, so tests can inject the randomness. */
export interface IdSource {
	/** `cust_` + 24 base62 characters. */
	customer(): string;
	redemption(): string;
	order(): string;
	publication(): string;
	activity(): string;
	voucher(): string;
	session(): string;
	segment(): string;
	validationRule(): string;
	ruleAssignment(): string;
	asyncAction(): string;
	export(): string;
	permanentDeletion(): string;
	/** `camp_` + 24 base62 characters. */
	campaign(): string;
	/** `vtx_` + 24 base62 characters: a gift card transaction. */
	transaction(): string;
	/** 32 hex characters: the secret in an export's download URL. */
	token(): string;
	/** `track_` + standard base64 of 16 random bytes: `+`, `/` and `=` do occur. */
	trackingId(): string;
	/** A voucher code such as `WELCOME-7KQ2MZ9D`; `charset` replaces the default readable alphabet. */
	voucherCode(prefix?: string, length?: number, charset?: string): string;
	/** `v-` + 18 hex characters, the shape of the real API's `request_id`. */
	requestId(): string;
}

/** Creates the id source of one mock instance. */
export function createIdSource(randomBytes: RandomBytes = webCryptoRandomBytes): IdSource {
	/** Rejection sampling: bytes of 248 and above would favour the first symbols of the alphabet. */
	const base62 = (length: number): string => {
		let out = '';
		while (out.length < length) {
			for (const byte of randomBytes(length * 2)) {
				if (byte >= 248) continue;
				out += BASE62[byte % 62];
				if (out.length === length) break;
			}
		}
		return out;
	};
	/** Rejection sampling keeps every symbol of any alphabet (up to 256) equally likely. */
	const code = (length: number, alphabet: string): string => {
		const limit = 256 - (256 % alphabet.length);
		let out = '';
		while (out.length < length) {
			for (const byte of randomBytes(length * 2)) {
				if (byte >= limit) continue;
				out += alphabet[byte % alphabet.length];
				if (out.length === length) break;
			}
		}
		return out;
	};
	const hex = (bytes: number): string => Array.from(randomBytes(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');
	const base64 = (bytes: number): string => btoa(String.fromCharCode(...randomBytes(bytes)));

	return {
		customer: () => `cust_${base62(24)}`,
		redemption: () => `r_${base62(24)}`,
		order: () => `ord_${base62(24)}`,
		publication: () => `pub_${base62(24)}`,
		activity: () => `evcus_${base62(24)}`,
		voucher: () => `v_${base62(24)}`,
		session: () => `ssn_${base62(24)}`,
		segment: () => `seg_${base62(24)}`,
		validationRule: () => `val_${base62(24)}`,
		ruleAssignment: () => `asgm_${base62(24)}`,
		asyncAction: () => `aa_${base62(24)}`,
		export: () => `exp_${base62(24)}`,
		permanentDeletion: () => `del_${base62(24)}`,
		campaign: () => `camp_${base62(24)}`,
		transaction: () => `vtx_${base62(24)}`,
		token: () => hex(16),
		trackingId: () => `track_${base64(TRACKING_ID_BYTES)}`,
		voucherCode: (prefix = '', length = 8, charset = CODE_ALPHABET) => `${prefix}${code(length, charset)}`,
		requestId: () => `v-${hex(9)}`,
	};
}
