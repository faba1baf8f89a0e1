import { expect, it } from 'vitest';

it("keeps Node's own JSON functions when the service (and with it pdf.js) is loaded", async () => {
  const { stringify, parse } = JSON;
  await import('../../../src/main/api/service');
  await import('../../../src/main/pdfjs');
  // pdf.js's legacy build replaces both with core-js versions many times slower on large answers.
  expect(JSON.stringify).toBe(stringify);
  expect(JSON.parse).toBe(parse);
  expect(JSON.stringify({ text: 'a\u2014b', list: [1, null] })).toBe('{"text":"a\u2014b","list":[1,null]}');
});
