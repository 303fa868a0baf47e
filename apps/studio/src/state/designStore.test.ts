import { describe, expect, it } from 'vitest';
import { blankDesign } from './blankDesign';
import { addNode, setPositions } from './designEdits';
import { createDesignStore } from './designStore';
import { chainDesign } from './testDesign';

describe('design store', () => {
  it('records each transaction as one undoable step', () => {
    const store = createDesignStore(blankDesign());
    store.getState().transact('Add conv', (d) => addNode(d, 'conv', { x: 0, y: 0 }).design);
    store.getState().transact('Add pool', (d) => addNode(d, 'pool', { x: 0, y: 100 }).design);
    expect(store.getState().design.model.nodes.map((n) => n.id)).toEqual(['conv1', 'pool1']);
    store.getState().undo();
    expect(store.getState().design.model.nodes.map((n) => n.id)).toEqual(['conv1']);
    store.getState().redo();
    expect(store.getState().design.model.nodes).toHaveLength(2);
  });

  it('turns a whole drag into a single step', () => {
    const store = createDesignStore(chainDesign());
    for (let x = 1; x <= 40; x++)
      store.getState().preview((d) => setPositions(d, { enc1: { x, y: x } }));
    expect(store.getState().history.past).toHaveLength(0);
    store.getState().commitPreview('Move');
    expect(store.getState().history.past).toHaveLength(1);
    expect(store.getState().design.layout.positions.enc1).toEqual({ x: 40, y: 40 });
    store.getState().undo();
    expect(store.getState().design.layout.positions.enc1).toEqual({ x: 200, y: 0 });
  });

  it('keeps a drag that was never committed when another edit follows', () => {
    const store = createDesignStore(chainDesign());
    store.getState().preview((d) => setPositions(d, { enc1: { x: 5, y: 5 } }));
    store.getState().transact('Add conv', (d) => addNode(d, 'conv', { x: 0, y: 0 }).design);
    expect(store.getState().history.past).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().design.layout.positions.enc1).toEqual({ x: 5, y: 5 });
  });

  it('merges typing into one field and ignores edits that change nothing', () => {
    const store = createDesignStore(chainDesign());
    const before = store.getState().design;
    store.getState().transact('Nothing', (d) => d);
    expect(store.getState().history.past).toHaveLength(0);
    for (const name of ['M', 'My', 'My net']) {
      store.getState().transact('Rename design', (d) => ({ ...d, name }), 'design.name');
    }
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().design).toBe(before);
  });

  it('loads a document as one undoable step and resets history on restore', () => {
    const store = createDesignStore(blankDesign());
    store.getState().load(chainDesign(), 'Open chain');
    expect(store.getState().design.name).toBe('chain');
    store.getState().undo();
    expect(store.getState().design.model.nodes).toHaveLength(0);
    store.getState().reset(chainDesign());
    expect(store.getState().history.past).toHaveLength(0);
    expect(store.getState().history.future).toHaveLength(0);
  });

  it('refuses every change while read-only (another tab edits it), but follows a reset', () => {
    const store = createDesignStore(blankDesign());
    store.getState().transact('Add conv', (d) => addNode(d, 'conv', { x: 0, y: 0 }).design);
    store.getState().setReadOnly(true);
    const before = store.getState().design;
    store.getState().transact('Add pool', (d) => addNode(d, 'pool', { x: 0, y: 100 }).design);
    store.getState().preview((d) => setPositions(d, { conv1: { x: 50, y: 50 } }));
    store.getState().load(chainDesign(), 'Open');
    store.getState().undo();
    expect(store.getState().design).toBe(before);
    store.getState().reset(chainDesign());
    expect(store.getState().design.name).toBe('chain');
    store.getState().setReadOnly(false);
    store.getState().transact('Rename', (d) => ({ ...d, name: 'mine' }));
    expect(store.getState().design.name).toBe('mine');
  });
});
