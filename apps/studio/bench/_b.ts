import { buildApp } from './builds';
await buildApp({ outDir: '.bench-out/builds/instr', withoutTraining: true });
