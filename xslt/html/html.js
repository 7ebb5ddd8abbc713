/* teikit reading page: note popovers, passage highlighting, and the
   reader's marks drawn in the left margin. No external resources, no
   globals; everything is driven by data attributes the stylesheet writes. */
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');

  var text = document.querySelector('article.text');
  var layer = text ? text.querySelector('.margin-layer') : null;
  var open = null;      // { button, popover } of the open note
  var active = [];      // highlighted elements

  function byIds(list) {
    return (list || '').split(/\s+/).filter(Boolean)
      .map(function (id) { return document.getElementById(id); })
      .filter(Boolean);
  }

  /* Marks of the running text (not the copies inside popovers and notes). */
  function textMarks() {
    if (!text) return [];
    return Array.prototype.filter.call(text.querySelectorAll('.mark'), function (m) {
      return !m.closest('.popover');
    });
  }

  /* One bar (or sign) per mark, spanning the first to the last line box of
     the passage. Bars that would overlap go to separate lanes, the first
     lane (outermost marks, first in the document) nearest the text. */
  function drawMarks() {
    if (!layer) return;
    layer.textContent = '';
    var box = text.getBoundingClientRect();
    var gutter = layer.getBoundingClientRect().width;
    var lanes = [];   // per lane: the [top, bottom] spans taken
    var bars = [];
    textMarks().forEach(function (mark) {
      var rects = Array.prototype.filter.call(mark.getClientRects(), function (r) {
        return r.width > 0 && r.height > 0;
      });
      if (!rects.length) return;
      var top = Infinity, bottom = -Infinity;
      rects.forEach(function (r) { top = Math.min(top, r.top); bottom = Math.max(bottom, r.bottom); });
      top -= box.top; bottom -= box.top;
      var lane = 0;
      while (lanes[lane] && lanes[lane].some(function (s) { return top < s[1] - 2 && bottom > s[0] + 2; })) lane++;
      (lanes[lane] = lanes[lane] || []).push([top, bottom]);
      var bar = document.createElement('span');
      bar.className = 'mm mm-' + (mark.dataset.mark || 'mark') + (mark.dataset.cert === 'low' ? ' mm-low' : '');
      if (mark.id) bar.dataset.for = mark.id;
      bar.title = mark.title;
      bar.style.top = top + 'px';
      bar.style.height = (bottom - top) + 'px';
      if (active.indexOf(mark) >= 0) bar.classList.add('is-active');
      layer.appendChild(bar);
      bars.push({ el: bar, lane: lane });
    });
    // Lanes are as wide as their widest bar, with a small gap between them.
    var widths = [];
    bars.forEach(function (b) { widths[b.lane] = Math.max(widths[b.lane] || 0, b.el.offsetWidth); });
    var gap = 5, start = Math.round(gutter * 0.2), offsets = [];
    for (var i = 0, x = start; i < widths.length; i++) { offsets[i] = x; x += (widths[i] || 0) + gap; }
    bars.forEach(function (b) {
      b.el.style.right = Math.max(0, Math.min(offsets[b.lane], gutter - b.el.offsetWidth)) + 'px';
    });
  }

  var pending = 0;
  function scheduleDraw() {
    if (pending) return;
    pending = requestAnimationFrame(function () { pending = 0; drawMarks(); });
  }

  function highlight(elements) {
    active.forEach(function (el) { el.classList.remove('is-active'); });
    active = elements;
    active.forEach(function (el) { el.classList.add('is-active'); });
    if (layer) {
      Array.prototype.forEach.call(layer.children, function (bar) {
        bar.classList.toggle('is-active', active.some(function (el) { return el.id === bar.dataset.for; }));
      });
    }
  }

  function place(button, popover) {
    popover.style.left = '';
    popover.style.top = '';
    if (window.matchMedia('(max-width: 40rem)').matches) return;  // a sheet, placed by CSS
    var box = text.getBoundingClientRect();
    var b = button.getBoundingClientRect();
    var left = Math.max(0, Math.min(b.left - box.left - 16, box.width - popover.offsetWidth));
    popover.style.left = left + 'px';
    popover.style.top = (b.bottom - box.top + 6) + 'px';
  }

  /* The one popover, moved next to the marker that opens it and filled
     with a copy of the note's entry in the list of notes. */
  function fill(button, popover) {
    var entry = document.getElementById('tk-note-' + button.dataset.note);
    var source = entry ? entry.querySelector('.endnote-body') : null;
    var body = popover.querySelector('.popover-body');
    body.textContent = '';
    if (source) {
      Array.prototype.forEach.call(source.childNodes, function (node) {
        var copy = node.cloneNode(true);
        // Ids stay with the entry in the list: they must remain unique.
        if (copy.removeAttribute) {
          copy.removeAttribute('id');
          Array.prototype.forEach.call(copy.querySelectorAll('[id]'), function (el) { el.removeAttribute('id'); });
        }
        body.appendChild(copy);
      });
    }
    popover.querySelector('.popover-title').textContent = button.textContent;
    popover.querySelector('.popover-more').setAttribute('href', '#tk-note-' + button.dataset.note);
  }

  function openNote(button) {
    closeNote(false);
    var popover = document.getElementById(button.getAttribute('aria-controls'));
    if (!popover) return;
    button.insertAdjacentElement('afterend', popover);
    fill(button, popover);
    popover.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    place(button, popover);
    open = { button: button, popover: popover };
    highlight(byIds(button.dataset.targets));
  }

  function closeNote(returnFocus) {
    if (!open) return;
    open.popover.hidden = true;
    open.button.setAttribute('aria-expanded', 'false');
    if (returnFocus) open.button.focus();
    open = null;
    highlight([]);
  }

  document.addEventListener('click', function (event) {
    var t = event.target;
    if (!(t instanceof Element)) return;
    var ref = t.closest('.note-ref');
    if (ref) {
      if (open && open.button === ref) closeNote(false); else openNote(ref);
      return;
    }
    if (t.closest('.popover-close')) { closeNote(true); return; }
    var show = t.closest('.show-passage');
    if (show) {
      closeNote(false);
      var targets = byIds(show.dataset.targets);
      highlight(targets);
      if (targets[0]) {
        var smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        targets[0].scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
      }
      return;
    }
    if (open && !t.closest('.popover')) closeNote(false);
  });

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      closeNote(true);
    }
  });

  window.addEventListener('resize', function () {
    scheduleDraw();
    if (open) place(open.button, open.popover);
  });
  document.addEventListener('change', function (event) {
    if (event.target && event.target.name === 'tk-view') scheduleDraw();
  });
  if (window.ResizeObserver && text) new ResizeObserver(scheduleDraw).observe(text);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(scheduleDraw);
  drawMarks();
})();
