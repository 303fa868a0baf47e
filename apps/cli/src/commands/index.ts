/**
 * The command registry. Add a command by importing it here.
 */
import type { Command } from '../command';
import { checkCommand } from './check';
import { exportCommand } from './export';
import { summaryCommand } from './summary';
import { templatesCommand } from './templates';

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [checkCommand, summaryCommand, exportCommand, templatesCommand];
