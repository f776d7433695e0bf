import type { ReactNode } from 'react';
import { Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';

/**
 * The top of a list or settings page: where it sits in the menu (`crumbs`, for pages under
 * Administration), its title, what it is for and, beside them, its main action.
 */
export function PageHeader({
  crumbs,
  title,
  intro,
  action,
}: {
  crumbs?: readonly string[];
  title: string;
  intro?: string;
  action?: ReactNode;
}) {
  const heading = (
    <>
      <Title order={2}>{title}</Title>
      {intro !== undefined && <Text c="dimmed">{intro}</Text>}
    </>
  );
  return (
    <>
      {crumbs && (
        <Breadcrumbs>
          {crumbs.map((crumb) => (
            <Text size="sm" key={crumb}>
              {crumb}
            </Text>
          ))}
        </Breadcrumbs>
      )}
      {action === undefined ? (
        heading
      ) : (
        <Group justify="space-between" align="flex-end">
          <Stack gap={4}>{heading}</Stack>
          {action}
        </Group>
      )}
    </>
  );
}
