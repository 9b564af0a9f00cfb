// The dashboard page: one WebSocket to the manager that served it; every message redraws the view.
// Views: the overview (#/) and a service's page (#/service/NAME). Plain DOM, no framework; text is
// always set as text (names come from users).

const state = {
  snapshot: null,
  events: [],
  session: null,
  logs: [],
  logsFor: null,
  logsError: null,
  message: '',
};
let ws;
let nextActionId = 1;
const MAX_LOG_LINES = 500;

/** h('div', {class: 'x', 'data-a': 1, onclick: fn}, child, 'text', [children]) */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const time = (ms) => (ms ? new Date(ms).toLocaleTimeString() : '');
const route = () => {
  const m = /^#\/service\/(.+)$/.exec(location.hash);
  return m ? { page: 'service', service: decodeURIComponent(m[1]) } : { page: 'overview' };
};

/** A stable colour per service, for its task cards. */
function colour(name) {
  let x = 0;
  for (const ch of name) x = (x * 31 + ch.charCodeAt(0)) >>> 0;
  return `hsl(${x % 360} 60% 45%)`;
}

function badge(text, kind) {
  return h('span', { class: `badge ${kind ?? ''}` }, text);
}

function stateBadge(s) {
  return badge(
    s,
    s === 'ready' || s === 'running' || s === 'reachable'
      ? 'ok'
      : s === 'down' || s === 'unreachable' || s === 'failed'
        ? 'bad'
        : '',
  );
}

function act(msg) {
  if (!ws || ws.readyState !== WebSocket.OPEN) return;
  ws.send(JSON.stringify({ type: 'action', id: nextActionId++, ...msg }));
}

function hostnameOf(nodeId) {
  return state.snapshot?.nodes.find((n) => n.id === nodeId)?.hostname ?? nodeId.slice(0, 12);
}

function nodesView(s) {
  const byNode = new Map();
  for (const t of s.tasks) {
    if (!t.nodeId || t.desiredState !== 'running') continue;
    if (!byNode.has(t.nodeId)) byNode.set(t.nodeId, []);
    byNode.get(t.nodeId).push(t);
  }
  const actions = state.session?.actions === true;
  return h(
    'section',
    { id: 'nodes' },
    h('h2', {}, 'Nodes'),
    h(
      'div',
      { class: 'nodes' },
      s.nodes.map((n) =>
        h(
          'div',
          { class: 'node', 'data-node': n.hostname, 'data-state': n.state, 'data-availability': n.availability },
          h('h3', {}, n.hostname, ' ', n.manager?.leader ? badge('leader', 'ok') : null),
          h('div', { class: 'meta' }, n.role, ' · ', stateBadge(n.state), ' · ', n.availability),
          actions
            ? h(
                'div',
                {},
                n.availability === 'active'
                  ? h(
                      'button',
                      { onclick: () => act({ action: 'availability', node: n.id, availability: 'drain' }) },
                      'drain',
                    )
                  : h(
                      'button',
                      { onclick: () => act({ action: 'availability', node: n.id, availability: 'active' }) },
                      'activate',
                    ),
              )
            : null,
          (byNode.get(n.id) ?? []).map((t) =>
            h(
              'div',
              {
                class: 'task',
                'data-task': t.id,
                'data-service': t.service,
                'data-state': t.state,
                style: `--c: ${colour(t.service)}`,
              },
              h(
                'a',
                { href: `#/service/${encodeURIComponent(t.service)}` },
                `${t.service}.${t.slot || t.nodeId.slice(0, 6)}`,
              ),
              ' ',
              h('span', { class: 'meta' }, t.state),
            ),
          ),
        ),
      ),
    ),
  );
}

function updateCell(u) {
  if (!u) return '';
  const kind = u.state.includes('paused') ? 'bad' : u.state.endsWith('completed') ? 'ok' : 'warn';
  return h('span', { title: u.message }, badge(u.state, kind));
}

