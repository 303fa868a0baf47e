/**
 * The totals header: parameters, MACs and activation memory of the whole design at the chosen
 * input size and batch, with both editable in place, and the input sizes the network accepts.
 */
import { formatBytes } from '@unet-studio/compiler';
import { useState, type ReactNode } from 'react';
import { formatCount } from '../flow/formatShape';
import { parseFieldText } from '../inspector/fieldText';
import { setNodeParams } from '../state/designEdits';
import { useCompiled } from '../state/useCompiled';
import { useDesign, useStores, useUi } from '../state/StoreProvider';

function figure(n: number, format: (n: number) => string): string {
  return Number.isFinite(n) ? format(n) : '—';
}

/** Parses `572`, `572 × 572` or `?, 64` into sizes (null = open), or null when malformed. */
export function parseSizeText(text: string, axes: number): (number | null)[] | null {
  const parsed = parseFieldText({ kind: 'sizes', path: [] }, text);
  if (!parsed.ok || !Array.isArray(parsed.value)) return null;
  const sizes = parsed.value as (number | null)[];
  const all = sizes.length === 1 && axes === 2 ? [sizes[0] ?? null, sizes[0] ?? null] : sizes;
  const ok = all.length === axes && all.every((s) => s === null || (s > 0 && s <= 65536));
  return ok ? all : null;
}

/** The totals header. */
export function TotalsHeader(): ReactNode {
  const stores = useStores();
  const compiled = useCompiled();
  const batch = useUi((s) => s.batch);
  const input = useDesign((s) => s.design.model.nodes.find((n) => n.kind === 'input'));
  const [draft, setDraft] = useState<string | null>(null);
  const t = compiled.totals;
  const sizeText =
    input?.kind === 'input' ? input.params.size.map((s) => s ?? '?').join(' × ') : '';
  const rule = compiled.sizeRule?.map((r) => r.text).join('; ');
  return (
    <div className="totals" data-testid="totals" aria-label="Totals">
      <span title="Trainable + non-trainable parameters" data-testid="totals-params">
        <b>{figure(t.trainable + t.nonTrainable, formatCount)}</b> params
      </span>
      <span title="Multiply-adds of one forward pass for the batch" data-testid="totals-macs">
        <b>{figure(t.macs, formatCount)}</b> MACs
      </span>
      <span
        title="float32 activation memory of one forward pass for the batch"
        data-testid="totals-memory"
      >
        <b>{figure(t.activationBytes, formatBytes)}</b> activations
      </span>
      {input?.kind === 'input' ? (
        <label title={rule ? `Accepted input sizes: ${rule}` : 'Input size'}>
          input
          <input
            className="size-input"
            value={draft ?? sizeText}
            aria-label="Input size"
            data-testid="totals-input-size"
            onChange={(e) => {
              setDraft(e.target.value);
              const size = parseSizeText(e.target.value, input.params.size.length);
              if (!size) return;
              stores.design
                .getState()
                .transact(
                  'Set input size',
                  (d) => setNodeParams(d, input.id, { ...input.params, size }),
                  'input-size',
                );
            }}
            onBlur={() => setDraft(null)}
          />
        </label>
      ) : null}
      <label title="Batch size used for MACs and memory">
        batch
        <input
          className="batch-input"
          type="number"
          min={1}
          value={batch}
          aria-label="Batch size"
          data-testid="totals-batch"
          onChange={(e) => stores.ui.getState().setBatch(Number(e.target.value))}
        />
      </label>
      {rule ? (
        <span className="muted size-rule" data-testid="totals-size-rule">
          accepts {rule}
        </span>
      ) : null}
    </div>
  );
}
