/**
 * What a text field bound to the design shows while someone types into it. The design may keep a
 * cleaned form of the text (trimmed, cut to length, or the old value when the text is empty), so
 * the field shows the typed text as long as the design still holds what that text committed; once
 * the design holds anything else (undo, redo, an edit elsewhere), the field shows the design.
 */

/** Text being typed and the value the design held right after it was committed. */
export interface Draft {
  readonly text: string;
  readonly committed: string;
}

/** The text a field shows for `value` (the design's) and the current draft, if any. */
export function shownText(value: string, draft: Draft | null): string {
  return draft !== null && draft.committed === value ? draft.text : value;
}
