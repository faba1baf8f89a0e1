/** The extension of shared annotation files, which the desktop associates with Factdesk. */
export const SHARED_FILE_EXTENSION = '.factdesk.json';

export const isSharedFileName = (name: string) => name.toLowerCase().endsWith(SHARED_FILE_EXTENSION);

/** A command-line argument naming a shared annotation file (not a switch). */
export const isSharedFileArgument = (arg: string) => !arg.startsWith('-') && isSharedFileName(arg);
