// Verifier thread entry in plain JavaScript: it registers tsx in this thread (whether or not the parent
// runs under tsx, e.g. inside vitest), then loads the TypeScript task.
import { register } from 'tsx/esm/api';

register();
const task = await import('./verifierTask.ts');

export default task.default;
