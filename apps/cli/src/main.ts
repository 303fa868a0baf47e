/**
 * `unet-studio`: the command line entry point.
 */
import { EXIT, type Io } from './command';
import { COMMANDS } from './commands/index';
import { terminalIo, terminalText } from './print';

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], rawIo: Io): Promise<number> {
  const io = terminalIo(rawIo);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out('Usage: unet-studio <command> [options]\n');
    io.out('Commands:');
    for (const c of COMMANDS) io.out(`  ${c.name.padEnd(10)} ${c.summary}`);
    io.out(
      '\nAny command accepts template:<name> in place of a file (see `unet-studio templates`).',
    );
    return name === undefined ? EXIT.unreadable : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`unet-studio: unknown command "${name}". Run unet-studio --help for the list.`);
    return EXIT.unreadable;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return EXIT.ok;
  }
  return command.run(rest, io);
}

/** The process's own Io. */
export function processIo(): Io {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    progress: (text) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${text}`);
    },
    cwd: process.cwd(),
  };
}

const isEntry = process.argv[1] !== undefined && /main\.ts$/.test(process.argv[1]);
if (isEntry) {
  // A closed pipe (`unet-studio summary x | head`) ends the output quietly, as Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  main(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const why = error instanceof Error ? error.message : String(error);
      process.stderr.write(`unet-studio: ${terminalText(why.slice(0, 2000))}\n`);
      process.exitCode = EXIT.unreadable;
    },
  );
}
