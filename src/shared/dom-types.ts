/**
The instance type of a DOM class when the project compiles with the DOM lib, and `never` when it does not: the
public declarations name DOM types through these aliases, so a Node project without `lib: ["DOM"]` still compiles
them with `skipLibCheck` off, and a browser project sees the real `HTMLFormElement`.
*/
type DomInstance<Name extends string> = typeof globalThis extends Record<Name, { prototype: infer Instance }> ? Instance : never;

/** `HTMLFormElement` with the DOM lib, `never` without. */
export type DomFormElement = DomInstance<'HTMLFormElement'>;
/** `HTMLInputElement` with the DOM lib, `never` without. */
export type DomInputElement = DomInstance<'HTMLInputElement'>;
