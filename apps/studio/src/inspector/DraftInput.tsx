/**
 * A text box bound to a value of the design that commits on every keystroke and always shows the
 * design's value, except for the text being typed (see `draftText.ts`). An uncontrolled box would
 * keep showing old text after undo or redo.
 */
import { useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { shownText, type Draft } from './draftText';

/** Props: the design's value, and how to commit typed text. */
export interface DraftInputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'defaultValue' | 'onChange'
> {
  /** The value the design holds now. */
  readonly value: string;
  /** Commits `text` to the design and returns the value the design holds afterwards. */
  readonly commit: (text: string) => string;
}

/** A design-bound text box. */
export function DraftInput({ value, commit, onBlur, ...rest }: DraftInputProps): ReactNode {
  const [draft, setDraft] = useState<Draft | null>(null);
  return (
    <input
      {...rest}
      value={shownText(value, draft)}
      onChange={(e) => {
        const text = e.target.value;
        setDraft({ text, committed: commit(text) });
      }}
      onBlur={(e) => {
        setDraft(null);
        onBlur?.(e);
      }}
    />
  );
}
