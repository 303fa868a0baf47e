/**
 * Port colours: an output port takes its node kind's colour; input ports are coloured by role so
 * that a skip merge's two inputs are told apart at a glance.
 */
import { CATALOGUE, type LayerKind } from '@unet-studio/compiler';

const INPUT_COLORS: Readonly<Record<string, string>> = {
  skip: CATALOGUE.skip.color,
  up: CATALOGUE.upconv.color,
};

/** Colour of an input port. */
export function inputPortColor(port: string): string {
  return INPUT_COLORS[port] ?? '#64748b';
}

/** Colour of a kind's output port. */
export function outputPortColor(kind: LayerKind): string {
  return CATALOGUE[kind].color;
}

/** Vertical position (percent of the node height) of port `index` of `count`. */
export function portOffset(index: number, count: number): string {
  return `${((index + 1) / (count + 1)) * 100}%`;
}
