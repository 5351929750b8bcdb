/**
 * A page that exposes `convertDocument` exactly as the renderer bundles it (Vite, dynamic
 * imports split into chunks), so a test can convert files inside Chromium.
 */
import { ConvertError, convertDocument } from '#shared/documents/import/convert.ts';

/** What the page returns for one file: the converted document's identity, or the refusal. */
export type PageConversion = { id: string; text: string; source: string } | { reason: string; message: string };

declare global {
  interface Window {
    convertInPage(base64: string, fileName: string): Promise<PageConversion>;
    conversionPageReady: boolean;
  }
}

window.convertInPage = async (base64, fileName) => {
  const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  try {
    const converted = await convertDocument(bytes, fileName);
    return { id: converted.id, text: converted.article.text, source: converted.source };
  } catch (error) {
    if (error instanceof ConvertError) return { reason: error.reason, message: error.message };
    return { reason: 'exception', message: String(error) };
  }
};
window.conversionPageReady = true;
