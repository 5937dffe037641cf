import type { BrowserContext, Page } from 'playwright-core';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PreviewServer } from '../../preview/server';
import { seriousViolations, type AxeViolation } from './axe';
import { launchChromium, SCREENSHOTS } from './browser';

const execFileAsync = promisify(execFile);
let preview: PreviewServer;
let context: BrowserContext;
let closeBrowser: () => Promise<void>;
let page: Page;

beforeAll(async () => {
  preview = await PreviewServer.start({ callTimeoutMs: 2000 });
  ({ context, close: closeBrowser } = await launchChromium());
}, 120000);
afterAll(async () => {
  await closeBrowser?.();
  await preview?.stop();
});
beforeEach(async () => {
  page = await context.newPage();
});
afterEach(async () => {
  await page.close();
  await fetch(`${preview.url}/api/faults`, { method: 'DELETE', body: JSON.stringify({}) });
});

const SUMMARY = 'Publish the Forge macro troubleshooting guide';
const macro = () => page.getByTestId('macro-body');
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

async function api(path: string, body: unknown, method = 'POST') {
  const response = await fetch(`${preview.url}/api/${path}`, { method, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
}

/** Opens the page on a scenario and waits until the macro has settled (no loading text). */
async function open(scenario: string) {
  await api('scenario', { name: scenario });
  await page.goto(preview.url);
  await page.waitForFunction(() => {
    const body = document.querySelector('[data-testid="macro-body"]');
    return !!body && body.textContent !== '' && !/Loading/.test(body.textContent ?? '');
  }, undefined, { timeout: 15000 });
}

async function selectScenario(name: string) {
  await Promise.all([page.waitForEvent('load'), page.getByTestId('scenario').selectOption(name)]);
}

/** What has the keyboard focus: a button's or link's text, or a test id. */
function focused(): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '<body>';
    return el.getAttribute('data-testid') && !['copy-code', 'host-allow-access'].includes(el.getAttribute('data-testid')!)
      ? `#${el.getAttribute('data-testid')}`
      : (el.getAttribute('aria-label') ?? el.innerText ?? '').trim().split('\n')[0].slice(0, 60);
  });
}

async function tabTo(label: string, key = 'Tab', limit = 30): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    seen.push(await focused());
    if (seen[seen.length - 1].startsWith(label)) return seen;
  }
  throw new Error(`"${label}" never got the focus; the focus went through: ${seen.join(' → ')}`);
}

