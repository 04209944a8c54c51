"""A2A agent speaking the AgentCore Runtime A2A contract: JSON-RPC on POST / (`message/send`, and `message/stream`
answered with Server-Sent Events), the agent card at GET /.well-known/agent-card.json, GET /ping for health.

Standard library only. PORT defaults to 9000 as on AgentCore Runtime. Replace `reply` with your agent.
"""
import json
import os
import time
import uuid
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOST = os.environ.get("HOST", "0.0.0.0")
PORT = int(os.environ.get("PORT", "9000"))


def reply(text):
    return f"echo: {text}"


def card():
    return {
        "protocolVersion": "0.3.0",
        "name": "a2a-agent",
        "description": "Echoes what it is told.",
        "url": os.environ.get("AGENTCORE_RUNTIME_URL", f"http://{HOST}:{PORT}/"),
        "version": "0.1.0",
        "capabilities": {"streaming": True},
        "defaultInputModes": ["text/plain"],
        "defaultOutputModes": ["text/plain"],
        "skills": [{"id": "echo", "name": "Echo", "description": "Echoes the text it receives.", "tags": ["echo"]}],
    }


def text_of(message):
    return "".join(p.get("text", "") for p in message.get("parts", []) if p.get("kind") == "text")


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
        if self.path == "/.well-known/agent-card.json":
            return self._json(200, card())
        return self._json(404, {"message": "not found"})

    def _stream(self, rpc_id, message):
        task_id, context_id = str(uuid.uuid4()), message.get("contextId") or str(uuid.uuid4())
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("cache-control", "no-cache")
        self.send_header("connection", "close")
        self.end_headers()

        def event(result):
            self.wfile.write(f"data: {json.dumps({'jsonrpc': '2.0', 'id': rpc_id, 'result': result})}\n\n".encode())
            self.wfile.flush()

        def status(state, final):
            now = datetime.now(timezone.utc).isoformat()
            return {"kind": "status-update", "taskId": task_id, "contextId": context_id,
                    "status": {"state": state, "timestamp": now}, "final": final}

        event({"kind": "task", "id": task_id, "contextId": context_id, "status": {"state": "submitted"}})
        event(status("working", False))
        words = reply(text_of(message)).split(" ")
        delay = float(os.environ.get("ECHO_DELAY_MS", "20")) / 1000
        for i, word in enumerate(words):
            event({"kind": "artifact-update", "taskId": task_id, "contextId": context_id, "append": i > 0,
                   "lastChunk": i == len(words) - 1,
                   "artifact": {"artifactId": "reply", "parts": [{"kind": "text", "text": word if i == 0 else " " + word}]}})
            time.sleep(delay)
        event(status("completed", True))
        self.close_connection = True

    def do_POST(self):
        if self.path not in ("/", ""):
            return self._json(404, {"message": "not found"})
        length = int(self.headers.get("content-length") or 0)
        try:
            rpc = json.loads(self.rfile.read(length) or b"{}")
        except ValueError:
            return self._json(200, {"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": "Parse error"}})
        rpc_id, method = rpc.get("id"), rpc.get("method")
        message = (rpc.get("params") or {}).get("message")
        if method not in ("message/send", "message/stream"):
            return self._json(200, {"jsonrpc": "2.0", "id": rpc_id,
                                    "error": {"code": -32601, "message": f"Method not found: {method}"}})
        if not isinstance(message, dict) or not isinstance(message.get("parts"), list):
            return self._json(200, {"jsonrpc": "2.0", "id": rpc_id,
                                    "error": {"code": -32602, "message": "params.message with parts is required"}})
        if method == "message/stream":
            return self._stream(rpc_id, message)
        self._json(200, {"jsonrpc": "2.0", "id": rpc_id, "result": {
            "kind": "message", "role": "agent", "messageId": str(uuid.uuid4()),
            "contextId": message.get("contextId") or str(uuid.uuid4()),
            "parts": [{"kind": "text", "text": reply(text_of(message))}],
        }})

    def log_message(self, fmt, *args):
        print(fmt % args, flush=True)


if __name__ == "__main__":
    print(f"A2A agent listening on {HOST}:{PORT}", flush=True)
    ThreadingHTTPServer((HOST, PORT), Handler).serve_forever()
