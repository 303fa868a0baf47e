/** The ModelManager: named model factories with the low-code platform's API. */
export { ModelManager } from './ModelManager';
export { UNET_HYPERPARAMETERS, createUnet } from './unetModel';
export type {
  CreateModelOptions,
  Hyperparameter,
  HyperparameterType,
  ModelEntry,
  ModelFactory,
} from './types';
