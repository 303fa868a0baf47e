import { compile, parseDesign } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { forgedNames } from '../../../packages/compiler/test/hostile';
import { diagnosticLine, table, terminalIo, terminalText } from './print';

describe('printing untrusted text', () => {
  it('escapes control characters, keeping line feeds only for the CLI’s own layout', () => {
    expect(terminalText('a\u001b[2Jb\r\n\u009bc\t')).toBe(
      'a\\u001b[2Jb\\u000d\\u000a\\u009bc\\u0009',
    );
    expect(terminalText('one\ntwo\t\u0007', true)).toBe('one\ntwo\t\\u0007');
    const lines: string[] = [];
    const io = terminalIo({
      out: (l) => lines.push(l),
      err: () => undefined,
      progress: () => undefined,
      cwd: '.',
    });
    io.out('usage\n  \u001b]0;title\u0007');
    expect(lines).toEqual(['usage\n  \\u001b]0;title\\u0007']);
  });

  it('a node name with a line break stays on its diagnostic’s line, in tables too', () => {
    const parsed = parseDesign(JSON.stringify(forgedNames()));
    if (!parsed.ok) throw new Error('forged design should parse');
    const c = compile(parsed.value);
    const odd = c.diagnostics.find((d) => d.code === 'ODD_POOL_INPUT');
    if (!odd) throw new Error('expected an ODD_POOL_INPUT warning');
    const line = diagnosticLine(odd, c);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(/^warning ODD_POOL_INPUT node p0 \(\\u001b\[31merror FAKE/);
    const rows = table(['name'], [[c.nodes['p0']?.name ?? '']]);
    // eslint-disable-next-line no-control-regex -- looking for raw control characters
    for (const row of rows) expect(row).not.toMatch(/[\n\r\u001b]/);
  });
});
