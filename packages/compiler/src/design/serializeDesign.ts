/**
 * `serializeDesign`: stable, pretty JSON with keys in schema order, so saving twice gives the same
 * bytes and design → JSON → design is the identity.
 */
import { formatPath } from './parseDesign';
import { zDesign, type Design } from './schema';

/**
 * Serialises a design (2-space indent, trailing newline). Throws when `design` does not satisfy
 * the schema, which only happens when code built it wrongly.
 * @example serializeDesign(design).startsWith('{\n  "format": "unet-studio/design"') // true
 */
export function serializeDesign(design: Design): string {
  // Re-parsing rebuilds every object in schema key order, whatever order the edits left.
  const parsed = zDesign.safeParse(design);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(
      `Cannot save an invalid design: ${first ? `${formatPath(first.path)}: ${first.message}` : 'unknown problem'}`,
    );
  }
  return `${JSON.stringify(parsed.data, null, 2)}\n`;
}
