/**
 * `npm run hub`: the COPIL hub. Without arguments it serves; with one it runs an admin command (see USAGE).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { buildHub } from './app';
import { CommandError, USAGE, runCommand } from './cli/commands';
import { newCommandSecret, releaseLock, takeLock, updateLock, type HubLock } from './cli/lock';
import { loadConfig, type HubConfig } from './config';
import { openDatabase } from './db/open';

/**
 * Takes the embedded data folder for this process before its database opens. `onHeld` says, for the process
 * holding it, whether to wait for it (returns the message to print once) or to stop here (throws, or returns
 * a holder to hand the work to).
 */
async function lockDataFolder(dataDir: string, holder: string, onHeld: (by: HubLock) => string | HubLock): Promise<HubLock | undefined> {
  let told = false;
  for (;;) {
    const by = takeLock(dataDir, holder);
    if (!by) return undefined;
    // `starting`: the lock file is being written or a dead holder's removed, a matter of milliseconds.
    if (by.holder !== 'starting') {
      const next = onHeld(by);
      if (typeof next === 'object') return next;
      if (!told) process.stderr.write(`${next}\n`);
      told = true;
    }
    await sleep(100);
  }
}

async function serve(config: HubConfig) {
  const embedded = !config.databaseUrl;
  if (embedded) {
    await lockDataFolder(config.dataDir, 'hub', (by) => {
      if (by.holder === 'hub') throw new Error(`Another hub (pid ${by.pid}) already runs on the data folder ${config.dataDir}: stop it first, or give this one another HUB_DATA_DIR.`);
      // An admin command on the stopped hub's data (an import, say): the hub starts as soon as it is done.
      return `Waiting for the admin command "${by.holder}" (pid ${by.pid}) to finish with the data folder ${config.dataDir}…`;
    });
  }
  const db = await openDatabase(config);
  // Admin commands reach a hub that holds the embedded database through a loopback route and this secret.
  const secret = embedded ? newCommandSecret() : undefined;
  const hub = await buildHub(config, db, secret ? { commandSecret: secret } : {});
  await hub.app.listen({ host: config.host, port: config.port });
  const address = hub.app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  if (secret) updateLock(config.dataDir, { port, secret });
  hub.app.log.info({ database: db.kind, port, dataDir: embedded ? config.dataDir : undefined }, `hub ready at http://${config.host}:${port}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    hub.app.log.info({ signal }, 'stopping: finishing requests in flight');
    await hub.stop();
    if (embedded) releaseLock(config.dataDir);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function command(config: HubConfig, argv: string[]) {
  if (!config.databaseUrl) {
    const hub = await lockDataFolder(config.dataDir, argv[0] ?? 'command', (by) => {
      if (by.holder === 'hub' && by.port && by.secret) return by;
      return by.holder === 'hub'
        ? `Waiting for the hub (pid ${by.pid}) starting on ${config.dataDir}…`
        : `Waiting for the admin command "${by.holder}" (pid ${by.pid}) to finish with the data folder ${config.dataDir}…`;
    });
    // The hub runs: the command goes through it. Files go by path (resolved against this shell's folder),
    // never in the body, which the hub keeps small.
    if (hub) {
      const response = await fetch(`http://127.0.0.1:${hub.port}/internal/command`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-vigie-command-secret': hub.secret! },
        body: JSON.stringify({ argv, cwd: process.cwd() }),
      });
      const text = await response.text();
      if (!response.ok) throw new CommandError(((JSON.parse(text) as { message?: string }).message ?? text).trim());
      return process.stdout.write(text);
    }
  }
  const db = await openDatabase(config);
  try {
    // A port left to the system (0) is no address to give: the code is printed without one.
    process.stdout.write(await runCommand(db, argv, process.cwd(), config.publicUrl.endsWith(':0') ? {} : { publicUrl: config.publicUrl }));
  } finally {
    await db.close();
    if (!config.databaseUrl) releaseLock(config.dataDir);
  }
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === '--help' || argv[0] === 'help') return void process.stdout.write(USAGE);
  const config = loadConfig();
  if (!argv.length || argv[0] === 'serve') await serve(config);
  else await command(config, argv);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof CommandError ? 2 : 1);
});
