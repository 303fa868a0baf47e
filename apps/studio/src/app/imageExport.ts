/**
 * Exports the canvas as an image with the design embedded: SVG (in `<metadata>`) or PNG (in an
 * iTXt chunk). Dropping either back on the canvas reopens the design.
 */
import { serializeDesign } from '@unet-studio/compiler';
import { downloadFile, svgToPng } from '../io/browserFiles';
import { renderCanvasSvg } from '../io/svgExport';
import { exportFileName } from '../panels/exportFormats';
import type { Stores } from '../state/StoreProvider';

/** Renders the current canvas and offers it as a download. */
export async function exportImage(stores: Stores, kind: 'png' | 'svg'): Promise<void> {
  const rf = stores.flow.current;
  const { design } = stores.design.getState();
  if (!rf) return;
  const text = serializeDesign(design);
  const graph = { nodes: rf.getNodes(), edges: rf.getEdges() };
  const svg = renderCanvasSvg(graph, stores.views.getViews(), text, design.name);
  const base = exportFileName(design, 'design').replace(/\.unet\.json$/, '');
  try {
    if (kind === 'svg') downloadFile(`${base}.svg`, svg, 'image/svg+xml');
    else downloadFile(`${base}.png`, await svgToPng(svg, text), 'image/png');
  } catch (error) {
    stores.ui
      .getState()
      .notify(
        'error',
        `The image could not be made: ${error instanceof Error ? error.message : String(error)}`,
      );
  }
}
