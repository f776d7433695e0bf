/**
 * `npm run import -- <file> --data-dir <dir> [--mapping <name>] [--dry-run] [--language de|en]`: the
 * Stammdaten-Import without a window, for a nightly ERP export run by cron or the Windows task
 * scheduler. The same core and the same checks as Administration › Stammdaten-Import: without
 * `--mapping` the mapping suggested from the header is used (refused when a required field stays
 * unmapped); with it, the kept mapping of that name. `--dry-run` prints the preview and writes nothing.
 *
 * Exit codes: 0 every row imported (or previewed), 3 imported but some rows rejected (listed),
 * 2 refused — nothing written (the error code is printed), 1 wrong arguments.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportPreview, ImportRun } from '../shared/contract/imports';
import type { AppError } from '../shared/errors';
import type { Channel, Request, Response } from '../shared/ipc';
import { createCore, type Core } from '../src-main/core/core';
import { rejectionText } from '../src-main/core/import/rejectedRows';

const USAGE =
  'usage: npm run import -- <file> --data-dir <dir> [--mapping <name>] [--dry-run] [--language de|en]';

class Refused extends Error {
  constructor(readonly error: AppError) {
    super(error.code);
  }
}

/** One request through the core; a refusal is thrown as `Refused`. */
async function call<C extends Channel>(core: Core, channel: C, payload: Request<C>): Promise<Response<C>> {
  const result = await core.invoke(channel, payload);
  if (!result.ok) throw new Refused(result.error);
  return result.value as Response<C>;
}

function printPreview(preview: ImportPreview, language: 'de' | 'en'): void {
  const { rows, counts, access, seats } = preview;
  console.log(`rows: ${rows.total} total, ${rows.imported} to import, ${rows.rejected} rejected`);
  for (const [level, c] of Object.entries(counts)) {
    console.log(`${level.padEnd(9)} created ${c.created}, changed ${c.changed}, unchanged ${c.unchanged}`);
  }
  console.log(
    `access today: ${access.gained.total} gain, ${access.lost.total} lose (${access.registeredLost.total} registered), ` +
      `${access.enteredWindow.total} enter a pre/post window; invitations ${access.invitePossible.total} possible, ` +
      `${access.inviteImpossible.total} impossible; seats ${seats.before} → ${seats.after}${seats.quota === null ? '' : ` of ${seats.quota}`}`,
  );
  if (preview.missingContracts.total > 0) {
    console.log(
      `contracts in the app but not in the file (left as they are): ${preview.missingContracts.total}`,
    );
  }
  for (const rejection of preview.rejected.items) {
    console.log(`line ${rejection.line}: ${rejection.code} ${rejectionText(language, rejection)}`);
  }
}

async function run(
  core: Core,
  file: string,
  mappingName: string | undefined,
  dryRun: boolean,
  language: 'de' | 'en',
) {
  const view = await call(core, 'imports.open', {
    fileName: path.basename(file),
    dataBase64: fs.readFileSync(file).toString('base64'),
    sheet: null,
  });
  let mapping = view.suggested;
  let values: ImportRun['values'] = {};
  if (mappingName !== undefined) {
    const saved = view.savedMappings.find((m) => m.name === mappingName);
    if (saved === undefined) {
      console.error(
        `no kept mapping named "${mappingName}" (kept: ${view.savedMappings.map((m) => m.name).join(', ') || 'none'})`,
      );
      return 1;
    }
    ({ mapping, values } = saved);
  }
  const importRun: ImportRun = { fileId: view.fileId, mapping, values };
  const preview = await call(core, 'imports.preview', importRun);
  printPreview(preview, language);
  if (dryRun) {
    await call(core, 'imports.cancel', { fileId: view.fileId });
    return preview.rows.rejected > 0 ? 3 : 0;
  }
  const summary = await call(core, 'imports.commit', { ...importRun, mappingName: mappingName ?? null });
  console.log(`imported: import ${summary.id}, backup before it: ${summary.backup?.name ?? '-'}`);
  return summary.rows.rejected > 0 ? 3 : 0;
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        mapping: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        language: { type: 'string', default: 'de' },
      },
    });
  } catch (error) {
    console.error(String(error instanceof Error ? error.message : error), `\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = parsed;
  const [file] = positionals;
  const language = values.language === 'en' ? 'en' : 'de';
  if (file === undefined || positionals.length > 1 || values['data-dir'] === undefined) {
    console.error(USAGE);
    return 1;
  }
  if (!fs.existsSync(file)) {
    console.error(`no such file: ${file}`);
    return 1;
  }
  const core = createCore({ dataDir: values['data-dir'], actor: 'import-cli' });
  try {
    return await run(core, file, values.mapping, values['dry-run'], language);
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    console.error(`refused: ${error.error.code} ${JSON.stringify(error.error.params)} — nothing was written`);
    return 2;
  } finally {
    core.close();
  }
}

process.exitCode = await main();
