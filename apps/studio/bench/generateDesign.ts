/**
 * A generated design for the responsiveness benchmark: a 4-level U-Net whose levels are long
 * chains of 1-conv blocks (9·chain + 14 nodes), laid out in a compact grid.
 */
import { createDesignBuilder, type Design } from '@unet-studio/compiler';

const WIDTHS = [16, 32, 64, 128] as const;

/** A 4-level U-Net with `chain` 1-conv blocks per encoder level, decoder level and bottleneck. */
export function generateDesign(chain: number): Design {
  const b = createDesignBuilder();
  let prev = b.add('input', 'input', 'Input', { channels: 3, size: [128, 128] });
  const skips: string[] = [];
  const convs = (prefix: string, filters: number): void => {
    for (let j = 0; j < chain; j++) {
      const id = b.add('conv', `${prefix}_${j}`, `${prefix} ${j}`, { filters, depth: 1 });
      b.connect(prev, id);
      prev = id;
    }
  };
  WIDTHS.forEach((f, i) => {
    convs(`enc${i}`, f);
    skips.push(prev);
    const pool = b.add('pool', `pool${i}`, `Pool ${i}`, {});
    b.connect(prev, pool);
    prev = pool;
  });
  convs('mid', 256);
  [...WIDTHS].reverse().forEach((f, k) => {
    const i = WIDTHS.length - 1 - k;
    const up = b.add('upconv', `up${i}`, `Up ${i}`, { filters: f });
    b.connect(prev, up);
    const skip = b.add('skip', `skip${i}`, `Skip ${i}`, {});
    b.connect(up, skip, 'up');
    b.connect(skips[i] ?? 'input', skip, 'skip');
    prev = skip;
    convs(`dec${i}`, f);
  });
  const out = b.add('output', 'output', 'Output', { classes: 1 });
  b.connect(prev, out);
  const design = b.build({
    name: `Generated ${9 * chain + 14}-node U-Net`,
    description: 'Benchmark design.',
  });
  // A compact grid (20 per row, in document order) so that the whole design fits on one screen.
  const positions = Object.fromEntries(
    design.model.nodes.map((n, i) => [n.id, { x: (i % 20) * 230, y: Math.floor(i / 20) * 150 }]),
  );
  // The output goes top-left, next to the input, clear of the minimap in the bottom-right corner.
  positions.output = { x: -230, y: 0 };
  return { ...design, layout: { ...design.layout, positions } };
}

/** The chain length that gives `n` nodes (9·chain + 14 nodes in all). */
export function chainFor(n: number): number {
  return Math.max(1, Math.round((n - 14) / 9));
}
