/** Built-ins as Node provides them, kept before pdf.js's polyfills replace them (see pdfjs.ts). */
export const NATIVE = { stringify: JSON.stringify, parse: JSON.parse, push: Array.prototype.push };
