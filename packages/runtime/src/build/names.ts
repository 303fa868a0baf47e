/**
 * tfjs layer names from op ids. tfjs accepts `[A-Za-z0-9][-A-Za-z0-9._/]*` and `/` separates a
 * layer from its weights (`enc1__conv0/kernel`), so `/` becomes `__`, other characters become `_`,
 * and names are made unique within a model.
 */

const VALID = /^[A-Za-z0-9][-A-Za-z0-9._]*$/;

/** A tfjs-safe layer name for an op id (not yet unique), e.g. `enc1/conv0` → `enc1__conv0`. */
export function sanitizeLayerName(id: string): string {
  const cleaned = id.replace(/\//g, '__').replace(/[^-A-Za-z0-9._]/g, '_');
  const name = /^[A-Za-z0-9]/.test(cleaned) ? cleaned : `op${cleaned}`;
  if (!VALID.test(name)) throw new Error(`cannot make a layer name from op id "${id}"`);
  return name;
}

/** Hands out unique layer names: the sanitised base, then `base_2`, `base_3`… on collisions. */
export class LayerNamer {
  private readonly used = new Set<string>();

  /**
   * A new unique layer name.
   *
   * @param id - the op id the layer implements.
   * @param suffix - for a helper layer of that op (e.g. `crop` gives `<name>__crop`).
   */
  name(id: string, suffix?: string): string {
    const base = sanitizeLayerName(suffix ? `${id}/${suffix}` : id);
    let name = base;
    for (let i = 2; this.used.has(name); i++) name = `${base}_${i}`;
    this.used.add(name);
    return name;
  }
}
