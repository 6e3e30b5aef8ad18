// The dashboard: plain JavaScript and SVG served by the service itself, no library, nothing fetched
// from elsewhere. It reads the same API as any client, with the token of the user who logs in.
'use strict';

const TOKEN_KEY = 'pacemaker.token';
const STATS_EVERY_MS = 3000;
const PATIENTS_EVERY_MS = 10000;
const DAY = 86400;

// The four signals charted, with the alert limits that apply to each (names as in /api/v1/alerts/limits).
const SIGNALS = [
  { field: 'lead_impedance_ohms', title: 'Lead impedance (ohm)', min: 'lead_impedance_min_ohms', max: 'lead_impedance_max_ohms' },
  { field: 'capture_threshold_v', title: 'Capture threshold (V)', max: 'capture_threshold_max_v' },
  { field: 'r_wave_sensing_mv', title: 'R-wave amplitude (mV)', min: 'r_wave_min_mv' },
  { field: 'battery_voltage_v', title: 'Battery voltage (V)', min: 'battery_min_v' },
];

const state = {
  token: sessionStorage.getItem(TOKEN_KEY),
  timers: [],
  previous: null, // {rows, at} of the last stats poll, for the rate now
  selected: null,
};

const $ = (id) => document.getElementById(id);
const number = (value) => (value === null || value === undefined ? '-' : Number(value).toLocaleString('en-US'));
const utcDate = (seconds) => new Date(seconds * 1000).toISOString().slice(0, 10);
const utcDateTime = (seconds) => new Date(seconds * 1000).toISOString().slice(0, 16).replace('T', ' ');
const SVG = 'http://www.w3.org/2000/svg';

function svg(name, attributes, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes || {})) {
    element.setAttribute(key, value);
  }
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

class Unauthorized extends Error {}

async function api(path) {
  const response = await fetch(path, { headers: { Authorization: 'Bearer ' + state.token } });
  if (response.status === 401) {
    throw new Unauthorized('Your session has ended; log in again.');
  }
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new Error(body && body.detail ? body.detail : response.status + ' ' + response.statusText);
  }
  return body;
}

// Runs a refresh; shows its error in the given element, or logs out when the token is no longer good.
async function guarded(errorElement, refresh) {
  try {
    await refresh();
    errorElement.textContent = '';
    return true;
  } catch (error) {
    if (error instanceof Unauthorized) {
      showLogin(error.message);
    } else {
      errorElement.textContent = error.message;
    }
    return false;
  }
}

// --- login ---

async function logIn(event) {
  event.preventDefault();
  $('login-error').textContent = '';
  const form = new URLSearchParams({ username: $('username').value, password: $('password').value });
  try {
    const response = await fetch('/api/v1/login/access-token', { method: 'POST', body: form });
    const body = await response.json();
    if (!response.ok) {
      $('login-error').textContent = body.detail || 'Login failed';
      return;
    }
    state.token = body.access_token;
    sessionStorage.setItem(TOKEN_KEY, state.token);
    $('password').value = '';
    showDashboard();
  } catch (error) {
    $('login-error').textContent = 'The service does not answer: ' + error.message;
  }
}

function showLogin(message) {
  state.timers.forEach(clearInterval);
  state.timers = [];
  state.token = null;
  sessionStorage.removeItem(TOKEN_KEY);
  $('dashboard-view').hidden = true;
  $('session').hidden = true;
  $('login-view').hidden = false;
  $('login-error').textContent = message || '';
}

async function showDashboard() {
  try {
    const me = await api('/api/v1/users/me');
    $('user').textContent = me.email;
  } catch (error) {
    showLogin(error instanceof Unauthorized ? '' : error.message);
    return;
  }
  $('login-view').hidden = true;
  $('dashboard-view').hidden = false;
  $('session').hidden = false;
  state.previous = null;
  refreshStats();
  refreshPatients();
  state.timers.push(setInterval(refreshStats, STATS_EVERY_MS));
  state.timers.push(setInterval(() => {
    refreshPatients();
    if (state.selected !== null) {
      refreshChart();
    }
  }, PATIENTS_EVERY_MS));
}

// --- ingest ---

