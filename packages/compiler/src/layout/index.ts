/** Layouts computed from a design, for importers, templates and the canvas's "tidy" action. */
export { uLayout, U_LAYOUT_SPACING } from './uLayout';
export { layeredLayout, topologicalNodes } from './layered';
