import { parseArgs } from 'node:util';
import { MOCK_DEFAULTS } from '../options';

/** The `--help` text. */
export const CLI_USAGE = `Usage: voucherify-mock [options]

Serves a mock Voucherify API (client routes under /client/v1, server routes under /v1).

Options:
  --port <n>              Port to listen on; 0 picks a free one (default ${MOCK_DEFAULTS.port})
  --host <host>           Interface to listen on (default ${MOCK_DEFAULTS.host})
  --client-app-id <id>    Client application id (default ${MOCK_DEFAULTS.clientApplicationId})
  --client-token <token>  Client token (default ${MOCK_DEFAULTS.clientToken})
  --app-id <id>           Server application id, X-App-Id (default ${MOCK_DEFAULTS.applicationId})
  --app-token <token>     Server secret key, X-App-Token (default ${MOCK_DEFAULTS.secretKey})
  --allowed-origin <o>    Allowed browser origin: shop.com, .shop.com, https://shop.com:8443 or *;
                          repeat for several (default: ${MOCK_DEFAULTS.allowedOrigins.join(', ')})
  --fixtures <file.json>  A JSON array of vouchers replacing the default fixtures
  --data <file.json>      Load state from this file on start and save it after every change
  -h, --help              Show this help

Test-only: POST /__mock/reset restores the fixtures and clears customers and activity.
`;

/** A command line the CLI cannot run; exits with status 2. */
export class CliUsageError extends Error {
	override readonly name = 'CliUsageError';
}

/** What the command line asks for. */
export type CliCommand =
	| { readonly kind: 'help' }
	| {
			readonly kind: 'serve';
			readonly port: number;
			readonly host: string;
			readonly clientApplicationId?: string;
			readonly clientToken?: string;
			readonly applicationId?: string;
			readonly secretKey?: string;
			readonly allowedOrigins?: readonly string[];
			readonly fixturesFile?: string;
			readonly dataFile?: string;
	  };

function readPort(value: string | undefined): number {
	if (value === undefined) return MOCK_DEFAULTS.port;
	const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
	if (!(port >= 0 && port <= 65_535)) throw new CliUsageError(`--port must be an integer from 0 to 65535, not "${value}"`);
	return port;
}

/** Reads the command line; throws {@link CliUsageError} for unknown flags, missing values and bad ports. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
	let values;
	try {
		({ values } = parseArgs({
			args: [...argv],
			strict: true,
			allowPositionals: false,
			options: {
				port: { type: 'string' },
				host: { type: 'string' },
				'client-app-id': { type: 'string' },
				'client-token': { type: 'string' },
				'app-id': { type: 'string' },
				'app-token': { type: 'string' },
				'allowed-origin': { type: 'string', multiple: true },
				fixtures: { type: 'string' },
				data: { type: 'string' },
				help: { type: 'boolean', short: 'h' },
			},
		}));
	} catch (error) {
		throw new CliUsageError(error instanceof Error ? error.message : String(error));
	}
	if (values.help) return { kind: 'help' };
	const host = values.host ?? MOCK_DEFAULTS.host;
	if (host.trim() === '') throw new CliUsageError('--host must not be empty');
	const optional = {
		clientApplicationId: values['client-app-id'],
		clientToken: values['client-token'],
		applicationId: values['app-id'],
		secretKey: values['app-token'],
		allowedOrigins: values['allowed-origin'],
		fixturesFile: values.fixtures,
		dataFile: values.data,
	};
	return {
		kind: 'serve',
		port: readPort(values.port),
		host,
		...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
	};
}
