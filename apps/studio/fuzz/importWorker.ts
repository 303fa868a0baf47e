/**
 * The studio target of `pnpm fuzz`: reads each input as the studio does a dropped file or a paste
 * (`importBytes`: PNG, SVG, design, ModelManager, UNetParams) and as a share link, and compiles
 * what it gets. The runner (packages/compiler/fuzz/fuzz.ts) kills the process when a case hangs.
 */
import { compile } from '@unet-studio/compiler';
import { serveCases } from '../../../packages/compiler/fuzz/serve';
import { deflateSync } from 'fflate';
import { toBase64, utf8 } from '../src/io/bytes';
import { importBytes, importText } from '../src/io/importDocument';
import { decodeShareHash } from '../src/io/shareLink';

/** A share link of `text`, deflated fast (the app's level 9 would time the harness, not the app). */
function linkOf(text: string): string {
  const b64 = toBase64(deflateSync(utf8(text), { level: 1 }));
  return `#design=${b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

serveCases((text) => {
  const file = importBytes(utf8(text), 'fuzz.txt');
  const link = decodeShareHash(linkOf(text));
  const fromLink = link.kind === 'document' ? importText(link.text, 'The shared link') : null;
  if (!file.ok) return fromLink?.ok ? 'link only' : 'refused';
  return compile(file.design).ok ? 'compiled ok' : 'compiled with errors';
});
