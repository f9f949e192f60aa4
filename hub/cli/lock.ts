import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded database belongs to one process. While the hub runs, it leaves in its data folder where it
 * listens and a secret that changes at every start (readable by its own user only); admin commands then go
 * through the running hub instead of opening the folder a second time.
 */
export interface HubLock {
  pid: number;
  port: number;
  secret: string;
}

const lockPath = (dataDir: string) => join(dataDir, 'hub.lock.json');

export const newCommandSecret = () => randomBytes(24).toString('base64url');

export function writeLock(dataDir: string, lock: HubLock): void {
  writeFileSync(lockPath(dataDir), JSON.stringify(lock), { mode: 0o600 });
}

export function removeLock(dataDir: string): void {
  rmSync(lockPath(dataDir), { force: true });
}

/** The running hub's lock, if its process is alive. */
export function readLock(dataDir: string): HubLock | undefined {
  try {
    const lock = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as HubLock;
    process.kill(lock.pid, 0);
    return lock;
  } catch {
    return undefined;
  }
}
