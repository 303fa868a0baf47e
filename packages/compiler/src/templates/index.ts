/** Built-in templates: one module each, listed in `TEMPLATES`. */
import { basicPytorchUnet } from './basicPytorchUnet';
import { carvana } from './carvana';
import { heliaEdge1d } from './heliaEdge1d';
import { milesialUnet } from './milesialUnet';
import { modelManagerUnet } from './modelManagerUnet';
import { originalUnet } from './originalUnet';
import { small, tiny } from './studyTemplates';
import type { Template } from './template';

export type { Template } from './template';
export { classicUNet, type ClassicUNetSpec } from './classicUNet';

/** Every built-in template: the seeds', milesial's Pytorch-UNet, then the small study designs. */
export const TEMPLATES: readonly Template[] = [
  modelManagerUnet,
  heliaEdge1d,
  basicPytorchUnet,
  carvana,
  originalUnet,
  milesialUnet,
  small,
  tiny,
];

/** The template called `name`, or undefined. */
export function findTemplate(name: string): Template | undefined {
  return TEMPLATES.find((t) => t.name === name);
}
