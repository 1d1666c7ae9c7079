// The dashboard: signs in, reads the summaries with the filters chosen, and draws each chart with a
// table beside it holding the same figures (for screen readers, and for copying).
import { areas, charts, leads, format } from './figures.js';
import { completeProviderSignIn, currentToken, developmentSignIn, providerSignIn, signedInAs, signOut } from './signin.js';

// Okabe and Ito's palette: told apart with the common colour-vision deficiencies.
const palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
const $ = id => document.getElementById(id);
let config;
let generation = 0;

function element(name, attributes = {}, text) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    node.setAttribute(key, value);
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function say(text) {
  $('message').textContent = text ?? '';
  $('message').hidden = !text;
}

function setState(state, query) {
  document.body.dataset.state = state;
  if (query !== undefined) {
    document.body.dataset.query = query;
  }
}

function showSignIn(reason) {
  $('dashboard').hidden = true;
  $('account').hidden = true;
  $('sign-in').hidden = false;
  $('dev-sign-in').hidden = !config.devTokens;
  $('dev-note').hidden = !config.devTokens;
  $('provider-sign-in').hidden = !(config.authority && config.clientId);
  $('no-sign-in').hidden = config.devTokens || Boolean(config.authority && config.clientId);
  say(reason);
  setState('signed-out');
}

function filters() {
  return { year: $('year').value, office: $('office').value };
}

function queryOf(f) {
  const query = new URLSearchParams({ year: f.year });
  if (f.office) {
    query.set('office', f.office);
  }
  return query.toString();
}

