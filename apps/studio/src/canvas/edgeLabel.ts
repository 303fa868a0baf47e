/**
 * An edge's label, kept in step with the edge's view by direct DOM writes: the label exists only
 * while the edge has a known shape or a problem, shows the shape (`?` when unknown), and takes the
 * colour and tooltip of its worst problem. Writing it directly, instead of rendering a React
 * component, lets an edit of the input size relabel hundreds of edges without rendering any.
 */
import type { Problem } from '../flow/types';
import type { EdgeView } from '../flow/views';
import { setText } from '../state/useViews';
import { worstSeverity } from './ProblemBadge';

/** The problems each label shows, so that an unchanged list costs no DOM write. */
const shownProblems = new WeakMap<Element, readonly Problem[]>();

/** Shows `view` in `slot` (the edge's label slot): adds, updates or removes the label. */
export function writeEdgeLabel(slot: HTMLElement, edgeId: string, view: EdgeView): void {
  let label = slot.firstElementChild as HTMLElement | null;
  if (view.shape === null && view.problems.length === 0) {
    label?.remove();
    return;
  }
  if (!label) {
    label = document.createElement('div');
    label.setAttribute('data-testid', `edge-label-${edgeId}`);
    slot.append(label);
  }
  if (shownProblems.get(label) !== view.problems) {
    shownProblems.set(label, view.problems);
    const severity = worstSeverity(view.problems);
    label.className = `edge-label nodrag nopan${severity ? ` has-${severity}` : ''}`;
    const tip = view.problems.map((p) => p.message).join('\n');
    if (tip) label.title = tip;
    else label.removeAttribute('title');
  }
  setText(label, view.shape ?? '?');
}
