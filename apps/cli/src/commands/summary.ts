/**
 * `unet-studio summary <file>`: the per-node table (name, kind, output shape, parameters, MACs)
 * and the totals, or the same as JSON.
 */
import { compile, formatBytes, type CompiledDesign } from '@unet-studio/compiler';
import { parseCommandArgs, positiveInt } from '../args';
import { EXIT, type Command } from '../command';
import { loadAnyDesign } from '../loadAnyDesign';
import {
  diagnosticLine,
  formatCount,
  formatShapeText,
  formatShort,
  shapeJson,
  table,
} from '../print';

const USAGE = `Usage: unet-studio summary <file | template:NAME> [--input 572x572x1] [--batch N] [--json]

Prints every node's output shape, parameters and multiply-adds, then the totals.
--input replaces the input size (HxW[xC] in 2D, L[xC] in 1D); --batch scales MACs and
activation memory; --json prints
{ input, output, trainableParams, nonTrainableParams, macs, activationBytes, nodes }.`;

function summaryJson(c: CompiledDesign) {
  const outputId = c.outputIds[0];
  return {
    input: shapeJson(c.inputId === null ? null : (c.nodes[c.inputId]?.shape ?? null)),
    output: shapeJson(outputId === undefined ? null : (c.nodes[outputId]?.shape ?? null)),
    batch: c.batch,
    trainableParams: c.totals.trainable,
    nonTrainableParams: c.totals.nonTrainable,
    macs: Number.isFinite(c.totals.macs) ? c.totals.macs : null,
    activationBytes: Number.isFinite(c.totals.activationBytes) ? c.totals.activationBytes : null,
    nodes: c.order.map((id) => {
      const n = c.nodes[id];
      return {
        id,
        name: n?.name ?? id,
        kind: n?.kind ?? null,
        shape: shapeJson(n?.shape ?? null),
        trainableParams: n?.cost?.trainable ?? null,
        nonTrainableParams: n?.cost?.nonTrainable ?? null,
        macs: n?.cost && Number.isFinite(n.cost.macs) ? n.cost.macs : null,
        activationBytes:
          n?.cost && Number.isFinite(n.cost.activationBytes) ? n.cost.activationBytes : null,
      };
    }),
    diagnostics: c.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      nodeId: d.nodeId ?? null,
      message: d.message,
    })),
  };
}

/** The `summary` command. */
export const summaryCommand: Command = {
  name: 'summary',
  summary: 'Per-node shapes, parameters and MACs, with totals',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArgs(args, {
      input: { type: 'string' },
      batch: { type: 'string' },
      json: { type: 'boolean' },
    });
    const batch = parsed.ok ? positiveInt(parsed.values.batch, 'batch', 1) : 1;
    if (!parsed.ok || parsed.positionals.length !== 1 || typeof batch === 'string') {
      io.err(
        `unet-studio summary: ${!parsed.ok ? parsed.message : typeof batch === 'string' ? batch : 'give exactly one file'}`,
      );
      io.err(USAGE);
      return EXIT.unreadable;
    }
    const input = parsed.values.input;
    const loaded = await loadAnyDesign(parsed.positionals[0] as string, io.cwd, {
      input: typeof input === 'string' ? input : undefined,
    });
    if (!loaded.ok) {
      for (const line of loaded.lines) io.err(`unet-studio summary: ${line}`);
      return EXIT.unreadable;
    }
    const c = compile(loaded.design, { batch });
    const code = c.ok ? EXIT.ok : EXIT.errors;
    if (parsed.values.json) {
      io.out(JSON.stringify(summaryJson(c), null, 2));
      return code;
    }
    const rows = c.order.map((id) => {
      const n = c.nodes[id];
      const cost = n?.cost;
      return [
        id,
        n?.name ?? id,
        n?.kind ?? '?',
        formatShapeText(n?.shape ?? null),
        cost ? formatCount(cost.trainable + cost.nonTrainable) : '?',
        cost ? formatShort(cost.macs) : '?',
      ];
    });
    io.out(`${c.design.name} (${loaded.label}), batch ${c.batch}`);
    for (const line of table(['node', 'name', 'kind', 'output', 'params', 'MACs'], rows, [4, 5]))
      io.out(line);
    io.out('');
    io.out(`trainable params      ${formatCount(c.totals.trainable)}`);
    io.out(`non-trainable params  ${formatCount(c.totals.nonTrainable)}`);
    io.out(`MACs                  ${formatShort(c.totals.macs)} (${formatCount(c.totals.macs)})`);
    io.out(`activation memory     ${formatBytes(c.totals.activationBytes)}`);
    for (const d of c.diagnostics.filter((x) => x.severity !== 'info'))
      io.err(diagnosticLine(d, c));
    return code;
  },
};
