import * as tf from '@tensorflow/tfjs';
import { compile, findTemplate } from '@unet-studio/compiler';
import { initBackend } from '../src/backend/initBackend';
import { buildModel } from '../src/build/buildModel';
import { replacedKernel } from '../src/kernels/registerTrainingKernels';
import { originalBatchNormGradient } from '../src/kernels/batchNormGradient';
import { timeSteps } from './stepTimer';
const which = process.argv[2]!;
await initBackend(which === 'cpu-original' ? 'cpu' : 'wasm');
tf.env().set('PROD', true);
const restore = (name: string, backend: string) => { const f = replacedKernel(name, backend)!; tf.unregisterKernel(name, backend); tf.registerKernel({ kernelName: name, backendName: backend, kernelFunc: f }); };
if (which === 'wasm-input') restore('Conv2DBackpropInput', 'wasm');
if (which === 'wasm-bn') tf.registerGradient(originalBatchNormGradient()!);
if (which === 'wasm-both') { restore('Conv2DBackpropInput', 'wasm'); tf.registerGradient(originalBatchNormGradient()!); }
if (which === 'cpu-original') restore('Conv2DBackpropFilter', 'cpu');
const model = buildModel(compile(findTemplate('small')!.build()), { seed: 1 });
const n = which.startsWith('cpu') ? 1 : 5;
const r = await timeSteps(model, 8, n, which.startsWith('cpu') ? 0 : 1, false);
console.log(which, r.medianMs.toFixed(0), 'ms/step', r.times.map((t) => t.toFixed(0)).join(' '));
