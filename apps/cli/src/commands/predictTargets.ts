/**
 * Where `predict` writes its masks, and which of those files exist already (so they are not
 * replaced without `--overwrite`).
 */
import { lstat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';

/**
 * One `<dir>/<name>.png` per image, in order; images of the same name get `-2`, `-3`… suffixes.
 *
 * @example maskTargets(['/a/x.png', '/b/x.tif'], '/out') // ['/out/x.png', '/out/x-2.png']
 */
export function maskTargets(files: readonly string[], outDir: string): string[] {
  const used = new Map<string, number>();
  return files.map((file) => {
    const stem = basename(file, extname(file));
    const n = (used.get(stem) ?? 0) + 1;
    used.set(stem, n);
    return join(outDir, `${n === 1 ? stem : `${stem}-${n}`}.png`);
  });
}

/** The targets that exist already (as any kind of file, links included). */
export async function existingTargets(targets: readonly string[]): Promise<string[]> {
  const found = await Promise.all(
    targets.map((t) =>
      lstat(t).then(
        () => t,
        () => null,
      ),
    ),
  );
  return found.filter((t): t is string => t !== null);
}

/** The message refusing to replace `existing` files, naming the first few. */
export function overwriteRefusal(existing: readonly string[]): string {
  const shown = existing.slice(0, 5).join(', ');
  const more = existing.length > 5 ? ` and ${existing.length - 5} more` : '';
  const verb = existing.length === 1 ? 'exists' : 'exist';
  return `${shown}${more} already ${verb}: give --overwrite to replace, or choose another -o folder`;
}
