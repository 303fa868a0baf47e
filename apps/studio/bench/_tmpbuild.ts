import { buildForProfile } from '/work/main/apps/studio/bench/serve';
await buildForProfile(process.argv[2]!);