async function refreshStats() {
  const ok = await guarded($('stats-error'), async () => {
    const stats = await api('/api/v1/telemetry/stats?days=60');
    const now = Date.now();
    $('stat-rows').textContent = number(stats.rows);
    $('stat-patients').textContent = number(stats.patients);
    if (state.previous) {
      const perSecond = (stats.rows - state.previous.rows) / ((now - state.previous.at) / 1000);
      $('stat-rate').textContent = number(Math.max(0, Math.round(perSecond))) + '/s';
    }
    state.previous = { rows: stats.rows, at: now };
    $('stat-minute').textContent = number(Math.round(stats.rows_per_second)) + '/s';
    $('stat-span').textContent = stats.first_timestamp === null
      ? 'none yet'
      : utcDate(stats.first_timestamp) + ' to ' + utcDate(stats.last_timestamp) + ' (UTC)';
    const last = stats.last_request;
    $('stat-last-batch').textContent = last
      ? `${number(last.received_count)} rows received, ${number(last.inserted_count)} stored, `
        + `${number(last.duplicate_count)} duplicates, ${ago(Date.parse(last.at))}`
      : 'none since the service started';
    drawPerDay(stats.rows_per_day);
  });
  $('live').classList.toggle('stale', !ok);
}

function ago(millis) {
  const seconds = Math.max(0, Math.round((Date.now() - millis) / 1000));
  if (seconds < 120) {
    return seconds + ' s ago';
  }
  return Math.round(seconds / 60) + ' min ago';
}

function drawPerDay(days) {
  const chart = $('per-day');
  chart.replaceChildren();
  if (!days.length) {
    return;
  }
  const max = Math.max(...days.map((d) => d.rows));
  const width = 800 / days.length;
  days.forEach((d, i) => {
    const height = max === 0 ? 0 : (d.rows / max) * 52;
    const bar = svg('rect', { x: i * width + 1, y: 56 - height, width: Math.max(1, width - 2), height });
    bar.appendChild(svg('title', {}, `${d.day}: ${number(d.rows)} rows`));
    chart.appendChild(bar);
  });
  chart.appendChild(svg('text', { x: 0, y: 68 }, days[0].day));
  chart.appendChild(svg('text', { x: 800, y: 68, 'text-anchor': 'end' }, days[days.length - 1].day + ' (rows per UTC day)'));
}

// --- patients ---

async function loadRuleOptions() {
  const select = $('alert-filter');
  if (select.options.length > 3) {
    return;
  }
  const { rules } = await api('/api/v1/alerts/limits');
  for (const rule of rules) {
    select.appendChild(new Option('alert: ' + rule.id, rule.id));
  }
}

async function refreshPatients() {
  await guarded($('patients-error'), async () => {
    await loadRuleOptions();
    const filter = $('alert-filter').value;
    const list = await api('/api/v1/patients?limit=500' + (filter ? '&alert=' + encodeURIComponent(filter) : ''));
    $('patient-count').textContent = list.patients.length < list.total
      ? `showing ${number(list.patients.length)} of ${number(list.total)}`
      : `${number(list.total)} patients`;
    const rows = list.patients.map((patient) => patientRow(patient, list.limits));
    $('patient-rows').replaceChildren(...rows);
  });
}

function patientRow(patient, limits) {
  const row = document.createElement('tr');
  row.dataset.patient = patient.patient_id;
  row.classList.toggle('alerting', patient.alerts.length > 0);
  row.classList.toggle('selected', patient.patient_id === state.selected);
  const cell = (text, className) => {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  };
  cell(String(patient.patient_id));
  const alerts = cell('', 'alert-cell');
  for (const alert of patient.alerts) {
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = alert.rule.replaceAll('_', ' ');
    badge.title = alert.message + ' (reading of ' + utcDateTime(alert.reading_timestamp) + ' UTC)';
    alerts.appendChild(badge);
  }
  cell(utcDateTime(patient.last_timestamp));
  cell(number(patient.reading_count), 'num');
  for (const signal of SIGNALS) {
    const value = patient.latest[signal.field];
    const beyond = (signal.min && value < limits[signal.min]) || (signal.max && value > limits[signal.max]);
    cell(value.toFixed(2), beyond ? 'num beyond' : 'num');
  }
  row.addEventListener('click', () => selectPatient(patient.patient_id));
  return row;
}

// --- one patient's chart ---

function selectPatient(id) {
  state.selected = id;
  for (const row of $('patient-rows').children) {
    row.classList.toggle('selected', Number(row.dataset.patient) === id);
  }
  $('chart').hidden = false;
  refreshChart();
  $('chart').scrollIntoView({ behavior: 'smooth', block: 'start' });
}

