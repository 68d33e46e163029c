import cliProgress from 'cli-progress';

/** Whether stderr is an interactive terminal outside CI (where a progress bar belongs). */
export function interactive(): boolean {
  return process.stderr.isTTY === true && !process.env['CI'];
}

/**
 * A progress bar on an interactive terminal for long runs (at least `minTotal` steps, default 200); nothing in CI or
 * when output is piped.
 */
export function progressBar(total: number, label: string, minTotal = 200): { update(done: number): void; stop(): void } {
  const enabled = interactive() && total >= minTotal;
  if (!enabled) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {value}/{total} ({percentage}%)`, stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
