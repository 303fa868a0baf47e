/**
 * @unet-studio/compiler: the design format, the layer catalogue, the compiler passes, the config
 * formats and the templates. Pure TypeScript: runs in Node, a browser or a worker.
 */
export * from './catalogue/common';
export * from './catalogue/params';
export type * from './catalogue/types';
export * from './design/schema';
export type * from './shape/dim';
export type * from './shape/shape';
export type * from './lowering/ops';
export type * from './diagnostics/types';
export type * from './diagnostics/edits';
export * from './diagnostics/codes';
export type * from './compiled';
export * from './formats/index';
export * from './templates/index';
export * from './layout/index';
