/**
 * The command line's `--augment` list: `flip,rotate,elastic` switches families on at their
 * default strength; `rotate=30` also sets the strength; `all` switches every family on.
 */
import { AUGMENT_FAMILIES, zAugmentSpec, type AugmentSpec } from '@unet-studio/compiler';

/**
 * Applies `text` on top of `base` (the design's settings).
 *
 * @returns The settings, or a message naming the unknown family or bad strength.
 * @example parseAugmentList('flip,elastic=8', AUGMENT_OFF)
 */
export function parseAugmentList(text: string, base: AugmentSpec): AugmentSpec | string {
  const next: Record<string, { enabled: boolean; strength: number }> = { ...base };
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (items.length === 1 && items[0] === 'none') {
    for (const f of AUGMENT_FAMILIES) next[f] = { ...base[f], enabled: false };
    return zAugmentSpec.parse(next);
  }
  for (const item of items) {
    const [name = '', value] = item.split('=');
    const names = name === 'all' ? AUGMENT_FAMILIES : [name];
    for (const f of names) {
      if (!(AUGMENT_FAMILIES as readonly string[]).includes(f))
        return `unknown augmentation "${f}"; use ${AUGMENT_FAMILIES.join(', ')}, all or none`;
      const strength = value === undefined ? base[f as keyof AugmentSpec].strength : Number(value);
      next[f] = { enabled: true, strength };
    }
  }
  const parsed = zAugmentSpec.safeParse(next);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `--augment ${issue?.path[0] as string}: strength ${issue?.message ?? 'is invalid'}`;
  }
  return parsed.data;
}
