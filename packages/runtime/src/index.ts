/**
 * @unet-studio/runtime: builds compiled U-Net Studio designs as TensorFlow.js models, trains,
 * evaluates, predicts and saves them. Browser-safe; Node-only helpers live in `./node`.
 */
export * from './build/index';
export * from './io/index';
export * from './layers/index';
export * from './modelManager/index';
export * from './train/index';
export * from './data/index';
export * from './backend/index';
export * from './export/index';
export * from './predict/index';
export * from './report/index';
