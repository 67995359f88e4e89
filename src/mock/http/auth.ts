import { ApiError } from './api-error.js';

/** The two key pairs of a Voucherify project. */
export interface ApiKeys {
	readonly clientApplicationId: string;
	readonly clientToken: string;
	readonly applicationId: string;
	readonly secretKey: string;
}

const unauthorized = (details: string) => new ApiError(401, 'unauthorized', 'Unauthorized', details);

/** Client routes take the public client keys, and only those. */
export function assertClientKeys(headers: Headers, keys: ApiKeys): void {
	const id = headers.get('x-client-application-id');
	const token = headers.get('x-client-token');
	if (id === null || token === null) {
		const serverKeys = headers.has('x-app-id') || headers.has('x-app-token');
		throw unauthorized(
			serverKeys
				? 'Client routes take client keys (X-Client-Application-Id, X-Client-Token), not server keys'
				: 'Send X-Client-Application-Id and X-Client-Token',
		);
	}
	if (id !== keys.clientApplicationId || token !== keys.clientToken) throw unauthorized('Unknown client application id or token');
}

/** Server routes take the secret server keys, and only those. */
export function assertServerKeys(headers: Headers, keys: ApiKeys): void {
	const id = headers.get('x-app-id');
	const token = headers.get('x-app-token');
	if (id === null || token === null) {
		const clientKeys = headers.has('x-client-application-id') || headers.has('x-client-token');
		throw unauthorized(
			clientKeys ? 'Server routes take server keys (X-App-Id, X-App-Token), never client keys' : 'Send X-App-Id and X-App-Token',
		);
	}
	if (id !== keys.applicationId || token !== keys.secretKey) throw unauthorized('Unknown application id or secret key');
}
