/**
 * The levels editor: the `features` list of a ModelManager-style U-Net (last entry = bottleneck).
 * Adding, removing or changing a level regenerates the encoder and decoder levels and their skips
 * in place, as one undoable step.
 */
import { useState, type ReactNode } from 'react';
import { useDesign, useStores } from '../state/StoreProvider';
import { featuresProblem, nextLevelWidth, readLevels, withFeatures } from './levels';

/** The levels drawer. */
export function LevelsEditor(): ReactNode {
  const stores = useStores();
  const design = useDesign((s) => s.design);
  const view = readLevels(design);
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const close = (): void => stores.ui.getState().openPanel(null);
  const apply = (features: number[], key?: string): void => {
    const why = featuresProblem(features);
    setProblem(why);
    if (why) return;
    stores.design.getState().transact('Edit levels', (d) => withFeatures(d, features), key);
    stores.ui.getState().select([]);
  };
  let body: ReactNode;
  if (!view.ok) {
    body = (
      <p className="export-unfit" data-testid="levels-unfit">
        The levels editor works on ModelManager-style U-Nets.{' '}
        {view.nodeId ? (
          <button
            type="button"
            className="link"
            onClick={() => stores.ui.getState().focusNode(view.nodeId ?? '')}
          >
            node {view.nodeId}
          </button>
        ) : (
          'This design'
        )}
        : {view.reason}
      </p>
    );
  } else {
    const features = view.params.features;
    body = (
      <>
        <p className="muted">
          One entry per level, top first; the last is the bottleneck. {features.length - 1}{' '}
          poolings, input {view.inputSize.map((s) => s ?? '?').join('×')}.
        </p>
        <ol className="levels-list">
          {features.map((f, i) => (
            <li key={i}>
              <label>
                {i === features.length - 1 ? 'bottleneck' : `level ${i + 1}`}
                <input
                  type="text"
                  inputMode="numeric"
                  value={drafts[i] ?? String(f)}
                  data-testid={`level-${i}`}
                  aria-label={`Channels of level ${i + 1}`}
                  onChange={(e) => {
                    const text = e.target.value;
                    setDrafts((d) => ({ ...d, [i]: text }));
                    const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
                    apply(
                      features.map((x, j) => (j === i ? n : x)),
                      `levels:${i}`,
                    );
                  }}
                  onBlur={() => setDrafts({})}
                />
              </label>
              <button
                type="button"
                disabled={features.length <= 1}
                aria-label={`Remove level ${i + 1}`}
                data-testid={`remove-level-${i}`}
                onClick={() => apply(features.filter((_, j) => j !== i))}
              >
                −
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          data-testid="add-level"
          onClick={() => apply([...features, nextLevelWidth(features)])}
        >
          + Add a level
        </button>
        {problem ? (
          <p className="param-error" role="alert">
            {problem}
          </p>
        ) : null}
      </>
    );
  }
  return (
    <div className="drawer levels-panel" role="dialog" aria-label="Levels" data-testid="levels">
      <header className="drawer-header">
        <h2>Levels</h2>
        <button type="button" className="close" aria-label="Close" onClick={close}>
          ✕
        </button>
      </header>
      {body}
    </div>
  );
}
