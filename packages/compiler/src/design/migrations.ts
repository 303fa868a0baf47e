/**
 * Design migrations: an ordered list of steps, each upgrading a document from version `from` to
 * `from + 1`. `migrateDesign` runs them on raw JSON before schema validation.
 */
import { DESIGN_VERSION } from './schema';

/** A raw design document (JSON object). */
export type RawDocument = Record<string, unknown>;

/** One upgrade step: `up` turns a version-`from` document into a version-`from + 1` one. */
export interface Migration {
  readonly from: number;
  readonly up: (doc: RawDocument) => RawDocument;
}

/** The migrations of the design format, oldest first. Version 1 is the first format: none yet. */
export const MIGRATIONS: readonly Migration[] = [];

/** A migration problem, with the path of the field it concerns. */
export interface MigrationIssue {
  readonly path: string;
  readonly message: string;
}

/** The upgraded document, or why it could not be upgraded. */
export type MigrateResult =
  | { readonly ok: true; readonly value: RawDocument }
  | { readonly ok: false; readonly issues: readonly MigrationIssue[] };

const fail = (path: string, message: string): MigrateResult => ({
  ok: false,
  issues: [{ path, message }],
});

/**
 * Upgrades `doc` to version `target` by running `migrations` in order.
 * @example migrateDesign({ format: 'unet-studio/design', version: 1, model }) // ok, unchanged
 */
export function migrateDesign(
  doc: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = DESIGN_VERSION,
): MigrateResult {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return fail('', 'A design must be a JSON object with format, version and model.');
  }
  let current = doc as RawDocument;
  const version = current.version;
  if (version === undefined)
    return fail('version', `The design has no version: expected ${target}.`);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return fail(
      'version',
      `The version must be a whole number such as ${target}, not ${JSON.stringify(version)}.`,
    );
  }
  if (version > target) {
    return fail(
      'version',
      `This design is version ${version}, newer than this U-Net Studio reads (up to ${target}): update U-Net Studio.`,
    );
  }
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step)
      return fail(
        'version',
        `Version ${v} designs cannot be read: there is no upgrade from version ${v}.`,
      );
    try {
      current = { ...step.up(current), version: v + 1 };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return fail('', `Upgrading the design from version ${v} failed: ${why}`);
    }
  }
  return { ok: true, value: current };
}
