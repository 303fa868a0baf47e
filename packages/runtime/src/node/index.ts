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
