/**
 * The low-code platform's `bilinear=False` bug (seed 000's unet.py): its `Up` builds
 * `ConvTranspose2d(in, in // 2, 2, 2)` with `in` the concatenated width `rev[i] + rev[i+1]` and
 * `DoubleConv(in, rev[i+1])`, but feeds the transposed conv the `rev[i]`-channel map from below,
 * so the first forward pass fails ("weight of size [96, 48, 2, 2], expected input[2, 64, 16, 16]
 * to have 96 channels, but got 64" for features [16, 32, 64]), whatever the features. U-Net Studio
 * builds the evident intent, `ConvTranspose2d(rev[i], rev[i+1])` and `DoubleConv(2·rev[i+1], …)`,
 * so its count differs from the parameters the platform's module holds.
 */
import type { Design } from '../../design/schema';
import type { FormatIssue } from '../result';
import { designToModelManager } from './fromDesign';
import type { ModelManagerParams } from './schema';

/** Parameters of `DoubleConv(a, b)`: two 3×3 convs without bias, each with a 2-parameter-per-channel norm. */
const doubleConv = (a: number, b: number): number => 9 * a * b + 2 * b + 9 * b * b + 2 * b;
/** Parameters of `ConvTranspose2d(a, b, kernel_size=2, stride=2)` with its bias. */
const upConv = (a: number, b: number): number => 4 * a * b + b;

type UpPath = 'bilinear' | 'platform-transposed' | 'transposed';

function count(params: ModelManagerParams, path: UpPath): number {
  const f = params.features;
  const top = f[0] ?? 0;
  let total = doubleConv(params.in_channels, top) + top * params.out_channels + params.out_channels;
  for (let i = 0; i + 1 < f.length; i++) total += doubleConv(f[i] ?? 0, f[i + 1] ?? 0);
  const rev = [...f].reverse();
  for (let i = 0; i + 1 < rev.length; i++) {
    const below = rev[i] ?? 0;
    const width = rev[i + 1] ?? 0;
    const concat = below + width;
    if (path === 'bilinear') total += doubleConv(concat, width);
    else if (path === 'platform-transposed')
      total += upConv(concat, Math.floor(concat / 2)) + doubleConv(concat, width);
    else total += upConv(below, width) + doubleConv(2 * width, width);
  }
  return total;
}

/**
 * Trainable parameters of the platform's `UNet(**params)` module and of the network U-Net Studio
 * builds for `params` (equal when `bilinear` is true).
 * @example modelManagerParamCounts({ ...params, features: [16, 32, 64], bilinear: false }) // { platform: 141705, studio: 117361 }
 */
export function modelManagerParamCounts(params: ModelManagerParams): {
  platform: number;
  studio: number;
} {
  if (params.bilinear) {
    const both = count(params, 'bilinear');
    return { platform: both, studio: both };
  }
  return { platform: count(params, 'platform-transposed'), studio: count(params, 'transposed') };
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/** The warning for a `bilinear: false` config, or null for a bilinear one. */
export function bilinearFalseWarning(params: ModelManagerParams): FormatIssue | null {
  if (params.bilinear) return null;
  const { platform, studio } = modelManagerParamCounts(params);
  const rev = [...params.features].reverse();
  const below = rev[0] ?? 0;
  const concat = below + (rev[1] ?? 0);
  return {
    path: ['model', 'parameters', 'bilinear'],
    message:
      `bilinear: false crashes the real platform on its first forward pass (its ` +
      `ConvTranspose2d(${concat}, ${Math.floor(concat / 2)}) is given the ${below}-channel map). ` +
      `U-Net Studio builds the corrected network (${fmt(studio)} parameters; the platform's module ` +
      `holds ${fmt(platform)}); ` +
      'a config exported with bilinear: false will fail there',
  };
}

/** The warnings a design carries as a ModelManager config: the `bilinear: false` crash, if any. */
export function modelManagerWarnings(design: Design): FormatIssue[] {
  const exported = designToModelManager(design);
  if (!exported.ok) return [];
  const warning = bilinearFalseWarning(exported.value.params);
  return warning ? [warning] : [];
}
