import { beforeAll, describe, expect, test } from 'vitest';
import type { CustomerReference, Metadata } from '../../src/index.js';
import { parseQueryString, type QueryObject, type QueryValue } from '../../src/mock/input/query-string.js';
import { encodeValidateQuery } from '../../src/client/query.js';
import { ANSWERED_TRACKING_ID, makeClient, requests, useApi } from './support/api.js';

/**
Property-style round trip: random metadata maps and customers go through `client.validate()` without a code (the
promotions validation, the one validate that still uses the GET query grammar), random codes through the same
encoder, and the mock API's own query parser must read back exactly what was sent. The seed is fixed so a failure reproduces; set ROUND_TRIP_SEED
to explore others.
*/

const SEED = Number(process.env.ROUND_TRIP_SEED ?? 0x5eed_cafe);
const CASES = 200;
const MAX_CODE_LENGTH = 500;
const FOR_SEED = `(seed ${SEED})`;

/** Characters that break naive encoders: reserved URL characters, things that look like escapes, Unicode of every kind. */
const HOSTILE_TOKENS = [
	' ', '&', '=', '#', '%', '+', '/', '?', '[', ']', '"', "'", '`', '\\', ';', ',', ':', '@', '!', '*', '(', ')', '~',
	'%20', '%2B', '%25', '%ZZ', '+%', '&amp;', '\t', '\n', '\u00A0',
	'é', 'ß', 'ñ', 'ø', '中文', 'שלום', 'مرحبا', '\u200F', '\u200E', 'e\u0301', 'Z\u0351\u0352', '\u0301',
	'😀', '🎉', '👩‍👩‍👧', '🇵🇱', '\u{1F3FD}', '\uFEFF',
];
const PLAIN_TOKENS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'];

type Case = {
	code: string;
	metadata: Metadata;
	orderMetadata: Metadata;
	customer: string | CustomerReference | undefined;
};

/** mulberry32: a seeded PRNG small enough to live in the test, with no dependency. */
function createRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let mixed = Math.imul(state ^ (state >>> 15), state | 1);
		mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
		return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
	};
}

function createGenerator(random: () => number) {
	const integer = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
	const pick = <T>(list: readonly T[]): T => list[integer(0, list.length - 1)] as T;
	const token = (tokens = HOSTILE_TOKENS) => (random() < 0.5 ? pick(PLAIN_TOKENS) : pick(tokens));
	const text = (min: number, max: number, tokens?: string[]) => Array.from({ length: integer(min, max) }, () => token(tokens)).join('');

	/** A code the SDK sends unchanged: it trims codes, so the ends are not whitespace; at most 500 UTF-16 units. */
	const code = (): string => {
		for (;;) {
			const candidate = random() < 0.05 ? text(100, 250) : text(1, 30);
			if (candidate.trim() === candidate && candidate !== '' && candidate.length <= MAX_CODE_LENGTH) return candidate;
		}
	};
	// The query grammar reserves [ and ] in keys (the SDK refuses them), so keys draw from the rest.
	const keyTokens = HOSTILE_TOKENS.filter((entry) => !/[[\]]/.test(entry));
	const metadata = (): Metadata => Object.fromEntries(Array.from({ length: integer(0, 5) }, () => [text(1, 8, keyTokens), text(0, 12)]));
	const customer = (): Case['customer'] => {
		switch (integer(0, 3)) {
			case 0:
				return undefined;
			case 1:
				return code();
			case 2:
				return { source_id: code(), metadata: metadata() };
			default:
				return { metadata: metadata() };
		}
	};

	return (): Case => ({ code: code(), metadata: metadata(), orderMetadata: metadata(), customer: customer() });
}

/** A parsed query node as a plain object (the parser makes prototype-less ones), or undefined. */
const plain = (value: QueryValue | undefined): Record<string, QueryValue> | undefined =>
	typeof value === 'object' ? { ...value } : undefined;
const expectedMap = (metadata: Metadata | undefined): Record<string, string> | undefined =>
	metadata && Object.keys(metadata).length > 0 ? (metadata as Record<string, string>) : undefined;

useApi();

describe(`validate({ amount, … }) → the mock's query parser, ${CASES} random cases ${FOR_SEED}`, () => {
	const cases: Case[] = [];
	const searches: string[] = [];

	beforeAll(async () => {
		console.info(`[round-trip] seed ${SEED}; reproduce with ROUND_TRIP_SEED=${SEED}`);
		const next = createGenerator(createRandom(SEED));
		const client = makeClient();
		for (let index = 0; index < CASES; index += 1) {
			const drawn = next();
			cases.push(drawn);
			const { code: _code, ...promotionsParams } = drawn;
			await client.validate(promotionsParams);
			searches.push(requests.at(-1)?.url.search ?? '');
		}
	});

	const decoded = (index: number): QueryObject => parseQueryString(searches[index] ?? '');
	const each = (check: (drawn: Case, query: QueryObject, where: string) => void) =>
		cases.forEach((drawn, index) => check(drawn, decoded(index), `${FOR_SEED} case ${index}: ${JSON.stringify(drawn)}`));

	test(`sends one request per case, each one the mock's grammar accepts ${FOR_SEED}`, () => {
		expect(searches).toHaveLength(CASES);
		searches.forEach((search, index) => expect(() => parseQueryString(search), `${FOR_SEED} case ${index}`).not.toThrow());
	});

	test(`the decoded code equals the code sent, byte for byte ${FOR_SEED}`, () => {
		cases.forEach(({ code }, index) => expect(parseQueryString(encodeValidateQuery({ code }, undefined)).code, `${FOR_SEED} case ${index}`).toBe(code));
	});

	test(`the decoded metadata[…] equals the metadata sent ${FOR_SEED}`, () => {
		each(({ metadata }, query, where) => expect(plain(query.metadata), where).toEqual(expectedMap(metadata)));
	});

	test(`the decoded order[metadata][…] equals the orderMetadata sent ${FOR_SEED}`, () => {
		const orderMetadataOf = (query: QueryObject) => {
			const order = plain(query.order);
			return plain(order?.metadata);
		};
		each(({ orderMetadata }, query, where) => expect(orderMetadataOf(query), where).toEqual(expectedMap(orderMetadata)));
	});

	test(`the decoded customer[source_id] and customer[metadata][…] equal the customer sent ${FOR_SEED}`, () => {
		each(({ customer }, query, where) => {
			const reference = typeof customer === 'string' ? { source_id: customer } : customer;
			const sent = plain(query.customer);
			expect(sent?.source_id, where).toBe(reference?.source_id);
			expect(plain(sent?.metadata), where).toEqual(expectedMap(reference?.metadata));
		});
	});

	test(`every call after the first carries the answered tracking id, + / = intact ${FOR_SEED}`, () => {
		expect(decoded(0).tracking_id).toBeUndefined();
		expect(cases.slice(1).map((_drawn, index) => decoded(index + 1).tracking_id)).toEqual(Array(CASES - 1).fill(ANSWERED_TRACKING_ID));
	});

	test(`the query holds nothing but the parameters sent ${FOR_SEED}`, () => {
		each((_drawn, query, where) => expect(['code', 'tracking_id', 'metadata', 'order', 'customer'], where).toEqual(expect.arrayContaining(Object.keys(query))));
	});
});
