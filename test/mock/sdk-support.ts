import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VoucherifyClientSide, VoucherifyServerSide } from '@voucherify/sdk';
import { MOCK_DEFAULTS } from '../../src/mock/index.js';
import { SHOP_ORIGIN, type MockTarget } from './support.js';

/** The official `@voucherify/sdk`, unchanged, pointed at a started mock. */
export const officialServer = (target: MockTarget) =>
	VoucherifyServerSide({ applicationId: MOCK_DEFAULTS.applicationId, secretKey: MOCK_DEFAULTS.secretKey, apiUrl: target.baseUrl });

/** The official client side, as a browser on the shop's origin would use it. */
export const officialClient = (target: MockTarget, trackingId?: string) => {
	const client = VoucherifyClientSide({
		clientApplicationId: MOCK_DEFAULTS.clientApplicationId,
		clientSecretKey: MOCK_DEFAULTS.clientToken,
		apiUrl: target.baseUrl,
		origin: SHOP_ORIGIN,
		...(trackingId === undefined ? {} : { trackingId }),
	});
	return client;
};

/** What the SDK rejects with when the API answers an error. */
export interface SdkError {
	readonly code: number;
	readonly key: string;
	readonly details: string;
}

/** The error an SDK call rejects with; fails the test when it resolves. */
export async function sdkError(call: Promise<unknown>): Promise<SdkError> {
	try {
		await call;
	} catch (error) {
		return error as SdkError;
	}
	throw new Error('The call succeeded');
}

/** `customers.create` through the SDK, typed as the confirmed customer the mock answers (no double opt-in here). */
export async function createCustomer(server: ReturnType<typeof officialServer>, body: Parameters<ReturnType<typeof officialServer>['customers']['create']>[0]) {
	return (await server.customers.create(body)) as { id: string; source_id: string };
}

const csvDirectory = mkdtempSync(join(tmpdir(), 'voucherify-csv-'));
let csvCount = 0;
/** Writes a CSV file (CRLF lines) for the SDK's importCSV, which reads a path. */
export function csvFile(lines: readonly string[]): string {
	const path = join(csvDirectory, `customers-${csvCount++}.csv`);
	writeFileSync(path, `${lines.join('\r\n')}\r\n`);
	return path;
}

/** A customer as the bulk and import tests read it back through `customers.get`. */
export interface StoredCustomer {
	id: string;
	source_id: string | null;
	name: string | null;
	email: string | null;
	phone: string | null;
	birthdate: string | null;
	description: string | null;
	address: Record<string, string> | null;
	metadata: Record<string, unknown>;
}
