/**
 * @unet-studio/compiler: the design format, the layer catalogue, the compiler passes, the config
 * formats and the templates. Pure TypeScript: runs in Node, a browser or a worker.
 */
export * from './catalogue/common';
export * from './catalogue/params';
export type * from './catalogue/types';
export * from './catalogue/catalogue';
export { defineLayer } from './catalogue/define';
export { AXIS_NAMES } from './catalogue/spatial';
export { resolveAlpha, largestDivisor } from './catalogue/opBuilders';
export * from './design/schema';
export * from './design/augmentSpec';
export * from './design/parseDesign';
export * from './design/serializeDesign';
export * from './design/migrations';
export * from './design/applyEdits';
export * from './design/createNode';
export * from './design/withInputSize';
export * from './design/blankDesign';
export * from './shape/dim';
export type * from './shape/shape';
export * from './shape/rat';
export * from './shape/dimMath';
export * from './shape/shapeOps';
export * from './shape/sizeRules';
export * from './units/formatBytes';
export type * from './lowering/ops';
export * from './lowering/opCost';
export type * from './diagnostics/types';
export type * from './diagnostics/edits';
export * from './diagnostics/codes';
export * from './diagnostics/make';
export * from './graph/adjacency';
export * from './graph/indexGraph';
export * from './graph/topologicalSort';
export * from './graph/findCycle';
export * from './graph/reachable';
export * from './graph/willCreateCycle';
export type * from './compiled';
export * from './compile';
export { ruleText } from './passes/sizeRule';
export { SIZE_RULE_NODE_LIMIT } from './passes/unetChecks';
export { DESIGN_LIMITS } from './passes/limits';
export { LARGE_ACTIVATION_BYTES } from './passes/cost';
export * from './formats/index';
export * from './templates/index';
export * from './layout/index';
export * from './export/pytorch/index';
