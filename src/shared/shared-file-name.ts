/** The extension of shared annotation files (DESIGN §3), which the desktop associates with Factdesk. */
export const SHARED_FILE_EXTENSION = '.factdesk.json';

export const isSharedFileName = (name: string) => name.toLowerCase().endsWith(SHARED_FILE_EXTENSION);
