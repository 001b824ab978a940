/**
 * Form values are kept flat, keyed by the request path the server names in its errors
 * (`person.name`, `intake.topics`), so each field finds its own error. `nest` turns them into the
 * request body; empty strings stay, the server decides what empty means.
 */
export function nest(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(values)) {
    const keys = path.split('.');
    let node = out;
    for (const key of keys.slice(0, -1)) {
      node[key] = (node[key] as Record<string, unknown> | undefined) ?? {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys[keys.length - 1] ?? path] = value;
  }
  return out;
}

/** The reverse: a nested record (from the server) as flat form values with a prefix. */
export function flatten(prefix: string, record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [`${prefix}.${k}`, v]));
}
