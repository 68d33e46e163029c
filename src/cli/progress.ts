import cliProgress from 'cli-progress';

/** A progress bar on an interactive terminal for long runs; nothing in CI or when output is piped. */
export function progressBar(total: number, label: string): { update(done: number): void; stop(): void } {
  const enabled = process.stderr.isTTY === true && !process.env['CI'] && total >= 200;
  if (!enabled) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {value}/{total} ({percentage}%)`, stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
