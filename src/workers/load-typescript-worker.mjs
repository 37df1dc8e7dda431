// Development and tests run TypeScript through tsx, and Node 20's worker threads inherit neither its
// loader nor an `--import` in their execArgv: this plain module registers tsx inside the worker, then
// loads the worker written in TypeScript. The compiled build (dist/) loads cpu-task-worker.js directly.
import { tsImport } from 'tsx/esm/api';

const worker = await tsImport('./cpu-task-worker.ts', import.meta.url);

export default worker.default;
