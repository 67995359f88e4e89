import { createHash } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { VoucherifyInvalidInputError, type StackableParams, type VoucherifyClient } from '../../src/index.js';
import { readTrackingId } from '../../src/server/index.js';
import {
	ANSWERED_TRACKING_ID,
	CLIENT_BASE,
	CODE,
	COOKIE_NAME,
	OTHER_TRACKING_ID,
	bodyJson,
	makeClient,
	requests,
	sentTrackingId,
	server,
	useApi,
} from './support/api.js';
import { cookieValue, setRawCookie, spyOnCookieWrites } from './support/dom.js';

/**
Hostile input through every public method. Each case either is refused with a VoucherifyInvalidInputError naming the
field, before any request and with the stored tracking id untouched, or arrives at the API exactly as given.
(errors.test.ts already covers validate() with '', '   ', { code: 123 }, 123, 501 characters, amounts -1, 10.5 and
'1000', items { sku_id }, quantity 0, items ['sku_1'], metadata that is not JSON, nested metadata in the promotions query, metadata 'vip' and a bad signal.)
With a code, validate() sends a JSON body (`POST /client/v1/validations`) and takes what one takes; without a code it
sends the promotions query, whose fixed grammar (flat metadata, the item fields it names) is checked before any request.
*/

type Call = (client: VoucherifyClient) => unknown;
type Row = [label: string, field: string, call: Call];

const STACKED = (id: unknown): StackableParams => ({ redeemables: [{ object: 'voucher', id: id as string }] });
const CONSENTS = { cnst_newsletter: true };
const SHOP_CUSTOMER = 'cust_shop_42';
const HIGH_SURROGATE = '\uD83D';
const LOW_SURROGATE = '\uDE00';
const CALLBACK = () => undefined;
const HASH_OF = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Values of the wrong type where a string is expected. */
const NOT_A_STRING: Array<[string, unknown]> = [
	['a number', 42],
	['null', null],
	['an array', [CODE]],
	['an object', { code: CODE }],
	['a function', () => CODE],
];

/** Values of the wrong type where an (optional) object is expected. */
const NOT_AN_OBJECT: Array<[string, unknown]> = [
	['a number', 42],
	['a string', CODE],
	['null', null],
	['an array', [{}]],
	['a function', () => ({})],
];

const BLANKS: Array<[string, string]> = [
	['an empty string', ''],
	['spaces', '   '],
	['tabs and newlines', '\t\n'],
	['Unicode spaces', '\u00A0\u2003\u3000'],
];

const LONE_SURROGATES: Array<[string, string]> = [
	['a lone high surrogate', `A${HIGH_SURROGATE}B`],
	['a lone low surrogate', `A${LOW_SURROGATE}B`],
];

/** Text that must arrive byte for byte: reserved URL characters, markup and Unicode of every kind. */
const SPECIAL_TEXT: Array<[string, string]> = [
	['&', 'SAVE&10'],
	['=', 'SAVE=10'],
	['#', 'SAVE#10'],
	['%', '100%OFF'],
	['a percent escape', 'SAVE%2B10'],
	['+', 'SAVE+10'],
	['/', 'SAVE/10'],
	['?', 'SAVE?10'],
	['an inner space', 'SAVE 10'],
	['brackets', 'SAVE[0]10'],
	['quotes and a backslash', `"SAVE'\`\\10"`],
	['markup', '<script>alert(1)</script>'],
	['emoji', '🎉SAVE😀'],
	['a ZWJ emoji sequence', '👩‍👩‍👧10'],
	['a flag', '🇵🇱10'],
	['right-to-left text', 'הנחה10'],
	['Arabic with a right-to-left mark', 'خصم\u200F10'],
	['a combining mark', 'Cafe\u0301'],
	['stacked combining marks', 'Z\u0351\u0352\u0353\u0354'],
	['500 characters (the code limit)', 'C'.repeat(500)],
];
/** Names and ids have no length limit of their own. */
const SPECIAL_NAMES: Array<[string, string]> = [...SPECIAL_TEXT, ['1,000 characters', 'N'.repeat(1000)]];

const BAD_AMOUNTS: Array<[string, unknown]> = [
	['-1', -1],
	['1.5', 1.5],
	['NaN', Number.NaN],
	['Infinity', Number.POSITIVE_INFINITY],
	['-Infinity', Number.NEGATIVE_INFINITY],
	['2^53', 2 ** 53],
	['2^64', 2 ** 64],
	['the string "1000"', '1000'],
	['a BigInt', 10n],
];

const BAD_QUANTITIES: Array<[string, unknown]> = [
	['0', 0],
	['-1', -1],
	['1.5', 1.5],
	["the string '2'", '2'],
	['NaN', Number.NaN],
	['Infinity', Number.POSITIVE_INFINITY],
];

