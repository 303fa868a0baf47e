/**
 * The design store: the design document (the source of truth) and its undo history.
 * Every change goes through `transact` (one undoable step) or through `preview` +
 * `commitPreview` (a drag: many ticks, one step).
 */
import type { Design } from '@unet-studio/compiler';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { blankDesign } from './blankDesign';
import {
  commit,
  commitFrom,
  createHistory,
  redo,
  replacePresent,
  undo,
  type History,
} from './history';

/** A pure change to the design. Return the argument itself to change nothing. */
export type Recipe = (design: Design) => Design;

/** State and actions of the design store. */
export interface DesignState {
  /** The current design (the history's present). */
  readonly design: Design;
  readonly history: History<Design>;
  /** The design before the running preview (a drag), or null. */
  readonly previewBase: Design | null;
  /** True while another tab edits this document: every change is refused; `reset` still works. */
  readonly readOnly: boolean;
  /** Makes the design read-only or editable again. */
  setReadOnly(readOnly: boolean): void;
  /** Applies `recipe` as one undoable step; steps with the same `key` merge (typing). */
  transact(label: string, recipe: Recipe, key?: string): void;
  /** Applies `recipe` without recording a step (drag ticks). */
  preview(recipe: Recipe): void;
  /** Records everything since the first `preview` as one step. */
  commitPreview(label: string): void;
  /** Replaces the whole design (open, import, template) as one undoable step. */
  load(design: Design, label: string): void;
  /** Starts over with `design` and an empty history (app start, restore). */
  reset(design: Design): void;
  undo(): void;
  redo(): void;
}

/** The design store's API. */
export type DesignStore = StoreApi<DesignState>;

/** Creates an isolated design store (one per app instance or test). */
export function createDesignStore(initial: Design = blankDesign()): DesignStore {
  return createStore<DesignState>()((set, get) => {
    const setHistory = (history: History<Design>, previewBase: Design | null = null): void => {
      if (history === get().history && previewBase === get().previewBase) return;
      set({ history, design: history.present, previewBase });
    };
    /** A pending preview is committed before any other step so a drag never gets lost. */
    const settled = (): History<Design> => {
      const { previewBase, history } = get();
      return previewBase ? commitFrom(history, previewBase, 'Move') : history;
    };
    return {
      design: initial,
      history: createHistory(initial),
      previewBase: null,
      readOnly: false,
      setReadOnly(readOnly) {
        if (get().readOnly !== readOnly) set({ readOnly });
      },
      transact(label, recipe, key) {
        if (get().readOnly) return;
        const h = settled();
        setHistory(commit(h, recipe(h.present), label, key));
      },
      preview(recipe) {
        if (get().readOnly) return;
        const { history, previewBase } = get();
        setHistory(
          replacePresent(history, recipe(history.present)),
          previewBase ?? history.present,
        );
      },
      commitPreview(label) {
        const { history, previewBase } = get();
        if (previewBase) setHistory(commitFrom(history, previewBase, label));
      },
      load(design, label) {
        if (get().readOnly) return;
        setHistory(commit(settled(), design, label));
      },
      reset(design) {
        setHistory(createHistory(design));
      },
      undo() {
        if (get().readOnly) return;
        setHistory(undo(settled()));
      },
      redo() {
        if (get().readOnly) return;
        setHistory(redo(settled()));
      },
    };
  });
}
