// Checks a policy value against public/managed-schema.json, the schema Chrome itself applies to
// `3rdparty` extension policy (it drops what does not fit, silently for the agent). Only the
// subset of JSON Schema that Chrome's policy schemas allow is handled.
import managedSchema from '../../../public/managed-schema.json';

export interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  enum?: readonly unknown[];
  minimum?: number;
  maximum?: number;
}

export const MANAGED_SCHEMA = managedSchema as SchemaNode;

/** Every place `value` breaks `schema`, as "path: why"; empty when it fits. Unknown keys are errors too. */
export function schemaErrors(value: unknown, schema: SchemaNode = MANAGED_SCHEMA, path = '$'): string[] {
  const errors: string[] = [];
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: not an object`];
      for (const [key, child] of Object.entries(value)) {
        const childSchema = schema.properties?.[key];
        if (!childSchema) errors.push(`${path}.${key}: not in the schema`);
        else errors.push(...schemaErrors(child, childSchema, `${path}.${key}`));
      }
      return errors;
    }
    case 'array':
      if (!Array.isArray(value)) return [`${path}: not an array`];
      return value.flatMap((item, i) => (schema.items ? schemaErrors(item, schema.items, `${path}[${i}]`) : []));
    case 'string':
      if (typeof value !== 'string') return [`${path}: not a string`];
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return [`${path}: not a boolean`];
      break;
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return [`${path}: not an integer`];
      if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${path}: below ${schema.minimum}`);
      if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${path}: above ${schema.maximum}`);
      break;
    default:
      return [`${path}: the schema has an unknown type ${String(schema.type)}`];
  }
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${path}: not one of ${schema.enum.join(', ')}`);
  return errors;
}