const NOT_AN_ARRAY: Array<[string, unknown]> = [
	['a string', 'sku_1'],
	['a number', 3],
	['null', null],
	['an array-like object', { 0: { sku_id: 'sku_1' }, length: 1 }],
];

/** Values that cannot be a flat query metadata value. */
const NOT_SCALAR: Array<[string, unknown]> = [
	['an array', ['a', 'b']],
	['a nested object', { deep: { deeper: 1 } }],
	['a function', () => 'x'],
	['null', null],
	['NaN', Number.NaN],
	['Infinity', Number.POSITIVE_INFINITY],
	['a BigInt', 1n],
	['a Date', new Date(0)],
];

/** Values JSON would drop, change or choke on. */
const NOT_JSON: Array<[string, unknown, string]> = [
	['a function', () => 'x', ''],
	['a symbol', Symbol('s'), ''],
	['a BigInt', 1n, ''],
	['NaN', Number.NaN, ''],
	['Infinity', Number.POSITIVE_INFINITY, ''],
	['a Map', new Map([['a', 1]]), ''],
	['undefined inside an array', [1, undefined], '[1]'],
	['a function deep inside', { list: [{ ok: true }, { fn: () => 1 }] }, '.list[1].fn'],
];

/** Metadata JSON carries unchanged: nesting, arrays, null and awkward keys. */
const RICH_METADATA = {
	nested: { deep: { list: [1, 'two', { three: true }, null], empty: {} } },
	'a key with spaces & = # [brackets]': '😀 value',
	emptyList: [],
	zero: 0,
	negative: -12.5,
	nothing: null,
};

/** Cookie values that are not a Voucherify tracking id nor an identity hash: never sent. */
const FOREIGN_COOKIE_VALUES: Array<[string, string]> = [
	['a Google Analytics id', 'GA1.2.1234.5678'],
	['a UUID', '550e8400-e29b-41d4-a716-446655440000'],
	['track_ alone', 'track_'],
	['an uppercase hash', 'A'.repeat(64)],
	['a 63-character hash', 'a'.repeat(63)],
	['an over-long track_ id', `track_${'a'.repeat(300)}`],
	['markup', '<script>alert(1)</script>'],
	['a percent-encoded ;', 'track_abcd%3Bevil'],
	['a percent-encoded newline', 'track_abcd%0Aevil'],
	['percent-encoded markup', '%3Cscript%3E'],
	['malformed percent-encoding', 'track_%E0%A4%A'],
];

useApi();

/** Every client route answers; a PUT answers 204 like the consents route. The answer carries a tracking id of its own. */
beforeEach(() => {
	server.use(
		http.all(`${CLIENT_BASE}/*`, ({ request }) =>
			request.method === 'PUT'
				? new HttpResponse(null, { status: 204 })
				: HttpResponse.json({ valid: true, redeemables: [], tracking_id: ANSWERED_TRACKING_ID }),
		),
	);
});

const storeTrackingId = (id: string) => setRawCookie(`${COOKIE_NAME}=${id}; Path=/`);
const aForm = () => document.body.appendChild(document.createElement('form'));
const rows = (cases: Array<[string, unknown]>, label: string, call: (value: unknown) => Call, field: string): Row[] =>
	cases.map(([name, value]) => [`${label} with ${name}`, field, call(value)]);

/** Runs a call against a visitor who already has a stored tracking id, and returns what it threw or rejected with. */
async function refusalOf(call: Call): Promise<{ error: unknown; client: VoucherifyClient }> {
	storeTrackingId(OTHER_TRACKING_ID);
	const client = makeClient();
	try {
		await call(client);
	} catch (error) {
		return { error, client };
	}
	throw new Error('expected the call to be refused, but it went through');
}

async function expectRefused(call: Call, field: string): Promise<void> {
	const { error, client } = await refusalOf(call);

	expect(error).toBeInstanceOf(VoucherifyInvalidInputError);
	expect(error).toMatchObject({ name: 'VoucherifyInvalidInputError', field });
	expect(requests).toHaveLength(0);
	expect(client.trackingId).toBe(OTHER_TRACKING_ID);
	expect(cookieValue(COOKIE_NAME)).toBe(OTHER_TRACKING_ID);
}

const REFUSED = '%s is refused on `%s` before any request, the stored tracking id untouched';

