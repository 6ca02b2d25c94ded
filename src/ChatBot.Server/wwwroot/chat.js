// The web chat page: Bot Framework Web Chat (served from /lib, no CDN) against this server's own Direct Line.
// The page holds no secret: it asks /v3/directline/tokens/generate for a short-lived token for one conversation.
(function () {
  'use strict';

  var DISAGREEMENTS = 'Where reports disagree';
  var EDITOR_TRACE = "How this answer was made (editors' view)";
  var host = document.getElementById('webchat');
  var statusLine = document.getElementById('status');
  var userId = 'dl_' + Math.random().toString(36).slice(2, 12);
  var regionCount = 0;

  function say(text) { statusLine.textContent = text; }

  // Web Chat renders bot Markdown as HTML (already sanitised, and the server escapes everything it did not write).
  // Here the page only adds structure: the disagreements become a labelled region, every paragraph gets dir="auto".
  function decorate(root) {
    root.querySelectorAll('.webchat__text-content h3').forEach(function (heading) {
      var text = heading.textContent.trim();
      if (heading.parentElement.classList.contains('chatbot-disagreements') || heading.dataset.chatbotDone) { return; }
      heading.dataset.chatbotDone = '1';
      if (text === EDITOR_TRACE) { heading.parentElement.classList.add('chatbot-editor-trace'); return; }
      if (text !== DISAGREEMENTS) { return; }
      var section = document.createElement('section');
      var id = 'chatbot-disagreements-' + (++regionCount);
      heading.id = id;
      section.className = 'chatbot-disagreements';
      section.setAttribute('role', 'region');
      section.setAttribute('aria-labelledby', id);
      heading.parentNode.insertBefore(section, heading);
      // The heading and what follows it, up to the next heading or the citation list.
      var node = heading;
      while (node) {
        var next = node.nextSibling;
        section.appendChild(node);
        node = next;
        if (node && node.nodeType === 1 && /^H[1-6]$/.test(node.tagName)) { break; }
      }
    });
    root.querySelectorAll('.webchat__text-content p, .webchat__text-content li, .webchat__text-content blockquote, .webchat__citation-modal-dialog p, .webchat__citation-modal-dialog blockquote')
      .forEach(function (el) { if (!el.hasAttribute('dir')) { el.setAttribute('dir', 'auto'); } });
  }

  new MutationObserver(function () { decorate(document.body); })
    .observe(document.body, { childList: true, subtree: true });

  function start(editorKey) {
    var headers = {};
    if (editorKey) { headers['X-ChatBot-Editor-Key'] = editorKey; }
    say('Connecting…');
    return fetch('v3/directline/tokens/generate', { method: 'POST', headers: headers })
      .then(function (response) {
        if (!response.ok) {
          return response.json().catch(function () { return {}; }).then(function (problem) {
            throw new Error(problem.title || ('The server answered ' + response.status + '.'));
          });
        }
        return response.json();
      })
      .then(function (session) {
        var directLine = window.WebChat.createDirectLine({
          domain: new URL('v3/directline', document.baseURI).href.replace(/\/$/, ''),
          token: session.token,
          // Replies are pushed over the Direct Line stream (one WebSocket, no requests per reply); pollingInterval
          // applies only if Web Chat falls back to polling.
          webSocket: true,
          pollingInterval: 700
        });
        host.innerHTML = '';
        window.WebChat.renderWebChat({
          directLine: directLine,
          userID: userId,
          username: 'You',
          locale: 'en-GB',
          styleOptions: {
            hideUploadButton: true,
            suggestedActionLayout: 'flow',
            suggestedActionsStackedLayoutButtonTextWrap: true,
            botAvatarInitials: 'CB',
            userAvatarInitials: 'You',
            bubbleMaxWidth: 720,
            markdownRenderHTML: false,
            sendBoxTextWrap: true,
            accent: '#0b5cad',
            subtle: '#4a4a4a',
            timestampColor: '#4a4a4a'
          }
        }, host);
        say(editorKey ? "Editors' view is on." : '');
        var box = host.querySelector('input[type=text], textarea');
        if (box) { box.setAttribute('aria-label', 'Your question'); box.focus(); }
      })
      .catch(function (error) { say('Could not start the chat: ' + error.message); });
  }

  fetch('api/widget/settings').then(function (r) { return r.json(); }).then(function (settings) {
    if (!settings.editorViewAvailable) { return; }
    var form = document.getElementById('editor-form');
    var toggle = document.getElementById('editor-toggle');
    var keyRow = document.getElementById('editor-key-row');
    var key = document.getElementById('editor-key');
    form.hidden = false;
    toggle.addEventListener('change', function () {
      keyRow.hidden = !toggle.checked;
      if (toggle.checked) { key.focus(); } else { key.value = ''; start(null); }
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (key.value) { start(key.value); }
    });
  }).catch(function () { /* the switch simply stays hidden */ });

  start(null);
}());
