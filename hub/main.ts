/**
 * `npm run hub`: the COPIL hub. Without arguments it serves; with one it runs an admin command (see USAGE).
 */
import { readFileSync } from 'node:fs';
import { buildHub } from './app';
import { CommandError, FILE_ARGUMENT, USAGE, runCommand } from './cli/commands';
import { newCommandSecret, readLock, removeLock, writeLock } from './cli/lock';
import { loadConfig, type HubConfig } from './config';
import { openDatabase } from './db/open';

async function serve(config: HubConfig) {
  const embedded = !config.databaseUrl;
  if (embedded && readLock(config.dataDir)) {
    throw new Error(`Another hub already runs on the data folder ${config.dataDir}.`);
  }
  const db = await openDatabase(config);
  // Admin commands reach a hub that holds the embedded database through a loopback route and this secret.
  const secret = embedded ? newCommandSecret() : undefined;
  const hub = await buildHub(config, db, secret ? { commandSecret: secret } : {});
  await hub.app.listen({ host: config.host, port: config.port });
  const address = hub.app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  if (secret) writeLock(config.dataDir, { pid: process.pid, port, secret });
  hub.app.log.info({ database: db.kind, port, dataDir: embedded ? config.dataDir : undefined }, `hub ready at http://${config.host}:${port}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    hub.app.log.info({ signal }, 'stopping: finishing requests in flight');
    await hub.stop();
    if (embedded) removeLock(config.dataDir);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function command(config: HubConfig, argv: string[]) {
  const files: Record<string, string> = {};
  const fileIndex = FILE_ARGUMENT[argv[0] ?? ''];
  const positionals = argv.slice(1).filter((arg, i, all) => !arg.startsWith('--') && !all[i - 1]?.startsWith('--'));
  const fileName = fileIndex === undefined ? undefined : positionals[fileIndex];
  if (fileName) {
    try {
      files[fileName] = readFileSync(fileName, 'utf8');
    } catch (error) {
      throw new CommandError(`Cannot read ${fileName}: ${(error as NodeJS.ErrnoException).code ?? error}`);
    }
  }
  const lock = config.databaseUrl ? undefined : readLock(config.dataDir);
  if (lock) {
    const response = await fetch(`http://127.0.0.1:${lock.port}/internal/command`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-vigie-command-secret': lock.secret },
      body: JSON.stringify({ argv, files }),
    });
    const text = await response.text();
    if (!response.ok) throw new CommandError(((JSON.parse(text) as { message?: string }).message ?? text).trim());
    return process.stdout.write(text);
  }
  const db = await openDatabase(config);
  try {
    process.stdout.write(await runCommand(db, argv, files));
  } finally {
    await db.close();
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