describe('wrong types', () => {
	test.each<Row>([
		...rows(NOT_A_STRING.slice(1), 'validate({ code })', (value) => (client) => client.validate({ code: value } as never), 'code'),
		...rows(NOT_AN_OBJECT.filter(([name]) => name !== 'a string'), 'validate(params)', (value) => (client) => client.validate(value as never), 'params'),
		...rows(NOT_AN_OBJECT, 'validateStackable(params)', (value) => (client) => client.validateStackable(value as never), 'params'),
		...rows(NOT_A_STRING, 'validateStackable redeemable id', (value) => (client) => client.validateStackable(STACKED(value)), 'redeemables[0].id'),
		...rows(NOT_A_STRING, 'redeem(code)', (value) => (client) => client.redeem(value as never), 'code'),
		...rows(NOT_AN_OBJECT, 'redeem(code, params)', (value) => (client) => client.redeem(CODE, value as never), 'params'),
		...rows(NOT_AN_OBJECT, 'redeemStackable(params)', (value) => (client) => client.redeemStackable(value as never), 'params'),
		...rows(NOT_A_STRING, 'redeemStackable redeemable id', (value) => (client) => client.redeemStackable(STACKED(value)), 'redeemables[0].id'),
		...rows(NOT_A_STRING, 'publish(campaign)', (value) => (client) => client.publish(value as never), 'campaign'),
		...rows(NOT_AN_OBJECT, 'publish(campaign, params)', (value) => (client) => client.publish('Welcome', value as never), 'params'),
		...rows(NOT_A_STRING, 'track(event)', (value) => (client) => client.track(value as never), 'event'),
		...rows(NOT_AN_OBJECT, 'track(event, params)', (value) => (client) => client.track('signup', value as never), 'params'),
		...rows(NOT_AN_OBJECT, 'listVouchers(params)', (value) => (client) => client.listVouchers(value as never), 'params'),
		...rows(NOT_A_STRING, 'listVouchers({ campaign })', (value) => (client) => client.listVouchers({ campaign: value } as never), 'campaign'),
		...rows(NOT_AN_OBJECT, 'createCustomer(customer)', (value) => (client) => client.createCustomer(value as never), 'customer'),
		...rows(NOT_A_STRING, 'createCustomer({ source_id })', (value) => (client) => client.createCustomer({ source_id: value } as never), 'customer.source_id'),
		...rows(NOT_AN_OBJECT, 'createCustomer(customer, params)', (value) => (client) => client.createCustomer({}, value as never), 'params'),
		...rows(NOT_AN_OBJECT, 'listConsents(options)', (value) => (client) => client.listConsents(value as never), 'options'),
		...rows(NOT_A_STRING, 'updateConsents(customer)', (value) => (client) => client.updateConsents(value as never, CONSENTS), 'customer'),
		...rows(NOT_AN_OBJECT, 'updateConsents(customer, consents)', (value) => (client) => client.updateConsents(SHOP_CUSTOMER, value as never), 'consents'),
		...rows(NOT_AN_OBJECT, 'qualifications(params)', (value) => (client) => client.qualifications(value as never), 'params'),
		...rows(NOT_AN_OBJECT, 'listPromotionTiers(params)', (value) => (client) => client.listPromotionTiers(value as never), 'params'),
		...rows(
			[
				['an array', ['alice@shop.com']],
				['a function', () => 'alice@shop.com'],
				['NaN', Number.NaN],
				['a fraction', 1.5],
				['Infinity', Number.POSITIVE_INFINITY],
				['an unsafe integer', 2 ** 53 + 2],
			],
			'setIdentity(identity)',
			(value) => (client) => client.setIdentity(value as never),
			'identity',
		),
		...rows([...NOT_A_STRING, ['an uppercase state', 'GRANTED'], ['an empty string', '']], 'setConsent(consent)', (value) => (client) => client.setConsent(value as never), 'consent'),
		...rows(
			[
				['a number', 42],
				['a plain object', {}],
				['an array', [aForm]],
				['a function', aForm],
				['the document', document],
			],
			'fillTrackingField(form)',
			(value) => (client) => client.fillTrackingField(value as never),
			'form',
		),
		...rows([...NOT_A_STRING, ...BLANKS.slice(1)], 'fillTrackingField(form, fieldName)', (value) => (client) => client.fillTrackingField(aForm(), value as never), 'fieldName'),
	])(REFUSED, async (_label, field, call) => {
		await expectRefused(call, field);
	});

	test.each<Row>([
		['validate', 'options', (client) => client.validate(CODE, CALLBACK as never)],
		['validateStackable', 'options', (client) => client.validateStackable(STACKED(CODE), CALLBACK as never)],
		['redeem', 'options', (client) => client.redeem(CODE, {}, CALLBACK as never)],
		['redeemStackable', 'options', (client) => client.redeemStackable(STACKED(CODE), CALLBACK as never)],
		['publish', 'options', (client) => client.publish('Welcome', {}, CALLBACK as never)],
		['track', 'options', (client) => client.track('signup', {}, CALLBACK as never)],
		['listVouchers', 'options', (client) => client.listVouchers({}, CALLBACK as never)],
		['createCustomer', 'options', (client) => client.createCustomer({}, {}, CALLBACK as never)],
		['listConsents', 'options', (client) => client.listConsents(CALLBACK as never)],
		['updateConsents', 'options', (client) => client.updateConsents(SHOP_CUSTOMER, CONSENTS, CALLBACK as never)],
		['qualifications', 'options', (client) => client.qualifications({}, CALLBACK as never)],
		['listPromotionTiers', 'options', (client) => client.listPromotionTiers({}, CALLBACK as never)],
	])('%s with a voucherify.js-style callback in place of its options is refused on `%s` before any request', async (_method, field, call) => {
		await expectRefused(call, field);
	});
});

