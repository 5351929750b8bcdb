/**
 * `marginalia add FILE… --to PROJECT_FILE [--as NAME]`: adds documents to a project file,
 * as the app adds them to a project.
 *
 * Each file is converted into an article file (#shared/documents/import/convert.ts), whose
 * id follows its canonical text, and recorded in the project's registry (addDocument): a
 * document already there is left as it is, one in the trash is restored. The project file
 * is created when it does not exist; it is written atomically with the texts of all its
 * documents, and only when something was added or restored. Per document one line
 * `id<TAB>title<TAB>hash<TAB>new|already there|restored`; a file that cannot be added
 * prints its reason on stderr and makes the exit code 1, the others are still added.
 *
 * Who adds: the member named (or identified) by `--as`, else the member who last named the
 * project; a name not yet in the project becomes a new member, as does "Command line" when
 * the project names no one.
 */
import { basename } from 'node:path';
import * as Y from 'yjs';
import { convertDocument, type ConvertedDocument } from '#shared/documents/import/convert.ts';
import type { DocumentId } from '#shared/documents/manifest.ts';
import { addDocument, type AddOutcome } from '#shared/model/documents.ts';
import { newId, type MemberId } from '#shared/model/ids.ts';
import { createProject, getProjectMeta, listMembers, setMember } from '#shared/model/project.ts';
import { DOCUMENT_TEXT_MAX_BYTES, encodeProjectFile } from '#shared/model/project-file.ts';
import type { Actor } from '#shared/model/write.ts';
import { readFileLimited, saveFile } from '../../services/files.ts';
import type { CliCommand, CliIo } from '../command.ts';
import { CommandFailure, UsageFailure, fileExists, openProjectFileWithTexts } from './project-input.ts';

const USAGE = 'marginalia add FILE… --to PROJECT_FILE [--as NAME]';
const DEFAULT_MEMBER_NAME = 'Command line';
const NEW_MEMBER_COLOUR = '#5b6f8a';

type AddArgs = { readonly files: readonly string[]; readonly to: string; readonly as: string | undefined };

function parse(args: readonly string[]): AddArgs {
  const files: string[] = [];
  let to: string | undefined;
  let as: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (arg === '--to') to = args[++index];
    else if (arg === '--as') as = args[++index];
    else if (arg.startsWith('-')) throw new UsageFailure(`unknown option "${arg}"`);
    else files.push(arg);
  }
  if (files.length === 0) throw new UsageFailure('no file to add');
  if (to === undefined || to === '') throw new UsageFailure('--to PROJECT_FILE is required');
  if (as !== undefined && as.trim() === '') throw new UsageFailure('--as needs a name');
  return { files, to, as: as?.trim() };
}

/** The member who adds: `--as` by name or id, else the project's last namer, else a new "Command line" member. */
function actorFor(doc: Y.Doc, as: string | undefined): Actor {
  const members = listMembers(doc);
  const wanted = as ?? (getProjectMeta(doc).updatedBy as string | undefined);
  const found = wanted === undefined ? undefined : members.find((member) => member.id === wanted || member.name.toLowerCase() === wanted.toLowerCase());
  if (found) return { member: found.id };
  if (as === undefined && wanted !== undefined) return { member: wanted as MemberId };
  const actor: Actor = { member: newId() as MemberId };
  setMember(doc, actor, { name: as ?? DEFAULT_MEMBER_NAME, colour: NEW_MEMBER_COLOUR });
  return actor;
}

const OUTCOME_WORDS: Record<AddOutcome, string> = { added: 'new', exists: 'already there', restored: 'restored' };

function oneLine(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}

function record(converted: ConvertedDocument) {
  const { article } = converted;
  return {
    id: converted.id,
    title: article.meta.title,
    titleSupplied: article.meta.titleSupplied,
    author: article.meta.author,
    date: converted.date,
    format: converted.format,
    fileName: converted.fileName,
    hash: article.hash,
    length: article.text.length,
  };
}

async function convertFile(path: string): Promise<ConvertedDocument> {
  const read = await readFileLimited(path, DOCUMENT_TEXT_MAX_BYTES);
  if (!read.ok) throw new CommandFailure(read.message);
  return convertDocument(read.value, basename(path));
}

/** Adds documents to a project file. */
export const addCommand: CliCommand = {
  name: 'add',
  summary: 'add documents (.txt, .md …) to a project file, created if absent: prints id, title, hash and new / already there / restored',
  usage: USAGE,
  async run(argv, io: CliIo) {
    let args: AddArgs;
    try {
      args = parse(argv);
    } catch (error) {
      if (error instanceof UsageFailure) return fail(io, `${error.message} (usage: ${USAGE})`, 2);
      throw error;
    }
    try {
      const creating = !(await fileExists(args.to));
      const opened = creating ? { doc: new Y.Doc(), texts: new Map<DocumentId, string>() } : await openProjectFileWithTexts(args.to);
      const { doc } = opened;
      try {
        const texts = new Map<string, string>(opened.texts);
        const actor = actorFor(doc, args.as);
        if (creating) createProject(doc, actor, { name: basename(args.to).replace(/\.marginalia$/i, '') || 'Project' });
        let changed = 0;
        let refused = 0;
        for (const path of args.files) {
          let converted: ConvertedDocument;
          try {
            converted = await convertFile(path);
          } catch (error) {
            refused += 1;
            io.stderr(`marginalia add: ${path} was not added: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
            continue;
          }
          const outcome = addDocument(doc, actor, record(converted));
          if (!texts.has(converted.id)) texts.set(converted.id, converted.source);
          if (outcome !== 'exists') changed += 1;
          io.stdout(`${converted.id}\t${oneLine(converted.article.meta.title)}\t${converted.article.hash}\t${OUTCOME_WORDS[outcome]}\n`);
        }
        if (changed > 0) {
          const saved = await saveFile(args.to, encodeProjectFile(doc, texts));
          if (!saved.ok) throw new CommandFailure(saved.message);
          io.stderr(`marginalia add: wrote ${args.to} (${changed} ${changed === 1 ? 'document' : 'documents'} added or restored)\n`);
        } else {
          io.stderr(`marginalia add: nothing new; ${args.to} ${creating ? 'was not created' : 'is unchanged'}\n`);
        }
        return refused > 0 ? 1 : 0;
      } finally {
        doc.destroy();
      }
    } catch (error) {
      if (error instanceof CommandFailure) return fail(io, error.message, 1);
      throw error;
    }
  },
};

function fail(io: CliIo, message: string, code: number): number {
  io.stderr(`marginalia add: ${message}\n`);
  return code;
}
