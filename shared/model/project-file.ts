/**
 * Project files (`.marginalia`): one import for everything about them. The format and its
 * framing are in project-file-frame.ts, the complete check of a file in
 * project-file-check.ts, and merging (including files of projects that started apart) in
 * project-merge.ts; this module gathers them for the app, the CLI and the tests.
 */
export { PROJECT_FILE_MAGIC, PROJECT_FILE_MAX_BYTES, PROJECT_FILE_VERSION, crc32, encodeProjectFile, readProjectFile } from './project-file-frame.ts';
export { checkProjectFile, type CheckedProjectFile, type RefusedProjectFile } from './project-file-check.ts';
export { describeProjectFile, mergeProjectFile, type DescribeResult, type MergeOptions, type MergeResult } from './project-merge.ts';
export type { IncomingPerson, IncomingSummary } from './incoming-summary.ts';
export type { CodeRef, SameNameCodes } from './same-name-codes.ts';
