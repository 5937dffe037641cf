/** The emulator as a dev server that holds: bounded request log, a control API only its own address can drive, safe faults. */
import { request } from 'node:http';
import { EmulatedSite } from '../../emulator/site';
import { LOG_LIMIT, MAX_LOGGED_URL, RequestLog } from '../../emulator/request-log';
import { MAX_FAULT_PATH, pathPatternMatches, validateFault } from '../../emulator/faults';

let site: EmulatedSite;
beforeAll(async () => {
  site = await EmulatedSite.start();
});
afterAll(() => site.stop());
beforeEach(() => {
  site.useScenario('healthy');
  site.clearLog();
});

/** A raw HTTP request, so Host and Origin can be set exactly as a browser or an attacker would. */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(site.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, setHost: !('Host' in headers) }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('request log', () => {
  test(`keeps the newest ${LOG_LIMIT} requests over real HTTP, each URL cut at ${MAX_LOGGED_URL} characters`, async () => {
    const total = LOG_LIMIT + 25;
    const long = 'x'.repeat(MAX_LOGGED_URL * 4);
    for (let i = 0; i < total; i += 25) {
      await Promise.all(Array.from({ length: 25 }, (_, j) => fetch(`${site.url}/rest/api/3/serverInfo?n=${i + j}&pad=${long}`).then((r) => r.arrayBuffer())));
    }
    const log = site.requestLog();
    expect(log).toHaveLength(LOG_LIMIT);
    const seqs = log.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(Math.max(...seqs) - Math.min(...seqs)).toBe(LOG_LIMIT - 1);
    expect(log.every((e) => e.url.length <= MAX_LOGGED_URL + 1)).toBe(true);
    const served = await (await fetch(`${site.url}/__emulator/log`)).json();
    expect(served).toHaveLength(LOG_LIMIT);
  });
  test('the bound is the newest N, in order', () => {
    const log = new RequestLog(3);
    for (let seq = 1; seq <= 7; seq++) log.add({ seq, at: '', via: 'other', as: 'anonymous', method: 'GET', url: '/' });
    expect(log.newest().map((e) => e.seq)).toEqual([5, 6, 7]);
  });
});