async function summary(area, f, token) {
  const query = new URLSearchParams({ year: f.year });
  if (area.byOffice && f.office) {
    query.set('office', f.office);
  }
  const response = await fetch(`${area.path}?${query}`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
  if (response.status === 401) {
    throw Object.assign(new Error('Your sign-in has ended or was refused: sign in again.'), { signedOut: true });
  }
  if (response.status === 403) {
    throw new Error('Your account does not hold the hq-reporting role, which the figures need.');
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    const fields = Object.entries(problem.errors ?? {}).map(([field, errors]) => `${field}: ${errors.join(' ')}`);
    throw new Error(`${area.path} answered ${response.status}: ${problem.title ?? ''} ${fields.join('; ')}`.trim());
  }
  return response.json();
}

function table(spec, series) {
  const result = element('table', { id: `table-${spec.id}` });
  result.append(element('caption', {}, spec.title));
  const head = element('tr');
  head.append(element('th', { scope: 'col' }, spec.category));
  for (const dataset of series.datasets) {
    head.append(element('th', { scope: 'col' }, dataset.label));
  }
  const thead = element('thead');
  thead.append(head);
  result.append(thead);
  const body = element('tbody');
  series.labels.forEach((label, i) => {
    const row = element('tr');
    row.append(element('th', { scope: 'row' }, label));
    for (const dataset of series.datasets) {
      row.append(element('td', {}, format(dataset.data[i])));
    }
    body.append(row);
  });
  if (series.labels.length === 0) {
    const row = element('tr');
    row.append(element('td', { colspan: String(series.datasets.length + 1) }, 'No figures for this selection.'));
    body.append(row);
  }
  result.append(body);
  return result;
}

function draw(canvas, spec, series) {
  Chart.getChart(canvas)?.destroy();
  const doughnut = spec.type === 'doughnut';
  const datasets = series.datasets.filter(d => !d.tableOnly).map((d, i) => ({
    label: d.label,
    data: d.data,
    backgroundColor: doughnut ? series.labels.map((_, j) => palette[j % palette.length]) : palette[i % palette.length],
  }));
  const axes = { stacked: Boolean(spec.stacked) };
  return new Chart(canvas, {
    type: spec.type,
    data: { labels: series.labels, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: spec.horizontal ? 'y' : 'x',
      // Whole numbers on the axes: counts are never fractions (a median's half shows in the table).
      scales: doughnut ? {} : { x: { ...axes, beginAtZero: true, ticks: { precision: 0 } }, y: { ...axes, beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { display: doughnut || datasets.length > 1 } },
    },
  });
}

function figure(spec) {
  const existing = $(`chart-${spec.id}`);
  if (existing) {
    return existing;
  }
  const node = element('figure', { id: `chart-${spec.id}`, class: spec.wide ? 'chart wide' : 'chart', 'data-chart': spec.id });
  node.append(element('figcaption', { id: `title-${spec.id}` }, spec.title));
  const box = element('div', { class: 'chart-box' });
  box.append(element('canvas', {
    id: `canvas-${spec.id}`,
    role: 'img',
    'aria-label': `Chart: ${spec.title}. The table beside it holds the same figures.`,
  }));
  node.append(box);
  node.append(element('div', { class: 'table-box', role: 'region', tabindex: '0', 'aria-labelledby': `title-${spec.id}` }));
  document.querySelector(`[data-area="${spec.area}"]`).append(node);
  return node;
}

function render(spec, data) {
  const node = figure(spec);
  const series = spec.series(data);
  const box = node.querySelector('.chart-box');
  // Long lists (countries) get the height they need rather than squeezed bars.
  box.style.height = spec.horizontal ? `${Math.max(160, 28 * series.labels.length + 60)}px` : '';
  draw(node.querySelector('canvas'), spec, series);
  box.querySelector('.empty')?.remove();
  if (series.labels.length === 0) {
    box.append(element('p', { class: 'empty' }, 'No figures for this selection.'));
  }
  node.querySelector('.table-box').replaceChildren(table(spec, series));
}

async function load() {
  const token = currentToken();
  if (!token) {
    showSignIn('Your sign-in has ended: sign in again.');
    return;
  }
  const f = filters();
  const mine = ++generation;
  history.replaceState(null, '', `${location.pathname}?${queryOf(f)}`);
  setState('loading');
  $('status').textContent = 'Loading the figures…';
  try {
    const summaries = Object.fromEntries(await Promise.all(areas.map(async area => [area.id, await summary(area, f, token)])));
    if (mine !== generation) {
      return;
    }
    for (const area of areas) {
      $(`${area.id}-lead`).textContent = leads[area.id](summaries[area.id]);
    }
    for (const spec of charts) {
      render(spec, summaries[spec.area]);
    }
    $('expert-group-office-note').hidden = !f.office;
    say();
    $('status').textContent = `Figures for ${f.year}, ${f.office ? `office ${f.office}` : 'all offices'}.`;
    setState('ready', queryOf(f));
  } catch (error) {
    if (mine !== generation) {
      return;
    }
    if (error.signedOut) {
      signOut();
      showSignIn(error.message);
      return;
    }
    $('status').textContent = '';
    say(error.message);
    setState('error');
  }
}

function start() {
  const token = currentToken();
  $('sign-in').hidden = true;
  $('account').hidden = false;
  $('account-name').textContent = `Signed in as ${signedInAs(token)}`;
  $('dashboard').hidden = false;
  load();
}

function setUpFilters() {
  const asked = new URLSearchParams(location.search);
  const year = $('year');
  year.min = String(config.firstYear);
  year.max = String(config.lastYear);
  year.value = asked.get('year') ?? String(config.year);
  for (const office of config.offices) {
    $('office').append(element('option', { value: office }, office));
  }
  $('office').value = config.offices.includes(asked.get('office')) ? asked.get('office') : '';
  $('filters').addEventListener('submit', event => {
    event.preventDefault();
    if ($('filters').reportValidity()) {
      load();
    }
  });
  $('office').addEventListener('change', () => load());
}

async function main() {
  config = await (await fetch('/reporting/dashboard/config')).json();
  $('dev-sign-in').addEventListener('click', async () => {
    try {
      await developmentSignIn();
      say();
      start();
    } catch (error) {
      say(error.message);
    }
  });
  $('provider-sign-in').addEventListener('click', () => providerSignIn(config).catch(error => say(error.message)));
  $('sign-out').addEventListener('click', () => {
    signOut();
    showSignIn();
  });
  try {
    await completeProviderSignIn(config);
  } catch (error) {
    showSignIn(error.message);
  }
  setUpFilters();
  if (currentToken()) {
    start();
  } else if (document.body.dataset.state !== 'signed-out') {
    showSignIn();
  }
}

main();
