/**
 * Build-time constants the renderer's bundler replaces with literals (vite.config.ts
 * `define`). Declared here so TypeScript knows them; each is a literal in the bundle, so
 * code behind a `false` one is removed as dead code.
 */

/**
 * True only in the test build (out/renderer-test): the page test hook
 * (sync/test-hook.ts) is installed. False in the app people use, which then contains no
 * trace of the hook.
 */
declare const __MARGINALIA_TEST_HOOK__: boolean;
