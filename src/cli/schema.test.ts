import { describe, expect, it } from 'vitest';
import { CLI_JSON_SHAPES } from './cliJsonShapes.ts';
import { cliJsonSchema } from './schema.ts';

describe('tensormarket schema cli', () => {
  it('publishes every command’s shape and the error shape as JSON Schema', () => {
    const doc = cliJsonSchema() as {
      commands: Record<string, { type?: string; required?: string[]; properties?: Record<string, unknown> }>;
      error: { properties?: { error?: { required?: string[] } } };
    };
    expect(Object.keys(doc.commands).sort()).toEqual(Object.keys(CLI_JSON_SHAPES).sort());
    for (const [name, schema] of Object.entries(doc.commands))
      expect({ name, type: schema.type }).toEqual({ name, type: 'object' });
    expect(doc.commands['wallet transfer']?.required).toEqual(
      expect.arrayContaining(['id', 'block', 'from', 'dest', 'amount', 'balance']),
    );
    expect(doc.commands['wallet balance']?.properties?.total).toMatchObject({
      type: 'object',
      required: ['rao', 'tao'],
    });
    expect(doc.error.properties?.error?.required).toEqual(['code', 'field', 'message']);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
