import { installForgeRuntime, runInvocation, type InstalledRuntime } from '../../emulator/forge-runtime';
import { EmulatedSite } from '../../emulator/site';

/** Starts an emulated site and installs the Forge runtime shim; tear down with the returned stop(). */
export async function startEmulatedForge(scenario = 'healthy'): Promise<{ site: EmulatedSite; runtime: InstalledRuntime; stop: () => Promise<void> }> {
  const site = await EmulatedSite.start({ scenario });
  const runtime = installForgeRuntime(site);
  return {
    site,
    runtime,
    stop: async () => {
      runtime.uninstall();
      await site.stop();
    }
  };
}

export function asViewer<T>(site: EmulatedSite, fn: () => Promise<T>): Promise<T> {
  return runInvocation({ accountId: site.scenario.viewerAccountId }, fn);
}
