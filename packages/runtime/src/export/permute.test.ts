import { describe, expect, it } from 'vitest';
import { permute, squeezeAxis } from './permute';

describe('permute', () => {
  it('transposes a matrix', () => {
    const t = permute({ shape: [2, 3], data: Float32Array.from([1, 2, 3, 4, 5, 6]) }, [1, 0]);
    expect(t.shape).toEqual([3, 2]);
    expect(Array.from(t.data)).toEqual([1, 4, 2, 5, 3, 6]);
  });

  it('turns an HWIO kernel into OIHW: out[o][i][h][w] = in[h][w][i][o]', () => {
    const [H, W, I, O] = [2, 3, 4, 5];
    const data = Float32Array.from({ length: H * W * I * O }, (_, k) => k);
    const t = permute({ shape: [H, W, I, O], data }, [3, 2, 0, 1]);
    expect(t.shape).toEqual([O, I, H, W]);
    for (const [o, i, h, w] of [
      [0, 0, 0, 0],
      [4, 3, 1, 2],
      [2, 1, 0, 1],
    ] as const) {
      expect(t.data[((o * I + i) * H + h) * W + w]).toBe(data[((h * W + w) * I + i) * O + o]);
    }
  });

  it('refuses what is not a permutation', () => {
    expect(() => permute({ shape: [2, 2], data: new Float32Array(4) }, [0, 0])).toThrow(
      /not a permutation of 2 axes/,
    );
  });

  it('drops a unit axis and refuses a longer one', () => {
    expect(squeezeAxis({ shape: [1, 5, 2], data: new Float32Array(10) }, 0).shape).toEqual([5, 2]);
    expect(() => squeezeAxis({ shape: [2, 5], data: new Float32Array(10) }, 0)).toThrow(
      /axis 0 of \[2, 5\] is not 1/,
    );
  });
});
