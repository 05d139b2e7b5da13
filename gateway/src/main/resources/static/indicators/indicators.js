// The leaders' indicators page (Decision 766/QĐ-TTg): reads /indicators/data with the console's session (Hawtio's
// login), shows the headline figures, two ECharts charts and the late dossiers. Plain ES2017, no framework, no build
// step. The body's data-state (login, loading, ready, error, forbidden) and data-query (the query of the figures shown)
// say what the page shows, for the browser test and for anyone reading the page.
'use strict';

(function () {
  const DATA_URL = '/indicators/data';
  const LOGIN_URL = '/actuator/hawtio/auth/login';
  const LOGOUT_URL = '/actuator/hawtio/auth/logout';
  // Asia/Ho_Chi_Minh has been UTC+7 without daylight saving since 1975: dates are computed with a fixed offset.
  const VN_OFFSET_MS = 7 * 3600 * 1000;
  const RATE_FIELDS = ['syncRatio', 'onTimeRate', 'onlineRate', 'onlinePaymentRate', 'digitisedRate', 'vneidRate',
    'satisfactionRate'];
  const COUNT_FIELDS = ['received', 'receivedOnline', 'synced', 'finished', 'finishedOnTime', 'finishedLate',
    'progressPending', 'complaints'];
  const LAG_FIELDS = ['syncLagP50Seconds', 'syncLagP95Seconds'];
  const NONE = '—';

  const $ = (id) => document.getElementById(id);
  const charts = {};
  let requestNumber = 0;

  // ---- Formatting (Vietnamese conventions: decimal comma, dot between thousands) ----

  /**
   * A fraction 0..1 as a percent with one decimal (rounded half up), a decimal comma, a space and "%": "66,7 %",
   * "100,0 %"; "—" for null (nothing to divide by). IndicatorsBrowserTest formats the API's figures the same way.
   */
  function formatRate(value) {
    if (value === null || value === undefined || !isFinite(value)) {
      return NONE;
    }
    return (value * 100).toFixed(1).replace('.', ',') + ' %';
  }

  /** A count with dots between the thousands, "1.234"; "—" when absent. */
  function formatCount(value) {
    if (value === null || value === undefined || !isFinite(value)) {
      return NONE;
    }
    return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  }

  /**
   * A sync lag percentile in seconds as an upper bound in the largest whole unit ("≤ 5 giây", "≤ 2 phút", "≤ 4 giờ",
   * "≤ 1 ngày"): the gateway counts lags in buckets and gives the bound of the percentile's bucket. Its last bucket
   * (a week) holds every lag over a day, so a week or more reads "> 1 ngày".
   */
  function formatLag(seconds) {
    if (seconds === null || seconds === undefined || !isFinite(seconds)) {
      return NONE;
    }
    if (seconds >= 7 * 86400) {
      return '> 1 ngày';
    }
    if (seconds < 60) {
      return '≤ ' + Math.max(1, Math.ceil(seconds)) + ' giây';
    }
    if (seconds < 3600) {
      return '≤ ' + Math.ceil(seconds / 60) + ' phút';
    }
    if (seconds < 86400) {
      return '≤ ' + Math.ceil(seconds / 3600) + ' giờ';
    }
    return '≤ ' + Math.ceil(seconds / 86400) + ' ngày';
  }

  /** A duration in milliseconds in the largest sensible unit, for how late a dossier was. */
  function formatDuration(ms) {
    if (!isFinite(ms) || ms <= 0) {
      return NONE;
    }
    const hours = ms / 3600000;
    if (hours < 1) {
      return Math.ceil(ms / 60000) + ' phút';
    }
    if (hours < 24) {
      return Math.round(hours) + ' giờ';
    }
    return (Math.round(hours / 2.4) / 10).toFixed(1).replace('.', ',').replace(/,0$/, '') + ' ngày';
  }

  const pad = (n) => String(n).padStart(2, '0');

  /** An instant in milliseconds: ISO-8601 with an offset, or the portal's yyyyMMddHHmmss in Vietnam's time; NaN. */
  function parseInstant(text) {
    const portal = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text || '');
    if (portal) {
      const [, y, mo, d, h, mi, se] = portal.map(Number);
      return Date.UTC(y, mo - 1, d, h, mi, se) - VN_OFFSET_MS;
    }
    return Date.parse(text || '');
  }

  /** An instant as dd/MM/yyyy HH:mm in Vietnam's time; "—" when absent. */
  function formatDateTime(text) {
    const time = parseInstant(text);
    if (isNaN(time)) {
      return NONE;
    }
    const d = new Date(time + VN_OFFSET_MS);
    return pad(d.getUTCDate()) + '/' + pad(d.getUTCMonth() + 1) + '/' + d.getUTCFullYear() + ' '
      + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
  }

  /** yyyy-MM-dd as dd/MM/yyyy. */
  function formatDay(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    return m ? m[3] + '/' + m[2] + '/' + m[1] : (iso || NONE);
  }

  // ---- Periods (in Vietnam's calendar, whatever the browser's time zone) ----

  /** Today in Vietnam as {y, m (1..12), d}. */
  function vnToday() {
    const d = new Date(Date.now() + VN_OFFSET_MS);
    return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
  }

  const isoDay = (y, m, d) => y + '-' + pad(m) + '-' + pad(d);
  const lastDayOf = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();

  /** The from/to dates of a quick period: the whole calendar month or year. */
  function period(name) {
    const t = vnToday();
    if (name === 'last-month') {
      const y = t.m === 1 ? t.y - 1 : t.y;
      const m = t.m === 1 ? 12 : t.m - 1;
      return { from: isoDay(y, m, 1), to: isoDay(y, m, lastDayOf(y, m)) };
    }
    if (name === 'this-year') {
      return { from: isoDay(t.y, 1, 1), to: isoDay(t.y, 12, 31) };
    }
    return { from: isoDay(t.y, t.m, 1), to: isoDay(t.y, t.m, lastDayOf(t.y, t.m)) };
  }

  // ---- Calls ----

  /** The filters as a query string (empty filters left out). */
  function query(groupBy) {
    const params = new URLSearchParams();
    params.set('from', $('from').value);
    params.set('to', $('to').value);
    for (const name of ['unit', 'procedure']) {
      const value = $(name).value.trim();
      if (value) {
        params.set(name, value);
      }
    }
    params.set('groupBy', groupBy);
    return params.toString();
  }

  /** One call of the data: {status, body} (body: the JSON, or null when the reply is not JSON). */
  async function getData(queryString) {
    const response = await fetch(DATA_URL + '?' + queryString, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    const body = await response.json().catch(() => null);
    return { status: response.status, body };
  }

  /** Loads the period's figures (grouped by day or month) and its per-unit figures, then shows them. */
  async function load() {
    const number = ++requestNumber;
    const main = query($('groupBy').value);
    setBusy(true);
    document.body.dataset.state = 'loading';
    try {
      const [series, units] = await Promise.all([getData(main), getData(query('unit'))]);
      if (number !== requestNumber) {
        return; // a later request replaced this one
      }
      const refused = [series, units].find((reply) => reply.status !== 200 || !reply.body);
      if (refused) {
        refusal(refused);
        return;
      }
      showDashboard();
      render(series.body, units.body);
      history.replaceState(null, '', location.pathname + '?' + main);
      document.body.dataset.query = main;
      document.body.dataset.state = 'ready';
    } catch (e) {
      if (number === requestNumber) {
        showMessage('Không tải được số liệu: ' + e.message);
        document.body.dataset.state = 'error';
      }
    } finally {
      if (number === requestNumber) {
        setBusy(false);
      }
    }
  }

  /** What a refused call means to the reader: the login form, or a message that says why. */
  function refusal(reply) {
    if (reply.status === 401) {
      showLogin();
      return;
    }
    if (reply.status === 403) {
      showMessage('Tài khoản không có quyền xem chỉ tiêu.');
      $('logout').hidden = false;
      document.body.dataset.state = 'forbidden';
      return;
    }
    if (reply.status === 400) {
      const problems = reply.body && Array.isArray(reply.body.errors) ? reply.body.errors : [];
      const detail = problems.map((p) => (p.path ? p.path + ': ' : '') + p.message).join('; ');
      showMessage('Điều kiện lọc không hợp lệ' + (detail ? ': ' + detail : '.'));
    } else {
      showMessage('Không tải được số liệu (HTTP ' + reply.status + ').');
    }
    document.body.dataset.state = 'error';
  }

  async function logIn(event) {
    event.preventDefault();
    const error = $('login-error');
    error.hidden = true;
    $('login-submit').disabled = true;
    try {
      const response = await fetch(LOGIN_URL, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: $('username').value, password: $('password').value }),
      });
      if (response.ok) {
        $('password').value = '';
        $('login').hidden = true;
        await load();
        return;
      }
      // Hawtio answers wrong credentials with 403; the gateway's failed-login limit with 429.
      error.textContent = response.status === 429
        ? 'Đăng nhập sai quá nhiều lần, vui lòng thử lại sau.'
        : 'Sai tên đăng nhập hoặc mật khẩu.';
      error.hidden = false;
      document.body.dataset.state = 'login-failed';
    } catch (e) {
      error.textContent = 'Không kết nối được máy chủ: ' + e.message;
      error.hidden = false;
    } finally {
      $('login-submit').disabled = false;
    }
  }

  async function logOut() {
    try {
      await fetch(LOGOUT_URL, { method: 'POST', credentials: 'same-origin' });
    } catch (e) {
      // the login form is shown all the same: the next call of the data says whether the session is gone
    }
    showLogin();
  }

  // ---- Views ----

  function setBusy(busy) {
    $('apply').disabled = busy;
    $('dashboard').setAttribute('aria-busy', String(busy));
  }

  function showLogin() {
    $('dashboard').hidden = true;
    $('message').hidden = true;
    $('logout').hidden = true;
    $('login').hidden = false;
    $('username').focus();
    document.body.dataset.state = 'login';
  }

  function showMessage(text) {
    $('message').textContent = text;
    $('message').hidden = false;
  }

  function showDashboard() {
    $('login').hidden = true;
    $('message').hidden = true;
    $('dashboard').hidden = false;
    $('logout').hidden = false;
  }

  function render(data, byUnit) {
    const totals = data.totals || {};
    for (const field of RATE_FIELDS) {
      setField(field, formatRate(totals[field]));
    }
    for (const field of COUNT_FIELDS) {
      setField(field, formatCount(totals[field]));
    }
    for (const field of LAG_FIELDS) {
      setField(field, formatLag(totals[field]));
    }
    $('period').textContent = 'Kỳ báo cáo: ' + formatDay(data.from) + ' – ' + formatDay(data.to)
      + ' · Đơn vị: ' + (data.unit || 'tất cả') + ' · TTHC: ' + (data.procedure || 'tất cả')
      + ' · Theo ngày tiếp nhận hồ sơ, giờ Việt Nam';
    renderLate(data.late || [], data.lateTotal);
    const failures = data.failures || {};
    renderList('portalRejections', failures.portalRejections, ['code']);
    renderList('deadLetters', failures.deadLetters, ['flow']);
    renderList('held', failures.held, ['destination', 'reason']);
    // The figures stand without the charts: a browser that could not load ECharts still shows them.
    if (window.echarts) {
      renderSeries(data);
      renderUnits(byUnit.groups || []);
    }
  }

  function setField(field, text) {
    for (const element of document.querySelectorAll('[data-field="' + field + '"]')) {
      element.textContent = text;
    }
  }

  /** The chart in this element, created on first use (the dashboard is visible by then, so it has a size). */
  function chart(id) {
    if (!charts[id]) {
      charts[id] = window.echarts.init($(id), null, { renderer: 'canvas' });
    }
    return charts[id];
  }

  /** Every day (or month) of the period up to today, so that a quiet day shows as zero rather than disappearing. */
  function keysOf(data, monthly) {
    const from = Date.parse(data.from + 'T00:00:00Z');
    const today = vnToday();
    const to = Math.min(Date.parse(data.to + 'T00:00:00Z'), Date.UTC(today.y, today.m - 1, today.d));
    if (isNaN(from) || isNaN(to) || to < from || to - from > 800 * 86400000) {
      return (data.groups || []).map((g) => g.key);
    }
    const keys = [];
    for (let day = from; day <= to; day += 86400000) {
      const iso = new Date(day).toISOString().slice(0, 10);
      const key = monthly ? iso.slice(0, 7) : iso;
      if (keys[keys.length - 1] !== key) {
        keys.push(key);
      }
    }
    return keys;
  }

  function renderSeries(data) {
    const monthly = data.groupBy === 'month';
    $('series-title').textContent = monthly ? 'Hồ sơ theo tháng' : 'Hồ sơ theo ngày';
    const byKey = new Map((data.groups || []).map((g) => [g.key, g]));
    const keys = keysOf(data, monthly);
    const value = (key, field) => (byKey.get(key) || {})[field] || 0;
    const label = (key) => (monthly ? key.slice(5, 7) + '/' + key.slice(0, 4) : key.slice(8, 10) + '/' + key.slice(5, 7));
    const line = (name, field, color) => ({
      name, type: 'line', symbolSize: 5, color,
      data: keys.map((key) => value(key, field)),
    });
    chart('chart-series').setOption({
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: formatCount },
      legend: { top: 0 },
      grid: { left: 48, right: 20, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: keys.map(label) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        line('Tiếp nhận', 'received', '#1d4ed8'),
        line('Đã đồng bộ DVCQG', 'synced', '#059669'),
        line('Đã giải quyết', 'finished', '#d97706'),
      ],
    }, true);
  }

  function renderUnits(groups) {
    const units = groups.slice().sort((a, b) => (b.received || 0) - (a.received || 0)).slice(0, 20);
    const percent = (rate) => (rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10);
    chart('chart-units').setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 52, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: units.map((g) => g.key || NONE), axisLabel: { interval: 0, fontSize: 11 } },
      yAxis: [
        { type: 'value', name: 'Hồ sơ', minInterval: 1 },
        { type: 'value', name: 'Đúng hạn', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      ],
      series: [
        {
          name: 'Tiếp nhận', type: 'bar', color: '#1d4ed8', barMaxWidth: 48,
          data: units.map((g) => g.received || 0),
          tooltip: { valueFormatter: formatCount },
        },
        {
          name: 'Tỷ lệ đúng hạn', type: 'line', yAxisIndex: 1, color: '#059669', symbolSize: 8,
          data: units.map((g) => percent(g.onTimeRate)),
          tooltip: { valueFormatter: (v) => (v === null || v === undefined ? NONE : formatRate(v / 100)) },
        },
      ],
    }, true);
  }

  function cell(row, text, className) {
    const td = row.insertCell();
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    return td;
  }

  function renderLate(late, lateTotal) {
    const body = $('late').tBodies[0];
    body.replaceChildren();
    for (const dossier of late) {
      const row = body.insertRow();
      row.dataset.maHoSo = dossier.maHoSo;
      cell(row, dossier.maHoSo);
      cell(row, dossier.maDonVi || NONE);
      const procedure = cell(row, dossier.tenTTHC || dossier.maTTHC || NONE);
      if (dossier.maTTHC) {
        procedure.title = dossier.maTTHC;
      }
      cell(row, formatDateTime(dossier.ngayTiepNhan));
      cell(row, formatDateTime(dossier.ngayHenTra));
      cell(row, dossier.ngayTra ? formatDateTime(dossier.ngayTra) : 'Chưa trả');
      const end = dossier.ngayTra ? parseInstant(dossier.ngayTra) : Date.now();
      cell(row, formatDuration(end - parseInstant(dossier.ngayHenTra)), 'late');
    }
    const total = typeof lateTotal === 'number' ? lateTotal : late.length;
    $('late').hidden = late.length === 0;
    $('late-empty').hidden = late.length > 0;
    $('late-count').textContent = total > late.length
      ? '(' + formatCount(late.length) + ' hồ sơ gần nhất / ' + formatCount(total) + ')'
      : '(' + formatCount(total) + ')';
  }

  /** A list of the failures section: its key columns then its count; one row of "—" when it is absent or empty. */
  function renderList(name, items, keyFields) {
    const body = document.querySelector('table[data-list="' + name + '"]').tBodies[0];
    body.replaceChildren();
    const rows = Array.isArray(items) ? items : [];
    for (const item of rows) {
      const row = body.insertRow();
      for (const field of keyFields) {
        cell(row, item[field] === null || item[field] === undefined || item[field] === '' ? NONE : String(item[field]));
      }
      cell(row, formatCount(item.count), 'num');
    }
    if (rows.length === 0) {
      const row = body.insertRow();
      for (const field of keyFields) {
        cell(row, field === keyFields[0] ? 'Không có' : '');
      }
      cell(row, '0', 'num');
    }
  }

  // ---- Start ----

  function start() {
    const params = new URLSearchParams(location.search);
    const initial = period('this-month');
    const isDay = (text) => /^\d{4}-\d{2}-\d{2}$/.test(text || '');
    $('from').value = isDay(params.get('from')) ? params.get('from') : initial.from;
    $('to').value = isDay(params.get('to')) ? params.get('to') : initial.to;
    $('unit').value = params.get('unit') || '';
    $('procedure').value = params.get('procedure') || '';
    $('groupBy').value = params.get('groupBy') === 'month' ? 'month' : 'day';

    $('filters').addEventListener('submit', (event) => {
      event.preventDefault();
      load();
    });
    for (const button of document.querySelectorAll('[data-period]')) {
      button.addEventListener('click', () => {
        const chosen = period(button.dataset.period);
        $('from').value = chosen.from;
        $('to').value = chosen.to;
        $('groupBy').value = button.dataset.period === 'this-year' ? 'month' : 'day';
        load();
      });
    }
    $('groupBy').addEventListener('change', load);
    $('login-form').addEventListener('submit', logIn);
    $('logout').addEventListener('click', logOut);
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
    load();
  }

  start();
})();
