/**
 * Whether a connection being dragged would be accepted, with the reason when not. The rules are the
 * compiler's: the edge is added to a copy of the design, the copy is compiled, and the connection
 * is refused when that introduces a structural error (unknown port, port already connected,
 * cycle). Shape problems are not refused: they show as diagnostics once connected.
 */
import {
  CATALOGUE,
  compile,
  willCreateCycle,
  type Design,
  type DiagnosticCode,
  type LayerKind,
} from '@unet-studio/compiler';
import { connect, type ConnectionSpec } from '../state/designEdits';

/** Structural errors that make the compiler reject an edge outright. */
const REFUSED: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'CYCLE',
  'PORT_MULTIPLY_CONNECTED',
  'EDGE_UNKNOWN_PORT',
  'EDGE_UNKNOWN_NODE',
]);

/** The verdict on a connection. */
export type ConnectionVerdict =
  { readonly ok: true } | { readonly ok: false; readonly reason: string };

function structuralErrors(design: Design): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of compile(design).diagnostics) {
    if (d.severity === 'error' && REFUSED.has(d.code))
      counts.set(d.message, (counts.get(d.message) ?? 0) + 1);
  }
  return counts;
}

/** Checks a connection from `source`'s output port to `target`'s input port. */
export function checkConnection(design: Design, c: ConnectionSpec): ConnectionVerdict {
  const source = design.model.nodes.find((n) => n.id === c.source);
  const target = design.model.nodes.find((n) => n.id === c.target);
  if (!source || !target)
    return { ok: false, reason: 'Connect layer nodes (expand a block to wire into it).' };
  if (willCreateCycle(design, c.source, c.target)) {
    return {
      ok: false,
      reason: `${target.name ?? target.id} already feeds ${source.name ?? source.id}: this would make a cycle.`,
    };
  }
  const before = structuralErrors(design);
  const after = structuralErrors(connect(design, c).design);
  for (const [message, count] of after) {
    if (count > (before.get(message) ?? 0)) return { ok: false, reason: message };
  }
  return { ok: true };
}

/** The kinds that can take a wire dropped in empty space: from an output, kinds with an input port; into an input, kinds with an output. */
export function kindsAccepting(isOutput: boolean): LayerKind[] {
  return (Object.keys(CATALOGUE) as LayerKind[]).filter((k) =>
    isOutput ? CATALOGUE[k].inputs.length > 0 : CATALOGUE[k].outputs.length > 0,
  );
}

/** The first port of `kind` on the side that continues a wire (its first input or output), if any. */
export function firstPort(kind: LayerKind, input: boolean): string | null {
  const ports = input ? CATALOGUE[kind].inputs : CATALOGUE[kind].outputs;
  return ports[0]?.name ?? null;
}
