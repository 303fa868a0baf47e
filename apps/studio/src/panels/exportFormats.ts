/**
 * The export panel's formats: each turns the design into text with the compiler's exporters, or
 * into the reason (and node) the format cannot express it.
 */
import {
  exportModelManager,
  exportUNetParams,
  serializeDesign,
  type Design,
  type ExportIssue,
  type Model,
} from '@unet-studio/compiler';

/** Export format ids; each is also the test hook `export-<id>`. */
export const EXPORT_FORMATS = [
  'model-manager',
  'model-manager-yaml',
  'model-manager-python',
  'unet-params',
  'design',
] as const;
/** An export format id. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How a format is shown and downloaded. */
export interface ExportFormatInfo {
  readonly title: string;
  readonly fileSuffix: string;
  readonly mime: string;
  /** Whether the text depends on more than the model (names, layout), so it follows every edit. */
  readonly wholeDesign: boolean;
}

/** Titles and file types. */
export const EXPORT_INFO: Readonly<Record<ExportFormat, ExportFormatInfo>> = {
  'model-manager': {
    title: 'ModelManager config (JSON)',
    fileSuffix: '.model-manager.json',
    mime: 'application/json',
    wholeDesign: false,
  },
  'model-manager-yaml': {
    title: 'ModelManager config (YAML)',
    fileSuffix: '.model-manager.yaml',
    mime: 'application/yaml',
    wholeDesign: false,
  },
  'model-manager-python': {
    title: 'ModelManager Python line',
    fileSuffix: '.model-manager.py',
    mime: 'text/x-python',
    wholeDesign: false,
  },
  'unet-params': {
    title: 'heliaEDGE UNetParams (JSON)',
    fileSuffix: '.unet-params.json',
    mime: 'application/json',
    wholeDesign: false,
  },
  design: {
    title: 'Design file (JSON)',
    fileSuffix: '.unet.json',
    mime: 'application/json',
    wholeDesign: true,
  },
};

/** The export of one format: its text, or the issues that stop it. */
export type ExportOutput =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly issues: readonly ExportIssue[] };

/** Exports `design` in `format`. Never throws: an unexpected exporter failure becomes an issue. */
export function exportAs(design: Design, format: ExportFormat): ExportOutput {
  try {
    switch (format) {
      case 'model-manager':
        return wrap(exportModelManager(design, 'json'));
      case 'model-manager-yaml':
        return wrap(exportModelManager(design, 'yaml'));
      case 'model-manager-python':
        return wrap(exportModelManager(design, 'python'));
      case 'unet-params':
        return wrap(exportUNetParams(design));
      case 'design':
        return { ok: true, text: serializeDesign(design) };
    }
  } catch (error) {
    return {
      ok: false,
      issues: [{ nodeId: null, message: error instanceof Error ? error.message : String(error) }],
    };
  }
}

function wrap(
  r: { ok: true; value: string } | { ok: false; issues: readonly ExportIssue[] },
): ExportOutput {
  return r.ok ? { ok: true, text: r.value } : { ok: false, issues: r.issues };
}

/** A file name for `design` in `format`: the design's name made safe, plus the format's suffix. */
export function exportFileName(design: Design, format: ExportFormat): string {
  const base =
    design.name
      .trim()
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'design';
  return base + EXPORT_INFO[format].fileSuffix;
}

const byModel = new WeakMap<Model, Map<ExportFormat, ExportOutput>>();

/**
 * `exportAs`, memoised per model for the config formats (they read the model only), so moving a
 * node never re-exports them. The design file follows every edit.
 */
export function exportLive(design: Design, format: ExportFormat): ExportOutput {
  if (EXPORT_INFO[format].wholeDesign) return exportAs(design, format);
  let cache = byModel.get(design.model);
  if (!cache) {
    cache = new Map();
    byModel.set(design.model, cache);
  }
  let out = cache.get(format);
  if (!out) {
    out = exportAs(design, format);
    cache.set(format, out);
  }
  return out;
}
