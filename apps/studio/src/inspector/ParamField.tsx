/**
 * One inspector field, generated from the schema: a select, a checkbox or a text box, validated as
 * you type against the node kind's zod schema. Invalid text stays in the box with the reason shown
 * and is never committed.
 */
import { useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { fieldText, getAt, parseFieldText, setAt } from './fieldText';
import type { Field } from './schemaForm';

/** Props of a parameter field. */
export interface ParamFieldProps {
  readonly field: Field;
  readonly params: Record<string, unknown>;
  readonly defaults: Record<string, unknown>;
  readonly schema: z.ZodType;
  readonly help?: string;
  /** Called with the whole, valid params object. */
  readonly onCommit: (params: Record<string, unknown>, path: string) => void;
}

function label(path: readonly string[]): string {
  const last = path[path.length - 1] ?? '';
  return last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A field (or a group of fields) of the params form. */
export function ParamField(props: ParamFieldProps): ReactNode {
  const { field } = props;
  if (field.kind === 'group') {
    return (
      <fieldset className="param-group">
        <legend title={props.help}>{label(field.path)}</legend>
        {field.fields.map((f) => (
          <ParamField key={f.path.join('.')} {...props} field={f} help={undefined} />
        ))}
      </fieldset>
    );
  }
  return <LeafField {...props} />;
}

function LeafField({
  field,
  params,
  defaults,
  schema,
  help,
  onCommit,
}: ParamFieldProps): ReactNode {
  const path = field.path.join('.');
  const value = getAt(params, field.path);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = (text: string): void => {
    const parsed = parseFieldText(field, text);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    const next = setAt(params, field.path, parsed.value);
    const checked = schema.safeParse(next);
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? 'invalid value');
      return;
    }
    setError(null);
    onCommit(checked.data as Record<string, unknown>, path);
  };
  const fallback = fieldText(field, getAt(defaults, field.path));
  const id = `field-${path}`;
  let control: ReactNode;
  if (field.kind === 'boolean') {
    control = (
      <input
        id={id}
        type="checkbox"
        className="nodrag nokey"
        checked={value === true}
        onChange={(e) => submit(String(e.target.checked))}
        data-testid={id}
      />
    );
  } else if (field.kind === 'enum') {
    control = (
      <select
        id={id}
        value={String(value)}
        onChange={(e) => submit(e.target.value)}
        data-testid={id}
      >
        {field.options.map((o) => (
          <option key={String(o)} value={String(o)}>
            {String(o)}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        id={id}
        type="text"
        inputMode="numeric"
        spellCheck={false}
        value={draft ?? fieldText(field, value)}
        placeholder={fallback === '' ? 'auto' : fallback}
        aria-invalid={error !== null}
        data-testid={id}
        onChange={(e) => {
          setDraft(e.target.value);
          submit(e.target.value);
        }}
        onBlur={() => {
          setDraft(null);
          setError(null);
        }}
      />
    );
  }
  return (
    <div className={`param-field${error ? ' invalid' : ''}`}>
      <label htmlFor={id} title={help}>
        {label(field.path)}
      </label>
      {control}
      {help ? <small className="param-help">{help}</small> : null}
      <small className="param-default">default {fallback === '' ? 'auto' : fallback}</small>
      {error ? (
        <small className="param-error" role="alert" data-testid={`field-error-${path}`}>
          {error}
        </small>
      ) : null}
    </div>
  );
}
