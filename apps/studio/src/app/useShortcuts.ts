/**
 * Runs the keyboard shortcuts and the clipboard: copy, cut and paste use the browser's own events
 * (no permission prompt), so pasting a config or a design text anywhere on the page imports it.
 */
import { serializeDesign } from '@unet-studio/compiler';
import { useEffect } from 'react';
import { pickFile, downloadFile } from '../io/browserFiles';
import { parseFragment } from '../state/clipboard';
import { useStores, type Stores } from '../state/StoreProvider';
import { OPEN_ACCEPT } from '../panels/DesignsPanel';
import { exportFileName } from '../panels/exportFormats';
import {
  copySelection,
  deleteSelection,
  duplicateSelection,
  groupSelection,
  pasteFragmentInto,
  runAutoLayout,
} from './actions';
import { isTyping, matchShortcut, type CommandId } from './shortcuts';
import { importTextInto } from './useImport';

function run(stores: Stores, command: CommandId, openFile: () => void): void {
  const ds = stores.design.getState();
  const ui = stores.ui.getState();
  const rf = stores.flow.current;
  switch (command) {
    case 'undo':
      return ds.undo();
    case 'redo':
      return ds.redo();
    case 'duplicate':
      return duplicateSelection(stores);
    case 'group':
      return groupSelection(stores);
    case 'selectAll':
      return ui.select(
        ds.design.model.nodes.map((n) => n.id),
        ds.design.model.edges.map((e) => e.id),
      );
    case 'autoLayout':
      return void runAutoLayout(stores);
    case 'fitView':
      return ui.requestFit(true);
    case 'addNode': {
      const box = document.querySelector('.canvas')?.getBoundingClientRect();
      if (!box || !rf) return;
      const centre = { x: box.left + box.width / 2, y: box.top + box.height / 3 };
      return ui.openSearch({
        screen: { x: centre.x - box.left, y: centre.y - box.top },
        flow: rf.screenToFlowPosition(centre),
      });
    }
    case 'save':
      return downloadFile(
        exportFileName(ds.design, 'design'),
        serializeDesign(ds.design),
        'application/json',
      );
    case 'open':
      return openFile();
    case 'export':
      return ui.openPanel('export');
    case 'help':
      return ui.openPanel('help');
    case 'close':
      ui.openSearch(null);
      return ui.openPanel(null);
  }
}

/** Installs the shortcut and clipboard handlers for the app's lifetime. */
export function useShortcuts(importFile: (file: File) => Promise<boolean>): void {
  const stores = useStores();
  useEffect(() => {
    const openFile = (): void => void pickFile(OPEN_ACCEPT).then((f) => f && importFile(f));
    const onKey = (e: KeyboardEvent): void => {
      if (isTyping(e.target)) return;
      const command = matchShortcut(e);
      if (!command) return;
      e.preventDefault();
      run(stores, command, openFile);
    };
    const onCopy = (e: ClipboardEvent): void => {
      if (isTyping(e.target) || !e.clipboardData) return;
      const fragment = copySelection(stores);
      if (!fragment) return;
      e.clipboardData.setData('text/plain', JSON.stringify(fragment));
      e.preventDefault();
      if (e.type === 'cut') deleteSelection(stores);
    };
    const onPaste = (e: ClipboardEvent): void => {
      if (isTyping(e.target)) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (text.trim() === '') return;
      e.preventDefault();
      const fragment = parseFragment(text);
      if (fragment?.ok) pasteFragmentInto(stores, fragment.fragment);
      else if (fragment) stores.ui.getState().notify('error', fragment.message);
      else importTextInto(stores, text);
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [stores, importFile]);
}
