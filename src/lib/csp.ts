/**
 * The Content-Security-Policy the site satisfies, shipped as a <meta> in every page and as
 * `_headers` for hosts that read one. Owned by the security work (issue 5); the layout imports it.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
