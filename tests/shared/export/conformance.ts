/**
 * Test helpers that check exports against the independent conformance assets beside the
 * repository (`../shared/conformance`, or `MARGINALIA_CONFORMANCE_DIR`): the W3C Web
 * Annotation MUST assertions (JSON Schema draft-04, run with ajv-draft-04 + ajv-formats,
 * following the JSONtest rules: each assertion's expectedResult, "failAndSkip" skipping the
 * rest of its list) and the REFI-QDA XSDs (xmllint-wasm).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';

/** Where the conformance assets are, or undefined when this checkout has none. */
export function conformanceDir(): string | undefined {
  const dir = process.env.MARGINALIA_CONFORMANCE_DIR ?? resolve(import.meta.dirname, '../../../../shared/conformance');
  return existsSync(join(dir, 'web-annotation')) && existsSync(join(dir, 'refi-qda')) ? dir : undefined;
}

type Assertion = string | Assertion[] | Record<string, unknown>;

/** A failed MUST assertion. */
export type AssertionFailure = { readonly test: string; readonly assertion: string; readonly message: string };

/** Compiles every MUST test of the Web Annotation suite; returns a checker for one annotation. */
export function webAnnotationChecker(dir: string): (annotation: unknown) => AssertionFailure[] {
  const root = join(dir, 'web-annotation');
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  for (const file of readdirSync(join(root, 'definitions'))) {
    ajv.addSchema(JSON.parse(readFileSync(join(root, 'definitions', file), 'utf8')) as object);
  }
  const tests = ['annotations/annotationMusts.test', 'bodiesTargets/bodyMusts.test', 'bodiesTargets/targetMusts.test', 'specificResource/specificResourceMusts.test'];
  const compiled = tests.map((test) => {
    const spec = JSON.parse(readFileSync(join(root, test), 'utf8')) as { assertions: Assertion[] };
    const compile = (assertion: Assertion): unknown => {
      if (Array.isArray(assertion)) return assertion.map(compile);
      const schema = typeof assertion === 'string' ? (JSON.parse(readFileSync(join(root, assertion), 'utf8')) as Record<string, unknown>) : assertion;
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
export async function validateRefiXml(dir: string, xml: string, schema: 'Project.xsd' | 'Codebook.xsd'): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: 'export.xml', contents: xml },
    schema: { fileName: schema, contents: readFileSync(join(dir, 'refi-qda', schema), 'utf8') },
    maxMemoryPages: 16 * 1024,
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}
