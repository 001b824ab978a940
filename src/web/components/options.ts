/** Select or checkbox options from a list of codes and its label table. */
export function optionsOf<T extends string>(
  values: readonly T[],
  labels: Record<T, { ja: string; en: string }>,
  label: (entry: { ja: string; en: string }) => string,
): { value: T; label: string }[] {
  return values.map((value) => ({ value, label: label(labels[value]) }));
}
