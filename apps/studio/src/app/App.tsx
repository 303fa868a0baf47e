/**
 * The designer: top bar, palette, canvas, the right column (Inspect / Train tabs above the
 * problems), and the drawers.
 */
import { ReactFlowProvider } from '@xyflow/react';
import type { ReactNode } from 'react';
import { Canvas } from '../canvas/Canvas';
import { DesignsPanel } from '../panels/DesignsPanel';
import { DocumentBanner } from '../panels/DocumentBanner';
import { ExportPanel } from '../panels/ExportPanel';
import { HelpOverlay } from '../panels/HelpOverlay';
import { LevelsEditor } from '../panels/LevelsEditor';
import { Palette } from '../panels/Palette';
import { SearchAdd } from '../panels/SearchAdd';
import { TemplateGallery } from '../panels/TemplateGallery';
import { useAutosave } from '../persistence/useAutosave';
import { useStartup } from '../persistence/useStartup';
import { StoreProvider, useUi, type Stores } from '../state/StoreProvider';
import { ImportContextDialog } from './ImportContextDialog';
import { MessageBar } from './MessageBar';
import { Sidebar } from './Sidebar';
import { Toolbar } from './Toolbar';
import { useImport } from './useImport';
import { useShortcuts } from './useShortcuts';

function Panels(): ReactNode {
  const panel = useUi((s) => s.panel);
  switch (panel) {
    case 'export':
      return <ExportPanel />;
    case 'templates':
      return <TemplateGallery />;
    case 'levels':
      return <LevelsEditor />;
    case 'designs':
      return <DesignsPanel />;
    case 'help':
      return <HelpOverlay />;
    case null:
      return null;
  }
}

function Shell(): ReactNode {
  const ready = useStartup();
  useAutosave(ready);
  const importFile = useImport();
  useShortcuts(importFile);
  return (
    <div className="app" data-ready={ready} data-testid="app">
      <Toolbar />
      <MessageBar />
      <DocumentBanner />
      <main className="workspace">
        <Palette />
        <section className="canvas-area">
          <Canvas />
          <SearchAdd />
        </section>
        <Sidebar />
        <Panels />
      </main>
      <ImportContextDialog />
    </div>
  );
}

/** The whole app, with its own stores (or the given ones). */
export function App(props: { stores?: Stores }): ReactNode {
  return (
    <StoreProvider {...(props.stores ? { stores: props.stores } : {})}>
      <ReactFlowProvider>
        <Shell />
      </ReactFlowProvider>
    </StoreProvider>
  );
}
