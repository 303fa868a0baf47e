/**
 * Results come back: a run's PyTorch package with its trained weights (`weights.pt`, the state
 * dict of the last checkpoint) as a zip, and the same weights as a state bundle the studio turns
 * into its own TensorFlow.js model (`@unet-studio/runtime`'s `readStateBundle`).
 */
import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { STATE_BUNDLE_PY } from '@unet-studio/runtime';
import { PACKAGE_DIR } from './runPackage';
import { lastCheckpoint } from './runStore';

const STATE_DICT = `
import sys, torch
checkpoint = torch.load(sys.argv[1], map_location="cpu")
torch.save(checkpoint["model"], sys.argv[2])
`;

/**
 * Runs a short Python script; resolves with its exit code and standard error.
 */
export function runScript(
  python: string,
  args: readonly string[],
  cwd: string,
  timeoutMs = 300_000,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(python, [...args], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: timeoutMs,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 65_536) stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => resolve({ code: 127, stderr: error.message }));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/**
 * Writes `weights.pt` (the last checkpoint's state dict) into the run folder.
 *
 * @returns its path, or a message when the run has no checkpoint or the conversion fails.
 */
export async function writeStateDict(
  python: string,
  runDir: string,
): Promise<{ ok: true; path: string } | { ok: false; message: string }> {
  const checkpoint = await lastCheckpoint(runDir);
  if (checkpoint === null) return { ok: false, message: 'the run has no checkpoint yet' };
  const out = join(runDir, 'weights.pt');
  const run = await runScript(python, ['-c', STATE_DICT, checkpoint, out], runDir);
  if (run.code !== 0)
    return {
      ok: false,
      message: `reading the checkpoint failed: ${run.stderr.trim().split('\n').pop() ?? ''}`,
    };
  return { ok: true, path: out };
}

/**
 * The zip of the run's package (model.py, train.py, README.md, design.json) and, when it has
 * trained, weights.pt.
 */
export async function packageZip(python: string | null, runDir: string): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const name of await readdir(join(runDir, PACKAGE_DIR))) {
    if (/\.(py|md)$/.test(name)) files[name] = await readFile(join(runDir, PACKAGE_DIR, name));
  }
  files['design.json'] = await readFile(join(runDir, 'design.json'));
  if (python !== null) {
    const weights = await writeStateDict(python, runDir);
    if (weights.ok) files['weights.pt'] = await readFile(weights.path);
  }
  return zipSync(files, { level: 0 });
}

/**
 * The last checkpoint's weights as a state bundle (see `STATE_BUNDLE_PY`).
 *
 * @returns the bytes, or a message when the run has no checkpoint or it cannot be read.
 */
export async function weightsBundle(
  python: string,
  runDir: string,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }> {
  const checkpoint = await lastCheckpoint(runDir);
  if (checkpoint === null) return { ok: false, message: 'the run has no checkpoint yet' };
  const out = join(runDir, 'weights.bundle');
  const run = await runScript(python, ['-c', STATE_BUNDLE_PY, checkpoint, out], runDir);
  if (run.code !== 0) {
    return {
      ok: false,
      message: `reading the checkpoint failed: ${run.stderr.trim().split('\n').pop() ?? ''}`,
    };
  }
  return { ok: true, bytes: await readFile(out) };
}
