/**
 * A pickle (protocol 2) writer for exactly what a PyTorch state dict needs: an
 * `collections.OrderedDict` of tensors rebuilt by `torch._utils._rebuild_tensor_v2` from
 * persistent-id storages. Every opcode used is one `torch.load(weights_only=True)` accepts.
 */

/** One tensor of a state dict, its data already in PyTorch's (C-contiguous) layout. */
export interface TorchTensor {
  readonly key: string;
  readonly shape: readonly number[];
  readonly data: Float32Array | BigInt64Array;
}

const OP = {
  proto: 0x80,
  global: 0x63, // c
  emptyTuple: 0x29, // )
  reduce: 0x52, // R
  mark: 0x28, // (
  tuple: 0x74, // t
  setitems: 0x75, // u
  binunicode: 0x58, // X
  binint: 0x4a, // J
  binint1: 0x4b, // K
  long1: 0x8a,
  binpersid: 0x51, // Q
  newfalse: 0x89,
  stop: 0x2e, // .
} as const;

class ByteSink {
  private chunks: number[] = [];
  byte(b: number): void {
    this.chunks.push(b & 0xff);
  }
  bytes(bs: Iterable<number>): void {
    for (const b of bs) this.byte(b);
  }
  u32(n: number): void {
    for (let i = 0; i < 4; i++) this.byte(n >>> (8 * i));
  }
  result(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

const utf8 = new TextEncoder();

function str(sink: ByteSink, s: string): void {
  const b = utf8.encode(s);
  sink.byte(OP.binunicode);
  sink.u32(b.length);
  sink.bytes(b);
}

function int(sink: ByteSink, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new Error(`pickle: ${n} is not a non-negative integer`);
  if (n < 256) {
    sink.byte(OP.binint1);
    sink.byte(n);
  } else if (n < 2 ** 31) {
    sink.byte(OP.binint);
    sink.u32(n);
  } else {
    // LONG1: little-endian two's complement; one spare byte keeps the sign bit clear.
    const bytes: number[] = [];
    for (let v = BigInt(n); v > 0n; v >>= 8n) bytes.push(Number(v & 0xffn));
    bytes.push(0);
    sink.byte(OP.long1);
    sink.byte(bytes.length);
    sink.bytes(bytes);
  }
}

function global(sink: ByteSink, module: string, name: string): void {
  sink.byte(OP.global);
  sink.bytes(utf8.encode(`${module}\n${name}\n`));
}

function intTuple(sink: ByteSink, values: readonly number[]): void {
  sink.byte(OP.mark);
  values.forEach((v) => int(sink, v));
  sink.byte(OP.tuple);
}

/** C-contiguous strides of `shape`. */
export function contiguousStrides(shape: readonly number[]): number[] {
  const strides = shape.map(() => 1);
  for (let i = shape.length - 2; i >= 0; i--)
    strides[i] = (strides[i + 1] ?? 1) * (shape[i + 1] ?? 1);
  return strides;
}

/**
 * Pickles a state dict whose tensor `i` lives in the storage record `data/<i>`.
 *
 * @returns the bytes of `data.pkl`.
 */
export function pickleStateDict(tensors: readonly TorchTensor[]): Uint8Array {
  const sink = new ByteSink();
  sink.byte(OP.proto);
  sink.byte(2);
  global(sink, 'collections', 'OrderedDict');
  sink.byte(OP.emptyTuple);
  sink.byte(OP.reduce);
  sink.byte(OP.mark);
  tensors.forEach((t, i) => {
    str(sink, t.key);
    global(sink, 'torch._utils', '_rebuild_tensor_v2');
    sink.byte(OP.mark);
    // The persistent id: ('storage', storage class, key, location, element count).
    sink.byte(OP.mark);
    str(sink, 'storage');
    global(sink, 'torch', t.data instanceof Float32Array ? 'FloatStorage' : 'LongStorage');
    str(sink, String(i));
    str(sink, 'cpu');
    int(sink, t.data.length);
    sink.byte(OP.tuple);
    sink.byte(OP.binpersid);
    int(sink, 0); // storage offset
    intTuple(sink, t.shape);
    intTuple(sink, contiguousStrides(t.shape));
    sink.byte(OP.newfalse); // requires_grad
    global(sink, 'collections', 'OrderedDict'); // backward hooks
    sink.byte(OP.emptyTuple);
    sink.byte(OP.reduce);
    sink.byte(OP.tuple);
    sink.byte(OP.reduce);
  });
  sink.byte(OP.setitems);
  sink.byte(OP.stop);
  return sink.result();
}
