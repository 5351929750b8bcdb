/**
 * The Content-Security-Policy sent with every page of the UI.
 *
 * Scripts and stylesheets come only from the app origin; nothing is eval'd or inlined.
 * Style *attributes* are allowed (`style-src-attr 'unsafe-inline'`) because the reader
 * colours highlights per tag with inline styles; `<style>` elements and foreign
 * stylesheets stay blocked. Network access is limited to the app origin and websockets
 * (the team sync server may be on any host the invite names) plus plain http on loopback
 * for a local server. Plugins, frames, `<base>` and form posts are off.
 */

/** Directive name to its source list, in the order they are written. */
export const CONTENT_SECURITY_POLICY_DIRECTIVES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'"]],
  ['style-src-attr', ["'unsafe-inline'"]],
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['font-src', ["'self'", 'data:']],
  ['connect-src', ["'self'", 'ws:', 'wss:', 'http://127.0.0.1:*']],
  ['worker-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['frame-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
];

/** The policy as one header value. */
export const CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY_DIRECTIVES.map(
  ([name, sources]) => `${name} ${sources.join(' ')}`,
).join('; ');
