// Review queue keys: j / k move between items, Enter opens the focused one (the link does that itself).
(function () {
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) { return; }
    var t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT')) { return; }
    if (e.key !== 'j' && e.key !== 'k') { return; }
    var links = Array.prototype.slice.call(document.querySelectorAll('a.queue-link'));
    if (links.length === 0) { return; }
    var i = links.indexOf(document.activeElement);
    i = e.key === 'j' ? Math.min(links.length - 1, i + 1) : Math.max(0, i < 0 ? 0 : i - 1);
    links[i].focus();
    e.preventDefault();
  });
})();
