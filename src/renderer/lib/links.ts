/** Links the app opens (Electron hands them to the system browser): http and https only. */
export const isWebLink = (url: string): boolean => /^https?:\/\//i.test(url.trim());