describe('the local preview in Chromium', () => {
  test('healthy: the card and nothing else (no status lozenges, no buttons, no message)', async () => {
    await open('healthy');
    await expect(macro().getByText(SUMMARY).count()).resolves.toBe(1);
    expect(await macro().getByRole('link', { name: /DOC-42/ }).getAttribute('href')).toBe('https://acme.atlassian.net/browse/DOC-42');
    expect(await macro().getByRole('button').count()).toBe(0);
    expect(await macro().getByRole('heading').count()).toBe(0);
    expect(await macro().innerText()).not.toMatch(/Jira as you|Scopes|ok\b/);
    expect(await macro().locator('[data-unknown-component]').count()).toBe(0);
    await shot('healthy');
  });

  test('insert the macro, configure an issue key, see the card', async () => {
    await open('healthy');
    await Promise.all([page.waitForEvent('load'), page.getByTestId('remove-macro').click()]);
    await page.getByTestId('insert-macro').waitFor();
    expect(await focused()).toBe('#insert-macro');
    await Promise.all([page.waitForEvent('load'), page.getByTestId('insert-macro').click()]);
    await macro().getByText('Choose a Jira issue').waitFor();
    expect(await focused()).toBe('#macro');
    const field = page.getByTestId('config-panel').locator('input[name="issue"]');
    await field.fill('DOC-44');
    await macro().getByText('Screenshots for the scoped token how-to').waitFor();
  });

  test('an invalid value gets a clear message in the macro', async () => {
    await open('healthy');
    await page.getByTestId('edit-macro').click();
    await page.getByTestId('config-panel').locator('input[name="issue"]').fill('https://evil.example.com/browse/DOC-1');
    await macro().getByText("This macro's configuration is not a Jira issue").waitFor();
    await macro().getByText(/is not an Atlassian Cloud site/).waitFor();
  });

  test("seed 000: a reader sees one short message; the details open on request and show everything in full", async () => {
    await open('seed-000-empty-user-grant');
    await macro().getByRole('heading', { name: 'Jira did not let this app read DOC-42 for you' }).waitFor();
    const reader = await macro().boundingBox();
    expect(reader!.height).toBeLessThanOrEqual(250);
    expect(await macro().innerText()).toMatch(/ask a site admin/);
    expect(await macro().getByText('Details for site admins').count()).toBe(0);
    expect(await macro().innerText()).not.toMatch(/asApp|\/rest\/api|`/);
    await shot('seed-000-reader');

    await macro().getByRole('button', { name: 'Show details' }).click();
    await macro().getByRole('heading', { name: 'Details for site admins and the app developer' }).waitFor();
    const text = await macro().innerText();
    expect(text).toContain('Do not switch the call to asApp');
    expect(text).not.toContain('`');
    expect(await macro().locator('code', { hasText: 'forge install --upgrade' }).count()).toBe(1);
    expect(text).toContain('Scopes: failed');
    // One body size for prose and table cells alike (the components' own 14 px); only code is smaller.
    const sizes = await macro().evaluate((root) => {
      const found = new Set<string>();
      for (const el of Array.from(root.querySelectorAll('p, li, td'))) if ((el as HTMLElement).innerText.trim()) found.add(getComputedStyle(el).fontSize);
      return [...found];
    });
    expect(sizes.filter((size) => size !== '14px' && size !== '12px')).toEqual([]);
    expect(await macro().locator('td').first().evaluate((el) => getComputedStyle(el.querySelector('p') ?? el).fontSize)).toBe('14px');
    // The report is shown whole: no clipping, no scrolling region.
    const report = macro().locator('pre');
    expect(await report.innerText()).toContain('USER_GRANT_EMPTY');
    expect(await report.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && getComputedStyle(el).overflowY !== 'auto')).toBe(true);
    // Table and report use the same word for what the platform did not reveal.
    expect(text).not.toContain('not revealed');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: preview.url });
    await macro().getByRole('button', { name: 'Copy' }).click();
    await macro().getByRole('button', { name: 'Copied' }).waitFor();
    await macro().getByRole('status').getByText('Copied to the clipboard').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('USER_GRANT_EMPTY');
    await shot('seed-000-details');
  });

  test('Check again keeps the diagnosis in place until the new result arrives (a loading button, no spinner in its place, no layout shift)', async () => {
    await open('seed-000-empty-user-grant');
    await api('faults', { kind: 'latency', product: 'jira', ms: 1500 });
    const before = (await macro().boundingBox())!.height;
    const button = macro().getByRole('button', { name: 'Check again' });
    const place = await button.boundingBox();
    await button.click();
    await macro().locator('button[aria-disabled="true"]', { hasText: 'Check again' }).waitFor();
    // While it runs: the message stays, nothing moves, the button keeps its place and size.
    expect(await macro().getByRole('heading', { name: /Jira did not let this app read/ }).isVisible()).toBe(true);
    expect((await macro().boundingBox())!.height).toBe(before);
    expect(await button.boundingBox()).toEqual(place);
    expect(await macro().getByText(/Loading/).count()).toBe(0);
    await macro().locator('button[aria-disabled="true"]').waitFor({ state: 'detached', timeout: 10000 });
    expect((await macro().boundingBox())!.height).toBe(before);
  });

  test('consent needed: the platform prompt in place of the macro, the only "Allow access", first in order; allowing shows the issue', async () => {
    await open('consent-needed');
    const allow = page.getByRole('button', { name: 'Allow access' });
    await allow.waitFor();
    expect(await allow.count()).toBe(1);
    expect(await macro().getByTestId('consent-prompt').count()).toBe(1);
    // Only the macro's own edit controls come before it.
    expect(await tabTo('Allow access')).toEqual(['#edit-macro', '#remove-macro', 'Allow access']);
    await shot('consent-prompt');
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await macro().getByText(SUMMARY).waitFor();
    expect(await page.getByRole('button', { name: 'Allow access' }).count()).toBe(0);
    expect(await focused()).toBe('#macro');
  });

  test('Jira hanging: a diagnosis, not a spinner', async () => {
    await open('healthy');
    await selectScenario('jira-hanging');
    await macro().getByRole('heading', { name: 'Jira did not answer in time' }).waitFor({ timeout: 15000 });
    expect(await focused()).toBe('#scenario');
  });

  test('fault toggles: Jira 503 breaks the card and the message says so; clearing it heals', async () => {
    await open('healthy');
    await Promise.all([page.waitForEvent('load'), page.getByTestId('fault-server-error').click()]);
    await macro().getByRole('heading', { name: 'Jira is not answering right now' }).waitFor();
    expect(await page.getByTestId('fault-server-error').isChecked()).toBe(true);
    expect(await focused()).toBe('#fault-server-error');
    await Promise.all([page.waitForEvent('load'), page.getByTestId('fault-server-error').click()]);
    await macro().getByText(SUMMARY).waitFor();
  });

  test('seeds 001–003 say in the sidebar why the card shows, and give commands that show the failure', async () => {
    for (const [seed, command, code] of [
      ['seed-001-ex-path', 'npm run -s emulator -- call --scenario seed-001-ex-path --as user GET /ex/jira/', 'FORGE_EX_PATH'],
      ['seed-002-scoped-token', `curl -si -u mia@acme.example:ATATT-scoped-emulated-0003 ${preview.site.url}/rest/api/3/issue/DOC-42`, 'SCOPED_TOKEN_SITE_URL'],
      ['seed-003-admin-only', `curl -si -u mia@acme.example:ATATT-classic-emulated-0001 ${preview.site.url}/rest/api/2/settings/columns`, 'ADMIN_ONLY_ENDPOINT']
    ]) {
      await open(seed);
      const note = page.getByTestId('seed-note');
      expect(await note.innerText()).toMatch(/never .* so the card shows as in Healthy/);
      const pre = await note.locator('pre').innerText();
      expect(pre).toContain(command);
      expect(pre).toContain('| npx issue-doctor explain --as ');
      // The command as shown, run as a reader would paste it, explains the seed's failure.
      // (Asynchronously: the emulated site answering curl runs in this process.)
      const run = await execFileAsync('bash', ['-o', 'pipefail', '-c', pre], { cwd: join(__dirname, '..', '..'), encoding: 'utf8', timeout: 60000 }).catch(
        (error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' })
      );
      expect(`${run.stdout}${run.stderr}`).toContain(code);
    }
    await open('healthy');
    expect(await page.getByTestId('seed-note').count()).toBe(0);
  }, 120000);
});

