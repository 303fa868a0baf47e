/**
 * The messages between the main thread and a data-parallel replica worker. The worker answers
 * every request, in the order it received them, with one reply: the result or an `error`.
 */
import type * as tf from '@tensorflow/tfjs';
import type { SegmentationData } from '../data/dataset';
import type { HeadActivation, LossName } from '../train/losses';

/** What a replica worker starts from (its `workerData`). */
export interface ReplicaSetup {
  /** 1-based; the main thread's replica is 0. */
  readonly replica: number;
  /** The backend the main thread trains on; the worker starts the same one. */
  readonly backend: 'wasm' | 'cpu';
  /** The main model as `saveToMemory` writes it: topology and current weights. */
  readonly artifacts: tf.io.ModelArtifacts;
  readonly lossName: LossName;
  readonly head: HeadActivation;
  readonly classes: number;
  readonly threshold: number;
}

/** A request to a replica. */
export type ReplicaRequest =
  /** The gradients of the mean loss over these samples. */
  | { readonly kind: 'gradients'; readonly shard: SegmentationData }
  /** Overwrite every weight (`model.weights` order, BN statistics included). */
  | { readonly kind: 'setWeights'; readonly values: readonly Float32Array[] }
  /** Send every weight back. */
  | { readonly kind: 'readWeights' };

/** A shard's results: its loss, confusion counts and gradients (trainable weights' order). */
export interface ShardGradients {
  readonly images: number;
  readonly loss: number;
  readonly counts: Float32Array;
  readonly grads: readonly (Float32Array | null)[];
}

/** A replica's reply. */
export type ReplicaReply =
  | {
      readonly kind: 'ready';
      /** Shapes of `model.weights`, to check that the replica holds the same model. */
      readonly shapes: readonly (readonly number[])[];
      readonly trainable: number;
    }
  | ({ readonly kind: 'gradients' } & ShardGradients)
  | { readonly kind: 'weights'; readonly values: readonly Float32Array[] }
  | { readonly kind: 'done' }
  | { readonly kind: 'error'; readonly message: string };