async function refreshChart() {
  const id = state.selected;
  await guarded($('chart-error'), async () => {
    const days = Number($('chart-range').value);
    let path = `/api/v1/patients/${id}?limit=10000`;
    if (days > 0) {
      const { patient } = await api(`/api/v1/patients/${id}?limit=1`);
      path += '&from=' + (patient.last_timestamp - days * DAY + 1);
    }
    const detail = await api(path);
    if (state.selected !== id) {
      return;
    }
    $('chart-patient').textContent = `${id}: ${number(detail.patient.reading_count)} readings, last seen `
      + `${utcDateTime(detail.patient.last_timestamp)} UTC`;
    const alerts = detail.patient.alerts.map((alert) => {
      const item = document.createElement('li');
      item.textContent = alert.message + ' (reading of ' + utcDateTime(alert.reading_timestamp) + ' UTC)';
      return item;
    });
    $('chart-alerts').replaceChildren(...alerts);
    $('charts').replaceChildren(...SIGNALS.map((signal) => signalChart(signal, detail.series, detail.limits)));
  });
}

function signalChart(signal, series, limits) {
  const W = 800;
  const H = 150;
  const left = 52;
  const right = 10;
  const top = 8;
  const bottom = 20;
  const figure = document.createElement('div');
  figure.className = 'signal';
  figure.dataset.field = signal.field;
  const heading = document.createElement('h3');
  heading.textContent = signal.title;
  figure.appendChild(heading);
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': signal.title });
  figure.appendChild(chart);
  if (!series.length) {
    chart.appendChild(svg('text', { x: left, y: H / 2, class: 'tick' }, 'no readings in this range'));
    return figure;
  }
  const lines = [signal.min, signal.max].filter(Boolean).map((name) => ({ name, value: limits[name] }));
  const values = series.map((reading) => reading[signal.field]);
  let low = Math.min(...values, ...lines.map((l) => l.value));
  let high = Math.max(...values, ...lines.map((l) => l.value));
  const pad = (high - low) * 0.06 || 1;
  low -= pad;
  high += pad;
  const t0 = series[0].timestamp;
  const t1 = Math.max(series[series.length - 1].timestamp, t0 + 1);
  const x = (t) => left + ((t - t0) / (t1 - t0)) * (W - left - right);
  const y = (v) => top + (1 - (v - low) / (high - low)) * (H - top - bottom);

  chart.appendChild(svg('line', { x1: left, x2: left, y1: top, y2: H - bottom, class: 'axis' }));
  chart.appendChild(svg('line', { x1: left, x2: W - right, y1: H - bottom, y2: H - bottom, class: 'axis' }));
  for (let i = 0; i <= 3; i++) {
    const v = low + ((high - low) * i) / 3;
    chart.appendChild(svg('text', { x: left - 4, y: y(v) + 3, 'text-anchor': 'end', class: 'tick' }, v.toFixed(v < 10 ? 2 : 0)));
  }
  [t0, (t0 + t1) / 2, t1].forEach((t, i) => {
    const anchor = ['start', 'middle', 'end'][i];
    chart.appendChild(svg('text', { x: x(t), y: H - 5, 'text-anchor': anchor, class: 'tick' }, utcDate(t)));
  });
  for (const line of lines) {
    chart.appendChild(svg('line', { x1: left, x2: W - right, y1: y(line.value), y2: y(line.value), class: 'limit' }));
    chart.appendChild(svg('text', { x: left + 4, y: y(line.value) - 3, class: 'limit-label' }, 'limit ' + line.value));
  }
  const points = series.map((reading) => `${x(reading.timestamp).toFixed(1)},${y(reading[signal.field]).toFixed(1)}`);
  chart.appendChild(svg('polyline', { points: points.join(' '), class: 'data' }));
  for (const reading of series) {
    const value = reading[signal.field];
    const beyond = (signal.min && value < limits[signal.min]) || (signal.max && value > limits[signal.max]);
    if (beyond) {
      const dot = svg('circle', { cx: x(reading.timestamp), cy: y(value), r: 3, class: 'beyond' });
      dot.appendChild(svg('title', {}, `${utcDateTime(reading.timestamp)} UTC: ${value}`));
      chart.appendChild(dot);
    }
  }
  return figure;
}

// --- start ---

document.addEventListener('DOMContentLoaded', () => {
  $('login-form').addEventListener('submit', logIn);
  $('logout').addEventListener('click', () => showLogin(''));
  $('alert-filter').addEventListener('change', refreshPatients);
  $('chart-range').addEventListener('change', refreshChart);
  if (state.token) {
    showDashboard();
  } else {
    showLogin('');
  }
});
