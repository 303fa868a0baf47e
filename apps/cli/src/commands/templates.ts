/** `unet-studio templates`: lists the built-in templates. */
import { TEMPLATES } from '@unet-studio/compiler';
import { parseCommandArgs } from '../args';
import { EXIT, type Command } from '../command';
import { table } from '../print';

const USAGE = `Usage: unet-studio templates [--json]

Lists the built-in templates. Use one anywhere a file is expected as template:NAME,
e.g. unet-studio summary template:original-unet.`;

/** The `templates` command. */
export const templatesCommand: Command = {
  name: 'templates',
  summary: 'List the built-in templates',
  usage: USAGE,
  run(args, io) {
    const parsed = parseCommandArgs(args, { json: { type: 'boolean' } });
    if (!parsed.ok || parsed.positionals.length > 0) {
      io.err(`unet-studio templates: ${parsed.ok ? 'takes no file' : parsed.message}`);
      io.err(USAGE);
      return Promise.resolve(EXIT.unreadable);
    }
    if (parsed.values.json) {
      const list = TEMPLATES.map((t) => ({
        name: t.name,
        seed: t.seed,
        title: t.title,
        description: t.description,
      }));
      io.out(JSON.stringify(list, null, 2));
      return Promise.resolve(EXIT.ok);
    }
    const rows = TEMPLATES.map((t) => [t.name, t.seed ?? '-', t.title]);
    for (const line of table(['name', 'seed', 'title'], rows)) io.out(line);
    return Promise.resolve(EXIT.ok);
  },
};
