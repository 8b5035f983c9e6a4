/**
 * The storage and notifications the steps after a poll use in Chrome's parsing document, which has
 * neither API: each call crosses to the worker (`WorkerCall`), which makes it with its own. Both
 * sides are here: the document's stand-ins and the worker's answer.
 *
 * The worker answers these whenever they come, not only while a poll's steps run (unlike the
 * document's fetches, `lib/parsing/link.ts`): runtime messages reach it only from the extension's
 * own pages, and every other page of ours has both APIs itself, so answering gives none of them
 * anything it did not have.
 */
import type { NotificationsApi } from '../background/notify';
import type { Area } from '../records/core';
import type { AreaApi } from '../storage';
import { failure, valueOf, type CallAnswer, type WorkerCall } from './wire';

/** Sends a call to the worker and resolves with its answer: `runtime.sendMessage`. */
export type SendCall = (call: WorkerCall) => Promise<unknown>;

const ask = async (send: SendCall, call: WorkerCall): Promise<unknown> => valueOf(await send(call), 'the worker');

/** Storage areas whose reads and writes the worker makes (for `useStorage`). */
export function workerAreas(send: SendCall): Readonly<Record<Area, AreaApi>> {
  const area = (name: Area): AreaApi => ({
    get: async (keys) => ((await ask(send, { type: 'parser-call', api: 'storage', op: 'get', area: name, keys })) ?? {}) as Record<string, unknown>,
    set: async (items) => void (await ask(send, { type: 'parser-call', api: 'storage', op: 'set', area: name, items })),
  });
  return { local: area('local'), session: area('session') };
}

/** Notifications the worker shows and clears. */
export function workerNotifications(send: SendCall): NotificationsApi {
  return {
    create: (notificationId, options) => ask(send, { type: 'parser-call', api: 'notifications', op: 'create', notificationId, options }),
    clear: (notificationId) => ask(send, { type: 'parser-call', api: 'notifications', op: 'clear', notificationId }),
  };
}

/** The worker's APIs the calls are made with. */
export interface CallApis {
  storage: Readonly<Record<Area, AreaApi>>;
  notifications: NotificationsApi;
}

/** Makes one call with the worker's APIs; a failure is answered as its message, never thrown. */
export async function answerCall(call: WorkerCall, apis: CallApis): Promise<CallAnswer> {
  try {
    const value = await (call.api === 'storage'
      ? call.op === 'get'
        ? apis.storage[call.area].get(call.keys)
        : apis.storage[call.area].set(call.items)
      : call.op === 'create'
        ? apis.notifications.create(call.notificationId, call.options)
        : apis.notifications.clear(call.notificationId));
    return { ok: true, value: value ?? null };
  } catch (error) {
    return failure(error);
  }
}
