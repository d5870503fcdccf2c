// The goal-file editor: the gutter follows the text, an error's link puts the cursor on its line, and a save in progress
// says so. Without this script the page is a plain form whose links jump to the line number.
(function () {
  var text = document.getElementById('goalfile-text');
  var gutter = document.getElementById('goalfile-gutter');
  var form = document.getElementById('goalfile-form');
  var button = document.getElementById('save-goalfile');
  if (!text || !gutter || !form || !button) return;
  var label = button.textContent;

  function renumber() {
    var lines = text.value.split('\n').length;
    if (gutter.children.length === lines) return;
    while (gutter.children.length > lines) gutter.removeChild(gutter.lastChild);
    for (var n = gutter.children.length + 1; n <= lines; n++) {
      var span = document.createElement('span');
      span.id = 'L' + n;
      span.textContent = String(n);
      gutter.appendChild(span);
    }
    text.rows = lines + 2;
  }

  function goTo(line, column) {
    var lines = text.value.split('\n');
    line = Math.min(Math.max(line, 1), lines.length);
    var at = 0;
    for (var i = 0; i < line - 1; i++) at += lines[i].length + 1;
    at += Math.min(Math.max(column - 1, 0), lines[line - 1].length);
    var marked = gutter.querySelectorAll('.marked');
    for (var m = 0; m < marked.length; m++) marked[m].classList.remove('marked');
    var number = document.getElementById('L' + line);
    if (number) {
      number.classList.add('marked');
      number.scrollIntoView({ block: 'center' });
    }
    text.focus({ preventScroll: true });
    text.setSelectionRange(at, at);
  }

  text.addEventListener('input', renumber);
  document.addEventListener('click', function (e) {
    var link = e.target.closest ? e.target.closest('a.goto-line') : null;
    if (!link) return;
    e.preventDefault();
    goTo(parseInt(link.getAttribute('data-line'), 10) || 1, parseInt(link.getAttribute('data-column'), 10) || 1);
  });
  form.addEventListener('submit', function () {
    // A save is checked and evaluated before it is kept (seconds): one click, and the button says what is happening.
    button.textContent = button.getAttribute('data-busy');
    button.disabled = true;
    form.setAttribute('aria-busy', 'true');
  });
  // Back to a page kept in the browser's cache: the form is usable again.
  window.addEventListener('pageshow', function () { button.textContent = label; button.disabled = false; form.removeAttribute('aria-busy'); });
  renumber();
})();
