/**
 * `unet-studio new <file> [--template NAME] [--name TEXT] [--force]`: writes a design document to
 * start from — a template, or an empty design — that every other command, and the studio's
 * Import, reads. An existing file is never replaced unless `--force` says so.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  blankDesign,
  findTemplate,
  serializeDesign,
  TEMPLATES,
  type Design,
} from '@unet-studio/compiler';
import { parseCommandArgs } from '../args';
import { EXIT, type Command } from '../command';

const USAGE = `Usage: unet-studio new <file> [--template NAME] [--name TEXT] [--force]

Writes a design document to <file>: the template NAME (see unet-studio templates),
or an empty design without --template. --name sets the design's name. An existing
file is kept unless --force is given.
Then: unet-studio check <file>, unet-studio summary <file>, or open it in the studio.`;

/** The longest design name the format keeps. */
const MAX_NAME = 120;

/** The design to write, or why there is none. */
function startingDesign(template: string | undefined, name: string | undefined): Design | string {
  if (template === undefined) return blankDesign(name);
  const found = findTemplate(template);
  if (!found)
    return `unknown template "${template}"; templates: ${TEMPLATES.map((t) => t.name).join(', ')}`;
  const design = found.build();
  return name === undefined ? design : { ...design, name };
}

/** Why writing failed, in words. */
function writeProblem(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST') return `${file} already exists; pass --force to replace it`;
  if (code === 'ENOENT') return `cannot write ${file}: its folder does not exist`;
  if (code === 'EISDIR') return `cannot write ${file}: it is a folder`;
  if (code === 'EACCES') return `cannot write ${file}: permission denied`;
  return `cannot write ${file}: ${code ?? String(error)}`;
}

/** The `new` command. */
export const newCommand: Command = {
  name: 'new',
  summary: 'Write a new design file, empty or from a template',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArgs(args, {
      template: { type: 'string', short: 't' },
      name: { type: 'string' },
      force: { type: 'boolean' },
    });
    if (!parsed.ok || parsed.positionals.length !== 1) {
      io.err(`unet-studio new: ${parsed.ok ? 'give exactly one file to write' : parsed.message}`);
      io.err(USAGE);
      return EXIT.unreadable;
    }
    const file = parsed.positionals[0] as string;
    const { template, name, force } = parsed.values;
    if (typeof name === 'string' && (name.trim() === '' || name.length > MAX_NAME)) {
      io.err(`unet-studio new: --name must have 1 to ${MAX_NAME} characters`);
      return EXIT.unreadable;
    }
    const design = startingDesign(
      typeof template === 'string' ? template : undefined,
      typeof name === 'string' ? name : undefined,
    );
    if (typeof design === 'string') {
      io.err(`unet-studio new: ${design}`);
      return EXIT.unreadable;
    }
    try {
      // 'wx' fails when the file exists, in the same call that creates it (no check-then-write race).
      await writeFile(resolve(io.cwd, file), serializeDesign(design), {
        encoding: 'utf8',
        flag: force === true ? 'w' : 'wx',
      });
    } catch (error) {
      io.err(`unet-studio new: ${writeProblem(file, error)}`);
      return EXIT.unreadable;
    }
    const from = typeof template === 'string' ? `from template:${template}` : 'empty';
    io.err(`wrote ${file} (“${design.name}”, ${from})`);
    return EXIT.ok;
  },
};
