/**
 * The command registry. Add a command by importing it here.
 */
import type { Command } from '../command';

export const COMMANDS: readonly Command[] = [];
