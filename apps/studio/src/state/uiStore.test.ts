import { describe, expect, it } from 'vitest';
import { createUiStore } from './uiStore';

describe('UI store', () => {
  it('keeps selection stable when it does not change', () => {
    const ui = createUiStore();
    ui.getState().select(['a', 'b']);
    const first = ui.getState().selectedNodes;
    ui.getState().select(['a', 'b']);
    expect(ui.getState().selectedNodes).toBe(first);
    ui.getState().select([], ['e1']);
    expect(ui.getState()).toMatchObject({ selectedNodes: [], selectedEdges: ['e1'] });
  });

  it('toggles panels and numbers messages and focus requests', () => {
    const ui = createUiStore();
    ui.getState().openPanel('export');
    expect(ui.getState().panel).toBe('export');
    ui.getState().openPanel('export');
    expect(ui.getState().panel).toBeNull();
    ui.getState().notify('error', 'bad file');
    ui.getState().notify('error', 'bad file');
    expect(ui.getState().message).toEqual({ kind: 'error', text: 'bad file', seq: 2 });
    ui.getState().focusNode('conv1');
    expect(ui.getState()).toMatchObject({
      focus: { nodeId: 'conv1', seq: 1 },
      selectedNodes: ['conv1'],
    });
  });

  it('accepts only positive whole batch sizes', () => {
    const ui = createUiStore();
    ui.getState().setBatch(8);
    ui.getState().setBatch(0);
    ui.getState().setBatch(2.5);
    expect(ui.getState().batch).toBe(8);
  });
});
