"""Echo agent speaking the AgentCore Runtime HTTP contract: GET /ping, POST /invocations (JSON or SSE).

Standard library only. PORT defaults to 8080 as on AgentCore Runtime.
"""
import json
import os
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _json(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/ping":
            return self._json(200, {"status": "Healthy", "time_of_last_update": int(time.time())})
        return self._json(404, {"message": "not found"})

    def do_POST(self):
        if not self.path.startswith("/invocations"):
            return self._json(404, {"message": "not found"})
        length = int(self.headers.get("content-length") or 0)
        try:
            prompt = str(json.loads(self.rfile.read(length) or b"{}").get("prompt", ""))
        except ValueError:
            return self._json(400, {"error": 'body must be JSON like {"prompt": "..."}'})
        reply = f"echo: {prompt}"
        if "text/event-stream" not in (self.headers.get("accept") or ""):
            return self._json(200, {"result": reply})
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("cache-control", "no-cache")
        self.send_header("connection", "close")
        self.end_headers()
        delay = float(os.environ.get("ECHO_DELAY_MS", "20")) / 1000
        for i, word in enumerate(reply.split(" ")):
            self.wfile.write(f"data: {json.dumps(word if i == 0 else ' ' + word)}\n\n".encode())
            self.wfile.flush()
            time.sleep(delay)
        self.close_connection = True

    def log_message(self, fmt, *args):
        print(fmt % args, flush=True)


if __name__ == "__main__":
    host = os.environ.get("HOST", "0.0.0.0")
    port = int(os.environ.get("PORT", "8080"))
    print(f"echo agent listening on {host}:{port}", flush=True)
    ThreadingHTTPServer((host, port), Handler).serve_forever()
