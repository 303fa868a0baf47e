/** Config formats: importers and exporters of the U-Net config spellings U-Net Studio speaks. */
export * from './result';
export { designChain, type ChainLink } from './designChain';
export {
  createDesignBuilder,
  type DesignBuilder,
  type DesignMeta,
  type ParamsInput,
} from './designBuilder';
export { parseJsonText, parseYamlText, toPrettyJson, MAX_TEXT_LENGTH } from './text';
export { PatternMismatch, runMatcher, expectKind } from './mismatch';
export { spatialValues, spatialIs, describeSpatial } from './spatial';
export * from './modelManager/index';
export * from './unetParams/index';
export * from './detect';
export { looksLikeCreateModelCall } from './textKind';
export { JSON_LIMITS, checkJsonBounds, readJson } from './boundedJson';
export { excerpt } from './excerpt';
