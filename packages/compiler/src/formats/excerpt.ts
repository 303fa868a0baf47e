/**
 * Short, safe excerpts of untrusted text for messages: a hostile document's field names and values
 * reach terminals and dialogs only this way, cut short and with control characters escaped.
 */

/**
 * `text` cut to `max` characters for a message, with control characters shown as `\uXXXX`.
 * @example excerpt('a'.repeat(100), 10) // 'aaaaaaaaaa… (90 more characters)'
 */
export function excerpt(text: string, max = 80): string {
  const head = text.length > max ? text.slice(0, max) : text;
  // eslint-disable-next-line no-control-regex -- control characters are what is escaped
  const safe = head.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return text.length > max ? `${safe}… (${text.length - max} more characters)` : safe;
}
