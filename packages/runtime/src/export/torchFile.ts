/**
 * PyTorch's `.pt` file format (torch.save since 1.6): an uncompressed zip whose entries all sit in
 * one folder (`archive/`): `data.pkl` (the pickled object), `data/<n>` (the raw little-endian
 * bytes of storage n), `version` and `byteorder`.
 */
import { zipSync, type Zippable } from 'fflate';
import { pickleStateDict, type TorchTensor } from './pickle';

/** The serialisation format version torch.save writes (readable by PyTorch 1.6 and newer). */
const FORMAT_VERSION = '3\n';
/** A fixed timestamp keeps the file identical for identical weights. */
const MTIME = new Date(1980, 0, 1);

function littleEndianBytes(data: Float32Array | BigInt64Array): Uint8Array {
  const out = new Uint8Array(data.length * data.BYTES_PER_ELEMENT);
  const view = new DataView(out.buffer);
  if (data instanceof Float32Array) data.forEach((v, i) => view.setFloat32(i * 4, v, true));
  else data.forEach((v, i) => view.setBigInt64(i * 8, v, true));
  return out;
}

/**
 * Writes a state dict as the bytes of a `.pt` file that `torch.load` reads back as an
 * `OrderedDict[str, Tensor]`.
 *
 * @example
 * const bytes = writeTorchStateDict([{ key: 'w', shape: [2], data: new Float32Array([1, 2]) }]);
 */
export function writeTorchStateDict(
  tensors: readonly TorchTensor[],
  archive = 'archive',
): Uint8Array {
  for (const t of tensors) {
    const count = t.shape.reduce((a, b) => a * b, 1);
    if (count !== t.data.length) {
      throw new Error(
        `${t.key}: shape [${t.shape.join(', ')}] needs ${count} values, got ${t.data.length}`,
      );
    }
  }
  const files: Zippable = { [`${archive}/data.pkl`]: pickleStateDict(tensors) };
  tensors.forEach((t, i) => {
    files[`${archive}/data/${i}`] = littleEndianBytes(t.data);
  });
  files[`${archive}/version`] = new TextEncoder().encode(FORMAT_VERSION);
  files[`${archive}/byteorder`] = new TextEncoder().encode('little');
  return zipSync(files, { level: 0, mtime: MTIME });
}
