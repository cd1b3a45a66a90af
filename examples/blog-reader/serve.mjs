#!/usr/bin/env node
// A tiny static server for this folder, so the page runs on an origin of its own (not Atrium's):
//   node serve.mjs [port]        (default 8080; host 127.0.0.1, or HOST=…)
// Any static server does the same (`python3 -m http.server 8080` from this folder); this one needs
// nothing but Node and is also what the browser test (sdk-tests/browser) serves the page with.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL(".", import.meta.url));
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/** The file a URL path names inside this folder, or null (outside it, hidden, or not a page asset). */
function fileFor(urlPath) {
  const path = decodeURIComponent(urlPath.endsWith("/") ? `${urlPath}index.html` : urlPath);
  const file = resolve(ROOT, `.${path}`);
  const inside = file.startsWith(ROOT.endsWith(sep) ? ROOT : ROOT + sep);
  const hidden = path.split("/").some((segment) => segment.startsWith("."));
  return inside && !hidden && TYPES[extname(file)] ? file : null;
}

async function handle(req, res) {
  let file = null;
  try {
    file = fileFor(new URL(req.url, "http://x").pathname);
  } catch {
    // a malformed %-escape: not found below
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  try {
    if (!file) throw new Error("not served");
    const body = await readFile(file);
    res.writeHead(200, { "Content-Type": TYPES[extname(file)], "Cache-Control": "no-cache" });
    res.end(req.method === "HEAD" ? undefined : body);
  } catch {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found\n");
  }
}

/** Starts serving; resolves to the listening server (port 0 picks a free port: server.address().port). */
export function serve({ port = 8080, host = "127.0.0.1" } = {}) {
  const server = createServer(handle);
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => done(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
  const host = process.env.HOST ?? "127.0.0.1";
  const server = await serve({ port, host });
  console.log(`blog reader at http://${host}:${server.address().port}/ (Ctrl-C stops)`);
}
