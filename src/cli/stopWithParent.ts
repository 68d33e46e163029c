import { readFileSync } from 'node:fs';

const SHELLS = new Set(['sh', 'dash', 'bash', 'zsh', 'ash', 'ksh', 'mksh']);

/**
 * Calls `stop` once when whoever started this process is gone or was told to stop, so a long-running command
 * never outlives it. Started through `npx`, leadsim runs as npm → `sh -c leadsim …` → node, and npm forwards
 * SIGTERM and SIGINT to the shell only (@npmcli/run-script's signal manager): the shell dies of SIGTERM, which
 * re-parents this process, and holds SIGINT until its child exits. So: stop when re-parented; and when the parent is
 * a `sh -c` shell (Linux, through /proc), stop when it wakes from waiting on us: with this process its only child, only a
 * signal wakes it. Polls every `intervalMs` of wall-clock time (the edge of the process, not the simulation).
 * Returns a function that ends the watch.
 */
export function stopWithParent(stop: () => void, intervalMs = 250): () => void {
  const parent = process.ppid;
  const shellWakes = isShell(parent) ? () => wakeCount(parent) : () => undefined;
  const asleep = shellWakes();
  const timer = setInterval(() => {
    if (process.ppid !== parent || shellWakes() !== asleep) {
      clearInterval(timer);
      stop();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Whether `pid` is a non-interactive `sh -c …` (as npm runs scripts and `npx` bins): an interactive shell also wakes on terminal resizes. */
function isShell(pid: number): boolean {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return SHELLS.has(readFileSync(`/proc/${pid}/comm`, 'utf8').trim()) && argv[1] === '-c';
  } catch {
    return false; // no /proc (macOS, Windows): re-parenting alone is watched
  }
}

/** How many times the process went to sleep (voluntary context switches), or undefined when unknown. */
function wakeCount(pid: number): number | undefined {
  try {
    const m = /^voluntary_ctxt_switches:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}
