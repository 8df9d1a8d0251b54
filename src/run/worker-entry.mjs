// The file a worker thread starts from when stratlens runs from its
// TypeScript sources: worker threads do not inherit the TypeScript loader
// registered on the main thread, so this plain module registers it before
// loading the thread's module: the map's task (piscina's workers), or the
// module named in workerData.stratlensModule (the reduce's writer thread).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const task = await import(workerData?.stratlensModule ?? './worker.ts');

export default task.default;
