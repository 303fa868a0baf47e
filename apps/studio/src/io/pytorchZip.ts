/**
 * The PyTorch package of a design as one zip: model.py, train.py and README.md in a folder named
 * after the design, plus weights.pt when a trained model's weights are given. Pure: the export
 * panel builds it on the main thread, the training worker builds it with the trained weights.
 */
import { compile, exportPytorch, type Design } from '@unet-studio/compiler';
import { strToU8, zipSync, type Zippable } from 'fflate';

/** The zip bytes, or the reasons the design cannot be exported. */
export type PytorchZip =
  | { readonly ok: true; readonly fileName: string; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly errors: readonly string[] };

/** A folder and file name safe on every system: letters, digits, `-` and `_`. */
export function packageName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${safe || 'design'}-pytorch`;
}

/**
 * Zips the PyTorch export of `design`.
 *
 * @param weights `weights.pt` bytes converted from a trained model of this design, if any.
 * @example const zip = pytorchZip(design); if (zip.ok) downloadFile(zip.fileName, zip.bytes, 'application/zip');
 */
export function pytorchZip(design: Design, weights?: Uint8Array): PytorchZip {
  const exported = exportPytorch(compile(design), { withWeights: weights !== undefined });
  if (!exported.ok) return { ok: false, errors: exported.errors };
  const folder = packageName(design.name);
  const files: Zippable = {};
  for (const f of exported.value.files) files[`${folder}/${f.path}`] = strToU8(f.text);
  if (weights) files[`${folder}/weights.pt`] = [weights, { level: 0 }];
  return { ok: true, fileName: `${folder}.zip`, bytes: zipSync(files, { level: 6 }) };
}
