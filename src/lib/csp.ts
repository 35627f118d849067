/**
 * The Content-Security-Policy the site satisfies, shipped as a <meta http-equiv> in every page
 * (the layout imports `contentSecurityPolicy`) and as `_headers` for hosts that read one
 * (scripts/headers.ts, run after the build). Owned by the proof work (issue 5).
 *
 * Why each source is allowed:
 * - everything is same-origin: no CDN, no web font, no analytics (tests/browser/network.test.ts
 *   fails on any request to another host);
 * - `'wasm-unsafe-eval'`: Pagefind compiles its WebAssembly search engine in the browser;
 * - `worker-src 'self' blob:`: Pagefind runs its search in a worker that it may start from a blob;
 * - `img-src data:`: small inline icons (SVG data URLs) in CSS;
 * - no `'unsafe-inline'` anywhere: pages carry no inline script, and inline `style="…"` attributes
 *   are not allowed (use classes), which tests/browser/network.test.ts checks by collecting
 *   `securitypolicyviolation` events on every page template, including a search.
 *
 * A <meta> policy cannot carry `frame-ancestors` (browsers ignore it there), so it is added only
 * to the header form (`headerPolicy`).
 */
const directives: readonly string[] = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** The policy as put in the <meta http-equiv="Content-Security-Policy"> of every page. */
export const contentSecurityPolicy: string = directives.join('; ');

/** The policy as sent in an HTTP header: the same, plus what only a header can say. */
export const headerPolicy: string = [...directives, "frame-ancestors 'none'"].join('; ');
