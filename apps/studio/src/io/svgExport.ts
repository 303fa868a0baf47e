/**
 * The canvas as a standalone SVG image, drawn from the canvas graph (no screenshot of the DOM), with
 * the design embedded in a `<metadata>` element so that dropping the image back on the canvas
 * reopens it. Every user string is XML-escaped.
 */
import { CATALOGUE } from '@unet-studio/compiler';
import { fromBase64, fromUtf8, toBase64, utf8 } from './bytes';
import { formatCount } from '../flow/formatShape';
import type { FlowGraph } from '../flow/fromDesign';
import { isLayerNode, type StudioNode } from '../flow/types';
import { UNKNOWN_EDGE, UNKNOWN_NODE, type CanvasViews } from '../flow/views';
import { worstSeverity } from '../canvas/ProblemBadge';
import { routeEdge } from '../canvas/edgeRoute';
import type { FrameNodeData } from '../flow/types';

/** The id of the metadata element that carries the design. */
export const SVG_METADATA_ID = 'unet-studio-design';

const DEFAULT = { width: 180, height: 90 };
const MARGIN = 40;

/** Escapes text for XML content and attributes. */
export function xmlEscape(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function boxOf(n: StudioNode): Box {
  const w = n.measured?.width ?? n.width ?? DEFAULT.width;
  const h = n.measured?.height ?? n.height ?? DEFAULT.height;
  return { x: n.position.x, y: n.position.y, w, h };
}

function nodeSvg(n: StudioNode, b: Box, views: CanvasViews): string {
  if (n.type === 'frame') return frameSvg(n.data, b);
  const layer = isLayerNode(n);
  const color = layer ? CATALOGUE[n.data.kind].color : '#334155';
  const title = layer ? CATALOGUE[n.data.kind].label : 'Block';
  const name = layer ? (n.data.name ?? n.id) : n.data.name;
  const shown = layer ? (views.nodes.get(n.id) ?? UNKNOWN_NODE) : n.data;
  const severity = worstSeverity(shown.problems);
  const stroke = severity === 'error' ? '#dc2626' : severity === 'warning' ? '#d97706' : '#cbd5e1';
  const params = shown.params;
  const lines = [
    name,
    shown.shape ?? '—',
    params === null || Number.isNaN(params) ? '' : `${formatCount(params)} params`,
  ];
  return [
    `<g>`,
    `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="8" fill="#ffffff" stroke="${stroke}" stroke-width="1.5"/>`,
    `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="22" rx="8" fill="${color}"/>`,
    `<text x="${b.x + 8}" y="${b.y + 15}" class="h">${xmlEscape(title)}</text>`,
    ...lines.map(
      (t, i) =>
        `<text x="${b.x + 8}" y="${b.y + 40 + i * 16}" class="${i === 1 ? 'm' : 't'}">${xmlEscape(t)}</text>`,
    ),
    `</g>`,
  ].join('');
}

/** Where input `port` of `node` sits, as a fraction of the node's height (as on the canvas). */
function inputFraction(node: StudioNode | undefined, port: string | null | undefined): number {
  if (!node || !isLayerNode(node)) return 0.5;
  const inputs = CATALOGUE[node.data.kind].inputs;
  const i = Math.max(
    0,
    inputs.findIndex((p) => p.name === port),
  );
  return (i + 1) / (inputs.length + 1);
}

/** A shape label on a white box, as on the canvas (11 px monospace, about 6.7 px a character). */
function labelSvg(text: string, x: number, y: number): string {
  const w = text.length * 6.7 + 8;
  return `<rect x="${x - w / 2}" y="${y - 8}" width="${w}" height="16" rx="4" fill="#ffffff" stroke="#e2e8f0"/><text x="${x}" y="${y + 4}" class="m" text-anchor="middle">${xmlEscape(text)}</text>`;
}

/** A group's frame: the union of its members' padded boxes, and its name. */
function frameSvg(data: FrameNodeData, b: Box): string {
  const rects = data.rects.map(
    (r) => `x="${b.x + r.x}" y="${b.y + r.y}" width="${r.width}" height="${r.height}" rx="10"`,
  );
  const first = data.rects.reduce<(typeof data.rects)[number] | undefined>(
    (a, r) => (!a || r.y < a.y || (r.y === a.y && r.x < a.x) ? r : a),
    undefined,
  );
  return [
    `<g>`,
    ...rects.map(
      (r) => `<rect ${r} fill="none" stroke="#94a3b8" stroke-width="3" stroke-dasharray="8 5"/>`,
    ),
    ...rects.map((r) => `<rect ${r} fill="#f8fafc"/>`),
    `<text x="${b.x + (first?.x ?? 0) + 10}" y="${b.y + (first?.y ?? 0) + 18}" class="t">${xmlEscape(data.name)}</text>`,
    `</g>`,
  ].join('');
}

/**
 * Renders the canvas graph as SVG text, with the shapes and problems of `views`, embedding
 * `documentText` (the serialised design).
 */
export function renderCanvasSvg(
  graph: FlowGraph,
  views: CanvasViews,
  documentText: string,
  title: string,
): string {
  const visible = graph.nodes.filter((n) => !n.hidden);
  const boxes = new Map(visible.map((n) => [n.id, boxOf(n)]));
  const all = [...boxes.values()];
  const minX = Math.min(0, ...all.map((b) => b.x)) - MARGIN;
  const minY = Math.min(0, ...all.map((b) => b.y)) - MARGIN;
  const maxX = Math.max(0, ...all.map((b) => b.x + b.w)) + MARGIN;
  const maxY = Math.max(0, ...all.map((b) => b.y + b.h)) + MARGIN;
  const edges = graph.edges.flatMap((e) => {
    const s = boxes.get(e.source);
    const t = boxes.get(e.target);
    if (!s || !t) return [];
    const target = graph.nodes.find((n) => n.id === e.target);
    const route = routeEdge(
      { x: s.x + s.w, y: s.y + s.h / 2 },
      { x: t.x, y: t.y + t.h * inputFraction(target, e.targetHandle) },
    );
    const view = views.edges.get(e.id) ?? UNKNOWN_EDGE;
    const bad = worstSeverity(view.problems) === 'error';
    const { x, y } = route.label;
    const label = view.shape ? labelSvg(view.shape, x, y) : '';
    return [
      `<path d="${route.path}" fill="none" stroke="${bad ? '#dc2626' : '#64748b'}" stroke-width="1.5"/>${label}`,
    ];
  });
  const nodes = visible.map((n) => nodeSvg(n, boxes.get(n.id) ?? boxOf(n), views));
  const w = maxX - minX;
  const h = maxY - minY;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="${minX} ${minY} ${w} ${h}">`,
    `<title>${xmlEscape(title)}</title>`,
    `<metadata id="${SVG_METADATA_ID}" data-encoding="base64">${toBase64(utf8(documentText))}</metadata>`,
    `<style>.h{font:600 12px system-ui,sans-serif;fill:#fff}.t{font:12px system-ui,sans-serif;fill:#0f172a}.m{font:11px ui-monospace,monospace;fill:#334155}</style>`,
    `<rect x="${minX}" y="${minY}" width="${w}" height="${h}" fill="#ffffff"/>`,
    ...edges,
    ...nodes,
    `</svg>`,
  ].join('\n');
}

/** The characters of the base64 payload (and the whitespace a formatter may add). */
const BASE64_TEXT = /^[A-Za-z0-9+/=\s]*$/;
const ID_ATTRIBUTE = `id="${SVG_METADATA_ID}"`;

/**
 * The design text embedded in an SVG written by `renderCanvasSvg`, or null. The SVG is scanned once
 * with `indexOf`: each search starts after the previous tag, so no input makes it quadratic (the
 * regular expression it replaces rescanned the rest of the file from every `<metadata`).
 */
export function extractSvgDesign(svg: string): string | null {
  let from = 0;
  for (;;) {
    const open = svg.indexOf('<metadata', from);
    if (open < 0) return null;
    const after = svg.charAt(open + '<metadata'.length);
    const close = svg.indexOf('>', open);
    if (close < 0) return null;
    from = close + 1;
    // `<metadata` must end the name (`<metadataX` is another element).
    if (after !== '>' && after !== ' ' && after !== '\n' && after !== '\t' && after !== '\r')
      continue;
    const tag = svg.slice(open, close);
    const at = tag.indexOf(ID_ATTRIBUTE);
    if (at < 0 || !/\s/.test(tag.charAt(at - 1))) continue;
    const end = svg.indexOf('</metadata>', from);
    if (end < 0) return null;
    const payload = svg.slice(from, end);
    if (payload.trim() === '' || !BASE64_TEXT.test(payload)) return null;
    try {
      return fromUtf8(fromBase64(payload));
    } catch {
      return null;
    }
  }
}
