import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { sha256 as jsSha256 } from 'js-sha256';
import { sha256 } from '../../src/shared/sha256.js';

/**
Every build hashes identities with src/shared/sha256.ts, in the browser and in a backend's `hashIdentity` alike. It
must give SHA-256 for every text, or a visitor would split in two: node:crypto and js-sha256's pure-JS code (a
devDependency, the oracle only) check it.
*/

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Lengths around the 55/56 and 63/64 byte edges where the padding spills into another block. */
const EDGE_LENGTHS = [0, 1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 1000];

describe('the compact SHA-256', () => {
	test('matches the FIPS 180-4 test vectors', () => {
		expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
		expect(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
	});

	test.each(EDGE_LENGTHS)('agrees with node:crypto and js-sha256 on %d ASCII characters', (length) => {
		const text = 'a'.repeat(length);

		expect(sha256(text)).toBe(nodeSha256(text));
		expect(sha256(text)).toBe(jsSha256(text));
	});

	test.each(['josé@shop.example', 'Ærøskøbing', '東京', '😀 emoji', 'x'.repeat(63) + 'é'])('agrees on the UTF-8 bytes of %s', (text) => {
		expect(sha256(text)).toBe(nodeSha256(text));
		expect(sha256(text)).toBe(jsSha256(text));
	});

	test('agrees on 200 random texts of random lengths', () => {
		for (let run = 0; run < 200; run++) {
			const text = randomBytes(1 + (run % 150)).toString('base64') + String.fromCodePoint(0x20 + run * 97);

			expect(sha256(text)).toBe(nodeSha256(text));
		}
	});
});
