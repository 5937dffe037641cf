/**
 * `npm run emulator -- --scenario <name> [--port N]`: runs the emulated Atlassian site for people.
 * `npm run emulator -- call ...`: one Forge call through @forge/api, printed as curl -i (./call.ts).
 */
import { demoLoginLines } from './banner';
import { CALL_USAGE, CallUsageError, describeThrown, emulatorCall, parseCallArgs } from './call';
import { SCENARIOS } from './scenarios';
import { EmulatedSite } from './site';

function parseArgs(argv: string[]): { scenario: string; port: number } {
  let scenario = 'healthy';
  let port = 0;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--scenario') scenario = argv[++i] ?? '';
    else if (argv[i] === '--port') port = Number(argv[++i]);
    else throw new Error(`Unknown argument "${argv[i].slice(0, 40)}". usage: npm run emulator -- --scenario <name> [--port N], or ${CALL_USAGE.replace('usage: ', '')}`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be a number between 0 and 65535.');
  return { scenario, port };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const site = await EmulatedSite.start(options);
  const { tenant } = site;
  console.log(`Emulated Atlassian site listening on ${site.url} (scenario: ${site.scenario.name})`);
  console.log(`  site URL           ${site.url}/rest/api/3/...  and  ${site.url}/wiki/api/v2/...   (plays https://${tenant.site})`);
  console.log(`  API gateway        ${site.url}/ex/jira/${tenant.cloudId}/...   (plays https://api.atlassian.com)`);
  console.log(`  tenant info        ${site.url}/_edge/tenant_info`);
  console.log(`  Forge calls        ${site.url}/__forge/{jira|confluence}/...   (used by the runtime shim)`);
  console.log(`  control API        ${site.url}/__emulator/state   (POST scenario, consent, upgrade, install, faults)`);
  console.log(`  one Forge call     ${CALL_USAGE.replace('usage: ', '')}`);
  console.log(`\n${demoLoginLines(tenant).join('\n')}`);
  console.log('\nScenarios:');
  for (const s of SCENARIOS) console.log(`  ${s.name.padEnd(28)}${s.situation}`);
  const shutdown = () => {
    site.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

/** Exit codes: 0 printed a response, 2 bad arguments, 3 the call threw (NeedsAuthenticationError, ...). */
async function call(argv: string[]): Promise<void> {
  let options;
  try {
    options = parseCallArgs(argv);
  } catch (error) {
    process.stderr.write(`emulator call: ${(error as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  try {
    process.stdout.write(await emulatorCall(options));
  } catch (error) {
    if (error instanceof CallUsageError) throw error;
    process.stderr.write(`${describeThrown(error)}\n`);
    process.exitCode = 3;
  }
}

// A reader that closes early (`| head`) is not an error: stop printing, keep serving (or finish the call) quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

const argv = process.argv.slice(2);
(argv[0] === 'call' ? call(argv.slice(1)) : main()).catch((error) => {
  console.error(`emulator: ${(error as Error).message}`);
  process.exit(2);
});
