/**
 * The calls a window makes as it starts, answered together by app.start: one request instead of a
 * wave of them, sent by the entry script before the window's code has loaded. Free of the schema
 * library, so the renderer's small entry chunk can list them.
 */
import type { MethodInput, MethodName } from './contract';

export type StartCall = { [M in MethodName]: [method: M, input: MethodInput<M>] }[MethodName];

/** The session's calls (settings, labels, scales, app info), then those of the opened document's view, if one is open. */
export function startCalls(documentId?: string): StartCall[] {
  const session: StartCall[] = [
    ['settings.get', {}],
    ['labels.list', {}],
    ['scales.list', {}],
    ['app.info', {}]
  ];
  if (documentId === undefined) return session;
  return [
    ...session,
    ['documents.text', { id: documentId }],
    ['documents.annotationColumns', { id: documentId }],
    ['exchange.conflicts', { documentId }],
    ['exchange.orphans', { documentId }]
  ];
}
