/**
 * Hostile inputs for `pnpm fuzz`: seed documents (the templates, the fixtures, the red-team list)
 * and mutators that push them towards what broke the importers and the compiler before: extreme
 * numbers, long chains, deep nesting, many keys, floods of blank lines or tags, random damage.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { serializeDesign } from '../src/design/serializeDesign';
import { TEMPLATES } from '../src/templates/index';
import {
  blankLinesAfterCreateModel,
  deeplyNestedJson,
  deepUnet,
  forgedNames,
  manyUnknownKeys,
  stridedPools,
} from '../test/hostile';

/** A seeded pseudo-random source (mulberry32), so a run can be repeated with `--seed`. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Rand, items: readonly T[]): T => items[int(r, items.length)] as T;

const EXTREMES = [
  0,
  -1,
  1.5,
  1023,
  1024,
  1025,
  65_537,
  2 ** 20,
  2 ** 31,
  2 ** 52,
  2 ** 53 + 2,
  1e300,
  -1e300,
];
const KEYWORDS = [
  'in_channels',
  'out_channels',
  'features',
  'bilinear',
  'constructor',
  'toString',
  '__proto__',
  'hasOwnProperty',
];

/** Every file under `dir`, as text. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(readFileSync(path, 'utf8'));
  }
  return out;
}

/** The seed documents: every template, every fixture, and small red-team designs. */
export function seeds(fixtures: string): string[] {
  return [
    ...TEMPLATES.map((t) => serializeDesign(t.build())),
    ...filesUnder(fixtures),
    JSON.stringify(stridedPools(3, 2)),
    JSON.stringify(deepUnet(3)),
    JSON.stringify(forgedNames()),
    "unet = create_model('unet', 3, 1, [64, 128, 256, 512])\n",
  ];
}

/** Every number in a parsed JSON value, as [holder, key] pairs. */
function numberSlots(value: unknown, out: [Record<string, unknown>, string][] = []): typeof out {
  if (value === null || typeof value !== 'object') return out;
  const holder = value as Record<string, unknown>;
  for (const [k, v] of Object.entries(holder)) {
    if (typeof v === 'number') out.push([holder, k]);
    else numberSlots(v, out);
  }
  return out;
}

/** Arrays in a parsed JSON value. */
function arrays(value: unknown, out: unknown[][] = []): unknown[][] {
  if (Array.isArray(value)) {
    out.push(value);
    for (const v of value) arrays(v, out);
  } else if (value && typeof value === 'object')
    for (const v of Object.values(value)) arrays(v, out);
  return out;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** One mutator: a name (reported with the slowest input) and how it changes a seed. */
export interface Mutator {
  readonly name: string;
  readonly apply: (seed: string, r: Rand) => string;
}

/** The mutators, each drawn with equal chance. */
export const MUTATORS: readonly Mutator[] = [
  { name: 'seed', apply: (s) => s },
  {
    name: 'extreme-numbers',
    apply: (s, r) => {
      const doc = tryJson(s);
      const slots = numberSlots(doc);
      for (let k = 0; k < 1 + int(r, 4) && slots.length > 0; k++) {
        const [holder, key] = pick(r, slots);
        holder[key] = pick(r, EXTREMES);
      }
      return doc === undefined ? s : JSON.stringify(doc);
    },
  },
  {
    name: 'repeat-array',
    apply: (s, r) => {
      const doc = tryJson(s);
      const all = arrays(doc).filter((a) => a.length > 0);
      if (all.length === 0) return s;
      const a = pick(r, all);
      const copies = pick(r, [10, 100, 1000, 5000]);
      const items = a.slice();
      for (let k = 0; k < copies && a.length < 200_000; k++) a.push(...items);
      return JSON.stringify(doc);
    },
  },
  {
    name: 'strided-pools',
    apply: (_, r) =>
      JSON.stringify(
        stridedPools(
          1 + int(r, 1500),
          pick(r, [1, 2, 3, 2 ** 52, 1e300]),
          pick(r, [null, 64, 1e9]),
        ),
      ),
  },
  {
    name: 'deep-unet',
    apply: (_, r) => JSON.stringify(deepUnet(1 + int(r, 1600), pick(r, [null, 572]))),
  },
  { name: 'deep-nesting', apply: (_, r) => deeplyNestedJson(pick(r, [63, 64, 65, 1000, 100_000])) },
  { name: 'many-keys', apply: (_, r) => manyUnknownKeys(pick(r, [10, 50_000, 100_001, 300_000])) },
  {
    name: 'blank-lines',
    apply: (_, r) => blankLinesAfterCreateModel(pick(r, [10, 100_000, 1_000_000])),
  },
  {
    name: 'yaml',
    apply: (s, r) => {
      const doc = tryJson(s);
      const text = doc === undefined ? s : stringify({ model: { name: 'unet', parameters: doc } });
      return r() < 0.5 ? text : `${'['.repeat(int(r, 3000))}${text}`;
    },
  },
  {
    name: 'python',
    apply: (_, r) => {
      const args = Array.from(
        { length: int(r, 6) },
        () =>
          `${pick(r, KEYWORDS)}=${pick(r, ['3', '[8, 16]', 'True', "'x'", String(pick(r, EXTREMES)), '['.repeat(int(r, 10))])}`,
      );
      return `m = create_model('unet', ${args.join(', ')})${r() < 0.3 ? ' '.repeat(int(r, 200_000)) : ''}`;
    },
  },
  {
    name: 'svg',
    apply: (s, r) => {
      const payload = Buffer.from(s, 'utf8').toString('base64');
      const id = 'id="unet-studio-design"';
      return pick(r, [
        `<svg><metadata ${id}>${payload}</metadata></svg>`,
        `<svg><metadata ${id}>${payload}`,
        `<svg><metadata ${`${id} `.repeat(int(r, 60_000))}`,
        `<svg>${'<metadata '.repeat(int(r, 300_000))}`,
        `<svg>${`<metadata ${id} x>`.repeat(int(r, 20_000))}`,
      ]);
    },
  },
  {
    name: 'damage',
    apply: (s, r) => {
      const chars = s.split('');
      for (let k = 0; k < 1 + int(r, 8); k++)
        chars[int(r, chars.length)] = pick(r, [
          '{',
          '[',
          '"',
          ':',
          ',',
          '\n',
          '\u001b',
          '(',
          '9',
          '-',
          '',
        ]);
      return r() < 0.3 ? chars.join('').slice(0, int(r, s.length)) : chars.join('');
    },
  },
];

/** One generated case: the input text and the mutator that made it. */
export function generate(seedTexts: readonly string[], r: Rand): { text: string; mutator: string } {
  const mutator = pick(r, MUTATORS);
  return { text: mutator.apply(pick(r, seedTexts), r), mutator: mutator.name };
}
