import { DomainError } from '../../errors';
import { type FactSheet, buildFactSheet } from '../../export/fact-sheet';
import { renderSheet } from '../../export/export-sheet';
import { PdfPrinterError } from '../../export/pdf';
import { SheetReadError, readSheet } from '../../export/read-sheet';
import { compareSheet } from '../../export/verify-sheet';
import { getDocument } from '../../store/documents';
import { getSettings } from '../../store/settings';
import { uploadBytes } from '../base64';
import type { HandlerContext } from '../context';
import type { HandlerMap } from './types';

const factSheetOf = (ctx: HandlerContext, documentId: string): FactSheet =>
  buildFactSheet(ctx.db, documentId, { clock: ctx.clock, appVersion: ctx.version, settings: getSettings(ctx.db) });

export const exportHandlers: HandlerMap<'export.factSheet' | 'export.verifySheet'> = {
  async 'export.factSheet'(ctx, { documentId, format }) {
    const sheet = factSheetOf(ctx, documentId);
    let rendered;
    try {
      rendered = await renderSheet(sheet, format, ctx.printToPdf);
    } catch (error) {
      if (error instanceof PdfPrinterError) throw new DomainError('unsupported', error.message);
      throw error;
    }
    const { content, ...file } = rendered;
    const summary = { ...file, digest: sheet.digest, included: sheet.claims.length, leftOut: sheet.leftOut };
    return typeof content === 'string'
      ? { ...summary, text: content }
      : { ...summary, contentBase64: Buffer.from(content).toString('base64') };
  },

  async 'export.verifySheet'(ctx, { fileName, dataBase64 }) {
    const bytes = uploadBytes('verify', fileName, dataBase64);
    let manifest;
    try {
      manifest = await readSheet(bytes);
    } catch (error) {
      if (error instanceof SheetReadError) throw new DomainError('invalid_input', `Cannot verify "${fileName}": ${error.message}.`);
      throw error;
    }
    const current = getDocument(ctx.db, manifest.documentId) ? factSheetOf(ctx, manifest.documentId) : null;
    return compareSheet(ctx.db, manifest, current);
  }
};
