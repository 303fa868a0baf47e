/**
 * Data-parallel training in Node: worker-thread replicas that share each batch's gradient work.
 */
export { trainParallel, MAX_WORKERS, type ParallelTrainOptions } from './trainParallel';
export { poolGradients, startReplicasFor } from './poolGradients';
export { startReplicas, type ReplicaPool, type ReadyReply } from './replicaPool';
export { averageGradients, type ReplicaGradients } from './averageGradients';
export { splitBatch } from './shards';
export type { ReplicaSetup, ShardGradients } from './protocol';
