/**
 * Pattern matching for exporters: a matcher walks a design's chain and throws `PatternMismatch`
 * at the first node that does not fit; `runMatcher` turns that into an `ExportResult`, so the
 * exporters themselves never throw.
 */
import type { Design, DesignNode, NodeOf } from '../design/schema';
import { designChain, type ChainLink } from './designChain';
import type { ExportResult } from './result';

/** The first node (or null: the whole design) that breaks a format's pattern, and why. */
export class PatternMismatch extends Error {
  constructor(
    readonly nodeId: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'PatternMismatch';
  }
}

/**
 * Runs `matcher` over `design`'s chain; a `PatternMismatch` becomes a failed result.
 * @param format the format's name for messages.
 */
export function runMatcher<T>(
  design: Design,
  format: string,
  matcher: (chain: readonly ChainLink[]) => T,
): ExportResult<T> {
  const chain = designChain(design, format);
  if (!chain.ok) return chain;
  try {
    return { ok: true, value: matcher(chain.value) };
  } catch (error) {
    if (error instanceof PatternMismatch) {
      return { ok: false, issues: [{ nodeId: error.nodeId, message: error.message }] };
    }
    throw error;
  }
}

/**
 * Returns the chain link's node when it has `kind`, else throws a mismatch saying what the
 * format expected there.
 */
export function expectKind<K extends DesignNode['kind']>(
  link: ChainLink | undefined,
  kind: K,
  format: string,
  what: string,
): NodeOf<K> {
  if (!link) throw new PatternMismatch(null, `the design ends before ${what}`);
  if (link.node.kind !== kind) {
    throw new PatternMismatch(
      link.node.id,
      `a ${link.node.kind} node where ${format} expects ${what}`,
    );
  }
  return link.node as NodeOf<K>;
}
