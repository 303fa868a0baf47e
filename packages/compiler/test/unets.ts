/**
 * The known U-Nets, built inline for tests: the original paper's, the low-code platform's
 * ModelManager U-Net and the basic PyTorch U-Net (see the reference notes on the seed systems).
 */
import type { Design } from '../src/design/schema';
import { net } from './net';

const NO_NORM = { type: 'none', groups: null, eps: 1e-5, momentum: 0.1 } as const;
const BATCH = { type: 'batch', groups: null, eps: 1e-5, momentum: 0.1 } as const;

/** Ronneberger et al. 2015: 1 → 2 classes, valid 3×3 convs, crop, 572 → 388. */
export function paperUnet(size: (number | null)[] = [572, 572]): Design {
  const n = net();
  let prev = n.add('input', 'in', { channels: 1, size });
  const skips: string[] = [];
  for (const [i, f] of [64, 128, 256, 512].entries()) {
    const conv = n.add('conv', `enc${i}`, { filters: f, padding: 'valid', norm: NO_NORM }, prev);
    skips.push(conv);
    prev = n.add('pool', `pool${i}`, { window: 2, padding: 'valid' }, conv);
  }
  prev = n.add('conv', 'bottom', { filters: 1024, padding: 'valid', norm: NO_NORM }, prev);
  for (let i = 3; i >= 0; i--) {
    const f = 64 << i;
    const up = n.add('upconv', `up${i}`, { mode: 'transposed', filters: f }, prev);
    const skip = n.add('skip', `skip${i}`, { align: 'crop' }, { skip: skips[i] ?? '', up });
    prev = n.add('conv', `dec${i}`, { filters: f, padding: 'valid', norm: NO_NORM }, skip);
  }
  n.add('output', 'out', { classes: 2, activation: 'softmax' }, prev);
  return n.design();
}

/** The low-code platform's `create_model('unet', 3, 1, [64, …, 1024])`: bilinear, BN, pad. */
export function lowCodeUnet(size: (number | null)[] = [256, 256]): Design {
  const features = [64, 128, 256, 512, 1024];
  const n = net();
  let prev = n.add('input', 'in', { channels: 3, size });
  const skips: string[] = [];
  for (const [i, f] of features.entries()) {
    if (i > 0) prev = n.add('pool', `pool${i}`, {}, prev);
    prev = n.add('conv', `enc${i}`, { filters: f, norm: BATCH }, prev);
    skips.push(prev);
  }
  for (let i = features.length - 2; i >= 0; i--) {
    const up = n.add('upconv', `up${i}`, { mode: 'bilinear', alignCorners: true }, prev);
    const skip = n.add('skip', `skip${i}`, { align: 'pad' }, { skip: skips[i] ?? '', up });
    prev = n.add('conv', `dec${i}`, { filters: features[i] ?? 0, norm: BATCH }, skip);
  }
  n.add('output', 'out', { classes: 1 }, prev);
  return n.design();
}

/** The basic PyTorch U-Net (`features=[64, 128, 256, 512]`, bottleneck 1024, resize). */
export function basicUnet(size: (number | null)[] = [160, 240]): Design {
  const n = net();
  let prev = n.add('input', 'in', { channels: 3, size });
  const skips: string[] = [];
  for (const [i, f] of [64, 128, 256, 512].entries()) {
    const conv = n.add('conv', `enc${i}`, { filters: f }, prev);
    skips.push(conv);
    prev = n.add('pool', `pool${i}`, {}, conv);
  }
  prev = n.add('conv', 'bottom', { filters: 1024 }, prev);
  for (let i = 3; i >= 0; i--) {
    const f = 64 << i;
    const up = n.add('upconv', `up${i}`, { mode: 'transposed', filters: f }, prev);
    const skip = n.add('skip', `skip${i}`, { align: 'resize' }, { skip: skips[i] ?? '', up });
    prev = n.add('conv', `dec${i}`, { filters: f }, skip);
  }
  n.add('output', 'out', { classes: 1 }, prev);
  return n.design();
}
