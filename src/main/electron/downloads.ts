/**
 * Saving files the renderer makes (fact sheets): the page starts an ordinary download of a blob:
 * URL, and the main process turns it into the native Save dialog. No file path ever reaches the
 * page, and the preload exposes nothing beyond the typed API. Only type imports from electron.
 */
import type { DownloadItem, SaveDialogOptions, Session } from 'electron';
import { join } from 'node:path';
import { SHARED_FILE_EXTENSION } from '../../shared/shared-file-name';

const FILTERS: { extension: string; name: string }[] = [
  { extension: '.claimreview.json', name: 'ClaimReview JSON-LD' },
  { extension: '.html', name: 'Web page' },
  { extension: '.pdf', name: 'PDF document' },
  { extension: '.md', name: 'Markdown' },
  { extension: '.csv', name: 'CSV table' },
  { extension: SHARED_FILE_EXTENSION, name: 'Factdesk annotation file' },
  { extension: '.jsonld', name: 'W3C Web Annotations (JSON-LD)' },
  { extension: '.ann', name: 'brat standoff annotations' }
];

/** The Save dialog's options for a file the page offers under `fileName`. */
export function saveDialogOptions(fileName: string, defaultDir: string): SaveDialogOptions {
  const match = FILTERS.find((filter) => fileName.toLowerCase().endsWith(filter.extension));
  return {
    title: 'Save Fact Sheet',
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
