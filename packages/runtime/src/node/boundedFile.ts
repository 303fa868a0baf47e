/**
 * The one way this package reads a file it was pointed at: only a regular file (a symbolic link
 * is followed only when it ends at one) of at most a given size, checked before a byte is read.
 * A FIFO, a socket, a device such as /dev/zero or a directory is refused with a message naming
 * it, so a hostile path can neither block the process nor grow its memory without bound.
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, stat } from 'node:fs/promises';
import { formatBytes } from '../data/allocation';

export { formatBytes };

/** Largest `model.json` read, in bytes (64 MiB: the topology plus the embedded design). */
export const MAX_MODEL_JSON_BYTES = 64 * 1024 * 1024;
/** Largest weight file read, in bytes (2 GiB, Node's largest single buffer). */
export const MAX_WEIGHTS_FILE_BYTES = 2 * 1024 * 1024 * 1024 - 1;
/** Largest design or config file read, in bytes (16 MiB). */
export const MAX_DESIGN_FILE_BYTES = 16 * 1024 * 1024;

/** A file that is not a regular file, too large, or missing; the message names it. */
export class UnreadableFileError extends Error {
  /** The path as given. */
  readonly path: string;

  constructor(path: string, message: string) {
    super(message);
    this.name = 'UnreadableFileError';
    this.path = path;
  }
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/** Options of {@link readRegularFile}. */
export interface BoundedReadOptions {
  /** Refuse files larger than this many bytes. */
  readonly maxBytes: number;
  /** What the file is, for messages (`image`, `model.json`, `weights file`). */
  readonly what: string;
}

/**
 * Checks that `path` is (or links to) a regular file of at most `maxBytes`, without opening it.
 *
 * @returns The file's size in bytes.
 * @throws UnreadableFileError naming the path, what it is and the limit.
 */
export async function checkRegularFile(path: string, options: BoundedReadOptions): Promise<number> {
  const link = await lstat(path).catch((e: unknown) => {
    throw new UnreadableFileError(path, `cannot read ${options.what} ${path}: ${reason(e)}`);
  });
  const info = link.isSymbolicLink()
    ? await stat(path).catch((e: unknown) => {
        throw new UnreadableFileError(
          path,
          `cannot read ${options.what} ${path}: a broken link (${reason(e)})`,
        );
      })
    : link;
  return checkStats(path, info, options);
}

function checkStats(path: string, info: Stats, options: BoundedReadOptions): number {
  if (!info.isFile()) {
    const via = info.isDirectory() ? '' : ' (only regular files are read)';
    throw new UnreadableFileError(
      path,
      `cannot read ${options.what} ${path}: it is ${kindOf(info)}${via}`,
    );
  }
  if (info.size > options.maxBytes) {
    throw new UnreadableFileError(
      path,
      `cannot read ${options.what} ${path}: it is ${formatBytes(info.size)}, above the ${formatBytes(options.maxBytes)} limit`,
    );
  }
  return info.size;
}

function reason(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}

/**
 * Reads a whole regular file of at most `maxBytes`. The path is checked before it is opened,
 * opened without blocking (a FIFO swapped in meanwhile cannot stall the open) and checked again
 * through its descriptor; reading stops at the size first seen, so a file growing meanwhile
 * cannot exceed the limit.
 *
 * @throws UnreadableFileError naming the path and the problem.
 * @example const bytes = await readRegularFile('a.png', { maxBytes: 1 << 20, what: 'image' });
 */
export async function readRegularFile(path: string, options: BoundedReadOptions): Promise<Buffer> {
  await checkRegularFile(path, options);
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch((e: unknown) => {
    throw new UnreadableFileError(path, `cannot read ${options.what} ${path}: ${reason(e)}`);
  });
  try {
    const size = checkStats(path, await handle.stat(), options);
    const out = Buffer.alloc(size);
    let offset = 0;
    while (offset < size) {
      const { bytesRead } = await handle.read(out, offset, size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return offset === size ? out : out.subarray(0, offset);
  } finally {
    await handle.close();
  }
}
