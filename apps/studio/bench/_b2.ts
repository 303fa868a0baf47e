import { buildApp } from './builds';
await buildApp({ outDir: process.argv[2]!, withoutTraining: process.argv[3] === 'nt', profile: true });
