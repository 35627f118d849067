/**
 * A minimal static file server over a build directory, on 127.0.0.1 and a free port, that
 * serves the site under its base path the way a static host would (directory → index.html,
 * unknown path → the site's 404.html with status 404). Used by browser tests and benchmarks.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  /** origin + base, always ending in `/`, e.g. `http://127.0.0.1:41234/archive/` */
  url: string;
  origin: string;
  /** bytes sent so far (bodies only) */
  bytesSent(): number;
  close(): Promise<void>;
}

export async function serveStatic(dir: string, base = '/'): Promise<StaticServer> {
  let sent = 0;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    const send404 = () => {
      const page = join(dir, '404.html');
      res.writeHead(404, { 'content-type': types['.html']! });
      if (existsSync(page)) createReadStream(page).on('data', (c) => (sent += c.length)).pipe(res);
      else res.end('not found');
    };
    if (!path.startsWith(base)) return send404();
    path = normalize('/' + path.slice(base.length));
    let file = join(dir, path);
    if (!file.startsWith(dir)) return send404();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { location: url.pathname + '/' + url.search });
        return res.end();
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) return send404();
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).on('data', (c) => (sent += c.length)).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + base,
    origin,
    bytesSent: () => sent,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