describe('codes and names: blank, over-long, ill-formed', () => {
	test.each<Row>([
		...rows(BLANKS.slice(2), 'validate(code)', (value) => (client) => client.validate(value as string), 'code'),
		...rows(BLANKS, 'validateStackable redeemable id', (value) => (client) => client.validateStackable(STACKED(value)), 'redeemables[0].id'),
		...rows(BLANKS, 'redeem(code)', (value) => (client) => client.redeem(value as string), 'code'),
		...rows(BLANKS, 'redeemStackable redeemable id', (value) => (client) => client.redeemStackable(STACKED(value)), 'redeemables[0].id'),
		...rows(BLANKS, 'publish(campaign)', (value) => (client) => client.publish(value as string), 'campaign'),
		...rows(BLANKS, 'track(event)', (value) => (client) => client.track(value as string), 'event'),
		...rows(BLANKS, 'listVouchers({ campaign })', (value) => (client) => client.listVouchers({ campaign: value as string }), 'campaign'),
		...rows(BLANKS, 'updateConsents(customer)', (value) => (client) => client.updateConsents(value as string, CONSENTS), 'customer'),
		...rows(BLANKS, 'createCustomer({ source_id })', (value) => (client) => client.createCustomer({ source_id: value as string }), 'customer.source_id'),
		...rows(BLANKS.slice(2), 'setIdentity(identity)', (value) => (client) => client.setIdentity(value as string), 'identity'),
	])(REFUSED, async (_label, field, call) => {
		await expectRefused(call, field);
	});

	test.each<Row>([
		['validate(code)', 'code', (client) => client.validate('C'.repeat(1000))],
		['validate({ code })', 'code', (client) => client.validate({ code: 'C'.repeat(1000), amount: 100 })],
		['redeem(code)', 'code', (client) => client.redeem('C'.repeat(1000))],
		['validateStackable redeemable id', 'redeemables[0].id', (client) => client.validateStackable(STACKED('C'.repeat(1000)))],
		['redeemStackable redeemable id', 'redeemables[0].id', (client) => client.redeemStackable(STACKED('C'.repeat(1000)))],
		['setIdentity(identity)', 'identity', (client) => client.setIdentity('i'.repeat(1000))],
	])('%s with 1,000 characters is refused on `%s` before any request', async (_label, field, call) => {
		await expectRefused(call, field);
	});

	test.each<Row>([
		...rows(LONE_SURROGATES, 'validate(code)', (value) => (client) => client.validate(value as string), 'code'),
		...rows(LONE_SURROGATES, 'validate (promotions) metadata value', (value) => (client) => client.validate({ amount: 100, metadata: { note: value as string } }), 'metadata.note'),
		...rows(LONE_SURROGATES, 'validate (promotions) metadata key', (value) => (client) => client.validate({ amount: 100, metadata: { [value as string]: 'x' } }), 'metadata'),
		...rows(LONE_SURROGATES, 'validate (promotions) orderMetadata value', (value) => (client) => client.validate({ amount: 100, orderMetadata: { note: value as string } }), 'orderMetadata.note'),
		...rows(LONE_SURROGATES, 'validate customer', (value) => (client) => client.validate({ code: CODE, customer: value as string }), 'customer'),
		...rows(LONE_SURROGATES, 'validateStackable redeemable id', (value) => (client) => client.validateStackable(STACKED(value)), 'redeemables[0].id'),
		...rows(LONE_SURROGATES, 'redeem(code)', (value) => (client) => client.redeem(value as string), 'code'),
		...rows(LONE_SURROGATES, 'publish(campaign)', (value) => (client) => client.publish(value as string), 'campaign'),
		...rows(LONE_SURROGATES, 'listVouchers({ campaign })', (value) => (client) => client.listVouchers({ campaign: value as string }), 'campaign'),
		...rows(LONE_SURROGATES, 'updateConsents(customer)', (value) => (client) => client.updateConsents(value as string, CONSENTS), 'customer'),
		...rows(LONE_SURROGATES, 'setIdentity(identity)', (value) => (client) => client.setIdentity(value as string), 'identity'),
	])(REFUSED, async (_label, field, call) => {
		await expectRefused(call, field);
	});

	test.each(['.', '..'])('updateConsents(%j) is refused on `customer`: it would move the call to another path', async (segment) => {
		await expectRefused((client) => client.updateConsents(segment, CONSENTS), 'customer');
	});
});

