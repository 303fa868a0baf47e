/**
 * The right column: tabs "Inspect" (the inspector) and "Train" (the training panel) above the
 * problems list, which stays in view under either. Both tabs stay mounted, so a run keeps going
 * while the inspector is shown. The column's left edge drags (or, focused, takes the arrow keys)
 * to resize it; its width is remembered.
 */
import { useEffect, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { Inspector } from '../inspector/Inspector';
import { ProblemsPanel } from '../panels/ProblemsPanel';
import { TrainingPanel } from '../training/TrainingPanel';
import {
  MAX_SIDEBAR_WIDTH,
  MIN_SIDEBAR_WIDTH,
  clampSidebarWidth,
  readSidebarWidth,
  writeSidebarWidth,
} from './sidebarWidth';

type Tab = 'inspect' | 'train';

const storage = (): Storage | undefined =>
  typeof localStorage === 'undefined' ? undefined : localStorage;

function useWidth(): [number, (w: number) => void] {
  const [width, setWidth] = useState(() => readSidebarWidth(storage()));
  useEffect(() => {
    document.documentElement.style.setProperty('--sidebar-width', `${width}px`);
  }, [width]);
  return [width, (w) => setWidth(clampSidebarWidth(w))];
}

function ResizeHandle(props: { width: number; onWidth: (w: number) => void }): ReactNode {
  const start = useRef<{ x: number; width: number } | null>(null);
  const { width, onWidth } = props;
  const move = (e: PointerEvent<HTMLDivElement>): void => {
    if (start.current) onWidth(start.current.width + start.current.x - e.clientX);
  };
  const end = (): void => {
    if (!start.current) return;
    start.current = null;
    writeSidebarWidth(storage(), width);
  };
  return (
    <div
      className="sidebar-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the right panel"
      aria-valuenow={width}
      aria-valuemin={MIN_SIDEBAR_WIDTH}
      aria-valuemax={MAX_SIDEBAR_WIDTH}
      tabIndex={0}
      data-testid="sidebar-resize"
      onKeyDown={(e) => {
        const step = e.key === 'ArrowLeft' ? 20 : e.key === 'ArrowRight' ? -20 : 0;
        if (step === 0) return;
        e.preventDefault();
        onWidth(width + step);
        writeSidebarWidth(storage(), width + step);
      }}
      onPointerDown={(e) => {
        start.current = { x: e.clientX, width };
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={move}
      onPointerUp={end}
      onPointerCancel={end}
    />
  );
}

function TabButton(props: { tab: Tab; active: Tab; onPick: (t: Tab) => void; children: string }) {
  const selected = props.tab === props.active;
  return (
    <button
      type="button"
      role="tab"
      aria-selected={selected}
      className={selected ? 'sidebar-tab active' : 'sidebar-tab'}
      data-testid={`tab-${props.tab}`}
      onClick={() => props.onPick(props.tab)}
    >
      {props.children}
    </button>
  );
}

/** The right column of the designer. */
export function Sidebar(): ReactNode {
  const [tab, setTab] = useState<Tab>('inspect');
  const [width, setWidth] = useWidth();
  return (
    <aside className="sidebar" data-testid="sidebar" data-tab={tab}>
      <ResizeHandle width={width} onWidth={setWidth} />
      <div className="sidebar-tabs" role="tablist" aria-label="Right panel">
        <TabButton tab="inspect" active={tab} onPick={setTab}>
          Inspect
        </TabButton>
        <TabButton tab="train" active={tab} onPick={setTab}>
          Train
        </TabButton>
      </div>
      <div className="sidebar-pane" role="tabpanel" hidden={tab !== 'inspect'}>
        <Inspector />
      </div>
      <div
        className="sidebar-pane"
        role="tabpanel"
        hidden={tab !== 'train'}
        data-testid="train-panel"
      >
        <TrainingPanel />
      </div>
      <ProblemsPanel />
    </aside>
  );
}
