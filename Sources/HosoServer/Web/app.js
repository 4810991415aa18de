// hoso web interface (issue 8). One file, no framework, no build step.
//
// The key lives only in sessionStorage (this tab, until it closes) and travels only as the
// Authorization header of same-origin /v1 calls. Everything shown is built with DOM calls and
// textContent, never parsed from strings, so record text cannot become markup.
'use strict';

(() => {
  const KEY_ITEM = 'hoso.key';
  const DEBOUNCE_MS = 200;
  const PAGE = 20;

  const $ = (id) => document.getElementById(id);

  const state = {
    key: null,
    mode: null, // 'browse' | 'self'
    isAdmin: null, // unknown until the first card asks for its audit trail
    controller: null,
    sequence: 0,
    timer: 0,
    nextCursor: null,
    lastParams: null,
    shown: 0,
    lastOpened: null,
    openedFromList: false,
  };

  // ---------------------------------------------------------------- words

  /** Match tiers (DESIGN §4): short label and what it means. */
  const TIERS = {
    exact: ['Đúng chính tả', 'Viết đúng như trong hồ sơ'],
    tone: ['Khác dấu thanh', 'Cùng chữ, khác hoặc thiếu dấu thanh'],
    folded: ['Không dấu', 'Khớp khi bỏ hết dấu'],
    variant: ['Biến thể', 'Gõ Telex, viết tắt hoặc tên gọi khác'],
    lineage: ['Địa danh cũ/mới', 'Khớp qua tên đơn vị hành chính trước hoặc sau sáp nhập'],
    fuzzy: ['Gần đúng', 'Sai khác một ký tự'],
  };

  const FIELDS = [
    ['id', 'Mã hồ sơ'],
    ['national_id', 'Số định danh cá nhân (CCCD)'],
    ['other_names', 'Tên gọi khác'],
    ['gender', 'Giới tính'],
    ['birth_date', 'Ngày sinh'],
    ['hometown', 'Quê quán'],
    ['ethnicity', 'Dân tộc'],
    ['religion', 'Tôn giáo'],
    ['agency', 'Cơ quan công tác'],
    ['agency_code', 'Mã cơ quan'],
    ['position', 'Chức vụ'],
    ['grade', 'Ngạch / chức danh nghề nghiệp'],
    ['status', 'Tình trạng'],
    ['access_level', 'Mức hạn chế tiếp cận'],
    ['source', 'Đơn vị cung cấp'],
    ['version', 'Phiên bản'],
    ['updated_at', 'Cập nhật lúc'],
  ];
  const RESTRICTED = new Set(['national_id', 'religion']);
  const NOT_FIELDS = new Set(['full_name', 'work_history', 'training', 'originals']);

  const STATUS = {
    active: 'Đang công tác',
    retired: 'Đã nghỉ hưu',
    transferred_out: 'Đã chuyển công tác ra ngoài',
    deceased: 'Đã từ trần',
  };
  const LEVELS = ['Công khai', 'Nội bộ', 'Hạn chế', 'Mật'];
  const ROLES = {
    officer: 'Cán bộ xác minh',
    recruiter: 'Nhà tuyển dụng',
    agency: 'Cơ quan',
    self: 'Cá nhân',
    admin: 'Quản trị viên',
  };
  const KINDS = {
    search: 'Tìm kiếm',
    view: 'Xem hồ sơ',
    history: 'Xem quá trình công tác',
    me: 'Tự xem hồ sơ',
    audit: 'Xem nhật ký',
    flag: 'Bị gắn cờ tra cứu bất thường',
  };
  const PARAMETERS = {
    name: 'Họ và tên',
    q: 'Họ và tên',
    hometown: 'Quê quán',
    position: 'Chức vụ',
    agency: 'Cơ quan',
    born: 'Năm sinh',
    national_id: 'Số định danh',
    id: 'Mã hồ sơ',
    cursor: 'Trang kết quả',
    limit: 'Số kết quả',
    subject: 'Mã hồ sơ',
  };

  // ---------------------------------------------------------------- API

  /** A failed API call: the HTTP status (0 when the server could not be reached) and its error body. */
  class ApiError extends Error {
    constructor(status, error, retryAfter) {
      super((error && error.message) || 'HTTP ' + status);
      this.status = status;
      this.code = error && error.code;
      this.serverMessage = error && error.message;
      this.parameter = error && error.parameter;
      this.retryAfter = retryAfter;
    }
  }

  /** GETs a /v1 path with the session's key; resolves to the parsed JSON body. */
  async function api(path, signal) {
    let response;
    try {
      response = await fetch(path, {
        headers: { Authorization: 'Bearer ' + state.key, Accept: 'application/json' },
        signal,
        cache: 'no-store',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      });
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      throw new ApiError(0, null, null);
    }
    let body = null;
    try {
      body = await response.json();
    } catch (_) {
      body = null;
    }
    if (!response.ok) {
      throw new ApiError(response.status, body && body.error, response.headers.get('Retry-After'));
    }
    return body;
  }

  /** The error in plain Vietnamese words. */
  function plainWords(error) {
    const field = error.parameter && PARAMETERS[error.parameter];
    switch (true) {
      case error.status === 0:
        return 'Không kết nối được tới máy chủ. Hãy kiểm tra mạng rồi thử lại.';
      case error.status === 400:
        return field
          ? `Ô “${field}” chưa đúng: hãy sửa lại rồi tìm lại.`
          : 'Yêu cầu chưa hợp lệ. Hãy kiểm tra lại nội dung đã nhập.';
      case error.status === 401:
        return 'Khóa truy cập không đúng, đã bị thu hồi hoặc chưa được nhập. Hãy dán lại khóa do quản trị viên cấp.';
      case error.status === 403:
        return field
          ? `Khóa của bạn không được phép tìm theo “${field}”.`
          : 'Khóa của bạn không được phép xem nội dung này.';
      case error.status === 404:
        return 'Không tìm thấy hồ sơ này, hoặc khóa của bạn không được phép xem hồ sơ này.';
      case error.status === 413:
        return 'Nội dung tìm kiếm quá dài. Hãy rút gọn lại.';
      case error.status === 429: {
        const seconds = parseInt(error.retryAfter, 10);
        return 'Khóa của bạn đã tra cứu quá nhiều lần trong thời gian ngắn hoặc đã hết lượt trong ngày.' +
          (seconds > 0 ? ` Vui lòng thử lại sau ${seconds} giây.` : ' Vui lòng thử lại sau.');
      }
      case error.status === 503:
        return 'Máy chủ đang nạp dữ liệu, chưa sẵn sàng. Vui lòng thử lại sau ít phút.';
      case error.status >= 500:
        return 'Máy chủ gặp sự cố. Vui lòng thử lại sau; nếu vẫn lỗi, hãy báo quản trị viên.';
      default:
        return 'Đã có lỗi xảy ra (mã ' + error.status + ').';
    }
  }

  function showError(error) {
    const box = $('error');
    box.replaceChildren();
    box.append(el('p', { className: 'plain' }, plainWords(error)));
    if (error.status !== 0 && error.serverMessage) {
      box.append(el('p', { className: 'detail' }, `Thông báo của máy chủ (HTTP ${error.status}): ${error.serverMessage}`));
    }
    box.hidden = false;
  }

  function clearError() {
    $('error').hidden = true;
    $('error').replaceChildren();
  }

  // ---------------------------------------------------------------- DOM helpers

  /** Creates an element with properties and children (strings become text nodes). */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [name, value] of Object.entries(props)) {
        if (name === 'dataset') Object.assign(node.dataset, value);
        else if (name.startsWith('aria') || name === 'role') node.setAttribute(name.replace(/^aria([A-Z])/, (_, c) => 'aria-' + c.toLowerCase()), value);
        else node[name] = value;
      }
    }
    for (const child of children) {
      if (child !== null && child !== undefined && child !== false) node.append(child);
    }
    return node;
  }

  // ---------------------------------------------------------------- folding and highlighting

  /** Accent-insensitive form: NFD, combining marks dropped, đ → d, lower case. */
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  }

  /** The folded words of a query. */
  function queryWords(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  /** How many UTF-16 units of `word` fold to its first `n` folded characters. */
  function unitsForFolded(word, n) {
    let folded = 0;
    let units = 0;
    for (const ch of word) {
      if (folded >= n && !/\p{M}/u.test(ch)) break;
      folded += fold(ch).length;
      units += ch.length;
    }
    return units;
  }

  /**
   * `text` with the words matching `words` wrapped in <mark>: whole words, and with `prefixLast`
   * the last query word also as the start of a word (as typed). Accent-insensitive.
   */
  function highlighted(text, words, prefixLast) {
    const fragment = document.createDocumentFragment();
    if (!words.length) {
      fragment.append(text);
      return fragment;
    }
    const pattern = /[\p{L}\p{M}\p{N}]+/gu;
    let last = 0;
    let match;
    while ((match = pattern.exec(text))) {
      const word = match[0];
      const folded = fold(word);
      let units = 0;
      words.forEach((w, index) => {
        if (folded === w) units = word.length;
        else if (prefixLast && index === words.length - 1 && folded.startsWith(w)) {
          units = Math.max(units, unitsForFolded(word, w.length));
        }
      });
      if (units > 0) {
        fragment.append(text.slice(last, match.index), el('mark', null, word.slice(0, units)));
        last = match.index + units;
      }
    }
    fragment.append(text.slice(last));
    return fragment;
  }

  // ---------------------------------------------------------------- formatting

  const number = (n) => Number(n).toLocaleString('vi-VN');

  function formatHometown(h) {
    if (!h) return '';
    if (typeof h === 'string') return h;
    return [h.commune, h.district, h.province].filter(Boolean).join(', ');
  }

  function formatDate(d) {
    if (typeof d !== 'string') return String(d);
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
    return m ? `${m[3]}/${m[2]}/${m[1]}` : d;
  }

  function formatMonth(ym) {
    const m = /^(\d{4})-(\d{2})$/.exec(ym || '');
    return m ? `${m[2]}/${m[1]}` : ym || '';
  }

  function months(ym) {
    const m = /^(\d{4})-(\d{2})$/.exec(ym || '');
    return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : null;
  }

  function duration(from, to) {
    const start = months(from);
    let end = months(to);
    if (end === null) {
      const now = new Date();
      end = now.getFullYear() * 12 + now.getMonth();
    }
    if (start === null || end < start) return '';
    const total = end - start + 1;
    const years = Math.floor(total / 12);
    const rest = total % 12;
    return [years ? years + ' năm' : '', rest ? rest + ' tháng' : ''].filter(Boolean).join(' ');
  }

  function formatValue(key, value) {
    if (value === null || value === undefined) return '';
    switch (key) {
      case 'hometown': return formatHometown(value);
      case 'birth_date': return formatDate(value);
      case 'status': return STATUS[value] || value;
      case 'access_level': return `${value} — ${LEVELS[value] || ''}`;
      case 'updated_at': {
        const date = new Date(value);
        return isNaN(date) ? value : date.toLocaleString('vi-VN');
      }
    }
    if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('; ');
    if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}: ${v}`).join(', ');
    return String(value);
  }

  function birthYear(p) {
    return typeof p.birth_date === 'string' ? p.birth_date.slice(0, 4) : '';
  }

  // ---------------------------------------------------------------- key

  async function useKey(key) {
    clearError();
    state.key = key;
    state.isAdmin = null;
    let me = null;
    try {
      me = await api('/v1/me');
    } catch (error) {
      if (error.status !== 403) {
        if (error.status === 401) forgetKey(false);
        showError(error);
        if (error.status === 401) $('key').focus();
        return;
      }
    }
    sessionStorage.setItem(KEY_ITEM, key);
    $('key').value = '';
    keyPanel(true);
    $('intro').hidden = true;
    if (me) enterSelf(me);
    else enterBrowse();
  }

  function forgetKey(focus = true) {
    sessionStorage.removeItem(KEY_ITEM);
    state.key = null;
    state.mode = null;
    state.isAdmin = null;
    if (state.controller) state.controller.abort();
    $('key').value = '';
    keyPanel(false);
    $('who').hidden = true;
    $('search-view').hidden = true;
    $('card-view').hidden = true;
    $('intro').hidden = false;
    // The next person at this screen sees nothing of the last one's searches.
    $('search-form').reset();
    countFilters();
    $('results').replaceChildren();
    delete $('results').dataset.name;
    delete $('results').dataset.born;
    $('more').hidden = true;
    $('count').textContent = '';
    clearError();
    if (location.hash) history.replaceState(null, '', location.pathname);
    if (focus) $('key').focus();
  }

  /** With a key in use, the key panel shrinks to one line with "change" and "forget". */
  function keyPanel(compact) {
    const panel = document.querySelector('.key-panel');
    panel.classList.toggle('compact', compact);
    panel.classList.remove('changing');
    $('key-status').hidden = !compact;
  }

  function showWho(text) {
    $('who').textContent = text;
    $('who').hidden = false;
  }

  // ---------------------------------------------------------------- search

  function enterBrowse() {
    state.mode = 'browse';
    showWho(state.isAdmin ? 'Khóa quản trị viên' : 'Khóa tra cứu');
    route();
    if (!location.hash) $('q').focus();
  }

  const FILTERS = [['f-hometown', 'hometown'], ['f-position', 'position'], ['f-agency', 'agency'], ['f-born', 'born']];

  /** The query parameters of the form, or null when there is nothing to search for yet. */
  function searchParams() {
    const params = new URLSearchParams();
    const name = $('q').value.trim();
    const digits = name.replace(/[\s.]/g, '');
    const born = $('f-born');
    const bornValue = born.value.trim();
    const bornValid = bornValue === '' || /^\d{4}(-\d{4})?$/.test(bornValue);
    born.setAttribute('aria-invalid', String(!bornValid));
    $('f-born-help').textContent = bornValid
      ? 'Một năm hoặc một khoảng năm.'
      : 'Năm sinh cần 4 chữ số (1985) hoặc một khoảng (1980-1989).';
    if (!bornValid) return { invalid: true };
    if (/^\d{12}$/.test(digits)) {
      params.set('national_id', digits);
    } else if (name) {
      params.set('name', name);
      params.set('prefix', '1');
    }
    for (const [id, parameter] of FILTERS) {
      const value = $(id).value.trim();
      if (value) params.set(parameter, value);
    }
    if ([...params.keys()].length === 0) return null;
    if (params.has('name') && queryWords(name).join('').length < 2 && [...params.keys()].length === 2) {
      return { tooShort: true };
    }
    params.set('limit', String(PAGE));
    return params;
  }

  /** "(2 đang dùng)" beside "Lọc thêm", so filters hidden on a phone are not forgotten. */
  function countFilters() {
    const used = FILTERS.filter(([id]) => $(id).value.trim()).length;
    $('filter-count').textContent = used ? `(${used} đang dùng)` : '';
  }

  function scheduleSearch() {
    countFilters();
    clearTimeout(state.timer);
    state.timer = setTimeout(() => runSearch(false), DEBOUNCE_MS);
  }

  /**
   * Searches: as typed (the last word a prefix), or with `wholeWords` (Enter) every word whole;
   * with `append`, the next page of the last search. A newer search aborts the one in flight.
   */
  async function runSearch(append, wholeWords = false) {
    clearTimeout(state.timer);
    let params;
    if (append) {
      if (!state.lastParams || !state.nextCursor) return;
      params = new URLSearchParams(state.lastParams);
      params.set('cursor', state.nextCursor);
    } else {
      params = searchParams();
      if (wholeWords && params && params.has('prefix')) params.delete('prefix');
      if (!params || params.invalid || params.tooShort) {
        if (state.controller) state.controller.abort();
        state.sequence += 1;
        $('results').replaceChildren();
        $('more').hidden = true;
        $('busy').hidden = true;
        $('results').setAttribute('aria-busy', 'false');
        $('count').textContent = params && params.tooShort ? 'Gõ thêm ít nhất một chữ nữa để tìm.' : '';
        return;
      }
    }
    if (state.controller) state.controller.abort();
    const controller = new AbortController();
    state.controller = controller;
    const sequence = ++state.sequence;
    $('busy').hidden = false;
    $('results').setAttribute('aria-busy', 'true');
    try {
      const body = await api('/v1/search?' + params.toString(), controller.signal);
      if (sequence !== state.sequence) return;
      clearError();
      if (!append) {
        state.lastParams = params.toString();
        state.shown = 0;
      }
      renderHits(body, params, append);
    } catch (error) {
      if (error.name === 'AbortError' || sequence !== state.sequence) return;
      showError(error);
      if (!append) {
        $('results').replaceChildren();
        $('more').hidden = true;
        $('count').textContent = 'Không tìm được — xem thông báo lỗi ở trên.';
      }
    } finally {
      if (sequence === state.sequence) {
        $('busy').hidden = true;
        $('results').setAttribute('aria-busy', 'false');
      }
    }
  }

  function renderHits(body, params, append) {
    const list = $('results');
    if (!append) list.replaceChildren();
    list.dataset.name = params.get('name') || '';
    list.dataset.born = params.get('born') || '';
    const nameWords = queryWords(params.get('name') || '');
    const filterWords = {
      hometown: queryWords(params.get('hometown') || ''),
      position: queryWords(params.get('position') || ''),
      agency: queryWords(params.get('agency') || ''),
    };
    let firstNew = null;
    for (const hit of wholeWordsFirst(body.hits, nameWords)) {
      const p = hit.person || {};
      const [label, meaning] = TIERS[hit.tier] || [hit.tier, ''];
      const meta = [p.gender, birthYear(p) && 'sinh ' + birthYear(p), STATUS[p.status]].filter(Boolean).join(' · ');
      const work = document.createDocumentFragment();
      if (p.position) work.append(highlighted(p.position, filterWords.position, false));
      if (p.position && p.agency) work.append(' — ');
      if (p.agency) work.append(highlighted(p.agency, filterWords.agency, false));
      const place = document.createDocumentFragment();
      if (p.hometown) place.append('Quê quán: ', highlighted(formatHometown(p.hometown), filterWords.hometown, false));
      if (p.hometown && p.national_id) place.append(' · ');
      if (p.national_id) place.append('CCCD: ' + p.national_id);
      const button = el('button', { type: 'button', className: 'hit', dataset: { id: hit.id } },
        el('span', { className: 'hit-top' },
          el('span', { className: 'hit-name' }, highlighted(p.full_name || hit.id, nameWords, true)),
          el('span', { className: 'badge tier-' + hit.tier, title: meaning, dataset: { tier: hit.tier } }, label),
          meta ? el('span', { className: 'hit-meta' }, meta) : null),
        p.position || p.agency ? el('span', { className: 'hit-line' }, work) : null,
        p.hometown || p.national_id ? el('span', { className: 'hit-line hit-place' }, place) : null);
      button.addEventListener('click', () => openCard(hit.id));
      const item = el('li', null, button);
      list.append(item);
      if (!firstNew) firstNew = button;
    }
    state.shown += body.hits.length;
    state.nextCursor = body.next_cursor;
    $('more').hidden = !body.next_cursor;
    const total = body.total;
    $('count').textContent = total === 0
      ? 'Không tìm thấy ai phù hợp.'
      : `Tìm thấy ${number(total)} người` + (state.shown < total ? ` — đang hiện ${number(state.shown)}` : '') + '.';
    if (append && firstNew) firstNew.focus();
  }

  /**
   * The hits in the API's order, except that within a run of equal tier and score (which the API
   * leaves in record order) the names holding every typed word whole (Thu) come before those
   * holding the last one only as a prefix (Thúy), and fewer other words before more (Nguyễn Thị
   * Thu before Nguyễn Thị Thu Hà). Never moves a hit across tiers or scores.
   */
  function wholeWordsFirst(hits, words) {
    if (!words.length) return hits;
    const rank = (hit) => {
      const names = queryWords((hit.person && hit.person.full_name) || '');
      const whole = words.every((w) => names.includes(w));
      return (whole ? 0 : 1000) + names.filter((n) => !words.includes(n)).length;
    };
    const out = [];
    let run = [];
    const flush = () => {
      out.push(...run.map((hit, index) => ({ hit, index, rank: rank(hit) }))
        .sort((a, b) => a.rank - b.rank || a.index - b.index)
        .map((entry) => entry.hit));
      run = [];
    };
    for (const hit of hits) {
      if (run.length && (run[0].tier !== hit.tier || run[0].score !== hit.score)) flush();
      run.push(hit);
    }
    flush();
    return out;
  }

  /** Arrow keys, Home and End move between results; Escape goes back to the search box. */
  function onResultsKey(event) {
    const buttons = [...$('results').querySelectorAll('.hit')];
    const index = buttons.indexOf(document.activeElement);
    if (index < 0) return;
    let target = null;
    switch (event.key) {
      case 'ArrowDown': target = buttons[Math.min(index + 1, buttons.length - 1)]; break;
      case 'ArrowUp': target = index === 0 ? $('q') : buttons[index - 1]; break;
      case 'Home': target = buttons[0]; break;
      case 'End': target = buttons[buttons.length - 1]; break;
      case 'Escape': target = $('q'); break;
      default: return;
    }
    event.preventDefault();
    target.focus();
  }

  // ---------------------------------------------------------------- person card

  function openCard(id) {
    state.lastOpened = id;
    state.openedFromList = true;
    location.hash = '#ho-so/' + encodeURIComponent(id);
  }

  /** Shows the search or a card according to the address (so Back works). */
  function route() {
    if (state.mode !== 'browse') return;
    const match = /^#ho-so\/(.+)$/.exec(location.hash);
    if (match) {
      $('search-view').hidden = true;
      $('card-view').hidden = false;
      $('back').hidden = false;
      showCard(decodeURIComponent(match[1]));
    } else {
      $('card-view').hidden = true;
      $('search-view').hidden = false;
      const opened = state.lastOpened && [...$('results').querySelectorAll('.hit')].find((b) => b.dataset.id === state.lastOpened);
      if (opened) opened.focus();
    }
  }

  function resetCard(title) {
    $('card-title').textContent = title;
    $('card-sub').textContent = '';
    $('card-fields').replaceChildren();
    $('card-hidden').hidden = true;
    $('history').hidden = true;
    $('history-note').hidden = true;
    $('timeline').replaceChildren();
    $('training').hidden = true;
    $('training-list').replaceChildren();
    $('audit').hidden = true;
    $('audit-rows').replaceChildren();
  }

  async function showCard(id) {
    clearError();
    resetCard('Đang mở hồ sơ…');
    $('card-title').focus();
    const path = '/v1/people/' + encodeURIComponent(id);
    const [person, timeline] = await Promise.allSettled([api(path), api(path + '/history')]);
    if (person.status === 'rejected') {
      $('card-title').textContent = 'Không mở được hồ sơ';
      showError(person.reason);
      return;
    }
    renderPerson(person.value, false);
    renderHistory(person.value, timeline);
    if (state.isAdmin !== false) {
      try {
        const audit = await api('/v1/audit?subject=' + encodeURIComponent(id) + '&limit=50');
        if (!state.isAdmin) {
          state.isAdmin = true;
          showWho('Khóa quản trị viên');
        }
        renderAudit(audit.entries || []);
      } catch (error) {
        if (error.status === 403) state.isAdmin = false;
        else if (state.isAdmin) showError(error);
      }
    }
  }

  function renderPerson(p, own) {
    $('card-title').textContent = p.full_name || p.id;
    $('card-sub').textContent = own
      ? 'Hồ sơ của bạn — toàn bộ thông tin đang được lưu về bạn.'
      : [p.position, p.agency].filter(Boolean).join(' — ');
    const fields = $('card-fields');
    const missing = [];
    for (const [key, label] of FIELDS) {
      if (!(key in p) || p[key] === null || p[key] === '') {
        missing.push(label);
        continue;
      }
      const shownLabel = key === 'birth_date' && /^\d{4}$/.test(p[key]) ? 'Năm sinh' : label;
      fields.append(el('div', { className: RESTRICTED.has(key) ? 'restricted' : '', dataset: { field: key } },
        el('dt', null, shownLabel), el('dd', null, formatValue(key, p[key]))));
    }
    const known = new Set(FIELDS.map(([key]) => key));
    for (const [key, value] of Object.entries(p)) {
      if (known.has(key) || NOT_FIELDS.has(key) || value === null) continue;
      fields.append(el('div', { dataset: { field: key } }, el('dt', null, key), el('dd', null, formatValue(key, value))));
    }
    if (missing.length && !own) {
      $('card-hidden').textContent = 'Không hiển thị (ngoài quyền của khóa này hoặc hồ sơ chưa có): ' + missing.join(', ') + '.';
      $('card-hidden').hidden = false;
    }
    renderTraining(p.training);
  }

  function renderTraining(training) {
    if (!Array.isArray(training) || !training.length) return;
    const list = $('training-list');
    for (const t of [...training].sort((a, b) => String(b.from).localeCompare(String(a.from)))) {
      list.append(el('li', null,
        el('div', { className: 'period' }, `${formatMonth(t.from)} – ${t.to ? formatMonth(t.to) : 'nay'}`),
        el('div', { className: 'post' }, t.qualification || ''),
        el('div', { className: 'agency' }, t.institution || '')));
    }
    $('training').hidden = false;
  }

  /** The name of an agency then and now, from whichever fields the history carries. */
  function agencyNames(entry) {
    const name = (v) => (v && typeof v === 'object' ? v.name || v.agency : v) || null;
    const then = name(entry.agency_then ?? entry.agency_at_the_time ?? entry.agency_old ?? entry.agency_original);
    const now = name(entry.agency_now ?? entry.agency_current ?? entry.current_agency ?? entry.agency_new);
    const shown = then || entry.agency || '';
    const notes = [];
    if (then && entry.agency && fold(then) !== fold(entry.agency)) notes.push('Ghi trong hồ sơ: ' + entry.agency);
    if (now && fold(now) !== fold(shown)) notes.push('Nay là: ' + now);
    let others = entry.agency_names || entry.agency_aliases || entry.former_names;
    if (others && typeof others === 'object' && !Array.isArray(others)) {
      // {"then": …, "now": …} or similar: every name it holds.
      others = Object.values(others).flat();
    }
    if (Array.isArray(others)) {
      const rest = others.map(name).filter((n) => n && fold(n) !== fold(shown) && (!now || fold(n) !== fold(now)));
      if (rest.length) notes.push('Tên khác: ' + rest.join('; '));
    }
    return { shown, notes };
  }

  function renderHistory(p, result) {
    const section = $('history');
    const note = $('history-note');
    let posts = null;
    if (result && result.status === 'fulfilled') {
      posts = result.value.timeline || [];
    } else {
      const error = result && result.reason;
      if (error && error.status === 403) {
        note.textContent = 'Khóa này không được xem quá trình công tác (cần mức truy cập Nội bộ trở lên).';
      } else if (error) {
        note.textContent = plainWords(error);
      }
      note.hidden = !error;
      section.hidden = !error && !Array.isArray(p.work_history);
      if (Array.isArray(p.work_history)) posts = p.work_history.map((w) => ({ ...w, transfer: false }));
    }
    if (posts === null) return;
    section.hidden = false;
    const list = $('timeline');
    if (!posts.length) {
      note.textContent = 'Hồ sơ chưa có quá trình công tác.';
      note.hidden = false;
      return;
    }
    const ordered = [...posts].sort((a, b) => String(b.from).localeCompare(String(a.from)));
    for (const post of ordered) {
      const { shown, notes } = agencyNames(post);
      const span = duration(post.from, post.to);
      list.append(el('li', { className: post.to ? '' : 'current' },
        el('div', { className: 'period' },
          `${formatMonth(post.from)} – ${post.to ? formatMonth(post.to) : 'nay'}` + (span ? ` · ${span}` : '')),
        el('div', { className: 'post' }, post.position || '',
          post.to ? null : el('span', { className: 'badge badge-now' }, 'Hiện tại'),
          post.transfer ? el('span', { className: 'badge badge-transfer' }, 'Chuyển cơ quan') : null),
        el('div', { className: 'agency' }, shown),
        notes.length ? el('div', { className: 'names' }, notes.join(' · ')) : null));
    }
  }

  /** `name=Nguy%E1%BB%85n+Th%E1%BB%8B` as `name=Nguyễn Thị`. */
  function readableParameters(text) {
    try {
      return decodeURIComponent(String(text).replace(/\+/g, ' ')).replace(/&/g, ' & ');
    } catch (_) {
      return String(text);
    }
  }

  function renderAudit(entries) {
    const rows = $('audit-rows');
    const sorted = [...entries].sort((a, b) => b.sequence - a.sequence);
    if (!sorted.length) {
      rows.append(el('tr', null, el('td', { colSpan: 5 }, 'Chưa có ai tra cứu người này.')));
    }
    for (const entry of sorted) {
      const time = new Date(entry.time);
      rows.append(el('tr', null,
        el('td', null, isNaN(time) ? entry.time : time.toLocaleString('vi-VN')),
        el('td', null, KINDS[entry.kind] || entry.kind),
        el('td', null, el('code', null, entry.key)),
        el('td', null, ROLES[entry.role] || entry.role),
        el('td', null, el('code', null, readableParameters(entry.parameters)))));
    }
    $('audit').hidden = false;
  }

  // ---------------------------------------------------------------- self

  async function enterSelf(me) {
    state.mode = 'self';
    showWho('Khóa cá nhân');
    $('search-view').hidden = true;
    $('card-view').hidden = false;
    $('back').hidden = true;
    resetCard('');
    renderPerson(me, true);
    $('card-title').focus();
    let timeline = null;
    try {
      timeline = { status: 'fulfilled', value: await api('/v1/people/' + encodeURIComponent(me.id) + '/history') };
    } catch (error) {
      timeline = { status: 'rejected', reason: error.status === 429 ? null : error };
    }
    renderHistory(me, timeline.status === 'rejected' && !timeline.reason ? null : timeline);
  }

  // ---------------------------------------------------------------- wiring

  function start() {
    $('key-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const key = $('key').value.trim();
      if (!key) {
        $('key').focus();
        return;
      }
      useKey(key);
    });
    $('key-forget').addEventListener('click', () => forgetKey(true));
    $('key-change').addEventListener('click', () => {
      const panel = document.querySelector('.key-panel');
      panel.classList.toggle('changing');
      if (panel.classList.contains('changing')) $('key').focus();
    });
    $('search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      runSearch(false, true);
    });
    $('search-form').addEventListener('input', scheduleSearch);
    // On a phone the filters start folded, so the results stay in view.
    if (window.matchMedia('(max-width: 719px)').matches) $('filters').open = false;
    $('q').addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown') {
        const first = $('results').querySelector('.hit');
        if (first) {
          event.preventDefault();
          first.focus();
        }
      }
    });
    $('results').addEventListener('keydown', onResultsKey);
    $('more').addEventListener('click', () => runSearch(true));
    $('back').addEventListener('click', () => {
      if (state.openedFromList) history.back();
      else location.hash = '';
      state.openedFromList = false;
    });
    window.addEventListener('hashchange', route);
    const saved = sessionStorage.getItem(KEY_ITEM);
    if (saved) useKey(saved);
    else $('key').focus();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
