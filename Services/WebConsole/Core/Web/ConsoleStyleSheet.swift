/// The console's style sheet, served at /assets/console.css. It names only
/// fonts installed where the page is opened, so the console works offline.
enum ConsoleStyleSheet {
    static let text = """
        *{box-sizing:border-box}
        body{font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei","PingFang SC","Microsoft YaHei",sans-serif;\
        color:#222;background:#f6f7f9;margin:0;font-size:14px}
        header.top{display:flex;flex-wrap:wrap;align-items:center;gap:8px 20px;padding:10px 20px;background:#1f3a5f;color:#fff}
        header.top a{color:#fff;text-decoration:none}
        header.top .brand{font-weight:bold;font-size:16px}
        header.top nav{display:flex;gap:4px}
        header.top nav a{padding:4px 10px;border-radius:4px}
        header.top nav a[aria-current]{background:#fff;color:#1f3a5f}
        .account{margin-left:auto;display:flex;align-items:center;gap:8px}
        .languages a{margin-left:6px;opacity:.75}
        .languages a[aria-current]{opacity:1;font-weight:bold}
        form.inline{display:inline}
        button{font:inherit;padding:4px 12px;border:1px solid #1f3a5f;border-radius:4px;background:#1f3a5f;color:#fff;cursor:pointer}
        header.top button{background:transparent;border-color:#fff}
        main{padding:16px 20px;max-width:1400px}
        h1{font-size:20px;margin:4px 0 12px}
        h2{font-size:16px;margin:24px 0 8px}
        .hint{color:#555}
        .empty{color:#777}
        .scroll{overflow-x:auto}
        table.list{border-collapse:collapse;background:#fff;width:100%}
        table.list th,table.list td{border:1px solid #dde1e6;padding:5px 8px;text-align:left;vertical-align:top}
        table.list th{background:#eef1f5;white-space:nowrap}
        tr.severity-critical td:nth-child(2){color:#fff;background:#b3261e}
        tr.severity-high td:nth-child(2){color:#b3261e;font-weight:bold}
        tr.fresh{animation:fresh 4s ease-out}
        @keyframes fresh{from{background:#fff3c4}to{background:#fff}}
        tr.overdue td{background:#fdecea}
        tr.zeroed td{color:#b3261e}
        #stream-status{margin-left:8px;font-size:12px;color:#2e7d32}
        #stream-status.disconnected{color:#b3261e}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;background:#fff;padding:12px;border:1px solid #dde1e6}
        dl.facts dt{color:#555}
        dl.facts dd{margin:0}
        section.actions{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}
        section.actions h2,section.actions .hint{flex-basis:100%;margin:8px 0 0}
        form.action{background:#fff;border:1px solid #dde1e6;padding:10px;display:flex;flex-direction:column;gap:6px;min-width:260px}
        form.action textarea{display:block;width:100%;min-height:60px;font:inherit}
        form.login{display:flex;flex-direction:column;gap:10px;max-width:360px;background:#fff;padding:16px;border:1px solid #dde1e6}
        form.login input{display:block;width:100%;font:inherit;padding:4px}
        .banner{padding:8px 12px;border-left:4px solid}
        .banner.pending{background:#fff8e1;border-color:#f9a825}
        .banner.applied{background:#e8f5e9;border-color:#2e7d32}
        .banner.rejected{background:#fdecea;border-color:#b3261e}
        nav.tabs{display:flex;gap:4px;margin:6px 0}
        nav.tabs a{padding:3px 10px;border:1px solid #c5ccd6;border-radius:4px;text-decoration:none;color:#1f3a5f;background:#fff}
        nav.tabs a[aria-current]{background:#1f3a5f;color:#fff}
        figure.chart{background:#fff;border:1px solid #dde1e6;padding:10px;margin:12px 0;overflow-x:auto}
        """
}
