/**
 * Image + mask data sets from a folder in Node: walks it, pairs files by name, reads and decodes
 * them, and reports what could not be used.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { SegmentationData } from '../data/dataset';
import type { DecodedImage } from '../data/imageOps';
import {
  buildImageDataset,
  type ImageDatasetOptions,
  type ImageDatasetReport,
} from '../data/imageDataset';
import { IMAGE_EXTENSIONS, pairImageFiles } from '../data/pairing';
import { readRegularFile } from './boundedFile';
import { decodeImageNode } from './decodeImage';

/** Largest image file read, in bytes (256 MiB): larger files are refused before reading. */
export const MAX_IMAGE_FILE_BYTES = 256 * 1024 * 1024;

/** Reads an image or mask file: a regular file of at most {@link MAX_IMAGE_FILE_BYTES}. */
async function readBounded(path: string): Promise<Uint8Array> {
  const bytes = await readRegularFile(path, { maxBytes: MAX_IMAGE_FILE_BYTES, what: 'image' });
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Options of {@link readImageFolder}. */
export interface ImageFolderOptions extends ImageDatasetOptions {
  /** Stop listing after this many files (default 200 000). */
  readonly maxFiles?: number;
}

/**
 * Lists the files under `dir` (relative paths with `/`), skipping hidden entries and symbolic
 * links.
 */
export async function listFiles(dir: string, maxFiles = 200_000): Promise<string[]> {
  const out: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        if (out.length >= maxFiles) throw new Error(`${dir} holds more than ${maxFiles} files`);
        out.push(relative(dir, path).split(sep).join('/'));
      }
    }
  };
  await walk(dir);
  return out;
}

/**
 * Reads a segmentation data set from `dir` (Carvana-style names or `images/` + `masks/`).
 *
 * @returns The data (null when no pair was usable) and a report of every skipped file.
 * @example const { data, report } = await readImageFolder('data/carvana', { size: [128, 128] });
 */
export async function readImageFolder(
  dir: string,
  options: ImageFolderOptions,
): Promise<{ data: SegmentationData | null; report: ImageDatasetReport }> {
  const files = await listFiles(dir, options.maxFiles);
  const { pairs, skipped } = pairImageFiles(files);
  return buildImageDataset(
    pairs,
    (p) => readBounded(join(dir, p)),
    decodeImageNode,
    options,
    skipped,
  );
}

/** Reads and decodes one image file. */
export async function readImageFile(path: string): Promise<DecodedImage> {
  return decodeImageNode(await readBounded(path), path);
}

/** True when the path names a file type {@link readImageFile} can read. */
export function isImagePath(path: string): boolean {
  const dot = path.lastIndexOf('.');
  return (
    dot >= 0 && (IMAGE_EXTENSIONS as readonly string[]).includes(path.slice(dot + 1).toLowerCase())
  );
}