describe('control API: only its own loopback address', () => {
  const own = () => `127.0.0.1:${new URL(site.url).port}`;
  const post = (headers: Record<string, string>) => raw('POST', '/__emulator/scenario', { 'content-type': 'application/json', ...headers }, JSON.stringify({ name: 'jira-down' }));

  test('a cross-origin POST (a web page) is refused with a one-line 403 and changes nothing', async () => {
    const r = await post({ Origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    expect(r.body).toMatch(/^Refused: the control API does not accept cross-origin requests \(Origin "https:\/\/evil\.example"\)\.\n$/);
    expect(site.scenario.name).toBe('healthy');
    expect((await post({ Origin: 'null' })).status).toBe(403);
    expect((await post({ Origin: `http://127.0.0.1:${Number(new URL(site.url).port) + 1}` })).status).toBe(403);
  });
  test('a foreign Host (DNS rebinding) is refused, GET included', async () => {
    const r = await raw('GET', '/__emulator/state', { Host: `attacker.example:${new URL(site.url).port}` });
    expect(r.status).toBe(403);
    expect(r.body.trimEnd().split('\n')).toHaveLength(1);
    expect(r.body).toContain('own address');
    expect((await post({ Host: 'attacker.example' })).status).toBe(403);
    expect(site.scenario.name).toBe('healthy');
  });
  test('its own origin, localhost, and tools that send no Origin are served', async () => {
    expect((await post({ Origin: `http://${own()}` })).status).toBe(200);
    expect(site.scenario.name).toBe('jira-down');
    expect((await raw('GET', '/__emulator/state', { Host: `localhost:${new URL(site.url).port}` })).status).toBe(200);
    expect((await fetch(`${site.url}/__emulator/state`)).status).toBe(200);
  });
  test('an oversized control body is refused with 413 and changes nothing', async () => {
    const r = await fetch(`${site.url}/__emulator/scenario`, { method: 'POST', body: JSON.stringify({ name: 'jira-down', pad: 'x'.repeat(70 * 1024) }) });
    expect(r.status).toBe(413);
    expect(site.scenario.name).toBe('healthy');
  });
  test('product routes are not the control API: an Origin there meets only the gateway (here: anonymous, 401)', async () => {
    const r = await raw('GET', '/rest/api/3/serverInfo', { Origin: 'https://evil.example' });
    expect(r.status).toBe(401);
    expect(r.body).not.toContain('Refused');
  });
});

describe('faults: safe path patterns, checked statuses', () => {
  const postFault = (fault: unknown) => fetch(`${site.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify(fault) });

  test('a catastrophic regex is refused at once with a 400, and the server keeps answering', async () => {
    const started = Date.now();
    const r = await postFault({ kind: 'hang', path: '(a+)+$' });
    expect(r.status).toBe(400);
    expect((await r.json()).error).toMatch(/path/);
    expect((await postFault({ kind: 'hang', path: '/rest/(a+)+$' })).status).toBe(400);
    expect((await fetch(`${site.url}/_edge/tenant_info`)).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(site.faults).toEqual([]);
  });
  test('statuses outside what the fault can send are refused: 99, 600, a 404 "server error", a status on a hang', async () => {
    for (const fault of [
      { kind: 'server-error', status: 99 },
      { kind: 'server-error', status: 600 },
      { kind: 'server-error', status: 404 },
      { kind: 'server-error', status: 503.5 },
      { kind: 'html', status: 99 },
      { kind: 'html', status: 1000 },
      { kind: 'hang', status: 503 },
      { kind: 'rate-limit', retryAfterSeconds: -1 },
      { kind: 'latency', ms: Number.MAX_SAFE_INTEGER },
      { kind: 'latency', ms: 10, extra: true },
      { kind: 'latency', provider: 'robot' },
      { kind: 'latency', path: 'rest/api' },
      { kind: 'latency', path: `/${'a'.repeat(MAX_FAULT_PATH)}` },
      { kind: 'latency', path: '/rest/\u0000api' },
      { kind: 'latency', product: 'bitbucket' },
      { kind: 'adversarial-body', status: 200 },
      { kind: 'adversarial-body', status: 600 },
      { kind: 'teapot' }
    ]) {
      const r = await postFault(fault);
      expect([JSON.stringify(fault), r.status]).toEqual([JSON.stringify(fault), 400]);
      expect((await r.json()).error).not.toContain('\n');
    }
    expect(site.faults).toEqual([]);
    expect((await postFault({ kind: 'server-error', status: 502 })).status).toBe(200);
    expect((await postFault({ kind: 'html', status: 200 })).status).toBe(200);
    expect((await postFault({ kind: 'adversarial-body', product: 'jira', status: 403 })).status).toBe(200);
  });
  test('a prefix or a glob selects the routes it names, nothing else', async () => {
    site.addFault({ kind: 'server-error', status: 502, product: 'jira', path: '/rest/api/3/issue/*/comment' });
    site.addFault({ kind: 'server-error', status: 504, path: '^/rest/api/3/project/' });
    const status = (path: string) => fetch(`${site.url}${path}`).then((r) => r.status);
    expect(await status('/rest/api/3/issue/DOC-42/comment')).toBe(502);
    expect(await status('/rest/api/3/issue/DOC-42')).toBe(404);
    expect(await status('/rest/api/3/project/search')).toBe(504);
    expect(await status('/rest/api/3/serverInfo')).toBe(401); // not faulted: the gateway's answer to an anonymous caller
  });
  test('glob matching stays linear: adversarial patterns against a long path take milliseconds', () => {
    const path = `/${'a'.repeat(100_000)}`;
    const pattern = `/${'*a'.repeat(120)}*b`;
    expect(() => validateFault({ kind: 'hang', path: pattern })).not.toThrow();
    const started = process.hrtime.bigint();
    expect(pathPatternMatches(pattern, path)).toBe(false);
    expect(pathPatternMatches('/a*a*a', path)).toBe(true);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(200);
  });
});
