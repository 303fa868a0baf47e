/**
 * train.py: trains the exported model with the design's training settings, on one process or on
 * many through `torchrun` (DistributedDataParallel). Standard library and torch only; Pillow is
 * needed only to read image folders.
 */
import type { CompiledDesign } from '../../compiled';
import { pyComment, pyNum, pyStr } from './pyLiteral';
import { augmentConstant, TRAIN_AUGMENT } from './trainPyAugment';
import { TRAIN_DATA } from './trainPyData';
import { TRAIN_LOOP } from './trainPyLoop';
import { TRAIN_LOSS } from './trainPyLoss';
import { TRAIN_REPORT } from './trainPyReport';

/**
 * The text of train.py for a compiled design. The design's training settings become the
 * command line's defaults.
 */
export function trainPy(compiled: CompiledDesign): string {
  const t = compiled.design.training;
  return [
    `# ${pyComment(compiled.design.name)}: training script exported by U-Net Studio.`,
    '#',
    '#   python3 train.py --synthetic 64                    generated shapes, no data needed',
    '#   python3 train.py --data DIR                         an image/mask folder (see README.md)',
    '#   torchrun --nproc_per_node=N train.py --data DIR     DistributedDataParallel on N GPUs',
    '#',
    '# Under torchrun each process takes one GPU (NCCL), or one CPU process each (gloo) without',
    '# CUDA or with --cpu. --batch-size is per process. Rank 0 writes <out>/last.pt every epoch',
    '# and prints one JSON line of metrics; --resume <out>/last.pt continues from there.',
    '# --progress adds a JSON line per batch; --previews DIR writes preview masks each epoch.',
    'import argparse',
    'import json',
    'import math',
    'import os',
    'import re',
    'import sys',
    'import time',
    '',
    'import torch',
    'import torch.distributed as dist',
    'import torch.nn.functional as F',
    'from torch import nn',
    'from torch.nn.parallel import DistributedDataParallel',
    'from torch.utils.data import DataLoader, Dataset, DistributedSampler, Subset',
    '',
    'from model import (DESIGN_NAME, HAS_UNUSED_MODULES, NUM_CLASSES, OUTPUT_ACTIVATION, build_model,',
    '                   resolve_input_shape)',
    '',
    "# The design's training settings: the defaults of the command line options.",
    `LOSS = ${pyStr(t.loss)}`,
    `OPTIMIZER = ${pyStr(t.optimizer)}`,
    `LEARNING_RATE = ${pyNum(t.learningRate)}`,
    `BATCH_SIZE = ${pyNum(t.batchSize)}`,
    `EPOCHS = ${pyNum(t.epochs)}`,
    `THRESHOLD = ${pyNum(t.threshold)}`,
    '# Augmentation families: (on, strength); --augment changes them.',
    augmentConstant(t.augment),
    TRAIN_DATA,
    TRAIN_LOSS,
    TRAIN_AUGMENT,
    TRAIN_REPORT,
    TRAIN_LOOP,
  ].join('\n');
}
