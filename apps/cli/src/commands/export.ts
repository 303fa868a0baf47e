/**
 * `unet-studio export <file> --to FORMAT [-o out]`: writes a design or config as a ModelManager
 * config (JSON, YAML, Python line), a UNetParams document or a design. When the design does not
 * fit the format, says which node breaks it and why (exit 1).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  exportModelManager,
  exportUNetParams,
  formatIssue,
  modelManagerWarnings,
  serializeDesign,
  type Design,
  type ExportResult,
} from '@unet-studio/compiler';
import { parseCommandArgs } from '../args';
import { EXIT, type Command } from '../command';
import { loadAnyDesign } from '../loadAnyDesign';
import { exportPytorchPackage } from '../pytorchExport';

/** Export targets and their writers. */
export const EXPORT_TARGETS: Readonly<Record<string, (design: Design) => ExportResult<string>>> = {
  'model-manager': (d) => exportModelManager(d, 'json'),
  'model-manager-yaml': (d) => exportModelManager(d, 'yaml'),
  'model-manager-python': (d) => exportModelManager(d, 'python'),
  'unet-params': (d) => exportUNetParams(d),
  design: (d) => ({ ok: true, value: serializeDesign(d) }),
};

const USAGE = `Usage: unet-studio export <file | template:NAME> --to FORMAT [-o OUT] [--input HxWxC] [--classes N]

FORMAT: ${Object.keys(EXPORT_TARGETS).join(' | ')} | pytorch
Writes to stdout, or to OUT with -o. A design that the format cannot express is
refused with the node that breaks the pattern (exit 1). Warnings (the importer's,
and a ModelManager config the platform cannot run) go to stderr. A design
imported from a heliaEDGE file is written in that file's shape.
--to pytorch writes a folder (model.py, train.py, README.md; weights.pt when the
source is a trained model directory) and needs -o DIR.`;

/** The `export` command. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'Write a design as a ModelManager, UNetParams, design or PyTorch file',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArgs(args, {
      to: { type: 'string' },
      output: { type: 'string', short: 'o' },
      input: { type: 'string' },
      classes: { type: 'string' },
    });
    const to = parsed.ok ? parsed.values.to : undefined;
    if (parsed.ok && to === 'pytorch' && parsed.positionals.length === 1) {
      const out = parsed.values.output;
      const input = parsed.values.input;
      return exportPytorchPackage(
        {
          source: parsed.positionals[0] as string,
          outDir: typeof out === 'string' ? out : undefined,
          input: typeof input === 'string' ? input : undefined,
        },
        io,
      );
    }
    const writer =
      typeof to === 'string' && Object.hasOwn(EXPORT_TARGETS, to) ? EXPORT_TARGETS[to] : undefined;
    if (!parsed.ok || parsed.positionals.length !== 1 || !writer) {
      const why = !parsed.ok
        ? parsed.message
        : parsed.positionals.length !== 1
          ? 'give exactly one file'
          : to === undefined
            ? '--to is required'
            : `unknown format "${String(to)}"`;
      io.err(`unet-studio export: ${why}`);
      io.err(USAGE);
      return EXIT.unreadable;
    }
    const { input, classes } = parsed.values;
    const loaded = await loadAnyDesign(parsed.positionals[0] as string, io.cwd, {
      input: typeof input === 'string' ? input : undefined,
      classes: typeof classes === 'string' ? classes : undefined,
    });
    if (!loaded.ok) {
      for (const line of loaded.lines) io.err(`unet-studio export: ${line}`);
      return EXIT.unreadable;
    }
    const warnings = [...loaded.warnings];
    if (String(to).startsWith('model-manager')) {
      for (const line of modelManagerWarnings(loaded.design).map(formatIssue))
        if (!warnings.includes(line)) warnings.push(line);
    }
    for (const line of warnings) io.err(`unet-studio export: warning: ${line}`);
    const result = writer(loaded.design);
    if (!result.ok) {
      io.err(`unet-studio export: ${loaded.label} cannot be written as ${String(to)}:`);
      for (const issue of result.issues)
        io.err(`  ${issue.nodeId === null ? 'design' : `node ${issue.nodeId}`}: ${issue.message}`);
      return EXIT.errors;
    }
    const out = parsed.values.output;
    if (typeof out !== 'string') {
      io.out(result.value.replace(/\n$/, ''));
      return EXIT.ok;
    }
    try {
      await writeFile(resolve(io.cwd, out), result.value, 'utf8');
    } catch (error) {
      io.err(
        `unet-studio export: cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      );
      return EXIT.unreadable;
    }
    io.err(`wrote ${out} (${String(to)})`);
    return EXIT.ok;
  },
};
