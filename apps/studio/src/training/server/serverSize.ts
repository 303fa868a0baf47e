/**
 * The training size a server run is given: the studio's own (the panel's Size) when the design
 * leaves its input size open, so that the server trains at the size the studio planned and the
 * returned weights are built into a model of that size; nothing when the design fixes its size,
 * which the server's package then uses as it is.
 */
import { compile, type Design } from '@unet-studio/compiler';
import { modelIo } from '../settings';

/**
 * The spatial size to send with a server run of `design`, or undefined when its input is fixed.
 *
 * @example serverRunSize(openDesign, [96, 128]) // [96, 128]
 */
export function serverRunSize(
  design: Design,
  size: readonly number[],
): readonly number[] | undefined {
  const io = modelIo(compile(design));
  return io !== null && io.size === null ? size : undefined;
}
