/** Saving and loading models with their design, and the metadata they carry. */
export {
  METADATA_KEY,
  METADATA_VERSION,
  attachModelInfo,
  parseModelInfo,
  readModelInfo,
} from './metadata';
export type { ModelInfo, ModelInfoResult } from './metadata';
export { cloneModel, loadFromMemory, saveToMemory } from './memory';
export { loadModel, saveModel } from './saveLoad';
export type { LoadedModel, LoadModelOptions, ModelLocation } from './saveLoad';
export { topologyDifference } from './designMatch';