describe('codes and names with reserved characters and Unicode arrive byte for byte', () => {
	const onlyRequest = () => {
		expect(requests).toHaveLength(1);
		return requests[0] as NonNullable<(typeof requests)[0]>;
	};
	const query = (name: string) => onlyRequest().url.searchParams.get(name);

	test.each(SPECIAL_TEXT)('validate sends a code with %s as the redeemable id of its body', async (_name, code) => {
		await makeClient().validate(code);

		expect(await bodyJson(onlyRequest())).toMatchObject({ redeemables: [{ object: 'voucher', id: code }] });
	});

	test.each(SPECIAL_TEXT)('redeem sends a code with %s in ?code=', async (_name, code) => {
		await makeClient().redeem(code);

		expect(query('code')).toBe(code);
	});

	test.each(SPECIAL_TEXT)('validateStackable sends a redeemable id with %s in the body', async (_name, code) => {
		await makeClient().validateStackable(STACKED(code));

		expect(await bodyJson(onlyRequest())).toMatchObject({ redeemables: [{ object: 'voucher', id: code }] });
	});

	test.each(SPECIAL_TEXT)('redeemStackable sends a redeemable id with %s in the body', async (_name, code) => {
		await makeClient().redeemStackable(STACKED(code));

		expect(await bodyJson(onlyRequest())).toMatchObject({ redeemables: [{ object: 'voucher', id: code }] });
	});

	test.each(SPECIAL_NAMES)('publish sends a campaign name with %s in ?campaign=', async (_name, campaign) => {
		await makeClient().publish(campaign);

		expect(query('campaign')).toBe(campaign);
	});

	test.each(SPECIAL_NAMES)('track sends an event name with %s in the body', async (_name, event) => {
		await makeClient().track(event);

		expect(await bodyJson(onlyRequest())).toMatchObject({ event });
	});

	test.each(SPECIAL_NAMES)('listVouchers sends a campaign filter with %s in ?campaign=', async (_name, campaign) => {
		await makeClient().listVouchers({ campaign });

		expect(query('campaign')).toBe(campaign);
	});

	test.each(SPECIAL_NAMES)('updateConsents sends a customer id with %s as one path segment', async (_name, customer) => {
		await makeClient().updateConsents(customer, CONSENTS);
		const segments = onlyRequest().url.pathname.split('/');

		expect(segments.slice(0, 4)).toEqual(['', 'client', 'v1', 'customers']);
		expect(segments.slice(5)).toEqual(['consents']);
		expect(decodeURIComponent(segments[4] ?? '')).toBe(customer);
	});

	test.each(SPECIAL_NAMES)('createCustomer sends a source_id with %s in the body', async (_name, sourceId) => {
		await makeClient().createCustomer({ source_id: sourceId });

		expect(await bodyJson(onlyRequest())).toEqual({ source_id: sourceId });
	});

	test.each(SPECIAL_TEXT.filter(([name]) => !name.startsWith('500')))('validate sends metadata keys and values with %s in its body', async (_name, text) => {
		await makeClient().validate({ code: CODE, metadata: { [text.replace(/[[\]]/g, '')]: text } });

		expect(await bodyJson(onlyRequest())).toMatchObject({ metadata: { [text.replace(/[[\]]/g, '')]: text } });
	});

	test.each(['Alice@Shop.com', 'ṩhop-ćustomer-😀', 'עמית@חנות.קום', 'Cafe\u0301', 'GA1.2.1234.5678', 'track_abcd'])(
		'setIdentity(%j) stores and sends the SHA-256 Node computes for it',
		async (identity) => {
			const composed = identity.normalize('NFC');
			const normalised = composed.includes('@') ? composed.toLowerCase() : composed;
			const client = makeClient();
			client.setIdentity(identity);
			await client.validate(CODE);

			expect(client.trackingId).toBe(HASH_OF(normalised));
			expect(sentTrackingId(onlyRequest())).toBe(HASH_OF(normalised));
		},
	);

	test('setIdentity(42) hashes the number as its decimal text', () => {
		expect(makeClient().setIdentity(42 as never)).toBe(HASH_OF('42'));
	});
});

