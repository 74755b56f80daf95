declare const __HARMONY_VERSION__: string | undefined;
// Inlined by the build (scripts/build.mjs) so `--version` reads no files.
export const VERSION = typeof __HARMONY_VERSION__ === 'string' ? __HARMONY_VERSION__ : '0.0.0-dev';
