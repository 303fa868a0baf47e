import { compile } from '@unet-studio/compiler';
import { chainFor, generateDesign } from './generateDesign';
const d = generateDesign(chainFor(500));
for (let i = 0; i < 2000; i++) compile({ ...d, model: { ...d.model } }, { batch: 1 });
