import { request } from 'node:http';
import { utimesSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildPreview, previewBuildIsCurrent, ROOT } from '../../preview/build';
import { PreviewServer } from '../../preview/server';

let preview: PreviewServer;
beforeAll(async () => {
  preview = await PreviewServer.start({ skipBuild: true });
});
afterAll(() => preview.stop());

/** A raw request, so that Host and Origin can be anything a browser or a rebound DNS name would send. */
function call(path: string, headers: Record<string, string>, method = 'POST', body = '{"name":"seed-000-empty-user-grant"}'): Promise<{ status: number; body: string }> {
  const url = new URL(preview.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(method === 'GET' ? undefined : body);
  });
}

describe('the preview control API answers only its own page', () => {
  const own = () => new URL(preview.url).host;

  test.each([
    ['a foreign Origin', () => ({ host: own(), origin: 'https://evil.example' })],
    ['a foreign Origin on the same host name but another port', () => ({ host: own(), origin: 'http://127.0.0.1:1' })],
    ['a null Origin (sandboxed frame, file://)', () => ({ host: own(), origin: 'null' })],
    ['a foreign Host (DNS rebinding)', () => ({ host: `attacker.example:${new URL(preview.url).port}` })],
    ['a cross-site fetch', () => ({ host: own(), 'sec-fetch-site': 'cross-site' })]
  ])('%s is refused and changes nothing', async (_name, headers) => {
    const before = preview.site.scenario.name;
    const answer = await call('/api/scenario', headers());
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(/Refused/);
    expect(preview.site.scenario.name).toBe(before);
    expect((await call('/api/state', headers(), 'GET')).status).toBe(403);
  });

  test('its own page (Origin = the server) and tools without an Origin are served', async () => {
    expect((await call('/api/scenario', { host: own(), origin: preview.url, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect(preview.site.scenario.name).toBe('seed-000-empty-user-grant');
    expect((await call('/api/scenario', { host: `localhost:${new URL(preview.url).port}` }, 'POST', '{"name":"healthy"}')).status).toBe(200);
    expect(preview.site.scenario.name).toBe('healthy');
  });
});

describe('the preview build is cached between starts', () => {
  test('reused when nothing changed, rebuilt when a source changed', async () => {
    await buildPreview();
    expect(previewBuildIsCurrent()).toBe(true);
    const again = await buildPreview();
    expect(again.cached).toBe(true);
    const source = join(ROOT, 'src', 'frontend', 'labels.ts');
    const { atime, mtime } = statSync(source);
    try {
      utimesSync(source, atime, new Date(mtime.getTime() + 5000));
      expect(previewBuildIsCurrent()).toBe(false);
      const rebuilt = await buildPreview();
      expect(rebuilt.cached).toBe(false);
      expect(previewBuildIsCurrent()).toBe(true);
    } finally {
      utimesSync(source, atime, mtime);
    }
  }, 60000);
});
