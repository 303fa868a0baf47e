/** Building compiled designs as tfjs models, counting their parameters, and predicting. */
export { buildModel } from './buildModel';
export type { BuildOptions } from './buildModel';
export { countParams } from './countParams';
export type { ParamTotals } from './countParams';
export { LayerNamer, sanitizeLayerName } from './names';
export { headOf, predict } from './predict';
export type { HeadKind, Prediction, PredictOptions } from './predict';
