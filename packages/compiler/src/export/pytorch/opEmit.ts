/**
 * PyTorch code for one primitive op: the `nn.Module` it builds (if any) and the forward() call.
 * Each op keeps the exact TensorFlow semantics the design was compiled for (NCHW here, NHWC there):
 * 'same' padding puts the odd pixel at the end, max-pool pads with -inf, average pooling leaves
 * the padding out of the mean, transposed convs crop what TensorFlow crops.
 */
import type {
  ActivationOp,
  ConvOp,
  ConvTransposeOp,
  NormOp,
  PoolOp,
  PrimitiveOp,
} from '../../lowering/ops';
import { dimAdd, dimMul, dimSub } from '../../shape/dimMath';
import type { Shape } from '../../shape/shape';
import { dimPy } from './dimExpr';
import type { HelperName } from './pyHelpers';
import { pyBool, pyNum, pyStr, pyTuple } from './pyLiteral';

/** What one op contributes to model.py. */
export interface EmittedOp {
  /** The constructor assigned to `self.<name>` in `__init__`, or null for functional ops. */
  readonly module: string | null;
  /** The forward() expression from the inputs' expressions and the module (`self.<name>`). */
  readonly call: (args: readonly string[], mod: string) => string;
  /** Helpers model.py must define. */
  readonly helpers: readonly HelperName[];
}

const ONE = (args: readonly string[]): string => args[0] ?? 'x';

/** `F.pad` argument order: last axis first, (before, after) each. */
function padTuple(pads: readonly (readonly [number, number])[]): string {
  return pyTuple([...pads].reverse().flat());
}

/** Splits a 'same' padding into symmetric module padding, a static pad, or a size-dependent pad. */
function samePadding(
  kernel: readonly number[],
  stride: readonly number[],
  dilation: readonly number[],
):
  | { kind: 'symmetric'; pad: number[] }
  | { kind: 'static'; pads: [number, number][] }
  | { kind: 'dynamic' } {
  const totals = kernel.map((k, i) => (k - 1) * (dilation[i] ?? 1));
  if (totals.every((t) => t === 0)) return { kind: 'symmetric', pad: totals };
  if (stride.some((s) => s !== 1)) return { kind: 'dynamic' };
  if (totals.every((t) => t % 2 === 0)) return { kind: 'symmetric', pad: totals.map((t) => t / 2) };
  return { kind: 'static', pads: totals.map((t) => [Math.floor(t / 2), t - Math.floor(t / 2)]) };
}

function kwargs(parts: readonly (string | null)[]): string {
  return parts.filter((p): p is string => p !== null).join(', ');
}

const allOne = (v: readonly number[]): boolean => v.every((n) => n === 1);

function emitConv(op: ConvOp, dims: 1 | 2): EmittedOp {
  const pad = op.padding === 'same' ? samePadding(op.kernel, op.stride, op.dilation) : null;
  const args = kwargs([
    `kernel_size=${pyTuple(op.kernel)}`,
    allOne(op.stride) ? null : `stride=${pyTuple(op.stride)}`,
    pad?.kind === 'symmetric' && pad.pad.some((p) => p > 0) ? `padding=${pyTuple(pad.pad)}` : null,
    allOne(op.dilation) ? null : `dilation=${pyTuple(op.dilation)}`,
    `bias=${pyBool(op.bias)}`,
  ]);
  const module = op.separable
    ? `SeparableConv(${dims}, ${pyNum(op.inChannels)}, ${pyNum(op.outChannels)}, ${args})`
    : `nn.Conv${dims}d(${pyNum(op.inChannels)}, ${pyNum(op.outChannels)}, ${args})`;
  const helpers: HelperName[] = op.separable ? ['separableConv'] : [];
  if (pad?.kind === 'static') {
    return { module, helpers, call: (a, m) => `${m}(F.pad(${ONE(a)}, ${padTuple(pad.pads)}))` };
  }
  if (pad?.kind === 'dynamic') {
    const k = pyTuple(op.kernel);
    const s = pyTuple(op.stride);
    const d = pyTuple(op.dilation);
    helpers.push('tfSamePad');
    return { module, helpers, call: (a, m) => `${m}(tf_same_pad(${ONE(a)}, ${k}, ${s}, ${d}))` };
  }
  return { module, helpers, call: (a, m) => `${m}(${ONE(a)})` };
}

