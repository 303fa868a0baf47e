/**
 * Fresh ids for new nodes, edges and groups. Ids stay short and readable (`conv3`, `conv3-pool1`)
 * because they appear in diagnostics and exports.
 */

/** The first of `base`, `base2`, `base3`, … not in `taken` (`base` gets a `1` when it ends in a letter and `numbered`). */
export function freshId(base: string, taken: ReadonlySet<string>, numbered = false): string {
  const clean = base.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 56) || 'n';
  if (!numbered && !taken.has(clean)) return clean;
  for (let i = numbered ? 1 : 2; ; i++) {
    const id = `${clean}${numbered ? '' : '_'}${i}`;
    if (!taken.has(id)) return id;
  }
}

/** The id for an edge into `target`'s `targetPort` from `source`. */
export function edgeId(
  source: string,
  target: string,
  targetPort: string,
  taken: ReadonlySet<string>,
): string {
  const base = targetPort === 'in' ? `${source}-${target}` : `${source}-${target}.${targetPort}`;
  return freshId(base, taken);
}
