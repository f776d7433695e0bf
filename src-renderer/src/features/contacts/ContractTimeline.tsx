import { Box, Group, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../../shared/domain';
import type { ContactContractView } from '../../../../shared/ipc';
import { formatDate } from '../../i18n';

const HEIGHT = 52;
const BAR_Y = 16;
const BAR_HEIGHT = 14;
const LABEL_Y = HEIGHT - 4;
/** Room a date label takes on the axis (px at 10 px type), so that labels never sit on each other. */
const LABEL_ROOM = 110;

const colors = {
  contract: '#69db7c',
  pre: '#a5d8ff',
  post: '#ffc078',
  start: '#2b8a3e',
  today: '#e03131',
};

interface Props {
  contract: ContactContractView;
  today: IsoDate;
}

/** A label on the axis, anchored so that it stays inside the width. */
function AxisLabel({
  x,
  width,
  text,
  y,
  fill,
}: {
  x: number;
  width: number;
  text: string;
  y: number;
  fill: string;
}) {
  const anchor = x < LABEL_ROOM / 2 ? 'start' : x > width - LABEL_ROOM / 2 ? 'end' : 'middle';
  const at = anchor === 'start' ? Math.max(x, 2) : anchor === 'end' ? Math.min(x, width - 2) : x;
  return (
    <text x={at} y={y} fontSize={10} textAnchor={anchor} style={{ fill }}>
      {text}
    </text>
  );
}

/**
 * One contract on a time axis: the contract itself, the pre- and post-contract windows shaded
 * (when switched on), its start marked and today marked — so "why does this contact have access?"
 * is visible. The core lays the axis out (ContractTimeline); this only scales its day counts to
 * the width it is given (measured, so that type keeps its size at every window width).
 */
export function ContractTimeline({ contract, today }: Props) {
  const { t } = useTranslation();
  const { ref, width: measured } = useElementSize();
  const width = Math.max(measured, 200);
  const { start, end, windows, timeline } = contract;
  const x = (day: number) => (day / timeline.days) * width;
  const span = (from: number, to: number) => ({ x: x(from), width: Math.max(x(to) - x(from), 0) });

  const label = [
    t('timeline.contract', {
      start: formatDate(start),
      end: end ? formatDate(end) : t('timeline.openEnded'),
    }),
    windows.preFrom && t('timeline.pre', { from: formatDate(windows.preFrom) }),
    windows.postUntil && t('timeline.post', { until: formatDate(windows.postUntil) }),
    t('timeline.today', { date: formatDate(today) }),
  ]
    .filter(Boolean)
    .join('; ');

  const startX = x(timeline.contract.from);
  const startShown = timeline.contract.from > 0 && timeline.contract.from < timeline.days;
  // The axis dates give way to the contract start's label where they would overlap it.
  const fromShown = !startShown || startX > LABEL_ROOM;
  const untilShown = !startShown || width - startX > LABEL_ROOM;
  const dimmed = 'var(--mantine-color-dimmed)';

  return (
    <Box ref={ref} w="100%">
      <svg width="100%" height={HEIGHT} role="img" aria-label={label} data-testid="contract-timeline">
        <title>{label}</title>
        <line x1={0} x2={width} y1={BAR_Y + BAR_HEIGHT / 2} y2={BAR_Y + BAR_HEIGHT / 2} stroke="#dee2e6" />
        {timeline.pre && (
          <rect
            {...span(timeline.pre.from, timeline.pre.to)}
            y={BAR_Y}
            height={BAR_HEIGHT}
            fill={colors.pre}
            data-window="pre"
          />
        )}
        <rect
          {...span(timeline.contract.from, timeline.contract.to)}
          y={BAR_Y}
          height={BAR_HEIGHT}
          fill={colors.contract}
          rx={2}
        />
        {timeline.post && (
          <rect
            {...span(timeline.post.from, timeline.post.to)}
            y={BAR_Y}
            height={BAR_HEIGHT}
            fill={colors.post}
            data-window="post"
          />
        )}
        {startShown && (
          <>
            <line
              x1={startX}
              x2={startX}
              y1={BAR_Y - 2}
              y2={BAR_Y + BAR_HEIGHT + 6}
              stroke={colors.start}
              strokeWidth={2}
              data-mark="start"
            />
            <AxisLabel
              x={startX}
              width={width}
              y={LABEL_Y}
              fill={colors.start}
              text={t('timeline.startShort', { date: formatDate(start) })}
            />
          </>
        )}
        <line
          x1={x(timeline.today)}
          x2={x(timeline.today)}
          y1={2}
          y2={BAR_Y + BAR_HEIGHT + 2}
          stroke={colors.today}
          strokeWidth={2}
        />
        <AxisLabel
          x={x(timeline.today)}
          width={width}
          y={10}
          fill={colors.today}
          text={t('timeline.todayShort')}
        />
        {fromShown && (
          <text x={2} y={LABEL_Y} fontSize={10} style={{ fill: dimmed }}>
            {formatDate(timeline.from)}
          </text>
        )}
        {untilShown && (
          <text x={width - 2} y={LABEL_Y} fontSize={10} style={{ fill: dimmed }} textAnchor="end">
            {formatDate(timeline.until)}
          </text>
        )}
      </svg>
    </Box>
  );
}

function Swatch({ color, label, line = false }: { color: string; label: string; line?: boolean }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Box w={line ? 3 : 14} h={12} bg={color} style={{ borderRadius: 2 }} aria-hidden />
      <Text size="xs">{label}</Text>
    </Group>
  );
}

/** What the timelines' colours and marks mean. */
export function TimelineLegend() {
  const { t } = useTranslation();
  return (
    <Group gap="md" mt="xs" role="group" aria-label={t('timeline.legend')} data-testid="timeline-legend">
      <Swatch color={colors.contract} label={t('timeline.legendContract')} />
      <Swatch color={colors.pre} label={t('timeline.legendPre')} />
      <Swatch color={colors.post} label={t('timeline.legendPost')} />
      <Swatch color={colors.start} label={t('timeline.legendStart')} line />
      <Swatch color={colors.today} label={t('timeline.todayShort')} line />
    </Group>
  );
}
