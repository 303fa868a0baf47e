/**
 * The command registry. Add a command by importing it here.
 */
import type { Command } from '../command';
import { checkCommand } from './check';
import { evaluateCommand } from './evaluate';
import { exportCommand } from './export';
import { newCommand } from './new';
import { predictCommand } from './predict';
import { serveCommand } from './serve';
import { summaryCommand } from './summary';
import { templatesCommand } from './templates';
import { trainCommand } from './train';

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  newCommand,
  checkCommand,
  summaryCommand,
  exportCommand,
  templatesCommand,
  trainCommand,
  predictCommand,
  evaluateCommand,
  serveCommand,
];
