/**
 * What the Electron shell and the UI harness both run at start: open the data store, or the fault
 * core when it cannot be opened; reopen it after a choice on the fault screen. The shell keeps one
 * `core` for its whole life (IPC handlers, event forwarding) while the one behind it changes.
 */
import type { EventName, EventPayloads } from '../../../shared/ipc';
import type { Core } from '../core';
import { createFaultCore, type StartupShell } from './faultCore';
import { openDataStore, type StartupOptions } from './openDataStore';

export type { StartupShell } from './faultCore';
export type { StartupOptions } from './openDataStore';

export interface AppShell extends StartupShell {
  /** What to open; asked again on every reopen, so that a chosen folder or reset preferences count. */
  options(): StartupOptions;
}

export interface AppHost {
  /** Always answers through the current core: the data store's, or the fault core. */
  core: Core;
  /** True while the data store is open (false while a start-up fault is shown). */
  readonly ready: boolean;
}

export function startApp(shell: AppShell): AppHost {
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  let current: Core;
  let ready = false;
  let stopForwarding = () => {};

  function open(): void {
    const options = shell.options();
    const opened = openDataStore(options);
    ready = opened.kind === 'ready';
    current =
      opened.kind === 'ready'
        ? opened.core
        : createFaultCore(opened.fault, { shell, reopen, preferences: options.preferences });
    stopForwarding = current.events.onAny((event, payload) => {
      for (const listener of listeners) listener(event, payload);
    });
  }

  function close(): void {
    stopForwarding();
    current.close();
  }

  function reopen(): void {
    close();
    open();
  }

  open();
  return {
    get ready() {
      return ready;
    },
    core: {
      invoke: (channel, payload) => current.invoke(channel, payload),
      events: {
        on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
          const forward = (name: EventName, payload: unknown) => {
            if (name === event) listener(payload as EventPayloads[E]);
          };
          listeners.add(forward);
          return () => listeners.delete(forward);
        },
        onAny(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      },
      close() {
        listeners.clear();
        close();
      },
    },
  };
}
