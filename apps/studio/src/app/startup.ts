/**
 * Which design the app opens with: `?template=<name>` first (docs link to templates this way), then
 * a shared link (`#design=…`), then the autosave, then a blank design. A bad link or a damaged
 * autosave never stops the app: it opens what it can and says what it skipped.
 */
import { TEMPLATES, findTemplate, parseDesign, type Design } from '@unet-studio/compiler';
import { importText } from '../io/importDocument';
import { decodeShareHash } from '../io/shareLink';
import { blankDesign } from '../state/blankDesign';

/** Where the start design came from. */
export type StartSource = 'template' | 'link' | 'autosave' | 'blank';

/** The start design, where it came from, and a message for what was skipped. */
export interface Start {
  readonly design: Design;
  readonly source: StartSource;
  readonly warning: string | null;
}

/** Chooses the start design from the URL's query and hash and the autosaved text. */
export function chooseStart(search: string, hash: string, autosave: string | null): Start {
  const warnings: string[] = [];
  const name = new URLSearchParams(search).get('template');
  if (name !== null) {
    const template = findTemplate(name);
    if (template) return { design: template.build(), source: 'template', warning: null };
    warnings.push(
      `There is no template "${name}"; the templates are ${TEMPLATES.map((t) => t.name).join(', ')}.`,
    );
  }
  const link = decodeShareHash(hash);
  if (link.kind === 'invalid') warnings.push(link.message);
  if (link.kind === 'document') {
    const imported = importText(link.text);
    if (imported.ok)
      return { design: imported.design, source: 'link', warning: warnings[0] ?? null };
    warnings.push(`The shared link holds no valid design: ${imported.message}`);
  }
  if (autosave !== null) {
    const parsed = parseDesign(autosave);
    if (parsed.ok)
      return { design: parsed.value, source: 'autosave', warning: warnings[0] ?? null };
    warnings.push('The autosaved design could not be read and was skipped.');
  }
  return { design: blankDesign(), source: 'blank', warning: warnings[0] ?? null };
}
