import { readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux (getconf CLK_TCK)

/** When process `pid` started (ms since the epoch), from /proc; undefined where there is no /proc. */
function startedAt(pid: number): { ms: number; parent: number; command: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may itself hold spaces or parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const bootSeconds = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    const ms = bootSeconds * 1000 + (Number(fields[19]) * 1000) / CLOCK_TICKS_PER_SECOND;
    return Number.isFinite(ms) ? { ms, parent: Number(fields[1]), command } : undefined;
  } catch {
    return undefined;
  }
}

/** `npm start` runs npm, a shell, tsx's launcher and then this process: all of them are the launch. */
const LAUNCHER = /(^|[\s/])(npm|npx|tsx|sh|bash|node)(\s|$)|npm-cli\.js|\/tsx\/|tsx\/dist/;

/**
 * When the command that started the preview began: the earliest ancestor that is still part of the
 * launch (npm, the shell, tsx), or this process's own start where /proc is not available.
 */
export function launchStartedAt(): number {
  let earliest = Date.now() - process.uptime() * 1000;
  let pid = process.ppid;
  for (let depth = 0; depth < 6 && pid > 1; depth++) {
    const info = startedAt(pid);
    if (!info || !LAUNCHER.test(info.command) || !/preview|npm|tsx/.test(info.command)) break;
    earliest = Math.min(earliest, info.ms);
    pid = info.parent;
  }
  return earliest;
}
