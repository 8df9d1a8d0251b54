// The file piscina starts in each worker thread: worker threads do not inherit
// the TypeScript loader registered on the main thread, so this plain module
// registers it before loading the task.
import { register } from 'tsx/esm/api';

register();
const task = await import('./worker.ts');

export default task.default;
