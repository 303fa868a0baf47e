/**
 * `unet-studio predict <model_dir> <images…> -o <dir>`: segments image files with a trained model
 * and writes one PNG mask per image (binary: 0/255; several classes: the class index).
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  initBackend,
  isBackendName,
  parseTileOption,
  segmentFullSize,
  type FullSizeSegmentation,
  type SegmentFullSizeOptions,
} from '@unet-studio/runtime';
import {
  encodeGreyPng,
  isImagePath,
  listFiles,
  loadModelFromDir,
  readImageFile,
} from '@unet-studio/runtime/node';
import { parseCommandArgs } from '../args';
import { classKeyLine } from '../classNames';
import { EXIT, type Command, type Io } from '../command';
import { existingTargets, maskTargets, overwriteRefusal } from './predictTargets';

const USAGE = `Usage: unet-studio predict <model_dir> <image | folder>... -o <dir> [--threshold T] [--backend NAME]
                           [--tile auto|off|HxW] [--overlap N] [--resize] [--overwrite]

Segments PNG, JPEG, GIF or TIFF images with a model saved by "unet-studio train -o" and writes
<dir>/<name>.png at each image's own size: 0/255 for a binary mask, the class index per
pixel for several classes. Folders are searched for images. Masks already in <dir> are
not replaced: predict refuses, naming them, unless --overwrite is given.

Images of another size than the model's input are predicted in tiles:
  --tile auto     (default) the whole image in one pass when the model takes any size and
                  it fits, else tiles: overlap-tile with mirrored borders for valid-padding
                  networks, overlapping tiles blended with a smooth window for same padding
  --tile off      one pass over the whole image (models that take any size)
  --tile HxW      input tiles of HxW pixels (a size the model takes)
  --overlap N     pixels shared by neighbouring output tiles (default: half a tile for same
                  padding, none for valid padding, whose tiles join without seams)
  --resize        resize each image to the model's input and the mask back instead

Exit codes: 0 all written, 1 some images could not be read, 2 bad arguments or model.`;

function fail(io: Io, code: number, ...lines: string[]): number {
  for (const line of lines) io.err(`unet-studio predict: ${line}`);
  return code;
}

/** Reads --tile, --overlap and --resize, or says what is wrong. */
function readTiling(
  v: Readonly<Record<string, string | boolean | undefined>>,
): { options: SegmentFullSizeOptions } | { error: string } {
  const tile = parseTileOption(typeof v.tile === 'string' ? v.tile : 'auto');
  if ('error' in tile) return tile;
  const overlap = v.overlap === undefined ? undefined : Number(v.overlap);
  if (overlap !== undefined && !(Number.isInteger(overlap) && overlap >= 0 && overlap <= 4096))
    return { error: `--overlap must be a whole number of pixels, got "${String(v.overlap)}"` };
  return {
    options: {
      tile: tile.tile,
      ...(overlap === undefined ? {} : { overlap }),
      ...(v.resize === true ? { resize: true } : {}),
    },
  };
}

/** ` [4 tiles of 572×572]` when the image was tiled, ` [resized]` when resized. */
function tilingNote(tiling: FullSizeSegmentation['tiling']): string {
  if (tiling === null) return ' [resized]';
  const n = tiling.tiles[0] * tiling.tiles[1];
  return n === 1 ? '' : ` [${n} tiles of ${tiling.input.join('×')}]`;
}

/** Expands folders into their image files; files are kept as given. */
async function expandInputs(paths: readonly string[], cwd: string): Promise<string[] | string> {
  const out: string[] = [];
  for (const p of paths) {
    const full = resolve(cwd, p);
    const info = await stat(full).catch(() => null);
    if (info === null) return `${p}: no such file or folder`;
    if (info.isDirectory())
      out.push(...(await listFiles(full)).filter(isImagePath).map((f) => join(full, f)));
    else out.push(full);
  }
  return out;
}

/** The `predict` command. */
export const predictCommand: Command = {
  name: 'predict',
  summary: 'Segment images with a trained model and write PNG masks',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArgs(args, {
      out: { type: 'string', short: 'o' },
      threshold: { type: 'string' },
      backend: { type: 'string' },
      tile: { type: 'string' },
      overlap: { type: 'string' },
      resize: { type: 'boolean' },
      overwrite: { type: 'boolean' },
    });
    if (!parsed.ok) return fail(io, EXIT.unreadable, parsed.message, USAGE);
    const [modelDir, ...inputs] = parsed.positionals;
    const out = parsed.values.out;
    if (modelDir === undefined || inputs.length === 0 || typeof out !== 'string')
      return fail(
        io,
        EXIT.unreadable,
        'give a model folder, at least one image and -o <dir>',
        USAGE,
      );
    const threshold = parsed.values.threshold === undefined ? 0.5 : Number(parsed.values.threshold);
    if (!(threshold > 0 && threshold < 1))
      return fail(
        io,
        EXIT.unreadable,
        `--threshold must be in (0, 1), got "${String(parsed.values.threshold)}"`,
      );
    const backendName = parsed.values.backend;
    if (
      backendName !== undefined &&
      (typeof backendName !== 'string' || !isBackendName(backendName))
    )
      return fail(
        io,
        EXIT.unreadable,
        `--backend must be wasm or cpu, got "${String(backendName)}"`,
      );
    const tiling = readTiling(parsed.values);
    if ('error' in tiling) return fail(io, EXIT.unreadable, tiling.error);
    const files = await expandInputs(inputs, io.cwd);
    if (typeof files === 'string') return fail(io, EXIT.unreadable, files);
    if (files.length === 0)
      return fail(io, EXIT.unreadable, 'no PNG, JPEG, GIF or TIFF images found');
    const outDir = resolve(io.cwd, out);
    const targets = maskTargets(files, outDir);
    const existing = await existingTargets(targets);
    if (existing.length > 0 && parsed.values.overwrite !== true)
      return fail(io, EXIT.unreadable, overwriteRefusal(existing));
    await initBackend(backendName);
    let model, design;
    try {
      ({ model, design } = await loadModelFromDir(resolve(io.cwd, modelDir)));
    } catch (error) {
      return fail(io, EXIT.unreadable, error instanceof Error ? error.message : String(error));
    }
    await mkdir(outDir, { recursive: true });
    const key = classKeyLine(design, model.outputs[0]?.shape.at(-1) ?? 1);
    if (key !== null) io.out(key);
    let failed = 0;
    try {
      for (const [k, file] of files.entries()) {
        const target = targets[k]!;
        try {
          const result = segmentFullSize(model, await readImageFile(file), {
            threshold,
            ...tiling.options,
          });
          const values =
            result.classes === 1 ? result.labels.map((v) => (v > 0 ? 255 : 0)) : result.labels;
          await writeFile(target, encodeGreyPng(values, result.width, result.height));
          io.out(
            `${file} -> ${target} (${(result.foreground * 100).toFixed(1)}% foreground)${tilingNote(result.tiling)}`,
          );
        } catch (error) {
          failed++;
          io.err(`unet-studio predict: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    } finally {
      model.dispose();
    }
    return failed > 0 ? EXIT.errors : EXIT.ok;
  },
};