describe('accessibility', () => {
  test('axe-core: no serious or critical violation in any scenario, details open or closed', async () => {
    const state = (await (await fetch(`${preview.url}/api/state`)).json()) as { scenarios: { name: string }[] };
    const found: string[] = [];
    const record = (where: string, violations: AxeViolation[]) => violations.forEach((v) => found.push(`${where}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.join(', ')}`));
    for (const { name } of state.scenarios) {
      await open(name);
      record(name, await seriousViolations(page));
      const details = macro().getByRole('button', { name: 'Show details' });
      if (await details.count()) {
        await details.click();
        await macro().getByRole('heading', { name: /Details for site admins/ }).waitFor();
        record(`${name} (details open)`, await seriousViolations(page));
      }
    }
    await open('healthy');
    await page.getByTestId('edit-macro').click();
    await page.getByTestId('config-panel').locator('input[name="issue"]').waitFor();
    record('healthy (config panel)', await seriousViolations(page));
    expect(found).toEqual([]);
    expect(state.scenarios.length).toBeGreaterThanOrEqual(14);
  }, 180000);

  test('keyboard only: when Check again brings the card back, the focus goes to the macro, not to the page', async () => {
    await open('jira-down');
    await tabTo('Check again');
    await api('faults', {}, 'DELETE');
    await page.keyboard.press('Enter');
    await macro().getByText(SUMMARY).waitFor();
    await page.waitForFunction(() => document.activeElement !== document.body);
    expect(await focused()).toBe('#macro');
  });

  test('keyboard only (seed 000): Tab order, Enter and Space activate, the focus lands somewhere useful after each action', async () => {
    await open('seed-000-empty-user-grant');
    expect(await tabTo('Show details')).toEqual(['#edit-macro', '#remove-macro', 'Renew access', 'Check again', 'Show details']);
    await page.keyboard.press('Enter');
    await macro().getByRole('heading', { name: /Details for site admins/ }).waitFor();
    expect(await focused()).toBe('Hide details');
    // Into the details, in reading order, then on to the sidebar.
    const order = await tabTo('#scenario');
    const at = (label: string) => order.findIndex((f) => f.startsWith(label));
    expect(at('https://id.atlassian.com/manage-profile/apps')).toBeGreaterThanOrEqual(0);
    expect(at('https://id.atlassian.com/manage-profile/apps')).toBeLessThan(at('Atlassian documentation'));
    expect(at('Atlassian documentation')).toBeLessThan(at('Copy'));
    await tabTo('Copy', 'Shift+Tab');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: preview.url });
    await page.keyboard.press('Space');
    await macro().getByRole('button', { name: 'Copied' }).waitFor();
    expect(await focused()).toBe('Copied');

    await tabTo('Check again', 'Shift+Tab');
    await page.keyboard.press('Space');
    await macro().locator('button[aria-disabled="true"]').waitFor({ state: 'detached' });
    expect(await focused()).toBe('Check again');

    await tabTo('Hide details', 'Tab');
    await page.keyboard.press('Space');
    await macro().getByRole('heading', { name: /Details for site admins/ }).waitFor({ state: 'detached' });
    expect(await focused()).toBe('Show details');

    await tabTo('Renew access', 'Shift+Tab');
    await page.keyboard.press('Enter');
    // The platform's prompt appears above the diagnosis, which stays, and takes the focus.
    await page.getByRole('button', { name: 'Allow access' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Allow access');
    expect(await macro().getByRole('heading', { name: /Jira did not let this app read/ }).isVisible()).toBe(true);
    await shot('seed-000-renew-access');
    // Seed 000 is a platform fault: consent given again does not fill the grant, and the macro says so again.
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await macro().getByRole('heading', { name: /Jira did not let this app read/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Allow access' }).count()).toBe(0);
    expect(await focused()).toBe('#macro');
  });
});
