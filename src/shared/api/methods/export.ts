import { z } from 'zod';
import type { ClaimStatus } from '../../domain';
import { id, method, returns } from '../define';
import { UPLOADS, uploadInput } from '../uploads';

export const FACT_SHEET_FORMATS = ['html', 'md', 'csv', 'claimreview', 'pdf'] as const;
export type FactSheetFormat = (typeof FACT_SHEET_FORMATS)[number];

export interface LeftOutClaims {
  count: number;
  byStatus: { status: ClaimStatus; count: number }[];
  /** Verified claims held back because an open merge conflict touches them (counted in `count`). */
  inConflict: { id: string; text: string }[];
  /** E.g. "3 claims not verified: 2 in review, 1 researching." */
  note: string;
}

/** An exported fact sheet: text formats come as `text`, PDF as `contentBase64`. */
export type FactSheetFile = {
  /** Suggested file name, safe on every platform. */
  fileName: string;
  mimeType: string;
  /** Things to fix before publishing, e.g. a claimReviewed longer than 75 characters. */
  warnings: string[];
  /** SHA-256 over the article text and the included records (independent of generation time). */
  digest: string;
  /** Number of verified claims on the sheet. */
  included: number;
  leftOut: LeftOutClaims;
} & ({ text: string; contentBase64?: never } | { contentBase64: string; text?: never });

export interface SheetVerification {
  result: 'match' | 'mismatch';
  format: FactSheetFormat;
  /** The document id and digest the sheet carries. */
  documentId: string;
  sheetDigest: string;
  /** The digest the library gives now; null when the document is not in the library. */
  libraryDigest: string | null;
  /** Why it does not match, most telling first; empty on a match. */
  reasons: string[];
}

/** Verified fact sheets: export in every format, and check a sheet against the library. */
export const exportMethods = {
  'export.factSheet': method(
    z.strictObject({ documentId: id, format: z.enum(FACT_SHEET_FORMATS) }),
    returns<FactSheetFile>()
  ),
  'export.verifySheet': method(
    uploadInput(
      {
        fileName: z.string().trim().min(1).max(255),
        /** The sheet file's bytes, base64-encoded. */
        dataBase64: z.string()
      },
      UPLOADS.sheet
    ),
    returns<SheetVerification>()
  )
} as const;
