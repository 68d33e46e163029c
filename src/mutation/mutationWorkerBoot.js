// Starts the mutation worker from the TypeScript sources (under tsx or vitest): registers tsx in this thread first.
import { register } from 'tsx/esm/api';

register();
await import('./mutationWorker.ts');
