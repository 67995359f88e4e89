import { sha256 } from './sha256.js';
import { refuse } from '../errors/invalid-input-error.js';
import { isWellFormedText } from './unicode.js';

const MAX_IDENTITY_LENGTH = 512;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
// Strings that only reach setIdentity by mistake: a missing value or an object coerced to text.
const JUNK = new Set(['undefined', 'null', 'nan', 'true', 'false', '[object object]', '{}', '[]']);

/**
Trims the identifier, composes its Unicode (NFC) and lowercases it when it is an email, so `Alice@Shop.com ` and
`alice@shop.com` are one customer, and so is `José` whether a keyboard typed `é` as one code point or as `e` plus an
accent. Rejects what cannot be a real identifier.

@throws {VoucherifyInvalidInputError} for non-strings (numbers are accepted as text), empty strings, junk such as
`'undefined'` or `'[object Object]'`, strings over 512 characters and text with an unpaired surrogate. The message
never repeats the identifier.
*/
export function normalizeIdentity(identity: unknown): string {
	const text = typeof identity === 'number' && Number.isSafeInteger(identity) ? String(identity) : identity;
	if (typeof text !== 'string') return refuse('identity', `must be a string, got ${describeType(identity)}`);

	const trimmed = text.trim().normalize('NFC');
	if (trimmed === '' || JUNK.has(trimmed.toLowerCase())) {
		refuse('identity', 'must be a real identifier, not an empty or placeholder value');
	}

	if (trimmed.length > MAX_IDENTITY_LENGTH) {
		refuse('identity', `must be at most ${MAX_IDENTITY_LENGTH} characters`);
	}

	// UTF-8 has no bytes for a lone surrogate: hashing would replace it with U+FFFD and merge different identities.
	if (!isWellFormedText(trimmed)) {
		refuse('identity', 'must be well-formed Unicode (it holds an unpaired surrogate)');
	}

	return EMAIL.test(trimmed) ? trimmed.toLowerCase() : trimmed;
}

/**
The tracking id for a known customer: SHA-256 of the normalised identifier as 64 lowercase hex characters.
Browsers compute it in `setIdentity()`; backends call this to compute the same value.

@example
```
import { hashIdentity } from 'voucherify-browser/server';

hashIdentity(' Alice@Shop.com'); // the same value the browser sent for 'alice@shop.com'
```
*/
export function hashIdentity(identity: unknown): string {
	return sha256(normalizeIdentity(identity));
}

export function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
	return typeof value;
}
