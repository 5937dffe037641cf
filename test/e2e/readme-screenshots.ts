/** `npm run screenshots`: the README's three pictures, taken from the local preview in Chromium. */
import { join } from 'node:path';
import { PreviewServer } from '../../preview/server';
import { launchChromium } from './browser';

const OUT = join(__dirname, '..', '..', 'docs', 'screenshots');

async function main(): Promise<void> {
  const preview = await PreviewServer.start();
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 700 });
    const open = async (scenario: string, ready: string) => {
      await fetch(`${preview.url}/api/scenario`, { method: 'POST', body: JSON.stringify({ name: scenario }) });
      await page.goto(preview.url);
      await page.getByTestId('macro-body').getByText(ready).first().waitFor();
    };
    const pagePart = () => page.locator('main.page');
    await open('healthy', 'Publish the Forge macro troubleshooting guide');
    await pagePart().screenshot({ path: join(OUT, 'healthy.png') });
    await open('seed-000-empty-user-grant', 'Jira did not let this app read DOC-42 for you');
    await pagePart().screenshot({ path: join(OUT, 'reader.png') });
    await page.getByRole('button', { name: 'Show details' }).click();
    await page.getByText('Details for site admins and the app developer').waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await pagePart().screenshot({ path: join(OUT, 'details.png') });
    console.log(`screenshots: ${['healthy', 'reader', 'details'].map((n) => join('docs', 'screenshots', `${n}.png`)).join(', ')}`);
  } finally {
    await browser.close();
    await preview.stop();
  }
}

main().catch((error) => {
  console.error(`screenshots: ${(error as Error).message}`);
  process.exit(1);
});
