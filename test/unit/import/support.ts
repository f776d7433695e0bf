import fs from 'node:fs';
import path from 'node:path';
import type { ImportFileView, ImportRun } from '../../../shared/contract/imports';
import { ok, type Invokable } from '../../invoke';

export const FIXTURES = path.join(import.meta.dirname, '../../fixtures/import');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name)).toString('base64');
}

/** Opens a fixture in the core. */
export function openFixture(
  core: Invokable,
  name: string,
  sheet: string | null = null,
): Promise<ImportFileView> {
  return ok(core, 'imports.open', { fileName: name, dataBase64: fixture(name), sheet });
}

/** A run of an opened file with its suggested mapping. */
export function runOf(view: ImportFileView, extra: Partial<ImportRun> = {}): ImportRun {
  return { fileId: view.fileId, mapping: view.suggested, values: {}, ...extra };
}
