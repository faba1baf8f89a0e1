/**
 * Saving files the renderer makes (fact sheets, annotation files, brat and W3C exports): the page starts an ordinary download of a blob:
 * URL, and the main process turns it into the native Save dialog. No file path ever reaches the
 * page, and the preload exposes nothing beyond the typed API. Only type imports from electron.
 */
import type { DownloadItem, SaveDialogOptions, Session } from 'electron';
import { join } from 'node:path';
import { SHARED_FILE_EXTENSION } from '../../shared/shared-file-name';

const FACT_SHEET = 'Save fact sheet';

/** Each kind of file the page saves: how its name ends, its filter's name and the dialog's title. */
const KINDS: { extension: string; name: string; title: string }[] = [
  { extension: '.claimreview.json', name: 'ClaimReview JSON-LD', title: FACT_SHEET },
  { extension: '.html', name: 'Web page', title: FACT_SHEET },
  { extension: '.pdf', name: 'PDF document', title: FACT_SHEET },
  { extension: '.md', name: 'Markdown', title: FACT_SHEET },
  { extension: '.csv', name: 'CSV table', title: FACT_SHEET },
  { extension: SHARED_FILE_EXTENSION, name: 'Factdesk annotation file', title: 'Save annotation file' },
  { extension: '.jsonld', name: 'W3C Web Annotations (JSON-LD)', title: 'Save W3C Web Annotations' },
  { extension: '.brat.zip', name: 'brat annotations (.txt + .ann in a .zip)', title: 'Save brat annotations' },
  { extension: '.ann', name: 'brat standoff annotations', title: 'Save brat annotations' }
];

/** The Save dialog's options for a file the page offers under `fileName`. */
export function saveDialogOptions(fileName: string, defaultDir: string): SaveDialogOptions {
  const match = KINDS.find((kind) => fileName.toLowerCase().endsWith(kind.extension));
  return {
    title: match?.title ?? 'Save file',
    defaultPath: join(defaultDir, fileName),
    // Dialog filters take one extension without dots: "json" for ".claimreview.json"; the name says the rest.
    filters: match ? [{ name: match.name, extensions: [match.extension.slice(match.extension.lastIndexOf('.') + 1)] }] : []
  };
}

/**
 * Downloads of blob: URLs (made by the page itself) are saved where the user picks in the native
 * dialog, and `saved` hears the path of each file written; anything else is cancelled, as the app
 * loads no remote content.
 */
export function saveDownloadsWithDialog(session: Pick<Session, 'on'>, defaultDir: () => string, saved: (path: string) => void): void {
  session.on('will-download', (_event, item: DownloadItem) => {
    if (!item.getURL().startsWith('blob:')) {
      item.cancel();
      return;
    }
    // Without a save path Electron asks with these options (the native Save dialog).
    item.setSaveDialogOptions(saveDialogOptions(item.getFilename(), defaultDir()));
    item.once('done', (_done, state) => {
      if (state === 'completed') saved(item.getSavePath());
    });
  });
}
