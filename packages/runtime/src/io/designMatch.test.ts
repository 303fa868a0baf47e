import * as tf from '@tensorflow/tfjs';
import { TEMPLATES, compile } from '@unet-studio/compiler';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../build/buildModel';
import { topologyDifference } from './designMatch';
import { saveToMemory } from './memory';
import { loadModel } from './saveLoad';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

interface LayerJson {
  class_name: string;
  name: string;
  config: Record<string, unknown>;
}

async function tinyArtifacts(): Promise<tf.io.ModelArtifacts> {
  const design = TEMPLATES.find((t) => t.name === 'tiny')!.build();
  const model = buildModel(compile(design), { seed: 1 });
  const artifacts = await saveToMemory(model);
  model.dispose();
  return artifacts;
}

function layersOf(artifacts: tf.io.ModelArtifacts): LayerJson[] {
  return (artifacts.modelTopology as { config: { layers: LayerJson[] } }).config.layers;
}

describe('loadModel checks the topology against the embedded design', () => {
  it('loads a model whose topology is its design’s network', async () => {
    const artifacts = await tinyArtifacts();
    const loaded = await loadModel(tf.io.fromMemory(artifacts));
    expect(loaded.design.name).toBe(TEMPLATES.find((t) => t.name === 'tiny')!.build().name);
    loaded.model.dispose();
  });

  it('refuses a model whose layer config was changed, naming the layer and the field', async () => {
    const artifacts = await tinyArtifacts();
    const conv = layersOf(artifacts).find((l) => l.class_name === 'Conv2D')!;
    conv.config.activation = 'sigmoid';
    const before = tf.memory().numTensors;
    await expect(loadModel(tf.io.fromMemory(artifacts))).rejects.toThrow(
      new RegExp(
        `is not the network of its embedded design: layer \\d+ "${conv.name}": activation is "sigmoid" in the file, "\\w+" in the design`,
      ),
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names a layer the design does not build, and a different layer count', async () => {
    const artifacts = await tinyArtifacts();
    const layers = layersOf(artifacts);
    expect(await topologyDifference(artifacts.modelTopology, design(artifacts))).toBeNull();
    const dropped = { ...artifacts.modelTopology, config: { layers: layers.slice(0, -1) } };
    expect(await topologyDifference(dropped, design(artifacts))).toBe(
      `the file has ${layers.length - 1} layers, the design builds ${layers.length}`,
    );
  });
});

function design(artifacts: tf.io.ModelArtifacts) {
  return (
    artifacts.userDefinedMetadata as {
      unetStudio: { design: Parameters<typeof topologyDifference>[1] };
    }
  ).unetStudio.design;
}
