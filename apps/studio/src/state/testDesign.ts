/**
 * Small designs built from the design schema, for unit tests and the benchmark's generator.
 */
import {
  DESIGN_FORMAT,
  DESIGN_VERSION,
  zDesign,
  type Design,
  type DesignInput,
} from '@unet-studio/compiler';

/** A chain input → conv → pool → conv → upconv → skip(conv1) → conv → output, positioned in a row. */
export function chainDesign(): Design {
  const ids = ['input', 'enc1', 'pool1', 'mid', 'up1', 'skip1', 'dec1', 'output'] as const;
  const kinds = ['input', 'conv', 'pool', 'conv', 'upconv', 'skip', 'conv', 'output'] as const;
  const input: DesignInput = {
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    name: 'chain',
    model: {
      nodes: ids.map((id, i) => ({ id, kind: kinds[i] ?? 'conv' })),
      edges: [
        { id: 'e1', source: 'input', target: 'enc1' },
        { id: 'e2', source: 'enc1', target: 'pool1' },
        { id: 'e3', source: 'pool1', target: 'mid' },
        { id: 'e4', source: 'mid', target: 'up1' },
        { id: 'e5', source: 'up1', target: 'skip1', targetPort: 'up' },
        { id: 'e6', source: 'enc1', target: 'skip1', targetPort: 'skip' },
        { id: 'e7', source: 'skip1', target: 'dec1' },
        { id: 'e8', source: 'dec1', target: 'output' },
      ],
    },
    layout: { positions: Object.fromEntries(ids.map((id, i) => [id, { x: i * 200, y: 0 }])) },
  };
  return zDesign.parse(input);
}
