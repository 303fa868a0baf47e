/**
 * Generated designs for the compiler benchmark: a chain of small same-padded U-Nets (three levels,
 * conv blocks, max pools, transposed convs, skip concatenations), repeated until the design has the
 * requested number of nodes.
 */
import { AUGMENT_OFF } from '../src/design/augmentSpec';
import { createNode } from '../src/design/createNode';
import {
  DESIGN_FORMAT,
  DESIGN_VERSION,
  type Design,
  type DesignEdge,
  type DesignNode,
} from '../src/design/schema';

/** Nodes per U-Net stage: 3 × (conv, pool) + bottleneck + 3 × (upconv, skip, conv). */
const STAGE_NODES = 16;

/**
 * A valid design with about `target` nodes (never fewer than one stage plus input and output).
 * @example generateDesign(1000).model.nodes.length // 1000 ± 16
 */
export function generateDesign(target: number): Design {
  const nodes: DesignNode[] = [];
  const edges: DesignEdge[] = [];
  const link = (source: string, target: string, port = 'in'): void => {
    edges.push({ id: `e${edges.length}`, source, sourcePort: 'out', target, targetPort: port });
  };
  const input = createNode('input', 'in');
  nodes.push({ ...input, params: { ...input.params, channels: 3, size: [64, 64] } });
  let prev = 'in';
  const stages = Math.max(1, Math.round((target - 2) / STAGE_NODES));
  for (let s = 0; s < stages; s++) {
    const skips: string[] = [];
    for (let level = 0; level < 3; level++) {
      const conv = createNode('conv', `s${s}c${level}`);
      nodes.push({ ...conv, params: { ...conv.params, filters: 8 << level } });
      link(prev, conv.id);
      skips.push(conv.id);
      const pool = createNode('pool', `s${s}p${level}`);
      nodes.push(pool);
      link(conv.id, pool.id);
      prev = pool.id;
    }
    const bottom = createNode('conv', `s${s}b`);
    nodes.push({ ...bottom, params: { ...bottom.params, filters: 64 } });
    link(prev, bottom.id);
    prev = bottom.id;
    for (let level = 2; level >= 0; level--) {
      const up = createNode('upconv', `s${s}u${level}`);
      nodes.push({ ...up, params: { ...up.params, filters: 8 << level } });
      link(prev, up.id);
      const skip = createNode('skip', `s${s}k${level}`);
      nodes.push(skip);
      link(skips[level] ?? prev, skip.id, 'skip');
      link(up.id, skip.id, 'up');
      const conv = createNode('conv', `s${s}d${level}`);
      nodes.push({ ...conv, params: { ...conv.params, filters: 8 << level } });
      link(skip.id, conv.id);
      prev = conv.id;
    }
  }
  nodes.push(createNode('output', 'out'));
  link(prev, 'out');
  return {
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    name: `Generated ${nodes.length}-node design`,
    description: '',
    model: { nodes, edges },
    training: {
      loss: 'bce',
      optimizer: 'adam',
      learningRate: 1e-3,
      batchSize: 8,
      epochs: 10,
      threshold: 0.5,
      augment: AUGMENT_OFF,
    },
    layout: { positions: {}, colors: {}, groups: [] },
    runs: [],
    extras: {},
  };
}
