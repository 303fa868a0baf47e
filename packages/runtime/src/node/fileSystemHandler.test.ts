import { mkdtemp, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../build/buildModel';
import { chain, mk, shape } from '../build/testOps';
import { loadModel, saveModel } from '../io/saveLoad';
import { loadModelFromDir, registerFileSystemRouter, saveModelToDir } from './fileSystemHandler';

let root = '';

beforeAll(async () => {
  await tf.setBackend('cpu');
  root = await mkdtemp(join(tmpdir(), 'unet-runtime-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function smallModel(): tf.LayersModel {
  const x = shape(2, 6, 6);
  return buildModel(
    chain(x, (f) => [
      mk.conv('c/conv', f, shape(4, 6, 6), 2, { dilation: [2, 2] }),
      mk.norm('c/gn', 'c/conv', shape(4, 6, 6), { norm: 'group', groups: 2 }),
      mk.upsample('u/up', 'c/gn', shape(4, 12, 12), { mode: 'bilinear' }),
    ]),
    { seed: 2 },
  );
}

function maxDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!;
}

describe('model directories', () => {
  it('writes model.json and weights.bin, with the design inside model.json', async () => {
    const dir = join(root, 'written');
    await saveModelToDir(smallModel(), dir);
    expect((await readdir(dir)).sort()).toEqual(['model.json', 'weights.bin']);
    const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as {
      weightsManifest: { paths: string[] }[];
      userDefinedMetadata: { unetStudio: { design: { name: string } } };
    };
    expect(json.weightsManifest[0]?.paths).toEqual(['./weights.bin']);
    expect(json.userDefinedMetadata.unetStudio.design.name).toBe('ops under test');
  });

  it('loads back a model that predicts identically, with its design', async () => {
    const dir = join(root, 'roundtrip');
    const model = smallModel();
    await saveModelToDir(model, dir);
    const loaded = await loadModelFromDir(dir, { verifyDesign: false });
    const x = tf.randomNormal([2, 6, 6, 2], 0, 1, 'float32', 1);
    expect(maxDiff(model.predict(x) as tf.Tensor, loaded.model.predict(x) as tf.Tensor)).toBe(0);
    expect(loaded.opLayerNames['c/gn']).toBe('c__gn');
  });

  it('serves file:// URLs once the router is registered', async () => {
    registerFileSystemRouter();
    const url = pathToFileURL(join(root, 'via-url')).href;
    const model = smallModel();
    await saveModel(model, url);
    const loaded = await loadModel(url, { verifyDesign: false });
    const x = tf.randomNormal([1, 6, 6, 2], 0, 1, 'float32', 2);
    expect(maxDiff(model.predict(x) as tf.Tensor, loaded.model.predict(x) as tf.Tensor)).toBe(0);
  });
});

describe('reading hostile model directories', () => {
  async function savedCopy(name: string): Promise<string> {
    const dir = join(root, name);
    await saveModelToDir(smallModel(), dir);
    return dir;
  }

  it('names a missing directory', async () => {
    await expect(loadModelFromDir(join(root, 'absent'))).rejects.toThrow(
      /cannot read .*absent.*model\.json/,
    );
  });

  it('names a model.json that is not JSON or not a layers model', async () => {
    const dir = await savedCopy('not-json');
    await writeFile(join(dir, 'model.json'), '{"modelTopology": ');
    await expect(loadModelFromDir(dir)).rejects.toThrow(/model\.json is not valid JSON/);
    await writeFile(join(dir, 'model.json'), '{"weightsManifest": []}');
    await expect(loadModelFromDir(dir)).rejects.toThrow(/has no "modelTopology" object/);
  });

  it('refuses weight paths that leave the directory', async () => {
    const dir = await savedCopy('escape');
    const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as {
      weightsManifest: { paths: string[] }[];
    };
    json.weightsManifest[0]!.paths = ['../../etc/passwd'];
    await writeFile(join(dir, 'model.json'), JSON.stringify(json));
    await expect(loadModelFromDir(dir)).rejects.toThrow(/points outside the model directory/);
  });

  it('names a truncated weights file', async () => {
    const dir = await savedCopy('truncated');
    await truncate(join(dir, 'weights.bin'), 10);
    await expect(loadModelFromDir(dir)).rejects.toThrow(
      /the weight files hold 10 bytes but the manifest describes \d+/,
    );
  });

  it('names a weight with a bad shape', async () => {
    const dir = await savedCopy('bad-shape');
    const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as {
      weightsManifest: { weights: { shape: unknown }[] }[];
    };
    json.weightsManifest[0]!.weights[0]!.shape = [3, -1];
    await writeFile(join(dir, 'model.json'), JSON.stringify(json));
    await expect(loadModelFromDir(dir)).rejects.toThrow(/has a bad shape \[3,-1\]/);
  });
});