describe('amounts', () => {
	test.each<Row>([
		...rows(BAD_AMOUNTS.slice(2).filter(([name]) => !name.includes('"1000"')), 'validate({ amount })', (value) => (client) => client.validate({ code: CODE, amount: value as number }), 'amount'),
		...rows(BAD_AMOUNTS, 'validateStackable order.amount', (value) => (client) => client.validateStackable({ ...STACKED(CODE), order: { amount: value as number } }), 'order.amount'),
		...rows(BAD_AMOUNTS, 'redeem order.amount', (value) => (client) => client.redeem(CODE, { order: { amount: value as number } }), 'order.amount'),
		...rows(BAD_AMOUNTS, 'redeemStackable order.amount', (value) => (client) => client.redeemStackable({ ...STACKED(CODE), order: { amount: value as number } }), 'order.amount'),
		...rows(BAD_AMOUNTS, 'qualifications order.amount', (value) => (client) => client.qualifications({ order: { amount: value as number } }), 'order.amount'),
		...rows([['0', 0], ...BAD_AMOUNTS], 'listVouchers({ limit })', (value) => (client) => client.listVouchers({ limit: value as number }), 'limit'),
		...rows([['0', 0], ...BAD_AMOUNTS], 'listPromotionTiers({ page })', (value) => (client) => client.listPromotionTiers({ page: value as number }), 'page'),
	])(REFUSED, async (_label, field, call) => {
		await expectRefused(call, field);
	});

	test.each([0, Number.MAX_SAFE_INTEGER])('validate sends the amount %d exactly', async (amount) => {
		await makeClient().validate({ code: CODE, amount });

		expect(await bodyJson(requests[0])).toMatchObject({ order: { amount } });
	});

	test.each([0, Number.MAX_SAFE_INTEGER])('validateStackable sends order.amount %d exactly', async (amount) => {
		await makeClient().validateStackable({ ...STACKED(CODE), order: { amount } });

		expect(await bodyJson(requests[0])).toMatchObject({ order: { amount } });
	});
});

describe('fields a call has no place for', () => {
	test.each<Row>([
		['validate (promotions) customer with an email, which the query cannot carry', 'customer.email', (client) => client.validate({ amount: 100, customer: { source_id: 'u1', email: 'a@b.c' } as never })],
		['validate customer with an empty id', 'customer.id', (client) => client.validate({ code: CODE, customer: { id: ' ' } })],
		['validate session with an unknown field', 'session.type', (client) => client.validate({ code: CODE, session: { key: 'k', type: 'LOCK' } as never })],
		['track with an event in its params, which would rename the event', 'event', (client) => client.track('signup', { event: 'purchase' } as never)],
		['listVouchers with an Object.prototype name as a filter', 'constructor', (client) => client.listVouchers({ constructor: 'x' } as never)],
		['listVouchers with toString as a filter', 'toString', (client) => client.listVouchers({ toString: 'x' } as never)],
	])(REFUSED, async (_label, field, call) => {
		await expectRefused(call, field);
	});
});

describe('items', () => {
	test.each<Row>([
		...rows(NOT_AN_ARRAY, 'validate({ items })', (value) => (client) => client.validate({ code: CODE, items: value as never }), 'items'),
		...rows(BAD_QUANTITIES.slice(1), 'validate item quantity', (value) => (client) => client.validate({ code: CODE, items: [{ sku_id: 'sku_1', quantity: value as number }] }), 'items[0].quantity'),
		...rows(BAD_QUANTITIES, 'validate second item quantity', (value) => (client) => client.validate({ code: CODE, items: [{ sku_id: 'a', quantity: 1 }, { sku_id: 'b', quantity: value as number }] }), 'items[1].quantity'),
		...rows(BAD_AMOUNTS, 'validate item price', (value) => (client) => client.validate({ code: CODE, items: [{ sku_id: 'sku_1', quantity: 1, price: value as number }] }), 'items[0].price'),
		...rows(NOT_A_STRING, 'validate item product_id', (value) => (client) => client.validate({ code: CODE, items: [{ product_id: value as string }] }), 'items[0].product_id'),
		['validate (promotions) item with a field the query has no place for', 'items[0].name', (client) => client.validate({ items: [{ sku_id: 'sku_1', name: 'Mug' } as never] })],
		['validate (promotions) item with metadata, which the query cannot carry', 'items[0].metadata', (client) => client.validate({ items: [{ sku_id: 'sku_1', metadata: { color: 'red' } } as never] })],
		...rows(NOT_AN_ARRAY, 'validateStackable order.items', (value) => (client) => client.validateStackable({ ...STACKED(CODE), order: { items: value as never } }), 'order.items'),
		...rows(BAD_QUANTITIES, 'validateStackable item quantity', (value) => (client) => client.validateStackable({ ...STACKED(CODE), order: { items: [{ sku_id: 'sku_1', quantity: value as number }] } }), 'order.items[0].quantity'),
		...rows(BAD_QUANTITIES, 'redeem item quantity', (value) => (client) => client.redeem(CODE, { order: { items: [{ sku_id: 'sku_1', quantity: value as number }] } }), 'order.items[0].quantity'),
		...rows(BAD_QUANTITIES, 'redeemStackable item quantity', (value) => (client) => client.redeemStackable({ ...STACKED(CODE), order: { items: [{ sku_id: 'sku_1', quantity: value as number }] } }), 'order.items[0].quantity'),
		...rows(BAD_QUANTITIES, 'qualifications item quantity', (value) => (client) => client.qualifications({ order: { items: [{ sku_id: 'sku_1', quantity: value as number }] } }), 'order.items[0].quantity'),
	])(REFUSED, async (_label, field, call) => {
		await expectRefused(call, field);
	});

	test('validateStackable sends item fields beyond the query grammar as they are', async () => {
		await makeClient().validateStackable({ ...STACKED(CODE), order: { items: [{ sku_id: 'sku_1', quantity: 1, metadata: { color: 'red' } } as never] } });

		expect(await bodyJson(requests[0])).toMatchObject({ order: { items: [{ sku_id: 'sku_1', metadata: { color: 'red' } }] } });
	});

	test('validate with a code sends item fields beyond the query grammar in its body, as they are', async () => {
		await makeClient().validate({ code: CODE, items: [{ sku_id: 'sku_1', quantity: 1, name: 'Mug', metadata: { color: 'red' } } as never] });

		expect((await bodyJson(requests[0])).order).toEqual({ items: [{ sku_id: 'sku_1', quantity: 1, name: 'Mug', metadata: { color: 'red' } }] });
	});

	test('validate with a code sends nested metadata and a customer with an email in its body, as they are', async () => {
		const metadata = { cart: { lines: 2, tags: ['gift'] }, note: null };
		await makeClient().validate({ code: CODE, metadata, orderMetadata: metadata, customer: { source_id: 'u1', email: 'a@b.c' } } as never);

		expect(await bodyJson(requests[0])).toMatchObject({ metadata, order: { metadata }, customer: { source_id: 'u1', email: 'a@b.c' } });
	});

	test('validate sends every item field exactly, reserved characters included', async () => {
		await makeClient().validate({ code: CODE, items: [{ product_id: 'prod&1/+=#', sku_id: 'sku 😀', quantity: 2, price: 1999 }] });

		expect((await bodyJson(requests[0])).order).toEqual({ items: [{ product_id: 'prod&1/+=#', sku_id: 'sku 😀', quantity: 2, price: 1999 }] });
	});
});

