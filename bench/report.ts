import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';

/** Percentiles and the machine line every benchmark section carries. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

/**
 * A fixed piece of work on one core — objects to JSON and back, a hash, a sort — timed as the
 * median of seven runs. This virtual machine's speed drifts by a fifth or more within an hour (the
 * same build measured an hour apart); the figure beside each section tells which runs were made on
 * a slower machine. Lower is faster.
 */
export function speedCheck(): number {
  const rows = Array.from({ length: 20_000 }, (_, i) => ({
    id: `case-${i}`,
    name: `相談者${i}`,
    kana: `そうだんしゃ${i}`,
    opened: new Date(Date.UTC(2026, 0, 1 + (i % 365))).toISOString(),
  }));
  const times: number[] = [];
  for (let run = 0; run < 7; run++) {
    const start = performance.now();
    const text = JSON.stringify(rows);
    const back = JSON.parse(text) as typeof rows;
    back.sort((a, b) => a.kana.localeCompare(b.kana));
    createHash('sha256').update(text).digest('hex');
    times.push(performance.now() - start);
  }
  return percentile(times, 50);
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const memory = Math.round(os.totalmem() / 1024 ** 3);
  return `${cpu}, ${os.cpus().length} cores, ${memory} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}, speed check ${speedCheck().toFixed(0)} ms (bench/report.ts; lower is faster)`;
}

const file = 'docs/benchmarks.md';

/**
 * Replaces one section of docs/benchmarks.md (between `<!-- bench:NAME -->` markers), keeping the
 * rest — method, targets and history — as written by hand.
 */
export async function writeSection(name: string, body: string): Promise<void> {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const text = existsSync(file) ? await readFile(file, 'utf8') : '# Benchmarks\n';
  const block = `${start}\n${body.trim()}\n${end}`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const next =
    from >= 0 && to > from
      ? text.slice(0, from) + block + text.slice(to + end.length)
      : `${text.trimEnd()}\n\n${block}\n`;
  await writeFile(file, next);
}
