/** Bodies of the fixture server's built-in pages (see FIXTURE_PATHS in ./fixture-routes.ts). */

export const TERMS_HTML = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Terms of Service</title></head>
<body>
<nav><a href="/">Home</a></nav>
<main id="terms">
<h1>Terms of Service</h1>
<p>Last updated: 1 March 2024</p>
<p>These terms govern your use of the Example service, including the café.</p>
<h2>1. Your content</h2>
<p>You keep ownership of what you post. You grant us a licence to host and display it.</p>
<h2>2. Termination</h2>
<p>We may suspend accounts that break these terms. You may leave at any time.</p>
</main>
</body>
</html>
`;

export const MALFORMED_HTML = `<!DOCTYPE html>
<html><head><title>Privacy Policy</title>
<body>
<div id="policy"><h1>Privacy Policy</h2>
<p>We collect <b>your <i>data</b></i> for purposes
<p>Unclosed paragraph, then a stray end tag</span></div></div>
<table><tr><td>cell<td>another cell
<ul><li>one<li>two
<!-- an unterminated comment
`;

export const COOKIE_WALL_HTML = `<!DOCTYPE html>
<html><head><title>Cookies required</title></head>
<body><div class="wall"><p>Please enable cookies to continue.</p>
<noscript>This site needs JavaScript.</noscript></div></body></html>
`;

export const MAINTENANCE_HTML = `<!DOCTYPE html>
<html><head><title>Maintenance</title></head>
<body><h1>We'll be right back</h1><p>The site is undergoing scheduled maintenance.</p></body></html>
`;

/** Text only appears once the script runs; the delay gives waitForSelector something to do. */
export const JS_RENDERED_HTML = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Terms</title></head>
<body><div id="app">Loading…</div>
<script>
setTimeout(function () {
  var terms = document.createElement("div");
  terms.id = "terms";
  terms.innerHTML = "<h1>Terms of Service</h1><p>Rendered by a script on the client.</p>";
  document.getElementById("app").replaceWith(terms);
}, 100);
</script>
</body></html>
`;

/**
 * windows-1252 bytes, charset only in <meta charset>: "é" is 0xE9, "€" 0x80 and the curly
 * quotes 0x93/0x94, none of which is valid UTF-8 on its own.
 */
export function windows1252Page(): Buffer {
  return Buffer.concat([
    Buffer.from(
      '<!DOCTYPE html><html><head><meta charset="windows-1252"><title>Conditions</title></head>',
      "latin1",
    ),
    Buffer.from("<body><p>Conditions g\xe9n\xe9rales: ", "latin1"),
    Buffer.from([0x93]),
    Buffer.from("abonnement", "latin1"),
    Buffer.from([0x94]),
    Buffer.from(" \xe0 9,99 ", "latin1"),
    Buffer.from([0x80]),
    Buffer.from(" par mois.</p></body></html>", "latin1"),
  ]);
}

/** ISO-8859-1 bytes, charset only in <meta http-equiv="Content-Type">. */
export function latin1HttpEquivPage(): Buffer {
  return Buffer.from(
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">' +
      "<title>Datenschutz</title></head><body><p>Datenschutzerkl\xe4rung f\xfcr Gro\xdfkunden</p></body></html>",
    "latin1",
  );
}
