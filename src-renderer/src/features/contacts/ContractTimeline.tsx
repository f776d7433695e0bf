import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../../shared/domain';
import type { ContactContractView } from '../../../../shared/ipc';
import { formatDate } from '../../i18n';

const WIDTH = 640;
const HEIGHT = 46;
const BAR_Y = 14;
const BAR_HEIGHT = 14;

interface Props {
  contract: ContactContractView;
  today: IsoDate;
}

/**
 * One contract on a time axis: the contract itself, the pre- and post-contract windows shaded
 * (when switched on), and today marked — so "why does this contact have access?" is visible.
 * The core lays the axis out (ContractTimeline); this only scales its day counts to the width.
 */
export function ContractTimeline({ contract, today }: Props) {
  const { t } = useTranslation();
  const { start, end, windows, timeline } = contract;
  const x = (day: number) => (day / timeline.days) * WIDTH;
  const span = (from: number, to: number) => ({ x: x(from), width: x(to) - x(from) });

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

  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" height={HEIGHT} role="img" aria-label={label}>
      <title>{label}</title>
      <line x1={0} x2={WIDTH} y1={BAR_Y + BAR_HEIGHT / 2} y2={BAR_Y + BAR_HEIGHT / 2} stroke="#dee2e6" />
      {timeline.pre && (
        <rect
          {...span(timeline.pre.from, timeline.pre.to)}
          y={BAR_Y}
          height={BAR_HEIGHT}
          fill="#a5d8ff"
          data-window="pre"
        />
      )}
      <rect
        {...span(timeline.contract.from, timeline.contract.to)}
        y={BAR_Y}
        height={BAR_HEIGHT}
        fill="#69db7c"
        rx={2}
      />
      {timeline.post && (
        <rect
          {...span(timeline.post.from, timeline.post.to)}
          y={BAR_Y}
          height={BAR_HEIGHT}
          fill="#ffc078"
          data-window="post"
        />
      )}
      <line
        x1={x(timeline.today)}
        x2={x(timeline.today)}
        y1={4}
        y2={HEIGHT - 4}
        stroke="#e03131"
        strokeWidth={2}
      />
      <text x={Math.min(x(timeline.today) + 4, WIDTH - 40)} y={10} fontSize={10} fill="#e03131">
        {t('timeline.todayShort')}
      </text>
      <text x={2} y={HEIGHT - 2} fontSize={10} style={{ fill: 'var(--mantine-color-dimmed)' }}>
        {formatDate(timeline.from)}
      </text>
      <text
        x={WIDTH - 2}
        y={HEIGHT - 2}
        fontSize={10}
        style={{ fill: 'var(--mantine-color-dimmed)' }}
        textAnchor="end"
      >
        {formatDate(timeline.until)}
      </text>
    </svg>
  );
}
