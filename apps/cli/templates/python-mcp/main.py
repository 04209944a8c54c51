"""MCP server speaking the AgentCore Runtime MCP contract: streamable HTTP on POST /mcp (JSON responses, stateless,
as AgentCore expects), GET /ping for health.

Standard library only (the official `mcp` package's FastMCP with stateless_http=True serves the same contract).
PORT defaults to 8000 as on AgentCore Runtime. Add your tools to TOOLS below.
"""
import json
import os
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PROTOCOL_VERSIONS = ["2025-06-18", "2025-03-26", "2024-11-05"]

TOOLS = {
    "echo": {
        "description": "Echo the given text back.",
        "inputSchema": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]},
        "run": lambda args: f"echo: {args.get('text', '')}",
    },
    "add": {
        "description": "Add two numbers.",
        "inputSchema": {
            "type": "object",
            "properties": {"a": {"type": "number"}, "b": {"type": "number"}},
            "required": ["a", "b"],
        },
        "run": lambda args: str(args["a"] + args["b"]),
    },
}


def handle(message):
    msg_id, method, params = message.get("id"), message.get("method"), message.get("params") or {}
    if "id" not in message:
        return None  # a notification (e.g. notifications/initialized): no answer

    def ok(result):
        return {"jsonrpc": "2.0", "id": msg_id, "result": result}

    def fail(code, text):
        return {"jsonrpc": "2.0", "id": msg_id, "error": {"code": code, "message": text}}

    if method == "initialize":
        asked = params.get("protocolVersion")
        return ok({
            "protocolVersion": asked if asked in PROTOCOL_VERSIONS else PROTOCOL_VERSIONS[0],
            "capabilities": {"tools": {}},
            "serverInfo": {"name": "mcp-agent", "version": "0.1.0"},
        })
    if method == "ping":
        return ok({})
    if method == "tools/list":
        return ok({"tools": [
            {"name": name, "description": t["description"], "inputSchema": t["inputSchema"]} for name, t in TOOLS.items()
        ]})
    if method == "tools/call":
        tool = TOOLS.get(params.get("name"))
        if tool is None:
            return fail(-32602, f"Unknown tool: {params.get('name')}")
        try:
            return ok({"content": [{"type": "text", "text": tool["run"](params.get("arguments") or {})}]})
        except Exception as err:  # the tool's failure is its result, not a protocol error
            return ok({"content": [{"type": "text", "text": str(err)}], "isError": True})
    return fail(-32601, f"Method not found: {method}")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _send(self, status, payload=None):
        data = b"" if payload is None else json.dumps(payload).encode()
        self.send_response(status)
        if payload is not None:
            self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/ping":
            return self._send(200, {"status": "Healthy", "time_of_last_update": int(time.time())})
        if self.path.startswith("/mcp"):
            return self._send(405, {"jsonrpc": "2.0", "error": {"code": -32000, "message": "Method not allowed"}, "id": None})
        return self._send(404, {"message": "not found"})

    def do_DELETE(self):
        return self.do_GET()

    def do_POST(self):
        if not self.path.startswith("/mcp"):
            return self._send(404, {"message": "not found"})
        length = int(self.headers.get("content-length") or 0)
        try:
            body = json.loads(self.rfile.read(length) or b"null")
        except ValueError:
            return self._send(400, {"jsonrpc": "2.0", "error": {"code": -32700, "message": "Parse error"}, "id": None})
        messages = body if isinstance(body, list) else [body]
        answers = [a for a in (handle(m) for m in messages if isinstance(m, dict)) if a is not None]
        if not answers:
            return self._send(202)
        self._send(200, answers if isinstance(body, list) else answers[0])

    def log_message(self, fmt, *args):
        print(fmt % args, flush=True)


if __name__ == "__main__":
    host = os.environ.get("HOST", "0.0.0.0")
    port = int(os.environ.get("PORT", "8000"))
    print(f"MCP agent listening on {host}:{port}/mcp", flush=True)
    ThreadingHTTPServer((host, port), Handler).serve_forever()
