/** The emulator's adversarial-body fault (used by the benchmark) and the resolver's answer to it. */
import { handler } from '../../src/resolvers';
import { invokeResolver } from '../../emulator/forge-runtime';
import { ADVERSARIAL_BODY_BYTES } from '../../emulator/faults';
import type { CheckedResult } from '../../src/macro/render-result';
import { MAX_ERROR_BODY_BYTES, timedCall } from '../../src/resolvers/product-call';
import { readCapped } from '../../src/resolvers/read-capped';
import { startEmulatedForge } from '../helpers/emulated-forge';
import { macroContext } from '../helpers/macro-context';
import type { EmulatedSite } from '../../emulator/site';

let site: EmulatedSite;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ site, stop } = await startEmulatedForge());
});
afterAll(() => stop());

test('the fault serves 64 KiB of JSON in each product\'s error shape, and a render of it is still a diagnosis', async () => {
  site.useScenario('healthy');
  site.addFault({ kind: 'adversarial-body', product: 'jira', status: 403 });
  site.addFault({ kind: 'adversarial-body', product: 'confluence', status: 403 });
  const jira = await fetch(`${site.url}/__forge/jira/rest/api/3/issue/DOC-42`, { headers: { 'x-forge-provider': 'app' } });
  const jiraBody = await jira.text();
  expect(jira.status).toBe(403);
  expect(Buffer.byteLength(jiraBody)).toBe(ADVERSARIAL_BODY_BYTES);
  expect(JSON.parse(jiraBody).errorMessages).toHaveLength(2);
  const confluenceBody = await (await fetch(`${site.url}/__forge/confluence/wiki/api/v2/pages/98305`, { headers: { 'x-forge-provider': 'app' } })).text();
  expect(Buffer.byteLength(confluenceBody)).toBe(ADVERSARIAL_BODY_BYTES);
  expect(JSON.parse(confluenceBody).errors[0].detail).toContain('granted the following scopes: [granted');

  const result = (await invokeResolver(handler as never, { functionKey: 'render', accountId: site.scenario.viewerAccountId, context: macroContext('DOC-42') })) as CheckedResult;
  expect(result.state).toBe('checked');
  expect(result.issue).toBeUndefined();
  expect(result.findings[0].code).toBe('PERMISSION_DENIED');
  site.clearFaults();
}, 60_000);

describe('readCapped: error bodies are read only up to the cap', () => {
  test('a streamed 64 KiB body from the emulated site yields its first 16 KiB; the stream is consumed', async () => {
    site.useScenario('healthy');
    site.addFault({ kind: 'adversarial-body', product: 'jira', status: 403 });
    const response = await fetch(`${site.url}/__forge/jira/rest/api/3/issue/DOC-42`, { headers: { 'x-forge-provider': 'app' } });
    const text = await readCapped(response, MAX_ERROR_BODY_BYTES);
    expect(text.length).toBe(MAX_ERROR_BODY_BYTES);
    expect(text.startsWith('{"errorMessages":["aaaa')).toBe(true);
    // The remainder was drained, not kept: the body cannot be read a second time.
    expect(response.bodyUsed).toBe(true);
    site.clearFaults();
  });

  test('a small body is read whole; a body without a stream is sliced', async () => {
    const small = await fetch(`${site.url}/__forge/jira/rest/api/3/issue/NOPE-1`, { headers: { 'x-forge-provider': 'app' } });
    expect(await readCapped(small, MAX_ERROR_BODY_BYTES)).toBe('{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}');
    expect(await readCapped({ text: async () => 'x'.repeat(100) }, 10)).toBe('x'.repeat(10));
  });

  test('a body far past the drain limit is cancelled, not read to its end', async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        // "Endless" for any reader that stops in time; a broken drain sees it end (at 16 MiB) and fails below, not hangs.
        if (pulled > 1024) controller.close();
        else controller.enqueue(new Uint8Array(16 * 1024).fill(97));
      },
      cancel() {
        cancelled = true;
      }
    });
    const text = await readCapped({ body: endless, text: async () => '' }, 1024);
    expect(text).toBe('a'.repeat(1024));
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(40);
  });

  test('timedCall reads an error body through the cap, never whole: text() is not called on a failing response', async () => {
    let pulled = 0;
    const huge = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 1024) controller.close();
        else controller.enqueue(new Uint8Array(16 * 1024).fill(98));
      }
    });
    let wholeBodyRead = false;
    const response = {
      status: 403,
      statusText: 'Forbidden',
      headers: new Headers({ 'content-type': 'application/json' }),
      body: huge,
      text: async () => {
        wholeBodyRead = true;
        return 'b'.repeat(16 * 1024 * 1024);
      }
    };
    const outcome = await timedCall('Jira', 2000, async () => response, false);
    expect(wholeBodyRead).toBe(false);
    expect(outcome.response?.body).toBe('b'.repeat(MAX_ERROR_BODY_BYTES));
    expect(pulled).toBeLessThan(40);
  });

  test('a multi-byte character cut at the cap does not throw', async () => {
    const body = new Response('é'.repeat(20)).body;
    expect(await readCapped({ body, text: async () => '' }, 5)).toMatch(/^éé\uFFFD$/);
  });
});
