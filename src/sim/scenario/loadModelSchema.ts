/** Import the zod schema of a model's `model` section by module and export name. */
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { TensormarketError } from '../../engine/errors.ts';

/**
 * The schema exported as `exportName` by `module` (absolute path or file URL); throws
 * `MODEL_SCHEMA_NOT_FOUND` when it is missing or not a zod schema.
 * @example const schema = await loadModelSchema({ module: '/abs/params.ts', exportName: 'paramsSchema' })
 */
export async function loadModelSchema({
  module,
  exportName,
}: {
  module: string;
  exportName: string;
}): Promise<z.ZodType> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(module.startsWith('file:') ? module : pathToFileURL(module).href)) as Record<
      string,
      unknown
    >;
  } catch (cause) {
    throw new TensormarketError(
      'MODEL_SCHEMA_NOT_FOUND',
      `cannot import ${module}: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
  const schema = mod[exportName] as { safeParse?: unknown; _zod?: unknown } | undefined;
  if (schema === undefined || typeof schema.safeParse !== 'function' || schema._zod === undefined) {
    throw new TensormarketError(
      'MODEL_SCHEMA_NOT_FOUND',
      `${module} has no zod schema export "${exportName}"`,
    );
  }
  return schema as unknown as z.ZodType;
}
