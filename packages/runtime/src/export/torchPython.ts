/**
 * Finding a python that can import torch, and running it: the compiler's test support, shared so
 * both packages' parity tests look for PyTorch the same way.
 */
export {
  runPython,
  torchPython,
  type PythonRun,
  type TorchPython,
} from '../../../compiler/src/export/pytorch/fixtures/torchPython';
