// jsdom ships no types and @types/jsdom is not a dependency: just the part of its API the script-tag suite uses.
declare module 'jsdom' {
	export type DOMWindow = Window & typeof globalThis;

	export class VirtualConsole {
		on(event: 'jsdomError', listener: (error: Error) => void): this;
		on(event: 'error' | 'warn' | 'info' | 'log', listener: (...args: unknown[]) => void): this;
	}

	export type ConstructorOptions = {
		url?: string;
		runScripts?: 'dangerously' | 'outside-only';
		virtualConsole?: VirtualConsole;
		pretendToBeVisual?: boolean;
	};

	export class JSDOM {
		constructor(html?: string, options?: ConstructorOptions);
		readonly window: DOMWindow;
	}
}
