/** The compiler's fixture folder, shared with the CLI tests. */
import { join } from 'node:path';

/** packages/compiler/fixtures. */
export const COMPILER_FIXTURES = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'packages',
  'compiler',
  'fixtures',
);
