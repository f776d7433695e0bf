import { Alert, Table, Text } from '@mantine/core';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import type { TeamConnectionReport, TeamDatabaseState } from '../../../../shared/ipc';
import { errorMessage } from '../../i18n';

export type TestOutcome = { ok: true; report: TeamConnectionReport } | { ok: false; error: AppError };

/** What the database holds, in words. */
function stateText(database: TeamDatabaseState): string {
  switch (database.state) {
    case 'empty':
      return i18next.t('team.result.states.empty');
    case 'portal':
      return database.schemaVersion === null
        ? i18next.t('team.result.states.portalUnknown')
        : i18next.t('team.result.states.portal', { version: database.schemaVersion });
    case 'foreign':
      return i18next.t('team.result.states.foreign', { count: database.tables });
  }
}

/** What "Verbindung testen" found: the server, the database and the login's rights — or why it failed. */
/** `unsaved`: the form differs from the saved connection, so the test was of what is typed. */
export function ConnectionReportCard({ outcome, unsaved }: { outcome: TestOutcome; unsaved: boolean }) {
  const { t } = useTranslation();
  if (!outcome.ok) {
    return (
      <Alert color="red" title={t('team.result.failed')} data-testid="team-test-result">
        {errorMessage(outcome.error)}
      </Alert>
    );
  }
  const { report } = outcome;
  const yesNo = (allowed: boolean) => t(allowed ? 'team.result.allowed' : 'team.result.denied');
  const rows: [string, string][] = [
    [t('team.result.server'), t('team.result.serverVersion', { version: report.serverVersion })],
    [t('team.result.encryption'), t(report.encrypted ? 'team.result.encrypted' : 'team.result.notEncrypted')],
    [t('team.result.database'), stateText(report.database)],
    [
      t('team.result.rights'),
      `${t('team.result.read')}: ${yesNo(report.rights.read)} · ${t('team.result.write')}: ${yesNo(report.rights.write)}`,
    ],
  ];
  const warn = report.database.state === 'foreign' || !report.rights.read || !report.rights.write;
  return (
    <Alert color={warn ? 'orange' : 'green'} title={t('team.result.title')} data-testid="team-test-result">
      <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing={0}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w="35%" fw={600} pr="md">
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {unsaved && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('team.result.testedUnsaved')}
        </Text>
      )}
    </Alert>
  );
}
