/**
 * Trained weights for the PyTorch export: tfjs weights → a PyTorch state dict in a `.pt` file.
 */
export {
  convertWeights,
  type ConvertResult,
  type NamedWeights,
  type OpLayerNames,
} from './convertWeights';
export { permute, type DenseTensor } from './permute';
export { pickleStateDict, type TorchTensor } from './pickle';
export {
  decodeWeights,
  pytorchWeightsFromArtifacts,
  pytorchWeightsFromModel,
  type PytorchWeightsResult,
} from './pytorchWeights';
export { writeTorchStateDict } from './torchFile';
export {
  loadStateDictIntoModel,
  tfjsWeightsFromStateDict,
  type ReverseResult,
} from './reverseWeights';
export { readStateBundle, STATE_BUNDLE_PY } from './stateBundle';
