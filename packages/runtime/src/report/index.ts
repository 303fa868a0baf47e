/**
 * Reports on a trained model: per-image scores and the confusion matrix.
 */
export { perImageReport, type ImageScore, type PerImageReport } from './perImageReport';
export { reportLines } from './reportLines';
