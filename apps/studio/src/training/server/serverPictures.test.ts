import { describe, expect, it } from 'vitest';
import { serverLabel } from './serverApi';
import { parseConnection } from './serverConnection';
import { previewPictures } from './serverPictures';

describe('previewPictures', () => {
  it('turns a channels-first preview into the strip pictures of a browser run', () => {
    // 1×2 RGB: a red pixel then a blue one; truth and prediction mark the second pixel.
    const sample = {
      channels: 3,
      height: 1,
      width: 2,
      image: [255, 0, 0, 0, 0, 255],
      truth: [0, 1],
      mask: [0, 1],
      foreground: 0.5,
    };
    const [picture] = previewPictures({ epoch: 1, classes: 1, samples: [sample] });
    expect(Array.from(picture?.image.rgba ?? [])).toEqual([255, 0, 0, 255, 0, 0, 255, 255]);
    expect(Array.from(picture?.mask.rgba ?? []).filter((_, i) => i % 4 === 0)).toEqual([0, 255]);
    expect(picture?.truth.width).toBe(2);
    expect(picture?.foreground).toBe(0.5);
  });

  it('leaves out samples whose sizes do not agree, and shows at most three', () => {
    const good = {
      channels: 1,
      height: 1,
      width: 1,
      image: [9],
      truth: [0],
      mask: [1],
      foreground: 1,
    };
    const bad = { ...good, mask: [1, 1] };
    expect(
      previewPictures({ epoch: 1, classes: 1, samples: [bad, good, good, good, good] }),
    ).toHaveLength(3);
    expect(previewPictures({ epoch: 1, classes: 1, samples: [bad] })).toEqual([]);
  });
});

describe('connecting to a server', () => {
  it('reads the URL the server printed, or a URL and a token', () => {
    expect(parseConnection('http://127.0.0.1:8765/?token=abc123', '')).toEqual({
      origin: 'http://127.0.0.1:8765',
      token: 'abc123',
    });
    expect(parseConnection(' http://gpu-box:9000 ', ' t0k ')).toEqual({
      origin: 'http://gpu-box:9000',
      token: 't0k',
    });
    expect(parseConnection('http://127.0.0.1:8765/', '')).toMatch(/token is missing/);
    expect(parseConnection('not a url', 'x')).toMatch(/server address/);
    expect(parseConnection('file:///etc/passwd', 'x')).toMatch(/http/);
  });

  it('names the server by its host and what it trains on', () => {
    const c = { origin: 'http://127.0.0.1:8765', token: 't' };
    const gpus = [
      { name: 'NVIDIA H200', memoryBytes: 1 },
      { name: 'NVIDIA H200', memoryBytes: 1 },
    ];
    expect(serverLabel(c, { devices: '', torch: { cuda: true, gpus }, torchMessage: null })).toBe(
      '127.0.0.1:8765 (2× NVIDIA H200)',
    );
    expect(
      serverLabel(c, { devices: '', torch: { cuda: false, gpus: [] }, torchMessage: null }),
    ).toBe('127.0.0.1:8765 (CPU)');
    expect(serverLabel(c, { devices: null, torch: null, torchMessage: 'install' })).toBe(
      '127.0.0.1:8765 (no PyTorch)',
    );
  });
});
