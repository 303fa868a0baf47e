/**
 * Which document the app opens with: `?template=<name>` (docs link to templates this way) or a
 * shared link (`#design=…`) each open as a new document; otherwise the document this tab had open,
 * then the most recently modified one, then a new blank design. A bad link never stops the app: it
 * opens what it can and says what it skipped. Nothing in the library is replaced.
 */
import { TEMPLATES, findTemplate, type Design } from '@unet-studio/compiler';
import { importText } from '../io/importDocument';
import { decodeShareHash } from '../io/shareLink';
import type { ReadableDocument } from '../persistence/records';
import { blankDesign } from '../state/blankDesign';

/** Where the start design came from. */
export type StartSource = 'template' | 'link' | 'library' | 'blank';

/** The start design, where it came from, and a message for what was skipped. */
export interface Start {
  readonly design: Design;
  readonly source: StartSource;
  /** The library document to open, or null for a new document. */
  readonly docId: string | null;
  /** Where a new document comes from (stored with it). */
  readonly origin: string;
  readonly warning: string | null;
}

/**
 * Chooses the start design from the URL's query and hash and the library's readable documents
 * (most recent first, deleted ones excluded); `remembered` is the document this tab had open.
 */
export function chooseStart(
  search: string,
  hash: string,
  documents: readonly ReadableDocument[],
  remembered: string | null = null,
): Start {
  const warnings: string[] = [];
  const name = new URLSearchParams(search).get('template');
  const fresh = (design: Design, source: StartSource, origin: string): Start => ({
    design,
    source,
    docId: null,
    origin,
    warning: warnings[0] ?? null,
  });
  if (name !== null) {
    const template = findTemplate(name);
    if (template) return fresh(template.build(), 'template', `the template “${template.title}”`);
    warnings.push(
      `There is no template "${name}"; the templates are ${TEMPLATES.map((t) => t.name).join(', ')}.`,
    );
  }
  const link = decodeShareHash(hash);
  if (link.kind === 'invalid') warnings.push(link.message);
  if (link.kind === 'document') {
    const imported = importText(link.text);
    if (imported.ok) return fresh(imported.design, 'link', 'a shared link');
    warnings.push(`The shared link holds no valid design: ${imported.message}`);
  }
  const open = documents.find((d) => d.record.id === remembered) ?? documents[0];
  if (open)
    return {
      design: open.design,
      source: 'library',
      docId: open.record.id,
      origin: open.record.origin,
      warning: warnings[0] ?? null,
    };
  return fresh(blankDesign(), 'blank', 'a new blank design');
}
