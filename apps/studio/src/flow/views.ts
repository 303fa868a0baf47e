/**
 * What the compiler derived for each node and edge, as the canvas shows it: shape text, parameter
 * count and problems. Views are kept apart from React Flow's node and edge objects, so an edit that
 * changes shapes leaves those objects alone, and each node or edge re-renders only when its own
 * view changes. Structural sharing: a view equal to the previous one is the previous object.
 */
import type { CompiledDesign, Diagnostic, Shape } from '@unet-studio/compiler';
import { formatShape } from './formatShape';
import type { Problem } from './types';

/** What a layer node shows from the compilation. */
export interface NodeView {
  /** Output shape, e.g. `64×284×284`, or null when unknown. */
  readonly shape: string | null;
  /** Trainable + non-trainable parameters, or null when unknown. */
  readonly params: number | null;
  readonly problems: readonly Problem[];
}

/** What an edge shows from the compilation. */
export interface EdgeView {
  /** The tensor shape the edge carries, or null when unknown. */
  readonly shape: string | null;
  readonly problems: readonly Problem[];
}

/** The views of every node and edge of one compilation. */
export interface CanvasViews {
  readonly nodes: ReadonlyMap<string, NodeView>;
  readonly edges: ReadonlyMap<string, EdgeView>;
}

const NO_PROBLEMS: readonly Problem[] = [];

/** The view of a node the compilation does not know (e.g. not reachable from the input). */
export const UNKNOWN_NODE: NodeView = { shape: null, params: null, problems: NO_PROBLEMS };
/** The view of an edge the compilation does not know. */
export const UNKNOWN_EDGE: EdgeView = { shape: null, problems: NO_PROBLEMS };

/** Views with nothing in them (before the first compilation). */
export const NO_VIEWS: CanvasViews = { nodes: new Map(), edges: new Map() };

function problemsBy(
  diags: readonly Diagnostic[],
  key: 'nodeId' | 'edgeId',
): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>();
  for (const d of diags) {
    const id = d[key];
    if (id === undefined) continue;
    const list = out.get(id) ?? [];
    list.push({ code: d.code, severity: d.severity, message: d.message });
    out.set(id, list);
  }
  return out;
}

/** `problems`, or the previous view's equal list (so that equal views stay the same object). */
function kept(
  problems: readonly Problem[] | undefined,
  old: NodeView | EdgeView | undefined,
): readonly Problem[] {
  if (!problems) return NO_PROBLEMS;
  return old && sameProblems(old.problems, problems) ? old.problems : problems;
}

function sameProblems(a: readonly Problem[], b: readonly Problem[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((p, i) => {
    const q = b[i];
    return (
      q !== undefined && p.code === q.code && p.severity === q.severity && p.message === q.message
    );
  });
}

/** `formatShape` for one derivation: an edge carries its source's shape object, formatted once. */
function shapeTexts(): (shape: Shape | null | undefined) => string | null {
  const done = new Map<Shape, string>();
  return (shape) => {
    if (!shape) return null;
    let t = done.get(shape);
    if (t === undefined) {
      t = formatShape(shape);
      done.set(shape, t);
    }
    return t;
  };
}

/**
 * The views of `compiled`. Pass the previous views to keep the objects of unchanged views (and the
 * previous problem arrays when equal).
 */
export function deriveViews(
  compiled: CompiledDesign,
  previous: CanvasViews = NO_VIEWS,
): CanvasViews {
  const text = shapeTexts();
  const nodeProblems = problemsBy(compiled.diagnostics, 'nodeId');
  const edgeProblems = problemsBy(compiled.diagnostics, 'edgeId');
  const nodes = new Map<string, NodeView>();
  const node = (id: string, shape: string | null, params: number | null): void => {
    const old = previous.nodes.get(id);
    const problems = kept(nodeProblems.get(id), old);
    const same =
      old !== undefined &&
      old.shape === shape &&
      Object.is(old.params, params) &&
      old.problems === problems;
    nodes.set(id, same ? old : { shape, params, problems });
  };
  for (const [id, c] of Object.entries(compiled.nodes)) {
    node(id, text(c.shape), c.cost ? c.cost.trainable + c.cost.nonTrainable : null);
  }
  // Problems on nodes the compilation did not list still show.
  for (const id of nodeProblems.keys()) if (!nodes.has(id)) node(id, null, null);
  const edges = new Map<string, EdgeView>();
  const edge = (id: string, shape: string | null): void => {
    const old = previous.edges.get(id);
    const problems = kept(edgeProblems.get(id), old);
    const same = old !== undefined && old.shape === shape && old.problems === problems;
    edges.set(id, same ? old : { shape, problems });
  };
  for (const [id, shape] of Object.entries(compiled.edgeShapes)) edge(id, text(shape));
  // Problems on edges the shapes pass did not list still show.
  for (const id of edgeProblems.keys()) if (!edges.has(id)) edge(id, null);
  return { nodes, edges };
}
