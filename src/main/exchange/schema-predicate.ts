/**
 * A yes/no form of a zod schema for parsed JSON: true only for values the schema accepts, built
 * once from the schema's own definition (so the two cannot drift apart), without the copies and
 * issue lists a parse makes. A file of thousands of records is checked by this in a few
 * milliseconds; only a file it does not pass goes through the schema itself, which then names
 * every problem. It may say no where the schema would say yes (the schema decides then), never
 * the other way round. A schema part it does not know (a transform, a refinement, a non-strict
 * object…) throws when the predicate is built, not when a file is read.
 */
import type { z } from 'zod';

export type Predicate = (value: unknown) => boolean;

/** The zod definition members this predicate reads (zod's `_zod.def`). */
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  getter?: () => z.ZodType;
  format?: string;
}

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: RegExp;
  value?: number;
  inclusive?: boolean;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Lazy (recursive) schemas get one predicate each, shared by every place that refers to them. */
const lazyPredicates = new WeakMap<z.ZodType, Predicate>();

export function schemaPredicate(schema: z.ZodType): Predicate {
  const def = defOf(schema);
  const own = basePredicate(schema, def);
  const checks = (def.checks ?? []).map((check) => checkPredicate(check._zod.def));
  if (checks.length === 0) return own;
  return (value) => {
    if (!own(value)) return false;
    for (const check of checks) if (!check(value)) return false;
    return true;
  };
}

function basePredicate(schema: z.ZodType, def: Def): Predicate {
  // A format of the type itself (z.email(), z.int()…) rather than a check added to it.
  if (def.format) throw new Error(`No predicate for a zod "${def.type}" schema of the format "${def.format}"`);
  switch (def.type) {
    case 'string':
      return (value) => typeof value === 'string';
    case 'number':
      return (value) => typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'null':
      return (value) => value === null;
    case 'literal': {
      const values = def.values!;
      return (value) => values.includes(value);
    }
    case 'enum': {
      const values = new Set<unknown>(Object.values(def.entries!));
      return (value) => values.has(value);
    }
    case 'nullable': {
      const inner = schemaPredicate(def.innerType!);
      return (value) => value === null || inner(value);
    }
    case 'optional': {
      const inner = schemaPredicate(def.innerType!);
      return (value) => value === undefined || inner(value);
    }
    case 'array': {
      const element = schemaPredicate(def.element!);
      return (value) => Array.isArray(value) && value.every((item) => element(item));
    }
    case 'tuple':
      return tuplePredicate(def);
    case 'object':
      return objectPredicate(def);
    case 'record':
      return recordPredicate(def);
    case 'union': {
      const options = def.options!.map(schemaPredicate);
      return (value) => options.some((option) => option(value));
    }
    case 'lazy':
      return lazyPredicate(schema, def);
    default:
      throw new Error(`No predicate for a zod "${def.type}" schema`);
  }
}

function checkPredicate(check: CheckDef): Predicate {
  switch (check.check) {
    case 'min_length': {
      const minimum = check.minimum!;
      return (value) => (value as { length: number }).length >= minimum;
    }
    case 'max_length': {
      const maximum = check.maximum!;
      return (value) => (value as { length: number }).length <= maximum;
    }
    case 'string_format': {
      if (check.format !== 'regex' || !check.pattern) break;
      const pattern = check.pattern;
      return (value) => {
        pattern.lastIndex = 0;
        return pattern.test(value as string);
      };
    }
    case 'number_format':
      if (check.format !== 'safeint') break;
      return (value) => Number.isSafeInteger(value);
    case 'greater_than': {
      const bound = check.value!;
      return check.inclusive ? (value) => (value as number) >= bound : (value) => (value as number) > bound;
    }
    case 'less_than': {
      const bound = check.value!;
      return check.inclusive ? (value) => (value as number) <= bound : (value) => (value as number) < bound;
    }
  }
  throw new Error(`No predicate for the zod check "${check.check}"${check.format ? ` (${check.format})` : ''}`);
}

/** A strict object: every member of the shape holds, and it has no member outside the shape. */
function objectPredicate(def: Def): Predicate {
  if (!def.catchall || defOf(def.catchall).type !== 'never') {
    throw new Error('No predicate for a zod object that allows members outside its shape');
  }
  const members = Object.entries(def.shape!).map(([key, schema]) => ({
    key,
    holds: schemaPredicate(schema),
    optional: defOf(schema).type === 'optional'
  }));
  return (value) => {
    if (!isObject(value)) return false;
    let present = 0;
    for (const { key, holds, optional } of members) {
      const member = value[key];
      if (member === undefined) {
        if (!optional) return false;
        continue;
      }
      if (!Object.hasOwn(value, key) || !holds(member)) return false;
      present += 1;
    }
    let keys = 0;
    for (const key in value) if (Object.hasOwn(value, key)) keys += 1;
    return keys === present;
  };
}

/** A tuple of fixed length (no optional items, no rest). */
function tuplePredicate(def: Def): Predicate {
  if (def.rest) throw new Error('No predicate for a zod tuple with a rest');
  const items = def.items!.map(schemaPredicate);
  return (value) => Array.isArray(value) && value.length === items.length && items.every((item, i) => item(value[i]));
}

/** A record keyed by a string schema (not by an enum of keys); plain JSON objects only. */
function recordPredicate(def: Def): Predicate {
  if (defOf(def.keyType!).type !== 'string') throw new Error('No predicate for a zod record not keyed by strings');
  const key = schemaPredicate(def.keyType!);
  const member = schemaPredicate(def.valueType!);
  return (value) => {
    if (!isObject(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
    for (const name of Object.keys(value)) {
      if (name === '__proto__' || !key(name) || !member(value[name])) return false;
    }
    return true;
  };
}

function lazyPredicate(schema: z.ZodType, def: Def): Predicate {
  const known = lazyPredicates.get(schema);
  if (known) return known;
  let inner: Predicate | undefined;
  const predicate: Predicate = (value) => (inner ??= schemaPredicate(def.getter!()))(value);
  lazyPredicates.set(schema, predicate);
  return predicate;
}