function emitConvTranspose(op: ConvTransposeOp, dims: 1 | 2, input: Shape | undefined): EmittedOp {
  // PyTorch gives (in − 1)·s − 2p + k, plus output_padding at the end. TensorFlow's 'same' crops
  // floor(total/2) at the start and the rest at the end (total = max(k − s, 0)); the difference to
  // the compiled size is added (output_padding) or cropped at the end.
  const padding = op.kernel.map((k, i) =>
    op.padding === 'same' ? Math.floor(Math.max(k - (op.stride[i] ?? 1), 0) / 2) : 0,
  );
  const extra = op.kernel.map((k, i) => {
    const s = op.stride[i] ?? 1;
    const n = input?.spatial[i];
    const out = op.shape.spatial[i];
    const diff =
      n !== undefined && out !== undefined
        ? dimSub(out, dimAdd(dimMul(n, s), k - s - 2 * (padding[i] ?? 0)))
        : null;
    if (diff === null)
      throw new Error(`transposed conv ${op.id}: cannot relate its output size to its input size`);
    if (diff >= s)
      throw new Error(
        `transposed conv ${op.id}: its output is ${diff} larger than PyTorch can pad`,
      );
    return diff;
  });
  const outputPadding = extra.map((e) => Math.max(e, 0));
  const module = `nn.ConvTranspose${dims}d(${pyNum(op.inChannels)}, ${pyNum(op.outChannels)}, ${kwargs(
    [
      `kernel_size=${pyTuple(op.kernel)}`,
      `stride=${pyTuple(op.stride)}`,
      padding.some((p) => p > 0) ? `padding=${pyTuple(padding)}` : null,
      outputPadding.some((p) => p > 0) ? `output_padding=${pyTuple(outputPadding)}` : null,
      `bias=${pyBool(op.bias)}`,
    ],
  )})`;
  const crop = extra.some((e) => e < 0)
    ? `[:, :, ${extra.map((e) => (e < 0 ? `:${pyNum(e)}` : ':')).join(', ')}]`
    : '';
  return { module, helpers: [], call: (a, m) => `${m}(${ONE(a)})${crop}` };
}

function emitNorm(op: NormOp, dims: 1 | 2): EmittedOp {
  const eps = `eps=${pyNum(op.eps)}`;
  const call = (a: readonly string[], m: string): string => `${m}(${ONE(a)})`;
  switch (op.norm) {
    case 'batch':
      return {
        module: `nn.BatchNorm${dims}d(${pyNum(op.channels)}, ${eps}, momentum=${pyNum(op.momentum)})`,
        helpers: [],
        call,
      };
    case 'group':
      return {
        module: `nn.GroupNorm(${pyNum(op.groups)}, ${pyNum(op.channels)}, ${eps})`,
        helpers: [],
        call,
      };
    case 'instance':
      return {
        module: `nn.InstanceNorm${dims}d(${pyNum(op.channels)}, ${eps}, affine=True)`,
        helpers: [],
        call,
      };
    case 'layer': {
      const spatial = op.shape.spatial.map((d) => {
        if (typeof d !== 'number') throw new Error(`layer norm ${op.id} needs a fixed input size`);
        return d;
      });
      return {
        module: `SpatialLayerNorm(${pyTuple(spatial)}, ${eps})`,
        helpers: ['spatialLayerNorm'],
        call,
      };
    }
  }
}

const ACTIVATION_MODULES: Readonly<Record<ActivationOp['activation'], (alpha: number) => string>> =
  {
    relu: () => 'nn.ReLU()',
    relu6: () => 'nn.ReLU6()',
    leaky_relu: (a) => `nn.LeakyReLU(negative_slope=${pyNum(a)})`,
    elu: (a) => `nn.ELU(alpha=${pyNum(a)})`,
    selu: () => 'nn.SELU()',
    gelu: () => 'nn.GELU()',
    sigmoid: () => 'nn.Sigmoid()',
    tanh: () => 'nn.Tanh()',
    softmax: () => 'nn.Softmax(dim=1)',
  };

