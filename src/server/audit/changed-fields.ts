/**
 * The names of the columns a change touches, for the audit row: auditors see *what* was changed
 * without the log holding the values themselves.
 */
export function changedFields<T extends object>(before: T, changes: Partial<T>): string[] {
  return Object.entries(changes)
    .filter(([key, value]) => {
      const old = (before as Record<string, unknown>)[key];
      return JSON.stringify(old ?? null) !== JSON.stringify(value ?? null);
    })
    .map(([key]) => key);
}
