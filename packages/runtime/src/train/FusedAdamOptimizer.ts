/**
 * tfjs's Adam with each variable's update done by one kernel (UnetStudioAdamUpdate,
 * src/kernels/adamUpdateKernel.ts) where the backend has it (cpu and wasm once
 * `initBackend` has run), instead of about a dozen element-wise kernels per variable. Same
 * state (moments, β powers), same weights for `getWeights`/`setWeights`, same class name in a
 * saved model; on other backends, or with tfjs's kernels put back, it is tfjs's Adam.
 */
import * as tf from '@tensorflow/tfjs';
import { ADAM_UPDATE, type AdamUpdateAttrs } from '../kernels/adamUpdateKernel';

/** A moment variable as tfjs's AdamOptimizer keeps it. */
interface Slot {
  originalName: string;
  variable: tf.Variable;
}

/** The private state of tfjs's AdamOptimizer (adam_optimizer.ts), which this class keeps up. */
interface AdamState {
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: (Slot | undefined)[];
  accumulatedSecondMoment: (Slot | undefined)[];
}

/** True when tfjs's Adam keeps its state under the names this class updates. */
function hasAdamState(state: Partial<AdamState>): state is AdamState {
  return (
    state.accBeta1 instanceof tf.Tensor &&
    state.accBeta2 instanceof tf.Tensor &&
    Array.isArray(state.accumulatedFirstMoment) &&
    Array.isArray(state.accumulatedSecondMoment)
  );
}

/** What `applyGradients` takes: a map of gradients by variable name, or a list of them. */
type VariableGradients = Parameters<tf.AdamOptimizer['applyGradients']>[0];

/** Adam whose update runs as one kernel per variable on cpu and wasm. */
export class FusedAdamOptimizer extends tf.AdamOptimizer {
  override applyGradients(variableGradients: VariableGradients): void {
    // tfjs types these fields private; the update must keep them as tfjs's Adam does.
    const state = this as unknown as Partial<AdamState>;
    if (tf.getKernel(ADAM_UPDATE, tf.getBackend()) === undefined || !hasAdamState(state)) {
      super.applyGradients(variableGradients);
      return;
    }
    const names = Array.isArray(variableGradients)
      ? variableGradients.map((v) => v.name)
      : Object.keys(variableGradients);
    // The β powers are float32 scalars in tfjs; 1 − βᵗ is taken in float32 as tfjs's `sub` does.
    const acc1 = state.accBeta1.dataSync()[0]!;
    const acc2 = state.accBeta2.dataSync()[0]!;
    const attrs: AdamUpdateAttrs = {
      // tfjs turns these numbers into float32 scalars before multiplying.
      learningRate: Math.fround(this.learningRate),
      beta1: Math.fround(this.beta1),
      beta2: Math.fround(this.beta2),
      epsilon: Math.fround(this.epsilon),
      oneMinusAccBeta1: Math.fround(1 - acc1),
      oneMinusAccBeta2: Math.fround(1 - acc2),
    };
    tf.tidy(() => {
      names.forEach((name, i) => {
        const value = tf.engine().registeredVariables[name];
        if (value === undefined) return;
        const m = (state.accumulatedFirstMoment[i] ??= {
          originalName: `${name}/m`,
          variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
        });
        const v = (state.accumulatedSecondMoment[i] ??= {
          originalName: `${name}/v`,
          variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
        });
        const gradient = Array.isArray(variableGradients)
          ? variableGradients[i]?.tensor
          : variableGradients[name];
        if (gradient == null) return;
        const [w1, m1, v1] = tf
          .engine()
          .runKernel<tf.Tensor[]>(
            ADAM_UPDATE,
            { w: value, g: gradient, m: m.variable, v: v.variable },
            attrs as unknown as tf.NamedAttrMap,
          );
        m.variable.assign(m1!);
        v.variable.assign(v1!);
        value.assign(w1!);
      });
      state.accBeta1.assign(tf.scalar(Math.fround(acc1 * Math.fround(this.beta1))));
      state.accBeta2.assign(tf.scalar(Math.fround(acc2 * Math.fround(this.beta2))));
    });
    this.incrementIterations();
  }
}