function emitPool(op: PoolOp, dims: 1 | 2): EmittedOp {
  const w = pyTuple(op.window);
  const s = pyTuple(op.stride);
  const cls = `nn.${op.mode === 'max' ? 'Max' : 'Avg'}Pool${dims}d`;
  const call = (a: readonly string[], m: string): string => `${m}(${ONE(a)})`;
  if (op.padding === 'valid')
    return { module: `${cls}(kernel_size=${w}, stride=${s})`, helpers: [], call };
  const pad = samePadding(
    op.window,
    op.stride,
    op.window.map(() => 1),
  );
  if (pad.kind === 'symmetric') {
    const extra = op.mode === 'avg' ? ', count_include_pad=False' : '';
    return {
      module: `${cls}(kernel_size=${w}, stride=${s}, padding=${pyTuple(pad.pad)}${extra})`,
      helpers: [],
      call,
    };
  }
  const fn = op.mode === 'max' ? 'tf_max_pool_same' : 'tf_avg_pool_same';
  return {
    module: null,
    helpers: [op.mode === 'max' ? 'tfMaxPoolSame' : 'tfAvgPoolSame'],
    call: (a) => `${fn}(${ONE(a)}, ${w}, ${s})`,
  };
}

/** Spatial slices `[:, :, a:b, c:d]` keeping `[begin, begin + size)` on each axis. */
function cropSlices(op: Extract<PrimitiveOp, { op: 'crop' }>): string {
  const slices = op.shape.spatial.map((d, i) => {
    const b = op.begin[i] ?? 0;
    const end = typeof d === 'number' ? d + b : { ...d, b: [d.b[0] + b * d.b[1], d.b[1]] as const };
    return `${pyNum(b)}:${dimPy(end)}`;
  });
  return `[:, :, ${slices.join(', ')}]`;
}

/**
 * The PyTorch code of `op` in a design of `dims` spatial axes.
 *
 * @param inputShapes the shapes of the op's inputs, in order (transposed convs need them).
 * @throws Error for a layer norm over an open size (the compiler reports that design as invalid).
 */
export function emitOp(
  op: PrimitiveOp,
  dims: 1 | 2,
  inputShapes: readonly Shape[] = [],
): EmittedOp {
  const interp = dims === 1 ? 'linear' : 'bilinear';
  const fn = (call: EmittedOp['call']): EmittedOp => ({ module: null, helpers: [], call });
  switch (op.op) {
    case 'input':
    case 'output':
      return fn(ONE);
    case 'conv':
      return emitConv(op, dims);
    case 'convTranspose':
      return emitConvTranspose(op, dims, inputShapes[0]);
    case 'norm':
      return emitNorm(op, dims);
    case 'activation':
      return {
        module: ACTIVATION_MODULES[op.activation](op.alpha),
        helpers: [],
        call: (a, m) => `${m}(${ONE(a)})`,
      };
    case 'dropout': {
      const cls = op.spatial ? `Dropout${dims}d` : 'Dropout';
      return {
        module: `nn.${cls}(p=${pyNum(op.rate)})`,
        helpers: [],
        call: (a, m) => `${m}(${ONE(a)})`,
      };
    }
    case 'pool':
      return emitPool(op, dims);
    case 'upsample': {
      const mode =
        op.mode === 'nearest'
          ? `mode=${pyStr('nearest')}`
          : `mode=${pyStr(interp)}, align_corners=${pyBool(op.alignCorners)}`;
      const factor = pyTuple(op.factor).replace(/(\d+)(?=[,)])/g, '$1.0');
      return {
        module: `nn.Upsample(scale_factor=${factor}, ${mode})`,
        helpers: [],
        call: (a, m) => `${m}(${ONE(a)})`,
      };
    }
    case 'add':
      return fn((a) => a.join(' + '));
    case 'concat':
      return fn((a) => `torch.cat([${a.join(', ')}], dim=1)`);
    case 'crop':
      return fn((a) => `${ONE(a)}${cropSlices(op)}`);
    case 'pad':
      return fn(
        (a) => `F.pad(${ONE(a)}, ${padTuple(op.before.map((b, i) => [b, op.after[i] ?? 0]))})`,
      );
    case 'resize': {
      const size = op.shape.spatial.map(dimPy);
      const sizeText = size.length === 1 ? `(${size.join('')},)` : `(${size.join(', ')})`;
      return fn(
        (a) =>
          `F.interpolate(${ONE(a)}, size=${sizeText}, mode=${pyStr(interp)}, align_corners=False)`,
      );
    }
  }
}
