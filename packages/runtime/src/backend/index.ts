/**
 * Backends: choosing and initialising one, and the training kernels registered on it.
 */
export { initBackend, type BackendReport, type InitBackendOptions } from './initBackend';
export {
  backendChain,
  isBackendName,
  BACKEND_NAMES,
  type BackendName,
  type Unavailable,
} from './backendChain';
export { currentHost, type Host } from './environment';
export * from '../kernels/index';
