/** The low-code platform's ModelManager U-Net config (seed 000): import and export. */
export * from './schema';
export { modelManagerToDesign, modelManagerNorm, modelManagerActivation } from './toDesign';
export type { ModelManagerImportOptions } from './toDesign';
export { designToModelManager, type ModelManagerExport } from './fromDesign';
export { parsePythonCall, modelManagerToPython, type PythonCall } from './python';
export * from './document';
export { modelManagerParamCounts, bilinearFalseWarning, modelManagerWarnings } from './platformBug';
