/**
 * The design document: U-Net Studio's file format and intermediate representation.
 *
 * Semantics (`model`: nodes, params, edges; `training`) are kept apart from presentation
 * (`layout`: positions, colours, groups), so a diff of two designs' `model` shows model changes only.
 */
import { z } from 'zod';
import {
  zActivationParams,
  zAddParams,
  zConvParams,
  zDropoutParams,
  zInputParams,
  zNormParams,
  zOutputParams,
  zPoolParams,
  zSkipParams,
  zUpconvParams,
} from '../catalogue/params';
import { AUGMENT_OFF, zAugmentSpec } from './augmentSpec';
import { zClassesSpec } from './classesSpec';

/** The current design format version. Older versions are upgraded by `migrateDesign`. */
export const DESIGN_VERSION = 1 as const;
/** The `format` tag every design file carries. */
export const DESIGN_FORMAT = 'unet-studio/design' as const;

/** Node and edge ids: short, printable, safe to show and to embed in generated code comments. */
export const zId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'ids may hold letters, digits and _ . : - only');

const base = {
  id: zId,
  /** A human name shown on the canvas; defaults to the id. */
  name: z.string().max(120).optional(),
};

/** A node: its kind and that kind's parameters (defaults filled in by parsing). */
export const zNode = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('input'),
    params: zInputParams.default(zInputParams.parse({})),
  }),
  z.object({
    ...base,
    kind: z.literal('output'),
    params: zOutputParams.default(zOutputParams.parse({})),
  }),
  z.object({
    ...base,
    kind: z.literal('conv'),
    params: zConvParams.default(zConvParams.parse({})),
  }),
  z.object({
    ...base,
    kind: z.literal('pool'),
    params: zPoolParams.default(zPoolParams.parse({})),
  }),
  z.object({
    ...base,
    kind: z.literal('upconv'),
    params: zUpconvParams.default(zUpconvParams.parse({})),
  }),
  z.object({
    ...base,
    kind: z.literal('skip'),
    params: zSkipParams.default(zSkipParams.parse({})),
  }),
  z.object({
    ...base,
    kind: z.literal('dropout'),
    params: zDropoutParams.default(zDropoutParams.parse({})),
  }),
  z.object({
    ...base,
    kind: z.literal('norm'),
    params: zNormParams.default(zNormParams.parse({})),
  }),
  z.object({
    ...base,
    kind: z.literal('activation'),
    params: zActivationParams.default(zActivationParams.parse({})),
  }),
  z.object({ ...base, kind: z.literal('add'), params: zAddParams.default({}) }),
]);
/** The parsed form of `zNode`. */
export type DesignNode = z.infer<typeof zNode>;
/** A node of one kind. */
export type NodeOf<K extends DesignNode['kind']> = Extract<DesignNode, { kind: K }>;

/**
 * A directed edge from an output port to an input port. Ports are named by the layer catalogue
 * (`out` for every output; `in`, or `skip`/`up` for skip merges, `a`/`b` for adds).
 */
export const zEdge = z.object({
  id: zId,
  source: zId,
  sourcePort: z.string().max(32).default('out'),
  target: zId,
  targetPort: z.string().max(32).default('in'),
});
/** The parsed form of `zEdge`. */
export type DesignEdge = z.infer<typeof zEdge>;

/** Training settings that travel with a design (the Carvana setup of seed 003, say). */
export const zTrainingSpec = z.object({
  loss: z.enum(['bce', 'ce', 'dice', 'bce_dice', 'weighted_bce', 'weighted_ce']).default('bce'),
  optimizer: z.enum(['adam', 'sgd', 'rmsprop']).default('adam'),
  learningRate: z.number().positive().default(1e-3),
  batchSize: z.number().int().positive().default(8),
  epochs: z.number().int().positive().default(10),
  /** Decision threshold on the sigmoid for binary masks. */
  threshold: z.number().min(0).max(1).default(0.5),
  /** Per-sample augmentation of the training images and masks (every family off by default). */
  augment: zAugmentSpec.default(AUGMENT_OFF),
  /** Names (and, for RGB-coded masks, colours) of the classes, class i = entry i; absent: `class i`. */
  classes: zClassesSpec.optional(),
});
/** The parsed form of `zTrainingSpec`. */
export type TrainingSpec = z.infer<typeof zTrainingSpec>;

/** The model: what export validates and what a diff should show. */
export const zModel = z.object({
  nodes: z.array(zNode),
  edges: z.array(zEdge),
});
/** The parsed form of `zModel`. */
export type Model = z.infer<typeof zModel>;

const zPoint = z.object({ x: z.number().finite(), y: z.number().finite() });

/** A named group of nodes (an encoder level, say) that can be collapsed into one node. */
export const zGroup = z.object({
  id: zId,
  name: z.string().max(120),
  nodeIds: z.array(zId),
  collapsed: z.boolean().default(false),
  color: z.string().max(32).optional(),
});
/** The parsed form of `zGroup`. */
export type Group = z.infer<typeof zGroup>;

/** Presentation only: never affects the model. */
export const zLayout = z.object({
  positions: z.record(zId, zPoint).default({}),
  colors: z.record(zId, z.string().max(32)).default({}),
  groups: z.array(zGroup).default([]),
  viewport: z.object({ x: z.number(), y: z.number(), zoom: z.number().positive() }).optional(),
});
/** The parsed form of `zLayout`. */
export type Layout = z.infer<typeof zLayout>;

/** A run's recorded metrics, kept with the design so runs can be compared. */
export const zRunRecord = z.object({
  id: zId,
  startedAt: z.string().max(40),
  backend: z.string().max(16),
  epochs: z.array(
    z.object({
      epoch: z.number().int().nonnegative(),
      loss: z.number(),
      dice: z.number().nullable(),
      iou: z.number().nullable(),
      valLoss: z.number().nullable(),
      valDice: z.number().nullable(),
      valIoU: z.number().nullable(),
    }),
  ),
  settings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  /** A name the user gave the run (absent: named by its date and backend). */
  name: z.string().max(120).optional(),
  /** A pinned run keeps its trained weights when later runs replace the latest's. */
  pinned: z.boolean().optional(),
});
/** The parsed form of `zRunRecord`. */
export type RunRecord = z.infer<typeof zRunRecord>;

/** A value kept in `extras`: a scalar or a short list of numbers. */
export const zExtraValue = z.union([
  z.string().max(200),
  z.number().finite(),
  z.boolean(),
  z.null(),
  z.array(z.number().finite()).max(8),
]);
/** The parsed form of `zExtraValue`. */
export type ExtraValue = z.infer<typeof zExtraValue>;

/** A U-Net Studio design document. */
export const zDesign = z.object({
  format: z.literal(DESIGN_FORMAT),
  version: z.literal(DESIGN_VERSION),
  name: z.string().max(120).default('Untitled design'),
  description: z.string().max(4000).default(''),
  model: zModel,
  training: zTrainingSpec.default(zTrainingSpec.parse({})),
  layout: zLayout.default(zLayout.parse({})),
  runs: z.array(zRunRecord).default([]),
  /**
   * Fields of an imported config that do not change the model but must survive a round trip
   * (heliaEDGE's `model_name` and its unused `output_kernel_stride`), keyed by format.
   */
  extras: z.record(z.string().max(64), z.record(z.string().max(64), zExtraValue)).default({}),
});
/** The parsed form of `zDesign`. */
export type Design = z.infer<typeof zDesign>;
/** A design as written by hand or by an older tool: defaults may be missing. */
export type DesignInput = z.input<typeof zDesign>;
