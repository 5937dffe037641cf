import type { BrowserContext, Page } from 'playwright-core';
import { join } from 'node:path';
import { PreviewServer } from '../../preview/server';
import { launchChromium, SCREENSHOTS } from './browser';

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
});

const macro = () => page.getByTestId('macro-body');
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

async function open(scenario?: string) {
  if (scenario) await fetch(`${preview.url}/api/scenario`, { method: 'POST', body: JSON.stringify({ name: scenario }) });
  await page.goto(preview.url);
}

async function selectScenario(name: string) {
  await Promise.all([page.waitForEvent('load'), page.getByTestId('scenario').selectOption(name)]);
}

describe('the local preview in Chromium', () => {
  test('opens on the healthy scenario with the sample issue', async () => {
    await open('healthy');
    await expect(macro().getByText('Publish the Forge macro troubleshooting guide')).toBeTruthy();
    await macro().getByText('Publish the Forge macro troubleshooting guide').waitFor();
    await macro().getByText('Jira as you: ok').waitFor();
    expect(await macro().getByRole('link', { name: /DOC-42/ }).getAttribute('href')).toBe('https://acme.atlassian.net/browse/DOC-42');
    expect(await macro().locator('[data-unknown-component]').count()).toBe(0);
    await shot('healthy');
  });

  test('insert the macro, configure an issue key, see the card', async () => {
    await open('healthy');
    await page.getByTestId('remove-macro').click();
    await page.waitForLoadState('load');
    await Promise.all([page.waitForEvent('load'), page.getByTestId('insert-macro').click()]);
    await macro().getByText('Choose a Jira issue').waitFor();
    const field = page.getByTestId('config-panel').locator('input[name="issue"]');
    await field.fill('DOC-44');
    await macro().getByText('Screenshots for the scoped token how-to').waitFor();
    await page.getByTestId('config-panel').getByText('Shows DOC-44.').waitFor();
    await shot('configured');
  });

  test('an invalid value gets a clear message, in the panel and the macro', async () => {
    await open('healthy');
    await page.getByTestId('edit-macro').click();
    await page.getByTestId('config-panel').locator('input[name="issue"]').fill('https://evil.example.com/browse/DOC-1');
    await page.getByTestId('config-panel').getByText(/is not an Atlassian Cloud site/).waitFor();
    await macro().getByText("This macro's configuration is not a Jira issue").waitFor();
    await shot('invalid-config');
  });

  test("seed 000's scenario: the diagnostic panel names the empty Jira grant and its remedy", async () => {
    await open('healthy');
    await selectScenario('seed-000-empty-user-grant');
    await macro().getByRole('heading', { name: 'Your grant for Jira is empty: the app may not read Jira as you' }).waitFor();
    await macro().getByText('Diagnostic panel').waitFor();
    await macro().getByText(/Renew your consent/).waitFor();
    await macro().getByText('Jira as you: failing').waitFor();
    expect(await macro().locator('pre').innerText()).toContain('USER_GRANT_EMPTY');
    await shot('seed-000-diagnosis');
  });

  test('consent scenario: Allow access, then the issue shows', async () => {
    await open('consent-needed');
    await page.getByTestId('host-allow-access').waitFor();
    await macro().getByText('Allow access to show this Jira issue').waitFor();
    await shot('consent-prompt');
    await Promise.all([page.waitForEvent('load'), page.getByTestId('host-allow-access').click()]);
    await macro().getByText('Publish the Forge macro troubleshooting guide').waitFor();
    expect(await page.getByTestId('host-allow-access').count()).toBe(0);
  });

  test('Jira hanging: a diagnosis, not a spinner', async () => {
    await open('healthy');
    await selectScenario('jira-hanging');
    await macro().getByRole('heading', { name: 'Jira did not answer in time' }).waitFor({ timeout: 15000 });
    await shot('jira-hanging');
  });

  test('fault toggles: Jira 503 breaks the card and the diagnosis says so; clearing it heals', async () => {
    await open('healthy');
    await Promise.all([page.waitForEvent('load'), page.getByTestId('fault-server-error').click()]);
    await macro().getByRole('heading', { name: 'Jira is unavailable right now' }).waitFor();
    expect(await page.getByTestId('fault-server-error').isChecked()).toBe(true);
    await shot('fault-503');
    await Promise.all([page.waitForEvent('load'), page.getByTestId('fault-server-error').click()]);
    await macro().getByText('Publish the Forge macro troubleshooting guide').waitFor();
  });
});
