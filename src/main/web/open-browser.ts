import { spawn } from 'node:child_process';

/** Opens `url` in the system browser. Best effort: a machine without one still has the printed URL. */
export function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    // Verbatim arguments keep cmd's empty window-title argument ("") intact on Windows.
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true, windowsVerbatimArguments: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // Spawning itself can throw (e.g. EACCES); the URL is already printed.
  }
}
