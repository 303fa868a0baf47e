import { PARAM_SCHEMAS, zConvParams } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { fieldText, getAt, parseFieldText, setAt } from './fieldText';
import { fieldsOf, type Field } from './schemaForm';

function field(fields: readonly Field[], path: string): Field {
  const parts = path.split('.');
  let list = fields;
  let found: Field | undefined;
  for (const p of parts) {
    found = list.find((f) => f.path[f.path.length - 1] === p);
    if (found?.kind === 'group') list = found.fields;
  }
  if (!found) throw new Error(`no field ${path}`);
  return found;
}

describe('inspector forms from zod schemas', () => {
  it('derives a field for every conv parameter, with the right widget', () => {
    const fields = fieldsOf(zConvParams);
    expect(fields.map((f) => f.path.join('.'))).toEqual(Object.keys(zConvParams.shape));
    expect(field(fields, 'filters')).toMatchObject({
      kind: 'number',
      integer: true,
      exclusiveMin: 0,
    });
    expect(field(fields, 'kernel')).toMatchObject({ kind: 'spatial', nullable: false });
    expect(field(fields, 'padding')).toMatchObject({ kind: 'enum', options: ['same', 'valid'] });
    expect(field(fields, 'separable')).toMatchObject({ kind: 'boolean' });
    expect(field(fields, 'norm.groups')).toMatchObject({ kind: 'number', nullable: true });
    expect(field(fields, 'depth')).toMatchObject({ min: 1, max: 16 });
  });

  it('covers every node kind', () => {
    for (const [kind, schema] of Object.entries(PARAM_SCHEMAS)) {
      const fields = fieldsOf(schema);
      expect(fields.length, kind).toBe(Object.keys(schema.shape).length);
    }
    expect(field(fieldsOf(PARAM_SCHEMAS.input), 'dims')).toMatchObject({
      kind: 'enum',
      options: [1, 2],
    });
    expect(field(fieldsOf(PARAM_SCHEMAS.input), 'size')).toMatchObject({ kind: 'sizes' });
  });

  it('parses what a user types and explains what it cannot', () => {
    const f = fieldsOf(zConvParams);
    expect(parseFieldText(field(f, 'kernel'), '3')).toEqual({ ok: true, value: 3 });
    expect(parseFieldText(field(f, 'kernel'), '1, 5')).toEqual({ ok: true, value: [1, 5] });
    expect(parseFieldText(field(f, 'kernel'), 'three')).toMatchObject({ ok: false });
    expect(parseFieldText(field(f, 'filters'), '6.5')).toEqual({
      ok: false,
      message: 'enter a whole number',
    });
    expect(parseFieldText(field(f, 'norm.groups'), '')).toEqual({ ok: true, value: null });
    const size = field(fieldsOf(PARAM_SCHEMAS.input), 'size');
    expect(parseFieldText(size, '572 × 572')).toEqual({ ok: true, value: [572, 572] });
    expect(parseFieldText(size, '?, 64')).toEqual({ ok: true, value: [null, 64] });
    expect(fieldText(size, [null, 64])).toBe('?, 64');
  });

  it('reads and writes nested paths without mutating', () => {
    const params = zConvParams.parse({});
    const next = setAt(params, ['norm', 'type'], 'group');
    expect(getAt(next, ['norm', 'type'])).toBe('group');
    expect(params.norm.type).toBe('batch');
    expect(zConvParams.safeParse(next).success).toBe(true);
  });
});
