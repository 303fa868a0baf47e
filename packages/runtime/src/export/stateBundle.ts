/**
 * A PyTorch state dict carried to TypeScript without a pickle reader: a small binary bundle that
 * Python writes from a state dict or checkpoint (`STATE_BUNDLE_PY`) and {@link readStateBundle}
 * reads. Layout: `USSD`, a uint32 (little-endian) header length, a JSON header
 * `{ "tensors": [{ "key", "shape" }] }` padded to 4 bytes, then every tensor's float32 values in
 * order. Integer entries (BatchNorm's `num_batches_tracked`) are left out.
 */
import type { DenseTensor } from './permute';

/**
 * Python that writes the bundle: `python -c STATE_BUNDLE_PY IN OUT`, IN a `.pt` state dict or a
 * train.py checkpoint (its `model` entry). Needs torch only.
 */
export const STATE_BUNDLE_PY = `
import json, struct, sys, torch
state = torch.load(sys.argv[1], map_location="cpu")
if isinstance(state, dict) and "model" in state and isinstance(state["model"], dict):
    state = state["model"]
try:
    import numpy  # noqa: F401 (fast path)
    raw = lambda t: t.numpy().tobytes()
except ImportError:
    raw = lambda t: b"".join(bytes(c.view(torch.uint8).tolist()) for c in t.view(-1).split(1 << 20))
items = [(k, v) for k, v in state.items() if torch.is_tensor(v) and v.is_floating_point()]
header = json.dumps({"tensors": [{"key": k, "shape": list(v.shape)} for k, v in items]}).encode()
header += b" " * (-len(header) % 4)
with open(sys.argv[2], "wb") as f:
    f.write(b"USSD" + struct.pack("<I", len(header)) + header)
    for _, v in items:
        f.write(raw(v.detach().to(torch.float32).reshape(-1).contiguous()))
`;

/** Largest header accepted (a state dict of many thousand tensors fits far below). */
const MAX_HEADER = 16 * 1024 * 1024;

/**
 * Reads a state bundle: tensors by state-dict key.
 *
 * @returns the tensors, or a message naming what is wrong with the bytes.
 */
export function readStateBundle(
  bytes: Uint8Array,
): { ok: true; value: Map<string, DenseTensor> } | { ok: false; message: string } {
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (bytes.length < 8 || magic !== 'USSD') return { ok: false, message: 'not a state bundle' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(4, true);
  if (length > MAX_HEADER || 8 + length > bytes.length) {
    return { ok: false, message: 'the state bundle header is cut short or too large' };
  }
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length)));
  } catch {
    return { ok: false, message: 'the state bundle header is not JSON' };
  }
  const list = (header as { tensors?: unknown }).tensors;
  if (!Array.isArray(list)) return { ok: false, message: 'the state bundle lists no tensors' };
  const tensors = new Map<string, DenseTensor>();
  let at = 8 + length;
  for (const entry of list as { key?: unknown; shape?: unknown }[]) {
    const { key, shape } = entry;
    if (
      typeof key !== 'string' ||
      !Array.isArray(shape) ||
      !shape.every((d) => Number.isSafeInteger(d) && (d as number) >= 0)
    ) {
      return { ok: false, message: 'a state bundle entry has no key or a bad shape' };
    }
    const dims = shape as number[];
    const count = dims.reduce((a, b) => a * b, 1);
    if (at + count * 4 > bytes.length) {
      return { ok: false, message: `the state bundle ends inside ${key}` };
    }
    // A copy (Node's Buffer.slice would share the whole pool's memory).
    const data = new Float32Array(new Uint8Array(bytes.subarray(at, at + count * 4)).buffer);
    tensors.set(key, { shape: dims, data });
    at += count * 4;
  }
  return { ok: true, value: tensors };
}
