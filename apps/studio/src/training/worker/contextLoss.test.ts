import { describe, expect, it } from 'vitest';
import { ContextLostError, untilContextLost, type LosableContext } from './contextLoss';

/** A stand-in WebGL context: a canvas that can fire events and a lost flag. */
function fakeContext(): LosableContext & { lose(event: boolean): void } {
  const canvas = new EventTarget();
  let lost = false;
  return {
    canvas,
    isContextLost: () => lost,
    lose(event) {
      lost = true;
      if (event) canvas.dispatchEvent(new Event('webglcontextlost'));
    },
  };
}

/** A computation that never settles, as a tfjs read on a lost context. */
const hung = () => new Promise<never>(() => undefined);

describe('untilContextLost', () => {
  it('ends a hung run when the canvas fires webglcontextlost, calling onLost first', async () => {
    const gl = fakeContext();
    let aborted = false;
    const run = untilContextLost(hung(), gl, () => (aborted = true));
    gl.lose(true);
    await expect(run).rejects.toBeInstanceOf(ContextLostError);
    expect(aborted).toBe(true);
  });

  it('notices a context lost without an event by asking it', async () => {
    const gl = fakeContext();
    const run = untilContextLost(hung(), gl);
    gl.lose(false);
    await expect(run).rejects.toThrow('WebGL context lost');
  });

  it('passes the run through when the context stays, and without a context', async () => {
    const gl = fakeContext();
    await expect(untilContextLost(Promise.resolve(7), gl)).resolves.toBe(7);
    // Once settled, a later loss reaches no one (the listener and timer are gone).
    gl.lose(true);
    await expect(untilContextLost(Promise.resolve(8), null)).resolves.toBe(8);
    await expect(untilContextLost(Promise.reject(new Error('nan')), fakeContext())).rejects.toThrow(
      'nan',
    );
  });
});
