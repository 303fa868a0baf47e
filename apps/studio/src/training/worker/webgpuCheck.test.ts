import { describe, expect, it } from 'vitest';
import { checkWebgpu, describeAdapter, type GpuNavigatorLike } from './webgpuCheck';

const answering = (answer: () => Promise<unknown>): GpuNavigatorLike => ({
  gpu: { requestAdapter: answer },
});

describe('checkWebgpu', () => {
  it('says navigator.gpu is missing when the browser has no WebGPU', async () => {
    for (const nav of [undefined, {}, { gpu: undefined }])
      expect(await checkWebgpu(nav)).toEqual({
        ok: false,
        reason: expect.stringMatching(/navigator\.gpu is missing/) as unknown,
      });
  });

  it('says no adapter was found when requestAdapter answers null', async () => {
    const check = await checkWebgpu(answering(() => Promise.resolve(null)));
    expect(check).toEqual({ ok: false, reason: expect.stringMatching(/no adapter/) as unknown });
  });

  it('names the error when requestAdapter fails', async () => {
    const check = await checkWebgpu(
      answering(() => Promise.reject(new Error('GPU process crashed'))),
    );
    expect(check).toEqual({
      ok: false,
      reason: "WebGPU's adapter request failed: GPU process crashed",
    });
  });

  it('gives up on an adapter request that never answers', async () => {
    const check = await checkWebgpu(
      answering(() => new Promise(() => undefined)),
      20,
    );
    expect(check).toEqual({ ok: false, reason: 'WebGPU gave no adapter within 0.02 s' });
  });

  it('names the adapter and tells a software one from a GPU', async () => {
    const gpu = await checkWebgpu(
      answering(() => Promise.resolve({ info: { vendor: 'nvidia', architecture: 'hopper' } })),
    );
    expect(gpu).toEqual({ ok: true, adapter: 'nvidia hopper', software: false });
    const swiftshader = await checkWebgpu(
      answering(() =>
        Promise.resolve({
          info: { vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true },
        }),
      ),
    );
    expect(swiftshader).toEqual({ ok: true, adapter: 'google swiftshader', software: true });
  });
});

describe('describeAdapter', () => {
  it('falls back to a placeholder name when the adapter says nothing', () => {
    expect(describeAdapter({})).toEqual({ adapter: 'unnamed adapter', software: false });
    expect(describeAdapter({ isFallbackAdapter: true }).software).toBe(true);
  });
});
