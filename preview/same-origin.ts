import type { IncomingMessage } from 'node:http';

/**
 * The preview's control API answers only its own page. A web page elsewhere could otherwise switch the
 * scenario or grant consent with a cross-origin POST, and a DNS-rebound name could read the state.
 * Requests without an Origin (curl, Node's fetch, the tests) are accepted when the Host is the server's own.
 */
export function foreignRequest(req: IncomingMessage, port: number): string | undefined {
  const own = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  const host = (req.headers.host ?? '').toLowerCase();
  if (!own.has(host)) return `Host "${host.slice(0, 100)}" is not this preview server`;
  const origin = req.headers.origin;
  if (origin !== undefined && !own.has(originHost(origin))) return `Origin "${origin.slice(0, 100)}" is not this preview server`;
  if (req.headers['sec-fetch-site'] === 'cross-site') return 'cross-site requests are refused';
  return undefined;
}

function originHost(origin: string): string {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' ? url.host.toLowerCase() : '';
  } catch {
    return '';
  }
}
