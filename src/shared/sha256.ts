/**
SHA-256 (FIPS 180-4) of text as UTF-8, as lowercase hex: synchronous and free of Web Crypto, so it works on plain
http. The one hash of every build and of the server helper; test/node/sha256.test.ts holds it to node:crypto and
js-sha256. The constants are the fractional parts of the roots of the first primes, computed on each call
(64 primes by trial division: microseconds, and fewer bytes in the script tag than a cache).
*/

const fractionBits = (root: number) => ((root % 1) * 2 ** 32) | 0;
const rotate = (word: number, bits: number) => (word >>> bits) | (word << (32 - bits));

export function sha256(text: string): string {
	const primes: number[] = [];
	for (let candidate = 2; primes.length < 64; candidate++) {
		if (primes.every((prime) => candidate % prime !== 0)) primes.push(candidate);
	}
	const rounds = primes.map((prime) => fractionBits(Math.cbrt(prime)));
	const message = new TextEncoder().encode(text);
	// The message, a 1 bit, zeros, and its length in bits as 64 bits: a whole number of 64-byte blocks.
	const length = Math.ceil((message.length + 9) / 64) * 64;
	const padded = new Uint8Array(length);
	padded.set(message);
	padded[message.length] = 0x80;
	const view = new DataView(padded.buffer);
	view.setUint32(length - 8, Math.floor(message.length / 2 ** 29));
	view.setUint32(length - 4, message.length * 8);

	let hash = primes.slice(0, 8).map((prime) => fractionBits(Math.sqrt(prime)));
	const schedule: number[] = [];
	for (let block = 0; block < length; block += 64) {
		// The working variables a…h: each round drops h, puts a new a in front and adds to e.
		const work = [...hash];
		for (let i = 0; i < 64; i++) {
			const w15 = schedule[i - 15]!;
			const w2 = schedule[i - 2]!;
			schedule[i] =
				i < 16
					? view.getUint32(block + i * 4)
					: (schedule[i - 16]! + (rotate(w15, 7) ^ rotate(w15, 18) ^ (w15 >>> 3)) + schedule[i - 7]! + (rotate(w2, 17) ^ rotate(w2, 19) ^ (w2 >>> 10))) | 0;
			const [a, b, c, , e, f, g, h] = work as [number, number, number, number, number, number, number, number];
			const t1 = h + (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) + ((e & f) ^ (~e & g)) + rounds[i]! + schedule[i]!;
			const t2 = (rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
			work.pop();
			work.unshift((t1 + t2) | 0);
			work[4] = (work[4]! + t1) | 0;
		}
		hash = hash.map((word, i) => (word + work[i]!) | 0);
	}
	return hash.map((word) => (word >>> 0).toString(16).padStart(8, '0')).join('');
}
