/**
 * Telling a document's spelling from its text, in linear time: the importers, the CLI and the
 * studio recognise a `create_model(...)` line the same way. (`/^\s*model\s*:/m`, the earlier test,
 * let `\s*` run across line breaks from every line start: a megabyte of blank lines took minutes.)
 */

/** A call of `create_model`, possibly with spaces or line breaks before its parenthesis. */
const CREATE_MODEL_CALL = /create_model\s*\(/;
/** A YAML `model:` key on a line of its own (spaces and tabs only, never across lines). */
const YAML_MODEL_KEY = /^[ \t]*model[ \t]*:/m;

/**
 * True when `text` holds a `create_model(...)` call and no YAML `model:` key.
 * @example looksLikeCreateModelCall("m = create_model('unet', 3, 1)") // true
 */
export function looksLikeCreateModelCall(text: string): boolean {
  return CREATE_MODEL_CALL.test(text) && !YAML_MODEL_KEY.test(text);
}
