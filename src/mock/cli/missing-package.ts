/** The peer the mock is built on; the only package `voucherify-mock` can miss in a correct install. */
export const MOCK_PEER = 'msw';

/**
The package a failed `import()` could not find, from Node's `ERR_MODULE_NOT_FOUND` ("Cannot find package 'msw'
imported from …"); `undefined` for any other error, including a missing file inside a package that is there.
*/
export function missingPackageOf(error: unknown): string | undefined {
	if (!(error instanceof Error) || (error as { code?: unknown }).code !== 'ERR_MODULE_NOT_FOUND') return undefined;
	return /Cannot find package '((?:@[^/']+\/)?[^/']+)/.exec(error.message)?.[1];
}

/** The one line `voucherify-mock` prints when msw is not installed: the package, and the command that installs it. */
export const missingPeerMessage = (name: string): string =>
	`[voucherify] mock: voucherify-mock needs the ${name} package, which is not installed; install it with: npm install --save-dev ${name}@^2.15.0\n`;
