/**
 * pdf.js for the importer and the PDF export check: the legacy build, which runs under Node 20.
 * Its bundled core-js polyfills replace the global JSON.stringify and JSON.parse with versions
 * many times slower (JSON.stringify of a 100,000-word article: ~250 ms instead of ~5), and every
 * API answer in browser mode and the CLI goes through them; the native functions are put back.
 * Import pdf.js only from here, so it never loads before NATIVE_JSON has kept them (the import
 * worker preloads it for speed, which does not matter there: a worker answers by message).
 */
import { NATIVE_JSON } from './native-json';
import { VerbosityLevel, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

JSON.stringify = NATIVE_JSON.stringify;
JSON.parse = NATIVE_JSON.parse;

export { VerbosityLevel, getDocument, pdfjsWorker };
