/**
 * The compiler target of `pnpm fuzz`: reads each input with the importers (`importAny`, which
 * recognises designs, ModelManager JSON/YAML/Python and UNetParams), compiles what they return
 * and reads its ops. The runner kills the process when a case hangs.
 */
import { compile } from '../src/compile';
import { importAny } from '../src/formats/detect';
import { serveCases } from './serve';

serveCases((text) => {
  const imported = importAny(text);
  if (!imported.ok) return 'refused';
  const c = compile(imported.value.design);
  if (!c.ok) return 'compiled with errors';
  // the ops are lowered on first read
  return c.ops.length > 0 ? 'compiled ok' : 'compiled, no ops';
});
