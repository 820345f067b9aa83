/**
 * A small JSON Schema validator for the subset `schemas/` uses: `type`
 * (one or a list), `properties`, `required`, `additionalProperties`,
 * `items`, `enum`, `const`, `minimum` and `$ref` (`#/$defs/NAME`, or another
 * file in `schemas/`, optionally with `#/$defs/NAME`). Anything else in a
 * schema is an error, so a schema cannot silently ask for a check this
 * validator does not make.
 *
 * @module
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "./helpers.ts";

/** A JSON Schema object. */
export type Schema = Record<string, unknown>;

const KNOWN = new Set([
  "$schema",
  "$id",
  "$defs",
  "$ref",
  "title",
  "description",
  "type",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "enum",
  "const",
  "minimum",
]);

const cache = new Map<string, Schema>();

/** Loads `schemas/NAME`. */
export function loadSchema(name: string): Schema {
  let schema = cache.get(name);
  if (!schema) {
    schema = JSON.parse(
      readFileSync(join(PROJECT_ROOT, "schemas", name), "utf8"),
    );
    cache.set(name, schema!);
  }
  return schema!;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") {
    return Number.isInteger(value) ? "integer" : "number";
  }
  return typeof value;
}

function resolveRef(
  ref: string,
  file: string,
): { schema: Schema; file: string } {
  const [target, pointer] = ref.split("#");
  const name = target === "" ? file : target;
  let schema = loadSchema(name);
  if (pointer) {
    for (const part of pointer.split("/").filter(Boolean)) {
      schema = (schema as Record<string, Schema>)[part];
      if (!schema) throw new Error(`Cannot resolve $ref '${ref}' in '${file}'`);
    }
  }
  return { schema, file: name };
}

/**
 * Validates `value` against `schema` (from file `file`) and returns the
 * problems found, one line each with the JSON path; empty when valid.
 */
export function validate(
  value: unknown,
  schema: Schema,
  file: string,
  path = "$",
): string[] {
  for (const key of Object.keys(schema)) {
    if (!KNOWN.has(key)) {
      throw new Error(
        `Unsupported schema keyword '${key}' in '${file}' at ${path}`,
      );
    }
  }
  if (typeof schema.$ref === "string") {
    const target = resolveRef(schema.$ref, file);
    return validate(value, target.schema, target.file, path);
  }
  const errors: string[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const actual = typeOf(value);
    const ok = types.includes(actual) ||
      (actual === "integer" && types.includes("number"));
    if (!ok) return [`${path}: expected ${types.join(" or ")}, got ${actual}`];
  }
  if (
    "const" in schema && JSON.stringify(value) !== JSON.stringify(schema.const)
  ) {
    errors.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  }
  if (
    Array.isArray(schema.enum) &&
    !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))
  ) {
    errors.push(
      `${path}: ${JSON.stringify(value)} is not one of ${
        JSON.stringify(schema.enum)
      }`,
    );
  }
  if (
    typeof schema.minimum === "number" && typeof value === "number" &&
    value < schema.minimum
  ) {
    errors.push(`${path}: ${value} is below ${schema.minimum}`);
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) =>
      errors.push(
        ...validate(item, schema.items as Schema, file, `${path}[${i}]`),
      )
    );
  }
  if (typeOf(value) === "object") {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) {
      if (!(key in object)) errors.push(`${path}: missing '${key}'`);
    }
    for (const [key, item] of Object.entries(object)) {
      if (properties[key]) {
        errors.push(...validate(item, properties[key], file, `${path}.${key}`));
      } else if (schema.additionalProperties === false) {
        errors.push(`${path}: unexpected '${key}'`);
      } else if (typeof schema.additionalProperties === "object") {
        errors.push(
          ...validate(
            item,
            schema.additionalProperties as Schema,
            file,
            `${path}.${key}`,
          ),
        );
      }
    }
  }
  return errors;
}

/** Validates `value` against `schemas/NAME` and returns the problems found. */
export function validateAgainst(value: unknown, name: string): string[] {
  return validate(value, loadSchema(name), name);
}
