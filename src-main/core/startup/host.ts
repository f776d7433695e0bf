/**
 * What the Electron shell and the UI harness both run at start: open the data store, or the fault
 * core when it cannot be opened; reopen it after a choice on the fault screen. The shell keeps one
 * `core` for its whole life (IPC handlers, event forwarding) while the one behind it changes.
 */
import type { OfflineRestore } from '../backup/backupFiles';
import { eventHub, type Core } from '../core';
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
  const hub = eventHub();
  let current: Core;
  let ready = false;
  let stopForwarding = () => {};

  /** `restoredAtStartup`: only for the one open right after the fault screen restored a backup. */
  function open(restoredAtStartup?: OfflineRestore): void {
    const options = shell.options();
    const opened = openDataStore(restoredAtStartup ? { ...options, restoredAtStartup } : options);
    ready = opened.kind === 'ready';
    current =
      opened.kind === 'ready'
        ? opened.core
        : createFaultCore(opened.fault, { shell, reopen, preferences: options.preferences });
    stopForwarding = current.events.onAny(hub.emit);
  }

  function close(): void {
    stopForwarding();
    current.close();
  }

  function reopen(restoredAtStartup?: OfflineRestore): void {
    close();
    open(restoredAtStartup);
  }

  open();
  return {
    get ready() {
      return ready;
    },
    core: {
      invoke: (channel, payload) => current.invoke(channel, payload),
      events: hub.events,
      close() {
        hub.clear();
        close();
      },
    },
  };
}