function servicesView(s) {
  const actions = state.session?.actions === true;
  return h(
    'section',
    { id: 'services' },
    h('h2', {}, 'Services'),
    h(
      'table',
      {},
      h(
        'tr',
        {},
        h('th', {}, 'name'),
        h('th', {}, 'mode'),
        h('th', {}, 'replicas'),
        h('th', {}, 'image'),
        h('th', {}, 'update'),
        actions ? h('th', {}, 'actions') : null,
      ),
      s.services.map((v) =>
        h(
          'tr',
          { 'data-service': v.name },
          h('td', {}, h('a', { href: `#/service/${encodeURIComponent(v.name)}` }, v.name)),
          h('td', {}, v.mode),
          h(
            'td',
            { 'data-replicas': `${v.running}/${v.desired}` },
            badge(`${v.running}/${v.desired}`, v.running === v.desired ? 'ok' : 'warn'),
          ),
          h('td', { class: 'meta' }, v.image),
          h('td', {}, updateCell(v.update)),
          actions ? h('td', {}, serviceActions(v)) : null,
        ),
      ),
    ),
  );
}

function serviceActions(v) {
  const input = h('input', { type: 'number', min: 0, value: v.desired, 'aria-label': `replicas of ${v.name}` });
  return [
    v.mode === 'replicated'
      ? [
          input,
          h(
            'button',
            { onclick: () => act({ action: 'scale', service: v.name, replicas: Number(input.value) }) },
            'scale',
          ),
        ]
      : null,
    v.canRollback ? h('button', { onclick: () => act({ action: 'rollback', service: v.name }) }, 'rollback') : null,
  ];
}

function managersView(s) {
  return h(
    'section',
    { id: 'managers' },
    h('h2', {}, 'Managers'),
    h(
      'table',
      {},
      h(
        'tr',
        {},
        h('th', {}, 'hostname'),
        h('th', {}, 'address'),
        h('th', {}, 'leader'),
        h('th', {}, 'reachability'),
        h('th', {}, 'node'),
      ),
      s.nodes
        .filter((n) => n.manager)
        .map((n) =>
          h(
            'tr',
            { 'data-manager': n.hostname },
            h('td', {}, n.hostname),
            h('td', {}, n.manager.addr),
            h('td', {}, n.manager.leader ? badge('leader', 'ok') : ''),
            h('td', {}, stateBadge(n.manager.reachability || 'unknown')),
            h('td', {}, stateBadge(n.state)),
          ),
        ),
    ),
  );
}

function eventsView(events, title) {
  return h(
    'section',
    { id: 'events' },
    h('h2', {}, title),
    h(
      'div',
      { class: 'events' },
      events
        .slice()
        .reverse()
        .map((e) =>
          h(
            'div',
            { 'data-event': `${e.type} ${e.action}` },
            `${time(e.time)} ${e.type} ${e.action} ${e.name || e.id.slice(0, 12)} `,
            h(
              'span',
              { class: 'meta' },
              Object.entries(e.attributes)
                .map(([k, v]) => `${k}=${v}`)
                .join(', '),
            ),
          ),
        ),
    ),
  );
}

function overview(s) {
  return [nodesView(s), servicesView(s), managersView(s), eventsView(state.events, 'Recent events')];
}

