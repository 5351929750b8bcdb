/**
 * Renderer entry point: picks the platform (Electron or web) once, starts loading the
 * library, and mounts React. Services are created here, outside React, so StrictMode's
 * double-mounting never duplicates them.
 */
import { StrictMode } from 'react';
import type { DocumentId } from '#shared/documents/manifest.ts';
import { createRoot } from 'react-dom/client';
import { browserFetch } from '../services/documents.ts';
import { detectPlatform } from '../services/platform.ts';
import { createReadingPositionStore } from '../services/reading-positions.ts';
import { createCommandBus } from '../store/command-bus.ts';
import { createLibraryStore } from '../store/library-store.ts';
import { createAddedDocuments } from '../store/added-documents.ts';
import { openDocumentTexts } from '../store/document-texts.ts';
import { App } from './App.tsx';
import { ExportHost } from '../export/ExportHost.tsx';
import { AnnotationsGate } from '../onboarding/AnnotationsGate.tsx';
import { createAnnotationWorkspace } from '../annotations/workspace.ts';
import { getProjectSession } from '../store/project-session.ts';
import { activeProjectId } from '../sync/team-controller.ts';
import { startTeam } from '../team/start-team.ts';
import { ProjectsContext } from '../projects/projects-context.ts';
import { ProjectsHost } from '../projects/ProjectsHost.tsx';
import { startProjects } from '../projects/start-projects.ts';
import { TeamContext } from '../team/team-context.ts';
import { TeamTopBar } from '../team/TeamTopBar.tsx';
import { TopBarEndContext } from '../ui/top-bar-end.ts';
import { readerHref } from './routes.ts';
import '../ui/theme.css';
import '../ui/layout.css';
import '../reader/reader.css';
import '../library/library.css';
import '../ui/dialog.css';
import '../ui/annotations.css';
import '../analysis/analysis.css';

const platform = detectPlatform();
const commands = createCommandBus(platform);
const positions = createReadingPositionStore(window.localStorage);
document.documentElement.dataset.platform = platform.kind;
const annotations = createAnnotationWorkspace({
  storage: window.localStorage,
  // The project chosen in the project list; before any choice, the team project when
  // joined, else the personal one (sync/team-controller.ts).
  session: getProjectSession(activeProjectId(window.localStorage)),
  navigate: (documentId) => {
    window.location.hash = readerHref(documentId);
  },
});
// The texts of added documents, and the project's registry of them, join the bundled
// articles in the library. While team sync runs, the texts travel through the team's
// server (sync/document-transfer.ts): a teammate's document downloads in the background.
const texts = openDocumentTexts();
const team = startTeam({ workspace: annotations, storage: window.localStorage, library: { getSnapshot: () => library.getSnapshot() }, commands, texts });
const transfer = team.controller.transfer;
const library = createLibraryStore(browserFetch, createAddedDocuments({ doc: annotations.session.doc, texts, fetchText: transfer === null ? null : (id) => transfer.fetchText(id as DocumentId) }));
const projects = startProjects({ workspace: annotations, storage: window.localStorage, dialogs: platform, texts });

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <ProjectsContext.Provider value={projects}>
    <TeamContext.Provider value={team}>
      <TopBarEndContext.Provider value={<TeamTopBar />}>
        <AnnotationsGate workspace={annotations} commands={commands} files={platform} library={library} menuHandlesUndo={platform.kind === 'electron'}>
          <App library={library} positions={positions} commands={commands} />
          <ExportHost commands={commands} library={library} files={platform} />
          <ProjectsHost commands={commands} />
        </AnnotationsGate>
      </TopBarEndContext.Provider>
    </TeamContext.Provider>
    </ProjectsContext.Provider>
  </StrictMode>,
);
