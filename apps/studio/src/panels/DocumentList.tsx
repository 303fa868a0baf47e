/**
 * The library's designs, most recently changed first, with search, open, rename, duplicate and
 * delete (undoable: deleted designs wait under Recently deleted).
 */
import { useState, type ReactNode } from 'react';
import {
  deleteEntry,
  duplicateEntry,
  openEntry,
  renameEntry,
  undeleteEntry,
} from '../persistence/libraryActions';
import type { ReadableDocument } from '../persistence/records';
import { useDoc, useStores } from '../state/StoreProvider';

/** The list of designs; `documents` holds every readable one, deleted ones included. */
export function DocumentList(props: { documents: readonly ReadableDocument[] }): ReactNode {
  const stores = useStores();
  const currentId = useDoc((s) => s.id);
  const [query, setQuery] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<{ id: string; name: string } | null>(null);
  const live = props.documents.filter((d) => d.record.deletedAt === null);
  const trash = props.documents.filter((d) => d.record.deletedAt !== null);
  const needle = query.trim().toLowerCase();
  const shown = live.filter((d) => d.design.name.toLowerCase().includes(needle));
  const fail = (error: unknown): void =>
    stores.ui
      .getState()
      .notify(
        'error',
        `The library could not be changed: ${error instanceof Error ? error.message : String(error)}`,
      );
  const remove = (d: ReadableDocument): void => {
    deleteEntry(stores, d, live).then(
      (ok) => ok && setDeleted({ id: d.record.id, name: d.design.name }),
      fail,
    );
  };
  return (
    <>
      <input
        type="search"
        placeholder="Search designs"
        aria-label="Search designs"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="designs-search"
      />
      {deleted ? (
        <p className="undo-bar" data-testid="deleted-notice">
          Deleted “{deleted.name}”.{' '}
          <button
            type="button"
            data-testid="undo-delete"
            onClick={() => {
              void undeleteEntry(stores, deleted.id).catch(fail);
              setDeleted(null);
            }}
          >
            Undo
          </button>
        </p>
      ) : null}
      <ul className="record-list" data-testid="designs-list">
        {shown.map((d) => {
          const id = d.record.id;
          const current = id === currentId;
          return (
            <li key={id} data-testid="design-item" data-doc-id={id} data-current={current}>
              {renaming === id ? (
                <input
                  autoFocus
                  defaultValue={d.design.name}
                  aria-label="New name"
                  data-testid="rename-input"
                  onBlur={() => setRenaming(null)}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') setRenaming(null);
                    if (e.key !== 'Enter') return;
                    void renameEntry(stores, d, e.currentTarget.value).catch(fail);
                    setRenaming(null);
                  }}
                />
              ) : (
                <button
                  type="button"
                  className="link"
                  data-testid="design-open"
                  aria-current={current}
                  onClick={() => openEntry(stores, d)}
                >
                  {d.design.name}
                </button>
              )}
              {current ? <span className="muted"> (open here)</span> : null}
              <span
                className="muted"
                title={`From ${d.record.origin}; created ${new Date(d.record.createdAt).toLocaleString()}`}
              >
                {' '}
                {new Date(d.record.modifiedAt).toLocaleString()}
              </span>
              <span className="row-actions">
                <button type="button" data-testid="design-rename" onClick={() => setRenaming(id)}>
                  Rename
                </button>
                <button
                  type="button"
                  data-testid="design-duplicate"
                  onClick={() => void duplicateEntry(stores, d).catch(fail)}
                >
                  Duplicate
                </button>
                <button
                  type="button"
                  data-testid="design-delete"
                  aria-label={`Delete ${d.design.name}`}
                  onClick={() => remove(d)}
                >
                  Delete
                </button>
              </span>
            </li>
          );
        })}
        {shown.length === 0 ? (
          <li className="muted">{live.length === 0 ? 'No designs yet.' : 'No design matches.'}</li>
        ) : null}
      </ul>
      {trash.length > 0 ? (
        <details data-testid="deleted-list">
          <summary>Recently deleted ({trash.length}): kept 30 days</summary>
          <ul className="record-list">
            {trash.map((d) => (
              <li key={d.record.id} data-testid="deleted-item">
                {d.design.name}{' '}
                <button
                  type="button"
                  onClick={() => void undeleteEntry(stores, d.record.id).catch(fail)}
                >
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
