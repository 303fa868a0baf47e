/**
 * An edge's label, kept in step with the edge's view by direct DOM writes: the label exists only
 * while the edge has a known shape or a problem, shows the shape (`?` when unknown), and takes the
 * colour and tooltip of its worst problem. Writing it directly, instead of rendering a React
 * component, lets an edit of the input size relabel hundreds of edges without rendering any.
 */
import type { Problem } from '../flow/types';
import type { EdgeView } from '../flow/views';
import { worstSeverity } from './ProblemBadge';
import { setText } from './setText';

/** A slot's label (kept while detached, to be put back as it was) and the problems it shows. */
interface Shown {
  readonly label: HTMLElement;
  problems: readonly Problem[] | null;
}

const shown = new WeakMap<HTMLElement, Shown>();

function labelOf(slot: HTMLElement, edgeId: string): Shown {
  let current = shown.get(slot);
  if (!current) {
    const label = document.createElement('div');
    label.setAttribute('data-testid', `edge-label-${edgeId}`);
    current = { label, problems: null };
    shown.set(slot, current);
  }
  return current;
}

/** Shows `view` in `slot` (the edge's label slot): adds, updates or removes the label. */
export function writeEdgeLabel(slot: HTMLElement, edgeId: string, view: EdgeView): void {
  const current = labelOf(slot, edgeId);
  const { label } = current;
  if (view.shape === null && view.problems.length === 0) {
    if (label.parentNode === slot) label.remove();
    return;
  }
  if (current.problems !== view.problems) {
    current.problems = view.problems;
    const severity = worstSeverity(view.problems);
    label.className = `edge-label nodrag nopan${severity ? ` has-${severity}` : ''}`;
    const tip = view.problems.map((p) => p.message).join('\n');
    if (tip) label.title = tip;
    else label.removeAttribute('title');
  }
  setText(label, view.shape ?? '?');
  if (label.parentNode !== slot) slot.append(label);
}
