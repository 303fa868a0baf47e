/**
 * The U-Net Studio training server: serves the studio and trains its designs with PyTorch
 * (torchrun, DistributedDataParallel) on this machine's GPUs or CPU.
 */
export { startServer, type RunningServer, type ServerOptions } from './server';
export { parseServeArgs, SERVE_USAGE, type ServeArgs } from './serveArgs';
export { serveMain } from './serveMain';
export {
  findTorchPython,
  describeDevices,
  INSTALL_HINT,
  type TorchInfo,
  type GpuInfo,
} from './python';
export type { RunRecord, RunStatus, RunSettings, DataSpec } from './runRecord';
export type { RunEvent, BatchEvent, EpochLine, PreviewData, PreviewSampleData } from './runEvents';
