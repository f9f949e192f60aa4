import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded database belongs to one process at a time: PGlite takes no lock of its own, and two processes
 * on one folder each work on their own copy, losing each other's writes. So whoever opens it (the hub, or an
 * admin command on a stopped hub) first creates `hub.lock.json` with O_EXCL ("create, unless it exists",
 * atomic in the file system): of two processes starting together, exactly one gets it. The file names its
 * holder; once the hub listens, it adds its port and a secret that changes at every start (readable by its
 * own user only), and admin commands then go through the running hub instead of opening the folder again.
 */
export interface HubLock {
  pid: number;
  /** The process's start time (Linux), so that a pid reused after a crash or a reboot is not taken for the holder. */
  started?: string;
  /** `hub`, or the admin command holding the folder. */
  holder: string;
  port?: number;
  secret?: string;
}

const lockPath = (dataDir: string) => join(dataDir, 'hub.lock.json');

export const newCommandSecret = () => randomBytes(24).toString('base64url');

/** Field 22 of /proc/<pid>/stat (after the command name, which may hold spaces): when the process started. */
function startOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function alive(lock: HubLock): boolean {
  // Our own pid in a lock we have not taken: an earlier life of this process (containers give the same pids).
  if (lock.pid === process.pid) return false;
  try {
    process.kill(lock.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false; // EPERM: alive, another user's
  }
  return !lock.started || startOf(lock.pid) === lock.started;
}

/** The lock file as written, or `undefined` if there is none; `'unreadable'` while its holder is still writing it. */
function readLockFile(dataDir: string): HubLock | 'unreadable' | undefined {
  let text: string;
  try {
    text = readFileSync(lockPath(dataDir), 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as HubLock;
  } catch {
    return 'unreadable';
  }
}

/** The live process holding the folder, if any. */
export function readLock(dataDir: string): HubLock | undefined {
  const lock = readLockFile(dataDir);
  return typeof lock === 'object' && alive(lock) ? lock : undefined;
}

/**
 * Takes the folder for this process (and gives it back when the process exits), or returns the live process
 * holding it. A lock left by a dead process is removed first, under a second O_EXCL file, so that two
 * processes finding the same stale lock cannot remove one another's fresh one.
 */
export function takeLock(dataDir: string, holder: string): HubLock | undefined {
  mkdirSync(dataDir, { recursive: true });
  const path = lockPath(dataDir);
  const mine: HubLock = { pid: process.pid, started: startOf(process.pid), holder };
  try {
    const fd = openSync(path, 'wx', 0o600);
    try {
      writeSync(fd, JSON.stringify(mine));
    } finally {
      closeSync(fd);
    }
    process.once('exit', () => releaseLock(dataDir));
    return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const current = readLockFile(dataDir);
  if (typeof current === 'object' && alive(current)) return current;
  // Empty or half written: its holder is writing it, unless that was long ago (it died between create and write).
  const age = (() => {
    try {
      return Date.now() - statSync(path).mtimeMs;
    } catch {
      return Infinity;
    }
  })();
  if (current === 'unreadable' && age < 10_000) return { pid: 0, holder: 'starting' };
  const breaker = `${path}.break`;
  try {
    closeSync(openSync(breaker, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another process is removing it; a breaker left by a crash is itself removed after a while.
    const made = statSync(breaker, { throwIfNoEntry: false });
    if (made && Date.now() - made.mtimeMs > 10_000) rmSync(breaker, { force: true });
    return { pid: 0, holder: 'starting' };
  }
  try {
    if (JSON.stringify(readLockFile(dataDir)) === JSON.stringify(current)) rmSync(path, { force: true });
  } finally {
    rmSync(breaker, { force: true });
  }
  return takeLock(dataDir, holder);
}

/** Once the hub listens: its port and secret, written whole in one step (a reader never sees half a file). */
export function updateLock(dataDir: string, fields: { port: number; secret: string }): void {
  const lock = readLockFile(dataDir);
  if (typeof lock !== 'object' || lock.pid !== process.pid) throw new Error(`The lock on ${dataDir} is no longer this hub's.`);
  const temporary = `${lockPath(dataDir)}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ ...lock, ...fields }), { mode: 0o600 });
  renameSync(temporary, lockPath(dataDir));
}

/** Gives the folder back, if this process holds it. */
export function releaseLock(dataDir: string): void {
  const lock = readLockFile(dataDir);
  if (typeof lock === 'object' && lock.pid === process.pid) rmSync(lockPath(dataDir), { force: true });
}
