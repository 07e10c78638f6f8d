/**
 * Where a model lives: a module and the name of its export. Worker threads cannot receive functions,
 * so every backend (the main thread included, for identical behaviour) imports the model from here.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TensormarketError } from '../../engine/errors.ts';
import type { Model } from '../contract/types.ts';
import { PROJECT_ROOT } from './manifest.ts';

/** A model's module (absolute path or file URL) and export name. */
export interface ModelRef {
  readonly module: string;
  readonly exportName: string;
}

/**
 * A reference as a manifest records it: `path#export`, the path relative to the package root when inside it.
 * @example modelRefText({ module: join(PROJECT_ROOT, 'src/sim/model/index.ts'), exportName: 'bittensorModel' }) // 'src/sim/model/index.ts#bittensorModel'
 */
export function modelRefText(ref: ModelRef): string {
  const rel = relative(PROJECT_ROOT, ref.module);
  const path =
    ref.module.startsWith('file:') || rel.startsWith('..') ? ref.module : rel.split('\\').join('/');
  return `${path}#${ref.exportName}`;
}

/**
 * A reference from `path#export` (the path relative to `base`, default the working directory).
 * @example parseModelRef('src/sim/model/index.ts#bittensorModel')
 */
export function parseModelRef(text: string, base = process.cwd()): ModelRef {
  const hash = text.lastIndexOf('#');
  const path = hash < 0 ? text : text.slice(0, hash);
  const exportName = hash < 0 ? 'default' : text.slice(hash + 1);
  return { module: path.startsWith('file:') || isAbsolute(path) ? path : resolve(base, path), exportName };
}

const toUrl = (module: string) => (module.startsWith('file:') ? module : pathToFileURL(module).href);

function looksLikeModel(value: unknown): value is Model<unknown> {
  const m = value as Partial<Model<unknown>> | null;
  return (
    m !== null &&
    typeof m === 'object' &&
    typeof m.name === 'string' &&
    typeof (m.schema as { safeParse?: unknown } | undefined)?.safeParse === 'function' &&
    typeof m.shape === 'function' &&
    typeof m.run === 'function' &&
    typeof m.describe === 'function' &&
    typeof m.headline === 'function'
  );
}

/**
 * Import the model a reference names; throws `MODEL_NOT_FOUND` when the module or export is missing
 * or is not a model (name, schema, shape, run, describe, headline).
 * @example const model = await loadModel({ module: '/abs/model.ts', exportName: 'myModel' })
 */
export async function loadModel(ref: ModelRef): Promise<Model<unknown>> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(toUrl(ref.module))) as Record<string, unknown>;
  } catch (cause) {
    throw new TensormarketError(
      'MODEL_NOT_FOUND',
      `cannot import the model module ${ref.module}: ${(cause as Error).message}`,
      { cause },
    );
  }
  const model = mod[ref.exportName];
  if (!looksLikeModel(model)) {
    throw new TensormarketError(
      'MODEL_NOT_FOUND',
      `${ref.module} has no model export "${ref.exportName}" (an object with name, schema, shape, run, describe and headline)`,
    );
  }
  return model;
}