describe('metadata', () => {
	test.each<Row>([
		...rows(NOT_SCALAR, 'validate (promotions) metadata value', (value) => (client) => client.validate({ amount: 100, metadata: { k: value } as never }), 'metadata.k'),
		...rows(NOT_SCALAR, 'validate (promotions) orderMetadata value', (value) => (client) => client.validate({ amount: 100, orderMetadata: { k: value } as never }), 'orderMetadata.k'),
		...rows(NOT_SCALAR, 'validate (promotions) customer.metadata value', (value) => (client) => client.validate({ amount: 100, customer: { metadata: { k: value } } as never }), 'customer.metadata.k'),
		...rows(
			[
				['an empty key', ''],
				['a key with [', 'a[b'],
				['a key with ]', 'a]b'],
				['a bracketed key', 'a[b]'],
			],
			'validate (promotions) metadata',
			(key) => (client) => client.validate({ amount: 100, metadata: { [key as string]: 'x' } }),
			'metadata',
		),
	])(REFUSED, async (_label, field, call) => {
		await expectRefused(call, field);
	});

	test.each<Row>(
		NOT_JSON.flatMap(([name, value, path]): Row[] => [
			[`validate metadata with ${name}`, `metadata.x${path}`, (client) => client.validate({ code: CODE, metadata: { x: value } as never })],
			[`validate orderMetadata with ${name}`, `orderMetadata.x${path}`, (client) => client.validate({ code: CODE, orderMetadata: { x: value } as never })],
			[`validateStackable metadata with ${name}`, `metadata.x${path}`, (client) => client.validateStackable({ ...STACKED(CODE), metadata: { x: value } })],
			[`redeem order.metadata with ${name}`, `order.metadata.x${path}`, (client) => client.redeem(CODE, { order: { metadata: { x: value } } })],
			[`redeemStackable metadata with ${name}`, `metadata.x${path}`, (client) => client.redeemStackable({ ...STACKED(CODE), metadata: { x: value } })],
			[`publish metadata with ${name}`, `metadata.x${path}`, (client) => client.publish('Welcome', { metadata: { x: value } })],
			[`track metadata with ${name}`, `metadata.x${path}`, (client) => client.track('signup', { metadata: { x: value } })],
			[`qualifications metadata with ${name}`, `metadata.x${path}`, (client) => client.qualifications({ metadata: { x: value } })],
			[`createCustomer metadata with ${name}`, `customer.metadata.x${path}`, (client) => client.createCustomer({ metadata: { x: value } })],
		]),
	)(REFUSED, async (_label, field, call) => {
		await expectRefused(call, field);
	});

	test('track with metadata that refers to itself is refused before any request', async () => {
		const metadata: Record<string, unknown> = { name: 'loop' };
		metadata.self = metadata;
		const { error } = await refusalOf((client) => client.track('signup', { metadata }));

		expect(error).toBeInstanceOf(VoucherifyInvalidInputError);
		expect((error as VoucherifyInvalidInputError).field).toMatch(/^metadata\.self/);
		expect(requests).toHaveLength(0);
	});

	test.each<[string, Call, (body: Record<string, unknown>) => unknown]>([
		['validateStackable', (client) => client.validateStackable({ ...STACKED(CODE), metadata: RICH_METADATA }), (body) => body.metadata],
		['redeem', (client) => client.redeem(CODE, { metadata: RICH_METADATA }), (body) => body.metadata],
		['redeemStackable', (client) => client.redeemStackable({ ...STACKED(CODE), metadata: RICH_METADATA }), (body) => body.metadata],
		['publish', (client) => client.publish('Welcome', { metadata: RICH_METADATA }), (body) => body.metadata],
		['track', (client) => client.track('signup', { metadata: RICH_METADATA }), (body) => body.metadata],
		['qualifications', (client) => client.qualifications({ metadata: RICH_METADATA }), (body) => body.metadata],
		['createCustomer', (client) => client.createCustomer({ metadata: RICH_METADATA }), (body) => body.metadata],
	])('%s sends nested objects, arrays and null in metadata exactly', async (_method, call, metadataOf) => {
		await call(makeClient());

		expect(metadataOf(await bodyJson(requests[0]))).toStrictEqual(RICH_METADATA);
	});
});

