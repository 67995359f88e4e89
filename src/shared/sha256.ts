/**
SHA-256 (FIPS 180-4) of text as UTF-8, as lowercase hex: synchronous and free of Web Crypto, so it works on plain
http. The one hash of every build and of the server helper; test/node/sha256.test.ts holds it to node:crypto and
js-sha256. The constants are the fractional parts of the roots of the first primes, computed once.
*/

let roundConstants: number[] | undefined;
let initialHash: number[] | undefined;

const fractionBits = (root: number) => ((root - Math.floor(root)) * 2 ** 32) | 0;

function firstPrimes(count: number): number[] {
	const primes: number[] = [];
	for (let candidate = 2; primes.length < count; candidate++) {
		if (primes.every((prime) => candidate % prime !== 0)) primes.push(candidate);
	}
	return primes;
}

const rotate = (word: number, bits: number) => (word >>> bits) | (word << (32 - bits));

export function sha256(text: string): string {
	if (!roundConstants || !initialHash) {
		const primes = firstPrimes(64);
		roundConstants = primes.map((prime) => fractionBits(Math.cbrt(prime)));
		initialHash = primes.slice(0, 8).map((prime) => fractionBits(Math.sqrt(prime)));
	}
	const message = new TextEncoder().encode(text);
	// The message, a 1 bit, zeros, and its length in bits as 64 bits: a whole number of 64-byte blocks.
	const length = Math.ceil((message.length + 9) / 64) * 64;
	const padded = new Uint8Array(length);
	padded.set(message);
	padded[message.length] = 0x80;
	const view = new DataView(padded.buffer);
	view.setUint32(length - 8, Math.floor(message.length / 2 ** 29));
	view.setUint32(length - 4, message.length * 8);

	const hash = [...initialHash];
	const schedule = new Array<number>(64);
	for (let block = 0; block < length; block += 64) {
		for (let i = 0; i < 64; i++) {
			if (i < 16) {
				schedule[i] = view.getUint32(block + i * 4);
			} else {
				const [w15, w2] = [schedule[i - 15]!, schedule[i - 2]!];
				const s0 = rotate(w15, 7) ^ rotate(w15, 18) ^ (w15 >>> 3);
				const s1 = rotate(w2, 17) ^ rotate(w2, 19) ^ (w2 >>> 10);
				schedule[i] = (schedule[i - 16]! + s0 + schedule[i - 7]! + s1) | 0;
			}
		}
		let [a, b, c, d, e, f, g, h] = hash as [number, number, number, number, number, number, number, number];
		for (let i = 0; i < 64; i++) {
			const t1 = (h + (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) + ((e & f) ^ (~e & g)) + roundConstants[i]! + schedule[i]!) | 0;
			const t2 = ((rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
			[h, g, f, e, d, c, b, a] = [g, f, e, (d + t1) | 0, c, b, a, (t1 + t2) | 0];
		}
		[a, b, c, d, e, f, g, h].forEach((word, i) => (hash[i] = (hash[i]! + word) | 0));
	}
	return hash.map((word) => (word >>> 0).toString(16).padStart(8, '0')).join('');
}
