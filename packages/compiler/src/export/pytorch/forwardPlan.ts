/**
 * The order and variables of model.py's forward(): one statement per op that computes something,
 * in topological order. An op's result lives in `x` when the very next statement is its only
 * reader (a plain chain), and in a variable named after the op otherwise (skips, branches).
 * Ops whose results reach no output are left out of forward() (their modules stay, so parameter
 * counts and weights still match the design).
 */
import type { CompiledDesign } from '../../compiled';
import type { PrimitiveOp } from '../../lowering/ops';

/** One forward() statement. */
export interface ForwardStatement {
  readonly op: PrimitiveOp;
  /** Where the result goes: `x` or the op's own name. */
  readonly target: string;
  /** The expressions of the op's inputs, in order. */
  readonly args: readonly string[];
}

/** forward() as data. */
export interface ForwardPlan {
  /** The input op's variable when it is needed beyond the first statement (`<name> = x`). */
  readonly inputAlias: string | null;
  readonly statements: readonly ForwardStatement[];
  /** The returned expressions, one per design output, in `outputIds` order. */
  readonly returns: readonly string[];
  /** True when some op with parameters does not reach an output (DDP must know). */
  readonly hasUnusedModules: boolean;
}

const ALIAS_OPS = new Set<PrimitiveOp['op']>(['input', 'output']);
const PARAM_OPS = new Set<PrimitiveOp['op']>(['conv', 'convTranspose', 'norm']);

/** The op graph with output ops resolved to the op that computes their value. */
function graphOf(compiled: CompiledDesign) {
  const byId = new Map(compiled.ops.map((op) => [op.id, op]));
  const source = (id: string): string => {
    const op = byId.get(id);
    if (op?.op === 'output' && op.inputs[0] !== undefined) return source(op.inputs[0]);
    return id;
  };
  const outputOps = compiled.outputIds.map((nodeId) => {
    const node = compiled.nodes[nodeId];
    const last = node?.outputOp ?? node?.ops?.[node.ops.length - 1]?.id;
    if (last === undefined || last === null) throw new Error(`output node ${nodeId} has no ops`);
    return source(last);
  });
  const live = new Set<string>();
  const stack = [...outputOps];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (live.has(id)) continue;
    live.add(id);
    for (const input of byId.get(id)?.inputs ?? []) stack.push(source(input));
  }
  return { source, outputOps, live };
}

/**
 * The ids of the ops some output depends on (output ops themselves excluded). The others belong
 * to dangling branches: the exported model keeps their modules but never runs them.
 */
export function opsReachingOutputs(compiled: CompiledDesign): ReadonlySet<string> {
  return graphOf(compiled).live;
}

/**
 * Plans forward() for `compiled`, naming values with `names` (from `pytorchModuleNames`).
 */
export function planForward(
  compiled: CompiledDesign,
  names: Readonly<Record<string, string>>,
): ForwardPlan {
  const { source, outputOps, live } = graphOf(compiled);
  const computed = compiled.ops.filter((op) => live.has(op.id) && !ALIAS_OPS.has(op.op));
  const hasUnusedModules = compiled.ops.some((op) => PARAM_OPS.has(op.op) && !live.has(op.id));

  // Readers of each value: statement positions, the return counting as one past the end.
  const position = new Map(computed.map((op, i) => [op.id, i]));
  const readers = new Map<string, number[]>();
  const read = (id: string, at: number): void => {
    const list = readers.get(id) ?? [];
    list.push(at);
    readers.set(id, list);
  };
  computed.forEach((op, i) => op.inputs.forEach((input) => read(source(input), i)));
  outputOps.forEach((id) => read(id, computed.length));

  const inChain = (id: string, at: number): boolean => {
    const list = readers.get(id) ?? [];
    return list.length === 1 && list[0] === at + 1;
  };
  const input = compiled.ops.find((op) => op.op === 'input');
  const inputInX = input !== undefined && inChain(input.id, -1);
  const varOf = (id: string): string => {
    const at = position.get(id);
    if (at !== undefined) return inChain(id, at) ? 'x' : (names[id] ?? id);
    return inputInX ? 'x' : (names[id] ?? id);
  };
  return {
    inputAlias: input !== undefined && !inputInX ? (names[input.id] ?? input.id) : null,
    statements: computed.map((op, i) => ({
      op,
      target: inChain(op.id, i) ? 'x' : (names[op.id] ?? op.id),
      args: op.inputs.map((id) => varOf(source(id))),
    })),
    returns: outputOps.map(varOf),
    hasUnusedModules,
  };
}
