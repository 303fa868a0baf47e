/**
 * The library's records for a list, read again whenever the library changes (in this tab or
 * another). An unavailable storage gives an empty list and the reason.
 */
import { useEffect, useState } from 'react';
import { useDoc } from '../state/StoreProvider';
import { describeStorageError } from './db';
import { getLibrary } from './libraryHandle';
import type { LibraryEntry } from './records';

/** The records and, when the library cannot be read, why. */
export interface LibraryView {
  readonly entries: readonly LibraryEntry[];
  readonly problem: string | null;
  readonly loaded: boolean;
}

/** Reads the library now and after every change. */
export function useLibraryEntries(): LibraryView {
  const version = useDoc((s) => s.libraryVersion);
  const [view, setView] = useState<LibraryView>({ entries: [], problem: null, loaded: false });
  useEffect(() => {
    let cancelled = false;
    getLibrary()
      .then((library) => library.list())
      .then(
        (entries) => !cancelled && setView({ entries, problem: null, loaded: true }),
        (error: unknown) =>
          !cancelled &&
          setView({ entries: [], problem: describeStorageError(error), loaded: true }),
      );
    return () => {
      cancelled = true;
    };
  }, [version]);
  return view;
}
