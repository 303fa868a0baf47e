/**
 * model.py: the design as a readable `nn.Module`, plus `--summary` and `--onnx` entry points.
 */
import type { CompiledDesign } from '../../compiled';
import type { PrimitiveOp } from '../../lowering/ops';
import { shapeText, symVar } from './dimExpr';
import { planForward } from './forwardPlan';
import { pytorchModuleNames, nodeLabel } from './moduleNames';
import { emitOp } from './opEmit';
import { HELPER_SOURCE, helpersToWrite, type HelperName } from './pyHelpers';
import { pyBool, pyComment, pyNum, pyStr } from './pyLiteral';
import { MODEL_MAIN } from './modelMain';

/** Facts about the exported model that train.py and the README also need. */
export interface ModelFacts {
  /** Input shape without batch, channels first; null marks an open size. */
  readonly input: readonly (number | null)[];
  /** Channels of the first output. */
  readonly classes: number;
  /** The activation the model applies last: the losses work on logits or on probabilities. */
  readonly outputActivation: 'none' | 'sigmoid' | 'softmax';
}

/** Reads the input shape, class count and output activation of a compiled design. */
export function modelFacts(compiled: CompiledDesign): ModelFacts {
  const inputOp = compiled.ops.find((op) => op.op === 'input');
  if (!inputOp)
    throw new Error('the compiled design has no input op: compile it without errors first');
  const firstOutput = compiled.outputIds[0];
  const outNode = firstOutput !== undefined ? compiled.nodes[firstOutput] : undefined;
  if (!outNode?.ops || !outNode.shape) throw new Error('the compiled design has no output');
  const act = [...outNode.ops].reverse().find((op) => op.op !== 'output');
  const outputActivation =
    act?.op === 'activation' && (act.activation === 'sigmoid' || act.activation === 'softmax')
      ? act.activation
      : 'none';
  return {
    input: [
      inputOp.shape.channels,
      ...inputOp.shape.spatial.map((d) => (typeof d === 'number' ? d : null)),
    ],
    classes: outNode.shape.channels,
    outputActivation,
  };
}

function pyShape(values: readonly (number | null)[]): string {
  const items = values.map((v) => (v === null ? 'None' : String(v)));
  return items.length === 1 ? `(${items.join('')},)` : `(${items.join(', ')})`;
}

function header(compiled: CompiledDesign): string[] {
  const d = compiled.design;
  const lines = [`# ${pyComment(d.name)}: a PyTorch model exported by U-Net Studio.`, '#'];
  const description = d.description
    .split(/\r\n|\r|\n/)
    .map((l) => pyComment(l))
    .filter((l) => l !== '');
  for (const line of description.slice(0, 8)) lines.push(`# ${line}`);
  if (description.length > 0) lines.push('#');
  lines.push(
    '# Tensors are channels-first: (N, C, H, W) in 2D, (N, C, L) in 1D. Shapes in comments omit N.',
    '#   python3 model.py --summary           parameter count and shapes as one JSON line',
    '#   python3 model.py --onnx model.onnx   export to ONNX (add --weights weights.pt for trained weights)',
  );
  return lines;
}

/**
 * The text of model.py for a compiled design (which must compile without errors).
 */
export function modelPy(compiled: CompiledDesign): string {
  const names = pytorchModuleNames(compiled);
  const plan = planForward(compiled, names);
  const facts = modelFacts(compiled);
  const helpers = new Set<HelperName>();
  const shapeOf = new Map(compiled.ops.map((op) => [op.id, op.shape]));
  const emit = (op: PrimitiveOp): ReturnType<typeof emitOp> =>
    emitOp(
      op,
      compiled.dims,
      op.inputs.flatMap((id) => shapeOf.get(id) ?? []),
    );
  const init: string[] = [];
  let currentNode = '';
  for (const op of compiled.ops) {
    const emitted = emit(op);
    emitted.helpers.forEach((h) => helpers.add(h));
    if (emitted.module === null) continue;
    if (op.nodeId !== currentNode) {
      currentNode = op.nodeId;
      const node = compiled.nodes[op.nodeId];
      const ins = Object.values(node?.inputs ?? {}).filter((s) => s !== null);
      const io = `${ins.map(shapeText).join(' + ')} -> ${node?.shape ? shapeText(node.shape) : '?'}`;
      const label = pyComment(nodeLabel(compiled, op.nodeId), 60);
      init.push(`        # ${label} (${node?.kind ?? op.op}): ${io}`);
    }
    init.push(`        self.${names[op.id]} = ${emitted.module}`);
  }

  const forward: string[] = [];
  const inputOp = compiled.ops.find((op) => op.op === 'input');
  inputOp?.shape.spatial.forEach((d, i) => {
    if (typeof d !== 'number') forward.push(`        ${symVar(d.sym)} = int(x.shape[${i + 2}])`);
  });
  if (plan.inputAlias !== null) forward.push(`        ${plan.inputAlias} = x`);
  for (const st of plan.statements) {
    const emitted = emit(st.op);
    const expr = emitted.call(st.args, `self.${names[st.op.id]}`);
    forward.push(`        ${st.target} = ${expr}  # ${shapeText(st.op.shape)}`);
  }
  const ret = plan.returns.length === 1 ? plan.returns.join('') : `(${plan.returns.join(', ')})`;
  forward.push(`        return ${ret}`);

  const helperText = helpersToWrite(helpers).map((h) => `\n\n${HELPER_SOURCE[h]}`);
  return [
    ...header(compiled),
    'import argparse',
    'import json',
    'import sys',
    '',
    'import torch',
    'import torch.nn.functional as F',
    'from torch import nn',
    '',
    `DESIGN_NAME = ${pyStr(compiled.design.name)}`,
    `# Input shape without the batch, channels first; None marks a size the design leaves open.`,
    `INPUT_SHAPE = ${pyShape(facts.input)}`,
    `# What the model applies last: "none" (logits), "sigmoid" or "softmax". train.py reads it.`,
    `OUTPUT_ACTIVATION = ${pyStr(facts.outputActivation)}`,
    `NUM_CLASSES = ${pyNum(facts.classes)}`,
    `# True when some layer does not reach an output (DistributedDataParallel must be told).`,
    `HAS_UNUSED_MODULES = ${pyBool(plan.hasUnusedModules)}`,
    helperText.join('').trimEnd(),
    '',
    '',
    `class Model(nn.Module):`,
    `    """The design DESIGN_NAME as a PyTorch module."""`,
    '',
    '    def __init__(self):',
    '        super().__init__()',
    ...init,
    ...(init.length === 0 ? ['        pass'] : []),
    '',
    '    def forward(self, x):',
    ...forward,
    MODEL_MAIN,
  ].join('\n');
}
