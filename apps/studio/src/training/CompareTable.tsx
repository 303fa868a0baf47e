/**
 * Two runs side by side in a table: their final figures, then every setting either run used,
 * with the settings that differ marked.
 */
import type { RunRecord } from '@unet-studio/compiler';
import type { ReactNode } from 'react';

type Epoch = RunRecord['epochs'][number];

const FIGURES: readonly [string, (e: Epoch) => number | null, number][] = [
  ['final loss', (e) => e.loss, 4],
  ['final val loss', (e) => e.valLoss, 4],
  ['final Dice', (e) => e.dice, 3],
  ['final val Dice', (e) => e.valDice, 3],
];

function figure(run: RunRecord, read: (e: Epoch) => number | null, digits: number): string {
  const last = run.epochs[run.epochs.length - 1];
  const value = last ? read(last) : null;
  return value !== null && Number.isFinite(value) ? value.toFixed(digits) : '—';
}

function setting(run: RunRecord, key: string): string {
  const value = run.settings[key];
  return value === undefined ? '—' : String(value);
}

/** The table comparing run A with run B. */
export function CompareTable(props: { a: RunRecord; b: RunRecord }): ReactNode {
  const { a, b } = props;
  const keys = [...new Set([...Object.keys(a.settings), ...Object.keys(b.settings)])].sort();
  const rows: [string, string, string][] = [
    ['backend', a.backend, b.backend],
    ['epochs trained', String(a.epochs.length), String(b.epochs.length)],
    ...FIGURES.map(([name, read, digits]): [string, string, string] => [
      name,
      figure(a, read, digits),
      figure(b, read, digits),
    ]),
    ...keys.map((k): [string, string, string] => [k, setting(a, k), setting(b, k)]),
  ];
  return (
    <table className="train-compare-table" data-testid="run-compare-table">
      <thead>
        <tr>
          <th />
          <th>A</th>
          <th>B</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, va, vb]) => (
          <tr key={name} data-row={name} data-differs={va !== vb}>
            <th scope="row">{name}</th>
            <td>{va}</td>
            <td>{vb}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
