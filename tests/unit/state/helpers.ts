/** The renderer's state classes on a real library: an API client that calls the real service in this process. */
import { expect, vi } from 'vitest';
import { createClient, type ApiClient } from '../../../src/shared/api/client';
import type { MethodName } from '../../../src/shared/api/contract';
import { Notices } from '../../../src/renderer/lib/state/notices.svelte';
import { SAMPLE_FILE, type TempLibrary, tempLibrary } from '../helpers/temp-library';

export interface StateLibrary extends TempLibrary {
  /** The client the state classes get, as the window's composition root would pass it. */
  api: ApiClient;
  notices: Notices;
}

/**
 * A temp library and a client over its service. Inputs and answers are copied as they would be on
 * the way through IPC or HTTP, so no object is shared between the state and the service.
 */
export function stateLibrary(): StateLibrary {
  const lib = tempLibrary('factdesk-state-');
  return { ...lib, api: windowClient(lib), notices: new Notices() };
}

/** The API client of one window on the library (each window names the user it shows on its own). */
export const windowClient = (lib: TempLibrary): ApiClient =>
  createClient(async (method, input, actingUser) => structuredClone(await lib.service.call(method, structuredClone(input), actingUser)));

/** A state library in which Ana Checker has imported the sample article: where most tests start. */
export async function libraryWithSample(): Promise<{ lib: StateLibrary; documentId: string }> {
  const lib = stateLibrary();
  await lib.call('settings.update', { userName: 'Ana Checker' });
  return { lib, documentId: (await lib.importFile(SAMPLE_FILE)).document.id };
}

/** What the notices say, one line each, for assertions. */
export const said = (notices: Notices) => notices.items.map((item) => [item.title, item.message].filter(Boolean).join(': '));

/**
 * The client with the answers to `method` held back until `answer` lets them go: the library has done
 * the work, the window has not heard yet (a slow link).
 */
export function holdingAnswers(api: ApiClient, method: MethodName) {
  const held: (() => void)[] = [];
  const call = async (name: MethodName, input: unknown) => {
    const result = await api.call(name, input as never);
    if (name === method) await new Promise<void>((resolve) => held.push(resolve));
    return result;
  };
  return {
    api: { ...api, call } as ApiClient,
    /** Waits until `count` answers are held, then lets them go, first sent first. */
    async answer(count: number): Promise<void> {
      await vi.waitFor(() => expect(held.length).toBe(count));
      for (const release of held.splice(0)) release();
    }
  };
}
