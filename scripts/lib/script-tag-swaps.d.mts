import type { Plugin } from 'vite';

export function scriptTagSwaps(): Plugin;
