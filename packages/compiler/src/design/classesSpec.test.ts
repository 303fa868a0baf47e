import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { designToModelManager } from '../formats/modelManager/fromDesign';
import { designToUNetParams } from '../formats/unetParams/fromDesign';
import { findTemplate } from '../templates/index';
import { classColors, classLabel, MAX_CLASS_NAME, zClassesSpec } from './classesSpec';
import { parseDesign } from './parseDesign';
import type { Design } from './schema';
import { serializeDesign } from './serializeDesign';

const fixture = readFileSync(
  new URL('../../fixtures/design-v1-no-augment.json', import.meta.url),
  'utf8',
);

const withClasses = (d: Design, classes: unknown): unknown => ({
  ...d,
  training: { ...d.training, classes },
});

function problems(classes: unknown): string[] {
  const parsed = parseDesign(JSON.stringify(withClasses(base(), classes)));
  return parsed.ok ? [] : parsed.issues.map((i) => `${i.path}: ${i.message}`);
}

function base(): Design {
  const parsed = parseDesign(fixture);
  if (!parsed.ok) throw new Error('fixture does not parse');
  return parsed.value;
}

describe('training.classes', () => {
  it('is absent from a design saved without it, and saving it again adds nothing', () => {
    const d = base();
    expect(d.training.classes).toBeUndefined();
    expect(serializeDesign(d)).not.toContain('"classes"');
    expect(classLabel(d.training.classes, 2)).toBe('class 2');
    expect(classColors(d.training.classes)).toBeNull();
  });

  it('keeps names and colours through save and open', () => {
    const classes = [
      { name: 'background', color: '#000000' },
      { name: 'road', color: '#FF0000' },
      { name: '', color: '#00ff00' },
    ];
    const again = parseDesign(serializeDesign(withClasses(base(), classes) as Design));
    expect(again.ok && again.value.training.classes).toEqual(classes);
    if (!again.ok) return;
    expect(classLabel(again.value.training.classes, 1)).toBe('road');
    expect(classLabel(again.value.training.classes, 2)).toBe('class 2');
    expect(classColors(again.value.training.classes)).toEqual([0, 0xff0000, 0x00ff00]);
    expect(classColors([{ name: 'a', color: '#000000' }, { name: 'b' }])).toBeNull();
  });

  it('refuses control characters, long names, bad and repeated colours, naming the field', () => {
    expect(problems([{ name: 'ro\u001b[31mad' }])).toEqual([
      'training.classes[0].name: a class name may not hold control characters',
    ]);
    expect(problems([{ name: 'a' }, { name: 'line\nbreak' }])[0]).toMatch(
      /^training\.classes\[1\]\.name: .*control characters/,
    );
    expect(problems([{ name: 'x'.repeat(MAX_CLASS_NAME + 1) }])).toEqual([
      `training.classes[0].name: a class name holds at most ${MAX_CLASS_NAME} characters`,
    ]);
    expect(problems([{ name: 'a', color: 'red' }])).toEqual([
      'training.classes[0].color: a class colour is an RGB code #rrggbb',
    ]);
    expect(
      problems([
        { name: 'a', color: '#ff0000' },
        { name: 'b', color: '#FF0000' },
      ]),
    ).toEqual(["training.classes[1].color: colour #ff0000 is already class 0's"]);
    expect(problems([{ name: 'x'.repeat(MAX_CLASS_NAME) }, { name: 'ünïcode 路' }])).toEqual([]);
    expect(zClassesSpec.safeParse(Array.from({ length: 257 }, () => ({ name: '' }))).success).toBe(
      false,
    );
  });

  it('leaves the ModelManager and heliaEDGE exports of imported designs unchanged', () => {
    for (const [name, exporter] of [
      ['modelmanager-unet', designToModelManager],
      ['heliaedge-1d', designToUNetParams],
    ] as const) {
      const d = findTemplate(name)!.build();
      const named = withClasses(d, [{ name: 'background' }, { name: 'heart', color: '#ff0000' }]);
      expect(JSON.stringify(exporter(named as Design))).toBe(JSON.stringify(exporter(d)));
    }
  });
});
