/**
 * Stored records this version cannot open: listed with the reason and a download of their raw
 * text. The app never deletes them.
 */
import type { ReactNode } from 'react';
import { downloadFile } from '../io/browserFiles';
import type { UnreadableRecord } from '../persistence/records';

/** A file name for a record's raw text. */
function rawFileName(record: UnreadableRecord): string {
  const base = record.name
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'design'}-unreadable.txt`;
}

/** The records that could not be opened (nothing when there are none). */
export function UnreadableList(props: { records: readonly UnreadableRecord[] }): ReactNode {
  if (props.records.length === 0) return null;
  return (
    <section data-testid="unreadable-list">
      <h3>Could not be opened ({props.records.length})</h3>
      <p className="muted">
        These stored designs cannot be read by this version. They are kept; download one to repair
        it or to open it in a newer version.
      </p>
      <ul className="record-list">
        {props.records.map((r, i) => (
          <li key={`${r.name}-${i}`} data-testid="unreadable-item">
            <strong>{r.name}</strong>
            <div className="muted" data-testid="unreadable-reason">
              {r.reason}
            </div>
            <button
              type="button"
              data-testid="unreadable-download"
              onClick={() => downloadFile(rawFileName(r), r.raw, 'text/plain')}
            >
              Download raw text
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
