/**
 * Checks values against the generated JSON Schema files with Ajv (draft 2020-12), as an app would.
 * Strict, so a keyword Ajv does not know fails the test; formats are not checked (that needs
 * ajv-formats, and the zod schemas check dates themselves).
 */
import Ajv2020 from 'ajv/dist/2020.js';

type Schema = Record<string, unknown>;
const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });

/** `/contacts/0/name` as `$.contacts[0].name`. */
const jsonPath = (pointer: string) =>
  `$${pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join('')}`;

/** Every violation of `schema` by `value`, as `path: what` in Ajv's words; empty when it is valid. */
export function schemaViolations(value: unknown, schema: Schema): string[] {
  const id = typeof schema.$id === 'string' ? schema.$id : undefined;
  const validate = (id ? ajv.getSchema(id) : undefined) ?? ajv.compile(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${jsonPath(e.instancePath)}: ${e.message}`);
}
