import type { IncomingHttpHeaders } from 'node:http';

/**
 * Why a request to a local control API (the emulator's, the preview's) is refused, or undefined. Only the server's
 * own loopback address may drive it: a `Host` naming anything else (DNS rebinding), an `Origin` from another site
 * or `Sec-Fetch-Site: cross-site` (a web page POSTing cross-origin) is refused. Requests without an Origin (curl,
 * Node's fetch, the tests) are accepted when the Host is the server's own.
 */
export function loopbackRefusal(headers: IncomingHttpHeaders, port: number, apiName: string): string | undefined {
  const own = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  const host = headers.host;
  if (!host || !own.has(host.toLowerCase())) return `the ${apiName} answers only requests to its own address 127.0.0.1:${port}, not Host "${printable(host ?? '')}"`;
  const origin = headers.origin;
  if (origin !== undefined && !own.has(originHost(origin))) return `the ${apiName} does not accept cross-origin requests (Origin "${printable(origin)}")`;
  if (headers['sec-fetch-site'] === 'cross-site') return `the ${apiName} does not accept cross-site requests`;
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

/** A header value fit for a one-line message: printable ASCII only, at most 100 characters. */
function printable(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '?').slice(0, 100);
}
