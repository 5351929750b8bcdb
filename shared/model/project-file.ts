/**
 * Project files (`.marginalia`): one import for everything about them. The format and its
 * framing are in project-file-frame.ts, the complete check of a file in
 * project-file-check.ts, the texts of added documents in project-file-texts.ts, and merging (including files of projects that started apart) in
 * project-merge.ts; this module gathers them for the app, the CLI and the tests.
 */
export { DOCUMENT_TEXT_MAX_BYTES, PROJECT_FILE_MAGIC, PROJECT_FILE_MAX_BYTES, PROJECT_FILE_VERSION, crc32, encodeProjectFrame, readProjectFile, type DocumentTextEntry, type ProjectFileParts } from './project-file-frame.ts';
export { MissingDocumentTextsError, checkDocumentTexts, documentTextProblem, encodeProjectFile, missingDocumentTexts } from './project-file-texts.ts';
export { checkProjectFile, type CheckedProjectFile, type RefusedProjectFile } from './project-file-check.ts';
export { describeProjectFile, mergeProjectFile, type DescribeResult, type MergeOptions, type MergeResult } from './project-merge.ts';
export type { IncomingPerson, IncomingSummary } from './incoming-summary.ts';
export type { CodeRef, SameNameCodes } from './same-name-codes.ts';
