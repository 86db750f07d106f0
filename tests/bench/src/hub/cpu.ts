/** CPU seconds of processes, from /proc (Linux only; zeros elsewhere). */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS = 100; // USER_HZ on Linux

interface Stat {
  pid: number;
  ppid: number;
  /** utime + stime, seconds */
  own: number;
  /** cutime + cstime (reaped children), seconds */
  children: number;
}

function stat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command may contain spaces: fields start after the last ')'
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const n = (i: number): number => Number(fields[i - 3] ?? 0);
    return { pid, ppid: n(4), own: (n(14) + n(15)) / TICKS, children: (n(16) + n(17)) / TICKS };
  } catch {
    return null;
  }
}

function allPids(): number[] {
  try {
    return readdirSync('/proc')
      .filter((d) => /^\d+$/u.test(d))
      .map(Number);
  } catch {
    return [];
  }
}

/** CPU seconds so far of one process (its reaped children included). */
export function processCpu(pid: number | undefined): number {
  const s = pid === undefined ? null : stat(pid);
  return s ? s.own + s.children : 0;
}

/** CPU seconds so far of the PostgreSQL cluster in `dataDir`: the postmaster, its live backends and the reaped ones. */
export function postgresCpu(dataDir: string): number {
  const pids = allPids();
  const master = pids.find((pid) => {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return cmd.includes('postgres') && cmd.includes(dataDir);
    } catch {
      return false;
    }
  });
  if (master === undefined) return 0;
  let total = processCpu(master);
  for (const pid of pids) {
    const s = stat(pid);
    if (s && s.ppid === master) total += s.own;
  }
  return total;
}
