/**
 * Test helpers that check exports against the independent conformance assets kept in the
 * repository under tests/conformance (see its README): the W3C Web Annotation MUST
 * assertions (JSON Schema draft-04, run with ajv-draft-04 + ajv-formats, following the
 * JSONtest rules: each assertion's expectedResult, "failAndSkip" skipping the rest of its
 * list) and the REFI-QDA XSDs (xmllint-wasm). Every asset is read from that one folder, so
 * every clone validates its exports; a missing asset is a one-line error naming it, never a
 * skipped check.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';

/** The folder holding the conformance assets: tests/conformance. */
export const conformanceDir = resolve(import.meta.dirname, '../../conformance');

/** The Web Annotation test files whose MUST assertions every exported annotation must pass. */
const webAnnotationTests = [
  'annotations/annotationMusts.test',
  'bodiesTargets/bodyMusts.test',
  'bodiesTargets/targetMusts.test',
  'specificResource/specificResourceMusts.test',
];

/** The absolute path of one asset (relative to tests/conformance); throws a one-line error if it is missing. */
export function conformanceAsset(relativePath: string): string {
  const path = join(conformanceDir, relativePath);
  if (!existsSync(path)) throw new Error(`Conformance asset missing: tests/conformance/${relativePath} (see tests/conformance/README.md)`);
  return path;
}

const readAsset = (relativePath: string): string => readFileSync(conformanceAsset(relativePath), 'utf8');

/** A web-annotation file listed in SOURCES.tsv whose content no longer matches its recorded sha256. */
export type ChangedAsset = { readonly path: string; readonly expected: string; readonly actual: string };

/** Checks every web-annotation file listed in SOURCES.tsv against its recorded sha256; returns the changed ones. */
export function changedWebAnnotationAssets(): ChangedAsset[] {
  const rows = readAsset('web-annotation/SOURCES.tsv').trim().split('\n').slice(1);
  return rows.flatMap((row) => {
    const [localPath = '', , expected = ''] = row.split('\t');
    const path = `web-annotation/${localPath}`;
    const actual = createHash('sha256').update(readFileSync(conformanceAsset(path))).digest('hex');
    return actual === expected ? [] : [{ path, expected, actual }];
  });
}

type Assertion = string | Assertion[] | Record<string, unknown>;

/** A failed MUST assertion. */
export type AssertionFailure = { readonly test: string; readonly assertion: string; readonly message: string };

/** Compiles every MUST test of the Web Annotation suite; returns a checker for one annotation. */
export function webAnnotationChecker(): (annotation: unknown) => AssertionFailure[] {
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  const definitions = readdirSync(conformanceAsset('web-annotation/definitions'));
  if (definitions.length === 0) throw new Error('Conformance assets missing: tests/conformance/web-annotation/definitions is empty (see tests/conformance/README.md)');
  for (const file of definitions) ajv.addSchema(JSON.parse(readAsset(`web-annotation/definitions/${file}`)) as object);
  const compiled = webAnnotationTests.map((test) => {
    const spec = JSON.parse(readAsset(`web-annotation/${test}`)) as { assertions: Assertion[] };
    const compile = (assertion: Assertion): unknown => {
      if (Array.isArray(assertion)) return assertion.map(compile);
      const schema = typeof assertion === 'string' ? (JSON.parse(readAsset(`web-annotation/${assertion}`)) as Record<string, unknown>) : assertion;
      const { id: _id, ...rest } = schema;
      return { name: typeof assertion === 'string' ? assertion : String(schema.title), schema, validate: ajv.compile(rest) };
    };
    return { test, assertions: spec.assertions.map(compile) };
  });
  type Compiled = { name: string; schema: Record<string, unknown>; validate: ((data: unknown) => boolean) & { errors?: unknown } };
  return (annotation) => {
    const failures: AssertionFailure[] = [];
    const run = (test: string, list: unknown[]): void => {
      for (const entry of list) {
        if (Array.isArray(entry)) {
          run(test, entry);
          continue;
        }
        const { name, schema, validate } = entry as Compiled;
        if ((schema.assertionType ?? 'must') !== 'must') continue;
        const valid = validate(annotation);
        const expected = (schema.expectedResult ?? 'valid') === 'valid';
        if (valid !== expected) {
          const action = String(schema.onUnexpectedResult ?? 'failAndContinue');
          if (action.startsWith('fail')) failures.push({ test, assertion: name, message: String(schema.errorMessage ?? JSON.stringify(validate.errors)) });
          if (action.endsWith('Skip') || action.endsWith('Abort')) return;
        }
      }
    };
    for (const { test, assertions } of compiled) run(test, assertions);
    return failures;
  };
}

/** Validates an XML document against one of the REFI-QDA schemas; returns the error messages. */
export async function validateRefiXml(xml: string, schema: 'Project.xsd' | 'Codebook.xsd'): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: 'export.xml', contents: xml },
    schema: { fileName: schema, contents: readAsset(`refi-qda/${schema}`) },
    maxMemoryPages: 16 * 1024,
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}
