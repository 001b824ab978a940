import type { StatisticsReport } from '../../domain/statistics/report';

/**
 * Reports computed in the last minute, kept per scope (municipality, agency, district, months)
 * so a dashboard opened again, or by a second officer, is not counted again over every record.
 * A report carries the time it was computed (集計日時), which the screen shows.
 *
 * A change made through this server to anything a report counts drops the municipality's
 * reports at once (`changed`, called after every successful write but those that no report
 * reads, see `app.ts`); a change made elsewhere — another server process on the same database,
 * a command-line import — shows at the latest when the entry expires. `maxAgeMs` 0 keeps nothing.
 */
export class ReportCache {
  private readonly entries = new Map<
    string,
    { report: StatisticsReport; at: number; generation: number }
  >();
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly maxAgeMs: number,
    private readonly maxEntries = 500,
  ) {}

  /** The generation to compute under: read it before counting, store the report with it. */
  generation(municipalityId: string): number {
    return this.generations.get(municipalityId) ?? 0;
  }

  get(municipalityId: string, key: string, now: Date): StatisticsReport | undefined {
    const entry = this.entries.get(`${municipalityId}\n${key}`);
    if (!entry) return undefined;
    const fresh =
      entry.generation === this.generation(municipalityId) &&
      now.getTime() - entry.at < this.maxAgeMs;
    if (!fresh) {
      this.entries.delete(`${municipalityId}\n${key}`);
      return undefined;
    }
    return entry.report;
  }

  set(
    municipalityId: string,
    key: string,
    report: StatisticsReport,
    generation: number,
    now: Date,
  ): void {
    if (this.maxAgeMs <= 0 || generation !== this.generation(municipalityId)) return;
    if (this.entries.size >= this.maxEntries) {
      // The oldest entry goes first (a Map iterates in insertion order).
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(`${municipalityId}\n${key}`, { report, at: now.getTime(), generation });
  }

  /** Something a report counts has changed in the municipality: its reports are stale. */
  changed(municipalityId: string): void {
    this.generations.set(municipalityId, this.generation(municipalityId) + 1);
  }
}
