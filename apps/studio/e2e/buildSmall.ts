/**
 * Builds the `small` template (ModelManager features [16, 32, 64, 128], transposed-conv
 * upsampling, 3→1 at 64×64) from an empty canvas, the way a user does: drag each node from the
 * palette, set its params in the inspector, then wire the ports.
 */
import type { Session } from './session';

/** What to drop: kind, params to set, and a handle for wiring. */
interface Step {
  readonly key: string;
  readonly kind: string;
  readonly set?: Readonly<Record<string, string>>;
  readonly choose?: Readonly<Record<string, string>>;
}

const STEPS: readonly Step[] = [
  { key: 'input', kind: 'input' },
  { key: 'enc1', kind: 'conv', set: { filters: '16' } },
  { key: 'pool1', kind: 'pool' },
  { key: 'enc2', kind: 'conv', set: { filters: '32' } },
  { key: 'pool2', kind: 'pool' },
  { key: 'enc3', kind: 'conv', set: { filters: '64' } },
  { key: 'pool3', kind: 'pool' },
  { key: 'bottleneck', kind: 'conv', set: { filters: '128' } },
  { key: 'up3', kind: 'upconv', set: { filters: '64' } },
  { key: 'skip3', kind: 'skip', choose: { align: 'pad' } },
  { key: 'dec3', kind: 'conv', set: { filters: '64' } },
  { key: 'up2', kind: 'upconv', set: { filters: '32' } },
  { key: 'skip2', kind: 'skip', choose: { align: 'pad' } },
  { key: 'dec2', kind: 'conv', set: { filters: '32' } },
  { key: 'up1', kind: 'upconv', set: { filters: '16' } },
  { key: 'skip1', kind: 'skip', choose: { align: 'pad' } },
  { key: 'dec1', kind: 'conv', set: { filters: '16' } },
  { key: 'output', kind: 'output' },
];

/** Wires as [source, target, target port]. */
const WIRES: readonly (readonly [string, string, string])[] = [
  ['input', 'enc1', 'in'],
  ['enc1', 'pool1', 'in'],
  ['pool1', 'enc2', 'in'],
  ['enc2', 'pool2', 'in'],
  ['pool2', 'enc3', 'in'],
  ['enc3', 'pool3', 'in'],
  ['pool3', 'bottleneck', 'in'],
  ['bottleneck', 'up3', 'in'],
  ['up3', 'skip3', 'up'],
  ['enc3', 'skip3', 'skip'],
  ['skip3', 'dec3', 'in'],
  ['dec3', 'up2', 'in'],
  ['up2', 'skip2', 'up'],
  ['enc2', 'skip2', 'skip'],
  ['skip2', 'dec2', 'in'],
  ['dec2', 'up1', 'in'],
  ['up1', 'skip1', 'up'],
  ['enc1', 'skip1', 'skip'],
  ['skip1', 'dec1', 'in'],
  ['dec1', 'output', 'in'],
];

/** Builds the network; returns the design ids of the nodes by role (enc1, skip3, …). */
export async function buildSmall(s: Session): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [i, step] of STEPS.entries()) {
    const col = i % 4;
    const row = Math.floor(i / 4);
    const id = await s.palette.drop(step.kind, 30 + col * 215 + 90, 20 + row * 125 + 30);
    ids[step.key] = id;
    await s.page.getByTestId(`inspector-${id}`).waitFor();
    for (const [path, value] of Object.entries(step.set ?? {})) await s.inspector.set(path, value);
    for (const [path, value] of Object.entries(step.choose ?? {}))
      await s.inspector.choose(path, value);
  }
  for (const [from, to, port] of WIRES) {
    await s.canvas.connect(ids[from] ?? from, ids[to] ?? to, port);
  }
  return ids;
}
