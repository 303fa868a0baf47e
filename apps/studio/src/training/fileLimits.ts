/**
 * Byte limits on the files picked for training, checked from their sizes before a byte is read:
 * one image as large as the prediction view accepts, and a cap on the whole folder so that a
 * wrongly picked disk cannot fill the tab's memory.
 */
import { formatBytes } from '@unet-studio/compiler';

/** Largest single image or mask file, for training and for prediction (256 MiB). */
export const MAX_TRAINING_FILE_BYTES = 256 * 1024 * 1024;
/** Largest total of the picked files (2 GiB). */
export const MAX_TRAINING_TOTAL_BYTES = 2 * 1024 * 1024 * 1024;

/**
 * Why `files` are refused, or null when they are within the limits.
 *
 * @example checkTrainingFiles([{ path: 'a.png', file: { size: 3e8 } }]) // 'a.png is 286.1 MiB, …'
 */
export function checkTrainingFiles(
  files: readonly { readonly path: string; readonly file: { readonly size: number } }[],
  limits = { file: MAX_TRAINING_FILE_BYTES, total: MAX_TRAINING_TOTAL_BYTES },
): string | null {
  let total = 0;
  for (const { path, file } of files) {
    if (file.size > limits.file)
      return `${path} is ${formatBytes(file.size)}, above the ${formatBytes(limits.file)} limit for one training image or mask; nothing was read.`;
    total += file.size;
  }
  if (total > limits.total)
    return `The ${files.length} files hold ${formatBytes(total)}, above the ${formatBytes(limits.total)} limit for training files; pick a smaller folder. Nothing was read.`;
  return null;
}
