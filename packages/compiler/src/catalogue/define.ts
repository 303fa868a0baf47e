/**
 * `defineLayer`: completes a kind's definition with the cost functions derived from its lowering,
 * so the palette, the inspector and the exporters get parameter counts and costs from the same
 * shape rule the compiler uses.
 */
import type { Cost } from '../compiled';
import { opsCost } from '../lowering/opCost';
import type { PrimitiveOp } from '../lowering/ops';
import type { LayerKind } from './params';
import type { LayerCostInput, LayerDefinition, LayerSpec, ParamCount } from './types';

/** The pseudo op id standing for the tensor on an input port. */
const portOp = (port: string): string => `<${port}>`;

function lowerAlone<K extends LayerKind>(
  def: LayerDefinition<K>,
  input: LayerCostInput<K>,
): readonly PrimitiveOp[] | null {
  const ports = Object.keys(input.inputs);
  const firstShape = ports[0] === undefined ? undefined : input.inputs[ports[0]];
  const dims = input.dims ?? (firstShape?.spatial.length === 1 ? 1 : 2);
  const result = def.lower({
    nodeId: def.kind,
    params: input.params,
    inputs: input.inputs,
    inputOps: Object.fromEntries(ports.map((p) => [p, portOp(p)])),
    dims,
    // Cost queries only need the figures; the compiler reports the diagnostics.
    report: () => undefined,
  });
  return result?.ops ?? null;
}

function costOf<K extends LayerKind>(
  def: LayerDefinition<K>,
  input: LayerCostInput<K>,
): Cost | null {
  const ops = lowerAlone(def, input);
  if (!ops) return null;
  return opsCost(ops, input.batch ?? 1);
}

/**
 * Adds `paramCount` and `cost` to a kind's definition.
 * @example defineLayer({ kind: 'add', …, lower }).paramCount({ params: {}, inputs }) // { trainable: 0, … }
 */
export function defineLayer<K extends LayerKind>(def: LayerDefinition<K>): LayerSpec<K> {
  return {
    ...def,
    paramCount(input: LayerCostInput<K>): ParamCount | null {
      const cost = costOf(def, input);
      return cost ? { trainable: cost.trainable, nonTrainable: cost.nonTrainable } : null;
    },
    cost: (input: LayerCostInput<K>): Cost | null => costOf(def, input),
  };
}
