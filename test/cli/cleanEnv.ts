import { delimiter, dirname } from 'node:path';

/**
 * The environment for a command run as a user would run it in their own project: none of the npm_* variables of
 * the `npm test` that runs the suite (npm would act on this checkout), no vitest or NODE_OPTIONS settings, `node`
 * first on PATH (`node` itself, or another one).
 */
export function cleanEnv(node: string = process.execPath): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== 'INIT_CWD' && k !== 'NODE_OPTIONS' && !k.startsWith('VITEST')) env[k] = v;
  return { ...env, PATH: `${dirname(node)}${delimiter}${process.env['PATH'] ?? ''}`, CI: '1', NO_COLOR: '1' };
}