describe('tampered and foreign tracking cookies', () => {
	/** A second cookie of our name, scoped to /checkout: on /checkout/pay the page sees it first, then the one on /. */
	const addCheckoutPathCookie = (value: string) => {
		window.history.pushState(null, '', '/checkout/pay');
		setRawCookie(`${COOKIE_NAME}=${value}; Path=/checkout`);
	};

	afterEach(() => {
		setRawCookie(`${COOKIE_NAME}=; Path=/checkout; Max-Age=0`);
		window.history.replaceState(null, '', '/');
	});

	test.each(FOREIGN_COOKIE_VALUES)('a cookie holding %s is never sent: no tracking_id, hidden field or header', async (_name, value) => {
		setRawCookie(`${COOKIE_NAME}=${value}; Path=/`);
		const client = makeClient();
		const form = aForm();

		expect(client.trackingId).toBeUndefined();
		expect(client.fillTrackingField(form)).toBeUndefined();
		expect(client.trackingHeaders()).toEqual({});
		await client.validate(CODE);
		expect(sentTrackingId(requests[0])).toBeNull();
	});

	test('of two cookies of that name, a malformed one on the page path beside a valid one on /: the valid one is sent and nothing is rewritten', async () => {
		storeTrackingId(OTHER_TRACKING_ID);
		addCheckoutPathCookie('<script>alert(1)</script>');
		const writes = spyOnCookieWrites();
		const client = makeClient();
		await client.validate(CODE);

		expect(document.cookie).toBe(`${COOKIE_NAME}=<script>alert(1)</script>; ${COOKIE_NAME}=${OTHER_TRACKING_ID}`);
		expect(sentTrackingId(requests[0])).toBe(OTHER_TRACKING_ID);
		expect(client.trackingId).toBe(OTHER_TRACKING_ID);
		expect(writes).toEqual([]);
	});

	test('of two valid cookies of that name, the browser sends the one the server helper reads from the same Cookie header', async () => {
		storeTrackingId(OTHER_TRACKING_ID);
		addCheckoutPathCookie(ANSWERED_TRACKING_ID);
		const client = makeClient();
		await client.validate(CODE);

		expect(readTrackingId(document.cookie)).toBe(ANSWERED_TRACKING_ID);
		expect(sentTrackingId(requests[0])).toBe(ANSWERED_TRACKING_ID);
	});

	test.each<[string, unknown]>([
		['a Google Analytics id', 'GA1.2.1234.5678'],
		['a UUID', '550e8400-e29b-41d4-a716-446655440000'],
		['track_ alone', 'track_'],
		['markup', 'track_<script>'],
		['a value with a newline', 'track_abcd\nSet-Cookie: x=y'],
		['a number', 42],
		['an object', { id: 'track_abcd' }],
	])('a tracking id answered as %s is not adopted: nothing stored, nothing sent next', async (_name, answered) => {
		server.use(http.post(`${CLIENT_BASE}/validations`, () => HttpResponse.json({ valid: true, tracking_id: answered })));
		const client = makeClient();
		await client.validate(CODE);
		await client.validate(CODE);

		expect(client.trackingId).toBeUndefined();
		expect(cookieValue(COOKIE_NAME)).toBeUndefined();
		expect(sentTrackingId(requests[1])).toBeNull();
	});
});
