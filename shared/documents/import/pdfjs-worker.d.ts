/** The pdf.js worker module, loaded into the page's own thread (see `pdf.ts`). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
