/**
 * pdf.js for the importer and the PDF export check: the legacy build, which runs under Node 20.
 * Its bundled core-js polyfills replace built-ins for the whole process with versions many times
 * slower: the global JSON.stringify and JSON.parse in some builds (JSON.stringify of a 100,000-word
 * article: ~250 ms instead of ~5; every API answer goes through it) and Array.prototype.push (about
 * 4× slower everywhere). The native functions are put back. Import pdf.js only from here, so it
 * never loads before NATIVE has kept them (the import worker preloads it for speed).
 */
import { NATIVE } from './native-builtins';
import { VerbosityLevel, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

JSON.stringify = NATIVE.stringify;
JSON.parse = NATIVE.parse;
Array.prototype.push = NATIVE.push;

export { VerbosityLevel, getDocument, pdfjsWorker };
