/**
 * Gives UTIF its inflater in the browser. utif2 takes pako from `require` when there is one (Node)
 * and from `self.pako` otherwise, once, when it is first evaluated; a bundled browser worker has
 * no `require`, so without this Deflate-compressed TIFFs could not be read there. Imported before
 * utif2.
 */
import pako from 'pako';

const scope = globalThis as { pako?: unknown };
scope.pako ??= pako;
