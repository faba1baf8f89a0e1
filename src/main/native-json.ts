/** The JSON functions as Node provides them, kept before pdf.js's polyfills replace them (see pdfjs.ts). */
export const NATIVE_JSON = { stringify: JSON.stringify, parse: JSON.parse };
