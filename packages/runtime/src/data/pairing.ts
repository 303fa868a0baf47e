/**
 * Pairs images with their masks by file name, for the two common layouts:
 * - Carvana style: `<id>_<nn>.jpg` ↔ `<id>_<nn>_mask.gif` (any folders);
 * - `images/` + `masks/` folders (also `labels/`, `annotations/`, `gt/`…) with the same stem.
 * Everything that does not pair is reported, never silently dropped.
 */

/** Image formats the decoders read. */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'tif', 'tiff'] as const;

/** Folder names whose files are masks. */
export const MASK_FOLDERS = [
  'masks',
  'mask',
  'labels',
  'label',
  'annotations',
  'gt',
  'groundtruth',
  'ground_truth',
  'train_masks',
  'targets',
] as const;

/** An image and its mask (paths as given). */
export interface ImagePair {
  /** The shared stem (`abc_01`). */
  readonly key: string;
  readonly image: string;
  readonly mask: string;
}

/** A file that was not used, and why. */
export interface SkippedFile {
  readonly file: string;
  readonly reason: string;
}

/** The result of {@link pairImageFiles}. */
export interface Pairing {
  readonly pairs: readonly ImagePair[];
  /** Images without a mask, masks without an image, duplicates, unsupported formats. */
  readonly skipped: readonly SkippedFile[];
}

function split(path: string): { folders: string[]; stem: string; ext: string } {
  const parts = path
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p.length > 0);
  const name = parts.pop() ?? '';
  const dot = name.lastIndexOf('.');
  return {
    folders: parts.map((f) => f.toLowerCase()),
    stem: dot > 0 ? name.slice(0, dot) : name,
    ext: dot > 0 ? name.slice(dot + 1).toLowerCase() : '',
  };
}

/** What a path is: a mask (with the image stem it belongs to), an image, or unsupported. */
export function classifyImagePath(
  path: string,
): { role: 'image' | 'mask'; key: string } | { role: 'unsupported'; reason: string } {
  const { folders, stem, ext } = split(path);
  if (!(IMAGE_EXTENSIONS as readonly string[]).includes(ext)) {
    return {
      role: 'unsupported',
      reason:
        ext === ''
          ? 'no file extension'
          : `unsupported format .${ext} (use PNG, JPEG, GIF or TIFF)`,
    };
  }
  const suffix = /^(.*?)[_-]mask$/i.exec(stem);
  if (suffix?.[1]) return { role: 'mask', key: suffix[1] };
  if (folders.some((f) => (MASK_FOLDERS as readonly string[]).includes(f)))
    return { role: 'mask', key: stem };
  return { role: 'image', key: stem };
}

/**
 * Pairs image and mask paths by stem. Several images (or masks) with one stem are ambiguous and
 * all reported; paths are sorted so the result does not depend on listing order.
 *
 * @example pairImageFiles(['train/a_01.jpg', 'train_masks/a_01_mask.gif']).pairs // [{ key: 'a_01', … }]
 */
export function pairImageFiles(paths: readonly string[]): Pairing {
  const images = new Map<string, string[]>();
  const masks = new Map<string, string[]>();
  const skipped: SkippedFile[] = [];
  for (const path of [...paths].sort()) {
    const c = classifyImagePath(path);
    if (c.role === 'unsupported') {
      skipped.push({ file: path, reason: c.reason });
      continue;
    }
    const map = c.role === 'image' ? images : masks;
    map.set(c.key, [...(map.get(c.key) ?? []), path]);
  }
  const pairs: ImagePair[] = [];
  for (const [key, imgs] of images) {
    const ms = masks.get(key) ?? [];
    if (imgs.length > 1 || ms.length > 1) {
      for (const f of [...imgs, ...ms])
        skipped.push({
          file: f,
          reason: `ambiguous: ${imgs.length} image(s) and ${ms.length} mask(s) share the name "${key}"`,
        });
    } else if (ms.length === 0) {
      skipped.push({ file: imgs[0]!, reason: 'image without a mask' });
    } else {
      pairs.push({ key, image: imgs[0]!, mask: ms[0]! });
    }
  }
  for (const [key, ms] of masks) {
    if (!images.has(key))
      for (const f of ms) skipped.push({ file: f, reason: 'mask without an image' });
  }
  return { pairs: pairs.sort((a, b) => a.key.localeCompare(b.key)), skipped };
}
