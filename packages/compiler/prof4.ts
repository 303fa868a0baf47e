import { compile } from './src/compile';
import { generateDesign } from './bench/generateDesign';
const d = generateDesign(1000);
for (let i = 0; i < 60; i++) compile(d);
