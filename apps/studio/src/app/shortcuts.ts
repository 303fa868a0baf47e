/**
 * Keyboard shortcuts: one table, read by the key handler and by the help overlay. `Mod` is Ctrl,
 * or ⌘ on a Mac.
 */

/** What a shortcut does. */
export type CommandId =
  | 'undo'
  | 'redo'
  | 'duplicate'
  | 'group'
  | 'selectAll'
  | 'autoLayout'
  | 'fitView'
  | 'addNode'
  | 'save'
  | 'open'
  | 'export'
  | 'help'
  | 'close';

/** The parts of a keyboard event a shortcut looks at. */
export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** One shortcut. */
export interface Shortcut {
  /** As shown in the help overlay. */
  readonly keys: string;
  readonly label: string;
  readonly command: CommandId;
  /** Whether a modifier (Ctrl/⌘) is required; plain-key shortcuts must have none. */
  readonly mod: boolean;
  readonly shift: boolean;
  /** The key, lower-case. */
  readonly key: string;
}

const s = (
  keys: string,
  label: string,
  command: CommandId,
  key: string,
  mod: boolean,
  shift = false,
): Shortcut => ({
  keys,
  label,
  command,
  key,
  mod,
  shift,
});

/** Every shortcut, in help order. */
export const SHORTCUTS: readonly Shortcut[] = [
  s('Mod+Z', 'Undo', 'undo', 'z', true),
  s('Mod+Shift+Z', 'Redo', 'redo', 'z', true, true),
  s('Mod+Y', 'Redo', 'redo', 'y', true),
  s('Mod+D', 'Duplicate the selection', 'duplicate', 'd', true),
  s('Mod+G', 'Group the selection into a block', 'group', 'g', true),
  s('Mod+A', 'Select all', 'selectAll', 'a', true),
  s('Mod+S', 'Save the design file', 'save', 's', true),
  s('Mod+O', 'Open a file', 'open', 'o', true),
  s('L', 'Auto-layout (U layout for U-Nets)', 'autoLayout', 'l', false),
  s('F', 'Zoom to fit', 'fitView', 'f', false),
  s('A', 'Search and add a node', 'addNode', 'a', false),
  s('E', 'Open the export panel', 'export', 'e', false),
  s('?', 'Show these shortcuts', 'help', '?', false, true),
  s('Esc', 'Close panels and search', 'close', 'escape', false),
];

/** The command `e` triggers, or null. Copy and paste are left to the browser's own events. */
export function matchShortcut(e: KeyLike): CommandId | null {
  const mod = e.ctrlKey || e.metaKey;
  if (e.altKey) return null;
  const key = e.key.toLowerCase();
  if (mod && (key === 'c' || key === 'v' || key === 'x')) return null;
  for (const sc of SHORTCUTS) {
    if (sc.key !== key || sc.mod !== mod) continue;
    // `?` needs Shift on most layouts; other plain keys must come without it.
    if (sc.key === '?' || sc.shift === e.shiftKey) return sc.command;
  }
  return null;
}

/** True when the event comes from a text field, where keys belong to the field. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}
