/**
 * Data folders on the server: only under the configured data root, after resolving `..` and
 * symbolic links, so a request cannot name a path outside it.
 */
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** A folder under the root, or why the requested path is refused. */
export type DataPathResult =
  { readonly ok: true; readonly path: string } | { readonly ok: false; readonly message: string };

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(`..${sep}`));
}

/**
 * Resolves `requested` (relative to the root, or absolute) to a real folder inside `root`.
 *
 * @param root the data root; null when the server was started without one.
 * @returns the real path, or a message naming what is wrong.
 */
export async function resolveDataPath(
  root: string | null,
  requested: string,
): Promise<DataPathResult> {
  if (root === null) {
    return { ok: false, message: 'this server has no data root: start it with --data-root DIR' };
  }
  if (requested.includes('\0')) return { ok: false, message: 'the data path holds a NUL byte' };
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return { ok: false, message: `the data root ${root} does not exist` };
  }
  const wanted = resolve(realRoot, requested);
  if (!inside(realRoot, wanted)) {
    return { ok: false, message: `${requested} is outside the data root` };
  }
  let real: string;
  try {
    real = await realpath(wanted);
  } catch {
    return { ok: false, message: `${requested} does not exist under the data root` };
  }
  // A symbolic link inside the root may point outside it.
  if (!inside(realRoot, real)) {
    return { ok: false, message: `${requested} leads outside the data root` };
  }
  if (!(await stat(real)).isDirectory()) {
    return { ok: false, message: `${requested} is not a folder` };
  }
  return { ok: true, path: real };
}
