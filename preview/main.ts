/** `npm start`: builds the frontend, starts the emulated site and the local Forge host, prints the URL. */
import { launchStartedAt } from './launch-time';
import { PreviewServer } from './server';

function portFromArgs(argv: string[]): number {
  const i = argv.indexOf('--port');
  const port = i >= 0 ? Number(argv[i + 1]) : Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be a number between 0 and 65535.');
  return port;
}

async function main(): Promise<void> {
  const started = launchStartedAt();
  const preview = await PreviewServer.start({ port: portFromArgs(process.argv.slice(2)) });
  const build = preview.build.cached ? 'frontend build unchanged, reused' : `frontend built in ${(preview.build.ms / 1000).toFixed(1)} s`;
  console.log(`Issue Doctor local preview: ${preview.url}  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s from npm start; ${build})`);
  console.log(`  scenario: ${preview.site.scenario.name}, macro configured with ${preview.config?.issue}`);
  console.log(`  emulated Atlassian site: ${preview.site.url}`);
  console.log('  Ctrl-C stops everything.');
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    preview.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(`preview: ${(error as Error).message}`);
  process.exit(1);
});
