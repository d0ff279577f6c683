/**
 * Request validation. Bodies are checked strictly: unknown fields and wrong types are errors that
 * name the field, never silently dropped or coerced. Query strings and path parameters arrive as text,
 * so only they are coerced to the declared types.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldError } from '../errors.js';

// ajv-formats ships as CommonJS with a default export; unwrap it under both module systems.
const addFormats = ((addFormatsPlugin as unknown as { default?: unknown }).default ?? addFormatsPlugin) as (
  ajv: Ajv,
) => Ajv;

function makeAjv(coerceTypes: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: coerceTypes ? 'array' : false,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

const strict = makeAjv(false);
const coercing = makeAjv(true);

/** A strict (non-coercing) validator for data that is not a request part, e.g. each event of a batch. */
export const compileStrict = (schema: object): ValidateFunction => strict.compile(schema);

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strict : coercing;
  const validate: ValidateFunction = ajv.compile(schema);
  return validate as unknown as ReturnType<FastifySchemaCompiler<object>>;
};

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Turns ajv errors into field errors: `/roles/0 must be equal to one of the allowed values`. */
export function fieldErrors(errors: AjvError[], part: string | undefined): FieldError[] {
  return errors.map((error) => {
    let field = error.instancePath || '';
    let message = error.message ?? 'is not valid';
    if (error.keyword === 'additionalProperties') {
      field = `${field}/${String(error.params.additionalProperty)}`;
      message = 'is not a known field';
    } else if (error.keyword === 'required') {
      field = `${field}/${String(error.params.missingProperty)}`;
      message = 'is required';
    } else if (error.keyword === 'enum') {
      message = `must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
    }
    return { field: `${part && part !== 'body' ? `${part}:` : ''}${field || '/'}`, message };
  });
}