function servicePage(s, name) {
  const v = s.services.find((x) => x.name === name || x.id === name);
  if (!v) return [h('section', {}, h('h2', {}, `No service ${name}`), h('a', { href: '#/' }, 'back'))];
  const tasks = s.tasks.filter((t) => t.serviceId === v.id);
  const events = state.events.filter((e) => e.name === v.name || e.attributes.service === v.name || e.id === v.id);
  return [
    h(
      'section',
      { id: 'service', 'data-service': v.name },
      h(
        'h2',
        {},
        `Service ${v.name} `,
        badge(`${v.running}/${v.desired}`, v.running === v.desired ? 'ok' : 'warn'),
        ' ',
        updateCell(v.update),
      ),
      h('div', { class: 'meta' }, `${v.mode} · ${v.image}`),
      state.session?.actions ? h('div', {}, serviceActions(v)) : null,
      h(
        'table',
        {},
        h(
          'tr',
          {},
          h('th', {}, 'slot'),
          h('th', {}, 'task'),
          h('th', {}, 'node'),
          h('th', {}, 'desired'),
          h('th', {}, 'state'),
          h('th', {}, 'since'),
          h('th', {}, 'message'),
        ),
        tasks.map((t) =>
          h(
            'tr',
            { 'data-task': t.id },
            h('td', {}, t.slot || ''),
            h('td', {}, t.id.slice(0, 12)),
            h('td', {}, t.nodeId ? hostnameOf(t.nodeId) : ''),
            h('td', {}, t.desiredState),
            h('td', {}, stateBadge(t.state)),
            h('td', {}, time(t.timestamp)),
            h('td', { class: 'meta' }, t.message),
          ),
        ),
      ),
    ),
    h(
      'section',
      { id: 'logs' },
      h('h2', {}, 'Logs (live)'),
      state.logsError ? h('div', { class: 'error' }, state.logsError) : null,
      h(
        'pre',
        { class: 'logs' },
        state.logs.map((l) => `${hostnameOf(l.nodeId)} ${v.name}.${l.slot} | ${l.line.replace(/\n$/, '')}\n`),
      ),
    ),
    eventsView(events, 'Recent events of this service'),
  ];
}

function render() {
  const main = document.getElementById('main');
  const s = state.snapshot;
  const r = route();
  const wanted = r.page === 'service' ? r.service : null;
  if (wanted !== state.logsFor) {
    state.logsFor = wanted;
    state.logs = [];
    state.logsError = null;
    if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'logs', service: wanted }));
  }
  const body =
    s === null ? [h('section', {}, 'loading…')] : r.page === 'service' ? servicePage(s, r.service) : overview(s);
  const logs = main.querySelector('pre.logs');
  const stick = logs ? logs.scrollTop + logs.clientHeight >= logs.scrollHeight - 4 : true;
  main.replaceChildren(
    ...(state.message ? [h('section', { class: 'error', id: 'message' }, state.message)] : []),
    ...body,
  );
  const newLogs = main.querySelector('pre.logs');
  if (newLogs && stick) newLogs.scrollTop = newLogs.scrollHeight;
  const sess = document.getElementById('session');
  sess.textContent = state.session
    ? `${state.session.actions ? 'actions allowed' : 'read-only'} · session ends ${new Date(state.session.expiresAt).toLocaleString()}`
    : '';
}

function setConn(kind, text) {
  const el = document.getElementById('conn');
  el.dataset.conn = kind;
  el.textContent = text ?? kind;
}

function connect() {
  ws = new WebSocket(`wss://${location.host}/ws`);
  ws.onopen = () => {
    setConn('live');
    state.logsFor = null; // ask for the log tail again on this socket
    render();
  };
  ws.onmessage = (m) => {
    const msg = JSON.parse(m.data);
    if (msg.type === 'hello') state.session = msg.session;
    else if (msg.type === 'snapshot') state.snapshot = msg.snapshot;
    else if (msg.type === 'events') state.events = msg.events;
    else if (msg.type === 'event') {
      state.events.push(msg.event);
      if (state.events.length > 100) state.events.shift();
    } else if (msg.type === 'log' && msg.service === state.logsFor) {
      state.logs.push(msg.log);
      if (state.logs.length > MAX_LOG_LINES) state.logs.shift();
    } else if (msg.type === 'logs-end' && msg.service === state.logsFor) state.logsError = msg.error;
    else if (msg.type === 'result') state.message = msg.ok ? '' : `action refused: ${msg.error}`;
    render();
  };
  ws.onclose = (e) => {
    if (e.code === 4001 || e.code === 4003) {
      const why = e.code === 4001 ? 'session expired' : 'link revoked';
      setConn('expired', `${why}: run \`clusterctl dashboard\` for a new link`);
      return;
    }
    setConn('closed', 'disconnected: retrying');
    // the page itself is refused once the token expired: a failed socket is retried only while it may succeed
    setTimeout(connect, 1000);
  };
}

window.addEventListener('hashchange', render);
connect();
render();
