import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { useTranslation } from 'react-i18next';
import type { AccessSettings, IsoDate } from '../../../../shared/domain';
import { formatDate } from '../../i18n';

const WIDTH = 640;
const HEIGHT = 46;
const BAR_Y = 14;
const BAR_HEIGHT = 14;
const MARGIN_DAYS = 20;

const iso = (date: Date): IsoDate => format(date, 'yyyy-MM-dd');
const shift = (day: IsoDate, days: number): IsoDate => iso(addDays(parseISO(day), days));

interface Props {
  start: IsoDate;
  end: IsoDate | null;
  settings: AccessSettings;
  today: IsoDate;
}

/**
 * One contract on a time axis: the contract itself, the pre- and post-contract windows shaded
 * (when switched on), and today marked — so "why does this contact have access?" is visible.
 */
export function ContractTimeline({ start, end, settings, today }: Props) {
  const { t } = useTranslation();
  const preFrom = settings.preContract.enabled ? shift(start, -settings.preContract.days) : null;
  const postUntil = end && settings.postContract.enabled ? shift(end, settings.postContract.days) : null;

  const firstDay = [preFrom ?? start, today].sort()[0]!;
  const lastKnown = [postUntil ?? end ?? shift(start, 365), today].sort()[1]!;
  const from = shift(firstDay, -MARGIN_DAYS);
  const until = shift(lastKnown, end ? MARGIN_DAYS : 60);
  const span = Math.max(1, differenceInCalendarDays(parseISO(until), parseISO(from)));
  const x = (day: IsoDate) => (differenceInCalendarDays(parseISO(day), parseISO(from)) / span) * WIDTH;
  const contractEnd = end ? x(shift(end, 1)) : WIDTH;

  const label = [
    t('timeline.contract', {
      start: formatDate(start),
      end: end ? formatDate(end) : t('timeline.openEnded'),
    }),
    preFrom && t('timeline.pre', { from: formatDate(preFrom) }),
    postUntil && t('timeline.post', { until: formatDate(postUntil) }),
    t('timeline.today', { date: formatDate(today) }),
  ]
    .filter(Boolean)
    .join('; ');

  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" height={HEIGHT} role="img" aria-label={label}>
      <title>{label}</title>
      <line x1={0} x2={WIDTH} y1={BAR_Y + BAR_HEIGHT / 2} y2={BAR_Y + BAR_HEIGHT / 2} stroke="#dee2e6" />
      {preFrom && (
        <rect
          x={x(preFrom)}
          y={BAR_Y}
          width={x(start) - x(preFrom)}
          height={BAR_HEIGHT}
          fill="#a5d8ff"
          data-window="pre"
        />
      )}
      <rect x={x(start)} y={BAR_Y} width={contractEnd - x(start)} height={BAR_HEIGHT} fill="#69db7c" rx={2} />
      {postUntil && end && (
        <rect
          x={contractEnd}
          y={BAR_Y}
          width={x(shift(postUntil, 1)) - contractEnd}
          height={BAR_HEIGHT}
          fill="#ffc078"
          data-window="post"
        />
      )}
      <line x1={x(today)} x2={x(today)} y1={4} y2={HEIGHT - 4} stroke="#e03131" strokeWidth={2} />
      <text x={Math.min(x(today) + 4, WIDTH - 40)} y={10} fontSize={10} fill="#e03131">
        {t('timeline.todayShort')}
      </text>
      <text x={2} y={HEIGHT - 2} fontSize={10} style={{ fill: 'var(--mantine-color-dimmed)' }}>
        {formatDate(from)}
      </text>
      <text
        x={WIDTH - 2}
        y={HEIGHT - 2}
        fontSize={10}
        style={{ fill: 'var(--mantine-color-dimmed)' }}
        textAnchor="end"
      >
        {formatDate(until)}
      </text>
    </svg>
  );
}
