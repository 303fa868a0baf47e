/**
 * The PyTorch exporter: model.py, train.py and README.md from a compiled design, and the layout of
 * the exported model's state dict (which the runtime's weights converter fills).
 */
export * from './exportPytorch';
export * from './stateDictLayout';
export { pytorchModuleNames } from './moduleNames';
export { opsReachingOutputs } from './forwardPlan';
export { modelFacts, type ModelFacts } from './modelPy';
export { pyStr, pyIdent, pyComment } from './pyLiteral';
