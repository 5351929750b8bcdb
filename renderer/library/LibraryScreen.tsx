/**
 * The library screen: the shell with the article list in the sidebar and the library
 * cards in the centre.
 */
import type { LibraryEntry } from '../services/documents.ts';
import type { AddedDocumentEntry, AddedDocuments } from '../store/added-documents.ts';
import type { ReadingPositionStore } from '../services/reading-positions.ts';
import type { CommandBus } from '../store/command-bus.ts';
import { ProjectMenu } from '../panels/ProjectMenu.tsx';
import { Shell } from '../ui/Shell.tsx';
import { Library } from './Library.tsx';
import { LibraryNav } from './LibraryNav.tsx';

/** Props of {@link LibraryScreen}. */
export interface LibraryScreenProps {
  /** The bundled articles. */
  readonly entries: readonly LibraryEntry[];
  /** The articles listed in the sidebar (bundled, then added ones whose text is here). */
  readonly listed: readonly LibraryEntry[];
  readonly added: readonly AddedDocumentEntry[];
  readonly addedDocuments: AddedDocuments | null;
  readonly positions: ReadingPositionStore;
  /** App commands: the project menu (save, merge, export, panels) emits them. */
  readonly commands: CommandBus;
}

/** The library with its frame. */
export function LibraryScreen({ entries, listed, added, addedDocuments, positions, commands }: LibraryScreenProps) {
  const ready = entries.filter((entry) => entry.status === 'ready').length;
  return (
    <Shell
      context="Library"
      actions={<ProjectMenu commands={commands} />}
      sidebarLabel="Library"
      sidebar={<LibraryNav entries={listed} currentId={null} />}
      mainLabel="Library"
      main={<Library entries={entries} added={added} addedDocuments={addedDocuments} positions={positions} />}
      marginShown={false}
      status={<span className="status-bar__meta">{ready} of {entries.length} articles available</span>}
    />
  );
}
