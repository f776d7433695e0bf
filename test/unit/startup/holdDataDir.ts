/**
 * A second app instance for dataDirLock.test.ts: opens a core on the data folder given as argument,
 * says `ready` (or `refused <json>` when the folder is in use) on stdout, and closes the core and
 * exits when its stdin ends.
 */
import { createCore } from '../../../src-main/core/core';
import { memoryPreferenceStore } from '../../../src-main/core/preferences';
import { DataDirInUseError } from '../../../src-main/core/startup/dataDirLock';

const dataDir = process.argv[2] ?? '';
try {
  const core = createCore({ dataDir, actor: 'second-instance', preferences: memoryPreferenceStore() });
  process.stdout.write('ready\n');
  process.stdin.resume();
  process.stdin.on('end', () => {
    core.close();
    process.exit(0);
  });
} catch (error) {
  if (!(error instanceof DataDirInUseError)) throw error;
  process.stdout.write(`refused ${JSON.stringify(error.holder)}\n`);
  process.exit(3);
}
