/**
 * The app's PDF printer for fact sheets: Electron's own printToPDF on a hidden, script-less window,
 * so the desktop app needs no separate Chromium. The sheet is loaded from a temp file (a data: URL
 * would hit Chromium's URL length limit on large sheets).
 */
import { BrowserWindow } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PrintToPdf } from '../export/pdf';

export const electronPrintToPdf: PrintToPdf = async (html) => {
  const dir = await mkdtemp(join(tmpdir(), 'factdesk-sheet-'));
  const file = join(dir, 'fact-sheet.html');
  const window = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true }
  });
  try {
    await writeFile(file, html, 'utf8');
    await window.loadFile(file);
    return await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
  } finally {
    window.destroy();
    await rm(dir, { recursive: true, force: true });
  }
};
