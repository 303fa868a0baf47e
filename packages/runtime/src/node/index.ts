// Node-only helpers (file system save/load, image files).
export {
  FILE_SCHEME,
  WEIGHTS_FILE,
  directoryOf,
  fileSystemHandler,
  loadModelFromDir,
  registerFileSystemRouter,
  saveModelToDir,
} from './fileSystemHandler';
export { readModelDirectory } from './modelFiles';
export {
  checkRegularFile,
  readRegularFile,
  UnreadableFileError,
  MAX_DESIGN_FILE_BYTES,
  MAX_MODEL_JSON_BYTES,
  MAX_WEIGHTS_FILE_BYTES,
  type BoundedReadOptions,
} from './boundedFile';
export { decodeImageNode, sniffImageFormat, MAX_IMAGE_PIXELS } from './decodeImage';
export { encodeGreyPng } from './encodePng';
export {
  readImageFolder,
  readImageFile,
  listFiles,
  isImagePath,
  MAX_IMAGE_FILE_BYTES,
  type ImageFolderOptions,
} from './imageFolder';
export { loadSegmentationData, type LoadDataOptions } from './loadData';
export { readMaskLegend } from './maskLegend';
// Data-parallel training on worker threads.
export * from '../parallel/index';
