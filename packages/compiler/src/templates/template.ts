/**
 * The template contract: a named starting design the palette, the CLI (`template:<name>`) and
 * tests can build.
 */
import type { Design } from '../design/schema';

/** A built-in starting design. */
export interface Template {
  /** Stable identifier, used as `template:<name>` on the command line. */
  readonly name: string;
  /** Title for menus. */
  readonly title: string;
  /** The seed system it reproduces (`000`…`004`), or null for the small study designs. */
  readonly seed: string | null;
  /** One or two sentences for the template picker. */
  readonly description: string;
  /** Builds a fresh design (a new object every call). */
  build(): Design;
}
