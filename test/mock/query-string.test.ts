import { describe, expect, test } from 'vitest';
import { parseQueryString } from '../../src/mock/input/query-string.js';

const keyOf = (run: () => unknown) => {
	try {
		run();
	} catch (error) {
		return (error as { key?: string }).key;
	}
	return undefined;
};

describe('the validate query grammar', () => {
	test('bracketed keys nest, list indexes included', () => {
		expect(parseQueryString('?code=X&item[0][product_id]=p1&item[1][quantity]=2&order[metadata][channel]=web')).toEqual({
			code: 'X',
			item: { 0: { product_id: 'p1' }, 1: { quantity: '2' } },
			order: { metadata: { channel: 'web' } },
		});
	});

	test('percent-encoded brackets read like literal ones', () => {
		expect(parseQueryString('customer%5Bmetadata%5D%5Btier%5D=gold')).toEqual(parseQueryString('customer[metadata][tier]=gold'));
	});

	test('+ is a space and %2B a plus', () => {
		expect(parseQueryString('metadata[note]=two+words&tracking_id=track_a%2Bb%2F%3D')).toEqual({ metadata: { note: 'two words' }, tracking_id: 'track_a+b/=' });
	});

	test('a literal = inside a value is kept', () => {
		expect(parseQueryString('tracking_id=track_abc==')).toEqual({ tracking_id: 'track_abc==' });
	});

	test('a key without a value reads as an empty string', () => {
		expect(parseQueryString('flag&x=1')).toEqual({ flag: '', x: '1' });
	});

	test('__proto__ is an ordinary key and pollutes nothing', () => {
		const query = parseQueryString('metadata[__proto__][polluted]=yes');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.keys(query.metadata as object)).toEqual(['__proto__']);
	});

	test.each([
		['a parameter given twice', 'code=A&code=B'],
		['a scalar and an object under one name', 'customer=x&customer[source_id]=y'],
		['empty brackets', 'item[][product_id]=p'],
		['an unclosed bracket', 'item[0=1'],
		['malformed percent-encoding', 'code=%E0%A4%A'],
		['nesting deeper than five levels', 'a[b][c][d][e][f]=1'],
	])('%s is invalid_query_params', (_name, search) => {
		expect(keyOf(() => parseQueryString(search))).toBe('invalid_query_params');
	});
});
