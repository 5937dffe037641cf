import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * The emulated site in a process of its own, so that `process.cpuUsage()` in the benchmark counts the resolver's
 * work and not the site's. Driven through its control API.
 */
export class EmulatorProcess {
  private constructor(private readonly child: ChildProcess, readonly url: string) {}

  static start(scenario = 'healthy'): Promise<EmulatorProcess> {
    const root = join(__dirname, '..');
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'emulator', 'main.ts'), '--scenario', scenario], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit']
    });
    return new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error('the emulator did not start within 30 s'));
      }, 30_000);
      child.once('exit', (code) => reject(new Error(`the emulator exited (${code}) before listening`)));
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (!match) return;
        clearTimeout(timer);
        child.stdout!.removeAllListeners('data');
        child.stdout!.resume();
        resolve(new EmulatorProcess(child, match[1]));
      });
    });
  }

  async control(method: 'POST' | 'DELETE', action: string, body?: unknown): Promise<void> {
    const response = await fetch(`${this.url}/__emulator/${action}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (!response.ok) throw new Error(`emulator ${method} ${action}: ${response.status} ${await response.text()}`);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}
