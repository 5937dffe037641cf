import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { launchChromium, SCREENSHOTS } from './browser';

const ROOT = join(__dirname, '..', '..');

describe('npm start', () => {
  test('builds, serves the page with the healthy card configured, and stops cleanly on Ctrl-C', async () => {
    const child = spawn('npm', ['start', '--', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 60000;
      while (!/local preview: (http:\/\/127\.0\.0\.1:\d+)/.test(output)) {
        if (Date.now() > deadline) throw new Error(`npm start printed no URL:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const url = /local preview: (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1];
      expect(output).toContain('scenario: healthy, macro configured with DOC-42');
      // Counted from the launch (npm, tsx), not from when the server object was created.
      const ready = /ready in (\d+\.\d) s from npm start; (frontend build unchanged, reused|frontend built in \d+\.\d s)/.exec(output);
      expect(ready).not.toBeNull();
      const uptime = Number(ready![1]);
      expect(uptime).toBeGreaterThan(0.3);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('/assets/host.js');
      const state = await (await fetch(`${url}/api/state`)).json();
      expect(state).toMatchObject({ scenario: 'healthy', config: { issue: 'DOC-42' }, inserted: true });
      expect((await fetch(`${url}/api/scenario`, { method: 'POST', headers: { origin: 'https://evil.example' }, body: '{"name":"jira-down"}' })).status).toBe(403);
      const browser = await launchChromium();
      try {
        const page = await browser.context.newPage();
        await page.goto(url);
        await page.getByTestId('macro-body').getByText('Publish the Forge macro troubleshooting guide').waitFor();
        await page.screenshot({ path: join(SCREENSHOTS, 'npm-start.png'), fullPage: true });
      } finally {
        await browser.close();
      }
      process.kill(-child.pid!, 'SIGINT');
      let timer: ReturnType<typeof setTimeout> | undefined;
      const code = await Promise.race([exited, new Promise<string>((r) => (timer = setTimeout(() => r('timeout'), 10000)))]);
      clearTimeout(timer);
      expect(code).not.toBe('timeout');
      expect(code === 0 || code === null).toBe(true);
      await expect(fetch(url)).rejects.toThrow();
    } finally {
      // Exited by a signal, npm has no exit code: only a group still running is killed.
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
  });
});

describe('npm run emulator', () => {
  test('the banner prints the demo logins next to the scenarios', async () => {
    const child = spawn('npm', ['run', '-s', 'emulator', '--', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    try {
      const deadline = Date.now() + 30000;
      while (!output.includes('Scenarios:')) {
        if (Date.now() > deadline) throw new Error(`no banner:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const logins = output.slice(output.indexOf('Demo logins'), output.indexOf('Scenarios:'));
      expect(logins).toMatch(/Mia Krystof\s+user\s+API tokens: classic, scoped/);
      expect(logins).toMatch(/Ada Admin\s+site admin/);
      expect(logins).toContain('emulator/tenant/sample-tenant.ts');
      // The demo credentials are fake, but the banner prints no e-mail address or token all the same.
      expect(logins).not.toMatch(/@|ATATT/);
    } finally {
      process.kill(-child.pid!, 'SIGINT');
    }
  });
});
