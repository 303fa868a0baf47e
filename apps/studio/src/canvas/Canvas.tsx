/**
 * The canvas: React Flow over the derived graph. Canvas events are turned into design transactions
 * here (through `toDesign`), never stored as canvas state.
 */
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type IsValidConnection,
  type NodeChange,
  type OnDelete,
} from '@xyflow/react';
import {
  useCallback,
  useEffect,
  useRef,
  type DragEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { addNodeAt } from '../app/actions';
import { useImport } from '../app/useImport';
import { checkConnection, kindsAccepting } from '../flow/connectionRules';
import { applyNodeChanges, edgeSelection } from '../flow/toDesign';
import { BLOCK_PREFIX, isLayerNode, type StudioEdge, type StudioNode } from '../flow/types';
import { connect, removeElements } from '../state/designEdits';
import { useStores, useUi } from '../state/StoreProvider';
import { edgeTypes, nodeTypes } from './flowTypes';
import { KIND_MIME, isLayerKind } from './dragKind';
import { useDetailLevel } from './useDetailLevel';
import { useFlowGraph } from './useFlowGraph';
import { useFocusAndFit } from './useFocusAndFit';
import { Welcome } from './Welcome';

/**
 * Designs up to this many canvas nodes are drawn whole, on screen or not (a design opens at a
 * readable zoom around its input, and panning shows the rest without nodes popping in); larger
 * ones draw only what is on screen.
 */
const DRAW_ALL_UP_TO = 200;

function toSpec(c: Connection): {
  source: string;
  sourcePort: string;
  target: string;
  targetPort: string;
} {
  return {
    source: c.source,
    sourcePort: c.sourceHandle ?? 'out',
    target: c.target,
    targetPort: c.targetHandle ?? 'in',
  };
}

function nextSelection(
  current: readonly string[],
  changes: ReadonlyMap<string, boolean>,
): string[] {
  const set = new Set(current);
  for (const [id, on] of changes) {
    if (on) set.add(id);
    else set.delete(id);
  }
  return [...set];
}

/** The design canvas. Must be inside a `ReactFlowProvider`. */
export function Canvas(): ReactNode {
  const stores = useStores();
  const rf = useReactFlow<StudioNode, StudioEdge>();
  const { graph, graphRef, onDimensions } = useFlowGraph();
  const hint = useUi((s) => s.connectionHint);
  const coarse = useDetailLevel();
  const wrapper = useRef<HTMLDivElement>(null);
  const importFile = useImport();
  useFocusAndFit(rf);
  useEffect(() => {
    stores.flow.current = rf;
    return () => {
      stores.flow.current = null;
    };
  }, [rf, stores]);

  const onNodesChange = useCallback(
    (changes: NodeChange<StudioNode>[]) => {
      onDimensions(changes);
      const ds = stores.design.getState();
      const effect = applyNodeChanges(ds.design, changes, graphRef.current);
      if (effect.design !== ds.design) ds.preview(() => effect.design);
      if (!effect.dragging && (effect.dragEnded || effect.design !== ds.design))
        ds.commitPreview('Move');
      if (effect.selection.size > 0) {
        const ui = stores.ui.getState();
        ui.select(nextSelection(ui.selectedNodes, effect.selection), ui.selectedEdges);
      }
    },
    [stores, onDimensions, graphRef],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<StudioEdge>[]) => {
      const sel = edgeSelection(changes);
      if (sel.size === 0) return;
      const ui = stores.ui.getState();
      ui.select(ui.selectedNodes, nextSelection(ui.selectedEdges, sel));
    },
    [stores],
  );

  const onDelete: OnDelete<StudioNode, StudioEdge> = useCallback(
    ({ nodes, edges }) => {
      const { design } = stores.design.getState();
      const ids = nodes.flatMap((n) => {
        if (isLayerNode(n)) return [n.id];
        if (n.type !== 'block') return [];
        return design.layout.groups.find((g) => g.id === n.data.groupId)?.nodeIds ?? [];
      });
      stores.design.getState().transact('Delete', (d) =>
        removeElements(
          d,
          ids,
          edges.map((e) => e.id),
        ),
      );
      stores.ui.getState().select([]);
    },
    [stores],
  );

  const onConnect = useCallback(
    (c: Connection) =>
      stores.design.getState().transact('Connect', (d) => connect(d, toSpec(c)).design),
    [stores],
  );

  const isValidConnection: IsValidConnection<StudioEdge> = useCallback(
    (c) => {
      if (c.source.startsWith(BLOCK_PREFIX) || c.target.startsWith(BLOCK_PREFIX)) return false;
      const spec = {
        source: c.source,
        sourcePort: c.sourceHandle ?? 'out',
        target: c.target,
        targetPort: c.targetHandle ?? 'in',
      };
      const verdict = checkConnection(stores.design.getState().design, spec);
      stores.ui.getState().setConnectionHint(verdict.ok ? null : verdict.reason);
      return verdict.ok;
    },
    [stores],
  );

  const openSearchAt = useCallback(
    (
      clientX: number,
      clientY: number,
      from?: { nodeId: string; port: string; isOutput: boolean },
    ) => {
      const box = wrapper.current?.getBoundingClientRect();
      stores.ui.getState().openSearch({
        screen: { x: clientX - (box?.left ?? 0), y: clientY - (box?.top ?? 0) },
        flow: rf.screenToFlowPosition({ x: clientX, y: clientY }),
        ...(from ? { from, kinds: kindsAccepting(from.isOutput) } : {}),
      });
    },
    [rf, stores],
  );

  const onConnectEnd = useCallback(
    (event: globalThis.MouseEvent | TouchEvent, state: FinalConnectionState) => {
      stores.ui.getState().setConnectionHint(null);
      if (state.isValid || state.toNode || !state.fromNode || !state.fromHandle) return;
      if (state.fromNode.type === 'block' || state.fromNode.type === 'frame') return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      openSearchAt(point.clientX, point.clientY, {
        nodeId: state.fromNode.id,
        port: state.fromHandle.id ?? (state.fromHandle.type === 'source' ? 'out' : 'in'),
        isOutput: state.fromHandle.type === 'source',
      });
    },
    [stores, openSearchAt],
  );

  const onDoubleClick = useCallback(
    (e: MouseEvent<HTMLDivElement>) => {
      if ((e.target as Element).classList.contains('react-flow__pane'))
        openSearchAt(e.clientX, e.clientY);
    },
    [openSearchAt],
  );

  const onDragOver = useCallback((e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = e.dataTransfer.types.includes(KIND_MIME) ? 'move' : 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent<HTMLDivElement>) => {
      e.preventDefault();
      const kind = e.dataTransfer.getData(KIND_MIME);
      if (isLayerKind(kind)) {
        addNodeAt(stores, kind, rf.screenToFlowPosition({ x: e.clientX - 90, y: e.clientY - 30 }));
        return;
      }
      const file = e.dataTransfer.files[0];
      if (file) void importFile(file);
    },
    [rf, stores, importFile],
  );

  return (
    <div
      className={coarse ? 'canvas canvas-coarse' : 'canvas'}
      ref={wrapper}
      onDoubleClick={onDoubleClick}
      onDragOver={onDragOver}
      onDrop={onDrop}
      data-testid="canvas"
    >
      <ReactFlow<StudioNode, StudioEdge>
        nodes={graph.nodes}
        edges={graph.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onDelete={onDelete}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onConnectEnd={onConnectEnd}
        deleteKeyCode={['Delete', 'Backspace']}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        zoomOnDoubleClick={false}
        minZoom={0.05}
        maxZoom={2.5}
        onlyRenderVisibleElements={graph.nodes.length > DRAW_ALL_UP_TO}
      >
        <Background gap={24} />
        <MiniMap pannable zoomable ariaLabel="Overview of the design" />
        <Controls showInteractive={false} />
      </ReactFlow>
      <Welcome />
      {hint ? (
        <div className="connection-hint" role="status" data-testid="connection-hint">
          {hint}
        </div>
      ) : null}
    </div>
  );
}
