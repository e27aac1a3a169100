// A laptop lid in a test: SIGSTOP the whole browser process tree, SIGCONT it later. Timers that fell
// due meanwhile then fire late, exactly as after a real sleep (docs/browser-testing.md).
import { readdirSync, readFileSync } from 'node:fs';

/** Every process whose command line names this profile directory, and all their descendants. */
export function browserProcessTree(profileDir: string): number[] {
  const parents = new Map<number, number>();
  const roots: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parents.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profileDir)) roots.push(pid);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!tree.has(pid) && tree.has(parent)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

export function signalTree(pids: number[], signal: 'SIGSTOP' | 'SIGCONT'): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // Gone already.
    }
  }
}
