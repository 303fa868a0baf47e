/**
 * What the template gallery says about each template, in plain words: a title, what it is and
 * when to use it, and the figures a newcomer compares (parameter count, input size), derived
 * from the template's design rather than written down.
 */
import type { Design, Template } from '@unet-studio/compiler';
import { formatCount } from '../flow/formatShape';
import { compiledFor } from '../state/compiledCache';

/** A gallery card's words. */
export interface CardText {
  readonly title: string;
  /** What it is and when to use it, in one or two plain sentences. */
  readonly blurb: string;
}

const TEXTS: Readonly<Record<string, CardText>> = {
  'modelmanager-unet': {
    title: 'Standard U-Net',
    blurb:
      'Five levels from 64 to 1024 features with batch norm and smooth upsampling. A solid default for segmenting photos.',
  },
  'heliaedge-1d': {
    title: '1D signal U-Net (ECG)',
    blurb:
      'Labels every sample of a heart-rate trace with one of 4 classes. Use it for time series, not images.',
  },
  'basic-pytorch-unet': {
    title: 'Classic U-Net',
    blurb:
      'The textbook network with learned upsampling that fits any input size. Good for learning how U-Nets work.',
  },
  carvana: {
    title: 'Car masks (Carvana)',
    blurb:
      'Cuts a car out of its background in 160×240 photos. An example of a full training recipe for one object.',
  },
  'original-unet': {
    title: 'Original U-Net (2015)',
    blurb:
      'The network of the paper that introduced U-Nets, for cell images: unpadded convolutions, so the output is smaller than the input.',
  },
  'milesial-unet': {
    title: 'Popular PyTorch U-Net',
    blurb:
      'The widely used PyTorch U-Net with smooth (bilinear) upsampling and 17 M parameters. A strong baseline for segmenting photos.',
  },
  small: {
    title: 'Small U-Net',
    blurb:
      'Four levels on 64×64 images that train in a few minutes in the browser. Start here to try training.',
  },
  tiny: {
    title: 'Tiny U-Net',
    blurb:
      'Three levels on 32×32 images that train in seconds. For quick experiments and checking a setup.',
  },
};

/** The card text of `template`: its plain-language text, or its own title and description. */
export function cardText(template: Template): CardText {
  return TEXTS[template.name] ?? { title: template.title, blurb: template.description };
}

/** The figures of a template's design: parameter count and input size, as shown on its card. */
export function cardFacts(design: Design): { params: string; input: string } {
  const t = compiledFor(design, 1).totals;
  const total = t.trainable + t.nonTrainable;
  const input = design.model.nodes.find((n) => n.kind === 'input');
  let inputText = '';
  if (input?.kind === 'input') {
    const { channels, size } = input.params;
    const sizes = size.map((s) => s ?? 'any');
    inputText =
      size.length === 1
        ? `${sizes[0]} samples × ${channels} ch`
        : `${sizes.join(' × ')} × ${channels} ch`;
  }
  return { params: Number.isFinite(total) ? `${formatCount(total)} params` : '', input: inputText };
}
