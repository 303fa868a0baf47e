/** The server's entry point (`pnpm serve`). */
import { serveMain } from './serveMain';

process.exitCode = await serveMain(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
