import { describe, expect, it } from 'vitest';
import { backendChain, isBackendName } from './backendChain';

describe('backendChain', () => {
  it('tries webgl, then wasm, then cpu in a browser', () => {
    expect(backendChain('browser').order).toEqual(['webgl', 'wasm', 'cpu']);
  });

  it('puts the preferred backend first and keeps the rest as fallbacks', () => {
    expect(backendChain('browser', 'cpu').order).toEqual(['cpu', 'webgl', 'wasm']);
    expect(backendChain('node', 'cpu').order).toEqual(['cpu', 'wasm']);
  });

  it('never offers webgl in Node, and says why when it was asked for', () => {
    const chain = backendChain('node', 'webgl');
    expect(chain.order).toEqual(['wasm', 'cpu']);
    expect(chain.unavailable).toEqual([
      { backend: 'webgl', reason: 'webgl is not available in Node' },
    ]);
  });

  it('tries webgpu only when asked for, with the host defaults after it', () => {
    expect(backendChain('browser').order).not.toContain('webgpu');
    expect(backendChain('browser', 'webgpu').order).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(backendChain('node', 'webgpu')).toEqual({
      order: ['webgpu', 'wasm', 'cpu'],
      unavailable: [],
    });
  });

  it('recognises backend names', () => {
    expect(isBackendName('wasm')).toBe(true);
    expect(isBackendName('webgpu')).toBe(true);
    expect(isBackendName('webnn')).toBe(false);
  });
});
