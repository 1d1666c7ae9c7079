// What the dashboard draws: each chart names its summary, and turns that summary's JSON into labels
// and datasets. The chart and its table are drawn from the same series, so they always agree.

const number = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** The summaries read, and whether each one takes the office filter. */
export const areas = [
  { id: 'training', path: '/reporting/training/summary', byOffice: true },
  { id: 'evidence', path: '/reporting/evidence/summary', byOffice: true },
  { id: 'awareness', path: '/reporting/awareness/summary', byOffice: true },
  { id: 'expert-group', path: '/reporting/expert-group/summary', byOffice: false },
];

function single(label, counts, order) {
  let entries = Object.entries(counts ?? {});
  if (order === 'most-first') {
    entries = entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }
  return { labels: entries.map(e => e[0]), datasets: [{ label, data: entries.map(e => e[1]) }] };
}

/** viewsByPeriod ({period, channel, views}, ordered by period then channel): one dataset per channel. */
function viewsOverTime(rows) {
  const periods = [...new Set(rows.map(r => r.period))];
  const channels = [...new Set(rows.map(r => r.channel))].sort();
  return {
    labels: periods,
    datasets: channels.map(channel => ({
      label: channel,
      data: periods.map(period => rows.find(r => r.period === period && r.channel === channel)?.views ?? null),
    })),
  };
}

const statuses = ['proposed', 'adopted', 'withdrawn'];

function byChapterAndStatus(chapters) {
  const labels = Object.keys(chapters ?? {});
  return {
    labels,
    datasets: statuses.map(status => ({ label: status, data: labels.map(chapter => chapters[chapter][status] ?? 0) })),
  };
}

function turnaround(byAddressee) {
  const labels = Object.keys(byAddressee ?? {});
  return {
    labels,
    datasets: [
      { label: 'median days', data: labels.map(a => byAddressee[a].median) },
      { label: '90th percentile days', data: labels.map(a => byAddressee[a].p90) },
      { label: 'requests decided', data: labels.map(a => byAddressee[a].count), tableOnly: true },
    ],
  };
}

export const charts = [
  { id: 'training-topic', area: 'training', title: 'Practitioners trained by topic', category: 'Topic', type: 'bar',
    series: s => single('practitioners', s.byTopic, 'most-first') },
  { id: 'training-region', area: 'training', title: 'Practitioners trained by region', category: 'Region', type: 'bar',
    series: s => single('practitioners', s.byRegion) },
  { id: 'training-gender', area: 'training', title: 'Practitioners trained by gender', category: 'Gender', type: 'doughnut',
    series: s => single('practitioners', s.byGender) },
  { id: 'training-country', area: 'training', title: 'Practitioners trained by country', category: 'Country', type: 'bar', horizontal: true, wide: true,
    series: s => single('practitioners', s.byCountry, 'most-first') },
  { id: 'evidence-turnaround', area: 'evidence', title: 'Evidence turnaround by addressee (days from submission to outcome)', category: 'Addressee', type: 'bar',
    series: s => turnaround(s.turnaroundByAddressee) },
  { id: 'awareness-views-over-time', area: 'awareness', title: 'Campaign views by channel over time', category: 'Period', type: 'bar', stacked: true, wide: true,
    series: s => viewsOverTime(s.viewsByPeriod ?? []) },
  { id: 'awareness-views-by-channel', area: 'awareness', title: 'Campaign views by channel', category: 'Channel', type: 'bar',
    series: s => single('views', s.viewsByChannel, 'most-first') },
  { id: 'recommendations-status', area: 'expert-group', title: 'Recommendations by status (of the year\'s meetings)', category: 'Status', type: 'bar',
    series: s => single('recommendations', s.recommendations) },
  { id: 'recommendations-chapter', area: 'expert-group', title: 'Recommendations by chapter and status', category: 'Chapter', type: 'bar', wide: true,
    series: s => byChapterAndStatus(s.recommendationsByChapterAndStatus) },
];

/** "1 country", "64 countries". */
function count(n, one, many) {
  return `${number.format(n)} ${n === 1 ? one : many}`;
}

/** One sentence of key figures above each area's charts. */
export const leads = {
  training: s => `${count(s.practitionersTrained, 'practitioner', 'practitioners')} trained from ${count(s.countries, 'country', 'countries')}`
    + (s.criminalJusticePractitioners === undefined ? '' : `, ${count(s.criminalJusticePractitioners, 'criminal-justice practitioner', 'criminal-justice practitioners')} among them from ${count(s.criminalJusticeCountries, 'country', 'countries')}`)
    + `; ${number.format(s.headcountParticipants)} more reached by headcount.`,
  evidence: s => `${count(s.requests, 'request', 'requests')} submitted for ${count(s.cases, 'case', 'cases')}; median turnaround `
    + (s.turnaroundDays.median === null ? 'not yet known' : `${number.format(s.turnaroundDays.median)} days`) + '.',
  awareness: s => `${count(s.views, 'campaign view', 'campaign views')}; ${count(s.activityParticipants, 'person', 'people')} in ${count(s.activities, 'activity', 'activities')} from ${count(s.activityCountries, 'country', 'countries')}.`,
  'expert-group': s => `Meetings held: ${number.format(s.meetingsHeld)}; postponed: ${number.format(s.meetingsPostponed)}; documents published: ${number.format(s.documentsPublished)}.`,
};

export function format(value) {
  return value === null || value === undefined ? '–' : number.format(value);
}
