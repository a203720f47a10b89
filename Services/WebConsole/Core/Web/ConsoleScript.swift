/// The console's only script, served at /assets/console.js.
///
/// It opens the live alert stream and adds each alert to the top of the
/// list, building cells with textContent so that no alert text is ever
/// parsed as markup. It also reloads a case page while a command sent from
/// it is still waiting for the escalation service.
enum ConsoleScript {
    static let text = """
        (function () {
          'use strict';

          function startAlertStream(table) {
            if (!window.EventSource) { return; }
            var body = table.tBodies[0];
            var limit = parseInt(table.getAttribute('data-limit'), 10) || 100;
            var status = document.getElementById('stream-status');
            var url = table.getAttribute('data-stream') + '?after=' + encodeURIComponent(table.getAttribute('data-after') || '0');
            var source = new window.EventSource(url);

            source.addEventListener('open', function () {
              if (status) { status.textContent = status.getAttribute('data-connected'); status.className = ''; }
            });
            source.addEventListener('error', function () {
              // A response other than 200, such as 401 after the session ended, closes the source for good.
              var closed = source.readyState === window.EventSource.CLOSED;
              if (status) {
                status.textContent = status.getAttribute(closed ? 'data-closed' : 'data-disconnected');
                status.className = 'disconnected';
              }
            });
            source.addEventListener('alert', function (event) {
              var alert = JSON.parse(event.data);
              var row = document.createElement('tr');
              row.className = 'severity-' + alert.severity + ' fresh';
              row.setAttribute('data-sequence', String(alert.sequence));
              alert.cells.forEach(function (value) {
                var cell = document.createElement('td');
                cell.textContent = value;
                row.appendChild(cell);
              });
              var placeholder = body.querySelector('tr.empty');
              if (placeholder) { body.removeChild(placeholder); }
              body.insertBefore(row, body.firstChild);
              while (body.rows.length > limit) { body.deleteRow(body.rows.length - 1); }
            });
          }

          function reloadWhilePending(banner) {
            var seconds = parseInt(banner.getAttribute('data-reload-seconds'), 10);
            if (seconds > 0) { window.setTimeout(function () { window.location.reload(); }, seconds * 1000); }
          }

          document.addEventListener('DOMContentLoaded', function () {
            var table = document.getElementById('alerts');
            if (table) { startAlertStream(table); }
            var banner = document.querySelector('[data-reload-seconds]');
            if (banner) { reloadWhilePending(banner); }
          });
        })();

        """
}
