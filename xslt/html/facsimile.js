/* teikit reading page: the facsimile viewer. It reads the page list the
   stylesheet writes (aside.facsimile, one link per page image) and the page
   breaks of the text (a.pb-facs), and shows the page whose break is nearest
   above the top of the reading area; zoom and pan with the buttons, the
   mouse wheel, dragging, or the keyboard (+, -, 0, arrow keys, Page Up/Down).
   It loads only the images the links name, and only those the stylesheet
   did not mark as held elsewhere (data-remote). */
(function () {
  'use strict';
  var panel = document.querySelector('aside.facsimile');
  if (!panel) return;
  var links = Array.prototype.slice.call(panel.querySelectorAll('.facs-pages [data-facs-index]'));
  var pages = links.map(function (a) {
    return {
      src: a.getAttribute('href') || '',
      label: a.getAttribute('data-label') || '',
      alt: a.getAttribute('data-alt') || '',
      width: +a.getAttribute('data-width') || 0,
      height: +a.getAttribute('data-height') || 0,
      remote: a.getAttribute('data-remote'),
      pdf: a.hasAttribute('data-pdf')
    };
  });
  if (!pages.length) return;
  var markers = Array.prototype.filter.call(document.querySelectorAll('.pb-facs[data-facs-index]'), function (m) {
    return !m.closest('.popover, .endnotes, aside');
  });

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }
  function button(action, text, label) {
    var b = el('button', { type: 'button', 'data-action': action, 'aria-label': label, title: label }, text);
    return b;
  }

  var bar = el('div', { class: 'facs-bar', role: 'toolbar', 'aria-label': 'Facsimile' });
  var prev = button('prev', '\u2039', 'Previous page');
  var label = el('span', { class: 'facs-label', 'aria-live': 'polite' });
  var next = button('next', '\u203a', 'Next page');
  var zoomOut = button('zoom-out', '\u2212', 'Zoom out');
  var zoomIn = button('zoom-in', '+', 'Zoom in');
  var fit = button('fit', 'Fit', 'Fit the page to the panel');
  var close = button('close', 'Close', 'Close the facsimile');
  close.className = 'facs-close';
  [prev, label, next, zoomOut, zoomIn, fit, close].forEach(function (n) { bar.appendChild(n); });
  var view = el('div', { class: 'facs-view', tabindex: '0', role: 'region',
    'aria-label': 'Page image. Arrow keys pan, plus and minus zoom, 0 fits, Page Up and Page Down turn the page.' });
  var canvas = el('div', { class: 'facs-canvas' });
  var img = el('img', { alt: '', draggable: 'false' });
  var zone = el('div', { class: 'facs-zone', hidden: '' });
  var message = el('div', { class: 'facs-message', hidden: '' });
  canvas.appendChild(img);
  canvas.appendChild(zone);
  view.appendChild(canvas);
  view.appendChild(message);
  var title = panel.querySelector('.facs-title');
  title.insertAdjacentElement('afterend', bar);
  bar.insertAdjacentElement('afterend', view);
  var opener = el('button', { type: 'button', class: 'facs-open facs-ready', 'aria-controls': panel.id,
    'aria-expanded': 'false' }, 'Page image');
  document.body.appendChild(opener);
  panel.classList.add('facs-ready');

  var state = { page: -1, scale: 1, x: 0, y: 0, fitW: 0, fitH: 0, zone: null };

  function natural() {
    var p = pages[state.page];
    var w = img.naturalWidth || p.width || 1000, h = img.naturalHeight || p.height || 1414;
    return { w: w, h: h };
  }

  /* The page fitted into the view, then scaled and moved by the reader. */
  function layout() {
    var vw = view.clientWidth, vh = view.clientHeight;
    if (!vw || !vh || state.page < 0) return;
    var n = natural();
    var k = Math.min(vw / n.w, vh / n.h);
    state.fitW = n.w * k;
    state.fitH = n.h * k;
    clamp();
    canvas.style.width = state.fitW + 'px';
    canvas.style.height = state.fitH + 'px';
    canvas.style.transform = 'translate(' + state.x + 'px,' + state.y + 'px) scale(' + state.scale + ')';
    zoomOut.disabled = state.scale <= 1;
    zoomIn.disabled = state.scale >= 8;
  }

  /* Keep the page in view: centred while it is smaller than the view, never
     dragged out of it when it is larger. */
  function clamp() {
    var vw = view.clientWidth, vh = view.clientHeight;
    var w = state.fitW * state.scale, h = state.fitH * state.scale;
    state.x = w <= vw ? (vw - w) / 2 : Math.min(0, Math.max(vw - w, state.x));
    state.y = h <= vh ? (vh - h) / 2 : Math.min(0, Math.max(vh - h, state.y));
  }

  function zoomTo(scale, cx, cy) {
    scale = Math.max(1, Math.min(8, scale));
    if (cx === undefined) { cx = view.clientWidth / 2; cy = view.clientHeight / 2; }
    var k = scale / state.scale;
    state.x = cx - (cx - state.x) * k;
    state.y = cy - (cy - state.y) * k;
    state.scale = scale;
    layout();
  }

  function showZone(box) {
    var parts = (box || '').split(' ').map(Number);
    if (parts.length !== 4 || parts.some(isNaN)) { zone.hidden = true; return; }
    zone.hidden = false;
    zone.style.left = parts[0] + '%';
    zone.style.top = parts[1] + '%';
    zone.style.width = parts[2] + '%';
    zone.style.height = parts[3] + '%';
  }

  function show(index, box) {
    index = Math.max(0, Math.min(pages.length - 1, index));
    if (index === state.page && (box || null) === state.zone) return;
    var changed = index !== state.page;
    state.page = index;
    state.zone = box || null;
    var p = pages[index];
    label.textContent = 'Page ' + p.label + ' (' + (index + 1) + ' of ' + pages.length + ')';
    prev.disabled = index === 0;
    next.disabled = index === pages.length - 1;
    panel.setAttribute('data-page', p.label);
    links.forEach(function (a, i) { if (i === index) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current'); });
    markers.forEach(function (m) { m.classList.toggle('facs-current', +m.getAttribute('data-facs-index') === index); });
    showZone(box);
    if (changed) {
      state.scale = 1;
      if (p.remote || p.pdf || !p.src) {
        img.removeAttribute('src');
        img.alt = '';
        canvas.hidden = true;
        message.hidden = false;
        message.textContent = '';
        if (p.src && p.pdf && !p.remote) {
          message.appendChild(document.createTextNode('Page ' + p.label + ' is a page of a PDF: '));
          message.appendChild(el('a', { href: p.src }, 'open it'));
        } else if (p.src) {
          message.appendChild(document.createTextNode('The image of page ' + p.label + ' is held at ' + p.remote + ': '));
          message.appendChild(el('a', { href: p.src, rel: 'noopener noreferrer' }, 'open it there'));
        } else {
          message.textContent = 'Page ' + p.label + ' has no image address this page can use.';
        }
      } else {
        canvas.hidden = false;
        message.hidden = true;
        img.alt = p.alt;
        img.src = p.src;
      }
    }
    layout();
  }

  img.addEventListener('load', layout);
  img.addEventListener('error', function () {
    var p = pages[state.page];
    canvas.hidden = true;
    message.hidden = false;
    message.textContent = '';
    message.appendChild(document.createTextNode('The image of page ' + p.label + ' could not be shown. '));
    message.appendChild(el('a', { href: p.src }, 'Open the file'));
  });

  /* The reading position: the last page break above a line near the top of the
     window (none yet: the first page); at the very end of the
     document, the last one in view. */
  var queued = false;
  function follow() {
    queued = false;
    if (!markers.length) return;
    var line = window.innerHeight * 0.15, current = null;
    // At the end of the document the last breaks cannot scroll up to the line: those in view count.
    var end = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
    if (end && window.scrollY > 0) line = window.innerHeight;
    for (var i = 0; i < markers.length; i++) {
      if (markers[i].getBoundingClientRect().top <= line) current = markers[i]; else break;
    }
    if (current) show(+current.getAttribute('data-facs-index'), current.getAttribute('data-zone'));
    else show(0);
  }
  function queue() { if (!queued) { queued = true; window.requestAnimationFrame(follow); } }
  window.addEventListener('scroll', queue, { passive: true });
  window.addEventListener('resize', function () { layout(); queue(); });

  bar.addEventListener('click', function (event) {
    var b = event.target.closest('button');
    if (!b) return;
    var action = b.getAttribute('data-action');
    if (action === 'prev') show(state.page - 1);
    else if (action === 'next') show(state.page + 1);
    else if (action === 'zoom-in') zoomTo(state.scale * 1.5);
    else if (action === 'zoom-out') zoomTo(state.scale / 1.5);
    else if (action === 'fit') zoomTo(1);
    else if (action === 'close') setShown(false);
  });

  view.addEventListener('keydown', function (event) {
    var step = 60, handled = true;
    switch (event.key) {
      case '+': case '=': zoomTo(state.scale * 1.5); break;
      case '-': case '_': zoomTo(state.scale / 1.5); break;
      case '0': zoomTo(1); break;
      case 'PageDown': show(state.page + 1); break;
      case 'PageUp': show(state.page - 1); break;
      case 'ArrowLeft': if (state.scale > 1) { state.x += step; layout(); } else show(state.page - 1); break;
      case 'ArrowRight': if (state.scale > 1) { state.x -= step; layout(); } else show(state.page + 1); break;
      case 'ArrowUp': state.y += step; layout(); break;
      case 'ArrowDown': state.y -= step; layout(); break;
      default: handled = false;
    }
    if (handled) event.preventDefault();
  });

  view.addEventListener('wheel', function (event) {
    if (canvas.hidden) return;
    event.preventDefault();
    var box = view.getBoundingClientRect();
    zoomTo(state.scale * (event.deltaY < 0 ? 1.2 : 1 / 1.2), event.clientX - box.left, event.clientY - box.top);
  }, { passive: false });
  view.addEventListener('dblclick', function (event) {
    var box = view.getBoundingClientRect();
    zoomTo(state.scale * 2, event.clientX - box.left, event.clientY - box.top);
  });

  var drag = null;
  view.addEventListener('pointerdown', function (event) {
    if (event.button !== 0) return;
    drag = { id: event.pointerId, x: event.clientX - state.x, y: event.clientY - state.y };
    view.setPointerCapture(event.pointerId);
    view.classList.add('facs-dragging');
  });
  view.addEventListener('pointermove', function (event) {
    if (!drag || drag.id !== event.pointerId) return;
    state.x = event.clientX - drag.x;
    state.y = event.clientY - drag.y;
    layout();
  });
  function endDrag() { drag = null; view.classList.remove('facs-dragging'); }
  view.addEventListener('pointerup', endDrag);
  view.addEventListener('pointercancel', endDrag);

  /* On a narrow screen the panel is an overlay, opened by the button. */
  function setShown(shown) {
    panel.classList.toggle('facs-shown', shown);
    opener.setAttribute('aria-expanded', shown ? 'true' : 'false');
    // The panel may sit in a stacking context below the button: the button steps aside.
    opener.style.visibility = shown ? 'hidden' : '';
    if (shown) { layout(); view.focus(); } else if (window.getComputedStyle(opener).display !== 'none') opener.focus();
  }
  opener.addEventListener('click', function () { setShown(!panel.classList.contains('facs-shown')); });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && panel.classList.contains('facs-shown')) setShown(false);
  });

  /* A page break in the text shows its page (and, on a narrow screen, opens the panel). */
  markers.concat(links).forEach(function (m) {
    m.addEventListener('click', function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      show(+m.getAttribute('data-facs-index'), m.getAttribute('data-zone'));
      if (window.getComputedStyle(opener).display !== 'none') setShown(true);
    });
  });

  follow();
  if (state.page < 0) show(0);
})();
