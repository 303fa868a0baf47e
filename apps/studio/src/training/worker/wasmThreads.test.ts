import { describe, expect, it } from 'vitest';
import { MAX_WASM_THREADS, NOT_ISOLATED, planWasmThreads, wasmSummary } from './wasmThreads';

describe('planWasmThreads', () => {
  it('asks for one thread per core the browser reports on an isolated page', () => {
    expect(planWasmThreads({ isolated: true, cores: 2 })).toEqual({ threads: 2, reason: null });
    expect(planWasmThreads({ isolated: true, cores: 6 })).toEqual({ threads: 6, reason: null });
  });

  it('stays within the helper threads the threaded build starts', () => {
    expect(planWasmThreads({ isolated: true, cores: 64 }).threads).toBe(MAX_WASM_THREADS);
  });

  it('runs one thread, saying why, without cross-origin isolation or a second core', () => {
    expect(planWasmThreads({ isolated: false, cores: 8 })).toEqual({
      threads: 1,
      reason: NOT_ISOLATED,
    });
    for (const cores of [1, undefined, Number.NaN, 0]) {
      expect(planWasmThreads({ isolated: true, cores })).toEqual({
        threads: 1,
        reason: 'the browser reports a single core',
      });
    }
  });
});

describe('wasmSummary', () => {
  const base = { threads: 2, simd: true, singleThreadReason: null, fellBack: null };

  it('names the thread count', () => {
    expect(wasmSummary(base)).toBe('wasm, 2 threads, SIMD');
    expect(wasmSummary({ ...base, threads: 4, simd: false })).toBe('wasm, 4 threads');
  });

  it('says why wasm runs on one thread', () => {
    expect(wasmSummary({ ...base, threads: 1, singleThreadReason: NOT_ISOLATED })).toBe(
      `wasm, 1 thread, SIMD (single-threaded: ${NOT_ISOLATED})`,
    );
    expect(wasmSummary({ ...base, threads: 1 })).toMatch(/single-threaded: .*no wasm threads/);
    expect(wasmSummary({ ...base, threads: 1, simd: false })).toMatch(/no wasm SIMD/);
  });

  it('keeps the backend chain’s own fallback reason', () => {
    expect(wasmSummary({ ...base, fellBack: 'WebGL renders to float16 textures' })).toBe(
      'wasm, 2 threads, SIMD (fell back: WebGL renders to float16 textures)',
    );
    expect(
      wasmSummary({ ...base, threads: 1, singleThreadReason: 'x', fellBack: 'no WebGL' }),
    ).toBe('wasm, 1 thread, SIMD (single-threaded: x; fell back: no WebGL)');
  });
});
