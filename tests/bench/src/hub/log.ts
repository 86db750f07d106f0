/** Progress on stderr, stamped with the seconds since the bench started. */
const t0 = performance.now();

export const seconds = (from: number): number => (performance.now() - from) / 1000;
export const sinceStart = (): number => seconds(t0);
export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
export const say = (m: string): void => {
  process.stderr.write(`[${seconds(t0).toFixed(0).padStart(4)} s] ${m}\n`);
};
