/**
 * Asks for what a heliaEDGE UNet section does not say (its input size and class count, which the
 * kits keep in the task config), then imports it with those values; Cancel changes nothing.
 */
import {
  useState,
  type CSSProperties,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { importWithContext } from '../io/importContext';
import {
  defaultSize,
  initialForm,
  readForm,
  sizeNote,
  type ImportContextErrors,
  type ImportContextForm,
} from '../io/importContextForm';
import { useStores } from '../state/StoreProvider';
import { dismissImportContext, usePendingImport, type PendingImport } from './pendingImport';
import { applyImport } from './useImport';

const BACKDROP: CSSProperties = {
  position: 'fixed',
  inset: 0,
  background: 'rgb(0 0 0 / 0.25)',
  zIndex: 60,
};

/** One labelled text field with its note or error. */
function Field(props: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  note?: string;
  placeholder?: string;
  autoFocus?: boolean;
  onChange: (value: string) => void;
}): ReactNode {
  const help = props.error ?? props.note;
  return (
    <div className={`param-field${props.error ? ' invalid' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        data-testid={props.id}
        inputMode="numeric"
        value={props.value}
        placeholder={props.placeholder}
        autoFocus={props.autoFocus}
        aria-invalid={props.error !== undefined}
        aria-describedby={help ? `${props.id}-help` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {help && (
        <small id={`${props.id}-help`} className={props.error ? 'param-error' : 'param-help'}>
          {help}
        </small>
      )}
    </div>
  );
}

function ContextForm({ pending }: { pending: PendingImport }): ReactNode {
  const stores = useStores();
  const { request, source } = pending;
  const [form, setForm] = useState<ImportContextForm>(() => initialForm(request));
  const [errors, setErrors] = useState<ImportContextErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const set = (change: Partial<ImportContextForm>): void => setForm((f) => ({ ...f, ...change }));
  const cancel = (): void => dismissImportContext(stores);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const read = readForm(request, form);
    setErrors(read.ok ? {} : read.errors);
    if (!read.ok) return;
    const outcome = importWithContext(request, read.values);
    if (!outcome.ok) return setRefusal(outcome.message);
    dismissImportContext(stores);
    applyImport(stores, outcome, source);
  };
  // The app's shortcuts (Delete, undo…) must not reach the design behind the dialog.
  const onKeyDown = (e: KeyboardEvent): void => {
    e.stopPropagation();
    if (e.key === 'Escape') cancel();
  };
  const setDims = (dims: 1 | 2): void =>
    set({
      dims,
      size: form.size === defaultSize(request, form.dims) ? defaultSize(request, dims) : form.size,
    });
  const asked = [request.askInput && 'input size', request.askClasses && 'class count'];
  return (
    <div style={BACKDROP} onKeyDown={onKeyDown}>
      <form
        className="modal"
        style={{ width: 'min(460px, 90vw)' }}
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-context-title"
        data-testid="import-context-dialog"
        onSubmit={submit}
      >
        <h2 id="import-context-title">Input size and classes</h2>
        <p>
          {source} is a heliaEDGE UNet section that does not say its{' '}
          {asked.filter(Boolean).join(' or ')}: the kits keep them in the task config. Give them to
          import it (as the CLI's <code>--input</code> and <code>--classes</code> do).
        </p>
        {request.askInput && (
          <>
            {request.dims.length > 1 && (
              <div className="param-field">
                <label htmlFor="import-dims">Input</label>
                <select
                  id="import-dims"
                  data-testid="import-dims"
                  value={form.dims}
                  onChange={(e) => setDims(e.target.value === '2' ? 2 : 1)}
                >
                  <option value="1">1D signal (length × channels)</option>
                  <option value="2">2D image (height × width × channels)</option>
                </select>
              </div>
            )}
            <Field
              id="import-input-size"
              label={form.dims === 1 ? 'Input length' : 'Input size (H×W)'}
              value={form.size}
              error={errors.size}
              note={sizeNote(request, form.dims)}
              autoFocus
              onChange={(size) => set({ size })}
            />
            <Field
              id="import-channels"
              label="Channels"
              value={form.channels}
              error={errors.channels}
              onChange={(channels) => set({ channels })}
            />
          </>
        )}
        {request.askClasses && (
          <Field
            id="import-classes"
            label="Classes"
            value={form.classes}
            error={errors.classes}
            placeholder="e.g. 4"
            autoFocus={!request.askInput}
            note="The number of segmentation classes (the output's channels)."
            onChange={(classes) => set({ classes })}
          />
        )}
        {refusal && (
          <p className="param-error" role="alert" data-testid="import-context-refusal">
            {refusal}
          </p>
        )}
        <div className="button-row">
          <button type="submit" data-testid="import-context-ok">
            Import
          </button>
          <button type="button" data-testid="import-context-cancel" onClick={cancel}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}

/** The dialog, while an import waits for its input size or class count. */
export function ImportContextDialog(): ReactNode {
  const { pending, seq } = usePendingImport();
  return pending ? <ContextForm key={seq} pending={pending} /> : null;
}
