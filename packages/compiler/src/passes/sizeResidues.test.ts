import { describe, expect, it } from 'vitest';
import { solveResidues } from './sizeResidues';

const c = (a: [number, number], b: [number, number], divisor: number) => ({ a, b, divisor });

describe('solveResidues', () => {
  it('solves a single divisibility', () => {
    expect(solveResidues([c([1, 1], [0, 1], 16)])).toEqual({ modulus: 16, residues: [0] });
    expect(solveResidues([])).toEqual({ modulus: 1, residues: [0] });
  });

  it('combines the paper’s pools into n ≡ 12 (mod 16)', () => {
    // numerators of the four valid pools: H−6, (H−16)/2, (H−36)/4, (H−76)/8, each divided by 2
    const pools = [
      c([1, 1], [-6, 1], 2),
      c([1, 2], [-8, 1], 2),
      c([1, 4], [-9, 1], 2),
      c([1, 8], [-19, 2], 2),
    ];
    expect(solveResidues(pools)).toEqual({ modulus: 16, residues: [12] });
  });

  it('keeps several residues when the constraints allow them, and finds contradictions', () => {
    // n/2 and n/3 exact → n ≡ 0 (mod 6)
    expect(solveResidues([c([1, 1], [0, 1], 2), c([1, 1], [0, 1], 3)])).toEqual({
      modulus: 6,
      residues: [0],
    });
    // (2n)/4 exact → n even; stated with its smallest period
    expect(solveResidues([c([2, 1], [0, 1], 4)])).toEqual({ modulus: 2, residues: [0] });
    // n/2 exact and (n+1)/2 exact cannot both hold
    expect(solveResidues([c([1, 1], [0, 1], 2), c([1, 1], [1, 1], 2)])?.residues).toEqual([]);
  });

  it('gives up on moduli beyond 2^30', () => {
    expect(solveResidues([c([1, 1], [0, 1], 2 ** 20), c([1, 1], [0, 1], 3 ** 12)])).toBeNull();
  });
});

describe('solveResidues on repeated levels', () => {
  it('solves many repeats of the same constraints like one copy of each', () => {
    const levels = [c([1, 1], [0, 1], 2), c([1, 2], [0, 1], 2), c([1, 4], [0, 1], 2)];
    const repeated = Array.from({ length: 300 }, () => levels).flat();
    expect(solveResidues(repeated)).toEqual(solveResidues(levels));
    expect(solveResidues(repeated)).toEqual({ modulus: 8, residues: [0] });
  });

  it('keeps constraints with large moduli apart', () => {
    // (n + 1) / 70001 and (n + 2) / 70001 cannot both be exact
    const big = [c([1, 1], [1, 1], 70001), c([1, 1], [2, 1], 70001)];
    expect(solveResidues(big)).toEqual({ modulus: 70001, residues: [] });
  });
});
